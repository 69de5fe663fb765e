package graphrt_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/graphrt"
)

var (
	_ http.RoundTripper = graphrt.BearerTransport{}
	_ http.RoundTripper = &graphrt.BearerTransport{}
)

// roundTripFunc adapts a function to http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

// RoundTrip calls f.
func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestBearerTransportSetsTokenOnAClone(t *testing.T) {
	var got []string
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = append(got, r.Header.Get("Authorization"))
		return &http.Response{StatusCode: 200, Body: http.NoBody, Request: r}, nil
	})
	tr := graphrt.BearerTransport{Token: "tok", Base: base}
	req := httptest.NewRequest("GET", "https://graph.microsoft.com/v1.0/me", nil)
	req.Header.Set("Authorization", "Basic old")
	if _, err := tr.RoundTrip(req); err != nil {
		t.Fatal(err)
	}
	bare := &http.Request{Method: "GET", URL: req.URL} // nil Header
	if _, err := tr.RoundTrip(bare); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Bearer tok", "Bearer tok"}, got); diff != "" {
		t.Errorf("Authorization (-want +got):\n%s", diff)
	}
	if a := req.Header.Get("Authorization"); a != "Basic old" {
		t.Errorf("caller's request changed: Authorization = %q", a)
	}
}

func TestBearerTransportRedirects(t *testing.T) {
	seen := map[string]string{}
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen["other"+r.URL.Path] = r.Header.Get("Authorization")
		if r.URL.Path == "/bounce" {
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
		}
	}))
	defer other.Close()
	graph := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen["graph"+r.URL.Path] = r.Header.Get("Authorization")
		switch r.URL.Path {
		case "/away":
			http.Redirect(w, r, other.URL+"/download", http.StatusFound)
		case "/same":
			http.Redirect(w, r, "/target", http.StatusFound)
		case "/chain":
			http.Redirect(w, r, other.URL+"/bounce?to="+url.QueryEscape("http://"+r.Host+"/final"), http.StatusFound)
		}
	}))
	defer graph.Close()
	c := &http.Client{Transport: graphrt.BearerTransport{Token: "tok"}} // nil Base: DefaultTransport
	for _, p := range []string{"/away", "/same", "/chain"} {
		resp, err := c.Get(graph.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	want := map[string]string{
		"graph/away":     "Bearer tok",
		"other/download": "",
		"graph/same":     "Bearer tok",
		"graph/target":   "Bearer tok",
		"graph/chain":    "Bearer tok",
		"other/bounce":   "",
		"graph/final":    "", // back on the original host, after a hop elsewhere (as net/http does)
	}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("Authorization seen (-want +got):\n%s", diff)
	}
}

// hostLog records "<server> <path> <Authorization>" for each request the
// servers of the token tests see.
type hostLog struct {
	mu   sync.Mutex
	hits []string
}

// add records one request.
func (l *hostLog) add(server string, r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hits = append(l.hits, server+" "+r.URL.Path+" "+r.Header.Get("Authorization"))
}

// get returns a copy of the hits so far.
func (l *hostLog) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.hits...)
}

// tokenServers starts a Graph server and a server on another origin (the
// same address, another port). Graph answers /v1.0/me, a collection
// /v1.0/users whose next link is on the other server, a redirect
// /v1.0/away to the other server's /file and /v1.0/roundtrip, which
// redirects to the other server, which redirects back to Graph's
// /v1.0/landing, and /v1.0/busy, which redirects to the other server's
// /busy, throttled once with "Retry-After: 0".
func tokenServers(t *testing.T) (graph, other *httptest.Server, log *hostLog) {
	t.Helper()
	log = &hostLog{}
	var busy atomic.Int32
	other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.add("other", r)
		switch r.URL.Path {
		case "/busy":
			if busy.Add(1) == 1 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusServiceUnavailable)
			}
		case "/back":
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
		case "/v1.0/users":
			_, _ = io.WriteString(w, `{"value":[{"id":"2"}]}`)
		default:
			_, _ = io.WriteString(w, `{"file":true}`)
		}
	}))
	t.Cleanup(other.Close)
	graph = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.add("graph", r)
		switch r.URL.Path {
		case "/v1.0/users":
			_, _ = io.WriteString(w, `{"value":[{"id":"1"}],"@odata.nextLink":"`+other.URL+`/v1.0/users?$skiptoken=2"}`)
		case "/v1.0/away":
			http.Redirect(w, r, other.URL+"/file", http.StatusFound)
		case "/v1.0/busy":
			http.Redirect(w, r, other.URL+"/busy", http.StatusFound)
		case "/v1.0/roundtrip":
			http.Redirect(w, r, other.URL+"/back?to="+url.QueryEscape(graphURL(r)+"/v1.0/landing"), http.StatusFound)
		default:
			_, _ = io.WriteString(w, `{"id":"me"}`)
		}
	}))
	t.Cleanup(graph.Close)
	return graph, other, log
}

// graphURL returns the scheme and host r was sent to.
func graphURL(r *http.Request) string { return "http://" + r.Host }

// ownBearer is a user's own authenticating transport that, like
// golang.org/x/oauth2's, adds its token to every request it sends.
type ownBearer struct{}

// RoundTrip sends a clone of r with the token through the default transport.
func (ownBearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer tok")
	return http.DefaultTransport.RoundTrip(r)
}

// tokenSetups are the ways of giving a Client its token: a setup whose
// credentials the Client can keep home (owned) and one whose http.Client
// adds credentials the Client cannot remove.
var tokenSetups = []struct {
	name  string
	owned bool
	new   func(base string) *graphrt.Client
}{
	{"New with Config.Token", true, func(base string) *graphrt.Client {
		return graphrt.New(graphrt.Config{BaseURL: base, Token: graphrt.StaticToken("tok")})
	}},
	{"NewClient with BearerTransport", true, func(base string) *graphrt.Client {
		return graphrt.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "tok"}}, base)
	}},
	{"NewClient with *BearerTransport", true, func(base string) *graphrt.Client {
		return graphrt.NewClient(&http.Client{Transport: &graphrt.BearerTransport{Token: "tok"}}, base)
	}},
	{"NewClient with the user's own http.Client", false, func(base string) *graphrt.Client {
		return graphrt.NewClient(&http.Client{Transport: ownBearer{}}, base)
	}},
}

// tokenPath is one way a request can reach a host; call makes it with c.
type tokenPath struct {
	name string
	call func(ctx context.Context, c *graphrt.Client, other string) error
	// wantOwned and wantForeign are the requests the servers see with an
	// owned setup and with the user's own http.Client; errOwned and
	// errForeign say whether the call fails.
	wantOwned, wantForeign []string
	errOwned, errForeign   bool
}

// tokenPaths are the requests, next links and redirects of the token tests.
var tokenPaths = []tokenPath{{
	name: "request to Graph",
	call: func(ctx context.Context, c *graphrt.Client, _ string) error {
		_, err := c.JSON(ctx, &graphrt.Request{Method: "GET", Path: "/v1.0/me"})
		return err
	},
	wantOwned:   []string{"graph /v1.0/me Bearer tok"},
	wantForeign: []string{"graph /v1.0/me Bearer tok"},
}, {
	name: "next link to another host",
	call: func(ctx context.Context, c *graphrt.Client, _ string) error {
		for _, err := range graphrt.All[pagedItem](ctx, c, &graphrt.Request{Method: "GET", Path: "/v1.0/users"}) {
			if err != nil {
				return err
			}
		}
		return nil
	},
	wantOwned:   []string{"graph /v1.0/users Bearer tok"},
	wantForeign: []string{"graph /v1.0/users Bearer tok"},
	errOwned:    true, errForeign: true,
}, {
	name: "redirect to another host",
	call: func(ctx context.Context, c *graphrt.Client, _ string) error {
		_, err := c.Bytes(ctx, &graphrt.Request{Method: "GET", Path: "/v1.0/away"})
		return err
	},
	wantOwned:   []string{"graph /v1.0/away Bearer tok", "other /file "},
	wantForeign: []string{"graph /v1.0/away Bearer tok"},
	errForeign:  true,
}, {
	name: "redirect away and back",
	call: func(ctx context.Context, c *graphrt.Client, _ string) error {
		_, err := c.Bytes(ctx, &graphrt.Request{Method: "GET", Path: "/v1.0/roundtrip"})
		return err
	},
	wantOwned:   []string{"graph /v1.0/roundtrip Bearer tok", "other /back ", "graph /v1.0/landing "},
	wantForeign: []string{"graph /v1.0/roundtrip Bearer tok"},
	errForeign:  true,
}, {
	name: "redirect to another host, retried",
	call: func(ctx context.Context, c *graphrt.Client, _ string) error {
		_, err := c.Bytes(ctx, &graphrt.Request{Method: "GET", Path: "/v1.0/busy"})
		return err
	},
	wantOwned:   []string{"graph /v1.0/busy Bearer tok", "other /busy ", "graph /v1.0/busy Bearer tok", "other /busy "},
	wantForeign: []string{"graph /v1.0/busy Bearer tok"},
	errForeign:  true,
}, {
	name: "absolute URL on another host",
	call: func(ctx context.Context, c *graphrt.Client, other string) error {
		_, err := c.JSON(ctx, &graphrt.Request{Method: "PUT", Path: other + "/upload", Body: []byte("{}")})
		return err
	},
	wantOwned:  []string{"other /upload "},
	errForeign: true,
}}

// TestTokenStaysWithGraph: in every setup and on every path, the token
// reaches the Graph server only. Requests that would carry credentials
// the Client cannot remove are not sent, with an error wrapping
// ErrOtherHost.
func TestTokenStaysWithGraph(t *testing.T) {
	for _, setup := range tokenSetups {
		for _, path := range tokenPaths {
			t.Run(setup.name+"/"+path.name, func(t *testing.T) {
				graph, other, log := tokenServers(t)
				err := path.call(context.Background(), setup.new(graph.URL), other.URL)
				want, wantErr := path.wantOwned, path.errOwned
				if !setup.owned {
					want, wantErr = path.wantForeign, path.errForeign
				}
				if diff := cmp.Diff(want, log.get()); diff != "" {
					t.Errorf("requests (-want +got):\n%s", diff)
				}
				if (err != nil) != wantErr || err != nil && !errors.Is(err, graphrt.ErrOtherHost) {
					t.Errorf("err = %v, want an error wrapping ErrOtherHost: %v", err, wantErr)
				}
			})
		}
	}
}
