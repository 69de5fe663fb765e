package graphtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/graphgen-dev/graphgen/graphrt/internal/wire"
)

// maxRequestBody limits how much of a request body the Mux reads.
const maxRequestBody = 32 << 20

// BodyRule says what request body an operation accepts.
type BodyRule int

const (
	// BodyNone rejects any non-empty request body with 400.
	BodyNone BodyRule = iota
	// BodyJSON requires a JSON body: empty or invalid is 400, a Content-Type
	// other than application/json (parameters allowed) is 415.
	BodyJSON
	// BodyBinary requires a non-empty body of any type (400 when empty).
	BodyBinary
	// BodyOptional accepts any body, but one sent as application/json must be valid JSON.
	BodyOptional
)

// Route describes one mocked operation and what its requests must carry.
type Route struct {
	Operation string // operation id, e.g. "user-get", shown in error messages
	Method    string
	// Pattern is the escaped path to match: {name} matches a non-empty part
	// of one segment, {name...} one or more whole segments and may be
	// followed by literal text in its last segment; a {name} enclosed in
	// single quotes is an OData string whose doubled quotes are undone.
	Pattern string
	Body    BodyRule
	Headers []string // required request headers besides Authorization
	Query   []string // required query options, e.g. "startDateTime"
	// Permissions are the documented permissions. A test token (see
	// TestToken) must carry one that its kind accepts; an opaque token is
	// not checked. Nil: no check.
	Permissions *Permissions
	// Check validates a JSON body beyond its syntax (unknown members,
	// types, required members, see CheckJSON); an error is a 400.
	Check func(body []byte) error
	// Emulate is how an Emulator answers the route: from its Store (List,
	// Get, Create, ...), or with the handler, the docs' example (Canned,
	// the zero value). A Mux that is not an Emulator's ignores it.
	Emulate Behavior
	// Status is the documented success status (0: the behaviour's
	// Graph default), Entity the OData type of the resource
	// ("microsoft.graph.user"), and Stamps the timestamps the type
	// documents ("createdDateTime", "lastModifiedDateTime"), which an
	// Emulator's Store sets on what it stores.
	Status int
	Entity string
	Stamps []string
}

// Mux is an http.Handler that routes Graph requests to mock handlers and
// enforces each Route's authorization, header and body rules. Its routes
// are indexed by path segment as they are registered, so that a request
// costs about the same with ten routes as with the whole API.
type Mux struct {
	mu     sync.RWMutex
	root   node
	routes []*route // in registration order
	// authOff turns the Authorization checks off (SetAuth).
	authOff atomic.Bool
	emu     atomic.Pointer[Emulator] // set by Emulate
}

// route is a registered Route with its compiled pattern and handler.
type route struct {
	Route
	pat pattern
	h   http.HandlerFunc
	idx int // registration order, which breaks ties
}

// beats reports whether rt is more specific than other: more literal
// bytes, then fewer {name...}, then registered first.
func (rt *route) beats(other *route) bool {
	p, q := rt.pat, other.pat
	switch {
	case p.literal != q.literal:
		return p.literal > q.literal
	case p.multi != q.multi:
		return p.multi < q.multi
	}
	return rt.idx < other.idx
}

// NewMux returns an empty Mux.
func NewMux() *Mux { return &Mux{} }

// Handle registers h for rt; it panics on an invalid route, a malformed
// pattern or a pattern that matches the same paths as one already
// registered for the same method.
func (m *Mux) Handle(rt Route, h http.HandlerFunc) {
	p, err := checkRoute(rt, h)
	if err != nil {
		panic("graphrt: " + err.Error())
	}
	rt.Headers = slices.Clone(rt.Headers)
	for i, name := range rt.Headers {
		rt.Headers[i] = http.CanonicalHeaderKey(name)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	added := &route{Route: rt, pat: p, h: h, idx: len(m.routes)}
	if old := m.root.insert(added); old != nil {
		panic(fmt.Sprintf("graphrt: %s %s conflicts with %s %s", rt.Method, rt.Pattern, old.Method, old.Pattern))
	}
	m.routes = append(m.routes, added)
}

// Routes returns the registered routes in the order they were registered,
// as registered (required headers in canonical form), so that what two
// Muxes serve can be compared.
func (m *Mux) Routes() []Route {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]Route, len(m.routes))
	for i, rt := range m.routes {
		out[i] = rt.Route
	}
	return out
}

// Match returns the route that ServeHTTP picks for a request of method
// to the escaped path, and false when none matches (a 404 or 405), so
// that a log or a server around the Mux can name the operation that
// answered.
func (m *Mux) Match(method, path string) (Route, bool) {
	rt, _, _ := m.match(method, path)
	if rt == nil {
		return Route{}, false
	}
	return rt.Route, true
}

// SetAuth turns the checks of the Authorization header on (the default)
// or off. Off, a request needs no bearer token, and neither a token's
// claims nor a Route's Permissions are checked: for a server that clients
// without test tokens call ("graphgen serve -auth off"). It may be called
// while the Mux serves.
func (m *Mux) SetAuth(on bool) {
	m.authOff.Store(!on)
}

// checkRoute validates rt and h and compiles the pattern.
func checkRoute(rt Route, h http.HandlerFunc) (pattern, error) {
	switch {
	case h == nil:
		return pattern{}, fmt.Errorf("nil handler for %s %s", rt.Method, rt.Pattern)
	case rt.Method == "":
		return pattern{}, fmt.Errorf("empty method for %s", rt.Pattern)
	case rt.Body < BodyNone || rt.Body > BodyOptional:
		return pattern{}, fmt.Errorf("invalid body rule %d for %s %s", rt.Body, rt.Method, rt.Pattern)
	}
	return compilePattern(rt.Pattern)
}

// ServeHTTP routes r to the most specific matching route, whose pattern it
// sets in r.Pattern and whose parameters in r.PathValue, answering with a
// Graph error for an unknown path (404), an unsupported method (405), a
// missing bearer token (401), a missing header or a bad body.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.EscapedPath()
	if path == RedirectPath && r.Method == http.MethodGet {
		serveRedirectTarget(w, r)
		return
	}
	rt, vals, allow := m.match(r.Method, path)
	switch {
	case rt == nil && len(allow) > 0:
		w.Header().Set("Allow", strings.Join(allow, ", "))
		WriteError(w, http.StatusMethodNotAllowed, "MethodNotAllowed",
			fmt.Sprintf("Method %s is not allowed for %s; allowed: %s.", r.Method, path, strings.Join(allow, ", ")))
		return
	case rt == nil:
		WriteError(w, http.StatusNotFound, "ResourceNotFound",
			fmt.Sprintf("No operation matches %s %s.", r.Method, path))
		return
	}
	tok, ok := rt.admit(w, r, !m.authOff.Load())
	if !ok {
		return
	}
	for i, p := range rt.pat.params {
		r.SetPathValue(p.name, vals[i])
	}
	r.Pattern = rt.Pattern
	if e := m.emu.Load(); e != nil {
		e.serve(rt, tok, w, r)
		return
	}
	rt.h(w, r)
}

// match returns the most specific route for method and path with its
// parameter values or, when none has that method, the sorted methods of
// the routes matching the path.
func (m *Mux) match(method, path string) (best *route, vals, allow []string) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.root.lookup(method, path)
}

// admit checks authorization (when auth is on), required headers and the
// body, writing an error and returning false when r is rejected; it
// returns what the bearer token says (nothing when auth is off).
func (rt *route) admit(w http.ResponseWriter, r *http.Request, auth bool) (tokenInfo, bool) {
	var tok tokenInfo
	if auth {
		var ok bool
		if tok, ok = rt.authorize(w, r); !ok {
			return tok, false
		}
	}
	return tok, rt.admitRequest(w, r)
}

// authorize checks the bearer token and the route's permissions, writing
// an error and returning false when r is refused.
func (rt *route) authorize(w http.ResponseWriter, r *http.Request) (tokenInfo, bool) {
	token := bearerToken(r.Header.Get("Authorization"))
	if token == "" {
		WriteError(w, http.StatusUnauthorized, "InvalidAuthenticationToken",
			"Access token is empty or is not a Bearer token.")
		return tokenInfo{}, false
	}
	info, err := readTokenCached(token)
	if err != nil {
		WriteError(w, http.StatusUnauthorized, "InvalidAuthenticationToken", rt.prefix()+err.Error()+".")
		return tokenInfo{}, false
	}
	if msg := rt.Permissions.deny(info); msg != "" {
		WriteError(w, http.StatusForbidden, "Authorization_RequestDenied", rt.prefix()+msg)
		return tokenInfo{}, false
	}
	return info, true
}

// admitRequest checks required headers, the query string and the body,
// writing an error and returning false when r is rejected.
func (rt *route) admitRequest(w http.ResponseWriter, r *http.Request) bool {
	for _, name := range rt.Headers {
		if r.Header.Get(name) == "" {
			WriteError(w, http.StatusBadRequest, "BadRequest",
				rt.prefix()+"missing required request header "+name+".")
			return false
		}
	}
	if msg := checkQuery(r.URL.RawQuery); msg != "" {
		WriteError(w, http.StatusBadRequest, "BadRequest", rt.prefix()+msg)
		return false
	}
	var query url.Values
	if len(rt.Query) > 0 {
		query = r.URL.Query()
	}
	for _, name := range rt.Query {
		if query.Get(name) == "" {
			WriteError(w, http.StatusBadRequest, "BadRequest",
				rt.prefix()+"missing required query option "+name+".")
			return false
		}
	}
	return rt.admitBody(w, r)
}

// checkQuery returns why a raw query string is malformed, or "": an
// invalid percent-escape, a system query option ("$top") given twice,
// $top or $skip that is not a whole number, $count that is not true or
// false. Semicolons are data: Graph's nested options use them
// ("$expand=members($select=id;$top=5)").
func checkQuery(raw string) string {
	if raw == "" {
		return ""
	}
	seen := map[string]bool{}
	for _, pair := range strings.Split(raw, "&") {
		name, value, _ := strings.Cut(pair, "=")
		name, err1 := url.QueryUnescape(name)
		value, err2 := url.QueryUnescape(value)
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Sprintf("the query string is malformed: %q has an invalid percent-escape.", pair)
		}
		if !strings.HasPrefix(name, "$") {
			continue
		}
		key := strings.ToLower(name)
		if seen[key] {
			return fmt.Sprintf("the query option %s is given more than once.", name)
		}
		seen[key] = true
		if msg := checkSystemOption(key, name, value); msg != "" {
			return msg
		}
	}
	return ""
}

// checkSystemOption checks the value of the system query options whose
// syntax is fixed: $top and $skip take a whole number, $count true or false.
func checkSystemOption(key, name, value string) string {
	switch key {
	case "$top", "$skip":
		if _, err := strconv.ParseUint(value, 10, 64); err != nil {
			return fmt.Sprintf("invalid value %q for the query option %s: it must be a whole number.", value, name)
		}
	case "$count":
		if !strings.EqualFold(value, "true") && !strings.EqualFold(value, "false") {
			return fmt.Sprintf("invalid value %q for the query option %s: it must be true or false.", value, name)
		}
	}
	return ""
}

// bearerToken returns the token of a "Bearer <token>" header value, or "".
func bearerToken(h string) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// admitBody reads the body, checks it against the route's BodyRule and
// restores it for the handler.
func (rt *route) admitBody(w http.ResponseWriter, r *http.Request) bool {
	body, err := readBody(r)
	if err != nil {
		WriteError(w, http.StatusBadRequest, "BadRequest", rt.prefix()+"cannot read request body: "+err.Error())
		return false
	}
	if len(body) > maxRequestBody {
		WriteError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", rt.prefix()+"request body is too large.")
		return false
	}
	r.Body, r.ContentLength = http.NoBody, 0
	if len(body) > 0 {
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	}
	status, msg := rt.Body.check(body, r.Header.Get("Content-Type"))
	if status == 0 && rt.Check != nil && len(body) > 0 && json.Valid(body) {
		if err := rt.Check(body); err != nil {
			status, msg = http.StatusBadRequest, strings.TrimSuffix(err.Error(), ".")+"."
		}
	}
	if status == 0 {
		return true
	}
	code := "BadRequest"
	if status == http.StatusUnsupportedMediaType {
		code = "UnsupportedMediaType"
	}
	WriteError(w, status, code, rt.prefix()+msg)
	return false
}

// readBody reads at most maxRequestBody+1 bytes of r's body.
func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	defer r.Body.Close()
	return io.ReadAll(io.LimitReader(r.Body, maxRequestBody+1))
}

// check returns 0 when body and its content type satisfy the rule, else
// the HTTP status and a message.
func (rule BodyRule) check(body []byte, contentType string) (int, string) {
	switch {
	case rule == BodyNone && len(body) > 0:
		return http.StatusBadRequest, "this operation does not take a request body."
	case rule == BodyJSON && len(body) == 0:
		return http.StatusBadRequest, "a JSON request body is required."
	case rule == BodyJSON && contentType != "" && !isJSONType(contentType):
		return http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q is not application/json.", contentType)
	case rule == BodyJSON:
		if err := bodySyntaxError(body); err != nil {
			return http.StatusBadRequest, err.Error() + "."
		}
	case rule == BodyBinary && len(body) == 0:
		return http.StatusBadRequest, "a request body is required."
	case rule == BodyOptional && len(body) > 0 && isJSONType(contentType):
		if err := bodySyntaxError(body); err != nil {
			return http.StatusBadRequest, err.Error() + "."
		}
	}
	return 0, ""
}

// isJSONType reports whether a Content-Type value is application/json.
func isJSONType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == wire.JSONType
}

// prefix returns "operation: " for error messages, or "" without an id.
func (rt *route) prefix() string {
	if rt.Operation == "" {
		return ""
	}
	return rt.Operation + ": "
}
