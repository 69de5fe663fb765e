package graphtest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// listMux serves a documented collection of five items.
func listMux() *graphtest.Mux {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "user-list", Method: "GET", Pattern: "/v1.0/users"}, func(w http.ResponseWriter, r *http.Request) {
		graphtest.ServeExample(w, r, 200, graphtest.Example{Body: `{"@odata.context":"x","value":[{"id":"1"},{"id":"2"},{"id":"3"},{"id":"4"},{"id":"5"}]}`})
	})
	return m
}

func get(t *testing.T, url string) (*http.Response, map[string]json.RawMessage) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer t")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]json.RawMessage
	json.NewDecoder(resp.Body).Decode(&body)
	return resp, body
}

func TestFaultsThrottleAndErrors(t *testing.T) {
	srv := httptest.NewServer(graphtest.WithFaults(listMux(), graphtest.Faults{ThrottleEvery: 2, ErrorEvery: 3}))
	defer srv.Close()
	var got []int
	for i := 0; i < 6; i++ {
		resp, _ := get(t, srv.URL+"/v1.0/users")
		got = append(got, resp.StatusCode)
		if resp.StatusCode >= 400 && resp.Header.Get("Retry-After") != "1" {
			t.Errorf("request %d: Retry-After %q", i+1, resp.Header.Get("Retry-After"))
		}
	}
	want := []int{200, 429, 503, 429, 200, 429}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("statuses %v, want %v", got, want)
		}
	}
}

func TestFaultsPaging(t *testing.T) {
	srv := httptest.NewServer(graphtest.WithFaults(listMux(), graphtest.Faults{PageSize: 2}))
	defer srv.Close()
	var ids []string
	next, pages := srv.URL+"/v1.0/users", 0
	for next != "" && pages < 10 {
		resp, body := get(t, next)
		if resp.StatusCode != 200 {
			t.Fatalf("page %d: status %d", pages, resp.StatusCode)
		}
		var items []struct{ ID string }
		json.Unmarshal(body["value"], &items)
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		next = ""
		json.Unmarshal(body["@odata.nextLink"], &next)
		pages++
	}
	if pages != 3 || len(ids) != 5 || ids[0] != "1" || ids[4] != "5" {
		t.Errorf("%d pages, ids %v; want 3 pages of 1..5", pages, ids)
	}
}
