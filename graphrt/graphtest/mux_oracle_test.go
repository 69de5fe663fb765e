package graphtest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt/internal/escape"
)

// oracleRoute is a route as the first Mux matched it: an anchored regular
// expression over the canonical path, tried against every route.
type oracleRoute struct {
	method, op string
	re         *regexp.Regexp
	key        string
	params     []*patternParam
	literal    int
	multi      int
}

// compileOracle builds the regular expression of a pattern from its
// tokens: {name} is ([^/]+), {name...} is ([^/]+(?:/[^/]+)*).
func compileOracle(method, op, s string) (*oracleRoute, error) {
	toks, err := tokenize(s, nil)
	if err == nil {
		err = checkTokens(toks)
	}
	if err != nil {
		return nil, err
	}
	o := &oracleRoute{method: method, op: op}
	var b strings.Builder
	b.WriteString("^")
	for _, t := range toks {
		switch {
		case t.param == nil:
			b.WriteString(regexp.QuoteMeta(t.lit))
			o.literal += len(t.lit)
		case t.param.multi:
			b.WriteString(`([^/]+(?:/[^/]+)*)`)
			o.multi++
		default:
			b.WriteString(`([^/]+)`)
		}
		if t.param != nil {
			o.params = append(o.params, t.param)
		}
	}
	b.WriteString("$")
	o.key = b.String()
	o.re = regexp.MustCompile(o.key)
	return o, nil
}

// match returns the unescaped values of a canonical path, by name.
func (o *oracleRoute) match(path string) (map[string]string, bool) {
	m := o.re.FindStringSubmatch(path)
	if m == nil {
		return nil, false
	}
	vals := map[string]string{}
	for i, p := range o.params {
		v, err := url.PathUnescape(m[i+1])
		if err != nil {
			return nil, false
		}
		if p.odata {
			v = strings.ReplaceAll(v, "''", "'")
		}
		vals[p.name] = v
	}
	return vals, true
}

// oracleServe is what the Mux must answer: the operation and values of
// the matching route of the method with the most literal bytes, then the
// fewest {name...}, then registered first; else 405 with the methods that
// match, else 404.
func oracleServe(routes []*oracleRoute, method, path string) (string, map[string]string, int, string) {
	if !strings.HasPrefix(path, "/") {
		return "", nil, http.StatusNotFound, ""
	}
	cp := escape.Canonical(path)
	var best *oracleRoute
	var vals map[string]string
	var allow []string
	for _, o := range routes {
		v, ok := o.match(cp)
		switch {
		case !ok:
		case o.method != method:
			allow = append(allow, o.method)
		case best == nil || o.literal > best.literal || o.literal == best.literal && o.multi < best.multi:
			best, vals = o, v
		}
	}
	if best != nil {
		return best.op, vals, http.StatusOK, ""
	}
	if len(allow) > 0 {
		slices.Sort(allow)
		return "", nil, http.StatusMethodNotAllowed, strings.Join(slices.Compact(allow), ", ")
	}
	return "", nil, http.StatusNotFound, ""
}

// Pieces the random patterns and paths are made of, chosen to collide:
// function calls sharing a name, a quoted and a bare form of one call,
// text ending in ':' before a path, escapes and their decoded bytes.
var (
	oracleLiterals = []string{"a", "b", "x:", "f()", "$value", "A", "f(", "2F", "%24count", "it'", "'s"}
	oracleSegments = []string{
		"a", "b", "A", "x:", "a:", "f()", "f%28%29", "$value", "%24value", "f('z')", "f('a'',b')",
		"f('a',q='b')", "g(1,2)", "g(1,2,3)", "g(1)", "%2F", "a%2fb", "a%3Ab:", "", "q2F", "%2F2F",
		"f(z)", "it's", "it%27s", "%E2%82%AC", "a:b:",
	}
)

// randomPattern returns a pattern of up to five segments whose parameters
// are named p0, p1...
func randomPattern(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("/v")
	n, names := 1+r.IntN(5), 0
	name := func() string { names++; return fmt.Sprintf("p%d", names-1) }
	for range n {
		b.WriteByte('/')
		switch r.IntN(10) {
		case 0, 1, 2, 3:
			b.WriteString(oracleLiterals[r.IntN(len(oracleLiterals))])
		case 4, 5:
			b.WriteString("{" + name() + "}")
		case 6:
			fmt.Fprintf(&b, "f('{%s}')", name())
		case 7:
			fmt.Fprintf(&b, "g({%s},{%s})", name(), name())
		case 8:
			fmt.Fprintf(&b, "{%s}%s", name(), []string{":", "2F", "'s", ")"}[r.IntN(4)])
		default:
			fmt.Fprintf(&b, "{%s...}%s", name(), []string{"", ":", "2F"}[r.IntN(3)])
		}
	}
	return b.String()
}

// randomPath returns a request path of up to seven segments.
func randomPath(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("/v")
	for range 1 + r.IntN(7) {
		b.WriteByte('/')
		b.WriteString(oracleSegments[r.IntN(len(oracleSegments))])
	}
	return b.String()
}

// TestMuxAgainstOracle serves random paths through Muxes of random routes
// and compares each answer (operation, parameter values, status, Allow)
// and each refused registration with oracleServe over every route.
func TestMuxAgainstOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2))
	compared := map[int]int{}
	for range 300 {
		m, routes, patterns := randomMux(t, r)
		for range 100 {
			method, path := []string{"GET", "POST"}[r.IntN(2)], randomPath(r)
			if len(patterns) > 0 && r.IntN(2) == 0 {
				path = pathFor(r, patterns[r.IntN(len(patterns))])
			}
			op, vals, status, allow := oracleServe(routes, method, path)
			compared[status]++
			req := httptest.NewRequest(method, "http://graph"+path, nil)
			req.Header.Set("Authorization", "Bearer t")
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, req)
			if rec.Code != status || rec.Header().Get("Allow") != allow {
				t.Fatalf("%s %s: %d Allow %q, want %d Allow %q (%s)\nroutes:\n%s", method, path, rec.Code,
					rec.Header().Get("Allow"), status, allow, rec.Body, describeOracle(routes))
			}
			if status != http.StatusOK {
				continue
			}
			var got struct {
				Op   string
				Vals map[string]string
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got.Op != op || !sameValues(got.Vals, vals) {
				t.Fatalf("%s %s: served %s %v, want %s %v\nroutes:\n%s", method, path, got.Op, got.Vals, op, vals, describeOracle(routes))
			}
		}
	}
	t.Logf("answers compared by status: %v", compared)
	if compared[http.StatusOK] < 5000 || compared[http.StatusMethodNotAllowed] < 2000 {
		t.Errorf("too few matches to compare: %v", compared)
	}
}

// randomMux registers up to 30 random routes on a Mux and returns it with
// the oracle of the routes it accepted and their patterns; a route is
// refused exactly when one of the same method has the same regular
// expression.
func randomMux(t *testing.T, r *rand.Rand) (*Mux, []*oracleRoute, []string) {
	m := NewMux()
	var routes []*oracleRoute
	var patterns []string
	for i := range 1 + r.IntN(30) {
		method, op, pattern := []string{"GET", "POST"}[r.IntN(2)], fmt.Sprint("op", i), randomPattern(r)
		o, err := compileOracle(method, op, pattern)
		if err != nil {
			t.Fatalf("%s: %v", pattern, err)
		}
		conflict := slices.ContainsFunc(routes, func(p *oracleRoute) bool { return p.method == method && p.key == o.key })
		if refused := handleRecover(m, Route{Operation: op, Method: method, Pattern: pattern}, oracleEcho(o)); refused != conflict {
			t.Fatalf("%s %s: refused %v, want %v\nroutes:\n%s", method, pattern, refused, conflict, describeOracle(routes))
		}
		if !conflict {
			routes, patterns = append(routes, o), append(patterns, pattern)
		}
	}
	return m, routes, patterns
}

// oracleValues are the values pathFor puts in place of parameters.
var oracleValues = []string{"z", "a''b", "1,2", "x:", "%2F", "a',q='b", "2F", "b", "it's", "f()", "A", "%E2%82%AC", "a:b"}

// pathFor returns a path the pattern may match: a random value for each
// {name}, one to three for each {name...}.
func pathFor(r *rand.Rand, pattern string) string {
	var b strings.Builder
	for pattern != "" {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			b.WriteString(pattern)
			break
		}
		j := strings.IndexByte(pattern, '}')
		b.WriteString(pattern[:i])
		n := 1
		if strings.HasSuffix(pattern[:j], "...") {
			n += r.IntN(3)
		}
		for k := range n {
			if k > 0 {
				b.WriteByte('/')
			}
			b.WriteString(oracleValues[r.IntN(len(oracleValues))])
		}
		pattern = pattern[j+1:]
	}
	return b.String()
}

// handleRecover calls m.Handle and reports whether it panicked.
func handleRecover(m *Mux, rt Route, h http.HandlerFunc) (refused bool) {
	defer func() { refused = recover() != nil }()
	m.Handle(rt, h)
	return false
}

// oracleEcho answers with the operation and the path values of o's
// parameters.
func oracleEcho(o *oracleRoute) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		vals := map[string]string{}
		for _, p := range o.params {
			vals[p.name] = r.PathValue(p.name)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"Op": o.op, "Vals": vals})
	}
}

// describeOracle lists routes for a failure message.
func describeOracle(routes []*oracleRoute) string {
	var b strings.Builder
	for _, o := range routes {
		fmt.Fprintf(&b, "  %s %s %s\n", o.op, o.method, o.key)
	}
	return b.String()
}

// sameValues reports whether two maps of values are equal, nil equal to empty.
func sameValues(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestCanonicalIsCanonicalPath: the mux's copy-free canonical gives what
// canonicalPath gives, on every byte, every escape and random paths.
func TestCanonicalIsCanonicalPath(t *testing.T) {
	var inputs []string
	for c := range 256 {
		inputs = append(inputs, "/a"+string([]byte{byte(c)})+"b", fmt.Sprintf("/%%%02x/%%%02X", c, c))
	}
	r := rand.New(rand.NewPCG(15, 3))
	const alphabet = "/aZ09-._~!$&'()*+,;=:@%2fF \"<>?#[]\\^`{|}\x00\x7f\xe2\x82\xac"
	for range 2000 {
		b := make([]byte, r.IntN(20))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		if got, want := canonical(in), escape.Canonical(in); got != want {
			t.Errorf("canonical(%q) = %q, canonicalPath gives %q", in, got, want)
		}
	}
}

// FuzzMux compares the mux with oracleServe on two routes and a path:
// the same answer, the same values, and no panic on any path.
func FuzzMux(f *testing.F) {
	f.Add("/v/f('{a}',b='{b}')", "/v/{x}", "/v/f('1',b='2')")
	f.Add("/v/r:/{p...}:/c", "/v/r:/{p...}", "/v/r:/a:/b:/c")
	f.Add("/v/a/{p...}/b/{q...}", "/v/{a}2F", "/v/a/x/b/y/b/z")
	f.Add("/v/{h}:/{p...}", "/v/{s}", "/v/h%3A:/a%2F/b")
	f.Fuzz(func(t *testing.T, p1, p2, path string) {
		m := NewMux()
		var routes []*oracleRoute
		for i, p := range []string{p1, p2} {
			o, err := compileOracle([]string{"GET", "POST"}[i], fmt.Sprint("op", i), p)
			if err != nil || slices.ContainsFunc(routes, func(r *oracleRoute) bool { return r.method == o.method && r.key == o.key }) {
				continue
			}
			m.Handle(Route{Operation: o.op, Method: o.method, Pattern: p}, oracleEcho(o))
			routes = append(routes, o)
		}
		for _, method := range []string{"GET", "POST", "PUT"} {
			op, vals, status, allow := oracleServe(routes, method, path)
			rt, got, gotAllow := m.match(method, path)
			switch {
			case (rt == nil) != (status != http.StatusOK):
				t.Fatalf("%s %q: route %v, want status %d", method, path, rt, status)
			case rt == nil && strings.Join(gotAllow, ", ") != allow:
				t.Fatalf("%s %q: Allow %q, want %q", method, path, gotAllow, allow)
			case rt != nil && rt.Operation != op:
				t.Fatalf("%s %q: %s, want %s", method, path, rt.Operation, op)
			}
			for i, prm := range rt.paramsOrNil() {
				if got[i] != vals[prm.name] {
					t.Fatalf("%s %q: %s = %q, want %q", method, path, prm.name, got[i], vals[prm.name])
				}
			}
		}
	})
}

// paramsOrNil returns the parameters of rt's pattern, nil for no route.
func (rt *route) paramsOrNil() []*patternParam {
	if rt == nil {
		return nil
	}
	return rt.pat.params
}
