package graphgen

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
)

// A tree given as api-reference/v1.0 itself has no version in its page
// paths: with its Version, resource pages still make v1.0 types and the
// operations' responses are typed with them; without it, types have no
// version and nothing resolves.
func TestTreeVersionFromItsOwnPath(t *testing.T) {
	dir := "testdata/docs/en-2021/api-reference/v1.0"
	api, err := LoadTrees(Tree{FS: os.DirFS(dir), Version: "v1.0"})
	if err != nil {
		t.Fatal(err)
	}
	user := typeNamed(api, "microsoft.graph.user")
	if user == nil || user.Version != "v1.0" {
		t.Fatalf("microsoft.graph.user = %+v, want a v1.0 type", user)
	}
	get := operation(api, "user-get")
	if get == nil || get.Version != "v1.0" || get.Response.Type != "microsoft.graph.user" {
		t.Fatalf("user-get = %+v, want a v1.0 operation answering microsoft.graph.user", get)
	}
	for _, d := range api.Diagnostics {
		if strings.HasPrefix(d.Message, "cannot tell the API version") {
			t.Errorf("%s: %s", d.Pos, d.Message)
		}
	}

	bare, err := LoadTrees(Tree{FS: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	if u := typeNamed(bare, "microsoft.graph.user"); u == nil || u.Version != "" {
		t.Fatalf("without a tree version, microsoft.graph.user = %+v, want a type with no version", u)
	}
}

// typeNamed is the first type of api named name, nil if none.
func typeNamed(api *ir.API, name string) *ir.Type {
	for _, t := range api.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// operation is the first operation of api with the id, nil if none.
func operation(api *ir.API, id string) *ir.Operation {
	for _, op := range api.Operations {
		if op.ID == id {
			return op
		}
	}
	return nil
}

// reversedFS lists every directory in reverse order, as a file system
// that does not sort might.
type reversedFS struct{ fs.FS }

func (r reversedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.FS, name)
	slices.Reverse(entries)
	return entries, err
}

// TestOutputIndependentOfFileOrder: the bundled docs read in reverse
// directory order give byte-identical IR, diagnostics and Go.
func TestOutputIndependentOfFileOrder(t *testing.T) {
	render := func(fsys fs.FS) map[string][]byte {
		api, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		if out["ir.json"], err = MarshalIR(api); err != nil {
			t.Fatal(err)
		}
		files, err := Generate(api, emitter.Options{Package: "graph", ImportPath: "example.com/graph"})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			out[f.Path] = f.Content
		}
		return out
	}
	sorted, reversed := render(BundledDocs()), render(reversedFS{BundledDocs()})
	if len(sorted) < 10 {
		t.Fatalf("only %d files", len(sorted))
	}
	for name, data := range sorted {
		if !bytes.Equal(data, reversed[name]) {
			t.Errorf("%s differs when the files are read in another order", name)
		}
	}
	if len(reversed) != len(sorted) {
		t.Errorf("%d files in order, %d in reverse", len(sorted), len(reversed))
	}
}
