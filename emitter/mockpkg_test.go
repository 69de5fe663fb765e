package emitter_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen/ir"
)

// twoAreas is an API of two areas, thing and widget, whose operations both
// take a request struct (which the body checks refer to).
func twoAreas() *ir.API {
	a := api("Reset thing", "", simpleRoute())
	thing := a.Operations[0]
	thing.RequestBody = ir.RequestBody{Kind: ir.KindParameters, GoName: "ThingGetRequest",
		Params: []ir.BodyParam{{Name: "mode", GoName: "Mode", TypeName: "Edm.String", Required: true}}}
	widget := *thing
	widget.ID, widget.GoName, widget.Package, widget.Page = "widget-get", "WidgetGet", "widget", "widget-get.md"
	widget.Routes = []*ir.Route{{Path: "/widgets/{id}", Pattern: "/widgets/{id}", GoName: "WidgetGet",
		Params: []ir.Param{{Name: "id", GoName: "id", Style: ir.StyleSegment}}}}
	widget.Paths = []string{"/widgets/{id}"}
	widget.RequestBody.GoName = "WidgetGetRequest"
	a.Operations = append(a.Operations, &widget)
	return a
}

// importsOf lists the import paths of a generated file.
func importsOf(t *testing.T, a *ir.API, path string) []string {
	t.Helper()
	f, ok := emit(t, a)[path]
	if !ok {
		t.Fatalf("no file %s", path)
	}
	var out []string
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// TestAreaMockImportsItsAreaOnly: an area's mock imports graphtest (not graphrt), its own
// area (request structs) and the root package, never another area or its
// mock, so that a test mocking one area compiles one area; the mock of
// the whole API imports every area's mock.
func TestAreaMockImportsItsAreaOnly(t *testing.T) {
	a := twoAreas()
	want := []string{"github.com/graphgen-dev/graphgen/graphrt/graphtest", "graph/thing", "net/http"}
	if diff := cmp.Diff(want, importsOf(t, a, "thing/thingmock/mock.go")); diff != "" {
		t.Errorf("thing/thingmock imports (-want +got):\n%s", diff)
	}
	want = []string{"github.com/graphgen-dev/graphgen/graphrt/graphtest", "graph/thing/thingmock", "graph/widget/widgetmock"}
	if diff := cmp.Diff(want, importsOf(t, a, "graphmock/mock.go")); diff != "" {
		t.Errorf("graphmock imports (-want +got):\n%s", diff)
	}
}

// TestAreaMockStandsAlone: each area's mock declares its own Handler,
// DocsHandler, Register and NewMock, so that two areas may name their
// operations alike; the root mock has one Handlers field per area.
func TestAreaMockStandsAlone(t *testing.T) {
	a := twoAreas()
	a.Operations[0].GoName, a.Operations[1].GoName = "Get", "Get"
	for _, path := range []string{"thing/thingmock/mock.go", "widget/widgetmock/mock.go"} {
		text := fileText(t, a, path)
		for _, want := range []string{"type Handler interface {", "\tGet(w http.ResponseWriter, r *http.Request)",
			"type DocsHandler struct{}", "func (DocsHandler) Get(", "func Register(m *graphtest.Mux, h Handler) {",
			"func NewMock(h Handler) *graphtest.Mux {"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", path, want, text)
			}
		}
	}
	root := fileText(t, a, "graphmock/mock.go")
	for _, want := range []string{"Thing thingmock.Handler", "Widget widgetmock.Handler",
		"func NewMock(h Handlers) *graphtest.Mux {", "thingmock.Register(m, h.Thing)", "widgetmock.Register(m, h.Widget)"} {
		if !strings.Contains(root, want) {
			t.Errorf("graphmock/mock.go lacks %q:\n%s", want, root)
		}
	}
}
