package graphtest

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// discard is a ResponseWriter that keeps only the status, so that a
// benchmark measures the store rather than a recorder.
type discard struct {
	h      http.Header
	status int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(status int)      { d.status = status }

// serveBench sends one request straight to s and fails b unless it
// answers want.
func serveBench(b *testing.B, s *Store, d *discard, method, path, query, body string, c Call, want int) {
	r := &http.Request{Method: method, URL: &url.URL{Path: path, RawQuery: query}, Host: "graph.test", Header: http.Header{}}
	if body != "" {
		r.Body = io.NopCloser(strings.NewReader(body))
	}
	clear(d.h)
	d.status = 0
	s.Serve(d, r, c)
	if d.status != want {
		b.Fatalf("%s %s?%s: %d, want %d", method, path, query, d.status, want)
	}
}

// BenchmarkStoreConcurrentCRUD runs, on every core at once, a create, a
// get, a patch, a list with $top=10 and a delete of users, in a store
// already holding 1,000 users. One op is those 5 requests, served without
// HTTP: req/s is the store's throughput.
func BenchmarkStoreConcurrentCRUD(b *testing.B) {
	s := NewStore(StoreOptions{})
	if err := s.Load(strings.NewReader(benchSeed(1000))); err != nil {
		b.Fatal(err)
	}
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		d := &discard{h: http.Header{}}
		for pb.Next() {
			id := fmt.Sprintf("bench-%d", next.Add(1))
			serveBench(b, s, d, "POST", "/v1.0/users", "", `{"id":"`+id+`","displayName":"Bench","accountEnabled":true}`, Call{Behavior: Create, Type: "microsoft.graph.user"}, 201)
			serveBench(b, s, d, "GET", "/v1.0/users/"+id, "", "", Call{Behavior: Get}, 200)
			serveBench(b, s, d, "PATCH", "/v1.0/users/"+id, "", `{"jobTitle":"Tester"}`, Call{Behavior: Update}, 204)
			serveBench(b, s, d, "GET", "/v1.0/users", "$top=10", "", Call{Behavior: List}, 200)
			serveBench(b, s, d, "DELETE", "/v1.0/users/"+id, "", "", Call{Behavior: Delete}, 204)
		}
	})
	b.ReportMetric(float64(b.N*5)/b.Elapsed().Seconds(), "req/s")
	if s.Len() != 1000 {
		b.Fatalf("Len %d after the run, want 1000", s.Len())
	}
}

// benchSeed is a seed of n users, seed-0 to seed-(n-1).
func benchSeed(n int) string {
	var seed strings.Builder
	seed.WriteString(`{"users":[`)
	for i := range n {
		if i > 0 {
			seed.WriteString(",")
		}
		fmt.Fprintf(&seed, `{"id":"seed-%d","displayName":"User %d","accountEnabled":true}`, i, i)
	}
	seed.WriteString("]}")
	return seed.String()
}
