// Package wire holds what graphrt's client and graphtest's mock server
// both say on the wire: the JSON media type and struct fields' member names.
package wire

import (
	"reflect"
	"strings"
)

// JSONType is the media type of Graph requests and responses.
const JSONType = "application/json"

// JSONName is the JSON member name of a field with a json tag, "" for
// fields without one or tagged "-" (encoding/json's rule: the tag "-"
// skips the field, "-," names the member "-").
func JSONName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	return name
}
