package emitter_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
)

// familyAPI is a three-level family: shape ← polygon ← square, and
// shape ← circle; a drawing holds shapes.
func familyAPI() *ir.API {
	typ := func(name, base string, props ...ir.Property) *ir.Type {
		return &ir.Type{Name: "microsoft.graph." + name, Kind: ir.TypeObject, Version: "v1.0", Page: name + ".md", Base: base, Properties: props}
	}
	str := func(name string) ir.Property { return ir.Property{Name: name, Type: "Edm.String"} }
	return &ir.API{Types: []*ir.Type{
		typ("shape", "", str("id")),
		typ("polygon", "microsoft.graph.shape", ir.Property{Name: "sides", Type: "Edm.Int32"}),
		typ("square", "microsoft.graph.polygon", ir.Property{Name: "side", Type: "Edm.Double"}),
		typ("circle", "microsoft.graph.shape", ir.Property{Name: "radius", Type: "Edm.Double"}),
		typ("drawing", "", ir.Property{Name: "main", Type: "microsoft.graph.shape"}, ir.Property{Name: "shapes", Type: "microsoft.graph.shape", Collection: true}),
	}}
}

// familyUse exercises the generated family as a user would; the expected
// values are the hand-written JSON's.
const familyUse = `package family

import (
	"encoding/json"
	"testing"
)

func TestFamily(t *testing.T) {
	var d Drawing
	in := ` + "`" + `{"main": {"@odata.type": "#microsoft.graph.square", "id": "s", "sides": 4, "side": 2.5},
		"shapes": [{"@odata.type": "microsoft.graph.circle", "id": "c", "radius": 1}, {"@odata.type": "#microsoft.graph.polygon", "sides": 3}, {"@odata.type": "#microsoft.graph.hexagon", "sides": 6}]}` + "`" + `
	if err := json.Unmarshal([]byte(in), &d); err != nil {
		t.Fatal(err)
	}
	sq, ok := d.Main.AsSquare()
	if !ok || *sq.Side != 2.5 || *sq.Sides != 4 {
		t.Fatalf("AsSquare: %#v %v", sq, ok)
	}
	p, ok := d.Main.AsPolygon()
	if !ok || *p.Sides != 4 || *p.ID != "s" {
		t.Fatalf("AsPolygon of a square: %#v %v", p, ok)
	}
	if sq2, ok := p.AsSquare(); !ok || sq2 != sq {
		t.Errorf("the polygon view's square: %#v %v", sq2, ok)
	}
	if _, ok := d.Main.AsCircle(); ok {
		t.Error("a square is a circle")
	}
	if c, ok := d.Shapes[0].Derived().(*Circle); !ok || *c.Radius != 1 {
		t.Errorf("shapes[0]: %#v", d.Shapes[0].Derived())
	}
	if p, ok := d.Shapes[1].AsPolygon(); !ok || *p.Sides != 3 || p.Derived() != nil {
		t.Errorf("shapes[1]: %#v %v", p, ok)
	}
	if d.Shapes[2].Derived() != nil || string(d.Shapes[2].AdditionalData["sides"]) != "6" {
		t.Errorf("shapes[2]: %#v", d.Shapes[2])
	}
	out, err := json.Marshal(Drawing{Main: &Shape{}, Shapes: []Shape{d.Shapes[0]}})
	want := ` + "`" + `{"main":{"@odata.type":"#microsoft.graph.shape"},"shapes":[{"@odata.type":"microsoft.graph.circle","id":"c","radius":1}]}` + "`" + `
	if err != nil || string(out) != want {
		t.Errorf("marshal: %s, %v; want %s", out, err, want)
	}
}
`

// TestFamilyAccessorsRun generates the models of familyAPI in a
// temporary package inside the module and runs familyUse against them:
// the views of an intermediate type (AsPolygon of a square) are code that
// no docs case in testdata/docs generates.
func TestFamilyAccessorsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a package")
	}
	a := familyAPI()
	if diags := naming.Assign(a); len(diags) != 0 {
		t.Fatal(diags)
	}
	dir, err := os.MkdirTemp(".", "family-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	files, err := emitter.Emit(a, emitter.Options{Package: "family", ImportPath: "github.com/graphgen-dev/graphgen/emitter/" + filepath.Base(dir)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, emitter.File{Path: "family_test.go", Content: []byte(familyUse)}) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "test", "-count=1", "./"+filepath.Base(dir))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test: %v\n%s", err, out)
	}
}
