package graphgen

import (
	"path"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
)

// Select keeps the operations that match an include pattern (all when
// there is none) and no exclude pattern, and the types they need: their
// request, parameter and response types and, transitively, the types of
// those types' properties and bases. A pattern is a glob (path.Match) over
// the operation id or its page name, or, when it starts with "/", over the
// start of one of its paths ("/users/*" or "/me"). Which operation the mock
// serves on a shared route is decided again among the selected operations
// (its warnings were given when the whole set was named).
func Select(api *ir.API, include, exclude []string) {
	ops := api.Operations[:0]
	for _, op := range api.Operations {
		if (len(include) == 0 || matchesAny(op, include)) && !matchesAny(op, exclude) {
			ops = append(ops, op)
		}
	}
	api.Operations = ops
	api.Types = typeClosure(api)
	naming.Own(api.Operations) // among the selected: no selected route is left to an excluded page
}

// matchesAny reports whether op matches one of patterns.
func matchesAny(op *ir.Operation, patterns []string) bool {
	page := strings.TrimSuffix(path.Base(op.Page), ".md")
	for _, p := range patterns {
		if strings.HasPrefix(p, "/") {
			for _, r := range op.Routes {
				if strings.HasPrefix(r.Path, strings.TrimSuffix(p, "*")) {
					return true
				}
				if ok, _ := path.Match(p, r.Path); ok {
					return true
				}
			}
			continue
		}
		if ok, _ := path.Match(p, op.ID); ok {
			return true
		}
		if ok, _ := path.Match(p, page); ok {
			return true
		}
	}
	return false
}

// typeClosure returns the types the operations of api use, directly or
// through properties and base types, in api's order.
func typeClosure(api *ir.API) []*ir.Type {
	byName := map[string]*ir.Type{}
	for _, t := range api.Types {
		byName[t.Version+" "+t.Name] = t
	}
	need := map[*ir.Type]bool{}
	var visit func(version, name string)
	visit = func(version, name string) {
		t := byName[version+" "+name]
		if t == nil || need[t] {
			return
		}
		need[t] = true
		visit(version, t.Base)
		for _, p := range t.Properties {
			visit(version, p.Type)
		}
	}
	for _, op := range api.Operations {
		visit(op.Version, op.Response.Type)
		visit(op.Version, op.RequestBody.Type)
		for _, p := range op.RequestBody.Params {
			visit(op.Version, p.TypeName)
		}
	}
	out := []*ir.Type{}
	for _, t := range api.Types {
		if need[t] {
			out = append(out, t)
		}
	}
	return out
}
