package graphrt_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

func TestPathSegment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc-DEF_1.2~3", "abc-DEF_1.2~3"},
		{"a/b", "a%2Fb"},
		{"#EXT#", "%23EXT%23"},
		{"user_x.com#EXT#@t.onmicrosoft.com", "user_x.com%23EXT%23@t.onmicrosoft.com"},
		{"?", "%3F"},
		{"%", "%25"},
		{"%2F", "%252F"},
		{" ", "%20"},
		{"é", "%C3%A9"},
		{"O'Brien", "O'Brien"},
		{"!$'()*,=@", "!$'()*,=@"},
		{":;&+", "%3A%3B%26%2B"},
		{`"<>[]\^{|}` + "`", "%22%3C%3E%5B%5D%5C%5E%7B%7C%7D%60"},
		{"\x00\n\x7f", "%00%0A%7F"},
		{".", "%2E"},
		{"..", "%2E%2E"},
		{"...", "..."},
		{"a.b", "a.b"},
	}
	for _, tt := range tests {
		if got := graphrt.PathSegment(tt.in); got != tt.want {
			t.Errorf("PathSegment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestODataString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"A1:B2", "A1%3AB2"},
		{"O'Brien", "O''Brien"},
		{"''", "''''"},
		{"a')/b", "a'')%2Fb"},
		{"Sheet 1!A1", "Sheet%201!A1"},
	}
	for _, tt := range tests {
		if got := graphrt.ODataString(tt.in); got != tt.want {
			t.Errorf("ODataString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPathSegments(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a", "a"},
		{"folder/a b.txt", "folder/a%20b.txt"},
		{"/leading/and/trailing/", "leading/and/trailing"},
		{"a//b", "a/b"},
		{"x:y/#1/..", "x%3Ay/%231/%2E%2E"},
	}
	for _, tt := range tests {
		if got := graphrt.PathSegments(tt.in); got != tt.want {
			t.Errorf("PathSegments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostile are ids that break naive path building.
var hostile = []string{
	"a/b", "#EXT#", "user_x.com#EXT#@t.onmicrosoft.com", "?", "a?b=c&d", "%", "%2F", "100%",
	" ", "a b", "é", "日本語", "O'Brien", "'", "''", "a')b", "a'')b", ".", "..", "a+b", "a;b",
	"a:b", ":/", "{id}", `a\b`, "$value", "delta()", "a,b=c", "\t",
}

// itemPath is p without empty parts, which PathSegments drops.
func itemPath(p string) string {
	return strings.Join(strings.FieldsFunc(p, func(r rune) bool { return r == '/' }), "/")
}

// TestEscapingRoundTrip builds paths with the helpers on the client side
// and checks that the Mux hands the original values to the handler.
func TestEscapingRoundTrip(t *testing.T) {
	m := graphtest.NewMux()
	value := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.PathValue(name))) }
	}
	m.Handle(graphtest.Route{Method: "GET", Pattern: "/v1.0/users/{id}"}, value("id"))
	m.Handle(graphtest.Route{Method: "GET", Pattern: "/v1.0/users/{id}/photo/$value"}, value("id"))
	m.Handle(graphtest.Route{Method: "GET", Pattern: "/v1.0/workbook/range(address='{address}')"}, value("address"))
	m.Handle(graphtest.Route{Method: "GET", Pattern: "/v1.0/drives/{driveID}/root:/{itemPath...}:/content"}, value("itemPath"))
	srv := httptest.NewServer(m)
	defer srv.Close()
	c := graphrt.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "t", Base: srv.Client().Transport}}, srv.URL)
	for _, v := range hostile {
		for _, tc := range []struct{ path, want string }{
			{"/v1.0/users/" + graphrt.PathSegment(v), v},
			{"/v1.0/users/" + graphrt.PathSegment(v) + "/photo/$value", v},
			{"/v1.0/workbook/range(address='" + graphrt.ODataString(v) + "')", v},
			{"/v1.0/drives/d/root:/" + graphrt.PathSegments("folder/"+v) + ":/content", itemPath("folder/" + v)},
		} {
			got, err := c.Bytes(context.Background(), &graphrt.Request{Method: "GET", Path: tc.path})
			if err != nil {
				t.Errorf("%q via %s: %v", v, tc.path, err)
				continue
			}
			if string(got) != tc.want {
				t.Errorf("%q via %s: handler saw %q", v, tc.path, got)
			}
		}
	}
}

func TestNonEmpty(t *testing.T) {
	if err := graphrt.NonEmpty("userID", "u1", "messageID", "m1"); err != nil {
		t.Errorf("NonEmpty with values = %v, want nil", err)
	}
	err := graphrt.NonEmpty("userID", "u1", "messageID", "")
	if err == nil || !strings.Contains(err.Error(), "messageID") {
		t.Errorf("NonEmpty with an empty messageID = %v, want an error naming messageID", err)
	}
}
