package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// closestShown is how many routes a find without a match suggests.
const closestShown = 5

// findResult is what "graphgen find -json" prints.
type findResult struct {
	// Request is the request line as read: method ("" for any), version
	// ("" for any) and path, without query string.
	Request findRequest `json:"request"`
	// Matches are the routes the request goes to; the most specific ones
	// when several match (a literal segment beats a parameter).
	Matches []findMatch `json:"matches"`
	// Closest are the routes nearest the request when none matches.
	Closest []findMatch `json:"closest,omitempty"`
}

// findRequest is a parsed request line.
type findRequest struct {
	Method  string `json:"method"`
	Version string `json:"version"`
	Path    string `json:"path"`
	// Query is the query string, if any: it picks among the routes the
	// docs write with a query ("?$expand=extensions").
	Query string `json:"query,omitempty"`
}

// findMatch is one documented route and the Go that calls and serves it.
type findMatch struct {
	Method    string `json:"method"`
	Path      string `json:"path"` // as documented, with its version
	Operation string `json:"operation"`
	// Package is the area package's import path relative to the output
	// root ("user").
	Package string `json:"package"`
	// Method and its signatures as generated: one, or a list's and its
	// Page method's.
	GoName     string   `json:"goName"`
	Signatures []string `json:"signatures,omitempty"`
	// Page is the request line documenting the route, file:line.
	Page string `json:"page"`
	// MockHandler is the method of the mock's Handler that serves the
	// route: the operation's, or that of the page it is left to.
	MockHandler string `json:"mockHandler"`
	ShadowedBy  string `json:"shadowedBy,omitempty"`
}

// runFind implements "graphgen find [-json] [-pkg NAME] DOCS... 'GET
// /users/{id}'": the package, method, signature, page and mock handler of
// every route the request line goes to; without one, exit 1 and the
// closest routes.
func runFind(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("graphgen find", flag.ContinueOnError)
	fset.SetOutput(stderr)
	asJSON := fset.Bool("json", false, "print the result as JSON")
	pkg := fset.String("pkg", "graph", "`name` of the generated root package, which qualifies its types in signatures")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: graphgen find [-json] [-pkg NAME] DOCS... 'GET /users/{id}'")
		fset.PrintDefaults()
	}
	if code, stop := parseFlags(fset, args); stop {
		return code
	}
	docs, line := splitFindArgs(fset.Args())
	if len(docs) == 0 {
		return usageError(stderr, "graphgen find", errors.New("want DOCS... and a request line such as 'GET /users/{id}'"))
	}
	req, err := parseRequestLine(line)
	if err != nil {
		return usageError(stderr, "graphgen find", err)
	}
	if err := checkPackageName(*pkg); err != nil {
		return usageError(stderr, "graphgen find", fmt.Errorf("-pkg %s: %w", *pkg, err))
	}
	api, display, status := load(docs, stderr)
	if api == nil {
		return status
	}
	f := &finder{api: api, opts: emitter.Options{Package: *pkg}, display: display}
	res := findResult{Request: req, Matches: []findMatch{}}
	if res.Matches, err = f.matches(req); err == nil && len(res.Matches) == 0 {
		res.Closest, err = f.closest(req)
	}
	if err != nil {
		fmt.Fprintln(stderr, "graphgen find:", err)
		return exitError
	}
	if err := printFind(stdout, res, *asJSON); err != nil {
		fmt.Fprintln(stderr, "graphgen find:", err)
		return exitError
	}
	if len(res.Matches) == 0 {
		return exitError
	}
	return exitOK
}

// splitFindArgs separates DOCS from the request line, the last argument,
// or the last two when the method was passed apart ("GET" "/users/42").
func splitFindArgs(args []string) (docs []string, line string) {
	if len(args) < 2 {
		return nil, ""
	}
	n := len(args) - 1
	if n >= 2 && !strings.ContainsAny(args[n], " \t") && httpMethod(args[n-1]) != "" {
		n--
	}
	return args[:n], strings.Join(args[n:], " ")
}

// httpMethod is s upper-cased when it is an HTTP method, else "".
func httpMethod(s string) string {
	m := strings.ToUpper(s)
	switch m {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return m
	}
	return ""
}

// parseRequestLine reads "GET /v1.0/users/42?$select=id", with or
// without the method, the version, the Graph host or a trailing
// "HTTP/1.1".
func parseRequestLine(line string) (findRequest, error) {
	var req findRequest
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return req, errors.New("no request line: want one such as 'GET /users/{id}'")
	}
	rest := strings.TrimSpace(line)
	if m := httpMethod(fields[0]); m != "" {
		req.Method = m
		rest = strings.TrimSpace(rest[len(fields[0]):])
	}
	if last := fields[len(fields)-1]; len(fields) > 1 && strings.HasPrefix(last, "HTTP/") {
		rest = strings.TrimSpace(strings.TrimSuffix(rest, last))
	}
	if i := strings.Index(rest, "://"); i >= 0 { // https://graph.microsoft.com/v1.0/...
		host := rest[i+3:]
		rest = host[strings.IndexByte(host+"/", '/'):]
	}
	rest, _, _ = strings.Cut(rest, "#")
	rest, req.Query, _ = strings.Cut(rest, "?")
	if !strings.HasPrefix(rest, "/") {
		return req, fmt.Errorf("request line %q: want a method and a path starting with /, such as 'GET /users/{id}'", line)
	}
	req.Path = rest
	for _, v := range []string{"v1.0", "beta"} {
		if after, ok := strings.CutPrefix(rest, "/"+v); ok && (after == "" || after[0] == '/') {
			req.Version, req.Path = v, after
		}
	}
	if req.Path == "" {
		req.Path = "/"
	}
	return req, nil
}

// finder looks routes up in an API.
type finder struct {
	api     *ir.API
	opts    emitter.Options
	display func(ir.Diagnostic) ir.Diagnostic
}

// candidate is a route of an operation.
type candidate struct {
	op *ir.Operation
	r  *ir.Route
}

// routes lists every route of the request's version (every version when
// it names none), in the API's order.
func (f *finder) routes(req findRequest) []candidate {
	var out []candidate
	for _, op := range f.api.Operations {
		if req.Version != "" && op.Version != req.Version {
			continue
		}
		for _, r := range op.Routes {
			out = append(out, candidate{op, r})
		}
	}
	return out
}

// matches returns the routes the request goes to, as the mock routes
// requests (graphtest.MatchPattern, ignoring case as Graph does): a
// parameter segment matches any value, a {placeholder} included. Among
// several, the best by fit are kept, the route the mock serves first.
func (f *finder) matches(req findRequest) ([]findMatch, error) {
	path := (&url.URL{Path: strings.ToLower(req.Path)}).EscapedPath()
	var best []candidate
	bestFit := -1
	for _, c := range f.routes(req) {
		if req.Method != "" && c.op.Method != req.Method {
			continue
		}
		if _, ok := graphtest.MatchPattern(strings.ToLower(c.r.Pattern), path); !ok {
			continue
		}
		n := fit(c.r, req.Query)
		if bestFit < 0 || n < bestFit {
			best, bestFit = nil, n
		}
		if n == bestFit {
			best = append(best, c)
		}
	}
	slices.SortStableFunc(best, func(a, b candidate) int { return boolInt(a.r.ShadowedBy != "") - boolInt(b.r.ShadowedBy != "") })
	return f.describe(best)
}

// fit ranks a matching route, lower is better: fewer parameters first
// (/users/delta, not /users/{id}), then the documented query: a route
// written with one fits a request that sends its options, one written
// without fits a request with no query.
func fit(r *ir.Route, query string) int {
	sent, _ := url.ParseQuery(query)
	penalty := 0
	switch {
	case r.Query == "" && query != "":
		penalty = 1
	case r.Query != "":
		penalty = 0
		for _, q := range r.QueryParams {
			if _, ok := sent[q.Name]; !ok {
				penalty = 2
			}
		}
	}
	return 3*strings.Count(r.Pattern, "{") + penalty
}

// boolInt is 1 for true, 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// closest returns the routes nearest the request: fewest segments to
// change (segmentDistance), a different method counting one.
func (f *finder) closest(req findRequest) ([]findMatch, error) {
	want := pathSegments(req.Path)
	type scored struct {
		candidate
		d int
	}
	var all []scored
	for _, c := range f.routes(req) {
		d := segmentDistance(want, pathSegments(c.r.Path))
		if req.Method != "" && c.op.Method != req.Method {
			d += 10
		}
		all = append(all, scored{c, d})
	}
	slices.SortStableFunc(all, func(a, b scored) int { return a.d - b.d })
	var near []candidate
	for _, s := range all[:min(closestShown, len(all))] {
		near = append(near, s.candidate)
	}
	return f.describe(near)
}

// pathSegments splits a path into lower-case segments.
func pathSegments(p string) []string {
	return strings.Split(strings.Trim(strings.ToLower(p), "/"), "/")
}

// segmentDistance is the edit distance between a request's segments and
// a route's, in tenths of a segment: adding or dropping a segment costs
// 10, a route segment that is one parameter ({id}) fits any request
// segment, and two different segments cost by how much their letters
// differ ("userz" for "users": 2).
func segmentDistance(req, route []string) int {
	return editDistance(len(req), len(route), 10, func(i, j int) int {
		seg := route[j]
		if seg == req[i] || strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			return 0
		}
		a, b := []rune(req[i]), []rune(seg)
		d := editDistance(len(a), len(b), 1, func(i, j int) int { return boolInt(a[i] != b[j]) })
		return (10*d + max(len(a), len(b)) - 1) / max(len(a), len(b))
	})
}

// editDistance is the Levenshtein distance between sequences of n and m
// elements: indel per insertion or deletion, sub(i, j) to replace the
// i-th of the first by the j-th of the second.
func editDistance(n, m, indel int, sub func(i, j int) int) int {
	prev := make([]int, m+1)
	for j := range prev {
		prev[j] = j * indel
	}
	for i := 1; i <= n; i++ {
		cur := make([]int, m+1)
		cur[0] = i * indel
		for j := 1; j <= m; j++ {
			cur[j] = min(prev[j-1]+sub(i-1, j-1), prev[j]+indel, cur[j-1]+indel)
		}
		prev = cur
	}
	return prev[m]
}

// describe renders each candidate as a findMatch.
func (f *finder) describe(cs []candidate) ([]findMatch, error) {
	out := []findMatch{}
	for _, c := range cs {
		sigs, err := emitter.Signatures(f.api, f.opts, c.op, c.r)
		if err != nil {
			return nil, err
		}
		out = append(out, findMatch{
			Method: c.op.Method, Path: "/" + c.op.Version + c.r.Path, Operation: c.op.ID,
			Package: c.op.Package, GoName: c.r.GoName, Signatures: sigs,
			Page: f.fileLine(c.r.Source), MockHandler: f.handler(c.op, c.r), ShadowedBy: c.r.ShadowedBy,
		})
	}
	return out, nil
}

// fileLine is a position as the diagnostics print it (relative to the
// working directory), without its column.
func (f *finder) fileLine(pos string) string {
	p := f.display(ir.Diagnostic{Pos: pos}).Pos
	file, col, _ := cutLast(p)
	if _, line, ok := cutLast(file); ok && isNumber(line) && isNumber(col) {
		return file
	}
	return p
}

// cutLast splits s at its last colon.
func cutLast(s string) (before, after string, found bool) {
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

// isNumber reports whether s is a non-empty run of ASCII digits.
func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// handler names the Handler method that serves route r of op: op's own,
// or, when the mock leaves the route to another page, that page's
// operation of the same method.
func (f *finder) handler(op *ir.Operation, r *ir.Route) string {
	if r.ShadowedBy == "" {
		return op.GoName
	}
	for _, o := range f.api.Operations {
		if o.Page == r.ShadowedBy && o.Method == op.Method {
			return o.GoName
		}
	}
	return op.GoName
}

// printFind prints the result as JSON or as text: a block per match, or
// the closest routes.
func printFind(w io.Writer, res findResult, asJSON bool) error {
	if asJSON {
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", data)
		return err
	}
	if len(res.Matches) == 0 && len(res.Closest) == 0 {
		_, err := fmt.Fprintf(w, "no documented route matches %s: DOCS document no route of its version\n", requestText(res.Request))
		return err
	}
	if len(res.Matches) == 0 {
		fmt.Fprintf(w, "no documented route matches %s; the closest:\n", requestText(res.Request))
		for _, m := range res.Closest {
			fmt.Fprintf(w, "  %s %s  %s.%s  %s\n", m.Method, m.Path, m.Package, m.GoName, m.Page)
		}
		return nil
	}
	for i, m := range res.Matches {
		if i > 0 {
			fmt.Fprintln(w)
		}
		printMatch(w, m)
	}
	return nil
}

// printMatch prints one route and its Go.
func printMatch(w io.Writer, m findMatch) {
	fmt.Fprintf(w, "%s %s (%s)\n", m.Method, m.Path, m.Operation)
	fmt.Fprintf(w, "  package    %s\n", m.Package)
	fmt.Fprintf(w, "  method     %s\n", m.GoName)
	for _, s := range m.Signatures {
		fmt.Fprintf(w, "  signature  %s\n", s)
	}
	fmt.Fprintf(w, "  page       %s\n", m.Page)
	mock := "Handler." + m.MockHandler
	if m.ShadowedBy != "" {
		mock += " (the mock serves this route with " + m.ShadowedBy + "'s operation)"
	}
	fmt.Fprintf(w, "  mock       %s\n", mock)
}

// requestText writes a parsed request line back.
func requestText(r findRequest) string {
	s := r.Path
	if r.Version != "" {
		s = "/" + r.Version + s
	}
	if r.Method != "" {
		s = r.Method + " " + s
	}
	return s
}
