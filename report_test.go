package graphgen_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/ir"
)

// TestAccountedAgainstDisk: a page on disk that the API neither has an
// operation for nor a reason about is an offender, found by APIFiles
// without the parser.
func TestAccountedAgainstDisk(t *testing.T) {
	fsys := fstest.MapFS{
		"api-reference/v1.0/api/a-get.md":          {Data: []byte("x")},
		"api-reference/v1.0/api/b-get.md":          {Data: []byte("x")},
		"api-reference/v1.0/api/c-get.md":          {Data: []byte("x")},
		"api-reference/v1.0/resources/user.md":     {Data: []byte("x")},
		"api-reference/v1.0/includes/api/note.txt": {Data: []byte("x")},
	}
	files, err := graphgen.APIFiles(fsys)
	if err != nil || strings.Join(files, ",") != "api-reference/v1.0/api/a-get.md,api-reference/v1.0/api/b-get.md,api-reference/v1.0/api/c-get.md" {
		t.Fatalf("APIFiles = %v, %v", files, err)
	}
	api := &ir.API{
		Operations: []*ir.Operation{{Page: "api-reference/v1.0/api/a-get.md", Source: "api-reference/v1.0/api/a-get.md:9:1", Method: "GET"}},
		Skipped:    []ir.Skip{{Page: "api-reference/v1.0/api/b-get.md", Reason: "no HTTP request syntax"}},
	}
	acc := graphgen.Measure(api, files).Rates[0]
	if acc.OK != 2 || acc.Of != 3 || len(acc.Offenders) != 1 || !strings.HasPrefix(acc.Offenders[0], "api-reference/v1.0/api/c-get.md:1:1: ") {
		t.Errorf("accounted %d of %d, offenders %q; want 2 of 3, c-get.md", acc.OK, acc.Of, acc.Offenders)
	}
}

// rawFieldsAPI: entity (id: String); photoHolder inherits from it with a
// photo of an undocumented type (its base's id is a field of its struct
// too); item inherits from photoHolder; one request body with three
// parameters, one a documented type, one a type cell naming nothing, one
// a Stream.
func rawFieldsAPI() *ir.API {
	v := "v1.0"
	return &ir.API{
		Types: []*ir.Type{
			{Name: "microsoft.graph.entity", Kind: ir.TypeObject, Version: v, Source: "resources/entity.md:1:1",
				Properties: []ir.Property{{Name: "id", Type: "Edm.String"}}},
			{Name: "microsoft.graph.photoHolder", Kind: ir.TypeObject, Version: v, Base: "microsoft.graph.entity", Source: "resources/photoholder.md:1:1",
				Properties: []ir.Property{{Name: "photo", Ref: "profilephoto"}, {Name: "born", Type: "Edm.Date"}}},
			{Name: "microsoft.graph.item", Kind: ir.TypeObject, Version: v, Base: "microsoft.graph.photoHolder", Source: "resources/item.md:1:1",
				Properties: []ir.Property{{Name: "size", Type: "Edm.Int64"}}},
			{Name: "microsoft.graph.color", Kind: ir.TypeEnum, Version: v},
		},
		Operations: []*ir.Operation{{ID: "item-paint", Version: v, Source: "api/item-paint.md:20:1", RequestBody: ir.RequestBody{
			GoName: "ItemPaintRequest",
			Params: []ir.BodyParam{
				{Name: "color", Type: "color", TypeName: "microsoft.graph.color"},
				{Name: "how", Type: ""},
				{Name: "logo", Type: "Stream", TypeName: "Edm.Stream"},
			}}}},
	}
}

// TestRawFieldsMeasure counts struct fields as generated (inherited
// properties in each derived struct, AdditionalData and @odata.type not
// counted) and lists each raw property once, with the reason. Expected
// numbers counted by hand from rawFieldsAPI.
func TestRawFieldsMeasure(t *testing.T) {
	rs := graphgen.MeasureRawFields(rawFieldsAPI())
	if len(rs) != 1 {
		t.Fatalf("%d versions measured, want 1", len(rs))
	}
	r := rs[0]
	// entity 1 + photoHolder 3 + item 4 fields; request 3: 11 fields.
	// Raw: photo in photoHolder and item, how, logo: 4.
	if r.Version != "v1.0" || r.Fields != 11 || r.Raw != 4 {
		t.Errorf("measured %s: %d raw of %d; want v1.0: 4 of 11", r.Version, r.Raw, r.Fields)
	}
	want := []string{
		`api/item-paint.md:20:1: item-paint body how (type cell ""): type cell names no type (1)`,
		`api/item-paint.md:20:1: item-paint body logo (type cell "Stream"): Edm.Stream has no Go type (1)`,
		`resources/photoholder.md:1:1: microsoft.graph.photoHolder.photo: links to "profilephoto", which these docs do not document (2)`,
	}
	var got []string
	for _, f := range r.List {
		got = append(got, fmt.Sprintf("%s: %s: %s (%d)", f.Pos, f.Where, f.Reason, f.Structs))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("raw fields (-want +got):\n%s", diff)
	}
}

// TestReportPrintsEveryEntryWhenWorstIsNegative: "graphgen report -worst
// -1" lists everything instead of panicking on a negative slice bound.
func TestReportPrintsEveryEntryWhenWorstIsNegative(t *testing.T) {
	api := rawFieldsAPI()
	api.Skipped = []ir.Skip{{Page: "api/a.md", Reason: "no HTTP request syntax"}}
	var b strings.Builder
	graphgen.Measure(api, []string{"api/a.md", "api/item-paint.md"}).Print(&b, "tree", -1)
	for _, line := range []string{"v1.0 raw JSON fields (json.RawMessage in model and request structs): 4 of 11 (36.36%)", "microsoft.graph.photoHolder.photo", "api/a.md: no HTTP request syntax"} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("report lacks %q:\n%s", line, b.String())
		}
	}
}

// TestReportCountsEmulatedRoutes: the report's line counts the routes by
// how the emulator answers them, every kind named, the ones left to the
// example counted only in the total. Expected line written by hand.
func TestReportCountsEmulatedRoutes(t *testing.T) {
	api := &ir.API{Operations: []*ir.Operation{
		{ID: "user-list", Method: "GET", Routes: []*ir.Route{{Path: "/users", Emulate: "list"}}},
		{ID: "user-get", Method: "GET", Routes: []*ir.Route{{Path: "/me", Emulate: "get"}, {Path: "/users/{id}", Emulate: "get"}}},
		{ID: "user-delta", Method: "GET", Routes: []*ir.Route{{Path: "/users/delta"}}},
		{ID: "group-post-members", Method: "POST", Routes: []*ir.Route{{Path: "/groups/{id}/members/$ref", Emulate: "addRef"}}},
	}}
	var b strings.Builder
	graphgen.Measure(api, nil).Print(&b, "tree", 0)
	want := "  emulated routes: 4 of 5 (list 1, get 2, create 0, update 0, replace 0, delete 0, count 0, addRef 1, removeRef 0, listRefs 0); the others answer with the docs' example\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, b.String())
	}
}
