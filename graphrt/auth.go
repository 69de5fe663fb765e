package graphrt

import (
	"net/http"
	"strings"
)

// BearerTransport is an http.RoundTripper that adds "Authorization: Bearer
// Token" to each request it sends, except to redirects that left the
// original scheme and host, so the token never follows a pre-authenticated
// download link to another host.
type BearerTransport struct {
	Token string
	Base  http.RoundTripper // nil: http.DefaultTransport
}

// RoundTrip sends a clone of req carrying the bearer token through Base.
func (t BearerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	r := req.Clone(req.Context())
	if r.Header == nil {
		r.Header = http.Header{}
	}
	if !redirectedAway(req) {
		r.Header.Set("Authorization", "Bearer "+t.Token)
	}
	return base.RoundTrip(r)
}

// redirectedAway reports whether req is a redirect to a scheme or host
// other than that of the request that started the redirect chain.
func redirectedAway(req *http.Request) bool {
	origin := req
	for origin.Response != nil && origin.Response.Request != nil {
		origin = origin.Response.Request
	}
	return origin.URL.Scheme != req.URL.Scheme || !strings.EqualFold(origin.URL.Host, req.URL.Host)
}
