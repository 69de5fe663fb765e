package graphtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// testMe is the object id of the signed-in user of the test server.
const testMe = "me-0001"

// testNow is the clock of the test stores.
var testNow = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// newTestStore returns a store with the test clock and opt's other fields.
func newTestStore(opt StoreOptions) *Store {
	opt.Now = func() time.Time { return testNow }
	return NewStore(opt)
}

// testCall picks the Call of a request by its method and path shape, as
// the Mux will from the route: .../$count counts, .../$ref works on
// references, a path with an odd number of segments is a collection
// (users, users/u1/messages), an even one an item, /me the user.
func testCall(r *http.Request, me string) Call {
	path := strings.Trim(r.URL.Path, "/")
	path = strings.TrimPrefix(strings.TrimPrefix(path, "v1.0/"), "beta/")
	segs := strings.Split(path, "/")
	if segs[0] == "me" {
		segs = append([]string{"users", "x"}, segs[1:]...)
	}
	c := Call{Me: me, Type: testType(segs)}
	if strings.Contains(path, "messages") {
		c.Stamps = []string{"createdDateTime", "lastModifiedDateTime"}
	}
	last := segs[len(segs)-1]
	switch {
	case last == "$count":
		c.Behavior = Count
	case last == "$ref":
		c.Behavior = map[string]Behavior{"GET": ListRefs, "POST": AddRef, "PUT": AddRef, "DELETE": RemoveRef}[r.Method]
	case r.Method == "GET" && len(segs)%2 == 1 && !singleValued[last] && !strings.HasSuffix(last, ")"):
		c.Behavior = List
	default:
		c.Behavior = map[string]Behavior{"GET": Get, "POST": Create, "PATCH": Update, "PUT": Replace, "DELETE": Delete}[r.Method]
	}
	return c
}

// testType is the OData type of the resource at segs, for the test
// server's root collections.
func testType(segs []string) string {
	if len(segs) > 2 {
		return ""
	}
	return map[string]string{"users": "microsoft.graph.user", "groups": "microsoft.graph.group"}[segs[0]]
}

// newTestServer serves s over httptest, picking each Call with testCall.
func newTestServer(t testing.TB, s *Store, me string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Serve(w, r, testCall(r, me))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// answer is one response of the test server, its body decoded.
type answer struct {
	status int
	header http.Header
	raw    string
	body   map[string]any
}

// send sends method url with body (none when "") and reads the answer.
func send(t testing.TB, method, url, body string) answer {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
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
	a := answer{status: resp.StatusCode, header: resp.Header, raw: string(data)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(data, &a.body); err != nil {
			t.Fatalf("%s %s: body %q: %v", method, url, data, err)
		}
	}
	return a
}

// errorCode is the Graph error code of a.
func (a answer) errorCode() string {
	e, _ := a.body["error"].(map[string]any)
	code, _ := e["code"].(string)
	return code
}

// errorMessage is the Graph error message of a.
func (a answer) errorMessage() string {
	e, _ := a.body["error"].(map[string]any)
	msg, _ := e["message"].(string)
	return msg
}

// values returns member name of each object in a's "value".
func (a answer) values(name string) []string {
	list, _ := a.body["value"].([]any)
	out := []string{}
	for _, v := range list {
		obj, _ := v.(map[string]any)
		s, _ := obj[name].(string)
		out = append(out, s)
	}
	return out
}

// str returns the string member name of a's body.
func (a answer) str(name string) string {
	s, _ := a.body[name].(string)
	return s
}

// mustStatus fails t unless a has status want.
func (a answer) mustStatus(t testing.TB, want int) answer {
	t.Helper()
	if a.status != want {
		t.Fatalf("status %d, want %d; body %s", a.status, want, a.raw)
	}
	return a
}

// seeded returns a store loaded with seed.
func seeded(t testing.TB, opt StoreOptions, seed string) *Store {
	t.Helper()
	s := newTestStore(opt)
	if err := s.Load(strings.NewReader(seed)); err != nil {
		t.Fatal(err)
	}
	return s
}

// singleValued names the single-valued navigations and properties of the
// test server's paths, which a GET reads rather than lists.
var singleValued = map[string]bool{"manager": true, "settings": true}
