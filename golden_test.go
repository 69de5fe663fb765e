package graphgen_test

import (
	"bytes"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

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
func generate(t *testing.T, dir, pkg string) map[string][]byte {
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
	files, err := graphgen.Generate(api, emitter.Options{Package: pkg})
	if err != nil {
		t.Fatalf("%s: %v\n%s", dir, err, diags.String())
	}
	for _, f := range files {
		out[f.Path] = f.Content
	}
	return out
}

// readDir reads the files of dir that keep (nil: all) selects.
func readDir(t *testing.T, dir string, keep func(name string, data []byte) bool) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if keep == nil || keep(e.Name(), data) {
			out[e.Name()] = data
		}
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
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
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

// TestGolden is the contract: for every case of testdata/docs, the IR, the
// diagnostics and the generated Go equal testdata/golden/<case>.
func TestGolden(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c, func(t *testing.T) {
			got := generate(t, filepath.Join(docsDir, c), packageName(c))
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
		first := generate(t, filepath.Join(docsDir, c), packageName(c))
		second := generate(t, filepath.Join(docsDir, c), packageName(c))
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
		for name, data := range generate(t, filepath.Join(docsDir, c), packageName(c)) {
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
		args = append(args, "./"+filepath.ToSlash(filepath.Join(goldenDir, c)))
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
	got := generate(t, docsDir, "generated")
	for name := range got {
		if !strings.HasSuffix(name, ".go") {
			delete(got, name)
		}
	}
	if *update {
		write(t, generatedDir, got, isOurs)
		return
	}
	compare(t, generatedDir, readDir(t, generatedDir, isOurs), got, "go generate ./generated")
}
