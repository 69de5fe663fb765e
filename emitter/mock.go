package emitter

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// notChecked are documented headers the mock does not require on their
// own: Authorization is always checked, Content-Type by the body rule.
var notChecked = map[string]bool{"Authorization": true, "Content-Type": true, "Accept": true, "Content-Length": true}

// bodyRuleNames are the graphtest identifiers of the body rules.
var bodyRuleNames = map[graphtest.BodyRule]string{
	graphtest.BodyNone: "BodyNone", graphtest.BodyJSON: "BodyJSON",
	graphtest.BodyBinary: "BodyBinary", graphtest.BodyOptional: "BodyOptional",
}

// routeValue emits the graphtest.Route of a mock route: its Route, and the
// Check its BodyCheck names.
func routeValue(mr MockRoute, types models) jen.Code {
	rt := mr.Route
	// graphtest.Route{Body: graphtest.BodyNone, Method: "GET", Operation: "user-get", Pattern: "/v1.0/me", ...}
	d := jen.Dict{
		jen.Id("Operation"): jen.Lit(rt.Operation),
		jen.Id("Method"):    jen.Lit(rt.Method),
		jen.Id("Pattern"):   jen.Lit(rt.Pattern),
		jen.Id("Body"):      tt(bodyRuleNames[rt.Body]),
	}
	if len(rt.Query) > 0 {
		d[jen.Id("Query")] = stringsValue(rt.Query)
	}
	if len(rt.Headers) > 0 {
		d[jen.Id("Headers")] = stringsValue(rt.Headers)
	}
	if p := permissionsValue(rt.Permissions); p != nil {
		d[jen.Id("Permissions")] = p
	}
	if c := bodyCheck(mr, types); c != nil {
		d[jen.Id("Check")] = c
	}
	emulationFields(d, rt)
	return tt("Route").Values(d)
}

// emulationFields adds what an Emulator needs of rt, when it emulates it:
// Emulate: graphtest.Create, Status: 201, Entity: "microsoft.graph.user",
// Stamps: []string{"createdDateTime"}.
func emulationFields(d jen.Dict, rt graphtest.Route) {
	if rt.Emulate == graphtest.Canned {
		return
	}
	name := rt.Emulate.String()
	d[jen.Id("Emulate")] = tt(strings.ToUpper(name[:1]) + name[1:])
	if rt.Status != 0 {
		d[jen.Id("Status")] = jen.Lit(rt.Status)
	}
	if rt.Entity != "" {
		d[jen.Id("Entity")] = jen.Lit(rt.Entity)
	}
	if len(rt.Stamps) > 0 {
		d[jen.Id("Stamps")] = stringsValue(rt.Stamps)
	}
}

// permissionsValue emits &graphtest.Permissions{...}, nil for nil.
func permissionsValue(p *graphtest.Permissions) jen.Code {
	if p == nil {
		return nil
	}
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

// bodyCheck emits the Check of mr.BodyCheck: graphtest.CheckJSON[T](required...)
// for a parameter table, graphtest.CheckTypes[T]() for a resource whose
// model is documented, graphtest.CheckRef() for a reference; nil for none.
func bodyCheck(mr MockRoute, types models) jen.Code {
	switch mr.BodyCheck {
	case CheckParameters:
		var required []jen.Code
		for _, name := range mr.Required {
			required = append(required, jen.Lit(name))
		}
		return tt("CheckJSON").Types(requestRef(mr.Operation, types)).Call(required...)
	case CheckReference:
		return tt("CheckRef").Call()
	case CheckResource:
		if t, ok := types.lookup(mr.Operation.RequestBody.Type); ok && t.Kind == ir.TypeObject {
			return tt("CheckTypes").Types(types.ref(t)).Call()
		}
	}
	return nil
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
