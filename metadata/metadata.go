// Package metadata reads Microsoft Graph's CSDL metadata and compares it
// with the types the docs describe: the docs are the source of truth, the
// metadata a second opinion.
package metadata

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// Type is a type of the metadata: its kind and member names.
type Type struct {
	Name    string // qualified, e.g. "microsoft.graph.user"
	Kind    string // ir.TypeObject or ir.TypeEnum
	Base    string
	Members []string // properties and navigation properties, or enum members
	// Properties are the structural and navigation properties with their
	// types, in the metadata's order (none for an enumeration).
	Properties []Property
	// Entity marks an entity type (a complex type is an object too).
	Entity bool
	// HasStream marks a media entity type, whose /$value is a stream.
	HasStream bool
}

// Read parses CSDL metadata into types by qualified name (ReadSchema keeps
// the entity container and the bound operations too).
func Read(r io.Reader) (map[string]*Type, error) {
	s, err := ReadSchema(r)
	if err != nil {
		return nil, err
	}
	return s.Types, nil
}

// unalias expands a schema alias ("graph.entity", "self.case") into its
// namespace.
func unalias(name string, aliases map[string]string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		if ns, ok := aliases[name[:i]]; ok {
			return ns + name[i:]
		}
	}
	return name
}

// Diff is what the docs and the metadata disagree on for one version.
type Diff struct {
	DocsOnly     []string     // types the docs have and the metadata lacks
	MetadataOnly []string     // the reverse
	Members      []MemberDiff // types both have, with different members
	Compared     int          // types both have
}

// MemberDiff lists the members of one type found on one side only.
type MemberDiff struct {
	Type         string
	DocsOnly     []string
	MetadataOnly []string
}

// Compare compares the docs' types of version with the metadata. Members
// include the base types' on both sides.
func Compare(api *ir.API, version string, meta map[string]*Type) Diff {
	docs := map[string]*ir.Type{}
	for _, t := range api.Types {
		if t.Version == version {
			docs[t.Name] = t
		}
	}
	var d Diff
	for _, name := range sortedKeys(docs) {
		mt, ok := meta[name]
		if !ok {
			d.DocsOnly = append(d.DocsOnly, name)
			continue
		}
		d.Compared++
		onlyDocs, onlyMeta := setDiff(docMembers(docs[name], docs), metaMembers(mt, meta))
		if len(onlyDocs)+len(onlyMeta) > 0 {
			d.Members = append(d.Members, MemberDiff{Type: name, DocsOnly: onlyDocs, MetadataOnly: onlyMeta})
		}
	}
	for _, name := range sortedKeys(meta) {
		if _, ok := docs[name]; !ok {
			d.MetadataOnly = append(d.MetadataOnly, name)
		}
	}
	return d
}

// docMembers lists a docs type's properties (with its bases') or members.
func docMembers(t *ir.Type, docs map[string]*ir.Type) []string {
	var names []string
	seen := map[string]bool{}
	for cur := t; cur != nil && !seen[cur.Name]; cur = docs[cur.Base] {
		seen[cur.Name] = true
		for _, p := range cur.Properties {
			names = append(names, p.Name)
		}
		for _, m := range cur.Members {
			names = append(names, m.Name)
		}
	}
	return names
}

// metaMembers lists a metadata type's members with its bases'.
func metaMembers(t *Type, meta map[string]*Type) []string {
	var names []string
	seen := map[string]bool{}
	for cur := t; cur != nil && !seen[cur.Name]; cur = meta[cur.Base] {
		seen[cur.Name] = true
		names = append(names, cur.Members...)
	}
	return names
}

// setDiff returns the sorted names only in a and only in b.
func setDiff(a, b []string) (onlyA, onlyB []string) {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, x := range a {
		inA[x] = true
	}
	for _, x := range b {
		inB[x] = true
	}
	for x := range inA {
		if !inB[x] {
			onlyA = append(onlyA, x)
		}
	}
	for x := range inB {
		if !inA[x] {
			onlyB = append(onlyB, x)
		}
	}
	sort.Strings(onlyA)
	sort.Strings(onlyB)
	return onlyA, onlyB
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Print writes the diff: counts, then up to n entries of each list.
func (d Diff) Print(w io.Writer, n int) {
	fmt.Fprintf(w, "%d types in both; %d only in the docs; %d only in the metadata; %d with different members\n",
		d.Compared, len(d.DocsOnly), len(d.MetadataOnly), len(d.Members))
	list := func(title string, items []string) { printList(w, n, title, items) }
	list("only in the docs", d.DocsOnly)
	list("only in the metadata", d.MetadataOnly)
	var members []string
	for _, m := range d.Members {
		members = append(members, fmt.Sprintf("%s: docs only %v; metadata only %v", m.Type, m.DocsOnly, m.MetadataOnly))
	}
	list("different members", members)
}

// printList prints the first n items of a titled list, none when it is
// empty or n is 0.
func printList(w io.Writer, n int, title string, items []string) {
	if len(items) == 0 || n == 0 {
		return
	}
	fmt.Fprintf(w, "%s (first %d of %d):\n", title, min(n, len(items)), len(items))
	for _, it := range items[:min(n, len(items))] {
		fmt.Fprintf(w, "  %s\n", it)
	}
}
