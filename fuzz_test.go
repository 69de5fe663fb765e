package graphgen

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/graphgen-dev/graphgen/emitter"
)

// FuzzGenerate runs the whole pipeline on one fuzzed page beside a fixed
// resource page: whatever the page says, graphgen either reports errors or
// emits Go that parses, has only graphgen's declarations (no text of the
// page became code) and imports only the standard library and graphrt.
func FuzzGenerate(f *testing.F) {
	root := filepath.Join("testdata", "docs")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(path, "/api/") || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err == nil {
			f.Add(src)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	user, err := os.ReadFile("testdata/docs/en-2021/api-reference/v1.0/resources/user.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		fsys := fstest.MapFS{
			"api-reference/v1.0/api/fuzz.md":       {Data: page},
			"api-reference/v1.0/resources/user.md": {Data: user},
			"api-reference/v1.0/includes/perms.md": {Data: page},
			"api-reference/v1.0/api/fuzz-twin.md":  {Data: page},
		}
		api, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		files, err := Generate(api, emitter.Options{Package: "graph"})
		if err != nil {
			return // errors in the docs are reported, nothing is emitted
		}
		for _, file := range files {
			checkGenerated(t, file)
		}
	})
}

// checkGenerated parses one generated file and checks that its imports
// are the standard library and graphrt only, and that it declares nothing
// in init functions (the one place injected code would run by itself).
func checkGenerated(t *testing.T, file emitter.File) {
	t.Helper()
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, file.Path, file.Content, parser.ParseComments)
	if err != nil {
		t.Fatalf("%s does not parse: %v", file.Path, err)
	}
	if !ast.IsGenerated(af) {
		t.Fatalf("%s lacks the generated-code header", file.Path)
	}
	for _, imp := range af.Imports {
		p := strings.Trim(imp.Path.Value, `"`)
		if strings.Contains(p, ".") && p != emitter.RuntimePath && p != emitter.TestRuntimePath {
			t.Fatalf("%s imports %s", file.Path, p)
		}
	}
	for _, d := range af.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "init" {
			t.Fatalf("%s has an init function", file.Path)
		}
	}
}
