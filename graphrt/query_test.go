package graphrt_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt"
)

func TestQueryOptionsAndConsistencyLevel(t *testing.T) {
	var query, consistency string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query, consistency = r.URL.RawQuery, r.Header.Get("ConsistencyLevel")
	}))
	defer srv.Close()
	c := graphrt.New(graphrt.Config{HTTPClient: srv.Client(), BaseURL: srv.URL})
	ctx := context.Background()
	req := &graphrt.Request{Method: "GET", Path: "/v1.0/groups/g/members", AdvancedQuery: true}
	if err := c.Empty(ctx, req, graphrt.Select("id", "displayName"), graphrt.Search(`"displayName:a b"`), graphrt.Count(), graphrt.Top(5)); err != nil {
		t.Fatal(err)
	}
	if want := `$count=true&$search=%22displayName:a%20b%22&$select=id,displayName&$top=5`; query != want {
		t.Errorf("query %s, want %s", query, want)
	}
	if consistency != "eventual" {
		t.Errorf("ConsistencyLevel %q, want eventual for $search on an advanced-query operation", consistency)
	}
	if err := c.Empty(ctx, req, graphrt.Filter("startswith(displayName,'a')")); err != nil {
		t.Fatal(err)
	}
	if consistency != "" {
		t.Errorf("ConsistencyLevel %q without $search or $count", consistency)
	}
	if err := c.Empty(ctx, req, graphrt.Expand("manager", "memberOf"), graphrt.OrderBy("displayName desc"), graphrt.Skip(10)); err != nil {
		t.Fatal(err)
	}
	if want := `$expand=manager,memberOf&$orderby=displayName%20desc&$skip=10`; query != want {
		t.Errorf("query %s, want %s", query, want)
	}
	plain := &graphrt.Request{Method: "GET", Path: "/v1.0/users"}
	if err := c.Empty(ctx, plain, graphrt.Count()); err != nil {
		t.Fatal(err)
	}
	if consistency != "" {
		t.Errorf("ConsistencyLevel %q on an operation that does not ask for it", consistency)
	}
}
