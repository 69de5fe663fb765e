package emitter

import (
	"net/url"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// examplesFile emits one []graphtest.Example per operation: the documented
// responses, keyed by the path and query of their documented request
// (mockExamples).
func examplesFile(f *jen.File, ops []*ir.Operation) {
	for _, op := range ops {
		// var examplesUserGet = []graphtest.Example{{Path: "/v1.0/me", Header: []string{...}, Body: "{...}"}}
		var values []jen.Code
		for _, ex := range mockExamples(op) {
			values = append(values, exampleCode(ex))
		}
		f.Comment(examplesVar(op) + " are the documented responses of " + op.ID + ".")
		f.Var().Id(examplesVar(op)).Op("=").Index().Add(tt("Example")).Values(values...)
	}
}

// exampleCode emits the fields of ex that are set:
// {Patterns: []string{...}, Path: "...", Query: "...", Header: []string{...}, Body: "..."}.
func exampleCode(ex graphtest.Example) jen.Code {
	d := jen.Dict{}
	if len(ex.Patterns) > 0 {
		d[jen.Id("Patterns")] = stringsValue(ex.Patterns)
	}
	if ex.Path != "" {
		d[jen.Id("Path")] = jen.Lit(ex.Path)
	}
	if ex.Query != "" {
		d[jen.Id("Query")] = jen.Lit(ex.Query)
	}
	if len(ex.Header) > 0 {
		d[jen.Id("Header")] = stringsValue(ex.Header)
	}
	if ex.Body != "" {
		d[jen.Id("Body")] = jen.Lit(ex.Body)
	}
	return jen.Values(d)
}

// mockExamples are the examples a mock's DocsHandler answers op with: its
// documented responses; an empty collection for a collection documented
// without one; and, for each route answering otherwise (a property, a
// /$value) that no example answers, an example of its pattern alone, so
// that it does not answer with the operation's.
func mockExamples(op *ir.Operation) []graphtest.Example {
	var out []graphtest.Example
	served := map[string]bool{}
	for _, e := range op.Examples {
		if e.Response != nil {
			patterns := ownPatterns(op, e)
			for _, p := range patterns {
				served[p] = true
			}
			out = append(out, exampleOf(op.Version, e, patterns))
		}
	}
	if len(out) == 0 && op.Response.Kind == ir.KindCollection && op.Response.Status == 200 {
		// a collection documented without an example answers an empty
		// one, not an empty body that no client could read
		out = append(out, graphtest.Example{Header: []string{"Content-Type", "application/json"}, Body: `{"value":[]}`})
	}
	for _, r := range op.Routes {
		// a route answering otherwise, documented without an example
		if p := "/" + op.Version + r.Pattern; r.Response != nil && !served[p] {
			out = append(out, graphtest.Example{Patterns: []string{p}})
			served[p] = true
		}
	}
	return out
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

// exampleOf is one documented response as a graphtest.Example, with the
// patterns of the routes it alone answers, if any.
func exampleOf(version string, e ir.Example, patterns []string) graphtest.Example {
	ex := graphtest.Example{Patterns: patterns, Header: responseHeaders(e.Response.Headers), Body: e.Response.Body}
	if e.Request != nil {
		ex.Path, ex.Query = "/"+version+e.Request.Path, e.Request.Query
	}
	return ex
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
