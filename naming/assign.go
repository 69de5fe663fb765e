package naming

import (
	"fmt"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// Assign computes every Go name of api in one pass over the whole set:
// operation names, client method names, path parameter names and mock
// patterns. Clashes are resolved for the set at once and independently of
// input order; a clash that cannot be resolved is reported as an error.
//
// The rule, documented in the README:
//   - An operation is named after its page id, each word cased the way the
//     page's own paths spell it: user-get → UserGet,
//     vpptoken-synclicensecounts → VppTokenSyncLicenseCounts.
//   - Operations with the same name in different versions: the beta one
//     gets the suffix Beta. Still equal (the same page in two docs trees):
//     each gets the name of the first directory where their pages differ.
//   - An operation with one path has one client method with its name; with
//     several, each method adds the path's own segments that are not in
//     every path of the operation (UserGet + Me → UserGetMe), then, if
//     still equal, "By" and its parameter names.
func Assign(api *ir.API) []ir.Diagnostic {
	var diags []ir.Diagnostic
	dicts := pageDictionaries(api.Operations)
	for _, op := range api.Operations {
		op.GoName = operationName(op, dicts[op.Page])
		for _, r := range op.Routes {
			nameParams(r)
		}
	}
	diags = append(diags, disambiguate(api.Operations)...)
	for _, op := range api.Operations {
		routeNames(op)
	}
	diags = append(diags, checkUnique(api.Operations)...)
	assignPackages(api.Operations)
	diags = append(diags, assignTypes(api.Types)...)
	assignBodies(api.Operations, api.Types)
	return diags
}

// pageDictionaries learns, per page, how its paths spell words; all
// operations of a page (one per method) share it, so they are cased alike.
func pageDictionaries(ops []*ir.Operation) map[string]*dictionary {
	dicts := map[string]*dictionary{}
	for _, op := range ops {
		d, ok := dicts[op.Page]
		if !ok {
			d = newDictionary()
			dicts[op.Page] = d
		}
		for _, r := range op.Routes {
			for _, seg := range literalSegments(r.Path) {
				d.add(seg)
			}
		}
	}
	return dicts
}

// operationName recases the page id's words with the spellings found in the
// page's paths.
func operationName(op *ir.Operation, dict *dictionary) string {
	var words []string
	for _, part := range Words(op.ID) { // letters and digits only: "+" or "a.b" is no Go name
		words = append(words, dict.split(part)...)
	}
	name := Exported(words)
	if name == "" || !(name[0] >= 'A' && name[0] <= 'Z') {
		name = "Op" + name // "Op1stGet"; a page id without letters or digits ("+") gives "Op"
	}
	return name
}

// disambiguate gives operations that share a name distinct names: the
// version first, then the directory their pages differ in.
func disambiguate(ops []*ir.Operation) []ir.Diagnostic {
	for _, group := range clashes(ops) {
		versions := map[string]bool{}
		for _, op := range group {
			versions[op.Version] = true
		}
		if len(versions) > 1 {
			for _, op := range group {
				if op.Version != "v1.0" {
					op.GoName += Exported(Words(op.Version))
				}
			}
		}
	}
	for _, group := range clashes(ops) {
		for _, op := range group {
			op.GoName += Exported(Words(distinctDir(op, group)))
		}
	}
	var diags []ir.Diagnostic
	for _, group := range clashes(ops) {
		for _, op := range group {
			diags = append(diags, ir.Diagnostic{Pos: op.Source, Severity: ir.Error,
				Message: fmt.Sprintf("cannot give operation %s a unique Go name: %s is also the name of %s; rename one of the pages", op.ID, op.GoName, others(op, group))})
		}
	}
	return diags
}

// clashes returns the groups of operations sharing a GoName, in a stable
// order.
func clashes(ops []*ir.Operation) [][]*ir.Operation {
	by := map[string][]*ir.Operation{}
	for _, op := range ops {
		by[op.GoName] = append(by[op.GoName], op)
	}
	var names []string
	for n, g := range by {
		if len(g) > 1 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var out [][]*ir.Operation
	for _, n := range names {
		out = append(out, by[n])
	}
	return out
}

// distinctDir returns the first directory of op's page that differs from
// the pages of the others in group ("en-2021" vs "pt-BR-2023").
func distinctDir(op *ir.Operation, group []*ir.Operation) string {
	mine := strings.Split(op.Page, "/")
	for i := 0; i < len(mine)-1; i++ {
		for _, other := range group {
			theirs := strings.Split(other.Page, "/")
			if other != op && (i >= len(theirs)-1 || theirs[i] != mine[i]) {
				return mine[i]
			}
		}
	}
	return ""
}

// others lists the pages of the other operations of a group.
func others(op *ir.Operation, group []*ir.Operation) string {
	var pages []string
	for _, o := range group {
		if o != op {
			pages = append(pages, o.Page)
		}
	}
	return strings.Join(pages, ", ")
}

// checkUnique reports client method names used twice (an operation name
// plus a path suffix can equal another operation's method).
func checkUnique(ops []*ir.Operation) []ir.Diagnostic {
	seen := map[string]*ir.Operation{}
	var diags []ir.Diagnostic
	for _, op := range ops {
		for _, r := range op.Routes {
			for _, name := range []string{r.GoName, r.PageGoName} {
				if name == "" {
					continue
				}
				if first, ok := seen[name]; ok && first != op {
					diags = append(diags, ir.Diagnostic{Pos: op.Source, Severity: ir.Error,
						Message: fmt.Sprintf("client method %s of %s has the same name as a method of %s; rename one of the pages", name, op.ID, first.Page)})
					continue
				}
				seen[name] = op
			}
		}
	}
	return diags
}
