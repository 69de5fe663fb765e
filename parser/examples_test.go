package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
)

func TestParseExampleRequest(t *testing.T) {
	tests := []struct {
		name string
		code string
		want *ir.ExampleRequest // nil: not a request
	}{
		{
			name: "absolute GET with query and header",
			code: "GET https://graph.microsoft.com/v1.0/me/messages?$select=subject\nPrefer: outlook.body-content-type=\"text\"\n",
			want: &ir.ExampleRequest{
				Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/messages?$select=subject",
				Path: "/me/messages", Query: "$select=subject",
				Headers: []string{"Prefer", `outlook.body-content-type="text"`},
			},
		},
		{
			name: "HTTP/1.1 suffix and no-break space",
			code: "GET\u00a0https://graph.microsoft.com/beta/users/{id} HTTP/1.1",
			want: &ir.ExampleRequest{Method: "GET", URL: "https://graph.microsoft.com/beta/users/{id}", Path: "/users/{id}"},
		},
		{
			name: "blank line between request line and headers",
			code: "POST https://graph.microsoft.com/v1.0/users\n\nContent-type: application/json\n\n{\n  \"accountEnabled\": true,\n  \"displayName\": \"Adele\"\n}\n",
			want: &ir.ExampleRequest{
				Method: "POST", URL: "https://graph.microsoft.com/v1.0/users", Path: "/users",
				Headers: []string{"Content-type", "application/json"},
				Body:    "{\n  \"accountEnabled\": true,\n  \"displayName\": \"Adele\"\n}",
			},
		},
		{
			name: "body without headers",
			code: "PATCH https://graph.microsoft.com/v1.0/me\n{\"displayName\": \"x:y\"}",
			want: &ir.ExampleRequest{Method: "PATCH", URL: "https://graph.microsoft.com/v1.0/me", Path: "/me", Body: `{"displayName": "x:y"}`},
		},
		{
			name: "CRLF and leading blank lines",
			code: "\r\n\r\nDELETE https://graph.microsoft.com/v1.0/me/events/AAMk\r\nAuthorization: Bearer x\r\n",
			want: &ir.ExampleRequest{
				Method: "DELETE", URL: "https://graph.microsoft.com/v1.0/me/events/AAMk", Path: "/me/events/AAMk",
				Headers: []string{"Authorization", "Bearer x"},
			},
		},
		{
			name: "relative URL",
			code: "GET /me/events?$top=2",
			want: &ir.ExampleRequest{Method: "GET", URL: "/me/events?$top=2", Path: "/me/events", Query: "$top=2"},
		},
		{
			name: "query with spaces",
			code: "GET https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName,'a b')",
			want: &ir.ExampleRequest{
				Method: "GET", URL: "https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName,'a b')",
				Path: "/users", Query: "$filter=startswith(displayName,'a b')",
			},
		},
		{
			// user-list-agreementacceptances: one block shows the call on
			// both documented paths; the second line is no body.
			name: "two request lines",
			code: "GET https://graph.microsoft.com/v1.0/me/agreementAcceptances\n\nGET https://graph.microsoft.com/v1.0/users/f2f4/agreementAcceptances\n",
			want: &ir.ExampleRequest{Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/agreementAcceptances", Path: "/me/agreementAcceptances"},
		},
		{
			name: "second request line after headers",
			code: "GET https://graph.microsoft.com/beta/a\nAccept: application/json\nGET https://graph.microsoft.com/beta/b\n",
			want: &ir.ExampleRequest{Method: "GET", URL: "https://graph.microsoft.com/beta/a", Path: "/a", Headers: []string{"Accept", "application/json"}},
		},
		{name: "response", code: "HTTP/1.1 200 OK\n"},
		{name: "lower-case method", code: "get https://graph.microsoft.com/v1.0/me"},
		{name: "empty", code: "\n\n"},
		{name: "JSON only", code: `{"a": 1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseExampleRequest(tt.code)
			if ok != (tt.want != nil) {
				t.Fatalf("parseExampleRequest(%q) ok = %v, want %v", tt.code, ok, tt.want != nil)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseExampleRequest(%q) mismatch (-want +got):\n%s", tt.code, diff)
			}
		})
	}
}

func TestParseExampleResponse(t *testing.T) {
	ann := &annotation{blockType: "response", odataType: "microsoft.graph.user", isCollection: true, truncated: true}
	tests := []struct {
		name string
		code string
		ann  *annotation
		want *ir.ExampleResponse
	}{
		{
			name: "status, header and body",
			code: "HTTP/1.1 200 OK\nContent-type: application/json\n\n{\n  \"value\": []\n}\n",
			ann:  ann,
			want: &ir.ExampleResponse{
				Status: 200, Type: "microsoft.graph.user", IsCollection: true, Truncated: true,
				Headers: []string{"Content-type", "application/json"},
				Body:    "{\n  \"value\": []\n}",
			},
		},
		{
			name: "no content",
			code: "HTTP/1.1 204 No Content\n",
			want: &ir.ExampleResponse{Status: 204},
		},
		{
			name: "blank line before headers",
			code: "\nHTTP/1.1 201 Created\n\nContent-Type: application/json\n\n{\"id\": \"1\"}",
			want: &ir.ExampleResponse{Status: 201, Headers: []string{"Content-Type", "application/json"}, Body: `{"id": "1"}`},
		},
		{
			name: "redirect with URL header",
			code: "HTTP/1.1 302 Found\nLocation: https://example.com/a:b\n",
			want: &ir.ExampleResponse{Status: 302, Headers: []string{"Location", "https://example.com/a:b"}},
		},
		{
			name: "HTTP/2",
			code: "HTTP/2 202 Accepted\r\nLocation: https://x\r\n",
			want: &ir.ExampleResponse{Status: 202, Headers: []string{"Location", "https://x"}},
		},
		{
			name: "body only",
			code: "\n{\n  \"id\": \"1\"\n}\n",
			ann:  &annotation{blockType: "response", odataType: "microsoft.graph.group"},
			want: &ir.ExampleResponse{Type: "microsoft.graph.group", Body: "{\n  \"id\": \"1\"\n}"},
		},
		{
			// A placeholder the docs use for "no type": no type, not a
			// type named none.
			name: "placeholder type",
			code: "HTTP/1.1 202 Accepted\nLocation: /teams/{id}/operations/{opId}\n",
			ann:  &annotation{blockType: "response", odataType: "microsoft.graph.none"},
			want: &ir.ExampleResponse{Status: 202, Headers: []string{"Location", "/teams/{id}/operations/{opId}"}},
		},
		{
			name: "placeholder type, other case",
			code: "HTTP/1.1 204 No Content\n",
			ann:  &annotation{blockType: "response", odataType: "None"},
			want: &ir.ExampleResponse{Status: 204},
		},
		{
			name: "status line without code",
			code: "HTTP/1.1\n",
			want: &ir.ExampleResponse{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseExampleResponse(tt.code, tt.ann)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseExampleResponse(%q) mismatch (-want +got):\n%s", tt.code, diff)
			}
		})
	}
}

func TestHeadersAndBody(t *testing.T) {
	tests := []struct {
		name        string
		lines       []string
		wantHeaders []string
		wantBody    string
	}{
		{name: "nothing"},
		{name: "blank lines only", lines: []string{"", "  "}},
		{
			name:        "headers then body",
			lines:       []string{"Content-Type: application/json", "Content-Length: 12", "", "{}"},
			wantHeaders: []string{"Content-Type", "application/json", "Content-Length", "12"},
			wantBody:    "{}",
		},
		{
			name:        "blank line before headers",
			lines:       []string{"", "Authorization: Bearer {token}", "", "body"},
			wantHeaders: []string{"Authorization", "Bearer {token}"},
			wantBody:    "body",
		},
		{
			name:        "headers only",
			lines:       []string{"If-Match: W/\"x\"", "workbook-session-id: 1"},
			wantHeaders: []string{"If-Match", `W/"x"`, "workbook-session-id", "1"},
		},
		{
			name:     "JSON body first",
			lines:    []string{"{", `  "a": "b"`, "}"},
			wantBody: "{\n  \"a\": \"b\"\n}",
		},
		{
			name:     "prose with a colon is body",
			lines:    []string{"Some text: here", "more"},
			wantBody: "Some text: here\nmore",
		},
		{
			name:        "body after headers keeps inner blank lines",
			lines:       []string{"Prefer: x", "", "a", "", "b", ""},
			wantHeaders: []string{"Prefer", "x"},
			wantBody:    "a\n\nb",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			headers, body := headersAndBody(tt.lines)
			if diff := cmp.Diff(tt.wantHeaders, headers); diff != "" {
				t.Errorf("headersAndBody(%q) headers mismatch (-want +got):\n%s", tt.lines, diff)
			}
			if body != tt.wantBody {
				t.Errorf("headersAndBody(%q) body = %q, want %q", tt.lines, body, tt.wantBody)
			}
		})
	}
}

func TestExampleKind(t *testing.T) {
	tests := []struct {
		name string
		ann  *annotation
		code string
		want string
	}{
		{"annotated request", &annotation{blockType: "request"}, "anything", "request"},
		{"annotated response", &annotation{blockType: "response"}, "{}", "response"},
		{"ignored request", &annotation{blockType: "ignored"}, "GET /me", "request"},
		{"unannotated response", nil, "\nHTTP/1.1 200 OK", "response"},
		{"unannotated request", nil, "POST https://graph.microsoft.com/v1.0/me/sendMail", "request"},
		{"JSON", nil, `{"a": 1}`, ""},
		{"empty", nil, "", ""},
	}
	for _, tt := range tests {
		if got := exampleKind(tt.ann, tt.code); got != tt.want {
			t.Errorf("%s: exampleKind(%q) = %q, want %q", tt.name, tt.code, got, tt.want)
		}
	}
}

// TestCollectionAnnotation: an annotation's type written Collection(x),
// in either case (riskdetection-list writes "collection(...)"), is a
// collection of x.
func TestCollectionAnnotation(t *testing.T) {
	for _, typ := range []string{"Collection(microsoft.graph.riskDetection)", "collection(microsoft.graph.riskDetection)", " COLLECTION(microsoft.graph.riskDetection) "} {
		resp := parseExampleResponse("HTTP/1.1 200 OK\n\n{}", &annotation{blockType: "response", odataType: typ})
		if resp.Type != "microsoft.graph.riskDetection" || !resp.IsCollection {
			t.Errorf("%q: type %q, collection %v; want microsoft.graph.riskDetection, true", typ, resp.Type, resp.IsCollection)
		}
	}
}
