package graphtest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// emulatorRoutes are routes as the docs of user-post-users, user-get,
// user-update, user-delete, user-list, group-post-members and
// user-sendmail document them: methods, paths, success statuses and
// permissions (the least privileged delegated ones, and Application).
func emulatorRoutes() []graphtest.Route {
	read := &graphtest.Permissions{DelegatedWork: []string{"User.Read"}, Application: []string{"User.Read.All"}}
	write := &graphtest.Permissions{DelegatedWork: []string{"User.ReadWrite.All"}, Application: []string{"User.ReadWrite.All"}}
	user := "microsoft.graph.user"
	return []graphtest.Route{
		{Operation: "user-post-users", Method: "POST", Pattern: "/v1.0/users", Body: graphtest.BodyJSON, Permissions: write, Emulate: graphtest.Create, Status: 201, Entity: user},
		{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{userID}", Permissions: read, Emulate: graphtest.Get, Status: 200, Entity: user},
		{Operation: "user-get", Method: "GET", Pattern: "/v1.0/me", Permissions: read, Emulate: graphtest.Get, Status: 200, Entity: user},
		{Operation: "user-update", Method: "PATCH", Pattern: "/v1.0/users/{userID}", Body: graphtest.BodyJSON, Permissions: write, Emulate: graphtest.Update, Status: 204, Entity: user},
		{Operation: "user-delete", Method: "DELETE", Pattern: "/v1.0/users/{userID}", Permissions: write, Emulate: graphtest.Delete, Status: 204, Entity: user},
		{Operation: "user-list", Method: "GET", Pattern: "/v1.0/users", Permissions: read, Emulate: graphtest.List, Status: 200, Entity: user},
		{Operation: "group-post-groups", Method: "POST", Pattern: "/v1.0/groups", Body: graphtest.BodyJSON, Permissions: write, Emulate: graphtest.Create, Status: 201, Entity: "microsoft.graph.group"},
		{Operation: "group-post-members", Method: "POST", Pattern: "/v1.0/groups/{groupID}/members/$ref", Body: graphtest.BodyJSON, Permissions: write, Emulate: graphtest.AddRef, Status: 204},
		{Operation: "group-list-members", Method: "GET", Pattern: "/v1.0/groups/{groupID}/members", Permissions: read, Emulate: graphtest.List, Status: 200},
		{Operation: "user-sendmail", Method: "POST", Pattern: "/v1.0/me/sendMail", Body: graphtest.BodyJSON,
			Permissions: &graphtest.Permissions{DelegatedWork: []string{"Mail.Send"}}, Status: 202},
	}
}

// newEmulator serves emulatorRoutes; the handlers, which only the route
// without a behaviour reaches, answer 202 like user-sendmail's example.
func newEmulator(t *testing.T) (*graphtest.Emulator, *httptest.Server) {
	m := graphtest.NewMux()
	for _, rt := range emulatorRoutes() {
		m.Handle(rt, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) })
	}
	e := graphtest.Emulate(m, graphtest.StoreOptions{})
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return e, srv
}

// do sends method path (with body when not "") as token and returns the
// status, the X-Graphgen-Emulated header and the body.
func do(t *testing.T, srv *httptest.Server, token, method, path, body string) (int, string, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, srv.URL+path, rd)
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get(graphtest.EmulatedHeader), string(b)
}

// TestEmulatorThroughTheMux: the store answers the routes with a
// behaviour, after the Mux's checks; the others keep their handler and
// say "example"; /me is the token's user.
func TestEmulatorThroughTheMux(t *testing.T) {
	_, srv := newEmulator(t)
	admin := graphtest.TestToken(graphtest.DelegatedWork, "User.ReadWrite.All", "User.Read", "Mail.Send")
	reader := graphtest.TestToken(graphtest.DelegatedWork, "User.Read")

	status, emulated, body := do(t, srv, admin, "POST", "/v1.0/users", `{"displayName":"Ada","userPrincipalName":"ada@contoso.com"}`)
	var created struct {
		ID        string `json:"id"`
		ODataType string `json:"@odata.type"`
	}
	if err := json.Unmarshal([]byte(body), &created); status != 201 || emulated != "state" || err != nil || created.ID == "" {
		t.Fatalf("create: %d %q %s", status, emulated, body)
	}
	if created.ODataType != "#microsoft.graph.user" {
		t.Errorf("created @odata.type = %q, want the route's entity", created.ODataType)
	}
	// The Mux checks permissions before the store sees the request.
	if status, _, body := do(t, srv, reader, "DELETE", "/v1.0/users/"+created.ID, ""); status != 403 || !strings.Contains(body, "Authorization_RequestDenied") {
		t.Errorf("delete with User.Read: %d %s, want 403", status, body)
	}
	if status, _, body := do(t, srv, reader, "GET", "/v1.0/users/ada@contoso.com", ""); status != 200 || !strings.Contains(body, created.ID) {
		t.Errorf("get by userPrincipalName: %d %s", status, body)
	}
	// /me is the user of a delegated token: TestToken signs in SignedInUser.
	if status, _, body := do(t, srv, reader, "GET", "/v1.0/me", ""); status != 200 || !strings.Contains(body, `"id":"`+graphtest.SignedInUser+`"`) {
		t.Errorf("GET /me: %d %s, want the signed-in user %s", status, body, graphtest.SignedInUser)
	}
	// An application has no /me (Graph: 400).
	app := graphtest.TestToken(graphtest.Application, "User.Read.All")
	if status, _, body := do(t, srv, app, "GET", "/v1.0/me", ""); status != 400 {
		t.Errorf("GET /me with an application token: %d %s, want 400", status, body)
	}
	// An operation without a behaviour answers with its handler, marked.
	if status, emulated, _ := do(t, srv, admin, "POST", "/v1.0/me/sendMail", `{"message":{}}`); status != 202 || emulated != "example" {
		t.Errorf("sendMail: %d %q, want 202 \"example\"", status, emulated)
	}
	if status, emulated, _ := do(t, srv, admin, "DELETE", "/v1.0/users/"+created.ID, ""); status != 204 || emulated != "state" {
		t.Errorf("delete: %d %q", status, emulated)
	}
	if status, _, body := do(t, srv, admin, "GET", "/v1.0/users/"+created.ID, ""); status != 404 || !strings.Contains(body, "Request_ResourceNotFound") {
		t.Errorf("get after delete: %d %s, want 404 Request_ResourceNotFound", status, body)
	}
}

// TestEmulatorMembersDecodeAsTheirType: a group's members listed through
// $ref carry the @odata.type of the collection they were created in, so
// a client decodes each into its derived type.
func TestEmulatorMembersDecodeAsTheirType(t *testing.T) {
	e, srv := newEmulator(t)
	if err := e.Store.Load(strings.NewReader(`{"users":[{"id":"u1","displayName":"Ada","@odata.type":"#microsoft.graph.user"}],"groups":[{"id":"g1"}]}`)); err != nil {
		t.Fatal(err)
	}
	admin := graphtest.TestToken(graphtest.DelegatedWork, "User.ReadWrite.All", "User.Read")
	if status, _, body := do(t, srv, admin, "POST", "/v1.0/groups/g1/members/$ref", `{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/u1"}`); status != 204 {
		t.Fatalf("add member: %d %s", status, body)
	}
	_, _, body := do(t, srv, admin, "GET", "/v1.0/groups/g1/members", "")
	var page struct {
		Value []map[string]any `json:"value"`
	}
	if err := json.Unmarshal([]byte(body), &page); err != nil || len(page.Value) != 1 {
		t.Fatalf("members: %s (%v)", body, err)
	}
	if got := page.Value[0]["@odata.type"]; got != "#microsoft.graph.user" {
		t.Errorf("member @odata.type = %v, want #microsoft.graph.user", got)
	}
}

// BenchmarkEmulatorConcurrentCRUD serves, on every core at once, a
// create, a get, a patch, a list with $top=10 and a delete of users
// through an Emulator's Mux (routing, the bearer token's permissions, the
// body rules, then the store), in a tenant already holding 1,000 users.
// One op is those 5 requests; req/s is the emulator's throughput without
// a network, allocs/req what each request allocates.
func BenchmarkEmulatorConcurrentCRUD(b *testing.B) {
	m := graphtest.NewMux()
	for _, rt := range emulatorRoutes() {
		m.Handle(rt, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) })
	}
	e := graphtest.Emulate(m, graphtest.StoreOptions{})
	if err := e.Store.Load(strings.NewReader(graphtest.BenchSeed(1000))); err != nil {
		b.Fatal(err)
	}
	auth := "Bearer " + graphtest.TestToken(graphtest.DelegatedWork, "User.ReadWrite.All", "User.Read")
	var next atomic.Int64
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		w := &discard{h: http.Header{}}
		for pb.Next() {
			id := fmt.Sprintf("bench-%d", next.Add(1))
			emulatorCall(b, e, w, auth, "POST", "/v1.0/users", `{"id":"`+id+`","displayName":"Bench","accountEnabled":true}`, 201)
			emulatorCall(b, e, w, auth, "GET", "/v1.0/users/"+id, "", 200)
			emulatorCall(b, e, w, auth, "PATCH", "/v1.0/users/"+id, `{"jobTitle":"Tester"}`, 204)
			emulatorCall(b, e, w, auth, "GET", "/v1.0/users?$top=10", "", 200)
			emulatorCall(b, e, w, auth, "DELETE", "/v1.0/users/"+id, "", 204)
		}
	})
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(b.N*5)/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*5), "allocs/req")
	if n := e.Store.Len(); n != 1000 {
		b.Fatalf("Len %d after the run, want 1000", n)
	}
}

// emulatorCall serves one request through e and fails b unless it
// answers want.
func emulatorCall(b *testing.B, e *graphtest.Emulator, w *discard, auth, method, target, body string, want int) {
	var rd io.Reader = http.NoBody
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	r.Header.Set("Authorization", auth)
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	clear(w.h)
	w.status = 0
	e.ServeHTTP(w, r)
	if w.status != want {
		b.Fatalf("%s %s: %d, want %d", method, target, w.status, want)
	}
}
