package naming

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"userPrincipalName", []string{"user", "principal", "name"}},
		{"HTTPServer", []string{"http", "server"}},
		{"b2xUserFlows", []string{"b2x", "user", "flows"}},
		{"id | userPrincipalName", []string{"id", "user", "principal", "name"}},
		{"id|userPrincipalName", []string{"id", "user", "principal", "name"}},
		{"$ref", []string{"ref"}},
		{"user-id", []string{"user", "id"}},
		{"period_value", []string{"period", "value"}},
		{"microsoft.graph.user", []string{"microsoft", "graph", "user"}},
		{"@odata.nextLink", []string{"odata", "next", "link"}},
		{"onPremisesSyncEnabled", []string{"on", "premises", "sync", "enabled"}},
		{"oauth2PermissionGrants", []string{"oauth2", "permission", "grants"}},
		{"userID", []string{"user", "id"}},
		{"ID", []string{"id"}},
		{"v1.0", []string{"v1", "0"}},
		{"Café", []string{"café"}},
		{"  ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Words(tt.in)); diff != "" {
			t.Errorf("Words(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestExportedUnexported(t *testing.T) {
	tests := []struct {
		words                []string
		exported, unexported string
	}{
		{[]string{"user", "id"}, "UserID", "userID"},
		{[]string{"id"}, "ID", "id"},
		{[]string{"url"}, "URL", "url"},
		{[]string{"url", "path"}, "URLPath", "urlPath"},
		{[]string{"http", "server"}, "HTTPServer", "httpServer"},
		{[]string{"b2x", "user", "flows"}, "B2xUserFlows", "b2xUserFlows"},
		{[]string{"id", "or", "user", "principal", "name"}, "IDOrUserPrincipalName", "idOrUserPrincipalName"},
		{[]string{"odata", "next", "link"}, "OdataNextLink", "odataNextLink"},
		{[]string{"upn"}, "UPN", "upn"},
		{[]string{"ID", "token"}, "IDToken", "idToken"},
		{[]string{"café"}, "Café", "café"},
		{nil, "", ""},
	}
	for _, tt := range tests {
		if got := Exported(tt.words); got != tt.exported {
			t.Errorf("Exported(%q) = %q, want %q", tt.words, got, tt.exported)
		}
		if got := Unexported(tt.words); got != tt.unexported {
			t.Errorf("Unexported(%q) = %q, want %q", tt.words, got, tt.unexported)
		}
	}
}

func TestIsValid(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"userID", true},
		{"filter", true},
		{"type", false},
		{"select", false},
		{"string", false},
		{"len", false},
		{"nil", false},
		{"any", false},
		{"2fa", false},
		{"user-id", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsValid(tt.name); got != tt.want {
			t.Errorf("IsValid(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestScopeName(t *testing.T) {
	tests := []struct {
		name  string
		taken []string
		wants []string // declared in order
		want  []string
	}{
		{"free", nil, []string{"userID"}, []string{"userID"}},
		{"keywords", nil, []string{"type", "select", "func"}, []string{"type2", "select2", "func2"}},
		{"predeclared", nil, []string{"string", "len", "error", "nil"}, []string{"string2", "len2", "error2", "nil2"}},
		{"repeats", nil, []string{"want", "want", "want"}, []string{"want", "want2", "want3"}},
		{"taken", []string{"ctx", "c"}, []string{"ctx", "c", "body"}, []string{"ctx2", "c2", "body"}},
		{"suffix already taken", []string{"id2"}, []string{"id", "id"}, []string{"id", "id3"}},
		{"keyword repeated", nil, []string{"type", "type"}, []string{"type2", "type3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewScope(tt.taken...)
			var got []string
			for _, w := range tt.wants {
				got = append(got, s.Name(w))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Scope.Name(%q) mismatch (-want +got):\n%s", tt.wants, diff)
			}
		})
	}
}

func TestScopeNameNoIdentifier(t *testing.T) {
	s := NewScope()
	for _, want := range []string{"2fa", "", "user-id"} {
		if got := s.Name(want); !IsValid(got) {
			t.Errorf("Scope.Name(%q) = %q, not a valid identifier", want, got)
		}
	}
}
