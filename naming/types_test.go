package naming_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
)

// TestTypeNamesAreDeclarable: type names are exported identifiers distinct
// from the package's own names and from each other, and enum constants are
// distinct from every type name and from each other.
func TestTypeNamesAreDeclarable(t *testing.T) {
	obj := func(name string, props ...string) *ir.Type {
		typ := &ir.Type{Name: "microsoft.graph." + name, Kind: ir.TypeObject, Version: "v1.0", Page: name + ".md"}
		for _, p := range props {
			typ.Properties = append(typ.Properties, ir.Property{Name: p})
		}
		return typ
	}
	shape := &ir.Type{Name: "microsoft.graph.shape", Kind: ir.TypeEnum, Version: "v1.0", Page: "doc.md#shape-values",
		Members: []ir.EnumMember{{Name: `""`}, {Name: "kind"}, {Name: `""`}}}
	types := []*ir.Type{
		obj("client"), obj("clientType"), obj("1stThing"), obj("名前"), obj("shapeKind"), shape,
		obj("model", "unmarshalJSON", "MarshalJSON", "ODataType", "additionalData"),
	}
	if diags := naming.Assign(&ir.API{Types: types}); len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	var got []string
	for _, typ := range types {
		got = append(got, typ.GoName)
		for _, m := range typ.Members {
			got = append(got, m.GoName)
		}
		for _, p := range typ.Properties {
			got = append(got, p.GoName)
		}
	}
	want := []string{
		"ClientType2", "ClientType", "T1stThing", "T名前", "ShapeKind",
		"Shape", "Shape2", "ShapeKind2", "Shape3",
		"Model", "UnmarshalJSON2", "MarshalJSON2", "ODataType2", "AdditionalData2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// TestRequestFieldsAvoidMethods: a request struct's fields do not take the
// names of its JSON methods.
func TestRequestFieldsAvoidMethods(t *testing.T) {
	o := op("api/thing-post.md", "v1.0", "POST", "/things")
	o.RequestBody = ir.RequestBody{Kind: ir.KindParameters, Params: []ir.BodyParam{{Name: "MarshalJSON"}, {Name: "ODataType"}}}
	naming.Assign(&ir.API{Operations: []*ir.Operation{o}})
	got := []string{o.RequestBody.Params[0].GoName, o.RequestBody.Params[1].GoName}
	if diff := cmp.Diff([]string{"MarshalJSON2", "ODataType"}, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
}

func TestPackageName(t *testing.T) {
	tests := map[string]string{
		"user": "user", "range": "rangeapi", "json": "jsonapi", "testdata": "testdataapi",
		"1st": "api1st", "идентификатор": "api", "Drive-Item": "driveitem",
	}
	for in, want := range tests {
		if got := naming.PackageName(in); got != want {
			t.Errorf("PackageName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTypeClashIsAnError: two types of one version and qualified name that
// the parser does not merge (an object and an enum, as two trees may
// disagree) on pages of the same name keep one Go name; each is an error.
func TestTypeClashIsAnError(t *testing.T) {
	types := []*ir.Type{
		{Name: "microsoft.graph.widget", Kind: ir.TypeObject, Version: "v1.0", Page: "en/resources/widget.md", Source: "en/resources/widget.md:7:1",
			Properties: []ir.Property{{Name: "id"}}},
		{Name: "microsoft.graph.widget", Kind: ir.TypeEnum, Version: "v1.0", Page: "pt/resources/widget.md", Source: "pt/resources/widget.md:9:1",
			Members: []ir.EnumMember{{Name: "small"}}},
	}
	want := []ir.Diagnostic{
		{Pos: "en/resources/widget.md:7:1", Severity: ir.Error, Message: "cannot give type microsoft.graph.widget a unique Go name: WidgetWidget is also the name of the type of pt/resources/widget.md; rename one of the pages"},
		{Pos: "pt/resources/widget.md:9:1", Severity: ir.Error, Message: "cannot give type microsoft.graph.widget a unique Go name: WidgetWidget is also the name of the type of en/resources/widget.md; rename one of the pages"},
	}
	if diff := cmp.Diff(want, naming.Assign(&ir.API{Types: types})); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestFieldsAvoidAccessors: a type with derived types does not give its
// fields the names of its Derived and As<Type> methods; its derived types,
// which have no such methods, keep the plain names of their own fields.
func TestFieldsAvoidAccessors(t *testing.T) {
	typ := func(name, base string, props ...string) *ir.Type {
		t := &ir.Type{Name: "microsoft.graph." + name, Kind: ir.TypeObject, Version: "v1.0", Page: name + ".md", Base: base}
		for _, p := range props {
			t.Properties = append(t.Properties, ir.Property{Name: p})
		}
		return t
	}
	types := []*ir.Type{
		typ("shape", "", "derived", "asCircle", "asSquare"),
		typ("polygon", "microsoft.graph.shape", "asSquare", "derived"),
		typ("square", "microsoft.graph.polygon", "asPolygon"),
		typ("circle", "microsoft.graph.shape", "asShape"),
	}
	if diags := naming.Assign(&ir.API{Types: types}); len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	var got []string
	for _, typ := range types {
		for _, p := range typ.Properties {
			got = append(got, typ.GoName+"."+p.GoName)
		}
	}
	want := []string{
		"Shape.Derived2", "Shape.AsCircle2", "Shape.AsSquare2",
		"Polygon.AsSquare2", "Polygon.Derived2",
		"Square.AsPolygon",
		"Circle.AsShape",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}
