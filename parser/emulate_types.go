package parser

import (
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// entityType is the root type of every entity.
const entityType = "microsoft.graph.entity"

// typeIndex finds the documented types by version and qualified name.
type typeIndex struct {
	byName  map[typeKey]*ir.Type
	derived map[typeKey][]*ir.Type // by base: the types naming it as base
	members map[typeKey]bool       // lower-case property names of any type
}

// typeKey is a name in an API version.
type typeKey struct{ version, name string }

// indexTypes indexes types (resolved: qualified names, qualified bases).
func indexTypes(types []*ir.Type) *typeIndex {
	idx := &typeIndex{byName: make(map[typeKey]*ir.Type, len(types)), derived: map[typeKey][]*ir.Type{}, members: map[typeKey]bool{}}
	for _, t := range types {
		if t.Kind == ir.TypeObject {
			idx.byName[typeKey{t.Version, t.Name}] = t
			for _, p := range t.Properties {
				idx.members[typeKey{t.Version, strings.ToLower(p.Name)}] = true
			}
			if t.Base != "" {
				base := typeKey{t.Version, t.Base}
				idx.derived[base] = append(idx.derived[base], t)
			}
		}
	}
	return idx
}

// get returns the documented object type name of version, nil if none.
func (x *typeIndex) get(version, name string) *ir.Type {
	if name == "" {
		return nil
	}
	return x.byName[typeKey{version, name}]
}

// ancestry calls fn with the type name and each of its documented bases,
// nearest first, until fn returns true; it reports whether one did.
func (x *typeIndex) ancestry(version, name string, fn func(*ir.Type) bool) bool {
	for seen := 0; seen < 32; seen++ { // a cycle of bases ends here
		t := x.get(version, name)
		if t == nil {
			return false
		}
		if fn(t) {
			return true
		}
		name = t.Base
	}
	return false
}

// derives reports whether name is base or derives from it.
func (x *typeIndex) derives(version, name, base string) bool {
	return name == base || x.ancestry(version, name, func(t *ir.Type) bool { return t.Base == base })
}

// entity reports an entity type: one that derives from
// microsoft.graph.entity or documents an id property (its own or a
// base's).
func (x *typeIndex) entity(version, name string) bool {
	return x.ancestry(version, name, func(t *ir.Type) bool {
		return t.Base == entityType || t.Name == entityType || hasProperty(t, "id")
	})
}

// stamped lists the timestamps of createdDateTime and lastModifiedDateTime
// that a type (or a base) documents, in that order.
func (x *typeIndex) stamped(version, name string) []string {
	var out []string
	for _, member := range [...]string{"createdDateTime", "lastModifiedDateTime"} {
		if x.ancestry(version, name, func(t *ir.Type) bool { return hasProperty(t, member) }) {
			out = append(out, member)
		}
	}
	return out
}

// hasProperty reports a property of t named name.
func hasProperty(t *ir.Type, name string) bool {
	for _, p := range t.Properties {
		if p.Name == name {
			return true
		}
	}
	return false
}

// property finds the member name (in any case) of type name: its own or
// a base's, else a derived type's (the docs name those without a cast).
func (x *typeIndex) property(version, name, member string) (ir.Property, bool) {
	var found ir.Property
	ok := x.ancestry(version, name, func(t *ir.Type) bool {
		found, _ = findMember(t, member)
		return found.Name != ""
	})
	if ok {
		return found, true
	}
	queue := x.derived[typeKey{version, name}]
	for seen := 0; len(queue) > 0 && seen < 1024; seen++ {
		t := queue[0]
		queue = append(queue[1:], x.derived[typeKey{version, t.Name}]...)
		if p, ok := findMember(t, member); ok {
			return p, true
		}
	}
	return ir.Property{}, false
}

// findMember finds t's own property named member, in any case.
func findMember(t *ir.Type, member string) (ir.Property, bool) {
	for _, p := range t.Properties {
		if strings.EqualFold(p.Name, member) {
			return p, true
		}
	}
	return ir.Property{}, false
}

// isMember reports a name some documented type of version has a property
// of, in any case.
func (x *typeIndex) isMember(version, name string) bool {
	return x.members[typeKey{version, strings.ToLower(name)}]
}
