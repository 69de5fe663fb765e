package emitter

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
)

// primitiveGo maps Edm primitives to Go types; Edm.Date, Edm.TimeOfDay and
// Edm.Duration get graphrt's types, which keep the text Graph sent.
var primitiveGo = map[string]func() *jen.Statement{
	"Edm.String":         jen.String,
	"Edm.Guid":           jen.String,
	"Edm.Date":           func() *jen.Statement { return rt("Date") },
	"Edm.TimeOfDay":      func() *jen.Statement { return rt("TimeOfDay") },
	"Edm.Duration":       func() *jen.Statement { return rt("Duration") },
	"Edm.Boolean":        jen.Bool,
	"Edm.Int16":          jen.Int16,
	"Edm.Int32":          jen.Int32,
	"Edm.Int64":          jen.Int64,
	"Edm.Byte":           jen.Uint8,
	"Edm.SByte":          jen.Int8,
	"Edm.Double":         jen.Float64,
	"Edm.Single":         jen.Float64,
	"Edm.Decimal":        jen.Float64,
	"Edm.DateTimeOffset": func() *jen.Statement { return jen.Qual("time", "Time") },
	"Edm.Binary":         func() *jen.Statement { return jen.Index().Byte() },
}

// IsPrimitive reports whether the Edm type edm has a Go type of its own;
// a property of any other type that no page documents is raw JSON.
func IsPrimitive(edm string) bool {
	return primitiveGo[edm] != nil
}

// models indexes the types of one version by qualified name; they are
// declared in the package at path. descendants lists, by qualified name,
// the types derived from a type (naming.Descendants).
type models struct {
	byName      map[string]*ir.Type
	descendants map[string][]*ir.Type
	path        string
}

// lookup finds a type by qualified name.
func (m models) lookup(name string) (*ir.Type, bool) {
	t, ok := m.byName[name]
	return t, ok
}

// ref refers to t from any generated package.
func (m models) ref(t *ir.Type) *jen.Statement {
	return jen.Qual(m.path, t.GoName)
}

// modelIndex groups the types of api by version, with an entry for every
// version its operations use, documented types or not; path is the import
// path of the package that declares them.
func modelIndex(api *ir.API, path string) map[string]models {
	idx := map[string]models{}
	add := func(version string) models {
		if idx[version].byName == nil {
			idx[version] = models{byName: map[string]*ir.Type{}, descendants: map[string][]*ir.Type{}, path: path}
		}
		return idx[version]
	}
	for _, t := range api.Types {
		add(t.Version).byName[t.Name] = t
	}
	for t, ds := range naming.Descendants(api.Types) {
		idx[t.Version].descendants[t.Name] = ds
	}
	for _, op := range api.Operations {
		add(op.Version)
	}
	return idx
}

// modelsFile emits one Go type per documented type: enumerations as named
// strings with constants, objects as structs carrying their base types'
// properties, "@odata.type" and every member they do not declare.
func modelsFile(f *jen.File, types []*ir.Type, idx map[string]models) {
	for _, t := range types {
		if t.Kind == ir.TypeEnum {
			enumType(f, t)
		} else {
			objectType(f, t, idx[t.Version])
		}
	}
}

// enumType emits, e.g.:
//
//	type AgeGroup string
//	const ( AgeGroupMinor AgeGroup = "minor" ... )
func enumType(f *jen.File, t *ir.Type) {
	f.Add(comments(docLines(t.GoName + " is the enumeration " + t.Name + ". Values the docs do not list are kept as they are.")).Type().Id(t.GoName).String())
	if len(t.Members) == 0 {
		return
	}
	var consts []jen.Code
	for _, m := range t.Members {
		consts = append(consts, comments(docLines(m.GoName+" is "+quoteDoc(m.Name)+". "+m.Description)).Id(m.GoName).Id(t.GoName).Op("=").Lit(m.Name))
	}
	f.Const().Defs(consts...)
}

// quoteDoc renders a member name in a doc comment.
func quoteDoc(s string) string {
	return "\"" + s + "\""
}

// objectType emits a struct with its base types' and its own properties,
// and the JSON methods that keep undeclared members; the "odata" tag names
// the type for the mock's body checks (graphtest.CheckJSON):
//
//	type User struct {
//		ODataType *string `json:"@odata.type,omitempty" odata:"microsoft.graph.user"`
//		DisplayName *string `json:"displayName,omitempty"`
//		AdditionalData map[string]json.RawMessage `json:"-"`
//	}
func objectType(f *jen.File, t *ir.Type, idx models) {
	fields := []jen.Code{
		jen.Comment(sanitiseLine("ODataType is the \"@odata.type\" of the object, e.g. \"#" + t.Name + "\".")),
		jen.Id("ODataType").Op("*").String().Tag(map[string]string{"json": "@odata.type,omitempty", "odata": t.Name}),
	}
	seen := map[string]bool{"@odata.type": true}
	for _, p := range allProperties(t, idx) {
		if seen[p.Name] {
			continue // declared by a base type
		}
		seen[p.Name] = true
		doc := p.GoName + " is " + quoteDoc(p.Name) + ". " + p.Description
		if p.Ref != "" {
			doc += " (Its type, " + quoteDoc(p.Ref) + ", is not documented in these docs: raw JSON.)"
		}
		fields = append(fields, comments(docLines(doc)).Id(p.GoName).Add(fieldType(p, idx)).Tag(map[string]string{"json": p.Name + ",omitempty"}))
	}
	fields = append(fields,
		jen.Comment("AdditionalData holds the members the docs do not declare, as sent."),
		jen.Id("AdditionalData").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"}))
	if len(idx.descendants[t.Name]) > 0 {
		fields = append(fields,
			jen.Comment(derivedField+" is the model of a derived type that the object was decoded into (Derived)."),
			jen.Id(derivedField).Any())
	}
	doc := t.GoName + " is the " + t.Name + " resource."
	if t.Base != "" {
		doc += " It carries the properties of " + t.Base + "."
	}
	f.Add(comments(para(docLines(doc), t.Summary)).Type().Id(t.GoName).Struct(fields...))
	if inFamily(t, idx) {
		polymorphicJSONMethods(f, t, idx)
	} else {
		jsonMethods(f, t.GoName)
	}
}

// jsonMethods emits UnmarshalJSON and MarshalJSON through the runtime,
// which reads and writes the model's fields without calling these methods
// again (no method-less copy of each type: in a package of thousands of
// models, those copies were a type descriptor each in every binary and a
// share of the compiler's memory).
func jsonMethods(f *jen.File, name string) {
	f.Comment("UnmarshalJSON decodes " + name + " and keeps the members it does not declare.")
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Return(rt("UnmarshalModel").Call(jen.Id("b"), jen.Id("m"), jen.Op("&").Id("m").Dot("AdditionalData"))),
	)
	f.Comment("MarshalJSON encodes " + name + " with the members it does not declare.")
	f.Func().Params(jen.Id("m").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(rt("MarshalModel").Call(jen.Op("&").Id("m"), jen.Id("m").Dot("AdditionalData"))),
	)
}

// allProperties lists the properties of t's base chain, base first, then
// t's own.
func allProperties(t *ir.Type, idx models) []ir.Property {
	var chain []*ir.Type
	seen := map[string]bool{}
	for cur := t; cur != nil && !seen[cur.Name]; cur, _ = idx.lookup(cur.Base) {
		seen[cur.Name] = true
		chain = append([]*ir.Type{cur}, chain...)
	}
	var props []ir.Property
	for _, c := range chain {
		props = append(props, c.Properties...)
	}
	return props
}

// fieldType is a property's Go type: pointers for single values (so that
// unset and zero differ), slices for collections, raw JSON for types these
// docs do not document.
func fieldType(p ir.Property, idx models) *jen.Statement {
	return goType(p.Type, p.Collection, true, idx)
}

// goType is the Go type of a value of typeName: a slice for a collection,
// a pointer when pointer is set, raw JSON for an undocumented type.
func goType(typeName string, collection, pointer bool, idx models) *jen.Statement {
	var elem *jen.Statement
	switch t, ok := idx.lookup(typeName); {
	case ok:
		elem = idx.ref(t)
	case primitiveGo[typeName] != nil:
		elem = primitiveGo[typeName]()
	default:
		return jen.Qual("encoding/json", "RawMessage")
	}
	switch {
	case collection:
		return jen.Index().Add(elem)
	case pointer:
		return jen.Op("*").Add(elem)
	}
	return elem
}

// requestsFile emits one struct per parameter-table request body:
// required parameters as values (always sent), optional ones as pointers
// (sent when set), and AdditionalData for members the table does not list.
func requestsFile(f *jen.File, ops []*ir.Operation, idx map[string]models) {
	for _, op := range ops {
		if op.RequestBody.GoName != "" {
			requestType(f, op, idx[op.Version])
		}
	}
}

// requestType emits the request struct of one operation.
func requestType(f *jen.File, op *ir.Operation, idx models) {
	b := op.RequestBody
	var fields []jen.Code
	seen := map[string]bool{}
	for _, p := range b.Params {
		if seen[p.Name] {
			continue // a parameter listed twice
		}
		seen[p.Name] = true
		tag := p.Name + ",omitempty"
		doc := p.GoName + " is " + quoteDoc(p.Name) + ". " + p.Description
		if p.Required {
			tag = p.Name
			if tag == "-" {
				tag = "-," // the tag "-" would drop the field from the JSON
			}
			doc += " Required."
		}
		fields = append(fields, comments(docLines(doc)).Id(p.GoName).Add(goType(p.TypeName, p.Collection, !p.Required, idx)).Tag(map[string]string{"json": tag}))
	}
	fields = append(fields,
		jen.Comment("AdditionalData holds members the docs do not list, sent as they are."),
		jen.Id("AdditionalData").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"}))
	f.Add(comments(docLines(b.GoName + " is the request body of " + op.ID + " (" + op.Method + ").")).Type().Id(b.GoName).Struct(fields...))
	jsonMethods(f, b.GoName)
}

// newModelFunc emits newModel, which returns a new value of a documented
// object type by version and qualified name (for tests and the mock).
func newModelFunc(f *jen.File, types []*ir.Type) {
	var cases []jen.Code
	for _, t := range types {
		if t.Kind == ir.TypeObject {
			cases = append(cases, jen.Case(jen.Lit(t.Version+" "+t.Name)).Block(jen.Return(jen.New(jen.Id(t.GoName)))))
		}
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Nil())))
	f.Comment("newModel returns a new documented object by version and qualified name, or nil.")
	f.Func().Id("newModel").Params(jen.Id("versionAndName").String()).Any().Block(jen.Switch(jen.Id("versionAndName")).Block(cases...))
}
