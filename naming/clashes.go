package naming

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

// routeRef is one route of one operation.
type routeRef struct {
	op *ir.Operation
	r  *ir.Route
}

// call is what a route asks of Graph: method, version and path shape.
func (x routeRef) call() string {
	return x.op.Method + " /" + x.op.Version + parser.Shape(x.r.Path)
}

// byName groups the routes of ops by package and client method name (the
// Page and pager names included), each group in a stable order.
func byName(ops []*ir.Operation) map[string][]routeRef {
	groups := map[string][]routeRef{}
	for _, op := range ops {
		for _, r := range op.Routes {
			x := routeRef{op, r}
			for _, name := range []string{r.GoName, r.PageGoName} {
				if name != "" {
					groups[op.Package+"."+name] = append(groups[op.Package+"."+name], x)
				}
			}
		}
	}
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool { return g[i].before(g[j]) })
	}
	return groups
}

// before orders routes by version, page, operation and position.
func (x routeRef) before(y routeRef) bool {
	a, b := x.op, y.op
	if a.Version != b.Version {
		return a.Version > b.Version // v1.0 before beta
	}
	if a.Page != b.Page {
		return a.Page < b.Page
	}
	if a.ID != b.ID {
		return a.ID < b.ID
	}
	return x.r.Path < y.r.Path
}

// routeClashes qualifies the methods of one package that got the same
// name for different calls (two paths the rule reads alike): each adds By
// and its parameters' names (With and its query string's words for a
// path documented with one), then the page's name, then a number. Two
// routes of the same call keep their name: they are one method, and Own
// decides which page's route it is.
func routeClashes(ops []*ir.Operation) {
	for round := 0; round < 2; round++ {
		groups := byName(ops)
		keys := make([]string, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			g := groups[k]
			if oneCall(g) {
				continue
			}
			keep := g[0].call()
			if k := slices.IndexFunc(g, func(x routeRef) bool { return x.r.Query == "" }); k >= 0 {
				keep = g[k].call() // a path documented with a query string yields to one without
			}
			for _, x := range g {
				if x.r.GoName != strings.TrimPrefix(k, x.op.Package+".") || x.call() == keep {
					continue // renamed with its method if it clashes by its pager name; the call that keeps the name
				}
				more := withQuery(x.r)
				if more == "" {
					more = byParams(x.r)
				}
				if round == 1 || more == "" {
					more = Exported(Words(strings.TrimSuffix(pageBase(x.op.Page), ".md")))
				}
				renameRoute(x.op, x.r, x.r.GoName+more)
			}
		}
	}
	for _, g := range byName(ops) { // still alike (two trees' pages of one name): numbered in order
		if !oneCall(g) {
			for n, x := range g[1:] {
				renameRoute(x.op, x.r, x.r.GoName+strconv.Itoa(n+2))
			}
		}
	}
}

// oneCall reports whether every route of g makes the same call.
func oneCall(g []routeRef) bool {
	for _, x := range g[1:] {
		if x.call() != g[0].call() {
			return false
		}
	}
	return true
}

// byParams is By and the Go names of r's path parameters, "" without.
func byParams(r *ir.Route) string {
	var ws []string
	for _, p := range r.Params {
		ws = append(ws, Words(p.GoName)...)
	}
	if len(ws) == 0 {
		return ""
	}
	return "By" + Exported(ws)
}

// renameRoute gives r a new method name, its pager names and, if it was
// the operation's own, the operation too.
func renameRoute(op *ir.Operation, r *ir.Route, name string) {
	if op.GoName == r.GoName {
		op.GoName = name
	}
	r.GoName = name
	if r.PageGoName != "" {
		r.PageGoName = name + "Page"
	}
}

// sameCalls marks, once Own has decided who serves each route, the routes
// whose method is another route's of the same package and call (the docs
// document the call twice): the served route keeps the method, else the
// first by version and page; the others get SameAs, and no method of their
// own. An operation left without a method of its own gets SameAs too (it
// generates nothing); one whose own method went to another takes the name
// of its first remaining method, so that operation names stay unique in
// their package (the mock's handler, the request struct).
func sameCalls(ops []*ir.Operation) {
	for _, op := range ops {
		op.SameAs = ""
		for _, r := range op.Routes {
			r.SameAs = ""
		}
	}
	for _, g := range byName(ops) {
		if len(g) < 2 || !oneCall(g) {
			continue
		}
		keep := 0
		for i, x := range g {
			if x.r.ShadowedBy == "" {
				keep = i
				break
			}
		}
		for i, x := range g {
			if i != keep && x.op != g[keep].op {
				x.r.SameAs = g[keep].op.Page
			}
		}
	}
	for _, op := range ops {
		if len(op.Routes) == 0 {
			continue
		}
		op.Primary = min(op.Primary, len(op.Routes)-1)
		own := op.Primary
		if op.Routes[own].SameAs != "" {
			if i := slices.IndexFunc(op.Routes, func(r *ir.Route) bool { return r.SameAs == "" }); i >= 0 {
				own = i
			} else {
				op.SameAs = op.Routes[own].SameAs // every call of op is another's
			}
		}
		renameOperation(op, op.Routes[own].GoName)
	}
}

// renameOperation renames op and its request struct.
func renameOperation(op *ir.Operation, name string) {
	if b := &op.RequestBody; b.GoName != "" {
		b.GoName = name + strings.TrimPrefix(b.GoName, op.GoName)
	}
	op.GoName = name
}
