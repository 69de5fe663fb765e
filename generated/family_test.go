package generated

import (
	"encoding/json"

	"github.com/graphgen-dev/graphgen/ir"
)

// familyTypes lists, by version and qualified name, the types of a
// polymorphic family as the resource pages describe them: those with a
// base type, and the bases.
func familyTypes(api *ir.API) map[string]bool {
	family := map[string]bool{}
	for _, t := range api.Types {
		if t.Base != "" {
			family[t.Version+" "+t.Name] = true
			family[t.Version+" "+t.Base] = true
		}
	}
	return family
}

// typedJSON is the JSON object obj as a model of type name (of a
// polymorphic family) sends it: with "@odata.type": "#name" when obj has
// none, so that Graph can tell the type.
func typedJSON(obj []byte, name string) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(obj, &m) != nil {
		return obj
	}
	if _, ok := m["@odata.type"]; ok {
		return obj
	}
	m["@odata.type"], _ = json.Marshal("#" + name)
	out, _ := json.Marshal(m)
	return out
}
