package graphgen_test

import (
	"bytes"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
)

var update = flag.Bool("update", false, "rewrite testdata/golden and generated/ from testdata/docs")

const (
	docsDir      = "testdata/docs"
	goldenDir    = "testdata/golden"
	generatedDir = "generated"
	fixGolden    = "go test -run Golden -update ."
)

// cases are the directories of testdata/docs; each is a golden case.
func cases(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(docsDir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// packageName turns a case directory into a package name.
func packageName(c string) string {
	return strings.ToLower(strings.NewReplacer("-", "", ".", "").Replace(c))
}

// generate runs the pipeline on dir and returns every output file of a
// golden case: the generated Go, the IR dump and the diagnostics.
func generate(t *testing.T, dir, pkg, importPath string) map[string][]byte {
	t.Helper()
	api, err := graphgen.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	data, err := graphgen.MarshalIR(api)
	if err != nil {
		t.Fatal(err)
	}
	out["ir.json"] = data
	var diags strings.Builder
	for _, d := range api.Diagnostics {
		diags.WriteString(d.String() + "\n")
	}
	out["diagnostics.txt"] = []byte(diags.String())
	files, err := graphgen.Generate(api, emitter.Options{Package: pkg, ImportPath: importPath})
	if err != nil {
		t.Fatalf("%s: %v\n%s", dir, err, diags.String())
	}
	for _, f := range files {
		out[f.Path] = f.Content
	}
	return out
}

// readDir reads the files of dir and its subdirectories that keep (nil:
// all) selects, by slash path relative to dir.
func readDir(t *testing.T, dir string, keep func(name string, data []byte) bool) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if name := filepath.ToSlash(rel); keep == nil || keep(name, data) {
			out[name] = data
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// compare reports missing, extra and differing files, each ending with the
// command that fixes it.
func compare(t *testing.T, dir string, want, got map[string][]byte, fix string) {
	t.Helper()
	for _, name := range sortedKeys(got) {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: missing file (generated but not committed); run: %s", filepath.Join(dir, name), fix)
			continue
		}
		if diff := cmp.Diff(string(w), string(got[name])); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s\nrun: %s", filepath.Join(dir, name), diff, fix)
		}
	}
	for _, name := range sortedKeys(want) {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: extra file (committed but no longer generated); run: %s", filepath.Join(dir, name), fix)
		}
	}
}

// write makes dir hold exactly files among those keep selects.
func write(t *testing.T, dir string, files map[string][]byte, keep func(string, []byte) bool) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name := range readDir(t, dir, keep) {
		if _, ok := files[name]; !ok {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Dir(filepath.Join(dir, name))) // if now empty
		}
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// module is graphgen's module path; golden packages are built inside it.
const module = "github.com/graphgen-dev/graphgen"

// goldenImport is the import path of a golden case's root package.
func goldenImport(c string) string {
	return module + "/" + goldenDir + "/" + c
}

// TestGolden is the contract: for every case of testdata/docs, the IR, the
// diagnostics and the generated Go equal testdata/golden/<case>.
func TestGolden(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c, func(t *testing.T) {
			got := generate(t, filepath.Join(docsDir, c), packageName(c), goldenImport(c))
			dir := filepath.Join(goldenDir, c)
			if *update {
				write(t, dir, got, nil)
				return
			}
			compare(t, dir, readDir(t, dir, nil), got, fixGolden)
		})
	}
}

// TestGoldenDeterministic generates every case twice and requires the same
// bytes.
func TestGoldenDeterministic(t *testing.T) {
	for _, c := range cases(t) {
		first := generate(t, filepath.Join(docsDir, c), packageName(c), goldenImport(c))
		second := generate(t, filepath.Join(docsDir, c), packageName(c), goldenImport(c))
		for name := range first {
			if !bytes.Equal(first[name], second[name]) {
				t.Errorf("%s/%s: two runs gave different bytes", c, name)
			}
		}
	}
}

// TestGoldenGoFiles checks every generated Go file: it starts with the
// generated-code header, ast.IsGenerated agrees, and gofmt leaves it alone.
func TestGoldenGoFiles(t *testing.T) {
	for _, c := range cases(t) {
		for name, data := range generate(t, filepath.Join(docsDir, c), packageName(c), goldenImport(c)) {
			if !strings.HasSuffix(name, ".go") {
				continue
			}
			if first, _, _ := strings.Cut(string(data), "\n"); first != "// "+emitter.Header {
				t.Errorf("%s/%s: first line %q, want the generated-code header", c, name, first)
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, data, parser.ParseComments)
			if err != nil {
				t.Errorf("%s/%s: %v", c, name, err)
				continue
			}
			if !ast.IsGenerated(f) {
				t.Errorf("%s/%s: ast.IsGenerated is false", c, name)
			}
			if formatted, err := format.Source(data); err != nil || !bytes.Equal(formatted, data) {
				t.Errorf("%s/%s: not gofmt'ed (err %v)", c, name, err)
			}
		}
	}
}

// TestGoldenVet compiles and vets the golden packages.
func TestGoldenVet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	args := []string{"vet"}
	for _, c := range cases(t) {
		args = append(args, "./"+filepath.ToSlash(filepath.Join(goldenDir, c))+"/...")
	}
	cmd := exec.Command("go", args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// isOurs selects graphgen's files in generated/ (not doc.go or tests).
func isOurs(name string, data []byte) bool {
	return strings.HasSuffix(name, ".go") && bytes.HasPrefix(data, []byte("// "+emitter.Header))
}

// TestGoldenGenerated fails when the committed generated/ is not what
// graphgen makes of testdata/docs now.
func TestGoldenGenerated(t *testing.T) {
	got := generate(t, docsDir, "generated", module+"/"+generatedDir)
	for name := range got {
		if !strings.HasSuffix(name, ".go") {
			delete(got, name)
		}
	}
	clients := areaClientsFile(t, got)
	if *update {
		write(t, generatedDir, got, isOurs)
		write(t, generatedDir, clients, isAreaClients)
		return
	}
	compare(t, generatedDir, readDir(t, generatedDir, isOurs), got, "go generate ./generated")
	compare(t, generatedDir, readDir(t, generatedDir, isAreaClients), clients, fixGolden)
}

// areaClientsName is the test file listing generated/'s area packages.
const areaClientsName = "areas_test.go"

func isAreaClients(name string, _ []byte) bool { return name == areaClientsName }

// areaClientsFile writes generated/areas_test.go: areaClients returns a
// client of every area package of files, by package name, for the tests
// that call every operation.
func areaClientsFile(t *testing.T, files map[string][]byte) map[string][]byte {
	t.Helper()
	areas := map[string]bool{}
	for name := range files {
		if dir, _, ok := strings.Cut(name, "/"); ok && dir != generatedDir+"mock" {
			areas[dir] = true
		}
	}
	f := jen.NewFile("generated_test")
	f.HeaderComment("Code generated by golden_test.go (" + fixGolden + "). DO NOT EDIT.")
	dict := jen.Dict{}
	for area := range areas {
		dict[jen.Lit(area)] = jen.Qual(module+"/"+generatedDir+"/"+area, "New").Call(jen.Id("c"))
	}
	f.Comment("areaClients returns a client of every area package, by package name.")
	f.Func().Id("areaClients").Params(jen.Id("c").Op("*").Qual(module+"/"+generatedDir, "Client")).Map(jen.String()).Any().Block(
		jen.Return(jen.Map(jen.String()).Any().Values(dict)))
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{areaClientsName: buf.Bytes()}
}
