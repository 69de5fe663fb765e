package graphrt_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
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
		"graph/final":    "Bearer tok", // back on the original host
	}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("Authorization seen (-want +got):\n%s", diff)
	}
}
