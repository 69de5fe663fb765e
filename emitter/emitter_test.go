package emitter_test

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
)

// api builds a one-operation API with the given prose and route.
func api(title, summary string, route *ir.Route) *ir.API {
	return &ir.API{Operations: []*ir.Operation{{
		ID: "thing-get", GoName: "ThingGet", Package: "thing", Version: "v1.0", Method: "GET",
		Title: title, Summary: summary, Page: "thing-get.md",
		Paths: []string{route.Path}, Routes: []*ir.Route{route},
		Permissions: ir.Permissions{PermissionSet: ir.PermissionSet{DelegatedWork: []string{"Thing.Read"}, DelegatedPersonal: []string{}, Application: []string{}}},
		RequestBody: ir.RequestBody{Kind: ir.KindNone},
		Response:    ir.Response{Status: 200, Kind: ir.KindObject},
	}}}
}

func simpleRoute() *ir.Route {
	return &ir.Route{Path: "/things/{id}", Pattern: "/things/{id}", GoName: "ThingGet",
		Params: []ir.Param{{Name: "id", GoName: "id", Style: ir.StyleSegment}}}
}

// emit renders and parses every file, failing on invalid or unformatted Go.
func emit(t *testing.T, a *ir.API) map[string]*ast.File {
	t.Helper()
	files, err := emitter.Emit(a, emitter.Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*ast.File{}
	for _, f := range files {
		formatted, err := format.Source(f.Content)
		if err != nil {
			t.Fatalf("%s: %v\n%s", f.Path, err, f.Content)
		}
		if !bytes.Equal(formatted, f.Content) {
			t.Errorf("%s is not gofmt'ed", f.Path)
		}
		parsed, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Content, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Path] = parsed
	}
	return out
}

// funcNames lists the top-level function and method names of the files.
func funcNames(files map[string]*ast.File) []string {
	var names []string
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				names = append(names, fd.Name.Name)
			}
		}
	}
	sort.Strings(names)
	return names
}

// TestHostileProseStaysInComments: page text that tries to end a comment,
// break lines or smuggle control characters produces no code.
func TestHostileProseStaysInComments(t *testing.T) {
	title := "Get */ func Evil() {} /* thing\u2028func Evil2() {}\x00"
	summary := "Line one\nfunc Evil3() {}\r\n`code` \u202e reversed \u2029 - item\n# heading\n1. first"
	files := emit(t, api(title, summary, simpleRoute()))
	// root New and NewClient, area New, mock registries, client method,
	// DocsHandler method, Runtime
	want := []string{"New", "New", "NewClient", "NewMock", "Runtime", "ThingGet", "ThingGet", "newModel", "registerThing"}
	if diff := cmp.Diff(want, funcNames(files)); diff != "" {
		t.Errorf("declared functions (-want +got):\n%s", diff)
	}
	found := false
	for _, d := range files["thing/client.go"].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "ThingGet" {
			found = true
			text := fd.Doc.Text()
			for _, bad := range []string{"\x00", "\u2028", "\u202e", "\r"} {
				if strings.Contains(text, bad) {
					t.Errorf("doc keeps %q", bad)
				}
			}
			if !strings.HasPrefix(text, "ThingGet calls GET /v1.0/things/{id}") {
				t.Errorf("doc does not start with the method name:\n%s", text)
			}
		}
	}
	if !found {
		t.Error("thing/client.go has no ThingGet")
	}
}

// TestPathEscapingByStyle: each parameter style gets its runtime escaper.
func TestPathEscapingByStyle(t *testing.T) {
	r := &ir.Route{
		Path:    "/drive/root:/{item-path}:/workbook/worksheets/{id}/range(address='{address}')",
		Pattern: "/drive/root:/{itemPath...}:/workbook/worksheets/{id}/range(address='{address}')",
		GoName:  "ThingGet",
		Params: []ir.Param{
			{Name: "item-path", GoName: "itemPath", Style: ir.StylePath},
			{Name: "id", GoName: "id", Style: ir.StyleSegment},
			{Name: "address", GoName: "address", Style: ir.StyleQuoted},
		},
	}
	files, err := emitter.Emit(api("Get thing", "", r), emitter.Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	var client string
	for _, f := range files {
		if f.Path == "thing/client.go" {
			client = string(f.Content)
		}
	}
	want := `"/v1.0/drive/root:/" + graphrt.PathSegments(itemPath) + ":/workbook/worksheets/" + graphrt.PathSegment(id) + "/range(address='" + graphrt.ODataString(address) + "')"`
	if !strings.Contains(client, want) {
		t.Errorf("thing/client.go lacks the path expression\n%s\n---\n%s", want, client)
	}
}

// TestParameterNamedLikeALocal: a documented parameter called ctx keeps its
// name; the context parameter gives way.
func TestParameterNamedLikeALocal(t *testing.T) {
	r := &ir.Route{Path: "/things/{ctx}/{opts}", Pattern: "/things/{ctx}/{opts}", GoName: "ThingGet",
		Params: []ir.Param{{Name: "ctx", GoName: "ctx", Style: ir.StyleSegment}, {Name: "opts", GoName: "opts", Style: ir.StyleSegment}}}
	files := emit(t, api("Get thing", "", r))
	found := false
	for _, d := range files["thing/client.go"].Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "ThingGet" {
			continue
		}
		found = true
		var names []string
		for _, field := range fd.Type.Params.List {
			for _, n := range field.Names {
				names = append(names, n.Name)
			}
		}
		if diff := cmp.Diff([]string{"ctx2", "ctx", "opts", "opts2"}, names); diff != "" {
			t.Errorf("parameters (-want +got):\n%s", diff)
		}
	}
	if !found {
		t.Error("thing/client.go has no ThingGet")
	}
}
