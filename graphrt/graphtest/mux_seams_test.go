package graphtest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// TestMuxRoutes: Routes lists what was registered, in registration order,
// with required headers in canonical form as the Mux checks them.
func TestMuxRoutes(t *testing.T) {
	m := graphtest.NewMux()
	perms := &graphtest.Permissions{DelegatedWork: []string{"User.Read"}}
	in := []graphtest.Route{
		{Operation: "user-list", Method: "GET", Pattern: "/v1.0/users", Headers: []string{"consistencylevel"}},
		{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{id}", Permissions: perms},
		{Operation: "user-update", Method: "PATCH", Pattern: "/v1.0/users/{id}", Body: graphtest.BodyJSON, Query: []string{"x"}},
	}
	for _, rt := range in {
		m.Handle(rt, func(http.ResponseWriter, *http.Request) {})
	}
	want := []graphtest.Route{in[0], in[1], in[2]}
	want[0].Headers = []string{"Consistencylevel"}
	if diff := cmp.Diff(want, m.Routes(), cmpopts.IgnoreFields(graphtest.Route{}, "Check")); diff != "" {
		t.Errorf("Routes (-want +got):\n%s", diff)
	}
	if got := graphtest.NewMux().Routes(); len(got) != 0 {
		t.Errorf("an empty Mux has routes %v", got)
	}
}

// TestMuxMatch: Match names the route ServeHTTP answers with, the most
// specific one, and none for a 404 or a 405.
func TestMuxMatch(t *testing.T) {
	m := graphMux()
	for _, c := range []struct{ method, path, op string }{
		{"GET", "/v1.0/users/42", "user-get"},
		{"GET", "/v1.0/users/delta()", "user-delta"},
		{"GET", "/v1.0/users/%24count", "user-count"},
		{"DELETE", "/v1.0/groups/g/members/m/$ref", "member-remove"},
		{"GET", "/v1.0/drives/d/root:/a/b.txt:/content", "path-content"},
		{"POST", "/v1.0/users/42", ""}, // 405
		{"GET", "/v1.0/nothing", ""},   // 404
	} {
		rt, ok := m.Match(c.method, c.path)
		if rt.Operation != c.op || ok != (c.op != "") {
			t.Errorf("Match(%s %s) = %q, %v; want %q", c.method, c.path, rt.Operation, ok, c.op)
		}
		if ok {
			rec := call(m, c.method, c.path, "", nil, "")
			if !strings.Contains(rec.Body.String(), `"Operation":"`+c.op+`"`) {
				t.Errorf("%s %s: Match says %s, ServeHTTP answered %s", c.method, c.path, c.op, rec.Body)
			}
		}
	}
}

// TestMuxSetAuth: with the Authorization checks off, a request without a
// token and one whose token lacks the documented permission are served;
// turned on again, they are refused as before (401, 403).
func TestMuxSetAuth(t *testing.T) {
	m := graphtest.NewMux()
	rt := graphtest.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{id}",
		Permissions: &graphtest.Permissions{DelegatedWork: []string{"User.Read"}}}
	m.Handle(rt, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	lacking := "Bearer " + graphtest.TestToken(graphtest.DelegatedWork, "Mail.Read")
	check := func(state, auth string, want int) {
		t.Helper()
		req := httptest.NewRequest("GET", "/v1.0/users/42", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		r := httptest.NewRecorder()
		m.ServeHTTP(r, req)
		if r.Code != want {
			t.Errorf("auth %s, Authorization %q: status %d, want %d: %s", state, auth, r.Code, want, r.Body)
		}
	}
	check("on", "", http.StatusUnauthorized)
	check("on", lacking, http.StatusForbidden)
	m.SetAuth(false)
	check("off", "", http.StatusOK)
	check("off", lacking, http.StatusOK)
	check("off", "Bearer not.a.jwt", http.StatusOK)
	m.SetAuth(true)
	check("on again", "", http.StatusUnauthorized)
	check("on again", lacking, http.StatusForbidden)
}

// TestCheckRequired: without Go types, a body must be a JSON object with
// its required members present and not null; anything else is let
// through. The messages are CheckJSON's.
func TestCheckRequired(t *testing.T) {
	check := graphtest.CheckRequired("message", "saveToSentItems")
	for _, c := range []struct{ body, err string }{
		{`{"message": {"subject": 1}, "saveToSentItems": false, "colour": "red"}`, ""},
		{`{"message": {}}`, `required member "saveToSentItems" is missing`},
		{`{"message": null, "saveToSentItems": true}`, `required member "message" is missing`},
		{`[{"message": {}}]`, "request body must be a JSON object, got an array"},
		{`"message"`, "request body must be a JSON object, got a string"},
	} {
		err := check([]byte(c.body))
		if got := fmt.Sprint(err); c.err == "" && err != nil || c.err != "" && got != c.err {
			t.Errorf("%s: %v, want %q", c.body, err, c.err)
		}
	}
	if err := graphtest.CheckRequired()([]byte(`{"anything": [1]}`)); err != nil {
		t.Errorf("no required members: %v", err)
	}
}
