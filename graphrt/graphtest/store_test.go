package graphtest

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestLoadDump loads a seed with every kind of entry and compares the
// dump with one written by hand; the dump loads back to the same dump.
func TestLoadDump(t *testing.T) {
	s := seeded(t, StoreOptions{}, `{
		"users": [{"id":"u1","userPrincipalName":"ada@contoso.com","displayName":"Ada","big":12345678901234567890,"price":1.50}, {"displayName":"No id"}],
		"groups": [{"id":"g1"}],
		"groups/g1/members": [{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/u1"}],
		"groups/g1/owners": [{"@odata.id":"users/ada@contoso.com"}],
		"users/u1/manager": {"@odata.id":"users/00000000-0000-4000-8000-000000000001"},
		"users/u1/messages": [],
		"policies/authorizationPolicy": {"allowInvitesFrom":"everyone"}
	}`)
	want := `{
  "groups": [
    {"id":"g1"}
  ],
  "groups/g1/members": [
    {"@odata.id":"users/u1"}
  ],
  "groups/g1/owners": [
    {"@odata.id":"users/u1"}
  ],
  "policies/authorizationPolicy": {"allowInvitesFrom":"everyone"},
  "users": [
    {"big":12345678901234567890,"displayName":"Ada","id":"u1","price":1.50,"userPrincipalName":"ada@contoso.com"},
    {"displayName":"No id","id":"00000000-0000-4000-8000-000000000001"}
  ],
  "users/u1/manager": {"@odata.id":"users/00000000-0000-4000-8000-000000000001"},
  "users/u1/messages": []
}
`
	got := dump(t, s)
	if got != want {
		t.Fatalf("dump\n%s\nwant\n%s", got, want)
	}
	if s.Len() != 7 {
		t.Errorf("Len %d, want 7 (3 items, 2 references, 2 single values)", s.Len())
	}
	srv := newTestServer(t, s, "")
	send(t, "DELETE", srv.URL+"/v1.0/groups/g1/owners/u1/$ref", "").mustStatus(t, http.StatusNoContent)
	send(t, "POST", srv.URL+"/v1.0/groups/g1/owners/$ref", `{"@odata.id":"users/u1"}`).mustStatus(t, http.StatusNoContent)
	again := seeded(t, StoreOptions{}, got)
	if d := dump(t, again); d != want {
		t.Errorf("dump after loading the dump\n%s", d)
	}
}

// dump returns s.Dump as text.
func dump(t testing.TB, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLoadErrors(t *testing.T) {
	cases := []struct{ seed, want string }{
		{`[]`, `seed: a JSON object is expected (a JSON object of collection paths is expected)`},
		{`{"users": 5}`, `seed: collection "users": an array of objects (or one object for a single value) is expected`},
		{`{"users": [1]}`, `seed: collection "users", item 0: not an object`},
		{`{"users": [{"id": 5}]}`, `seed: collection "users", item 0: member "id": a non-empty string is expected`},
		{`{"users": [{"id":"u1"},{"id":"u1"}]}`, `seed: collection "users", item 1: member "id": "u1" is already stored in the collection`},
		{`{"users/u1/messages": [{}], "users":[{"id":"u2"}]}`, `seed: collection "users/u1/messages": the item "users/u1" it belongs to is not stored`},
		{`{"groups/g1/members": [{"@odata.id":"users/zz"}], "groups":[{"id":"g1"}], "users":[]}`,
			`seed: collection "groups/g1/members", item 0: member "@odata.id": "users/zz" names no stored object`},
		{`{"groups": [{"@odata.id":"x"}]}`, `seed: collection "groups", item 0: member "@odata.id": "x" does not name an object`},
		{`{"v1.0/users": []}`, `seed: collection "v1.0/users": not a path`},
		{`{"a//b": []}`, `seed: collection "a//b": not a path`},
		{`{"users": [{"id":"u1"}]} {}`, `seed: data after the JSON value (a JSON object of collection paths is expected)`},
		{`{"users": [{"id":"a"},{"id":"b"},{"id":"c"}]}`, `seed: collection "users", item 2: the store holds its cap of 4 items`},
		{`{"zz": [{"@odata.id":"users/u0"},{"@odata.id":"users/ZERO@contoso.com"}]}`,
			`seed: collection "zz", item 1: member "@odata.id": "users/u0" is already referred to in the collection`},
		{`{"old": [{"id":"o2"}]}`, `seed: collection "old": a single value is already stored at this path`},
		{`{"users": {"id":"o2"}}`, `seed: collection "users": a value is already stored at this path`},
	}
	for _, tc := range cases {
		s := seeded(t, StoreOptions{MaxItems: 4}, `{"users":[{"id":"u0","userPrincipalName":"zero@contoso.com"}], "old": {"id":"o1"}}`)
		before := dump(t, s)
		err := s.Load(strings.NewReader(tc.seed))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v\nwant %s", tc.seed, err, tc.want)
		}
		if after := dump(t, s); after != before || s.Len() != 2 {
			t.Errorf("%s: a failed load changed the store (Len %d):\n%s", tc.seed, s.Len(), after)
		}
	}
}

// TestCap fills a store to its cap over HTTP: creating and adding a
// reference answer 507 quotaLimitReached until something is removed.
func TestCap(t *testing.T) {
	s := seeded(t, StoreOptions{MaxItems: 3}, `{"users":[{"id":"u1"}], "groups":[{"id":"g1"}]}`)
	srv := newTestServer(t, s, "")
	send(t, "POST", srv.URL+"/v1.0/users", `{"id":"u2"}`).mustStatus(t, http.StatusCreated)
	full := send(t, "POST", srv.URL+"/v1.0/users", `{"id":"u3"}`).mustStatus(t, http.StatusInsufficientStorage)
	if full.errorCode() != "quotaLimitReached" {
		t.Errorf("full store: %s", full.raw)
	}
	send(t, "POST", srv.URL+"/v1.0/groups/g1/members/$ref", `{"@odata.id":"users/u1"}`).mustStatus(t, http.StatusInsufficientStorage)
	send(t, "PATCH", srv.URL+"/v1.0/admin/sharepoint/settings", `{}`).mustStatus(t, http.StatusInsufficientStorage)
	send(t, "PATCH", srv.URL+"/v1.0/users/u2", `{"displayName":"still fine"}`).mustStatus(t, http.StatusNoContent)
	send(t, "DELETE", srv.URL+"/v1.0/users/u2", "").mustStatus(t, http.StatusNoContent)
	send(t, "POST", srv.URL+"/v1.0/groups/g1/members/$ref", `{"@odata.id":"users/u1"}`).mustStatus(t, http.StatusNoContent)
	if s.Len() != 3 {
		t.Errorf("Len %d, want 3", s.Len())
	}
}

// TestPagingUnderChange pages through users while items are deleted and
// added between pages: the pages continue after the last item shown,
// skipping none and showing none twice.
func TestPagingUnderChange(t *testing.T) {
	s := newTestStore(StoreOptions{})
	srv := newTestServer(t, s, "")
	for i := range 6 {
		send(t, "POST", srv.URL+"/v1.0/users", fmt.Sprintf(`{"id":"u%d"}`, i)).mustStatus(t, http.StatusCreated)
	}
	first := send(t, "GET", srv.URL+"/v1.0/users?$top=2&$count=true&$select=id", "").mustStatus(t, http.StatusOK)
	send(t, "DELETE", srv.URL+"/v1.0/users/u0", "").mustStatus(t, http.StatusNoContent)
	send(t, "DELETE", srv.URL+"/v1.0/users/u2", "").mustStatus(t, http.StatusNoContent)
	send(t, "POST", srv.URL+"/v1.0/users", `{"id":"u6"}`).mustStatus(t, http.StatusCreated)
	ids := first.values("id")
	counts := []any{first.body["@odata.count"]}
	for link := first.str("@odata.nextLink"); link != ""; {
		if !strings.HasPrefix(link, srv.URL+"/v1.0/users?$top=2&$count=true&$select=id&$skiptoken=") {
			t.Fatalf("nextLink %s", link)
		}
		page := send(t, "GET", link, "").mustStatus(t, http.StatusOK)
		ids, counts = append(ids, page.values("id")...), append(counts, page.body["@odata.count"])
		link = page.str("@odata.nextLink")
	}
	if want := []string{"u0", "u1", "u3", "u4", "u5", "u6"}; !slices.Equal(ids, want) {
		t.Errorf("paged %q, want %q", ids, want)
	}
	if fmt.Sprint(counts) != "[6 5 5]" {
		t.Errorf("counts %v, want [6 5 5]", counts)
	}
}

// TestPagingSorted pages through an $orderby listing with $skip.
func TestPagingSorted(t *testing.T) {
	s := seeded(t, StoreOptions{}, `{"users":[{"id":"a","n":3},{"id":"b","n":1},{"id":"c","n":5},{"id":"d","n":2},{"id":"e","n":4},{"id":"f"}]}`)
	srv := newTestServer(t, s, "")
	var ids []string
	for link := srv.URL + "/v1.0/users?$orderby=n%20desc&$top=2&$skip=1"; link != ""; {
		page := send(t, "GET", link, "").mustStatus(t, http.StatusOK)
		ids, link = append(ids, page.values("id")...), page.str("@odata.nextLink")
	}
	if want := []string{"e", "a", "d", "b", "f"}; !slices.Equal(ids, want) {
		t.Errorf("paged %q, want %q", ids, want)
	}
}

// TestCompaction removes most items of a collection, which compacts it,
// and lists the rest in insertion order.
func TestCompaction(t *testing.T) {
	s := newTestStore(StoreOptions{PageSize: 1000})
	srv := newTestServer(t, s, "")
	var want []string
	for i := range 100 {
		id := fmt.Sprintf("u%02d", i)
		send(t, "POST", srv.URL+"/v1.0/users", `{"id":"`+id+`"}`).mustStatus(t, http.StatusCreated)
		if i%10 == 3 {
			want = append(want, id)
		}
	}
	for i := range 100 {
		if i%10 != 3 {
			send(t, "DELETE", srv.URL+fmt.Sprintf("/v1.0/users/u%02d", i), "").mustStatus(t, http.StatusNoContent)
		}
	}
	got := send(t, "GET", srv.URL+"/v1.0/users", "").mustStatus(t, http.StatusOK).values("id")
	if !slices.Equal(got, want) || s.Len() != 10 {
		t.Errorf("after deletes %q (Len %d), want %q", got, s.Len(), want)
	}
	if c := s.colls["users"]; len(c.items) > 20 {
		t.Errorf("%d entries kept for 10 items: not compacted", len(c.items))
	}
}

// TestConcurrentCRUD runs goroutines that create, read, update, list and
// delete at once (run it with -race); each keeps half of what it created.
func TestConcurrentCRUD(t *testing.T) {
	s := seeded(t, StoreOptions{}, `{"groups":[{"id":"g1"}]}`)
	srv := newTestServer(t, s, "")
	const workers, each = 8, 20
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			if err := crudWorker(srv.URL, w, each); err != nil {
				errs <- err
			}
		})
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 20 {
			var b bytes.Buffer
			_ = s.Dump(&b)
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if want := 1 + workers*each/2*2; s.Len() != want {
		t.Errorf("Len %d, want %d (the group, and per worker %d users kept, each a member)", s.Len(), want, each/2)
	}
	members := send(t, "GET", srv.URL+"/v1.0/groups/g1/members/$count", "").mustStatus(t, http.StatusOK)
	if members.raw != fmt.Sprint(workers*each/2) {
		t.Errorf("members %s", members.raw)
	}
}

// crudWorker creates n users, reads, updates and lists them, adds each to
// group g1, and deletes the odd ones.
func crudWorker(srv string, w, n int) error {
	for i := range n {
		id := fmt.Sprintf("w%d-%d", w, i)
		steps := []struct {
			method, path, body string
			status             int
		}{
			{"POST", "/v1.0/users", `{"id":"` + id + `","displayName":"n` + id + `"}`, 201},
			{"GET", "/v1.0/users/" + id, "", 200},
			{"PATCH", "/v1.0/users/" + id, `{"jobTitle":"x"}`, 204},
			{"GET", "/v1.0/users?$top=10&$filter=startswith(displayName,'nw')", "", 200},
			{"POST", "/v1.0/groups/g1/members/$ref", `{"@odata.id":"users/` + id + `"}`, 204},
		}
		if i%2 == 1 {
			steps = append(steps, struct {
				method, path, body string
				status             int
			}{"DELETE", "/v1.0/groups/g1/members/" + id + "/$ref", "", 204}, struct {
				method, path, body string
				status             int
			}{"DELETE", "/v1.0/users/" + id, "", 204})
		}
		for _, st := range steps {
			if err := expectStatus(srv, st.method, st.path, st.body, st.status); err != nil {
				return err
			}
		}
	}
	return nil
}

// expectStatus sends one request and returns an error unless it answers
// status.
func expectStatus(srv, method, path, body string, status int) error {
	req, err := http.NewRequest(method, srv+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	if resp.StatusCode != status {
		return fmt.Errorf("%s %s: %d, want %d: %s", method, path, resp.StatusCode, status, b.String())
	}
	return nil
}

// TestDeleteDropsReferences deletes users that groups and a manager
// navigation refer to: as in Graph, the memberships and the manager go
// with them, and the dump has no reference left to a missing object.
func TestDeleteDropsReferences(t *testing.T) {
	s := seeded(t, StoreOptions{}, tableSeed)
	srv := newTestServer(t, s, "")
	send(t, "POST", srv.URL+"/v1.0/groups/g1/members/$ref", `{"@odata.id":"directoryObjects/u2"}`).mustStatus(t, http.StatusNoContent)
	send(t, "DELETE", srv.URL+"/v1.0/users/u2", "").mustStatus(t, http.StatusNoContent)
	send(t, "DELETE", srv.URL+"/v1.0/users/u1/messages/m1", "").mustStatus(t, http.StatusNoContent)
	want := `{
  "groups": [
    {"displayName":"Staff","id":"g1"}
  ],
  "groups/g1/members": [
    {"@odata.id":"users/u1"}
  ],
  "users": [
    ` + ada + `
  ],
  "users/u1/messages": []
}
`
	if got := dump(t, s); got != want || s.Len() != 3 {
		t.Errorf("Len %d, dump\n%s\nwant\n%s", s.Len(), got, want)
	}
	send(t, "DELETE", srv.URL+"/v1.0/users/u1", "").mustStatus(t, http.StatusNoContent)
	if got := dump(t, s); got != "{\n  \"groups\": [\n    {\"displayName\":\"Staff\",\"id\":\"g1\"}\n  ],\n  \"groups/g1/members\": [],\n  \"users\": []\n}\n" || s.Len() != 1 {
		t.Errorf("Len %d, dump\n%s", s.Len(), got)
	}
}
