package naming

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// packageNames are the root package's own identifiers besides the models,
// which model types must not take (the mocks live in their own packages).
var packageNames = map[string]bool{"Client": true, "New": true, "NewClient": true}

// assignTypes names the types, their properties and enum members, for the
// whole set at once: a type is named after the last part of its qualified
// name (microsoft.graph.user → User); types that share it get the words of
// their namespace (security.alert → SecurityAlert), then the version (Beta)
// when the set has several versions, then their page's name.
func assignTypes(types []*ir.Type) []ir.Diagnostic {
	for _, t := range types {
		t.GoName = Exported(Words(shortName(t.Name)))
	}
	for _, group := range typeClashes(types) {
		for _, t := range group {
			t.GoName = Exported(Words(strings.TrimPrefix(t.Name, "microsoft.graph.")))
		}
	}
	for _, group := range typeClashes(types) {
		for _, t := range group {
			if t.Version != "v1.0" {
				t.GoName += Exported(Words(t.Version))
			}
		}
	}
	for _, group := range typeClashes(types) {
		for _, t := range group {
			// two spellings of one name (DisplayAs, displayAs): the page decides
			t.GoName = Exported(Words(pageBase(t.Page))) + t.GoName
		}
	}
	var diags []ir.Diagnostic
	for _, group := range typeClashes(types) {
		for _, t := range group {
			var pages []string
			for _, o := range group {
				if o != t {
					pages = append(pages, o.Page)
				}
			}
			diags = append(diags, ir.Diagnostic{Pos: t.Source, Severity: ir.Error,
				Message: fmt.Sprintf("cannot give type %s a unique Go name: %s is also the name of the type of %s; rename one of the pages", t.Name, t.GoName, strings.Join(pages, ", "))})
		}
	}
	taken := map[string]bool{}
	for _, t := range types {
		taken[t.GoName] = true
	}
	byName := map[string]*ir.Type{}
	for _, t := range types {
		if base := exportedType(t.GoName); base != t.GoName {
			t.GoName = unique(taken, base) // natural names win over renamed ones
		}
		byName[t.Version+" "+t.Name] = t
	}
	descendants := Descendants(types)
	for _, t := range basesFirst(types, byName) {
		nameMembers(t, inheritedNames(t, byName), descendants[t], taken)
	}
	return diags
}

// exportedType makes name an exported Go name that is none of the
// package's own identifiers: "" becomes Type, a name that starts with a
// digit or a letter without case ("1stThing", "名前") gets a T before it,
// and Client, New, ... get Type after them.
func exportedType(name string) string {
	switch {
	case name == "":
		return "Type"
	case !token.IsExported(name):
		return "T" + name
	case packageNames[name]:
		return name + "Type"
	}
	return name
}

// unique returns base, or base2, base3, ... when taken, and takes it.
func unique(taken map[string]bool, base string) string {
	name := base
	for n := 2; taken[name]; n++ {
		name = base + strconv.Itoa(n)
	}
	taken[name] = true
	return name
}

// pageBase is the file name of a page (without ".md" and "#anchor").
func pageBase(page string) string {
	page, _, _ = strings.Cut(page, "#")
	page = page[strings.LastIndexByte(page, '/')+1:]
	return strings.TrimSuffix(page, ".md")
}

// nameMembers names properties (unique within the type together with the
// properties it inherits, which keep their base type's names) and enum
// members (prefixed by the type's name, as Go constants are, and unique
// among the package's names in taken: "" of shape is not Shape, kind of
// shape not the type ShapeKind). A type with derived types also keeps the
// names of its accessors (reserveAccessors) from its fields.
func nameMembers(t *ir.Type, inherited map[string]string, descendants []*ir.Type, taken map[string]bool) {
	used := modelFields()
	reserveAccessors(used, descendants)
	for goName, jsonName := range inherited {
		used[goName] = jsonName
	}
	for i := range t.Properties {
		t.Properties[i].GoName = fieldName(used, t.Properties[i].Name)
	}
	for i := range t.Members {
		t.Members[i].GoName = unique(taken, t.GoName+Exported(Words(t.Members[i].Name)))
	}
}

// modelFields are the Go names every model declares, as fieldName's used
// map (Go name → JSON name): its fields, and its methods, which a field
// cannot share a name with ("\x00" is no JSON name).
func modelFields() map[string]string {
	return map[string]string{"ODataType": "@odata.type", "AdditionalData": "\x00", "UnmarshalJSON": "\x00", "MarshalJSON": "\x00"}
}

// fieldName names the field of JSON member jsonName, unique in used (Go
// name → JSON name; the same member keeps the same name): "ID" and "id" in
// one struct become ID and ID2.
func fieldName(used map[string]string, jsonName string) string {
	base := Exported(Words(jsonName))
	if base == "" || !(base[0] >= 'A' && base[0] <= 'Z') {
		base = "P" + base
	}
	name := base
	for n := 2; used[name] != "" && used[name] != jsonName; n++ {
		name = base + strconv.Itoa(n)
	}
	used[name] = jsonName
	return name
}

// inheritedNames returns the Go names of the properties t inherits, by the
// base types already named (bases are named before derived types).
func inheritedNames(t *ir.Type, byName map[string]*ir.Type) map[string]string {
	names := map[string]string{}
	seen := map[string]bool{t.Name: true}
	for b := byName[t.Version+" "+t.Base]; b != nil && !seen[b.Name]; b = byName[b.Version+" "+b.Base] {
		seen[b.Name] = true
		for _, p := range b.Properties {
			if p.GoName != "" {
				names[p.GoName] = p.Name
			}
		}
	}
	return names
}

// typeClashes groups the types that share a Go name.
func typeClashes(types []*ir.Type) [][]*ir.Type {
	by := map[string][]*ir.Type{}
	var order []string
	for _, t := range types {
		if len(by[t.GoName]) == 0 {
			order = append(order, t.GoName)
		}
		by[t.GoName] = append(by[t.GoName], t)
	}
	var out [][]*ir.Type
	for _, n := range order {
		if len(by[n]) > 1 {
			out = append(out, by[n])
		}
	}
	return out
}

// shortName is the last dotted part of a qualified name.
func shortName(name string) string {
	return name[strings.LastIndexByte(name, '.')+1:]
}

// basesFirst orders types so that every base comes before the types that
// derive from it (cycles are broken where they are met).
func basesFirst(types []*ir.Type, byName map[string]*ir.Type) []*ir.Type {
	var out []*ir.Type
	done := map[*ir.Type]bool{}
	var visit func(t *ir.Type, depth int)
	visit = func(t *ir.Type, depth int) {
		if done[t] || depth > 64 {
			return
		}
		if b := byName[t.Version+" "+t.Base]; b != nil && b != t {
			visit(b, depth+1)
		}
		if !done[t] {
			done[t] = true
			out = append(out, t)
		}
	}
	for _, t := range types {
		visit(t, 0)
	}
	return out
}
