package metadata

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/graphgen-dev/graphgen/ir"
)

// Schema is what graphgen keeps of CSDL metadata: the types with their
// properties, the entity container's entity sets and singletons, and the
// bound actions and functions.
type Schema struct {
	// Types are the entity, complex and enum types by qualified name.
	Types map[string]*Type
	// EntitySets maps an entity set's name to its entity type ("users" →
	// "microsoft.graph.user").
	EntitySets map[string]string
	// Singletons maps a singleton's name to its type ("me" →
	// "microsoft.graph.user").
	Singletons map[string]string
	// Operations are the bound actions and functions by name, overloads in
	// the metadata's order.
	Operations map[string][]*Operation
	// Aliases maps a schema's alias to its namespace ("graph" →
	// "microsoft.graph"), for names a path writes with the alias.
	Aliases map[string]string

	once sync.Once
	idx  *pathIndex
}

// Property is a structural or navigation property of a metadata type.
type Property struct {
	Name string
	TypeRef
	// Navigation marks a navigation property.
	Navigation bool
}

// TypeRef is a type as a property, parameter or return type names it: a
// qualified type ("microsoft.graph.user", "Edm.String") and whether it is a
// collection of it.
type TypeRef struct {
	Type       string
	Collection bool
}

// String is the type, or "Collection(type)".
func (r TypeRef) String() string {
	if r.Collection {
		return "Collection(" + r.Type + ")"
	}
	return r.Type
}

// Operation is a bound action or function of the metadata.
type Operation struct {
	Name string
	// Function is true for a function, false for an action.
	Function bool
	// Binding is the type of the binding parameter.
	Binding TypeRef
	// Params are the names of the other parameters, in order.
	Params []string
	// Return is the return type; nil when the operation returns nothing.
	Return *TypeRef
}

// csdl mirrors the parts of the CSDL XML that are read.
type csdl struct {
	Schemas []csdlSchema `xml:"DataServices>Schema"`
}

type csdlSchema struct {
	Namespace  string          `xml:"Namespace,attr"`
	Alias      string          `xml:"Alias,attr"`
	Entities   []csdlType      `xml:"EntityType"`
	Complexes  []csdlType      `xml:"ComplexType"`
	Enums      []csdlEnum      `xml:"EnumType"`
	Actions    []csdlOperation `xml:"Action"`
	Functions  []csdlOperation `xml:"Function"`
	Containers []csdlContainer `xml:"EntityContainer"`
}

type csdlType struct {
	Name       string         `xml:"Name,attr"`
	BaseType   string         `xml:"BaseType,attr"`
	HasStream  bool           `xml:"HasStream,attr"`
	Properties []csdlProperty `xml:"Property"`
	Navigation []csdlProperty `xml:"NavigationProperty"`
}

type csdlProperty struct {
	Name string `xml:"Name,attr"`
	Type string `xml:"Type,attr"`
}

type csdlEnum struct {
	Name    string     `xml:"Name,attr"`
	Members []csdlName `xml:"Member"`
}

type csdlName struct {
	Name string `xml:"Name,attr"`
}

type csdlOperation struct {
	Name       string         `xml:"Name,attr"`
	IsBound    bool           `xml:"IsBound,attr"`
	Parameters []csdlProperty `xml:"Parameter"`
	Return     *csdlProperty  `xml:"ReturnType"`
}

type csdlContainer struct {
	EntitySets []csdlSet `xml:"EntitySet"`
	Singletons []csdlSet `xml:"Singleton"`
}

type csdlSet struct {
	Name       string `xml:"Name,attr"`
	EntityType string `xml:"EntityType,attr"`
	Type       string `xml:"Type,attr"`
}

// ReadSchema parses CSDL metadata: types, entity container and bound
// operations, every type name qualified with its namespace (aliases
// expanded).
func ReadSchema(r io.Reader) (*Schema, error) {
	var doc csdl
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading CSDL: %w", err)
	}
	aliases := map[string]string{}
	for _, s := range doc.Schemas {
		if s.Alias != "" {
			aliases[s.Alias] = s.Namespace
		}
	}
	sc := &Schema{Types: map[string]*Type{}, EntitySets: map[string]string{}, Singletons: map[string]string{}, Operations: map[string][]*Operation{}, Aliases: aliases}
	for _, s := range doc.Schemas {
		sc.addTypes(s, aliases)
		sc.addOperations(s, aliases)
		sc.addContainers(s, aliases)
	}
	return sc, nil
}

// addTypes adds a schema's entity, complex and enum types.
func (sc *Schema) addTypes(s csdlSchema, aliases map[string]string) {
	add := func(t csdlType, entity bool) {
		mt := &Type{Name: s.Namespace + "." + t.Name, Kind: ir.TypeObject, Base: unalias(t.BaseType, aliases), Entity: entity, HasStream: t.HasStream}
		for i, p := range append(t.Properties, t.Navigation...) {
			mt.Members = append(mt.Members, p.Name)
			mt.Properties = append(mt.Properties, Property{Name: p.Name, TypeRef: parseTypeRef(p.Type, aliases), Navigation: i >= len(t.Properties)})
		}
		sc.Types[mt.Name] = mt
	}
	for _, t := range s.Entities {
		add(t, true)
	}
	for _, t := range s.Complexes {
		add(t, false)
	}
	for _, e := range s.Enums {
		mt := &Type{Name: s.Namespace + "." + e.Name, Kind: ir.TypeEnum}
		for _, m := range e.Members {
			mt.Members = append(mt.Members, m.Name)
		}
		sc.Types[mt.Name] = mt
	}
}

// addOperations adds a schema's bound actions and functions; an unbound
// one (Graph has none: it would be an import of the container) or one
// without parameters is left out.
func (sc *Schema) addOperations(s csdlSchema, aliases map[string]string) {
	add := func(o csdlOperation, function bool) {
		if !o.IsBound || len(o.Parameters) == 0 {
			return
		}
		op := &Operation{Name: o.Name, Function: function, Binding: parseTypeRef(o.Parameters[0].Type, aliases)}
		for _, p := range o.Parameters[1:] {
			op.Params = append(op.Params, p.Name)
		}
		if o.Return != nil {
			ret := parseTypeRef(o.Return.Type, aliases)
			op.Return = &ret
		}
		sc.Operations[o.Name] = append(sc.Operations[o.Name], op)
	}
	for _, o := range s.Actions {
		add(o, false)
	}
	for _, o := range s.Functions {
		add(o, true)
	}
}

// addContainers adds the entity sets and singletons of a schema's entity
// container.
func (sc *Schema) addContainers(s csdlSchema, aliases map[string]string) {
	for _, c := range s.Containers {
		for _, e := range c.EntitySets {
			sc.EntitySets[e.Name] = unalias(e.EntityType, aliases)
		}
		for _, e := range c.Singletons {
			sc.Singletons[e.Name] = unalias(e.Type, aliases)
		}
	}
}

// parseTypeRef reads "Collection(graph.user)" or "graph.user".
func parseTypeRef(s string, aliases map[string]string) TypeRef {
	if inner, ok := strings.CutPrefix(s, "Collection("); ok {
		return TypeRef{Type: unalias(strings.TrimSuffix(inner, ")"), aliases), Collection: true}
	}
	return TypeRef{Type: unalias(s, aliases)}
}
