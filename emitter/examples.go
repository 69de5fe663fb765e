package emitter

import (
	"net/url"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// examplesFile emits one []graphtest.Example per operation: the documented
// responses, keyed by the path and query of their documented request.
func examplesFile(f *jen.File, ops []*ir.Operation) {
	for _, op := range ops {
		// var examplesUserGet = []graphtest.Example{{Path: "/v1.0/me", Header: []string{...}, Body: "{...}"}}
		var values []jen.Code
		served := map[string]bool{}
		for _, e := range op.Examples {
			if e.Response != nil {
				patterns := ownPatterns(op, e)
				for _, p := range patterns {
					served[p] = true
				}
				values = append(values, exampleValue(op.Version, e, patterns))
			}
		}
		if len(values) == 0 && op.Response.Kind == ir.KindCollection && op.Response.Status == 200 {
			// a collection documented without an example answers an empty
			// one, not an empty body that no client could read:
			// {Header: []string{"Content-Type", "application/json"}, Body: `{"value":[]}`}
			values = append(values, jen.Values(jen.Dict{
				jen.Id("Header"): stringsValue([]string{"Content-Type", "application/json"}),
				jen.Id("Body"):   jen.Lit(`{"value":[]}`),
			}))
		}
		for _, r := range op.Routes {
			// a route answering otherwise, documented without an example:
			// {Patterns: []string{"/v1.0/me/mailboxSettings/dateFormat"}}
			if p := "/" + op.Version + r.Pattern; r.Response != nil && !served[p] {
				values = append(values, jen.Values(jen.Dict{jen.Id("Patterns"): stringsValue([]string{p})}))
				served[p] = true
			}
		}
		f.Comment(examplesVar(op) + " are the documented responses of " + op.ID + ".")
		f.Var().Id(examplesVar(op)).Op("=").Index().Add(tt("Example")).Values(values...)
	}
}

// examplesVar names the example list of an operation.
func examplesVar(op *ir.Operation) string {
	return "examples" + op.GoName
}

// ownPatterns are the patterns of the routes with their own response
// (see ir.Route.Response) that an example answers: the route its request
// path fits and those ending in the same segment with the same response
// (/me/... and /users/{id}/... of one property); none when the example
// answers like its operation.
func ownPatterns(op *ir.Operation, e ir.Example) []string {
	if e.Request == nil {
		return nil
	}
	path := (&url.URL{Path: "/" + op.Version + e.Request.Path}).EscapedPath()
	for _, r := range op.Routes {
		if _, ok := graphtest.MatchPattern("/"+op.Version+r.Pattern, path); !ok {
			continue
		}
		if r.Response == nil {
			return nil
		}
		var patterns []string
		for _, other := range op.Routes {
			if other.Response != nil && *other.Response == *r.Response && lastSegment(other.Path) == lastSegment(r.Path) {
				patterns = append(patterns, "/"+op.Version+other.Pattern)
			}
		}
		return patterns
	}
	return nil
}

// lastSegment is what follows the last "/" of a path.
func lastSegment(path string) string {
	return path[strings.LastIndexByte(path, '/')+1:]
}

// exampleValue emits one graphtest.Example, with the patterns of the routes
// it alone answers, if any.
func exampleValue(version string, e ir.Example, patterns []string) jen.Code {
	d := jen.Dict{}
	if len(patterns) > 0 {
		d[jen.Id("Patterns")] = stringsValue(patterns)
	}
	if e.Request != nil {
		d[jen.Id("Path")] = jen.Lit("/" + version + e.Request.Path)
		if e.Request.Query != "" {
			d[jen.Id("Query")] = jen.Lit(e.Request.Query)
		}
	}
	if hs := responseHeaders(e.Response.Headers); len(hs) > 0 {
		var lits []jen.Code
		for _, h := range hs {
			lits = append(lits, jen.Lit(h))
		}
		d[jen.Id("Header")] = jen.Index().String().Values(lits...)
	}
	if e.Response.Body != "" {
		d[jen.Id("Body")] = jen.Lit(e.Response.Body)
	}
	return jen.Values(d)
}

// responseHeaders drops the documented headers that describe the
// documented bytes rather than the response (Content-Length).
func responseHeaders(pairs []string) []string {
	var out []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.EqualFold(pairs[i], "Content-Length") {
			out = append(out, pairs[i], pairs[i+1])
		}
	}
	return out
}
