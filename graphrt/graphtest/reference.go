package graphtest

import (
	"encoding/json"
	"fmt"
	"strings"
)

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
