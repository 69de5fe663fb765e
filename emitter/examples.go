package emitter

import (
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphgen-dev/graphgen/ir"
)

// examplesFile emits one []graphrt.Example per operation: the documented
// responses, keyed by the path and query of their documented request.
func examplesFile(f *jen.File, ops []*ir.Operation) {
	for _, op := range ops {
		// var examplesUserGet = []graphrt.Example{{Path: "/v1.0/me", Header: []string{...}, Body: "{...}"}}
		var values []jen.Code
		for _, e := range op.Examples {
			if e.Response != nil {
				values = append(values, exampleValue(op.Version, e))
			}
		}
		f.Comment(examplesVar(op) + " are the documented responses of " + op.ID + ".")
		f.Var().Id(examplesVar(op)).Op("=").Index().Add(rt("Example")).Values(values...)
	}
}

// examplesVar names the example list of an operation.
func examplesVar(op *ir.Operation) string {
	return "examples" + op.GoName
}

// exampleValue emits one graphrt.Example.
func exampleValue(version string, e ir.Example) jen.Code {
	d := jen.Dict{}
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
