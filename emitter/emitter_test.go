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
	// root New and NewClient, area New, the root's NewEmulator, the root's
	// and the area's NewMock, the area's Register, client method,
	// DocsHandler method, Runtime
	want := []string{"New", "New", "NewClient", "NewEmulator", "NewMock", "NewMock", "Register", "Runtime", "ThingGet", "ThingGet", "newModel"}
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

// fileText returns the content of the emitted file at path.
func fileText(t *testing.T, a *ir.API, path string) string {
	t.Helper()
	files, err := emitter.Emit(a, emitter.Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == path {
			return string(f.Content)
		}
	}
	t.Fatalf("no file %s", path)
	return ""
}

// TestProseCannotStartAComment: page text that starts a line with "/*" or
// "//" (a summary, a line after <br> or U+2028, a qualified name with a
// newline) stays an ordinary line comment: no block comment is opened and
// no directive (//go:generate, //line) is made.
func TestProseCannotStartAComment(t *testing.T) {
	a := api("Get thing\u2028/* title", "//go:generate echo summary\n/* open\n//line evil.go:1\n*/ func Evil() {}", simpleRoute())
	a.Types = []*ir.Type{{
		Name: "microsoft.graph.thing\n*/ func Evil2() {} /*\n//go:generate echo name", GoName: "Thing", Kind: ir.TypeObject, Version: "v1.0",
		Summary:    "/* summary",
		Properties: []ir.Property{{Name: "id", GoName: "ID", Type: "Edm.String", Description: "x\u2028//go:generate echo property\n/* open"}},
	}, {
		Name: "microsoft.graph.shape", GoName: "Shape", Kind: ir.TypeEnum, Version: "v1.0",
		Members: []ir.EnumMember{{Name: "a", GoName: "ShapeA", Description: "a\n/* open"}},
	}}
	second := api("Get thing again", "", simpleRoute()).Operations[0]
	second.ID, second.GoName, second.Page = "thing-get-again", "ThingGetAgain", "x\n*/ func Evil3() {} /*"
	second.Routes[0].GoName, second.Routes[0].ShadowedBy = "ThingGetAgain", "x\n*/ func Evil4() {} /*\n//go:generate echo shadowed"
	a.Operations = append(a.Operations, second)
	for path, f := range emit(t, a) {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if c.Text != "//" && !strings.HasPrefix(c.Text, "// ") {
					t.Errorf("%s: comment %q does not start with \"// \"", path, c.Text)
				}
			}
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && strings.HasPrefix(fd.Name.Name, "Evil") {
				t.Errorf("%s: page text declared %s", path, fd.Name.Name)
			}
		}
	}
}

// TestRootImportGivesWayToParameters: a parameter named like the root
// package does not hide it; the import gets another name.
func TestRootImportGivesWayToParameters(t *testing.T) {
	r := &ir.Route{Path: "/things/{graph}", Pattern: "/things/{graph}", GoName: "ThingGet",
		Params: []ir.Param{{Name: "graph", GoName: "graph", Style: ir.StyleSegment}}}
	a := api("Get thing", "", r)
	a.Operations[0].Response.Type = "microsoft.graph.thing"
	a.Types = []*ir.Type{{Name: "microsoft.graph.thing", GoName: "Thing", Kind: ir.TypeObject, Version: "v1.0"}}
	client := fileText(t, a, "thing/client.go")
	for _, want := range []string{`graph2 "graph"`, "graphrt.Object[graph2.Thing](ctx, c.rt,", "graph string,", "func New(c *graph2.Client)"} {
		if !strings.Contains(client, want) {
			t.Errorf("thing/client.go lacks %q:\n%s", want, client)
		}
	}
}

// TestRequiredDashParameter: a required parameter named "-" is sent: its
// tag is "-,", not "-" (which encoding/json reads as "skip the field").
func TestRequiredDashParameter(t *testing.T) {
	a := api("Post thing", "", simpleRoute())
	a.Operations[0].RequestBody = ir.RequestBody{Kind: ir.KindParameters, GoName: "ThingGetRequest", Params: []ir.BodyParam{
		{Name: "-", GoName: "P", TypeName: "Edm.String", Required: true},
		{Name: "mode", GoName: "Mode", TypeName: "Edm.String", Required: true},
	}}
	requests := fileText(t, a, "thing/requests.go")
	for _, want := range []string{"P string `json:\"-,\"`", "Mode string `json:\"mode\"`"} {
		if !strings.Contains(requests, want) {
			t.Errorf("thing/requests.go lacks %q:\n%s", want, requests)
		}
	}
}

// TestMockLocalsGiveWayToAreas: the Register function of an area named m
// refers to package m (for the body check), so its *graphtest.Mux parameter
// takes another name.
func TestMockLocalsGiveWayToAreas(t *testing.T) {
	a := api("Post thing", "", simpleRoute())
	a.Operations[0].Package = "m"
	a.Operations[0].RequestBody = ir.RequestBody{Kind: ir.KindParameters, GoName: "ThingGetRequest",
		Params: []ir.BodyParam{{Name: "mode", GoName: "Mode", TypeName: "Edm.String"}}}
	mock := fileText(t, a, "m/mmock/mock.go")
	for _, want := range []string{"func Register(m2 *graphtest.Mux, h Handler) {", "graphtest.CheckJSON[m.ThingGetRequest]()", "m2.Handle("} {
		if !strings.Contains(mock, want) {
			t.Errorf("m/mmock/mock.go lacks %q:\n%s", want, mock)
		}
	}
}

// listAPI is a documented type Thing with two operations: a list read
// page after page and a POST whose body asks for a collection.
func listAPI() *ir.API {
	a := api("List things", "", &ir.Route{Path: "/things", Pattern: "/things", GoName: "ThingList", PageGoName: "ThingListPage"})
	list := a.Operations[0]
	list.ID, list.GoName, list.Response = "thing-list", "ThingList", ir.Response{Status: 200, Kind: ir.KindCollection, Type: "microsoft.graph.thing"}
	lookup := &ir.Operation{
		ID: "thing-getbyids", GoName: "ThingGetByIDs", Package: "thing", Version: "v1.0", Method: "POST",
		Title: "Get things by ids", Page: "thing-getbyids.md", Paths: []string{"/things/getByIds"},
		Routes:      []*ir.Route{{Path: "/things/getByIds", Pattern: "/things/getByIds", GoName: "ThingGetByIDs"}},
		RequestBody: ir.RequestBody{Kind: ir.KindObject, Type: "microsoft.graph.thing"},
		Response:    ir.Response{Status: 200, Kind: ir.KindCollection, Type: "microsoft.graph.thing"},
	}
	a.Operations = append(a.Operations, lookup)
	a.Types = []*ir.Type{{Name: "microsoft.graph.thing", GoName: "Thing", Kind: ir.TypeObject, Version: "v1.0"}}
	return a
}

// TestListsPageByDefault: the plain method of a collection read without a
// body yields every member (iter.Seq2), its Page variant returns one page,
// and nothing else is generated for it; a collection asked for with a body
// is the []T of its one answer. Expected signatures are written by hand.
func TestListsPageByDefault(t *testing.T) {
	a := listAPI()
	want := map[string][]string{
		"ThingList": {
			"func (c *Client) ThingList(ctx context.Context, opts ...graphrt.Option) iter.Seq2[graph.Thing, error]",
			"func (c *Client) ThingListPage(ctx context.Context, opts ...graphrt.Option) (*graphrt.Page[graph.Thing], error)",
		},
		"ThingGetByIDs": {
			"func (c *Client) ThingGetByIDs(ctx context.Context, body *graph.Thing, opts ...graphrt.Option) ([]graph.Thing, error)",
		},
	}
	for _, op := range a.Operations {
		got, err := emitter.Signatures(a, emitter.Options{Package: "graph"}, op, op.Routes[0])
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[op.GoName], got); diff != "" {
			t.Errorf("signatures of %s (-want +got):\n%s", op.GoName, diff)
		}
	}
	client := fileText(t, a, "thing/client.go")
	for _, doc := range []string{
		"ThingList yields every member, page after page",
		"ThingListPage returns one page",
		"ThingGetByIDs returns that one answer: a request with a body is not paged",
	} {
		if !strings.Contains(strings.ReplaceAll(client, "\n// ", " "), doc) {
			t.Errorf("client.go does not say %q", doc)
		}
	}
	if strings.Contains(client, "ThingListAll") {
		t.Error("client.go still has ThingListAll")
	}
}
