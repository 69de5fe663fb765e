package naming

import (
	"sort"

	"github.com/graphgen-dev/graphgen/ir"
)

// Descendants maps each type that others derive from (their Base chain
// reaches it, within one version) to those types, transitively, ordered
// by qualified name. Base chains that loop are followed once round.
func Descendants(types []*ir.Type) map[*ir.Type][]*ir.Type {
	byName := map[string]*ir.Type{}
	for _, t := range types {
		byName[t.Version+" "+t.Name] = t
	}
	out := map[*ir.Type][]*ir.Type{}
	for _, t := range types {
		seen := map[*ir.Type]bool{t: true}
		for b := byName[t.Version+" "+t.Base]; b != nil && !seen[b]; b = byName[b.Version+" "+b.Base] {
			seen[b] = true
			out[b] = append(out[b], t)
		}
	}
	for _, ds := range out {
		sort.Slice(ds, func(i, j int) bool { return ds[i].Name < ds[j].Name })
	}
	return out
}

// reserveAccessors adds to used (Go name → JSON name) the methods a model
// with derived types has: Derived and an As<Type> per derived type, which
// no field may share a name with.
func reserveAccessors(used map[string]string, descendants []*ir.Type) {
	if len(descendants) == 0 {
		return
	}
	used["Derived"] = "\x00"
	for _, d := range descendants {
		used["As"+d.GoName] = "\x00"
	}
}
