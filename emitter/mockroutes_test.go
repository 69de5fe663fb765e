package emitter_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// TestMockRoutes: what the mock of the English pages serves, as data,
// checked against the pages' text (user-get.md and user-sendmail.md of
// testdata/docs/en-2021): request lines, permission tables, status lines,
// required parameters and example bodies.
func TestMockRoutes(t *testing.T) {
	api, err := graphgen.Load(os.DirFS("../testdata/docs/en-2021"))
	if err != nil {
		t.Fatal(err)
	}
	routes := map[string]emitter.MockRoute{}
	for _, mr := range emitter.MockRoutes(api) {
		routes[mr.Route.Method+" "+mr.Route.Pattern] = mr
	}
	get, ok := routes["GET /v1.0/users/{userID}"]
	if !ok {
		t.Fatalf("no GET /v1.0/users/{userID} among %d routes", len(routes))
	}
	wantGet := graphtest.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{userID}", Body: graphtest.BodyNone,
		Permissions: &graphtest.Permissions{ // user-get.md:23-25
			DelegatedWork:     strings.Split("User.Read User.ReadWrite User.ReadBasic.All User.Read.All User.ReadWrite.All Directory.Read.All Directory.ReadWrite.All Directory.AccessAsUser.All", " "),
			DelegatedPersonal: []string{"User.Read", "User.ReadWrite"},
			Application:       []string{"User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"},
		},
		// an emulator reads a stored user: the status line "HTTP/1.1 200 OK",
		// the response's type, the timestamp resources/user.md documents
		Emulate: graphtest.Get, Status: 200, Entity: "microsoft.graph.user", Stamps: []string{"createdDateTime"}}
	if diff := cmp.Diff(wantGet, get.Route, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Check" }, cmp.Ignore())); diff != "" {
		t.Errorf("user-get route (-want +got):\n%s", diff)
	}
	if get.Area != "user" || get.Handler != "Get" || get.Status != 200 || get.Source != "api-reference/v1.0/api/user-get.md:33:1" || get.BodyCheck != emitter.CheckSyntax {
		t.Errorf("user-get: area %q, handler %q, status %d, source %q, check %d", get.Area, get.Handler, get.Status, get.Source, get.BodyCheck)
	}
	if len(get.Examples) != 3 || !strings.Contains(get.Examples[0].Body, `"displayName": "Adele Vance"`) || get.Examples[1].Path != "/v1.0/me" {
		t.Errorf("user-get examples: %+v", get.Examples)
	}
	if me := routes["GET /v1.0/me"]; me.Source != "api-reference/v1.0/api/user-get.md:43:1" {
		t.Errorf("GET /v1.0/me: source %q, want user-get.md:43", me.Source)
	}
	send := routes["POST /v1.0/me/sendMail"]
	if send.Route.Body != graphtest.BodyJSON || send.BodyCheck != emitter.CheckParameters || !cmp.Equal(send.Required, []string{"message"}) || send.Status != 202 {
		t.Errorf("user-sendmail: body %d, check %d, required %q, status %d; want BodyJSON, parameters, [message], 202", send.Route.Body, send.BodyCheck, send.Required, send.Status)
	}
	if send.Route.Emulate != graphtest.Canned { // an action: its example answers
		t.Errorf("user-sendmail: emulated as %v, want its example", send.Route.Emulate)
	}
}
