package metadata

import (
	"sort"
	"strings"
)

// pathIndex answers the resolver's look-ups without scanning the whole
// schema: names without regard to case, and the types derived from each.
type pathIndex struct {
	types, sets, singletons, operations map[string]string   // lower-case name → name
	children                            map[string][]string // type → the types whose base it is, sorted
	namespaces                          map[string]bool     // the namespaces of the types
}

// index returns the schema's index, built on first use. A Schema is read
// once and then only read, so the index does not go stale.
func (s *Schema) index() *pathIndex {
	s.once.Do(func() {
		s.idx = &pathIndex{
			types:      foldKeys(s.Types),
			sets:       foldKeys(s.EntitySets),
			singletons: foldKeys(s.Singletons),
			operations: foldKeys(s.Operations),
			children:   map[string][]string{},
			namespaces: map[string]bool{},
		}
		for _, name := range sortedKeys(s.Types) {
			s.idx.namespaces[name[:max(0, strings.LastIndexByte(name, '.'))]] = true
			if b := s.Types[name].Base; b != "" {
				s.idx.children[b] = append(s.idx.children[b], name)
			}
		}
	})
	return s.idx
}

// foldKeys maps each lower-cased key of m to the key (the first in sorted
// order when two differ only in case).
func foldKeys[V any](m map[string]V) map[string]string {
	out := make(map[string]string, len(m))
	for _, k := range sortedKeys(m) {
		if _, ok := out[strings.ToLower(k)]; !ok {
			out[strings.ToLower(k)] = k
		}
	}
	return out
}

// fold finds name among the keys of m, exactly or without regard to case
// (folded is foldKeys(m)).
func fold[V any](m map[string]V, folded map[string]string, name string) (string, bool) {
	if _, ok := m[name]; ok {
		return name, true
	}
	k, ok := folded[strings.ToLower(name)]
	return k, ok
}

// descendants lists the types derived from typ, directly or not, sorted by
// name.
func (s *Schema) descendants(typ string) []string {
	var out []string
	seen := map[string]bool{typ: true}
	queue := []string{typ}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, c := range s.index().children[cur] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
				queue = append(queue, c)
			}
		}
	}
	sort.Strings(out)
	return out
}
