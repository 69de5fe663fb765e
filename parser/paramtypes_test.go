package parser

import (
	"encoding/json"
	"testing"
	"testing/fstest"
)

func TestJSONType(t *testing.T) {
	tests := []struct {
		raw        string
		edm        string
		collection bool
	}{
		{`"abc"`, "Edm.String", false},
		{`"bea13e0c-3828-4daa-a392-28af7ff61a0f"`, "Edm.Guid", false},
		{`"2014-01-01T00:00:00Z"`, "Edm.DateTimeOffset", false},
		{`"2021-07-16"`, "Edm.Date", false},
		{`"PT1H30M"`, "Edm.Duration", false},
		{`"Z2V0Q2FjaGVkUmVwb3J0SW50dW5l"`, "Edm.String", false}, // no padding: not surely base64
		{`"Z2V0Q2FjaGVkUmVwb3J0IA=="`, "Edm.Binary", false},
		{`true`, "Edm.Boolean", false},
		{`42`, "Edm.Int32", false},
		{`-1.5`, "Edm.Double", false},
		{`["a", "b"]`, "Edm.String", true},
		{`[]`, "", false},
		{`{"a": 1}`, "", false},
		{`null`, "", false},
		{``, "", false},
	}
	for _, tt := range tests {
		edm, coll := jsonType(json.RawMessage(tt.raw))
		if edm != tt.edm || coll != tt.collection {
			t.Errorf("jsonType(%s) = %q, %v; want %q, %v", tt.raw, edm, coll, tt.edm, tt.collection)
		}
	}
}

// paramPage is an operation page in a made-up language whose parameter
// table types its rows with words graphgen does not know.
func paramPage(example string) string {
	return "---\ntitle: x\nms.contentlocale: qps-ploc\n---\n\n# Zø\n\n## <a name=\"http-request\"></a>Hø\n\n```http\nPOST /things\n```\n\n" +
		"## <a name=\"request-body\"></a>Bø\n\n| Nø | Tø | Dø |\n|:--|:--|:--|\n| label | Šehô | Lø. |\n| tags | Šehô nužíñutè | Lø. |\n| owner | [user](../resources/user.md) nužíñutè | Lø. |\n\n" +
		"## <a name=\"response\"></a>Rø\n\n`204 No Content`\n\n## <a name=\"examples\"></a>Eø\n\n<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nPOST https://graph.microsoft.com/v1.0/things\nContent-Type: application/json\n\n" + example + "\n```\n"
}

// TestParamTypesFromTheTree types a page's parameters by what another
// page's example sends for cells with the same words.
func TestParamTypesFromTheTree(t *testing.T) {
	fsys := fstest.MapFS{
		"api/a.md": {Data: []byte(paramPage(`{"label": "x", "tags": ["a"], "owner": [{"id": "1"}]}`))},
		"api/b.md": {Data: []byte(paramPage(`{}`))},
	}
	api, err := ParseFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range api.Operations {
		got := map[string]string{}
		for _, bp := range op.RequestBody.Params {
			got[bp.Name] = bp.TypeName + bp.Ref
			if bp.Collection {
				got[bp.Name] = "[]" + got[bp.Name]
			}
		}
		want := map[string]string{"label": "Edm.String", "tags": "[]Edm.String", "owner": "[]user"}
		for name, w := range want {
			if got[name] != w {
				t.Errorf("%s: parameter %s is %q, want %q", op.Page, name, got[name], w)
			}
		}
	}
}
