package graphtest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzServe sends any path, query and body with each behaviour to a
// seeded store: it never panics, always says the answer is emulated, and
// an error answer is a Graph error.
func FuzzServe(f *testing.F) {
	f.Add(uint8(Get), "/v1.0/users/u1", "$select=id", "")
	f.Add(uint8(List), "/beta/users", "$filter=startswith(displayName,'A')&$top=1&$count=true", "")
	f.Add(uint8(Create), "/v1.0/users/u1/messages", "", `{"subject":"x"}`)
	f.Add(uint8(Update), "/v1.0/me", "", `{"id":"me-0001"}`)
	f.Add(uint8(AddRef), "/v1.0/groups/g1/members/$ref", "", `{"@odata.id":"directoryObjects/u2"}`)
	f.Add(uint8(RemoveRef), "/v1.0/groups/g1/members/$ref", "$id=users/u1", "")
	f.Add(uint8(ListRefs), "/v1.0/users/u1/manager/$ref", "$skiptoken=Z3JhcGhnZW46YTM", "")
	f.Add(uint8(Delete), "/v1.0/users('u1')", "", "")
	f.Add(uint8(Count), "/v1.0/users/$count", "$orderby=x desc", "")
	f.Fuzz(func(t *testing.T, behavior uint8, path, query, body string) {
		s := seeded(t, StoreOptions{MaxItems: 20}, tableSeed)
		u, err := url.Parse("http://graph.test" + path)
		if err != nil || !strings.HasPrefix(path, "/") {
			return
		}
		u.RawQuery = query
		method := map[Behavior]string{Create: "POST", Update: "PATCH", Replace: "PUT", Delete: "DELETE", AddRef: "POST", RemoveRef: "DELETE"}[Behavior(behavior)]
		if method == "" {
			method = "GET"
		}
		r := httptest.NewRequest(method, "http://graph.test/", strings.NewReader(body))
		r.URL = u
		w := httptest.NewRecorder()
		s.Serve(w, r, Call{Behavior: Behavior(behavior % 12), Me: testMe, Type: "microsoft.graph.user", Stamps: fuzzStamps[behavior>>4%4], Shape: Shape(behavior >> 6 % 3)})
		if w.Header().Get("X-Graphgen-Emulated") != "state" {
			t.Fatalf("no X-Graphgen-Emulated: %d %s", w.Code, w.Body)
		}
		if w.Code >= 400 && !strings.HasPrefix(w.Body.String(), `{"error":{"code":"`) {
			t.Fatalf("%d without a Graph error: %s", w.Code, w.Body)
		}
		if w.Code >= 500 && w.Code != http.StatusInsufficientStorage && Behavior(behavior%12) != Canned && behavior%12 != 11 {
			t.Fatalf("%d: %s", w.Code, w.Body)
		}
		var b strings.Builder
		if err := s.Dump(&b); err != nil {
			t.Fatal(err)
		}
		again := NewStore(StoreOptions{})
		if err := again.Load(strings.NewReader(b.String())); err != nil {
			t.Fatalf("the dump does not load: %v\n%s", err, b.String())
		}
	})
}

// fuzzStamps are the timestamps a type may document.
var fuzzStamps = [4][]string{nil, {"createdDateTime"}, {"lastModifiedDateTime"}, {"createdDateTime", "lastModifiedDateTime"}}
