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
)

// DefaultBaseURL is the Microsoft Graph endpoint used when NewClient gets no base URL.
const DefaultBaseURL = "https://graph.microsoft.com"

const (
	// maxErrorBody limits how much of an error response body is kept.
	maxErrorBody = 1 << 20
	// jsonType is the media type of Graph requests and responses.
	jsonType = "application/json"
)

// Client sends Graph requests built by generated code over an *http.Client.
type Client struct {
	hc   *http.Client
	base string
}

// NewClient returns a Client using hc (nil: http.DefaultClient) against
// baseURL (empty: DefaultBaseURL; trailing slashes are trimmed).
func NewClient(hc *http.Client, baseURL string) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	return &Client{hc: hc, base: strings.TrimRight(baseURL, "/")}
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
	Body        []byte // nil: no body
	ContentType string // Content-Type for Body; default application/json when Body != nil
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

// Do applies opts to a copy of req, sends it and reads the response; a
// non-2xx status is returned as an *Error and req is never modified.
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
	r := req.clone()
	for _, opt := range opts {
		opt(r)
	}
	hr, err := c.newHTTPRequest(ctx, r, accept)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 399 {
		// A 3xx reaches here only when hc did not follow it (304 Not
		// Modified, or a CheckRedirect that keeps the redirect): it is the
		// answer the caller asked for, not an error.
		return nil, newError(hr, resp)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("graph: %s %s: reading response: %w", hr.Method, hr.URL, err)
	}
	return &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}, nil
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
	hr.Header = r.Header
	setDefaultHeaders(hr.Header, r, accept)
	return hr, nil
}

// setDefaultHeaders fills in Accept and the body's Content-Type.
func setDefaultHeaders(h http.Header, r *Request, accept string) {
	if h.Get("Accept") == "" {
		h.Set("Accept", accept)
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
