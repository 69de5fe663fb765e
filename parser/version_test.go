package parser

import "testing"

func TestVersionOf(t *testing.T) {
	for in, want := range map[string]string{
		"/src/docs/api-reference/v1.0":              "v1.0",
		"/src/docs/api-reference/beta/api/x.md":     "beta",
		"/src/beta/docs/api-reference/v1.0/api":     "v1.0",
		"/src/docs":                                 "",
		"/src/docs/api-reference/v1.0beta/api/x.md": "",
	} {
		if got := VersionOf(in); got != want {
			t.Errorf("VersionOf(%q) = %q, want %q", in, got, want)
		}
	}
}
