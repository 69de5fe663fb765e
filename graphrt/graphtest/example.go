package graphtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/graphrt/internal/escape"
	"github.com/graphgen-dev/graphgen/graphrt/internal/wire"
)

// Example is a documented response that a mock handler can replay.
type Example struct {
	// Path is the example request's escaped path without query, e.g.
	// "/v1.0/users/87d3…"; "" matches any path.
	Path string
	// Query is the raw query of the example request, "" if none.
	Query string
	// Header holds response header pairs: name, value, name, value …
	Header []string
	// Body is the response body as documented, "" for none.
	Body string
	// Patterns, when set, are the route patterns this example alone
	// answers: routes whose answer differs from their operation's, such as
	// a /$value stream or a property below the operation's other paths.
	// An example without Patterns answers any route of its operation that
	// has no example of its own.
	Patterns []string
}

// ServeExample answers r with status and the example that fits r best:
// among the examples of r's route pattern (r.Pattern, which Mux sets), or
// the examples without Patterns when the route has none, the one with the same path
// and query, else the same path, else the first one. Paths are compared
// after normalising percent-encoding and queries as unordered sets of
// decoded name=value pairs; an exact path beats Path "". Without examples
// only the status is written.
func ServeExample(w http.ResponseWriter, r *http.Request, status int, examples ...Example) {
	examples = routeExamples(r.Pattern, examples)
	if len(examples) == 0 {
		w.WriteHeader(status)
		return
	}
	ex := pickExample(r, examples)
	ex.Body = dropForeignNextLink(ex.Body, r.Host)
	writeExample(w, r, status, ex)
}

// routeExamples keeps the examples of pattern, or those of no pattern
// when none is.
func routeExamples(pattern string, examples []Example) []Example {
	var own, shared []Example
	for _, ex := range examples {
		switch {
		case len(ex.Patterns) == 0:
			shared = append(shared, ex)
		case slices.Contains(ex.Patterns, pattern):
			own = append(own, ex)
		}
	}
	if len(own) > 0 {
		return own
	}
	return shared
}

// dropForeignNextLink removes an @odata.nextLink that points to another
// host (the documented one points to graph.microsoft.com): a pager on the
// mock must not leave the machine. WithFaults adds local next links.
func dropForeignNextLink(body, host string) string {
	if !strings.Contains(body, "@odata.nextLink") {
		return body
	}
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &m) != nil {
		return body
	}
	var link string
	if json.Unmarshal(m["@odata.nextLink"], &link) != nil {
		return body
	}
	if u, err := url.Parse(link); err == nil && u.Host == host {
		return body
	}
	delete(m, "@odata.nextLink")
	out, err := json.Marshal(m)
	if err != nil {
		return body
	}
	return string(out)
}

// RedirectPath is where a mock sends the documented redirects of its
// examples (302 to a download URL on another host), so that a test client
// that follows redirects stays on the mock; the original target is in the
// "to" query parameter.
const RedirectPath = "/_graphgen/redirect"

// localLocation points an absolute Location header at the mock's own
// RedirectPath.
func localLocation(r *http.Request, location string) string {
	u, err := url.Parse(location)
	if err != nil || !u.IsAbs() {
		return location
	}
	return origin(r) + RedirectPath + "?to=" + url.QueryEscape(location)
}

// serveRedirectTarget answers a request that followed a documented
// redirect: 200 with a short text naming the documented target.
func serveRedirectTarget(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, "graphgen mock: the documented redirect target was "+r.URL.Query().Get("to")+"\n")
}

// pickExample returns the best-scoring example, the first one on ties.
func pickExample(r *http.Request, examples []Example) Example {
	path, query := escape.Canonical(r.URL.EscapedPath()), canonicalQuery(r.URL.RawQuery)
	best, bestScore := 0, -1
	for i, ex := range examples {
		if s := exampleScore(ex, path, query); s > bestScore {
			best, bestScore = i, s
		}
	}
	return examples[best]
}

// exampleScore ranks an example: exact path and query 5, exact path 4,
// any-path and query 3, any-path 2, other path 0.
func exampleScore(ex Example, path, query string) int {
	score := 0
	switch {
	case ex.Path == "":
		score = 2
	case escape.Canonical(ex.Path) == path:
		score = 4
	default:
		return 0
	}
	if canonicalQuery(ex.Query) == query {
		score++
	}
	return score
}

// canonicalQuery decodes the name=value pairs of a raw query and sorts
// them; a name without "=" has an empty value, as url.ParseQuery reads it
// ("$orderbydisplayName" in user-list's example 7 is sent as
// "$orderbydisplayName=").
func canonicalQuery(q string) string {
	var pairs []string
	for _, p := range strings.Split(q, "&") {
		if p == "" {
			continue
		}
		if !strings.Contains(p, "=") {
			p += "="
		}
		if dec, err := url.QueryUnescape(p); err == nil {
			p = dec
		}
		pairs = append(pairs, p)
	}
	sort.Strings(pairs)
	return strings.Join(pairs, "&")
}

// writeExample writes the example's headers, status and body.
func writeExample(w http.ResponseWriter, r *http.Request, status int, ex Example) {
	h := w.Header()
	for i := 0; i+1 < len(ex.Header); i += 2 {
		name, value := http.CanonicalHeaderKey(ex.Header[i]), ex.Header[i+1]
		if name == "Location" {
			value = localLocation(r, value)
		}
		if name != "Content-Length" && name != "Transfer-Encoding" {
			h.Add(name, value)
		}
	}
	if ex.Body != "" && h.Get("Content-Type") == "" && looksJSON(ex.Body) {
		h.Set("Content-Type", wire.JSONType)
	}
	w.WriteHeader(status)
	if bodyAllowed(status) {
		_, _ = io.WriteString(w, ex.Body)
	}
}

// looksJSON reports whether s starts with { or [ after white space.
func looksJSON(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
}

// bodyAllowed reports whether a response with status may have a body.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}
