package graphrt

import (
	"encoding/json"
	"errors"
)

// Ref is the body of a request that adds or sets a reference to an
// existing object (POST or PUT on a .../$ref path, as in adding a group
// member): {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}.
type Ref struct {
	// ODataID is the URL of the object referred to.
	ODataID string `json:"@odata.id"`
}

// errEmptyRef is returned for a reference body without a URL.
var errEmptyRef = errors.New("graph: the reference body's @odata.id is empty")

// MarshalJSON encodes r, refusing an empty ODataID, which would refer to
// nothing.
func (r Ref) MarshalJSON() ([]byte, error) {
	if r.ODataID == "" {
		return nil, errEmptyRef
	}
	type plain Ref
	return json.Marshal(plain(r))
}
