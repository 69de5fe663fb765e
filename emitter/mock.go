package emitter

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen-dev/graphgen/ir"
)

// notChecked are documented headers the mock does not require on their
// own: Authorization is always checked, Content-Type by the body rule.
var notChecked = map[string]bool{"Authorization": true, "Content-Type": true, "Accept": true, "Content-Length": true}

// routeValue emits the graphtest.Route of one route.
func routeValue(op *ir.Operation, r *ir.Route, types models) jen.Code {
	d := jen.Dict{
		jen.Id("Operation"): jen.Lit(op.ID),
		jen.Id("Method"):    jen.Lit(op.Method),
		jen.Id("Pattern"):   jen.Lit("/" + op.Version + r.Pattern),
		jen.Id("Body"):      tt(bodyRule(op.RequestBody)),
	}
	if len(r.QueryParams) > 0 {
		var names []jen.Code
		for _, q := range r.QueryParams {
			names = append(names, jen.Lit(q.Name))
		}
		d[jen.Id("Query")] = jen.Index().String().Values(names...)
	}
	if hs := requiredHeaders(op.Headers); len(hs) > 0 {
		var lits []jen.Code
		for _, h := range hs {
			lits = append(lits, jen.Lit(h))
		}
		d[jen.Id("Headers")] = jen.Index().String().Values(lits...)
	}
	perms := op.Permissions.PermissionSet
	if r.Permissions != nil {
		perms = *r.Permissions
	}
	if p := permissionsValue(perms); p != nil {
		d[jen.Id("Permissions")] = p
	}
	if c := bodyCheck(op, types); c != nil {
		d[jen.Id("Check")] = c
	}
	return tt("Route").Values(d)
}

// permissionsValue emits &graphtest.Permissions{...}, nil when the docs
// document none.
func permissionsValue(p ir.PermissionSet) jen.Code {
	d := jen.Dict{}
	for _, f := range []struct {
		field string
		names []string
	}{
		{"DelegatedWork", p.DelegatedWork}, {"DelegatedPersonal", p.DelegatedPersonal},
		{"Application", p.Application}, {"NotSupported", p.NotSupported},
	} {
		if len(f.names) > 0 {
			d[jen.Id(f.field)] = stringsValue(f.names)
		}
	}
	if len(d) == 0 {
		return nil
	}
	return jen.Op("&").Add(tt("Permissions")).Values(d)
}

// stringsValue emits []string{"a", "b"}.
func stringsValue(list []string) jen.Code {
	var lits []jen.Code
	for _, s := range list {
		lits = append(lits, jen.Lit(s))
	}
	return jen.Index().String().Values(lits...)
}

// bodyCheck emits graphtest.CheckJSON[T](required...) for a parameter-table
// body, graphtest.CheckTypes[T]() for a resource body, graphtest.CheckRef()
// for a reference.
func bodyCheck(op *ir.Operation, types models) jen.Code {
	b := op.RequestBody
	if b.GoName != "" {
		var required []jen.Code
		for _, p := range b.Params {
			if p.Required {
				required = append(required, jen.Lit(p.Name))
			}
		}
		return tt("CheckJSON").Types(requestRef(op, types)).Call(required...)
	}
	if b.Kind == ir.KindReference {
		return tt("CheckRef").Call()
	}
	if t, ok := types.lookup(b.Type); ok && t.Kind == ir.TypeObject && b.Kind == ir.KindObject {
		return tt("CheckTypes").Types(types.ref(t)).Call()
	}
	return nil
}

// bodyRule maps the documented request body to the mock's rule; a
// parameter table without required parameters allows an empty body.
func bodyRule(b ir.RequestBody) string {
	switch b.Kind {
	case ir.KindNone:
		return "BodyNone"
	case ir.KindBinary:
		return "BodyBinary"
	case ir.KindParameters:
		for _, p := range b.Params {
			if p.Required {
				return "BodyJSON"
			}
		}
		return "BodyOptional"
	}
	return "BodyJSON"
}

// requiredHeaders lists the documented required headers the mock checks.
func requiredHeaders(hs []ir.Header) []string {
	var out []string
	for _, h := range hs {
		if h.Required && !notChecked[h.Name] && !slices.Contains(out, h.Name) {
			out = append(out, h.Name)
		}
	}
	return out
}

// handlerParams are (w http.ResponseWriter, r *http.Request).
func handlerParams() []jen.Code {
	return []jen.Code{jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")}
}

// handlerDoc is the comment above an interface method.
func handlerDoc(op *ir.Operation) *jen.Statement {
	var paths []string
	for _, r := range op.Routes {
		paths = append(paths, "/"+op.Version+r.Path)
	}
	return comments(docLines(op.GoName + " answers " + op.Method + " " + strings.Join(paths, ", ") + " (" + op.ID + ")."))
}

func itoa(n int) string { return strconv.Itoa(n) }
