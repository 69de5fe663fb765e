package graphrt

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ErrOtherHost is wrapped by the error of a request that the Client did
// not send because it would have left the base URL's scheme and host: an
// @odata.nextLink elsewhere (never followed), or, when the http.Client
// adds credentials of its own (see Config.HTTPClient), an absolute URL or
// a redirect elsewhere.
var ErrOtherHost = errors.New("another host than the base URL's")

// BearerTransport is an http.RoundTripper that adds "Authorization: Bearer
// Token" to the requests it sends to one origin (scheme and host), so that
// the token never follows an @odata.nextLink, an absolute URL or a
// pre-authenticated download redirect to another host.
//
// Under a Client (NewClient, or Config.HTTPClient) that origin is the
// Client's base URL's; used on its own it is that of the first request of
// each redirect chain. A redirect chain that has left the origin gets no
// token again, even when it comes back (as net/http does with the
// headers of a request).
type BearerTransport struct {
	Token string
	Base  http.RoundTripper // nil: http.DefaultTransport
}

// RoundTrip sends a clone of req through Base, carrying the bearer token
// when req and every earlier hop of its redirect chain go to the origin.
func (t BearerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	r := req.Clone(req.Context())
	if r.Header == nil {
		r.Header = http.Header{}
	}
	if stayedHome(req) {
		r.Header.Set("Authorization", "Bearer "+t.Token)
	}
	return base.RoundTrip(r)
}

// homeKey is the context key under which a Client tells BearerTransport
// the origin of its base URL.
type homeKey struct{}

// withHome returns ctx telling BearerTransport that home is the origin
// its token belongs to; a nil home leaves ctx as it is.
func withHome(ctx context.Context, home *url.URL) context.Context {
	if home == nil {
		return ctx
	}
	return context.WithValue(ctx, homeKey{}, home)
}

// stayedHome reports whether req and every earlier hop of its redirect
// chain go to the origin named by its context (see withHome), else to
// that of the chain's first request.
func stayedHome(req *http.Request) bool {
	home, _ := req.Context().Value(homeKey{}).(*url.URL)
	if home == nil {
		first := req
		for first.Response != nil && first.Response.Request != nil {
			first = first.Response.Request
		}
		home = first.URL
	}
	for hop := req; ; hop = hop.Response.Request {
		if !sameOrigin(home, hop.URL) {
			return false
		}
		if hop.Response == nil || hop.Response.Request == nil {
			return true
		}
	}
}

// ownsCredentials reports whether the Client decides which requests carry
// credentials: it has a TokenSource (its http.Client is then taken to add
// none), or its http.Client's transport adds none (nil, *http.Transport)
// or only to the base URL's origin (BearerTransport). Otherwise the
// transport may add credentials to any request, so the Client sends
// nothing that would leave the base URL's origin.
func (c *Client) ownsCredentials() bool {
	if c.token != nil {
		return true
	}
	switch c.hc.Transport.(type) {
	case nil, *http.Transport, BearerTransport, *BearerTransport:
		return true
	}
	return false
}

// authorize adds the bearer token to hr when it goes to the base URL's
// origin and returns the *http.Client to send it with, whose redirects
// drop Authorization once they leave the origin of hr. When the Client
// does not own the credentials, a request or redirect to another origin
// is refused with an error wrapping ErrOtherHost.
func (c *Client) authorize(ctx context.Context, hr *http.Request) (*http.Client, error) {
	owned := c.ownsCredentials()
	if !owned && !c.sameOrigin(hr.URL) {
		return nil, fmt.Errorf("graph: %s %s: not sent: the URL is on %w, and the http.Client adds credentials of its own that would go with it (set Config.Token or use BearerTransport to reach other hosts)", hr.Method, hr.URL.Redacted(), ErrOtherHost)
	}
	if c.token != nil && hr.Header.Get("Authorization") == "" && c.sameOrigin(hr.URL) {
		tok, err := c.token.Token(ctx)
		if err == nil && tok == "" {
			err = errors.New("empty token")
		}
		if err != nil {
			return nil, fmt.Errorf("graph: %s %s: getting token: %w", hr.Method, hr.URL, err)
		}
		hr.Header.Set("Authorization", "Bearer "+tok)
	}
	hc := *c.hc
	hc.CheckRedirect = keepTokenHome(c.hc.CheckRedirect, owned)
	return &hc, nil
}

// sameOrigin reports whether u has the scheme and host of the base URL.
func (c *Client) sameOrigin(u *url.URL) bool {
	return c.origin != nil && sameOrigin(c.origin, u)
}

// leftOrigin reports whether req or any earlier hop in via has a scheme
// or host other than that of via[0].
func leftOrigin(req *http.Request, via []*http.Request) bool {
	for _, hop := range via[1:] {
		if !sameOrigin(via[0].URL, hop.URL) {
			return true
		}
	}
	return !sameOrigin(via[0].URL, req.URL)
}

// sameOrigin reports whether a and b have the same scheme, host name and
// port, an omitted port being the scheme's default.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

// port returns u's port, or its scheme's default for http and https.
func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// keepTokenHome wraps a CheckRedirect function (nil: net/http's default
// of at most 10 redirects) so that Authorization is removed once a
// redirect chain has left the origin of its first request, even for the
// same host name on another port or scheme, which net/http allows. When
// owned is false (the transport adds credentials the Client cannot
// remove) such a redirect is refused instead.
func keepTokenHome(next func(*http.Request, []*http.Request) error, owned bool) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if leftOrigin(req, via) {
			if !owned {
				return fmt.Errorf("graph: redirect to %s not followed: it is on %w, and the http.Client adds credentials of its own that would go with it (set Config.Token or use BearerTransport to follow it)", req.URL.Redacted(), ErrOtherHost)
			}
			req.Header.Del("Authorization")
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
}
