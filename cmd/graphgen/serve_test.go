package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// bundledDocs is testdata/docs, the pages generated/ is generated from.
const bundledDocs = "../../testdata/docs"

// syncBuffer is a bytes.Buffer that a server's goroutines may write while
// a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// server is a graphgen serve run started by a test.
type server struct {
	base           string // http://127.0.0.1:port
	stdout, stderr *syncBuffer
	stop           func() int // ends the run and returns its exit status
}

// startServe runs graphgen serve with args on 127.0.0.1:0 and returns once
// it listens; the test's cleanup stops it and requires exit status 0.
func startServe(t *testing.T, args ...string) *server {
	t.Helper()
	s := &server{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	ready, exited := make(chan string, 1), make(chan int, 1)
	go func() {
		exited <- runServe(ctx, append([]string{"-q", "-addr", "127.0.0.1:0"}, args...), s.stdout, s.stderr, func(addr string) { ready <- addr })
	}()
	select {
	case addr := <-ready:
		s.base = "http://" + addr
	case code := <-exited:
		cancel()
		t.Fatalf("graphgen serve %q exited %d before serving:\n%s", args, code, s.stderr)
	}
	s.stop = sync.OnceValue(func() int {
		cancel()
		return <-exited
	})
	t.Cleanup(func() {
		if code := s.stop(); code != exitOK {
			t.Errorf("graphgen serve exited %d after its context ended:\n%s", code, s.stderr)
		}
	})
	return s
}

// reply is an answer of the server: status, headers and body.
type reply struct {
	status int
	header http.Header
	body   string
}

// do sends a request with token (none when "") and returns the answer.
func (s *server) do(t *testing.T, method, path, token, body string) reply {
	t.Helper()
	req, err := http.NewRequest(method, s.base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, string(data)}
}

// graphError decodes a Graph error body's code and message.
func graphError(t *testing.T, r reply) (code, message string) {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(r.body), &e); err != nil || e.Error.Code == "" {
		t.Fatalf("status %d: not a Graph error: %q (%v)", r.status, r.body, err)
	}
	return e.Error.Code, e.Error.Message
}

// Test tokens: user-get.md documents User.Read for work accounts,
// user-sendmail.md documents Mail.Send; neither documents Mail.Read.
var (
	userRead = graphtest.TestToken(graphtest.DelegatedWork, "User.Read")
	mailSend = graphtest.TestToken(graphtest.DelegatedWork, "Mail.Send")
	mailRead = graphtest.TestToken(graphtest.DelegatedWork, "Mail.Read")
)

// TestServeDocumentedExample: a documented GET answers with its page's
// status line and example body (user-get.md: "HTTP/1.1 200 OK" and Adele
// Vance).
func TestServeDocumentedExample(t *testing.T) {
	s := startServe(t, "-emulate=false", bundledDocs)
	r := s.do(t, "GET", "/v1.0/me", userRead, "")
	var u struct{ DisplayName, ID string }
	if err := json.Unmarshal([]byte(r.body), &u); err != nil || r.status != 200 {
		t.Fatalf("GET /v1.0/me: %d %q (%v)", r.status, r.body, err)
	}
	if u.DisplayName != "Adele Vance" || u.ID != "87d349ed-44d7-43e1-9a83-5f2406dee5bd" {
		t.Errorf("GET /v1.0/me answered %+v, want the example of user-get.md", u)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q, want the example's application/json", ct)
	}
	want := "graphgen: serving "
	if out := s.stdout.String(); !strings.HasPrefix(out, want) || !strings.HasSuffix(out, " operations on "+s.base+"\n") {
		t.Errorf("stdout %q, want %q... on %s", out, want, s.base)
	}
}

// TestServePermissions: the permission tables of user-get.md and
// user-sendmail.md decide, as in a generated mock: no token 401, a token
// without a documented permission 403, with one the documented status.
func TestServePermissions(t *testing.T) {
	s := startServe(t, bundledDocs)
	for _, c := range []struct {
		method, path, token, body string
		status                    int
		code                      string
	}{
		{"GET", "/v1.0/me", "", "", 401, "InvalidAuthenticationToken"},
		{"GET", "/v1.0/me", mailRead, "", 403, "Authorization_RequestDenied"},
		{"GET", "/v1.0/me", userRead, "", 200, ""},
		{"POST", "/v1.0/me/sendMail", userRead, `{"message": {"subject": "Hi"}}`, 403, "Authorization_RequestDenied"},
		{"POST", "/v1.0/me/sendMail", mailSend, `{"message": {"subject": "Hi"}}`, 202, ""}, // "HTTP/1.1 202 Accepted"
	} {
		r := s.do(t, c.method, c.path, c.token, c.body)
		if r.status != c.status {
			t.Errorf("%s %s: status %d, want %d: %s", c.method, c.path, r.status, c.status, r.body)
			continue
		}
		if c.code != "" {
			if code, _ := graphError(t, r); code != c.code {
				t.Errorf("%s %s: error code %q, want %q", c.method, c.path, code, c.code)
			}
		}
	}
}

// TestServeAuthOff: -auth off serves requests without a token, and
// tokens without the documented permissions.
func TestServeAuthOff(t *testing.T) {
	s := startServe(t, "-emulate=false", "-auth", "off", bundledDocs)
	for _, token := range []string{"", mailRead} {
		if r := s.do(t, "GET", "/v1.0/me", token, ""); r.status != 200 || !strings.Contains(r.body, "Adele Vance") {
			t.Errorf("-auth off, token %q: %d %s", token, r.status, r.body)
		}
	}
}

// TestServeBodyChecks: a body without the member user-sendmail.md marks
// Required ("message"), or that is not JSON, is a 400 in Graph's terms.
func TestServeBodyChecks(t *testing.T) {
	s := startServe(t, bundledDocs)
	for body, want := range map[string]string{
		`{"saveToSentItems": false}`: `required member "message" is missing`,
		`{"message": `:               "request body is not valid JSON",
	} {
		r := s.do(t, "POST", "/v1.0/me/sendMail", mailSend, body)
		if r.status != 400 {
			t.Errorf("body %s: status %d, want 400: %s", body, r.status, r.body)
			continue
		}
		if code, msg := graphError(t, r); code != "BadRequest" || !strings.Contains(msg, want) {
			t.Errorf("body %s: %s %q, want BadRequest saying %q", body, code, msg, want)
		}
	}
}

// TestServeUnknownPath: a path no page documents is Graph's 404.
func TestServeUnknownPath(t *testing.T) {
	s := startServe(t, bundledDocs)
	r := s.do(t, "GET", "/v1.0/noSuchThing", userRead, "")
	if r.status != 404 {
		t.Fatalf("status %d, want 404: %s", r.status, r.body)
	}
	if code, msg := graphError(t, r); code != "ResourceNotFound" || !strings.Contains(msg, "/v1.0/noSuchThing") {
		t.Errorf("404 says %s %q", code, msg)
	}
}

// TestServeFaults: -throttle-every 2 answers every second request 429
// with Retry-After, -error-every 3 every third 503.
func TestServeFaults(t *testing.T) {
	s := startServe(t, "-throttle-every", "2", "-error-every", "3", bundledDocs)
	var got []int
	for range 6 {
		r := s.do(t, "GET", "/v1.0/me", userRead, "")
		got = append(got, r.status)
		if r.status >= 429 && r.header.Get("Retry-After") == "" {
			t.Errorf("%d without Retry-After", r.status)
		}
	}
	if want := []int{200, 429, 503, 429, 200, 429}; !cmp.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
}

// TestServeLog: each request is logged on stderr with its operation and
// the request line of its page (user-get.md:43 is "GET /me"), and a
// request no route serves says so.
func TestServeLog(t *testing.T) {
	s := startServe(t, "-emulate=false", bundledDocs)
	s.do(t, "GET", "/v1.0/me", userRead, "")
	s.do(t, "GET", "/v1.0/me", "", "")
	s.do(t, "GET", "/v1.0/noSuchThing", userRead, "")
	page := filepath.ToSlash(filepath.Join(bundledDocs, "en-2021/api-reference/v1.0/api/user-get.md"))
	for _, want := range []string{
		"GET /v1.0/me -> 200 user-get " + page + ":43 (",
		"GET /v1.0/me -> 401 user-get " + page + ":43 (",
		"GET /v1.0/noSuchThing -> 404 (no route) (",
	} {
		if !strings.Contains(s.stderr.String(), "\n"+want) {
			t.Errorf("stderr lacks a line %q:\n%s", want, s.stderr)
		}
	}
}

// TestServeRoutesAreTheGeneratedMocks: graphgen serve registers the routes
// that the mock generated from the same docs (generated/generatedmock)
// registers, in the same order, and checks bodies where it does (not
// always as much: see serveCheck).
func TestServeRoutesAreTheGeneratedMocks(t *testing.T) {
	api, err := graphgen.Load(os.DirFS(bundledDocs))
	if err != nil {
		t.Fatal(err)
	}
	m, err := serveMux(emitter.MockRoutes(api), serveExample)
	if err != nil {
		t.Fatal(err)
	}
	served, generated := m.Routes(), generatedmock.NewMock(generatedmock.Handlers{}).Routes()
	if len(served) < 300 {
		t.Fatalf("serve registers %d routes of testdata/docs, want hundreds", len(served))
	}
	if diff := cmp.Diff(generated, served, cmpopts.IgnoreFields(graphtest.Route{}, "Check")); diff != "" {
		t.Errorf("routes (-generated mock +serve):\n%s", diff)
	}
	for i := range min(len(served), len(generated)) {
		if served[i].Check != nil && generated[i].Check == nil {
			t.Errorf("%s %s: serve checks the body, the generated mock does not", served[i].Method, served[i].Pattern)
		}
	}
}

// TestServeRefuses: a run that cannot serve what the docs say exits non-zero
// with the reason and never listens.
func TestServeRefuses(t *testing.T) {
	empty := t.TempDir()
	clash := clashingDocs(t)
	bad := badSeed(t)
	for _, c := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"no DOCS", nil, exitUsage, []string{"no DOCS given"}},
		{"missing DOCS", []string{filepath.Join(empty, "nope")}, exitUsage, []string{"no such directory"}},
		{"empty DOCS", []string{empty}, exitError, []string{"no operation in " + empty + " (is it a docs directory", "nothing served"}},
		{"docs with errors", clash, exitError, []string{"resources/widget.md", "cannot give type microsoft.graph.widget a unique Go name", "2 errors", "nothing served"}},
		{"include nothing", []string{"-include", "no-such-page", bundledDocs}, exitError, []string{"-include/-exclude selected no operation; nothing served"}},
		{"bad -auth", []string{"-auth", "maybe", bundledDocs}, exitUsage, []string{`-auth "maybe": want on or off`}},
		{"negative fault", []string{"-throttle-every", "-1", bundledDocs}, exitUsage, []string{"0 or more"}},
		{"-seed of no file", []string{"-seed", filepath.Join(empty, "state.json"), bundledDocs}, exitError, []string{"-seed: open " + filepath.Join(empty, "state.json"), "nothing served"}},
		{"-seed of a bad state", []string{"-seed", bad, bundledDocs}, exitError, []string{"-seed " + bad + `: seed: collection "users", item 0: member "id": a non-empty string is expected`, "nothing served"}},
		{"-seed without the emulator", []string{"-emulate=false", "-seed", "state.json", bundledDocs}, exitUsage, []string{"-seed and -dump are the emulator's state: they need -emulate"}},
		{"negative -max-items", []string{"-max-items", "-1", bundledDocs}, exitUsage, []string{"-max-items takes a number of items, 0 or more"}},
		{"bad address", []string{"-addr", "256.0.0.1:0", bundledDocs}, exitError, []string{"256.0.0.1", "nothing served"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			listened := false
			// a run that should refuse but serves stops at once, not never
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			code := runServe(ctx, append([]string{"-q"}, c.args...), &stdout, &stderr, func(string) { listened = true; cancel() })
			if code != c.code || listened || stdout.Len() > 0 {
				t.Errorf("exit %d, listened %v, stdout %q; want exit %d and nothing served", code, listened, stdout.String(), c.code)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
		})
	}
}

// clashingDocs returns two docs trees that document the type
// microsoft.graph.widget as an object and as an enumeration, whose Go
// names cannot be told apart: an error in the docs (as in
// TestFailedRunWritesNothing).
func clashingDocs(t *testing.T) []string {
	t.Helper()
	object := docsTree(t, map[string]string{"widget-reset.md": page("Reset widget", "POST", "/widgets/{id}/reset")})
	enum := docsTree(t, nil)
	resources := map[string]string{
		object: "---\ntitle: widget resource type\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|The id.|\n\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.widget\"\n}-->\n\n```json\n{\n  \"id\": \"string\"\n}\n```\n",
		enum:   "---\ntitle: Enum values\ndoc_type: enumPageType\n---\n\n# Enum values\n\nNamespace: microsoft.graph\n\n### widget values\n\n|Member|\n|:---|\n|small|\n|large|\n",
	}
	for dir, content := range resources {
		name := filepath.Join(dir, "api-reference", "v1.0", "resources", "widget.md")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return []string{object, enum}
}

// TestHelpListsServe: graphgen help and graphgen -h list serve, and
// graphgen serve -h its flags.
func TestHelpListsServe(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"help"}, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "graphgen serve [-addr :8080]") {
		t.Errorf("graphgen help: exit %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"-h"}, &stdout, &stderr); code != exitOK || !strings.Contains(stderr.String(), "graphgen serve [-addr :8080]") {
		t.Errorf("graphgen -h: exit %d:\n%s", code, stderr.String())
	}
	stderr.Reset()
	code := runServe(context.Background(), []string{"-h"}, &stdout, &stderr, nil)
	for _, flag := range []string{"-addr", "-auth", "-throttle-every", "-error-every", "-delay", "-page-size", "-include", "-exclude", "-seed"} {
		if code != exitOK || !strings.Contains(stderr.String(), "  "+flag+" ") {
			t.Errorf("graphgen serve -h: exit %d, no %s:\n%s", code, flag, stderr.String())
		}
	}
}

// badSeed writes a seed whose user has a number for an id, and returns
// its path.
func badSeed(t *testing.T) string {
	file := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(file, []byte(`{"users": [{"id": 5}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestServeEmulates: by default serve keeps state, seeded from -seed and
// written to -dump on shutdown: a seeded user reads back, a created one
// is listed (with the @odata.type of the route that created it, an
// annotation $select keeps) and dumped, an action answers with its
// example (user-sendmail: 202) marked so, and -emulate=false answers the
// seeded id with the example of user-get (Adele Vance).
func TestServeEmulates(t *testing.T) {
	dir := t.TempDir()
	seed, dump := filepath.Join(dir, "seed.json"), filepath.Join(dir, "dump.json")
	if err := os.WriteFile(seed, []byte(`{"users": [{"id": "u1", "displayName": "Seeded"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	admin := graphtest.TestToken(graphtest.DelegatedWork, "User.ReadWrite.All", "Mail.Send")
	s := startServe(t, "-seed", seed, "-dump", dump, bundledDocs)
	if r := s.do(t, "GET", "/v1.0/users/u1", admin, ""); r.status != 200 || !strings.Contains(r.body, `"displayName":"Seeded"`) || r.header.Get(graphtest.EmulatedHeader) != "state" {
		t.Errorf("GET the seeded user: %d %q %s", r.status, r.header.Get(graphtest.EmulatedHeader), r.body)
	}
	body := `{"accountEnabled": true, "displayName": "Created", "mailNickname": "c", "userPrincipalName": "c@contoso.com", "passwordProfile": {"password": "x"}}`
	if r := s.do(t, "POST", "/v1.0/users", admin, body); r.status != 201 {
		t.Fatalf("POST /v1.0/users: %d %s", r.status, r.body)
	}
	if r := s.do(t, "GET", "/v1.0/users?$select=displayName", admin, ""); r.status != 200 || r.body != `{"value":[{"displayName":"Seeded"},{"@odata.type":"#microsoft.graph.user","displayName":"Created"}]}` {
		t.Errorf("GET /v1.0/users?$select=displayName: %d %s", r.status, r.body)
	}
	mail := `{"message": {"subject": "Meet for lunch?"}}`
	if r := s.do(t, "POST", "/v1.0/me/sendMail", admin, mail); r.status != 202 || r.header.Get(graphtest.EmulatedHeader) != "example" {
		t.Errorf("sendMail: %d %q, want 202 answered with the example", r.status, r.header.Get(graphtest.EmulatedHeader))
	}
	if code := s.stop(); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, s.stderr)
	}
	data, err := os.ReadFile(dump)
	if err != nil || !strings.Contains(string(data), `"displayName":"Seeded"`) || !strings.Contains(string(data), `"displayName":"Created"`) {
		t.Errorf("-dump wrote %s (%v), want both users", data, err)
	}

	canned := startServe(t, "-emulate=false", bundledDocs)
	if r := canned.do(t, "GET", "/v1.0/users/u1", admin, ""); r.status != 200 || !strings.Contains(r.body, "Adele Vance") || r.header.Get(graphtest.EmulatedHeader) != "" {
		t.Errorf("-emulate=false: GET /v1.0/users/u1: %d %q %s, want user-get's example", r.status, r.header.Get(graphtest.EmulatedHeader), r.body)
	}
}
