package graphtest_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// benchRequests are the requests both router benchmarks serve: an entity
// below two parameters, an OData function call and a drive item path. op
// is the operation that must answer, checked before timing.
var benchRequests = []struct{ name, op, target string }{
	{"entity", "message-get", "/v1.0/users/48d31887-5fad-4d73-a9f5-3c356e68a038/messages/AAMkAGI1AAAoZCfHAAA="},
	{"function", "range-get", "/v1.0/me/drive/items/01CYZLFJGUJ7JHBSZDFZFL25KSZGQTVAUN/workbook/worksheets/Sheet1/range(address='A1:B2')"},
	{"drivepath", "chart-get", "/v1.0/me/drive/root:/Documents/Book%201.xlsx:/workbook/worksheets/Sheet1/charts/Chart1"},
}

// tenRoutes are ten routes of the v1.0 docs, spelled as the docs' tree
// spells them, among them the three that benchRequests reach.
var tenRoutes = []graphtest.Route{
	{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{idOrUserPrincipalName}"},
	{Operation: "user-list", Method: "GET", Pattern: "/v1.0/users"},
	{Operation: "user-update", Method: "PATCH", Pattern: "/v1.0/users/{idOrUserPrincipalName}", Body: graphtest.BodyJSON},
	{Operation: "message-get", Method: "GET", Pattern: "/v1.0/users/{idOrUserPrincipalName}/messages/{id}"},
	{Operation: "message-list", Method: "GET", Pattern: "/v1.0/users/{idOrUserPrincipalName}/messages"},
	{Operation: "group-get", Method: "GET", Pattern: "/v1.0/groups/{id}"},
	{Operation: "range-get", Method: "GET", Pattern: "/v1.0/me/drive/items/{id}/workbook/worksheets/{idOrName}/range(address='{address}')"},
	{Operation: "range-clear", Method: "POST", Pattern: "/v1.0/me/drive/items/{id}/workbook/worksheets/{idOrName}/range(address='{address}')/clear", Body: graphtest.BodyJSON},
	{Operation: "chart-get", Method: "GET", Pattern: "/v1.0/me/drive/root:/{itemPath...}:/workbook/worksheets/{idOrName}/charts/{name}"},
	{Operation: "chart-list", Method: "GET", Pattern: "/v1.0/me/drive/root:/{itemPath...}:/workbook/worksheets/{idOrName}/charts"},
}

// fullTree holds the routes of the English v1.0 corpus tree, loaded once.
var fullTree struct {
	once   sync.Once
	routes []graphtest.Route
	err    error
}

// fullTreeRoutes returns every route a generated NewMock of the English
// v1.0 tree registers (those not shadowed, with their required headers,
// query options and permissions), or skips without GRAPHGEN_CORPUS.
func fullTreeRoutes(b *testing.B) []graphtest.Route {
	b.Helper()
	dir := os.Getenv("GRAPHGEN_CORPUS")
	if dir == "" {
		b.Skip("GRAPHGEN_CORPUS is not set")
	}
	fullTree.once.Do(func() {
		root := filepath.Join(dir, "graph-docs-en-2021", "api-reference", "v1.0")
		api, err := graphgen.LoadTrees(graphgen.Tree{FS: os.DirFS(root), Version: "v1.0"})
		if err != nil {
			fullTree.err = err
			return
		}
		for _, op := range api.Operations {
			for _, r := range op.Routes {
				if r.ShadowedBy != "" {
					continue
				}
				rt := graphtest.Route{Operation: op.ID, Method: op.Method, Pattern: "/" + op.Version + r.Pattern}
				for _, q := range r.QueryParams {
					rt.Query = append(rt.Query, q.Name)
				}
				for _, h := range op.Headers {
					if h.Required && h.Name != "Authorization" && h.Name != "Content-Type" {
						rt.Headers = append(rt.Headers, h.Name)
					}
				}
				fullTree.routes = append(fullTree.routes, rt)
			}
		}
	})
	if fullTree.err != nil {
		b.Fatal(fullTree.err)
	}
	return fullTree.routes
}

// benchMux registers routes, each answering with nothing; served records
// the operation of the last request.
func benchMux(routes []graphtest.Route, served *string) *graphtest.Mux {
	m := graphtest.NewMux()
	for _, rt := range routes {
		op := rt.Operation
		m.Handle(rt, func(http.ResponseWriter, *http.Request) { *served = op })
	}
	return m
}

// discard is a ResponseWriter that keeps nothing but the status.
type discard struct {
	h      http.Header
	status int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(status int)      { d.status = status }

// benchServe serves each of benchRequests through m in a sub-benchmark;
// each request must be answered by its operation.
func benchServe(b *testing.B, m *graphtest.Mux, served *string) {
	for _, br := range benchRequests {
		b.Run(br.name, func(b *testing.B) {
			r := httptest.NewRequest("GET", br.target, nil)
			r.Header.Set("Authorization", "Bearer token")
			w := &discard{h: http.Header{}}
			*served = ""
			m.ServeHTTP(w, r)
			if w.status != 0 || *served != br.op {
				b.Fatalf("%s: status %d, served by %q, want %q", br.target, w.status, *served, br.op)
			}
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				r.Body = http.NoBody // as a server's request without a body
				m.ServeHTTP(w, r)
			}
			reportCPU(b, cpu)
		})
	}
}

// reportCPU reports the CPU time the process used per operation since
// start (garbage collection included): on a machine shared with other
// work, it varies less than the time per operation, which counts the
// time the benchmark waited for a core.
func reportCPU(b *testing.B, start time.Duration) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkMuxTenRoutes serves benchRequests through a mock of ten routes.
func BenchmarkMuxTenRoutes(b *testing.B) {
	var served string
	benchServe(b, benchMux(tenRoutes, &served), &served)
}

// BenchmarkMuxFullTree serves the same requests through a mock of every
// route of the English v1.0 docs (GRAPHGEN_CORPUS); the goal is at most
// 1.5 times BenchmarkMuxTenRoutes.
func BenchmarkMuxFullTree(b *testing.B) {
	routes := fullTreeRoutes(b)
	var served string
	benchServe(b, benchMux(routes, &served), &served)
}

// BenchmarkNewMockFullTree registers every route of the English v1.0 docs
// on a new Mux, as a generated NewMock does; the goal is at most 20 ms.
func BenchmarkNewMockFullTree(b *testing.B) {
	routes := fullTreeRoutes(b)
	h := func(http.ResponseWriter, *http.Request) {}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		m := graphtest.NewMux()
		for _, rt := range routes {
			m.Handle(rt, h)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(len(routes)), "routes")
}
