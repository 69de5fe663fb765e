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

// sharedRoutesAPI is area thing with two operations that share their
// permissions (Thing.Read): thing-get, at three paths of which the last has
// its own permission table (Group.Read), and thing-list.
func sharedRoutesAPI() *ir.API {
	a := api("Get thing", "", simpleRoute())
	get := a.Operations[0]
	get.Routes = append(get.Routes,
		&ir.Route{Path: "/me/thing", Pattern: "/me/thing", GoName: "ThingGet"},
		&ir.Route{Path: "/groups/{id}/thing", Pattern: "/groups/{id}/thing", GoName: "ThingGet",
			Params:      []ir.Param{{Name: "id", GoName: "id", Style: ir.StyleSegment}},
			Permissions: &ir.PermissionSet{DelegatedWork: []string{"Group.Read"}}})
	get.Paths = []string{"/things/{id}", "/me/thing", "/groups/{id}/thing"}
	list := *get
	list.ID, list.GoName, list.Page, list.Paths = "thing-list", "ThingList", "thing-list.md", []string{"/things"}
	list.Routes = []*ir.Route{{Path: "/things", Pattern: "/things", GoName: "ThingList"}}
	a.Operations = append(a.Operations, &list)
	return a
}

// TestMockRoutesShareWhatTheyShare: each permission set of an area is
// written once, as a variable its routes refer to, and the routes of an
// operation that differ only by pattern are one Route value registered in
// a loop over their patterns (issue 15: the mock's repeated text was most
// of what formatting it cost). The expected text is written by hand from
// sharedRoutesAPI.
func TestMockRoutesShareWhatTheyShare(t *testing.T) {
	text := fileText(t, sharedRoutesAPI(), "thing/thingmock/mock.go")
	want := `// permsThingGet are the documented permissions of thing-get, thing-list.
var permsThingGet = &graphtest.Permissions{DelegatedWork: []string{"Thing.Read"}}

// permsThingGet2 are the documented permissions of thing-get.
var permsThingGet2 = &graphtest.Permissions{DelegatedWork: []string{"Group.Read"}}

// Register registers the routes of package thing on m, answered by h (nil:
// DocsHandler{}). A route that the docs document for an operation of another
// area too is registered by the area that serves it (naming rule 6).
func Register(m *graphtest.Mux, h Handler) {
	if h == nil {
		h = DocsHandler{}
	}
	rt := graphtest.Route{Operation: "thing-get", Method: "GET", Body: graphtest.BodyNone, Permissions: permsThingGet}
	for _, p := range []string{
		"/v1.0/things/{id}",
		"/v1.0/me/thing",
	} {
		rt.Pattern = p
		m.Handle(rt, h.ThingGet)
	}
	m.Handle(graphtest.Route{Operation: "thing-get", Method: "GET", Pattern: "/v1.0/groups/{id}/thing", Body: graphtest.BodyNone, Permissions: permsThingGet2}, h.ThingGet)
	m.Handle(graphtest.Route{Operation: "thing-list", Method: "GET", Pattern: "/v1.0/things", Body: graphtest.BodyNone, Permissions: permsThingGet}, h.ThingList)
}
`
	if !strings.Contains(text, want) {
		t.Errorf("thing/thingmock/mock.go lacks\n%s\nin:\n%s", want, text)
	}
}
