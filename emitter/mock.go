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

// mockFile emits the Handler interface, DocsHandler and NewMock.
func mockFile(f *jen.File, api *ir.API) {
	ops := api.Operations
	// type Handler interface { UserGet(w http.ResponseWriter, r *http.Request); ... }
	f.Comment("Handler answers the operations of the mock server, one method per")
	f.Comment("operation. The server has already checked method, path, Authorization,")
	f.Comment("required headers and the body rule; path parameters are in r.PathValue.")
	f.Comment("Embed DocsHandler and override the operations a test cares about.")
	var methods []jen.Code
	for _, op := range ops {
		methods = append(methods, handlerDoc(op).Id(op.GoName).Params(handlerParams()...))
	}
	f.Type().Id("Handler").Interface(methods...)

	// type DocsHandler struct{}
	f.Comment("DocsHandler answers every operation with its documented success status")
	f.Comment("and the documented example response that best fits the request.")
	f.Type().Id("DocsHandler").Struct()
	f.Var().Id("_").Id("Handler").Op("=").Id("DocsHandler").Values()
	for _, op := range ops {
		// func (DocsHandler) UserGet(w http.ResponseWriter, r *http.Request) { graphrt.ServeExample(w, r, 200, examplesUserGet...) }
		f.Comment(op.GoName + " answers " + strconv.Itoa(op.Response.Status) + " with the documented example of " + op.ID + ".")
		f.Func().Params(jen.Id("DocsHandler")).Id(op.GoName).Params(handlerParams()...).Block(
			rt("ServeExample").Call(jen.Id("w"), jen.Id("r"), jen.Lit(op.Response.Status), jen.Id(examplesVar(op)).Op("...")),
		)
	}
	newMock(f, ops, modelIndex(api.Types))
}

// newMock emits NewMock, registering every route that is not shadowed:
//
//	func NewMock(h Handler) *graphrt.Mux {
//		m := graphrt.NewMux()
//		m.Handle(graphrt.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/me", Body: graphrt.BodyNone}, h.UserGet)
//		return m
//	}
func newMock(f *jen.File, ops []*ir.Operation, types map[string]models) {
	stmts := []jen.Code{jen.Id("m").Op(":=").Add(rt("NewMux")).Call()}
	for _, op := range ops {
		for _, r := range op.Routes {
			if r.ShadowedBy != "" {
				stmts = append(stmts, jen.Comment(op.Method+" /"+op.Version+r.Path+" is served by "+r.ShadowedBy+"."))
				continue
			}
			stmts = append(stmts, jen.Id("m").Dot("Handle").Call(routeValue(op, r, types[op.Version]), jen.Id("h").Dot(op.GoName)))
		}
	}
	stmts = append(stmts, jen.Return(jen.Id("m")))
	f.Comment("NewMock returns a mock Microsoft Graph server that checks each request as")
	f.Comment("its page documents and dispatches it to h; NewMock(DocsHandler{}) answers")
	f.Comment("with the documented examples.")
	f.Func().Id("NewMock").Params(jen.Id("h").Id("Handler")).Op("*").Add(rt("Mux")).Block(stmts...)
}

// routeValue emits the graphrt.Route of one route.
func routeValue(op *ir.Operation, r *ir.Route, types models) jen.Code {
	d := jen.Dict{
		jen.Id("Operation"): jen.Lit(op.ID),
		jen.Id("Method"):    jen.Lit(op.Method),
		jen.Id("Pattern"):   jen.Lit("/" + op.Version + r.Pattern),
		jen.Id("Body"):      rt(bodyRule(op.RequestBody)),
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
	if c := bodyCheck(op.RequestBody, types); c != nil {
		d[jen.Id("Check")] = c
	}
	return rt("Route").Values(d)
}

// permissionsValue emits &graphrt.Permissions{...}, nil when the docs
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
	return jen.Op("&").Add(rt("Permissions")).Values(d)
}

// stringsValue emits []string{"a", "b"}.
func stringsValue(list []string) jen.Code {
	var lits []jen.Code
	for _, s := range list {
		lits = append(lits, jen.Lit(s))
	}
	return jen.Index().String().Values(lits...)
}

// bodyCheck emits graphrt.CheckJSON[T](required...) for a parameter-table
// body, graphrt.CheckTypes[T]() for a resource body.
func bodyCheck(b ir.RequestBody, types models) jen.Code {
	if b.GoName != "" {
		var required []jen.Code
		for _, p := range b.Params {
			if p.Required {
				required = append(required, jen.Lit(p.Name))
			}
		}
		return rt("CheckJSON").Types(jen.Id(b.GoName)).Call(required...)
	}
	if t, ok := types[b.Type]; ok && t.Kind == ir.TypeObject && b.Kind == ir.KindObject {
		return rt("CheckTypes").Types(jen.Id(t.GoName)).Call()
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
