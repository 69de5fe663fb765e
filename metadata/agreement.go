package metadata

import (
	"fmt"
	"io"
	"sort"
	"unicode/utf8"

	"github.com/graphgen-dev/graphgen/ir"
)

// Count is how many names of one kind the docs have and how many of them
// the metadata knows.
type Count struct {
	Known, Total int
	Unknown      []string // "type: name" of the names the metadata does not know, sorted
}

// Share is Known/Total, 1 when there is nothing to count.
func (c Count) Share() float64 {
	if c.Total == 0 {
		return 1
	}
	return float64(c.Known) / float64(c.Total)
}

// add counts one name.
func (c *Count) add(known bool, what string) {
	c.Total++
	if known {
		c.Known++
	} else {
		c.Unknown = append(c.Unknown, what)
	}
}

// Agreement measures how many of the docs' wire names the metadata knows:
// type names, property names and enum member names, and the wire names
// that are not ASCII (Graph has none).
type Agreement struct {
	Types, Properties, EnumMembers Count
	NonASCII                       []string // "type: name", sorted
}

// Agree measures the agreement of the docs' types of version with the
// metadata. A property is known when the metadata's type of the same name
// (with its bases and the types derived from it, since the docs sometimes
// document a property one level up or down) has it; a property of a type
// the metadata lacks is known when some metadata type has a member of that
// name. Enum members likewise, against enumerations.
func Agree(api *ir.API, version string, meta map[string]*Type) Agreement {
	idx := newIndex(meta)
	var a Agreement
	for _, t := range api.Types {
		if t.Version != version {
			continue
		}
		mt := meta[t.Name]
		a.Types.add(mt != nil && mt.Kind == t.Kind, t.Name)
		for _, p := range t.Properties {
			a.Properties.add(idx.knowsMember(mt, t.Kind, p.Name), t.Name+": "+p.Name)
			a.nonASCII(t.Name, p.Name)
		}
		for _, m := range t.Members {
			a.EnumMembers.add(idx.knowsMember(mt, t.Kind, m.Name), t.Name+": "+m.Name)
			a.nonASCII(t.Name, m.Name)
		}
	}
	for _, c := range []*Count{&a.Types, &a.Properties, &a.EnumMembers} {
		sort.Strings(c.Unknown)
	}
	sort.Strings(a.NonASCII)
	return a
}

// nonASCII records a wire name with a byte outside ASCII.
func (a *Agreement) nonASCII(typ, name string) {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			a.NonASCII = append(a.NonASCII, typ+": "+name)
			return
		}
	}
}

// index answers which member names the metadata knows.
type index struct {
	meta    map[string]*Type
	derived map[string][]string        // type → types whose base it is
	byKind  map[string]map[string]bool // kind → every member name of that kind
}

// newIndex indexes the metadata's types by base and member names by kind.
func newIndex(meta map[string]*Type) *index {
	idx := &index{meta: meta, derived: map[string][]string{}, byKind: map[string]map[string]bool{}}
	for _, name := range sortedKeys(meta) {
		t := meta[name]
		if t.Base != "" {
			idx.derived[t.Base] = append(idx.derived[t.Base], name)
		}
		if idx.byKind[t.Kind] == nil {
			idx.byKind[t.Kind] = map[string]bool{}
		}
		for _, m := range t.Members {
			idx.byKind[t.Kind][m] = true
		}
	}
	return idx
}

// knowsMember reports whether the metadata knows name as a member of t (or
// of a type of kind anywhere when t is nil or of another kind).
func (idx *index) knowsMember(t *Type, kind, name string) bool {
	if t == nil || t.Kind != kind {
		return idx.byKind[kind][name]
	}
	for _, m := range metaMembers(t, idx.meta) {
		if m == name {
			return true
		}
	}
	return idx.inDerived(t.Name, name, map[string]bool{})
}

// inDerived reports whether a type derived from typ has the member name.
func (idx *index) inDerived(typ, name string, seen map[string]bool) bool {
	for _, d := range idx.derived[typ] {
		if seen[d] {
			continue
		}
		seen[d] = true
		for _, m := range idx.meta[d].Members {
			if m == name {
				return true
			}
		}
		if idx.inDerived(d, name, seen) {
			return true
		}
	}
	return false
}

// Print writes the three shares, the non-ASCII count and up to n unknown
// names of each kind.
func (a Agreement) Print(w io.Writer, n int) {
	fmt.Fprintf(w, "names the metadata knows: types %s; properties %s; enum members %s; %d non-ASCII wire names\n",
		a.Types, a.Properties, a.EnumMembers, len(a.NonASCII))
	printList(w, n, "non-ASCII wire names", a.NonASCII)
	printList(w, n, "type names the metadata lacks", a.Types.Unknown)
	printList(w, n, "property names the metadata lacks", a.Properties.Unknown)
	printList(w, n, "enum members the metadata lacks", a.EnumMembers.Unknown)
}

// String is "known/total (share%)".
func (c Count) String() string {
	return fmt.Sprintf("%d/%d (%.2f%%)", c.Known, c.Total, 100*c.Share())
}
