package graphtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// served is what the echo handler reports about a routed request.
type served struct {
	Operation string
	Values    map[string]string
	Body      string
}

// echo returns a handler that reports the operation, the values of names
// and the request body as JSON.
func echo(op string, names ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := served{Operation: op, Values: map[string]string{}}
		for _, n := range names {
			s.Values[n] = r.PathValue(n)
		}
		b, _ := io.ReadAll(r.Body)
		s.Body = string(b)
		_ = json.NewEncoder(w).Encode(s)
	}
}

// graphMux registers a realistic set of Graph routes.
func graphMux() *graphtest.Mux {
	m := graphtest.NewMux()
	add := func(op, method, pattern string, body graphtest.BodyRule, names ...string) {
		m.Handle(graphtest.Route{Operation: op, Method: method, Pattern: pattern, Body: body}, echo(op, names...))
	}
	add("user-get", "GET", "/v1.0/users/{id}", graphtest.BodyNone, "id")
	add("user-update", "PATCH", "/v1.0/users/{id}", graphtest.BodyJSON, "id")
	add("user-delete", "DELETE", "/v1.0/users/{id}", graphtest.BodyNone, "id")
	add("user-delta", "GET", "/v1.0/users/delta()", graphtest.BodyNone)
	add("user-count", "GET", "/v1.0/users/$count", graphtest.BodyNone)
	add("user-photo", "GET", "/v1.0/users/{id}/photo/$value", graphtest.BodyNone, "id")
	add("message-get", "GET", "/v1.0/users/{id}/messages/{messageID}", graphtest.BodyNone, "id", "messageID")
	add("range-get", "GET", "/v1.0/workbook/range(address='{address}')", graphtest.BodyNone, "address")
	add("item-get", "GET", "/v1.0/sites/{siteID}/lists/{listID}/items/{itemID}", graphtest.BodyNone, "siteID", "listID", "itemID")
	add("path-get", "GET", "/v1.0/drives/{driveID}/root:/{itemPath...}", graphtest.BodyNone, "driveID", "itemPath")
	add("path-content", "GET", "/v1.0/drives/{driveID}/root:/{itemPath...}:/content", graphtest.BodyNone, "driveID", "itemPath")
	add("member-get", "GET", "/v1.0/groups/{id}/members/{memberID}", graphtest.BodyNone, "id", "memberID")
	add("member-groups", "GET", "/v1.0/groups/{id}/members/microsoft.graph.group", graphtest.BodyNone, "id")
	add("member-remove", "DELETE", "/v1.0/groups/{id}/members/{memberID}/$ref", graphtest.BodyNone, "id", "memberID")
	add("instances", "GET", "/v1.0/me/events/{id}/instances(start='{start}',end='{end}')", graphtest.BodyNone, "id", "start", "end")
	return m
}

// call serves one request through h with a valid token unless auth is set.
func call(h http.Handler, method, target, auth string, header http.Header, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for k, vs := range header {
		r.Header[k] = vs
	}
	if auth == "" {
		auth = "Bearer token"
	}
	r.Header.Set("Authorization", auth)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// errorCode returns the Graph error code of a recorded response.
func errorCode(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		t.Fatalf("error body %q: %v", rec.Body, err)
	}
	if rec.Header().Get("Content-Type") != "application/json" || rec.Header().Get("request-id") == "" {
		t.Errorf("error headers %v lack Content-Type or request-id", rec.Header())
	}
	return e.Error.Code
}

func TestMuxRouting(t *testing.T) {
	m := graphMux()
	tests := []struct {
		method, target string
		body           string
		want           served // for 200
		status         int
		code           string // for errors
		allow          string
	}{
		{method: "GET", target: "/v1.0/users/abc", want: served{"user-get", map[string]string{"id": "abc"}, ""}},
		{method: "GET", target: "/v1.0/users/delta()", want: served{"user-delta", map[string]string{}, ""}},
		{method: "GET", target: "/v1.0/users/delta%28%29", want: served{"user-delta", map[string]string{}, ""}},
		{method: "GET", target: "/v1.0/users/$count", want: served{"user-count", map[string]string{}, ""}},
		{method: "GET", target: "/v1.0/users/%24count", want: served{"user-count", map[string]string{}, ""}},
		{method: "GET", target: "/v1.0/users/a%2Fb/photo/$value", want: served{"user-photo", map[string]string{"id": "a/b"}, ""}},
		{method: "GET", target: "/v1.0/users/a%2Fb/messages/m%20%231", want: served{"message-get", map[string]string{"id": "a/b", "messageID": "m #1"}, ""}},
		{method: "GET", target: "/v1.0/workbook/range(address='A1:B2')", want: served{"range-get", map[string]string{"address": "A1:B2"}, ""}},
		{method: "GET", target: "/v1.0/workbook/range%28address=%27O%27%27Brien%27%29", want: served{"range-get", map[string]string{"address": "O'Brien"}, ""}},
		{method: "GET", target: "/v1.0/sites/s,1/lists/l/items/7", want: served{"item-get", map[string]string{"siteID": "s,1", "listID": "l", "itemID": "7"}, ""}},
		{method: "GET", target: "/v1.0/drives/d/root:/folder/a%20b.txt:/content", want: served{"path-content", map[string]string{"driveID": "d", "itemPath": "folder/a b.txt"}, ""}},
		{method: "GET", target: "/v1.0/drives/d/root:/a%3Ab:/content", want: served{"path-content", map[string]string{"driveID": "d", "itemPath": "a:b"}, ""}},
		{method: "GET", target: "/v1.0/drives/d/root:/folder/x.txt", want: served{"path-get", map[string]string{"driveID": "d", "itemPath": "folder/x.txt"}, ""}},
		{method: "GET", target: "/v1.0/groups/g/members/microsoft.graph.group", want: served{"member-groups", map[string]string{"id": "g"}, ""}},
		{method: "GET", target: "/v1.0/groups/g/members/m1", want: served{"member-get", map[string]string{"id": "g", "memberID": "m1"}, ""}},
		{method: "DELETE", target: "/v1.0/groups/g/members/m1/$ref", want: served{"member-remove", map[string]string{"id": "g", "memberID": "m1"}, ""}},
		{method: "GET", target: "/v1.0/me/events/e/instances(start='2024',end='2025')", want: served{"instances", map[string]string{"id": "e", "start": "2024", "end": "2025"}, ""}},
		// A route for the method beats a more specific one without it.
		{method: "PATCH", target: "/v1.0/users/delta()", body: `{}`, want: served{"user-update", map[string]string{"id": "delta()"}, "{}"}},
		{method: "GET", target: "/v1.0/users/", status: 404, code: "ResourceNotFound"},
		{method: "GET", target: "/v1.0/users/a/b", status: 404, code: "ResourceNotFound"},
		{method: "GET", target: "/beta/users/abc", status: 404, code: "ResourceNotFound"},
		{method: "POST", target: "/v1.0/users/abc", status: 405, code: "MethodNotAllowed", allow: "DELETE, GET, PATCH"},
		{method: "POST", target: "/v1.0/users/$count", status: 405, code: "MethodNotAllowed", allow: "DELETE, GET, PATCH"},
		{method: "PUT", target: "/v1.0/groups/g/members/m1/$ref", status: 405, code: "MethodNotAllowed", allow: "DELETE"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := call(m, tt.method, tt.target, "", nil, tt.body)
			if tt.status == 0 {
				tt.status = http.StatusOK
			}
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.status, rec.Body)
			}
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
			if tt.status != http.StatusOK {
				if got := errorCode(t, rec); got != tt.code {
					t.Errorf("code = %q, want %q", got, tt.code)
				}
				return
			}
			var got served
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("served (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMuxNotFoundMessageNamesRequest(t *testing.T) {
	rec := call(graphMux(), "GET", "/v1.0/nothing/here", "", nil, "")
	if !strings.Contains(rec.Body.String(), "GET /v1.0/nothing/here") {
		t.Errorf("404 body %s does not name method and path", rec.Body)
	}
}

func TestMuxTieBreaks(t *testing.T) {
	tests := []struct {
		name     string
		patterns []string // registered in this order, operation = index
		target   string
		want     string
	}{
		{"equal literals: first registered", []string{"/v1.0/x/{a}", "/v1.0/{b}/y"}, "/v1.0/x/y", "0"},
		{"equal literals: first registered, swapped", []string{"/v1.0/{b}/y", "/v1.0/x/{a}"}, "/v1.0/x/y", "0"},
		{"single segment beats multi", []string{"/v1.0/a/{p...}", "/v1.0/a/{q}"}, "/v1.0/a/b", "1"},
		{"more literal bytes beat fewer", []string{"/v1.0/{a}/{b}", "/v1.0/{a}/b.c"}, "/v1.0/x/b.c", "1"},
		{"in-segment literal counts", []string{"/v1.0/{a}", "/v1.0/f({a})"}, "/v1.0/f(1)", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := graphtest.NewMux()
			for i, p := range tt.patterns {
				op := string(rune('0' + i))
				m.Handle(graphtest.Route{Operation: op, Method: "GET", Pattern: p}, echo(op))
			}
			var got served
			rec := call(m, "GET", tt.target, "", nil, "")
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("status %d body %s: %v", rec.Code, rec.Body, err)
			}
			if got.Operation != tt.want {
				t.Errorf("served by %q, want %q", got.Operation, tt.want)
			}
		})
	}
}

func TestMuxAuthorization(t *testing.T) {
	tests := []struct {
		auth string // "-" for none
		ok   bool
	}{
		{"-", false},
		{"Basic dXNlcjpwYXNz", false},
		{"Bearer", false},
		{"Bearer    ", false},
		{"Bearertoken", false},
		{"Token abc", false},
		{"Bearer abc", true},
		{"bearer abc", true},
		{"BEARER abc", true},
		{"  Bearer   abc  ", true},
	}
	m := graphMux()
	for _, tt := range tests {
		t.Run(tt.auth, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/v1.0/users/x", nil)
			if tt.auth != "-" {
				r.Header.Set("Authorization", tt.auth)
			}
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, r)
			if tt.ok {
				if rec.Code != http.StatusOK {
					t.Errorf("status = %d, want 200; body %s", rec.Code, rec.Body)
				}
				return
			}
			if rec.Code != http.StatusUnauthorized {
				t.Fatalf("status = %d, want 401", rec.Code)
			}
			if code := errorCode(t, rec); code != "InvalidAuthenticationToken" {
				t.Errorf("code = %q", code)
			}
		})
	}
}

func TestMuxCheckOrder(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Method: "POST", Pattern: "/v1.0/x", Body: graphtest.BodyJSON, Headers: []string{"If-Match"}}, echo("x"))
	tests := []struct {
		name   string
		method string
		path   string
		auth   string
		header http.Header
		body   string
		status int
	}{
		{"404 before 401", "POST", "/v1.0/y", "Basic x", nil, "", 404},
		{"405 before 401", "GET", "/v1.0/x", "Basic x", nil, "", 405},
		{"401 before missing header", "POST", "/v1.0/x", "Basic x", nil, "", 401},
		{"missing header before body", "POST", "/v1.0/x", "", nil, "", 400},
		{"body checked last", "POST", "/v1.0/x", "", http.Header{"If-Match": {"*"}}, "", 400},
		{"all fine", "POST", "/v1.0/x", "", http.Header{"If-Match": {"*"}}, "{}", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(m, tt.method, tt.path, tt.auth, tt.header, tt.body)
			if rec.Code != tt.status {
				t.Errorf("status = %d, want %d; body %s", rec.Code, tt.status, rec.Body)
			}
		})
	}
}

func TestMuxRequiredHeaders(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "user-list", Method: "GET", Pattern: "/v1.0/users", Headers: []string{"consistencylevel", "X-Other"}}, echo("user-list"))
	tests := []struct {
		name    string
		header  http.Header
		missing string // "" when the request is accepted
	}{
		{"none", nil, "Consistencylevel"},
		{"one", http.Header{"Consistencylevel": {"eventual"}}, "X-Other"},
		{"empty value", http.Header{"Consistencylevel": {""}, "X-Other": {"1"}}, "Consistencylevel"},
		{"both", http.Header{"Consistencylevel": {"eventual"}, "X-Other": {"1"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(m, "GET", "/v1.0/users", "", tt.header, "")
			if tt.missing == "" {
				if rec.Code != http.StatusOK {
					t.Errorf("status = %d, want 200; body %s", rec.Code, rec.Body)
				}
				return
			}
			if rec.Code != http.StatusBadRequest || errorCode(t, rec) != "BadRequest" {
				t.Fatalf("status = %d body %s, want 400 BadRequest", rec.Code, rec.Body)
			}
			if !strings.Contains(rec.Body.String(), tt.missing) || !strings.Contains(rec.Body.String(), "user-list") {
				t.Errorf("body %s does not name header %s and the operation", rec.Body, tt.missing)
			}
		})
	}
}

func TestMuxBodyRules(t *testing.T) {
	tests := []struct {
		name        string
		rule        graphtest.BodyRule
		contentType string
		body        string
		status      int
		code        string
	}{
		{"none: empty", graphtest.BodyNone, "", "", 200, ""},
		{"none: body", graphtest.BodyNone, "application/json", "{}", 400, "BadRequest"},
		{"json: empty", graphtest.BodyJSON, "application/json", "", 400, "BadRequest"},
		{"json: valid", graphtest.BodyJSON, "application/json", `{"a":[1,2]}`, 200, ""},
		{"json: no content type", graphtest.BodyJSON, "", `{"a":1}`, 200, ""},
		{"json: parameters", graphtest.BodyJSON, "Application/JSON; charset=utf-8", `{"a":1}`, 200, ""},
		{"json: wrong type", graphtest.BodyJSON, "text/plain", `{"a":1}`, 415, "UnsupportedMediaType"},
		{"json: wrong type and invalid", graphtest.BodyJSON, "text/plain", `{`, 415, "UnsupportedMediaType"},
		{"json: malformed type", graphtest.BodyJSON, "application/json;;", `{}`, 415, "UnsupportedMediaType"},
		{"json: invalid", graphtest.BodyJSON, "application/json", `{"a":`, 400, "BadRequest"},
		{"binary: empty", graphtest.BodyBinary, "application/octet-stream", "", 400, "BadRequest"},
		{"binary: data", graphtest.BodyBinary, "application/octet-stream", "\x00\x01 bin", 200, ""},
		{"binary: any type", graphtest.BodyBinary, "", "not json", 200, ""},
		{"optional: empty", graphtest.BodyOptional, "", "", 200, ""},
		{"optional: valid JSON", graphtest.BodyOptional, "application/json", `[]`, 200, ""},
		{"optional: invalid JSON", graphtest.BodyOptional, "application/json", `[`, 400, "BadRequest"},
		{"optional: other type", graphtest.BodyOptional, "text/plain", `[`, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := graphtest.NewMux()
			m.Handle(graphtest.Route{Operation: "op", Method: "POST", Pattern: "/v1.0/x", Body: tt.rule}, echo("op"))
			var h http.Header
			if tt.contentType != "" {
				h = http.Header{"Content-Type": {tt.contentType}}
			}
			rec := call(m, "POST", "/v1.0/x", "", h, tt.body)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status != http.StatusOK {
				if code := errorCode(t, rec); code != tt.code {
					t.Errorf("code = %q, want %q", code, tt.code)
				}
				return
			}
			var got served
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Body != tt.body {
				t.Errorf("handler read body %q, want %q", got.Body, tt.body)
			}
		})
	}
}

func TestMuxHandlePanics(t *testing.T) {
	ok := func(w http.ResponseWriter, r *http.Request) {}
	tests := []struct {
		name   string
		routes []graphtest.Route
		h      http.HandlerFunc
	}{
		{"relative", []graphtest.Route{{Method: "GET", Pattern: "v1.0/users"}}, ok},
		{"unclosed brace", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users/{id"}}, ok},
		{"stray brace", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users/id}"}}, ok},
		{"empty name", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users/{}"}}, ok},
		{"empty multi name", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users/{...}"}}, ok},
		{"bad name", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users/{a b}"}}, ok},
		{"nested", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users/{a{b}}"}}, ok},
		{"adjacent params", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/{a}{b}"}}, ok},
		{"duplicate name", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/{id}/x/{id}"}}, ok},
		{"multi inside segment", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/x{p...}"}}, ok},
		{"empty segment", []graphtest.Route{{Method: "GET", Pattern: "/v1.0//users"}}, ok},
		{"query", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users?$top=1"}}, ok},
		{"fragment", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users#x"}}, ok},
		{"empty method", []graphtest.Route{{Pattern: "/v1.0/users"}}, ok},
		{"bad body rule", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users", Body: 9}}, ok},
		{"nil handler", []graphtest.Route{{Method: "GET", Pattern: "/v1.0/users"}}, nil},
		{"exact duplicate", []graphtest.Route{
			{Operation: "a", Method: "GET", Pattern: "/v1.0/users/{id}"},
			{Operation: "b", Method: "GET", Pattern: "/v1.0/users/{id}"},
		}, ok},
		{"same paths, other names", []graphtest.Route{
			{Method: "GET", Pattern: "/v1.0/users/{id}"},
			{Method: "GET", Pattern: "/v1.0/users/{userID}"},
		}, ok},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "graphrt: ") {
					t.Errorf("recovered %v, want a graphrt panic", r)
				}
			}()
			m := graphtest.NewMux()
			for _, rt := range tt.routes {
				m.Handle(rt, tt.h)
			}
		})
	}
}

func TestMuxHandleAccepts(t *testing.T) {
	m := graphtest.NewMux()
	ok := func(w http.ResponseWriter, r *http.Request) {}
	for _, rt := range []graphtest.Route{
		{Method: "GET", Pattern: "/v1.0/users/{id}"},
		{Method: "PATCH", Pattern: "/v1.0/users/{id}"},
		{Method: "GET", Pattern: "/v1.0/users/{id}/"},
		{Method: "GET", Pattern: "/v1.0/users/delta()"},
		{Method: "GET", Pattern: "/v1.0/users/{user-id}/x"},
		{Method: "GET", Pattern: "/v1.0/drives/{d}/root:/{p...}:/content"},
		{Method: "GET", Pattern: "/v1.0/a/{p...}"},
	} {
		m.Handle(rt, ok)
	}
}

// TestClientAgainstMux checks that mux errors decode into *graphrt.Error.
func TestClientAgainstMux(t *testing.T) {
	srv := httptest.NewServer(graphMux())
	defer srv.Close()
	tests := []struct {
		name   string
		token  string
		req    graphrt.Request
		status int
		code   string
	}{
		{"not found", "t", graphrt.Request{Method: "GET", Path: "/v1.0/nope"}, 404, "ResourceNotFound"},
		{"no token", "", graphrt.Request{Method: "GET", Path: "/v1.0/users/x"}, 401, "InvalidAuthenticationToken"},
		{"bad body", "t", graphrt.Request{Method: "PATCH", Path: "/v1.0/users/x", Body: []byte("{"), ContentType: "application/json"}, 400, "BadRequest"},
		{"wrong type", "t", graphrt.Request{Method: "PATCH", Path: "/v1.0/users/x", Body: []byte("{}"), ContentType: "text/plain"}, 415, "UnsupportedMediaType"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hc := &http.Client{Transport: graphrt.BearerTransport{Token: tt.token, Base: srv.Client().Transport}}
			_, err := graphrt.NewClient(hc, srv.URL).Do(context.Background(), &tt.req)
			var e *graphrt.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *graphrt.Error", err)
			}
			if e.StatusCode != tt.status || e.Code != tt.code || e.Message == "" {
				t.Errorf("got %d %q %q, want %d %q and a message", e.StatusCode, e.Code, e.Message, tt.status, tt.code)
			}
			if !uuidRE.MatchString(e.RequestID) || e.Date == "" {
				t.Errorf("RequestID %q, Date %q: want them from innerError", e.RequestID, e.Date)
			}
			if graphrt.IsNotFound(err) != (tt.status == 404) {
				t.Errorf("IsNotFound = %v", graphrt.IsNotFound(err))
			}
		})
	}
}

// ExampleMux serves a mocked operation and calls it with a Client.
func ExampleMux() {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{id}"},
		func(w http.ResponseWriter, r *http.Request) {
			graphtest.ServeExample(w, r, http.StatusOK, graphtest.Example{
				Body: fmt.Sprintf(`{"id":%q}`, r.PathValue("id")),
			})
		})
	srv := httptest.NewServer(m)
	defer srv.Close()

	hc := &http.Client{Transport: graphrt.BearerTransport{Token: "token"}}
	c := graphrt.NewClient(hc, srv.URL)
	body, err := c.JSON(context.Background(), &graphrt.Request{
		Method: "GET",
		Path:   "/v1.0/users/" + graphrt.PathSegment("a/b#EXT#"),
	}, graphrt.WithQuery("$select", "id"))
	fmt.Println(string(body), err)

	_, err = c.JSON(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/groups"})
	fmt.Println(graphrt.IsNotFound(err))
	// Output:
	// {"id":"a/b#EXT#"} <nil>
	// true
}

func TestCheckPattern(t *testing.T) {
	for p, ok := range map[string]bool{
		"/v1.0/users/{id}":                   true,
		"/v1.0/range(address='{address}')":   true,
		"/v1.0/drive/root:/{itemPath...}:/x": true,
		"/v1.0/cases/{caseID}}/reviewSets":   false,
		"/v1.0/h/{x}{y}":                     false,
		"v1.0/no-slash":                      false,
	} {
		if err := graphtest.CheckPattern(p); (err == nil) != ok {
			t.Errorf("CheckPattern(%q) = %v, want ok=%v", p, err, ok)
		}
	}
}

func TestMuxRequiredQuery(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "calendar-list-calendarview", Method: "GET", Pattern: "/v1.0/me/calendarView",
		Query: []string{"startDateTime", "endDateTime"}}, func(w http.ResponseWriter, r *http.Request) {})
	for query, want := range map[string]int{
		"?startDateTime=a&endDateTime=b": 200,
		"?startDateTime=a":               400,
		"":                               400,
	} {
		req := httptest.NewRequest("GET", "/v1.0/me/calendarView"+query, nil)
		req.Header.Set("Authorization", "Bearer t")
		rec := httptest.NewRecorder()
		m.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("%q: status %d, want %d: %s", query, rec.Code, want, rec.Body)
		}
	}
	if got := graphrt.ODataLiteral("O'Brien"); got != "O''Brien" {
		t.Errorf("ODataLiteral = %q", got)
	}
}

func TestMatchPattern(t *testing.T) {
	got, ok := graphtest.MatchPattern("/v1.0/users/{id}/messages/{messageID}", "/v1.0/users/a%2Fb/messages/m1")
	if !ok || got["id"] != "a/b" || got["messageID"] != "m1" {
		t.Errorf("MatchPattern = %v, %v", got, ok)
	}
	if _, ok := graphtest.MatchPattern("/v1.0/users/{id}", "/v1.0/groups/g"); ok {
		t.Error("matched another path")
	}
}

// TestMuxQueryOptions: a malformed query string is a 400 BadRequest, as
// Graph answers it; OData's nested options, whose separator is ";", are
// not malformed.
func TestMuxQueryOptions(t *testing.T) {
	tests := []struct{ query, want string }{
		{"$top=5&$skip=0&$count=true&$select=id,displayName", ""},
		{"$expand=members($select=id;$top=5)&$filter=startswith(displayName,'a')", ""},
		{"$count=FALSE&top=x&other=%20", ""}, // options without "$" are not system options
		{"$top=abc", `user-get: invalid value "abc" for the query option $top: it must be a whole number.`},
		{"$top=-1", `user-get: invalid value "-1" for the query option $top: it must be a whole number.`},
		{"%24skip=1.5", `user-get: invalid value "1.5" for the query option $skip: it must be a whole number.`},
		{"$count=yes", `user-get: invalid value "yes" for the query option $count: it must be true or false.`},
		{"$select=id&$select=mail", `user-get: the query option $select is given more than once.`},
		{"$filter=a%zz", `user-get: the query string is malformed: "$filter=a%zz" has an invalid percent-escape.`},
	}
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{id}"}, echo("user-get"))
	for _, tt := range tests {
		rec := call(m, "GET", "/v1.0/users/u1?"+tt.query, "", nil, "")
		var e struct {
			Error struct{ Code, Message string }
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &e)
		if tt.want == "" && rec.Code != 200 || tt.want != "" && (rec.Code != 400 || e.Error.Code != "BadRequest" || e.Error.Message != tt.want) {
			t.Errorf("?%s: %d %s, want %q", tt.query, rec.Code, rec.Body, tt.want)
		}
	}
}
