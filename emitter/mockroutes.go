package emitter

import (
	"maps"
	"slices"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// What a generated mock serves, as data: the routes its Register functions
// register and the examples its DocsHandler answers with. The mock's
// jennifer code renders these values (routeValue, examplesFile), and
// "graphgen serve" registers them at run time, so that the two cannot
// serve different things.

// MockRoute is one route that a generated mock registers.
type MockRoute struct {
	// Area is the package whose mock registers the route ("user": its
	// <area>mock.Register).
	Area string
	// Handler is the method of the area's mock Handler that answers the
	// route: the operation's GoName.
	Handler string
	// Route is the graphtest.Route the mock registers, but for Check, which
	// needs the generated request and model types: see BodyCheck.
	Route graphtest.Route
	// BodyCheck is the check of a JSON body beyond its syntax that the
	// generated mock sets as Route.Check.
	BodyCheck BodyCheck
	// Required are the required members of a parameter-table body
	// (BodyCheck CheckParameters), as the docs name them.
	Required []string
	// Status and Examples are what DocsHandler answers with:
	// graphtest.ServeExample(w, r, Status, Examples...). Examples are the
	// operation's, shared by its routes.
	Status   int
	Examples []graphtest.Example
	// Page is the page that documents the route and Source its request
	// line (file:line:col), both relative to the page's docs tree.
	Page, Source string
	// Operation and IR are the operation and route of the IR this value was
	// made from, for what serves the route otherwise (the emulator).
	Operation *ir.Operation
	IR        *ir.Route
}

// BodyCheck names the check a mock route makes of a JSON request body
// beyond its syntax.
type BodyCheck int

const (
	// CheckSyntax checks nothing beyond the Route's BodyRule.
	CheckSyntax BodyCheck = iota
	// CheckParameters is a parameter table's: the members the table
	// declares, of their types, the Required ones present
	// (graphtest.CheckJSON of the request struct).
	CheckParameters
	// CheckReference is a $ref body's: {"@odata.id": "..."} (graphtest.CheckRef).
	CheckReference
	// CheckResource is a resource's: the members its model declares have
	// their types (graphtest.CheckTypes of the model), when the docs
	// document the model.
	CheckResource
)

// MockRoutes returns every route that the mock generated from api
// registers, in the order its root NewMock registers them (area by area,
// in the order of their names, then operation and route as documented):
// the routes of the operations that generate code, but those shadowed by
// another operation's (naming rule 6).
func MockRoutes(api *ir.API) []MockRoute {
	areas := map[string][]*ir.Operation{}
	for _, op := range ownCalls(api.Operations) {
		areas[op.Package] = append(areas[op.Package], op)
	}
	var out []MockRoute
	for _, area := range slices.Sorted(maps.Keys(areas)) {
		for _, op := range areas[area] {
			out = append(out, opMockRoutes(op)...)
		}
	}
	return out
}

// opMockRoutes returns the routes of op that its area's mock registers.
func opMockRoutes(op *ir.Operation) []MockRoute {
	var out []MockRoute
	examples := mockExamples(op)
	for _, r := range op.Routes {
		if r.ShadowedBy != "" {
			continue
		}
		mr := mockRoute(op, r)
		mr.Examples = examples
		out = append(out, mr)
	}
	return out
}

// mockRoute is the MockRoute of route r of op, without its examples.
func mockRoute(op *ir.Operation, r *ir.Route) MockRoute {
	rt := graphtest.Route{
		Operation: op.ID,
		Method:    op.Method,
		Pattern:   "/" + op.Version + r.Pattern,
		Body:      bodyRule(op.RequestBody),
		Headers:   requiredHeaders(op.Headers),
	}
	for _, q := range r.QueryParams {
		rt.Query = append(rt.Query, q.Name)
	}
	perms := op.Permissions.PermissionSet
	if r.Permissions != nil {
		perms = *r.Permissions
	}
	rt.Permissions = permissionsOf(perms)
	emulation(&rt, op, r)
	return MockRoute{
		Area: op.Package, Handler: op.GoName, Route: rt,
		BodyCheck: bodyCheckOf(op.RequestBody), Required: requiredParams(op.RequestBody),
		Status: op.Response.Status, Page: op.Page, Source: r.Source,
		Operation: op, IR: r,
	}
}

// permissionsOf is the mock's form of documented permissions, nil when the
// docs document none.
func permissionsOf(p ir.PermissionSet) *graphtest.Permissions {
	if len(p.DelegatedWork)+len(p.DelegatedPersonal)+len(p.Application)+len(p.NotSupported) == 0 {
		return nil
	}
	return &graphtest.Permissions{
		DelegatedWork: nonEmpty(p.DelegatedWork), DelegatedPersonal: nonEmpty(p.DelegatedPersonal),
		Application: nonEmpty(p.Application), NotSupported: nonEmpty(p.NotSupported),
	}
}

// nonEmpty is list, or nil when it is empty: a generated mock leaves an
// empty list out.
func nonEmpty(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	return list
}

// bodyCheckOf is the check of a documented request body.
func bodyCheckOf(b ir.RequestBody) BodyCheck {
	switch {
	case b.GoName != "":
		return CheckParameters
	case b.Kind == ir.KindReference:
		return CheckReference
	case b.Kind == ir.KindObject:
		return CheckResource
	}
	return CheckSyntax
}

// requiredParams are the names of the required parameters of a
// parameter-table body.
func requiredParams(b ir.RequestBody) []string {
	if b.GoName == "" {
		return nil
	}
	var out []string
	for _, p := range b.Params {
		if p.Required {
			out = append(out, p.Name)
		}
	}
	return out
}

// bodyRule maps the documented request body to the mock's rule; a
// parameter table without required parameters allows an empty body.
func bodyRule(b ir.RequestBody) graphtest.BodyRule {
	switch b.Kind {
	case ir.KindNone:
		return graphtest.BodyNone
	case ir.KindBinary:
		return graphtest.BodyBinary
	case ir.KindParameters:
		for _, p := range b.Params {
			if p.Required {
				return graphtest.BodyJSON
			}
		}
		return graphtest.BodyOptional
	}
	return graphtest.BodyJSON
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

// emulation sets how an Emulator answers r (see ir.Route.Emulate): its
// behaviour, the documented success status, the stored type and its
// timestamps; nothing for a route the docs' example answers.
func emulation(rt *graphtest.Route, op *ir.Operation, r *ir.Route) {
	b, ok := graphtest.ParseBehavior(r.Emulate)
	if !ok || b == graphtest.Canned {
		return
	}
	rt.Emulate, rt.Entity, rt.Stamps = b, r.Entity, r.Stamps
	rt.Status = op.Response.Status
	if r.Response != nil {
		rt.Status = r.Response.Status
	}
}
