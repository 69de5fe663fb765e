// Package graphrt is the runtime support imported by graphgen-generated clients and mocks.
package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/graphgen-dev/graphgen/graphrt/internal/wire"
)

// DefaultBaseURL is the Microsoft Graph endpoint used when Config.BaseURL is empty.
const DefaultBaseURL = "https://graph.microsoft.com"

// DefaultUserAgent is the User-Agent sent when Config.UserAgent is empty.
const DefaultUserAgent = "graphgen-graphrt"

// DefaultMaxResponseBytes is the cap on success bodies when
// Config.MaxResponseBytes is zero: 64 MiB.
const DefaultMaxResponseBytes = 64 << 20

const (
	// maxErrorBody limits how much of an error response body is kept.
	maxErrorBody = 1 << 20
)

// Config configures a Client; the zero value of each field picks a default.
type Config struct {
	// HTTPClient sends the requests; nil means http.DefaultClient. Unless
	// Token is set, an http.Client whose Transport is neither nil, an
	// *http.Transport nor a BearerTransport is taken to add credentials
	// of its own to every request, which the Client cannot remove: such a
	// Client sends nothing to another scheme or host than BaseURL's (an
	// absolute URL elsewhere or a redirect there, such as Graph's 302 to
	// download URLs, is an error wrapping ErrOtherHost). Set Token, or
	// use BearerTransport, to download from other hosts.
	HTTPClient *http.Client
	// BaseURL is the service root without the version, such as
	// "https://graph.microsoft.us" for a national cloud; empty means
	// DefaultBaseURL. Trailing slashes are trimmed.
	BaseURL string
	// Token, when set, is asked for a token before each attempt, which is
	// sent as "Authorization: Bearer <token>" unless the request sets
	// Authorization itself. It is only sent to the scheme and host of
	// BaseURL (an absolute URL elsewhere, such as an upload URL, is sent
	// without it) and is removed, with any Authorization, when a redirect
	// leaves them. Nil means requests carry no Authorization beyond what
	// HTTPClient adds. An @odata.nextLink to another scheme or host is
	// never followed, whatever the setup (see All).
	Token TokenSource
	// UserAgent is sent unless the request sets User-Agent; empty means
	// DefaultUserAgent.
	UserAgent string
	// Retry says when and how often a failed request is retried.
	Retry RetryPolicy
	// MaxResponseBytes caps the body of a successful response, which is
	// read into memory (JSON and binary downloads alike): a longer body
	// is an error naming this field, not retried. Zero means
	// DefaultMaxResponseBytes (64 MiB); a negative value means no cap.
	// Error bodies are kept up to 1 MiB, or up to this cap when smaller.
	MaxResponseBytes int64
}

// Client sends Graph requests built by generated code over an *http.Client.
type Client struct {
	hc     *http.Client
	base   string
	origin *url.URL // scheme and host of base; nil when base does not parse
	token  TokenSource
	agent  string
	retry  RetryPolicy // with defaults filled in
	// maxBody caps success bodies; negative: no cap.
	maxBody int64

	// The hooks below are replaced by tests so that retries never wait.
	sleep  func(ctx context.Context, d time.Duration) error
	jitter func(ceiling time.Duration) time.Duration
	now    func() time.Time
}

// New returns a Client configured by cfg.
func New(cfg Config) *Client {
	c := &Client{
		hc:      cfg.HTTPClient,
		base:    strings.TrimRight(cfg.BaseURL, "/"),
		token:   cfg.Token,
		agent:   cfg.UserAgent,
		retry:   cfg.Retry.withDefaults(),
		maxBody: cfg.MaxResponseBytes,
		sleep:   sleepContext,
		jitter:  fullJitter,
		now:     time.Now,
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
	if c.maxBody == 0 {
		c.maxBody = DefaultMaxResponseBytes
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
	return c.do(ctx, req, jsonBody, opts)
}

// Empty sends req for an operation that has no response body.
func (c *Client) Empty(ctx context.Context, req *Request, opts ...Option) error {
	_, err := c.Do(ctx, req, opts...)
	return err
}

// JSON sends req and returns the response body, nil when it is empty (or
// only white space). A body that is not valid JSON, such as one cut short
// by a connection closed early, is an error naming the request; a body
// cut short is retried like a transport error.
func (c *Client) JSON(ctx context.Context, req *Request, opts ...Option) (json.RawMessage, error) {
	resp, err := c.do(ctx, req, checkedJSON, opts)
	if err != nil || len(bytes.TrimSpace(resp.Body)) == 0 {
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
	resp, err := c.do(ctx, req, binaryBody, opts)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// bodyKind says what the caller of a request does with its success body.
type bodyKind int8

const (
	jsonBody    bodyKind = iota // JSON asked for, handed back as it came (Do)
	checkedJSON                 // handed back as JSON, so checked to be valid (JSON)
	decodedJSON                 // decoded at once by a decoder that checks it (Object, Collection, Value, pages)
	binaryBody                  // any media type (Bytes)
)

// accept returns the default Accept header for k.
func (k bodyKind) accept() string {
	if k == binaryBody {
		return "*/*"
	}
	return wire.JSONType
}

// do applies opts to a copy of req and sends it for a body of kind.
func (c *Client) do(ctx context.Context, req *Request, kind bodyKind, opts []Option) (*Response, error) {
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
	r.addQueryHeaders()
	return c.send(ctx, r, kind)
}

// attempt sends r once and reads the response.
func (c *Client) attempt(ctx context.Context, r *Request, kind bodyKind) result {
	hr, err := c.newHTTPRequest(withHome(ctx, c.origin), r, kind.accept())
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
		resp.Body = c.errorBody(resp.Body)
		return c.failure(hr, resp)
	}
	return c.success(ctx, hr, resp, kind)
}

// success reads the body of a 2xx or 3xx response, checking it is valid
// JSON when kind asks for that.
func (c *Client) success(ctx context.Context, hr *http.Request, resp *http.Response, kind bodyKind) result {
	body, err := c.readBody(hr, resp)
	if err == nil && kind == checkedJSON {
		err = checkJSON(hr, body)
	}
	if err == nil && kind == decodedJSON && !looksWhole(body) {
		err = &cutShortError{hr.Method, hr.URL.Redacted(), len(body), errors.New("not valid JSON: unexpected end")}
	}
	var cut *cutShortError
	if errors.As(err, &cut) {
		return result{err: err, retry: transient(ctx, err)}
	}
	if err != nil {
		return result{err: err}
	}
	return result{resp: &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}}
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

// requestURL returns the URL r is sent to: its path or absolute URL with
// its query added.
func (c *Client) requestURL(r *Request) (*url.URL, error) {
	u, err := c.resolve(r.Path)
	if err != nil {
		return nil, err
	}
	u.RawQuery = joinQuery(u.RawQuery, encodeQuery(r.Query))
	return u, nil
}

// newHTTPRequest turns r into an *http.Request with default headers.
func (c *Client) newHTTPRequest(ctx context.Context, r *Request, accept string) (*http.Request, error) {
	u, err := c.requestURL(r)
	if err != nil {
		return nil, err
	}
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

// addQueryHeaders adds to r's headers those its query needs:
// "ConsistencyLevel: eventual" for $search or $count (in Query or in the
// query of an absolute Path) on an AdvancedQuery operation. Being in r's
// headers, they go with every page of a collection.
func (r *Request) addQueryHeaders() {
	if r.AdvancedQuery && r.Header.Get("ConsistencyLevel") == "" && r.asksAdvancedQuery() {
		r.Header.Set("ConsistencyLevel", "eventual")
	}
}

// asksAdvancedQuery reports whether r has $search or $count in Query or
// in the query of an absolute Path.
func (r *Request) asksAdvancedQuery() bool {
	advanced := func(q url.Values) bool { return q.Has("$search") || q.Has("$count") }
	if advanced(r.Query) {
		return true
	}
	_, query, ok := strings.Cut(r.Path, "?")
	if !ok || !isAbsolute(r.Path) {
		return false
	}
	q, _ := url.ParseQuery(query)
	return advanced(q)
}

// isAbsolute reports whether p is an absolute http(s) URL rather than a path.
func isAbsolute(p string) bool {
	return strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "http://")
}

// setDefaultHeaders fills in Accept, User-Agent and the body's Content-Type.
func setDefaultHeaders(h http.Header, r *Request, accept, agent string) {
	if h.Get("Accept") == "" {
		h.Set("Accept", accept)
	}
	if len(h.Values("User-Agent")) == 0 {
		h.Set("User-Agent", agent)
	}
	switch {
	case r.Body == nil:
	case r.ContentType != "":
		h.Set("Content-Type", r.ContentType)
	case h.Get("Content-Type") == "":
		h.Set("Content-Type", wire.JSONType)
	}
}

// resolve returns the URL for an escaped path or an absolute URL.
func (c *Client) resolve(p string) (*url.URL, error) {
	if isAbsolute(p) {
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

// cutShortError is a success body that ended before it was complete.
type cutShortError struct {
	method, url string
	n           int   // bytes read
	err         error // what ended it
}

// Error says which response was cut short and after how many bytes.
func (e *cutShortError) Error() string {
	return fmt.Sprintf("graph: %s %s: response body cut short after %d bytes: %v", e.method, e.url, e.n, e.err)
}

// Unwrap returns what ended the body.
func (e *cutShortError) Unwrap() error { return e.err }

// readBody reads a success body of at most c.maxBody bytes.
func (c *Client) readBody(hr *http.Request, resp *http.Response) ([]byte, error) {
	limit := c.maxBody
	if limit < 0 || limit == math.MaxInt64 {
		return readAll(hr, resp.Body, resp.ContentLength, DefaultMaxResponseBytes)
	}
	if resp.ContentLength > limit {
		return nil, c.tooLarge(hr)
	}
	body, err := readAll(hr, io.LimitReader(resp.Body, limit+1), resp.ContentLength, limit+1)
	if err == nil && int64(len(body)) > limit {
		return nil, c.tooLarge(hr)
	}
	return body, err
}

// readAll reads r to its end: into one buffer when its length was
// announced (allocating no more than ceiling up front, however long the
// announced length), else with io.ReadAll.
func readAll(hr *http.Request, r io.Reader, length, ceiling int64) ([]byte, error) {
	if length < 0 {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, &cutShortError{hr.Method, hr.URL.Redacted(), len(b), err}
		}
		return b, nil
	}
	b := make([]byte, 0, min(length, ceiling-1)+1) // +1: room to see the end
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, &cutShortError{hr.Method, hr.URL.Redacted(), len(b), err}
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// tooLarge is the error of a success body longer than c.maxBody.
func (c *Client) tooLarge(hr *http.Request) error {
	return fmt.Errorf("graph: %s %s: response body exceeds %s (Config.MaxResponseBytes)", hr.Method, hr.URL.Redacted(), byteSize(c.maxBody))
}

// byteSize spells n as MiB or KiB when it is a whole number of them.
func byteSize(n int64) string {
	switch {
	case n > 0 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n > 0 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// errorBody limits an error body to c.maxBody when that is smaller than
// what an *Error keeps.
func (c *Client) errorBody(body io.ReadCloser) io.ReadCloser {
	if c.maxBody < 0 || c.maxBody >= maxErrorBody {
		return body
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(body, c.maxBody), body}
}

// checkJSON returns an error naming hr when body is neither empty (or
// white space) nor valid JSON; a body that is a valid beginning of JSON
// is reported as cut short.
// looksWhole is the cheap check of a body that a checking decoder reads
// next: its strings are closed and its brackets balance, counted in one
// tight loop (a fraction of a validating scan). A body cut short fails it
// and is retried like a broken connection; any other invalid JSON is
// refused by the decoder.
func looksWhole(body []byte) bool {
	depth, inString := 0, false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		}
	}
	return depth == 0 && !inString
}

func checkJSON(hr *http.Request, body []byte) error {
	if json.Valid(body) || len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	var v json.RawMessage
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&v); errors.Is(err, io.ErrUnexpectedEOF) {
		return &cutShortError{hr.Method, hr.URL.Redacted(), len(body), errors.New("not valid JSON: unexpected end")}
	}
	err := json.Unmarshal(body, &v)
	return fmt.Errorf("graph: %s %s: response body is not valid JSON: %w", hr.Method, hr.URL.Redacted(), err)
}
