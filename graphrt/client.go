// Package graphrt is the runtime support imported by graphgen-generated clients and mocks.
package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"
)

// DefaultBaseURL is the Microsoft Graph endpoint used when Config.BaseURL is empty.
const DefaultBaseURL = "https://graph.microsoft.com"

// DefaultUserAgent is the User-Agent sent when Config.UserAgent is empty.
const DefaultUserAgent = "graphgen-graphrt"

const (
	// maxErrorBody limits how much of an error response body is kept.
	maxErrorBody = 1 << 20
	// jsonType is the media type of Graph requests and responses.
	jsonType = "application/json"
)

// Config configures a Client; the zero value of each field picks a default.
type Config struct {
	// HTTPClient sends the requests; nil means http.DefaultClient.
	HTTPClient *http.Client
	// BaseURL is the service root without the version, such as
	// "https://graph.microsoft.us" for a national cloud; empty means
	// DefaultBaseURL. Trailing slashes are trimmed.
	BaseURL string
	// Token, when set, is asked for a token before each attempt, which is
	// sent as "Authorization: Bearer <token>" unless the request sets
	// Authorization itself. It is only sent to the scheme and host of
	// BaseURL (an @odata.nextLink elsewhere gets none) and is removed
	// when a redirect leaves them. Nil means requests carry no
	// Authorization beyond what HTTPClient adds.
	Token TokenSource
	// UserAgent is sent unless the request sets User-Agent; empty means
	// DefaultUserAgent.
	UserAgent string
	// Retry says when and how often a failed request is retried.
	Retry RetryPolicy
}

// Client sends Graph requests built by generated code over an *http.Client.
type Client struct {
	hc     *http.Client
	base   string
	origin *url.URL // scheme and host of base; nil when base does not parse
	token  TokenSource
	agent  string
	retry  RetryPolicy // with defaults filled in

	// The hooks below are replaced by tests so that retries never wait.
	sleep  func(ctx context.Context, d time.Duration) error
	jitter func(ceiling time.Duration) time.Duration
	now    func() time.Time
}

// New returns a Client configured by cfg.
func New(cfg Config) *Client {
	c := &Client{
		hc:     cfg.HTTPClient,
		base:   strings.TrimRight(cfg.BaseURL, "/"),
		token:  cfg.Token,
		agent:  cfg.UserAgent,
		retry:  cfg.Retry.withDefaults(),
		sleep:  sleepContext,
		jitter: fullJitter,
		now:    time.Now,
	}
	if c.hc == nil {
		c.hc = http.DefaultClient
	}
	if c.base == "" {
		c.base = DefaultBaseURL
	}
	if c.agent == "" {
		c.agent = DefaultUserAgent
	}
	if u, err := url.Parse(c.base); err == nil && u.Host != "" {
		c.origin = &url.URL{Scheme: u.Scheme, Host: u.Host}
	}
	return c
}

// NewClient returns a Client using hc (nil: http.DefaultClient) against
// baseURL (empty: DefaultBaseURL; trailing slashes are trimmed); it is
// New(Config{HTTPClient: hc, BaseURL: baseURL}), so it retries with the
// default RetryPolicy.
func NewClient(hc *http.Client, baseURL string) *Client {
	return New(Config{HTTPClient: hc, BaseURL: baseURL})
}

// Request describes one Graph call before options are applied.
type Request struct {
	Method string
	// Path is the escaped path including the version, such as
	// "/v1.0/users/a%2Fb"; it is sent as given, except that bytes which
	// cannot appear in a URL path are percent-encoded. An absolute http(s)
	// URL such as an @odata.nextLink is used instead of the base URL and
	// keeps its own query.
	Path        string
	Query       url.Values
	Header      http.Header
	Body        []byte // nil: no body; sent again on each retry
	ContentType string // Content-Type for Body; default application/json when Body != nil
	// JSON, when not nil, is encoded with MarshalBody and sent as Body.
	JSON any
	// Params are name, value pairs of the path parameters in Path; a
	// request with an empty one is refused before anything is sent (an
	// empty id would address the collection instead of the item).
	Params []string
	// AdvancedQuery marks operations whose docs require
	// "ConsistencyLevel: eventual" with $search or $count (directory
	// objects); the client then adds that header to such requests.
	AdvancedQuery bool

	retry retryMode // set by WithRetry
}

// Option adjusts a copy of a Request before it is sent.
type Option func(*Request)

// WithHeader returns an Option that adds a request header.
func WithHeader(name, value string) Option {
	return func(r *Request) {
		if r.Header == nil {
			r.Header = http.Header{}
		}
		r.Header.Add(name, value)
	}
}

// WithQuery returns an Option that sets a query option, e.g. WithQuery("$select", "id,displayName").
func WithQuery(name, value string) Option {
	return func(r *Request) {
		if r.Query == nil {
			r.Query = url.Values{}
		}
		r.Query.Set(name, value)
	}
}

// Response is a successful (2xx) Graph response with its body fully read.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

// Do applies opts to a copy of req, sends it, retrying as the Client's
// RetryPolicy allows, and reads the response; a non-2xx status is returned
// as an *Error (the last attempt's) and req is never modified.
func (c *Client) Do(ctx context.Context, req *Request, opts ...Option) (*Response, error) {
	return c.do(ctx, req, jsonType, opts)
}

// Empty sends req for an operation that has no response body.
func (c *Client) Empty(ctx context.Context, req *Request, opts ...Option) error {
	_, err := c.Do(ctx, req, opts...)
	return err
}

// JSON sends req and returns the response body, nil when it is empty.
func (c *Client) JSON(ctx context.Context, req *Request, opts ...Option) (json.RawMessage, error) {
	resp, err := c.Do(ctx, req, opts...)
	if err != nil || len(resp.Body) == 0 {
		return nil, err
	}
	return json.RawMessage(resp.Body), nil
}

// Location sends req for an operation answered without a body whose
// Location header is the result (202 Accepted of a long-running operation,
// such as cloning a team) and returns that header, "" when there is none.
func (c *Client) Location(ctx context.Context, req *Request, opts ...Option) (string, error) {
	resp, err := c.Do(ctx, req, opts...)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Location"), nil
}

// Bytes sends req for a binary response and returns its body; unlike Do it
// sends "Accept: */*" unless the request sets Accept.
func (c *Client) Bytes(ctx context.Context, req *Request, opts ...Option) ([]byte, error) {
	resp, err := c.do(ctx, req, "*/*", opts)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// do is Do with a default Accept header.
func (c *Client) do(ctx context.Context, req *Request, accept string, opts []Option) (*Response, error) {
	if err := NonEmpty(req.Params...); err != nil {
		return nil, err
	}
	r := req.clone()
	if r.JSON != nil {
		body, err := MarshalBody(r.JSON)
		if err != nil {
			return nil, fmt.Errorf("graph: %s %s: encoding the request body: %w", r.Method, r.Path, err)
		}
		r.Body, r.JSON = body, nil
	}
	for _, opt := range opts {
		opt(r)
	}
	return c.send(ctx, r, accept)
}

// attempt sends r once and reads the response.
func (c *Client) attempt(ctx context.Context, r *Request, accept string) result {
	hr, err := c.newHTTPRequest(ctx, r, accept)
	if err != nil {
		return result{err: err}
	}
	hc, err := c.authorize(ctx, hr)
	if err != nil {
		return result{err: err}
	}
	resp, err := hc.Do(hr)
	if err != nil {
		return result{err: err, retry: transient(ctx, err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 399 {
		// A 3xx reaches here only when hc did not follow it (304 Not
		// Modified, or a CheckRedirect that keeps the redirect): it is the
		// answer the caller asked for, not an error.
		return c.failure(hr, resp)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		err = fmt.Errorf("graph: %s %s: reading response: %w", hr.Method, hr.URL, err)
		return result{err: err, retry: transient(ctx, err)}
	}
	return result{resp: &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}}
}

// authorize adds the bearer token to hr when it goes to the base URL's
// origin and returns the *http.Client to send it with, which then drops
// the token on a redirect to another origin.
func (c *Client) authorize(ctx context.Context, hr *http.Request) (*http.Client, error) {
	if c.token == nil || hr.Header.Get("Authorization") != "" || !c.sameOrigin(hr.URL) {
		return c.hc, nil
	}
	tok, err := c.token.Token(ctx)
	if err == nil && tok == "" {
		err = errors.New("empty token")
	}
	if err != nil {
		return nil, fmt.Errorf("graph: %s %s: getting token: %w", hr.Method, hr.URL, err)
	}
	hr.Header.Set("Authorization", "Bearer "+tok)
	hc := *c.hc
	hc.CheckRedirect = keepTokenHome(c.hc.CheckRedirect)
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

// sameOrigin reports whether a and b have the same scheme and host.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host)
}

// keepTokenHome wraps a CheckRedirect function (nil: net/http's default
// of at most 10 redirects) so that Authorization is removed once a
// redirect chain has left the origin of its first request, even for the
// same host name on another port or scheme, which net/http allows.
func keepTokenHome(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if leftOrigin(req, via) {
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

// clone returns a deep copy of r whose Query and Header are never nil.
func (r *Request) clone() *Request {
	c := *r
	c.Query = make(url.Values, len(r.Query))
	for name, vs := range r.Query {
		c.Query[name] = slices.Clone(vs)
	}
	c.Header = r.Header.Clone()
	if c.Header == nil {
		c.Header = http.Header{}
	}
	c.Body = bytes.Clone(r.Body)
	return &c
}

// newHTTPRequest turns r into an *http.Request with default headers.
func (c *Client) newHTTPRequest(ctx context.Context, r *Request, accept string) (*http.Request, error) {
	u, err := c.resolve(r.Path)
	if err != nil {
		return nil, err
	}
	u.RawQuery = joinQuery(u.RawQuery, encodeQuery(r.Query))
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	hr, err := http.NewRequestWithContext(ctx, r.Method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	hr.Header = r.Header.Clone() // each attempt starts from the request's own headers
	setDefaultHeaders(hr.Header, r, accept, c.agent)
	return hr, nil
}

// setDefaultHeaders fills in Accept, User-Agent and the body's Content-Type.
func setDefaultHeaders(h http.Header, r *Request, accept, agent string) {
	if h.Get("Accept") == "" {
		h.Set("Accept", accept)
	}
	if len(h.Values("User-Agent")) == 0 {
		h.Set("User-Agent", agent)
	}
	if r.AdvancedQuery && h.Get("ConsistencyLevel") == "" && (r.Query.Has("$search") || r.Query.Has("$count")) {
		h.Set("ConsistencyLevel", "eventual")
	}
	switch {
	case r.Body == nil:
	case r.ContentType != "":
		h.Set("Content-Type", r.ContentType)
	case h.Get("Content-Type") == "":
		h.Set("Content-Type", jsonType)
	}
}

// resolve returns the URL for an escaped path or an absolute URL.
func (c *Client) resolve(p string) (*url.URL, error) {
	if strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "http://") {
		return url.Parse(p)
	}
	if !strings.HasPrefix(p, "/") {
		return nil, fmt.Errorf("graph: request path %q does not start with /", p)
	}
	u, err := url.Parse(c.base)
	if err != nil {
		return nil, fmt.Errorf("graph: base URL: %w", err)
	}
	raw := u.EscapedPath() + fixPath(p)
	dec, err := url.PathUnescape(raw)
	if err != nil {
		return nil, fmt.Errorf("graph: request path %q: %w", p, err)
	}
	u.Path, u.RawPath = dec, raw
	return u, nil
}

// MarshalBody encodes v as a JSON request body: a json.RawMessage or []byte
// is validated and passed through unchanged, and nil (including a nil
// pointer, slice or map) yields a nil body.
func MarshalBody(v any) ([]byte, error) {
	switch b := v.(type) {
	case nil:
		return nil, nil
	case json.RawMessage:
		return validJSON(b)
	case []byte:
		return validJSON(b)
	}
	if isNil(v) {
		return nil, nil
	}
	return json.Marshal(v)
}

// validJSON returns b when it is nil or valid JSON.
func validJSON(b []byte) ([]byte, error) {
	if b == nil {
		return nil, nil
	}
	if !json.Valid(b) {
		return nil, errors.New("graph: request body is not valid JSON")
	}
	return b, nil
}

// isNil reports whether v holds a nil pointer, map or slice.
func isNil(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		return rv.IsNil()
	}
	return false
}
