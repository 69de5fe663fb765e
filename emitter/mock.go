package emitter

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
)

// notChecked are documented headers the mock does not require on their
// own: Authorization is always checked, Content-Type by the body rule.
var notChecked = map[string]bool{"Authorization": true, "Content-Type": true, "Accept": true, "Content-Length": true}

// bodyRuleNames are the graphtest identifiers of the body rules.
var bodyRuleNames = map[graphtest.BodyRule]string{
	graphtest.BodyNone: "BodyNone", graphtest.BodyJSON: "BodyJSON",
	graphtest.BodyBinary: "BodyBinary", graphtest.BodyOptional: "BodyOptional",
}

// routeValue emits the graphtest.Route of a mock route on one line, its
// fields in the order graphtest declares them: its Route, the Check its
// BodyCheck names, and perms, the variable holding its permissions (see
// permVars). An empty Pattern is left out: the routes of an operation
// that differ only by pattern set it in a loop (see opRegistrations).
func routeValue(mr MockRoute, types models, perms string) jen.Code {
	rt := mr.Route
	// graphtest.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/me", Body: graphtest.BodyNone, Permissions: permsGet, ...}
	fields := []jen.Code{field("Operation", jen.Lit(rt.Operation)), field("Method", jen.Lit(rt.Method))}
	if rt.Pattern != "" {
		fields = append(fields, field("Pattern", jen.Lit(rt.Pattern)))
	}
	fields = append(fields, field("Body", tt(bodyRuleNames[rt.Body])))
	if len(rt.Headers) > 0 {
		fields = append(fields, field("Headers", stringsValue(rt.Headers)))
	}
	if len(rt.Query) > 0 {
		fields = append(fields, field("Query", stringsValue(rt.Query)))
	}
	if perms != "" {
		fields = append(fields, field("Permissions", jen.Id(perms)))
	}
	if c := bodyCheck(mr, types); c != nil {
		fields = append(fields, field("Check", c))
	}
	return tt("Route").Values(append(fields, emulationFields(rt)...)...)
}

// field emits name: value, one element of a keyed composite literal.
func field(name string, value jen.Code) jen.Code {
	return jen.Id(name).Op(":").Add(value)
}

// emulationFields are what an Emulator needs of rt, when it emulates it:
// Emulate: graphtest.Create, Status: 201, Entity: "microsoft.graph.user",
// Stamps: []string{"createdDateTime"}.
func emulationFields(rt graphtest.Route) []jen.Code {
	if rt.Emulate == graphtest.Canned {
		return nil
	}
	name := rt.Emulate.String()
	fields := []jen.Code{field("Emulate", tt(strings.ToUpper(name[:1])+name[1:]))}
	if rt.Status != 0 {
		fields = append(fields, field("Status", jen.Lit(rt.Status)))
	}
	if rt.Entity != "" {
		fields = append(fields, field("Entity", jen.Lit(rt.Entity)))
	}
	if len(rt.Stamps) > 0 {
		fields = append(fields, field("Stamps", stringsValue(rt.Stamps)))
	}
	return fields
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

// permVars are the distinct permission sets of an area's routes, each
// declared once as a package-level variable that every route with that set
// refers to: operations of an area often share their permissions, and an
// operation's routes nearly always do.
type permVars struct {
	byKey map[string]*permVar
	vars  []*permVar // in the order of their first route
	scope *naming.Scope
}

// permVar is one permission set and the operations whose routes have it.
type permVar struct {
	name  string
	perms *graphtest.Permissions
	ops   []string
}

// newPermVars returns an empty set of permission variables.
func newPermVars() *permVars {
	return &permVars{byKey: map[string]*permVar{}, scope: naming.NewScope()}
}

// name returns the variable of p, declaring it for op when it is new
// (perms<GoName>, numbered when op has several sets); "" for nil.
func (v *permVars) name(op *ir.Operation, p *graphtest.Permissions) string {
	if p == nil {
		return ""
	}
	key := permKey(p)
	pv, ok := v.byKey[key]
	if !ok {
		pv = &permVar{name: v.scope.Name("perms" + op.GoName), perms: p}
		v.byKey[key] = pv
		v.vars = append(v.vars, pv)
	}
	if !slices.Contains(pv.ops, op.ID) {
		pv.ops = append(pv.ops, op.ID)
	}
	return pv.name
}

// permKey identifies a permission set: its lists, in order, by kind.
func permKey(p *graphtest.Permissions) string {
	var b strings.Builder
	for _, list := range [][]string{p.DelegatedWork, p.DelegatedPersonal, p.Application, p.NotSupported} {
		b.WriteString(strings.Join(list, "\x00"))
		b.WriteString("\x01")
	}
	return b.String()
}

// declare emits the variables, each with the operations it serves.
func (v *permVars) declare(f *jen.File) {
	for _, pv := range v.vars {
		// permsGet are the permissions of user-get, user-list.
		doc := comments(wrap(strings.Fields(pv.name + " are the documented permissions of " + strings.Join(pv.ops, ", ") + ".")))
		f.Add(doc.Var().Id(pv.name).Op("=").Add(permissionsValue(pv.perms)))
	}
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
