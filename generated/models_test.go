package generated

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/ir"
)

// TestExampleResponsesRoundTrip decodes every documented example response
// whose type is documented into its generated model, re-encodes it and
// requires the same JSON (timestamps compared as instants). Examples that
// are not JSON (truncated with "...") or whose values do not fit the
// documented types are reported, with their position, and counted.
func TestExampleResponsesRoundTrip(t *testing.T) {
	api, err := graphgen.Load(graphgen.BundledDocs())
	if err != nil {
		t.Fatal(err)
	}
	checked, notJSON, misfit := 0, 0, 0
	for _, op := range api.Operations {
		typed := op.Response.Kind == ir.KindObject || op.Response.Kind == ir.KindCollection
		if typed && op.Response.Type != "" && !strings.HasPrefix(op.Response.Type, "Edm.") && newModel(op.Version+" "+op.Response.Type) == nil {
			// The corpus cases carry the resource pages of their operations'
			// types; contrib-2026 (a fixed sample), bad/ and crafted/ do not.
			if tree, _, _ := strings.Cut(op.Page, "/"); tree == "en-2021" || strings.HasPrefix(tree, "pt-BR") {
				t.Errorf("%s: response type %s is not documented in testdata/docs; add its resource page", op.Source, op.Response.Type)
			} else {
				t.Logf("%s: response type %s is not documented in this docs case; examples not checked", op.Source, op.Response.Type)
			}
		}
		for _, ex := range op.Examples {
			if ex.Response == nil || newModel(op.Version+" "+op.Response.Type) == nil {
				continue
			}
			objects, ok := exampleObjects(op.Response.Kind, ex.Response.Body)
			if !ok {
				notJSON++
				t.Logf("%s: example response is not JSON (truncated?); not checked", ex.Source)
				continue
			}
			for _, obj := range objects {
				m := newModel(op.Version + " " + op.Response.Type)
				if err := json.Unmarshal(obj, m); err != nil {
					misfit++
					t.Logf("%s: example does not fit %s: %v", ex.Source, op.Response.Type, err)
					continue
				}
				out, err := json.Marshal(m)
				if err != nil {
					t.Fatalf("%s: re-encoding: %v", ex.Source, err)
				}
				if !sameJSON(obj, out) {
					t.Errorf("%s: re-encoding %s loses or changes members:\n in: %s\nout: %s", ex.Source, op.Response.Type, obj, out)
				}
				checked++
			}
		}
	}
	t.Logf("%d example objects round-tripped, %d examples not JSON, %d not fitting their type", checked, notJSON, misfit)
	if checked < 15 {
		t.Errorf("only %d example objects checked", checked)
	}
}

// exampleObjects returns the objects of an example body: the body, the
// elements of a collection's "value", or an Intune {"value": {...}}.
func exampleObjects(kind, body string) ([]json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &m) != nil {
		return nil, false
	}
	v, wrapped := m["value"]
	switch {
	case kind == ir.KindCollection && wrapped:
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			return nil, false
		}
		return items, true
	case wrapped && len(m) == 1:
		return []json.RawMessage{v}, true
	}
	delete(m, "@odata.context")
	obj, _ := json.Marshal(m)
	return []json.RawMessage{obj}, true
}

// sameJSON compares two JSON documents; strings that are both timestamps
// compare as instants, since time.Time writes its own precision.
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return equalJSON(x, y)
}

func equalJSON(x, y any) bool {
	switch xv := x.(type) {
	case map[string]any:
		yv, ok := y.(map[string]any)
		if !ok || len(xv) != len(yv) {
			return false
		}
		for k := range xv {
			if !equalJSON(xv[k], yv[k]) {
				return false
			}
		}
		return true
	case []any:
		yv, ok := y.([]any)
		if !ok || len(xv) != len(yv) {
			return false
		}
		for i := range xv {
			if !equalJSON(xv[i], yv[i]) {
				return false
			}
		}
		return true
	case string:
		ys, ok := y.(string)
		if ok && xv != ys {
			tx, errx := time.Parse(time.RFC3339Nano, xv)
			ty, erry := time.Parse(time.RFC3339Nano, ys)
			return errx == nil && erry == nil && tx.Equal(ty)
		}
		return ok
	}
	return reflect.DeepEqual(x, y)
}
