package emitter

import (
	"github.com/dave/jennifer/jen"
	"github.com/graphgen-dev/graphgen/ir"
)

// This file emits what the models of a polymorphic family have beyond a
// plain model: a type with derived types decodes an object whose
// "@odata.type" names one of them into that type's model, which it keeps
// (Derived, As<Type>); a type of a family (with a base or derived types)
// names itself in "@odata.type" when it is sent without one.

// derivedField is the unexported field of a base model that holds the
// derived model it was decoded into.
const derivedField = "derived"

// inFamily reports a type that has a base type or derived types.
func inFamily(t *ir.Type, idx models) bool {
	return t.Base != "" || len(idx.descendants[t.Name]) > 0
}

// polymorphicJSONMethods emits UnmarshalJSON and MarshalJSON of a model of
// a family, and the accessors of a type with derived types.
func polymorphicJSONMethods(f *jen.File, t *ir.Type, idx models) {
	ds := idx.descendants[t.Name]
	if len(ds) == 0 {
		f.Comment("UnmarshalJSON decodes " + t.GoName + " and keeps the members it does not declare.")
		f.Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
			jen.Return(rt("UnmarshalModel").Call(jen.Id("b"), jen.Id("m"), jen.Op("&").Id("m").Dot("AdditionalData"))),
		)
	} else {
		polymorphicUnmarshal(f, t, ds)
	}
	familyMarshal(f, t, len(ds) > 0)
	if len(ds) > 0 {
		accessors(f, t, ds, idx)
	}
}

// polymorphicUnmarshal emits, e.g.:
//
//	func (m *DirectoryObject) UnmarshalJSON(b []byte) error {
//		return graphrt.UnmarshalPolymorphic(b, m, &m.AdditionalData, &m.derived, func(name []byte) any {
//			switch string(name) {
//			case "microsoft.graph.user":
//				return new(User)
//			}
//			return nil
//		})
//	}
func polymorphicUnmarshal(f *jen.File, t *ir.Type, ds []*ir.Type) {
	var cases []jen.Code
	for _, d := range ds {
		cases = append(cases, jen.Case(jen.Lit(d.Name)).Block(jen.Return(jen.New(jen.Id(d.GoName)))))
	}
	newDerived := jen.Func().Params(jen.Id("name").Index().Byte()).Any().Block(
		jen.Switch(jen.String().Parens(jen.Id("name"))).Block(cases...),
		jen.Return(jen.Nil()),
	)
	doc := "UnmarshalJSON decodes " + t.GoName + " and keeps the members it does not declare; an object whose \"@odata.type\" names a type derived from " + t.Name + " is decoded into that type's model (see Derived)."
	f.Add(comments(docLines(doc)).Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Return(rt("UnmarshalPolymorphic").Call(jen.Id("b"), jen.Id("m"),
			jen.Op("&").Id("m").Dot("AdditionalData"), jen.Op("&").Id("m").Dot(derivedField), newDerived)),
	))
}

// familyMarshal emits, e.g.:
//
//	func (m DirectoryObject) MarshalJSON() ([]byte, error) {
//		if m.derived == nil {
//			graphrt.DefaultODataType(&m.ODataType, "#microsoft.graph.directoryObject")
//		}
//		return graphrt.MarshalPolymorphic(&m, m.AdditionalData, m.derived)
//	}
//
// (a type without derived types sets its "@odata.type" and calls
// graphrt.MarshalModel).
func familyMarshal(f *jen.File, t *ir.Type, hasDerived bool) {
	setType := rt("DefaultODataType").Call(jen.Op("&").Id("m").Dot("ODataType"), jen.Lit("#"+t.Name))
	doc := "MarshalJSON encodes " + t.GoName + " with the members it does not declare, and \"@odata.type\" #" + t.Name + " when ODataType is empty."
	var body []jen.Code
	if hasDerived {
		doc += " A derived model it holds (Derived) is encoded with this model's fields and AdditionalData."
		body = append(body,
			jen.If(jen.Id("m").Dot(derivedField).Op("==").Nil()).Block(setType),
			jen.Return(rt("MarshalPolymorphic").Call(jen.Op("&").Id("m"), jen.Id("m").Dot("AdditionalData"), jen.Id("m").Dot(derivedField))))
	} else {
		body = append(body, setType,
			jen.Return(rt("MarshalModel").Call(jen.Op("&").Id("m"), jen.Id("m").Dot("AdditionalData"))))
	}
	f.Add(comments(docLines(doc)).Func().Params(jen.Id("m").Id(t.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(body...))
}

// accessors emits Derived and one As<Type> per derived type of t.
func accessors(f *jen.File, t *ir.Type, ds []*ir.Type, idx models) {
	// func (m *DirectoryObject) Derived() any { return m.derived }
	//
	// Derived and the As methods take a pointer: a value receiver copies
	// the whole model on every call and makes the compiler write a pointer
	// wrapper of each method (in beta's root package, 1,047 of them: 11%
	// of its compile's memory).
	doc := "Derived returns the model of the type derived from " + t.Name + " that the object's \"@odata.type\" named when it was decoded (a pointer, for a type switch: *" + ds[0].GoName + ", ...), or nil when the object is of this type or of one these docs do not describe."
	f.Add(comments(docLines(doc)).Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("Derived").Params().Any().Block(jen.Return(jen.Id("m").Dot(derivedField))))
	for _, d := range ds {
		asMethod(f, t, d, idx.descendants[d.Name])
	}
}

// asMethod emits, e.g.:
//
//	func (m *DirectoryObject) AsUser() (*User, bool) {
//		d, ok := m.derived.(*User)
//		return d, ok
//	}
//
// and, when d has derived types of its own, the view of d of an object of
// one of them:
//
//	switch d := m.derived.(type) {
//	case *User:
//		return d, true
//	case *A, *B:
//		v := &User{derived: d}
//		graphrt.CopyModel(v, d)
//		return v, true
//	}
//	return nil, false
func asMethod(f *jen.File, t, d *ir.Type, below []*ir.Type) {
	name := "As" + d.GoName
	doc := name + " returns the object's " + d.GoName + " model when its \"@odata.type\" named " + d.Name + " (or a type derived from it) when it was decoded."
	sig := comments(docLines(doc)).Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id(name).Params().Params(jen.Op("*").Id(d.GoName), jen.Bool())
	if len(below) == 0 {
		f.Add(sig.Block(
			jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Id("m").Dot(derivedField).Assert(jen.Op("*").Id(d.GoName)),
			jen.Return(jen.Id("d"), jen.Id("ok"))))
		return
	}
	var views []jen.Code
	for _, b := range below {
		views = append(views, jen.Op("*").Id(b.GoName))
	}
	f.Add(sig.Block(
		jen.Switch(jen.Id("d").Op(":=").Id("m").Dot(derivedField).Assert(jen.Type())).Block(
			jen.Case(jen.Op("*").Id(d.GoName)).Block(jen.Return(jen.Id("d"), jen.True())),
			jen.Case(views...).Block(
				jen.Id("v").Op(":=").Op("&").Id(d.GoName).Values(jen.Dict{jen.Id(derivedField): jen.Id("d")}),
				rt("CopyModel").Call(jen.Id("v"), jen.Id("d")),
				jen.Return(jen.Id("v"), jen.True()))),
		jen.Return(jen.Nil(), jen.False())))
}
