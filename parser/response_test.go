package parser

import (
	"testing"

	"github.com/graphgen-dev/graphgen/ir"
)

func TestJSONShape(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{"value": [{"id": "1"}]}`, ir.KindCollection},
		{`{"@odata.context": "x", "value": []}`, ir.KindCollection},
		{`[{"id": "1"}]`, ir.KindCollection},
		{`{"value": "text"}`, ir.KindPrimitive},
		{`{"value": 42}`, ir.KindPrimitive},
		{`{"value": true}`, ir.KindPrimitive},
		{`{"value": {"id": "1"}}`, ir.KindObject},
		{`{"id": "1", "displayName": "x"}`, ir.KindObject},
		{`{}`, ir.KindObject},
		{"{\n  \"value\": [\n    {\n      \"id\": \"1\"\n    },\n    ...\n  ]\n}", ""},
		{`{"value": [`, ""},
		{`"text"`, ir.KindPrimitive}, // a bare JSON value
		// "value" wraps the result only beside OData annotations; an entity
		// may have a property called value (sideloadingKey, namedItem).
		{`{"@odata.context": "x", "value": 3}`, ir.KindPrimitive},
		{`{"nested": {"value": [1]}, "value": 3}`, ir.KindObject},
		{`{"a": "va\"lue\"", "value": [1]}`, ir.KindObject},
		{`{"@odata.context": "va\"lue\"", "value": [1]}`, ir.KindCollection},
		{``, ""},
	}
	for _, tt := range tests {
		if got := jsonShape(tt.body); got != tt.want {
			t.Errorf("jsonShape(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestProseStatus(t *testing.T) {
	tests := []struct {
		prose string
		want  int
	}{
		{"If successful, this method returns a `200 OK` response code and a user object in the response body.", 200},
		{"If successful, this method returns `204 No Content` response code. It does not return anything in the response body.", 204},
		{"Se bem-sucedido, este método retornará um código de resposta `201 Created` e um objeto.", 201},
		{"If successful, this method returns a 202 Accepted response code.", 202},
		{"Returns 200 for existing items and `201 Created` for new ones.", 201},
		{"Up to 1000 items; `2000` is too many. Returns 200 OK.", 200},
		{"A `404 Not Found` error is returned otherwise; success is 200.", 200}, // error codes are not the success status
		{"Returns `507 Insufficient Storage` when full, else `201 Created`.", 201},
		{"If successful, this method returns a response code and an object.", 0},
		{"Codes 600 and 099 are not statuses.", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := proseStatusForTest(tt.prose); got != tt.want {
			t.Errorf("proseStatus(%q) = %d, want %d", tt.prose, got, tt.want)
		}
	}
}

func TestFirstResourceLink(t *testing.T) {
	tests := []struct {
		name  string
		links []string
		want  string
	}{
		{"none", nil, ""},
		{"resource", []string{"../resources/user.md"}, "user"},
		{"fragment", []string{"../resources/message.md#properties"}, "message"},
		{"query", []string{"resources/driveitem.md?view=graph-rest-1.0"}, "driveitem"},
		{"first resource wins", []string{"#request-body", "/graph/api/user-get", "../resources/event.md", "../resources/user.md"}, "event"},
		{"absolute URL", []string{"https://learn.microsoft.com/en-us/graph/api/resources/group?view=graph-rest-1.0"}, "group"},
		{"Intune area prefix", []string{"../resources/intune-shared-windowsupdatestate.md"}, "windowsupdatestate"},
		{"Intune devices prefix", []string{"../resources/intune-devices-manageddevice.md"}, "manageddevice"},
		{"intune without area", []string{"../resources/intune.md"}, "intune"},
		{"api page", []string{"../api/user-get.md"}, ""},
	}
	for _, tt := range tests {
		if got := firstResourceLink(tt.links); got != tt.want {
			t.Errorf("%s: firstResourceLink(%q) = %q, want %q", tt.name, tt.links, got, tt.want)
		}
	}
}

func TestPrimitiveType(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Edm.String", "Edm.String"},
		{"String", "String"},
		{"microsoft.graph.user", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := primitiveType(tt.in); got != tt.want {
			t.Errorf("primitiveType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsBinaryResponse(t *testing.T) {
	tests := []struct {
		name string
		resp ir.ExampleResponse
		want bool
	}{
		{"JSON", ir.ExampleResponse{Status: 200, Headers: []string{"Content-Type", "application/json"}}, false},
		{"JSON with parameters", ir.ExampleResponse{Status: 200, Headers: []string{"content-type", "application/json;odata.metadata=minimal"}}, false},
		{"OData JSON", ir.ExampleResponse{Status: 200, Headers: []string{"Content-Type", "application/problem+json"}}, false},
		{"image", ir.ExampleResponse{Status: 200, Headers: []string{"Content-type", "image/jpeg"}}, true},
		{"redirect", ir.ExampleResponse{Status: 302, Headers: []string{"Location", "https://x"}}, true},
		{"no content type", ir.ExampleResponse{Status: 200}, false},
	}
	for _, tt := range tests {
		if got := isBinaryResponse(&tt.resp); got != tt.want {
			t.Errorf("%s: isBinaryResponse = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestResponseShape(t *testing.T) {
	ex := func(r ir.ExampleResponse) *ir.Example { return &ir.Example{Response: &r} }
	tests := []struct {
		name               string
		status             int
		ex                 *ir.Example
		prose, link        string
		wantKind, wantType string
	}{
		{"no content", 204, ex(ir.ExampleResponse{Body: `{"a":1}`}), "", "user", ir.KindNone, ""},
		{"annotated collection", 200, ex(ir.ExampleResponse{IsCollection: true, Type: "microsoft.graph.user"}), "", "", ir.KindCollection, "microsoft.graph.user"},
		{"binary", 200, ex(ir.ExampleResponse{Headers: []string{"Content-Type", "image/png"}}), "", "", ir.KindBinary, ""},
		{"collection body", 200, ex(ir.ExampleResponse{Body: `{"value": []}`}), "", "message", ir.KindCollection, "message"},
		{"primitive body", 200, ex(ir.ExampleResponse{Body: `{"value": "x"}`, Type: "Edm.String"}), "", "", ir.KindPrimitive, "Edm.String"},
		{"object body, annotation type wins", 200, ex(ir.ExampleResponse{Body: `{"id": "1"}`, Type: "microsoft.graph.user"}), "", "group", ir.KindObject, "microsoft.graph.user"},
		{"truncated body, collection prose", 200, ex(ir.ExampleResponse{Body: `{"value": [ ... ]}`}), "returns a collection of user objects", "user", ir.KindCollection, "user"},
		{"truncated body, pt-BR collection prose", 200, ex(ir.ExampleResponse{Body: `{...}`}), "retorna uma coleção de objetos user", "user", ir.KindCollection, "user"},
		{"link only", 200, nil, "returns a user object", "user", ir.KindObject, "user"},
		{"truncated body, no type", 200, ex(ir.ExampleResponse{Body: `{...}`}), "", "", ir.KindObject, ""},
		{"nothing", 200, nil, "", "", ir.KindNone, ""},
		// team-clone: no content, text/plain and a Location is no stream.
		{"accepted with Location", 202, ex(ir.ExampleResponse{Status: 202, Headers: []string{"Location", "/teams({id})/operations({opId})", "Content-Type", "text/plain", "Content-Length", "0"}}), "", "", ir.KindNone, ""},
		{"download redirect stays binary", 302, ex(ir.ExampleResponse{Status: 302, Headers: []string{"Location", "https://b0mpua-by3301.files.1drv.com/y23vmag"}}), "", "", ir.KindBinary, ""},
		{"empty stream answer stays binary", 200, ex(ir.ExampleResponse{Status: 200, Headers: []string{"Content-Type", "image/jpeg"}}), "", "", ir.KindBinary, ""},
	}
	for _, tt := range tests {
		kind, typ := responseShape(tt.status, tt.ex, tt.prose, tt.link)
		if kind != tt.wantKind || typ != tt.wantType {
			t.Errorf("%s: responseShape = %q, %q; want %q, %q", tt.name, kind, typ, tt.wantKind, tt.wantType)
		}
	}
}

// proseStatusForTest is the prose part of the status rule: a back-ticked
// code, else a bare one (readResponse puts the example's in between).
func proseStatusForTest(s string) int {
	if n := firstStatus(tickedStatus, s); n != 0 {
		return n
	}
	return firstStatus(bareStatus, s)
}
