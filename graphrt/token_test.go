package graphrt

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// headerServer answers each request with the scripted status (200 once
// the script is used up) and records the named request header.
func headerServer(t *testing.T, name string, statuses ...int) (*httptest.Server, func() []string) {
	t.Helper()
	var (
		mu  sync.Mutex
		got []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Get(name))
		n := len(got)
		mu.Unlock()
		if n <= len(statuses) {
			w.WriteHeader(statuses[n-1])
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
}

// countedTokens returns a TokenSource that hands out "t1", "t2", ...
func countedTokens() TokenSource {
	var (
		mu sync.Mutex
		n  int
	)
	return TokenFunc(func(context.Context) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		n++
		return fmt.Sprintf("t%d", n), nil
	})
}

func TestTokenSentPerAttempt(t *testing.T) {
	tests := []struct {
		name   string
		token  TokenSource
		opts   []Option
		status []int
		want   []string
	}{
		{"no token source", nil, nil, nil, []string{""}},
		{"static token", StaticToken("s3cret"), nil, nil, []string{"Bearer s3cret"}},
		{"fresh token per attempt", countedTokens(), nil, []int{503, 429}, []string{"Bearer t1", "Bearer t2", "Bearer t3"}},
		{"the request's own Authorization wins", countedTokens(), []Option{WithHeader("Authorization", "Basic x")}, []int{503}, []string{"Basic x", "Basic x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := headerServer(t, "Authorization", tt.status...)
			c := New(Config{HTTPClient: srv.Client(), BaseURL: srv.URL, Token: tt.token})
			recordSleeps(c)
			if _, err := c.Do(context.Background(), &Request{Method: "GET", Path: "/v1.0/me"}, tt.opts...); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got()); diff != "" {
				t.Errorf("Authorization (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTokenErrors(t *testing.T) {
	errNoLogin := errors.New("no login")
	tests := []struct {
		name    string
		token   TokenSource
		wantErr error
	}{
		{"source fails", TokenFunc(func(context.Context) (string, error) { return "", errNoLogin }), errNoLogin},
		{"empty token", StaticToken(""), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := headerServer(t, "Authorization")
			c := New(Config{HTTPClient: srv.Client(), BaseURL: srv.URL, Token: tt.token})
			recordSleeps(c)
			_, err := c.Do(context.Background(), &Request{Method: "GET", Path: "/v1.0/me"})
			if err == nil || !strings.Contains(err.Error(), "getting token") || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want a token error wrapping %v", err, tt.wantErr)
			}
			if n := len(got()); n != 0 {
				t.Errorf("%d requests sent, want none", n)
			}
		})
	}
}

func TestTokenOnlyForBaseOrigin(t *testing.T) {
	other, otherGot := headerServer(t, "Authorization")
	srv, got := headerServer(t, "Authorization")
	c := New(Config{HTTPClient: srv.Client(), BaseURL: srv.URL, Token: StaticToken("tok")})
	for _, u := range []string{srv.URL, other.URL, strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)} {
		if _, err := c.Do(context.Background(), &Request{Method: "GET", Path: u + "/v1.0/me?$skiptoken=x"}); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff([]string{"Bearer tok", ""}, got()); diff != "" {
		t.Errorf("base server Authorization (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{""}, otherGot()); diff != "" {
		t.Errorf("other server Authorization (-want +got):\n%s", diff)
	}
}

func TestSameOrigin(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://graph.microsoft.com", "https://graph.microsoft.com/v1.0/users?$skiptoken=x", true},
		{"https://graph.microsoft.com", "https://GRAPH.microsoft.com/v1.0", true},
		{"https://graph.microsoft.com", "http://graph.microsoft.com/v1.0", false},
		{"https://graph.microsoft.com", "https://graph.microsoft.com:8443/v1.0", false},
		{"https://graph.microsoft.com", "https://graph.microsoft.com:443/v1.0", true},
		{"http://127.0.0.1:80", "http://127.0.0.1/v1.0", true},
		{"https://graph.microsoft.com", "http://graph.microsoft.com:443/v1.0", false},
		{"https://graph.microsoft.com", "https://evil.example/graph.microsoft.com", false},
		{"https://graph.microsoft.com", "https://x.graph.microsoft.com/v1.0", false},
	}
	for _, tt := range tests {
		a, _ := url.Parse(tt.a)
		b, _ := url.Parse(tt.b)
		if got := sameOrigin(a, b); got != tt.want {
			t.Errorf("sameOrigin(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestUserAgent(t *testing.T) {
	tests := []struct {
		name  string
		agent string
		opts  []Option
		want  string
	}{
		{"default", "", nil, DefaultUserAgent},
		{"configured", "app/1.0", nil, "app/1.0"},
		{"the request's own wins", "app/1.0", []Option{WithHeader("User-Agent", "tool/2")}, "tool/2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := headerServer(t, "User-Agent")
			c := New(Config{HTTPClient: srv.Client(), BaseURL: srv.URL, UserAgent: tt.agent})
			if _, err := c.Do(context.Background(), &Request{Method: "GET", Path: "/v1.0/me"}, tt.opts...); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{tt.want}, got()); diff != "" {
				t.Errorf("User-Agent (-want +got):\n%s", diff)
			}
		})
	}
}

// redirectServers starts a download server that records Authorization
// and a Graph server that redirects /v1.0/away to the download server
// under host (empty: its own address), /v1.0/home to its own /v1.0/landing
// and /v1.0/loop to itself; its /v1.0/landing records Authorization too.
// The returned *http.Client dials host to the download server.
func redirectServers(t *testing.T, host string) (graph *httptest.Server, hc *http.Client, got func() []string) {
	t.Helper()
	var (
		mu  sync.Mutex
		log []string
	)
	record := func(r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		log = append(log, r.URL.Path+" "+r.Header.Get("Authorization"))
	}
	download := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { record(r) }))
	t.Cleanup(download.Close)
	target := download.URL
	if host != "" {
		_, port, _ := net.SplitHostPort(download.Listener.Addr().String())
		target = "http://" + net.JoinHostPort(host, port)
	}
	graph = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1.0/away":
			http.Redirect(w, r, target+"/file", http.StatusFound)
		case "/v1.0/home":
			http.Redirect(w, r, "/v1.0/landing", http.StatusFound)
		case "/v1.0/loop":
			http.Redirect(w, r, "/v1.0/loop", http.StatusFound)
		default:
			record(r)
		}
	}))
	t.Cleanup(graph.Close)
	var d net.Dialer
	hc = &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if h, _, _ := net.SplitHostPort(addr); h == host {
			addr = download.Listener.Addr().String()
		}
		return d.DialContext(ctx, network, addr)
	}}}
	t.Cleanup(hc.CloseIdleConnections)
	return graph, hc, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), log...)
	}
}

func TestTokenNotSentAcrossRedirects(t *testing.T) {
	tests := []struct {
		name string
		host string // host name of the download server; "": 127.0.0.1 on another port
		path string
		want []string
	}{
		{"another port of the same host", "", "/v1.0/away", []string{"/file "}},
		{"another host", "download.example", "/v1.0/away", []string{"/file "}},
		{"the same origin", "", "/v1.0/home", []string{"/v1.0/landing Bearer tok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			graph, hc, got := redirectServers(t, tt.host)
			c := New(Config{HTTPClient: hc, BaseURL: graph.URL, Token: StaticToken("tok")})
			if _, err := c.Bytes(context.Background(), &Request{Method: "GET", Path: tt.path}); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got()); diff != "" {
				t.Errorf("requests with Authorization (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTokenRedirectPolicyKept(t *testing.T) {
	graph, hc, got := redirectServers(t, "")
	c := New(Config{HTTPClient: hc, BaseURL: graph.URL, Token: StaticToken("tok"), Retry: RetryPolicy{MaxAttempts: 1}})
	_, err := c.Bytes(context.Background(), &Request{Method: "GET", Path: "/v1.0/loop"})
	if err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") {
		t.Errorf("endless redirects: err = %v, want net/http's default limit", err)
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(context.Background(), &Request{Method: "GET", Path: "/v1.0/away"})
	if err != nil || resp.StatusCode != http.StatusFound {
		t.Errorf("with ErrUseLastResponse: Do = %+v, %v; want the 302", resp, err)
	}
	if n := len(got()); n != 0 {
		t.Errorf("%d requests followed a redirect, want none", n)
	}
}
