package graphrt

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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

// CheckRef returns the body check of a mock route that takes a reference:
// the body must be a JSON object with a non-empty string "@odata.id" and
// no other members besides OData annotations.
func CheckRef() func(body []byte) error {
	return func(body []byte) error {
		var members map[string]json.RawMessage
		if err := json.Unmarshal(body, &members); err != nil {
			return fmt.Errorf("not a JSON object")
		}
		for name := range members {
			if name != "@odata.id" && !strings.HasPrefix(name, "@") {
				return fmt.Errorf("unknown member %q (a reference body has only \"@odata.id\")", name)
			}
		}
		var id string
		if err := json.Unmarshal(members["@odata.id"], &id); err != nil || id == "" {
			return fmt.Errorf("a reference body needs \"@odata.id\", the URL of the object to refer to, as a non-empty string")
		}
		return nil
	}
}
