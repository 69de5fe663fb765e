package graphgen

import (
	"path"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
	"github.com/graphgen-dev/graphgen/parser"
)

// Select keeps the operations that match an include pattern (all when
// there is none) and no exclude pattern, and the types they need: their
// request, parameter and response types and, transitively, the types of
// those types' properties and bases. A pattern is a glob (path.Match) over
// the operation id or its page name, or, when it starts with "/", over the
// start of one of its paths ("/users/*" or "/me"). Skipped pages are kept
// when their name matches the same way. Which operation the mock serves
// on a shared route is decided again among the selected operations (its
// warnings were given when the whole set was named).
//
// Diagnostics about the pages left out are removed from api and returned,
// so that a run shows what concerns the code it generates; errors are
// kept, since they stop the run, unless they are about a page that yields
// no operation and was left out (an internal error on a page -exclude names).
func Select(api *ir.API, include, exclude []string) (aside []ir.Diagnostic) {
	ops := api.Operations[:0]
	for _, op := range api.Operations {
		if selected(pageName(op.Page), op.ID, op.Routes, include, exclude) {
			ops = append(ops, op)
		}
	}
	api.Operations = ops
	api.Types = typeClosure(api)
	var skipped []ir.Skip
	for _, s := range api.Skipped {
		if s.Reason == parser.SkipResource || selected(pageName(s.Page), "", nil, include, exclude) {
			skipped = append(skipped, s)
		}
	}
	naming.Own(api.Operations) // among the selected: no selected route is left to an excluded page
	all := api.Skipped
	api.Skipped = skipped
	return splitDiagnostics(api, all)
}

// selected reports whether a page (with its operation id and routes, if
// it has an operation) matches include (all when empty) and not exclude.
func selected(page, id string, routes []*ir.Route, include, exclude []string) bool {
	return (len(include) == 0 || matchesAny(page, id, routes, include)) && !matchesAny(page, id, routes, exclude)
}

// pageName is a page's file name without its folder and .md.
func pageName(p string) string {
	return strings.TrimSuffix(path.Base(p), ".md")
}

// splitDiagnostics keeps in api the diagnostics about the pages of its
// operations, types and skipped pages, and the errors but those about
// skipped pages (all) that are not in api, and returns the others.
func splitDiagnostics(api *ir.API, all []ir.Skip) (aside []ir.Diagnostic) {
	pages := map[string]bool{}
	for _, op := range api.Operations {
		pages[op.Page] = true
	}
	for _, t := range api.Types {
		pages[strings.SplitN(t.Page, "#", 2)[0]] = true
	}
	for _, s := range api.Skipped {
		pages[s.Page] = true
	}
	left := map[string]bool{} // skipped pages the selection left out
	for _, s := range all {
		left[s.Page] = !pages[s.Page]
	}
	kept := api.Diagnostics[:0]
	for _, d := range api.Diagnostics {
		page := DiagnosticPage(d)
		if d.Severity == ir.Error && !left[page] || pages[page] {
			kept = append(kept, d)
		} else {
			aside = append(aside, d)
		}
	}
	api.Diagnostics = kept
	return aside
}

// DiagnosticPage is the page a diagnostic is about: its Page, else the
// file of its position.
func DiagnosticPage(d ir.Diagnostic) string {
	if d.Page != "" {
		return d.Page
	}
	file := d.Pos
	for range 2 { // strip ":col", then ":line"
		if i := strings.LastIndexByte(file, ':'); i >= 0 {
			file = file[:i]
		}
	}
	return file
}

// matchesAny reports whether an operation (its page name, id and routes)
// or a skipped page (id and routes empty) matches one of patterns.
func matchesAny(page, id string, routes []*ir.Route, patterns []string) bool {
	for _, p := range patterns {
		if strings.HasPrefix(p, "/") {
			for _, r := range routes {
				if strings.HasPrefix(r.Path, strings.TrimSuffix(p, "*")) {
					return true
				}
				if ok, _ := path.Match(p, r.Path); ok {
					return true
				}
			}
			continue
		}
		if ok, _ := path.Match(p, id); ok && id != "" {
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
