package parser

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
)

// frontMatter is the smallest page newPage accepts; offset 17 is line 4.
const frontMatter = "---\ntitle: t\n---\n"

// testPage returns a page holding body after a front matter.
func testPage(t *testing.T, body string) *page {
	t.Helper()
	p, ok := newPage("x.md", []byte(frontMatter+body))
	if !ok {
		t.Fatal("newPage: no front matter")
	}
	return p
}

func TestLenientJSON(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "plain", in: `{"a": 1}`, want: `{"a": 1}`},
		{name: "trailing comma in object", in: `{"a": 1,}`, want: `{"a": 1}`},
		{name: "trailing comma before white space", in: "{\"a\": 1,\n  }", want: "{\"a\": 1\n  }"},
		{name: "trailing commas nested", in: `{"a": [1, 2,], }`, want: `{"a": [1, 2] }`},
		{name: "line comment", in: "{\"a\": 1, // note\n\"b\": 2}", want: "{\"a\": 1, \n\"b\": 2}"},
		{name: "comment at the end", in: "{\"a\": 1} // note", want: "{\"a\": 1} \n"},
		{name: "slashes in a string", in: `{"url": "https://graph.microsoft.com/v1.0"}`, want: `{"url": "https://graph.microsoft.com/v1.0"}`},
		{name: "escaped quote in a string", in: `{"a": "x\"//y,}"}`, want: `{"a": "x\"//y,}"}`},
		{name: "comma and brace in a string", in: `{"a": ",]"}`, want: `{"a": ",]"}`},
		{
			name: "trailing comma before a comment",
			in:   "{\"a\": 1, // note\n}",
			want: "{\"a\": 1 \n}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lenientJSON(tt.in)
			if got != tt.want {
				t.Errorf("lenientJSON(%q) = %q, want %q", tt.in, got, tt.want)
			}
			var v any
			if err := json.Unmarshal([]byte(got), &v); err != nil {
				t.Errorf("lenientJSON(%q) = %q, not valid JSON: %v", tt.in, got, err)
			}
		})
	}
}

func TestParseAnnotation(t *testing.T) {
	const start, end = 17, 60
	tests := []struct {
		name    string
		comment string
		want    *annotation // nil: not an annotation
	}{
		{
			name:    "request",
			comment: `<!-- { "blockType": "request", "name": "get_user" } -->`,
			want:    &annotation{start: start, end: end, blockType: "request", name: "get_user"},
		},
		{
			name:    "ignored, no spaces",
			comment: `<!--{"blockType":"ignored"}-->`,
			want:    &annotation{start: start, end: end, blockType: "ignored"},
		},
		{
			name: "response with string booleans",
			comment: `<!-- {
  "blockType": "Response",
  "truncated": "true",
  "@odata.type": " microsoft.graph.user ",
  "isCollection": "True"
} -->`,
			want: &annotation{start: start, end: end, blockType: "response", odataType: "microsoft.graph.user", isCollection: true, truncated: true},
		},
		{
			name:    "response with booleans",
			comment: `<!-- { "blockType": "response", "truncated": true, "isCollection": false, "@odata.type": "microsoft.graph.message" } -->`,
			want:    &annotation{start: start, end: end, blockType: "response", odataType: "microsoft.graph.message", truncated: true},
		},
		{
			name:    "false string and non-string name",
			comment: `<!-- { "blockType": "response", "truncated": "false", "isCollection": 1, "name": 3 } -->`,
			want:    &annotation{start: start, end: end, blockType: "response"},
		},
		{
			name: "trailing comma and comment",
			comment: `<!-- {
  "blockType": "request", // what it is
  "name": "create_user",
} -->`,
			want: &annotation{start: start, end: end, blockType: "request", name: "create_user"},
		},
		{
			name:    "quotes escaped by a translation tool",
			comment: `<!-- { &quot;blockType&quot;: &quot;request&quot;, &quot;name&quot;: &quot;get_user&quot; } -->`,
			want:    &annotation{start: start, end: end, blockType: "request", name: "get_user"},
		},
		{name: "uuid comment", comment: `<!-- uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79 -->`},
		{name: "broken page annotation is not reported", comment: `<!-- { "type": "#page.annotation", "description": "x" "section": "documentation" } -->`},
		{name: "page annotation", comment: `<!-- { "type": "#page.annotation", "description": "Get user", "section": "documentation" } -->`},
		{name: "not a comment", comment: `<div>{"blockType": "request"}</div>`},
		{name: "empty comment", comment: `<!-- -->`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testPage(t, "")
			got := parseAnnotation(p, tt.comment, start, end)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(annotation{})); diff != "" {
				t.Errorf("parseAnnotation(%q) mismatch (-want +got):\n%s", tt.comment, diff)
			}
			if len(p.diags) != 0 {
				t.Errorf("parseAnnotation(%q) reported %v, want no diagnostics", tt.comment, p.diags)
			}
		})
	}
}

func TestParseAnnotationInvalidJSON(t *testing.T) {
	for _, comment := range []string{
		`<!-- { "blockType": "request" "name": "x" } -->`,
		`<!-- { "blockType": request } -->`,
		`<!-- { "blockType": "request", -->`,
	} {
		p := testPage(t, comment+"\n")
		if got := parseAnnotation(p, comment, 17, 17+len(comment)); got != nil {
			t.Errorf("parseAnnotation(%q) = %+v, want nil", comment, got)
		}
		if len(p.diags) != 1 {
			t.Fatalf("parseAnnotation(%q) reported %d diagnostics, want 1: %v", comment, len(p.diags), p.diags)
		}
		d := p.diags[0]
		if d.Pos != "x.md:4:1" || d.Severity != ir.Note {
			t.Errorf("parseAnnotation(%q) diagnostic at %q (%s), want x.md:4:1 (note)", comment, d.Pos, d.Severity)
		}
		if !strings.Contains(d.Message, "invalid code-block annotation JSON") {
			t.Errorf("parseAnnotation(%q) diagnostic %q does not say the JSON is invalid", comment, d.Message)
		}
	}
}

func TestPagePos(t *testing.T) {
	p := testPage(t, "# Title\n\nab\tc\n")
	tests := []struct {
		off  int
		want string
	}{
		{0, "x.md:1:1"},
		{4, "x.md:2:1"},
		{17, "x.md:4:1"},
		{19, "x.md:4:3"},
		{26, "x.md:6:1"},
		{27, "x.md:6:2"},
		{1000, "x.md:7:970"},
	}
	for _, tt := range tests {
		if got := p.pos(tt.off); got != tt.want {
			t.Errorf("pos(%d) = %q, want %q", tt.off, got, tt.want)
		}
	}
	if got := p.front["title"]; got != "t" {
		t.Errorf(`front["title"] = %q, want "t"`, got)
	}
	if got := string(p.src[:17]); strings.TrimSpace(got) != "" || strings.Count(got, "\n") != 3 {
		t.Errorf("front matter not blanked with lines kept: %q", got)
	}
}
