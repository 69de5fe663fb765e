package graphtest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

func TestServeExample(t *testing.T) {
	a := graphtest.Example{Path: "/v1.0/users/a", Body: `{"id":"a"}`}
	aTop := graphtest.Example{Path: "/v1.0/users/a", Query: "$select=id,mail&$top=2", Body: `{"id":"a-top"}`}
	b := graphtest.Example{Path: "/v1.0/users/b", Body: `{"id":"b"}`}
	any := graphtest.Example{Body: `{"id":"any"}`}
	anyTop := graphtest.Example{Query: "$top=2", Body: `{"id":"any-top"}`}
	upn := graphtest.Example{Path: "/v1.0/users/x@y.com", Body: `{"id":"upn"}`}
	tests := []struct {
		name     string
		target   string
		status   int
		examples []graphtest.Example
		want     string
	}{
		{"path and query beat path", "/v1.0/users/a?$select=id,mail&$top=2", 200, []graphtest.Example{b, a, aTop}, `{"id":"a-top"}`},
		{"query order and escaping ignored", "/v1.0/users/a?$top=2&$select=id%2Cmail", 200, []graphtest.Example{a, aTop}, `{"id":"a-top"}`},
		{"path beats first", "/v1.0/users/a?$top=9", 200, []graphtest.Example{b, aTop, a}, `{"id":"a-top"}`},
		{"first path match wins a tie", "/v1.0/users/a", 200, []graphtest.Example{b, a, aTop}, `{"id":"a"}`},
		{"no match: first", "/v1.0/users/c", 200, []graphtest.Example{b, a}, `{"id":"b"}`},
		{"exact path beats any path", "/v1.0/users/a", 200, []graphtest.Example{any, a}, `{"id":"a"}`},
		{"any path beats other path", "/v1.0/users/c", 200, []graphtest.Example{b, any}, `{"id":"any"}`},
		{"any path with query beats any path", "/v1.0/users/c?$top=2", 200, []graphtest.Example{any, anyTop}, `{"id":"any-top"}`},
		{"path escaping ignored", "/v1.0/users/x%40y.com", 200, []graphtest.Example{b, upn}, `{"id":"upn"}`},
		{"a name without = has an empty value", "/v1.0/users?$orderbydisplayName=&$count=true", 200,
			[]graphtest.Example{any, {Query: "$orderbydisplayName&$count=true", Body: `{"id":"typo"}`}}, `{"id":"typo"}`},
		{"204 has no body", "/v1.0/users/a", 204, []graphtest.Example{a}, ""},
		{"304 has no body", "/v1.0/users/a", 304, []graphtest.Example{a}, ""},
		{"no examples", "/v1.0/users/a", 202, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			graphtest.ServeExample(rec, httptest.NewRequest("GET", tt.target, nil), tt.status, tt.examples...)
			if rec.Code != tt.status {
				t.Errorf("status = %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Body.String(); got != tt.want {
				t.Errorf("body = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestServeExampleHeaders(t *testing.T) {
	tests := []struct {
		name   string
		ex     graphtest.Example
		status int
		want   http.Header
	}{{
		name: "copied except framing headers",
		ex: graphtest.Example{
			Header: []string{"location", "https://x/1", "Content-Length", "99", "transfer-encoding", "chunked", "X-Multi", "1", "X-Multi", "2", "Content-Type", "text/plain"},
			Body:   "{not json}",
		},
		status: 201,
		want:   http.Header{"Location": {"http://example.com/_graphgen/redirect?to=https%3A%2F%2Fx%2F1"}, "X-Multi": {"1", "2"}, "Content-Type": {"text/plain"}},
	}, {
		name:   "JSON object gets a content type",
		ex:     graphtest.Example{Body: "\n  {\"a\":1}"},
		status: 200,
		want:   http.Header{"Content-Type": {"application/json"}},
	}, {
		name:   "JSON array gets a content type",
		ex:     graphtest.Example{Body: "[1]"},
		status: 200,
		want:   http.Header{"Content-Type": {"application/json"}},
	}, {
		name:   "given content type is kept",
		ex:     graphtest.Example{Header: []string{"Content-type", "application/json;odata.metadata=minimal"}, Body: "{}"},
		status: 200,
		want:   http.Header{"Content-Type": {"application/json;odata.metadata=minimal"}},
	}, {
		name:   "non-JSON body gets none",
		ex:     graphtest.Example{Body: "hello"},
		status: 200,
		want:   http.Header{},
	}, {
		name:   "no body gets none",
		ex:     graphtest.Example{Header: []string{"Odd-One-Out"}},
		status: 204,
		want:   http.Header{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			graphtest.ServeExample(rec, httptest.NewRequest("GET", "/v1.0/x", nil), tt.status, tt.ex)
			if diff := cmp.Diff(tt.want, rec.Header()); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
		})
	}
}

// TestServeExampleOverHTTP checks the 204 case on a real connection, where
// a written body would be an error.
func TestServeExampleOverHTTP(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		graphtest.ServeExample(w, r, http.StatusNoContent, graphtest.Example{Body: `{"a":1}`})
	}))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.ContentLength > 0 {
		t.Errorf("status %d, length %d", resp.StatusCode, resp.ContentLength)
	}
}

// TestDocumentedRedirectStaysOnMock: a client that follows the documented
// 302 (to a download host) reaches the mock, not the internet.
func TestDocumentedRedirectStaysOnMock(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "driveitem-get-content", Method: "GET", Pattern: "/v1.0/me/drive/items/{id}/content"},
		func(w http.ResponseWriter, r *http.Request) {
			graphtest.ServeExample(w, r, http.StatusFound, graphtest.Example{Header: []string{"Location", "https://b0mpua-by3301.files.1drv.com/y23vmag"}})
		})
	srv := httptest.NewServer(m)
	defer srv.Close()
	hc := &http.Client{Transport: graphrt.BearerTransport{Token: "t"}}
	body, err := graphrt.NewClient(hc, srv.URL).Bytes(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/me/drive/items/i1/content"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "https://b0mpua-by3301.files.1drv.com/y23vmag") {
		t.Errorf("body %q does not name the documented target", body)
	}
}

// The mailbox settings page documents the settings object and, below it,
// each property on its own path: a property route is answered by its own
// examples only, or by the status alone when it has none.
func TestServeExampleOfItsRoute(t *testing.T) {
	settings := graphtest.Example{Path: "/v1.0/me/mailboxSettings", Body: `{"timeZone":"UTC"}`}
	replies := graphtest.Example{Path: "/v1.0/me/mailboxSettings/automaticRepliesSetting", Body: `{"status":"alwaysEnabled"}`,
		Patterns: []string{"/v1.0/me/mailboxSettings/automaticRepliesSetting", "/v1.0/users/{id}/mailboxSettings/automaticRepliesSetting"}}
	dateFormat := graphtest.Example{Patterns: []string{"/v1.0/me/mailboxSettings/dateFormat"}}
	examples := []graphtest.Example{settings, replies, dateFormat}
	m := graphtest.NewMux()
	for _, p := range []string{"/v1.0/me/mailboxSettings", "/v1.0/users/{id}/mailboxSettings", "/v1.0/me/mailboxSettings/automaticRepliesSetting",
		"/v1.0/users/{id}/mailboxSettings/automaticRepliesSetting", "/v1.0/me/mailboxSettings/dateFormat"} {
		m.Handle(graphtest.Route{Method: "GET", Pattern: p}, func(w http.ResponseWriter, r *http.Request) {
			graphtest.ServeExample(w, r, 200, examples...)
		})
	}
	for target, want := range map[string]string{
		"/v1.0/me/mailboxSettings":                               `{"timeZone":"UTC"}`,
		"/v1.0/users/u1/mailboxSettings":                         `{"timeZone":"UTC"}`,
		"/v1.0/me/mailboxSettings/automaticRepliesSetting":       `{"status":"alwaysEnabled"}`,
		"/v1.0/users/u1/mailboxSettings/automaticRepliesSetting": `{"status":"alwaysEnabled"}`,
		"/v1.0/me/mailboxSettings/dateFormat":                    "",
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", target, nil)
		req.Header.Set("Authorization", "Bearer t")
		m.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Body.String() != want {
			t.Errorf("GET %s: %d %q, want 200 %q", target, rec.Code, rec.Body.String(), want)
		}
	}
}
