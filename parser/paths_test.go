package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
)

func TestParseRequestLine(t *testing.T) {
	const (
		fixSlash = "added the missing leading '/'"
		fixEmpty = "removed an empty path segment ('//')"
		fixFold  = "moved the alternative after '|' into the braces"
	)
	tests := []struct {
		name   string
		line   string
		want   requestLine
		wantOK bool
	}{
		{
			name:   "relative",
			line:   "GET /users/{id}",
			want:   requestLine{method: "GET", path: "/users/{id}"},
			wantOK: true,
		},
		{
			name:   "surrounding white space and CR",
			line:   "  GET /me/messages \r",
			want:   requestLine{method: "GET", path: "/me/messages"},
			wantOK: true,
		},
		{
			name:   "absolute v1.0",
			line:   "GET https://graph.microsoft.com/v1.0/users/{id}",
			want:   requestLine{method: "GET", version: "v1.0", path: "/users/{id}"},
			wantOK: true,
		},
		{
			name:   "absolute beta",
			line:   "POST https://graph.microsoft.com/beta/me/sendMail",
			want:   requestLine{method: "POST", version: "beta", path: "/me/sendMail"},
			wantOK: true,
		},
		{
			name:   "relative with version",
			line:   "GET /beta/me/events",
			want:   requestLine{method: "GET", version: "beta", path: "/me/events"},
			wantOK: true,
		},
		{
			name:   "version only",
			line:   "GET https://graph.microsoft.com/v1.0",
			want:   requestLine{method: "GET", version: "v1.0", path: "/"},
			wantOK: true,
		},
		{
			name:   "version then query",
			line:   "GET https://graph.microsoft.com/v1.0?$top=1",
			want:   requestLine{method: "GET", version: "v1.0", path: "/", query: "$top=1"},
			wantOK: true,
		},
		{
			name:   "segment starting like a version is kept",
			line:   "GET /betaFeatures/x",
			want:   requestLine{method: "GET", path: "/betaFeatures/x"},
			wantOK: true,
		},
		{
			name:   "HTTP/1.1 suffix",
			line:   "GET https://graph.microsoft.com/v1.0/me?$select=displayName HTTP/1.1",
			want:   requestLine{method: "GET", version: "v1.0", path: "/me", query: "$select=displayName"},
			wantOK: true,
		},
		{
			name:   "no-break space",
			line:   "GET\u00a0/me",
			want:   requestLine{method: "GET", path: "/me"},
			wantOK: true,
		},
		{
			name:   "narrow no-break space",
			line:   "DELETE\u202f/me/events/{id}",
			want:   requestLine{method: "DELETE", path: "/me/events/{id}"},
			wantOK: true,
		},
		{
			name:   "tab",
			line:   "PATCH\t/me",
			want:   requestLine{method: "PATCH", path: "/me"},
			wantOK: true,
		},
		{
			name:   "alternative key spaced",
			line:   "GET /users/{id | userPrincipalName}",
			want:   requestLine{method: "GET", path: "/users/{id | userPrincipalName}"},
			wantOK: true,
		},
		{
			name:   "alternative key unspaced",
			line:   "GET /users/{id|userPrincipalName}",
			want:   requestLine{method: "GET", path: "/users/{id | userPrincipalName}"},
			wantOK: true,
		},
		{
			name:   "alternative key with extra spaces",
			line:   "GET /users/{ id  |   userPrincipalName }/photo",
			want:   requestLine{method: "GET", path: "/users/{id | userPrincipalName}/photo"},
			wantOK: true,
		},
		{
			name:   "angle-bracket placeholder",
			line:   "GET /me/drive/items/{item-id}/workbook/worksheets/{id|name}/range(address='<address>')",
			want:   requestLine{method: "GET", path: "/me/drive/items/{item-id}/workbook/worksheets/{id | name}/range(address='{address}')"},
			wantOK: true,
		},
		{
			name:   "query",
			line:   "GET /users?$select=displayName,id",
			want:   requestLine{method: "GET", path: "/users", query: "$select=displayName,id"},
			wantOK: true,
		},
		{
			name:   "query with spaces and quotes",
			line:   "GET /users?$filter=startswith(displayName,'a b')",
			want:   requestLine{method: "GET", path: "/users", query: "$filter=startswith(displayName,'a b')"},
			wantOK: true,
		},
		{
			name:   "absolute query with spaces",
			line:   "GET https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName,'a b') HTTP/1.1",
			want:   requestLine{method: "GET", version: "v1.0", path: "/users", query: "$filter=startswith(displayName,'a b')"},
			wantOK: true,
		},
		{
			name:   "question mark inside braces is no query",
			line:   "GET /x/{a?b}",
			want:   requestLine{method: "GET", path: "/x/{a?b}"},
			wantOK: true,
		},
		{
			name:   "trailing slash",
			line:   "GET /me/",
			want:   requestLine{method: "GET", path: "/me"},
			wantOK: true,
		},
		{
			name:   "root slash kept",
			line:   "GET /",
			want:   requestLine{method: "GET", path: "/"},
			wantOK: true,
		},
		{
			name:   "missing leading slash and empty segment",
			line:   "GET security/x//y",
			want:   requestLine{method: "GET", path: "/security/x/y", fixes: []string{fixSlash, fixEmpty}},
			wantOK: true,
		},
		{
			name:   "empty segments only",
			line:   "GET /a///b",
			want:   requestLine{method: "GET", path: "/a/b", fixes: []string{fixEmpty}},
			wantOK: true,
		},
		{
			name:   "URL in the query of a relative line",
			line:   "DELETE /groups/{id}/rejectedSenders/$ref?$id=https://graph.microsoft.com/v1.0/users/{user-id}",
			want:   requestLine{method: "DELETE", path: "/groups/{id}/rejectedSenders/$ref", query: "$id=https://graph.microsoft.com/v1.0/users/{user-id}"},
			wantOK: true,
		},
		{
			name:   "URL in the query of an absolute line",
			line:   "DELETE https://graph.microsoft.com/v1.0/groups/{id}/acceptedSenders/$ref?$id=https://graph.microsoft.com/v1.0/users/{user-id}",
			want:   requestLine{method: "DELETE", version: "v1.0", path: "/groups/{id}/acceptedSenders/$ref", query: "$id=https://graph.microsoft.com/v1.0/users/{user-id}"},
			wantOK: true,
		},
		{
			name:   "empty segment repair keeps the query",
			line:   "GET https://graph.microsoft.com/v1.0/a//b?url=https://example.com/c",
			want:   requestLine{method: "GET", version: "v1.0", path: "/a/b", query: "url=https://example.com/c", fixes: []string{fixEmpty}},
			wantOK: true,
		},
		{
			name:   "alternative outside braces",
			line:   "GET /users/{user-id} | user-principal-name/chats",
			want:   requestLine{method: "GET", path: "/users/{user-id | user-principal-name}/chats", fixes: []string{fixFold}},
			wantOK: true,
		},
		{
			name:   "alternative outside braces at the end",
			line:   "GET /users/{id}|userPrincipalName",
			want:   requestLine{method: "GET", path: "/users/{id | userPrincipalName}", fixes: []string{fixFold}},
			wantOK: true,
		},
		{name: "lowercase method", line: "get /me"},
		{name: "mixed-case method", line: "Get /me"},
		{name: "or", line: "or"},
		{name: "blank", line: "   "},
		{name: "method alone", line: "GET"},
		{name: "header", line: "Content-Type: application/json"},
		{name: "unknown method", line: "FETCH /me"},
		{name: "prose after method", line: "DELETE ** Entity URI ... not found"},
		{name: "space outside braces", line: "GET /users/{id}/photo value"},
		{name: "unclosed brace", line: "GET /users/{id"},
		{name: "parameter first", line: "GET {id}/x"},
		{name: "comment", line: "// GET /me"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseRequestLine(tt.line)
			if ok != tt.wantOK {
				t.Fatalf("parseRequestLine(%q) ok = %v, want %v (got %+v)", tt.line, ok, tt.wantOK, got)
			}
			if !tt.wantOK {
				return
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(requestLine{})); diff != "" {
				t.Errorf("parseRequestLine(%q) mismatch (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

func TestStripHostAndDropVersion(t *testing.T) {
	tests := []struct {
		in, rest, version, dropped string
	}{
		{"https://graph.microsoft.com/v1.0/me", "/v1.0/me", "v1.0", "/me"},
		{"https://graph.microsoft.com/beta/me", "/beta/me", "beta", "/me"},
		{"https://graph.microsoft.com", "/", "", "/"},
		{"https://graph.microsoft.com/me", "/me", "", "/me"},
		{"http://localhost:8080/beta?x=1", "/beta?x=1", "beta", "/?x=1"},
		{"/v1.0/users", "/v1.0/users", "v1.0", "/users"},
		{"/v1.0", "/v1.0", "v1.0", "/"},
		{"/v1.01/users", "/v1.01/users", "", "/v1.01/users"},
		{"/users", "/users", "", "/users"},
	}
	for _, tt := range tests {
		rest, version := stripHost(tt.in)
		if rest != tt.rest || version != tt.version {
			t.Errorf("stripHost(%q) = %q, %q; want %q, %q", tt.in, rest, version, tt.rest, tt.version)
		}
		if got := dropVersion(rest); got != tt.dropped {
			t.Errorf("dropVersion(%q) = %q, want %q", rest, got, tt.dropped)
		}
	}
}

func TestPathParams(t *testing.T) {
	tests := []struct {
		path string
		want []ir.Param
	}{
		{"/me", nil},
		{"/users/{id}", []ir.Param{{Name: "id", Style: ir.StyleSegment}}},
		{"/users/{id | userPrincipalName}/messages/{message-id}", []ir.Param{
			{Name: "id | userPrincipalName", Style: ir.StyleSegment},
			{Name: "message-id", Style: ir.StyleSegment},
		}},
		{"/me/drive/items/{item-id}/workbook/worksheets/{id | name}/range(address='{address}')", []ir.Param{
			{Name: "item-id", Style: ir.StyleSegment},
			{Name: "id | name", Style: ir.StyleSegment},
			{Name: "address", Style: ir.StyleQuoted},
		}},
		{"/reports/getEmailActivityUserDetail(period='{period_value}')", []ir.Param{
			{Name: "period_value", Style: ir.StyleQuoted},
		}},
		{"/users('{id}')", []ir.Param{{Name: "id", Style: ir.StyleQuoted}}},
		{"/drives/{drive-id}/root:/{item-path}:/content", []ir.Param{
			{Name: "drive-id", Style: ir.StyleSegment},
			{Name: "item-path", Style: ir.StylePath},
		}},
		{"/me/drive/root:/{item-path}", []ir.Param{{Name: "item-path", Style: ir.StylePath}}},
		// A file name inside a literal item path is one segment; only a
		// parameter right after ":/" spans segments.
		{"/me/drive/root:/folder/{file-name}:/content", []ir.Param{{Name: "file-name", Style: ir.StyleSegment}}},
		{"/me/drive/items/{parent-id}:/{filename}:/content", []ir.Param{{Name: "parent-id", Style: ir.StyleSegment}, {Name: "filename", Style: ir.StylePath}}},
		{"/x/{unclosed", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, PathParams(tt.path)); diff != "" {
			t.Errorf("PathParams(%q) mismatch (-want +got):\n%s", tt.path, diff)
		}
	}
}
