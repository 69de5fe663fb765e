package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fourAreas is a docs tree of four pages in four areas.
func fourAreas(t *testing.T) string {
	t.Helper()
	return docsTree(t, map[string]string{
		"thing-reset.md":    page("Reset thing", "POST", "/things/{id}/reset"),
		"gadget-reset.md":   page("Reset gadget", "POST", "/gadgets/{id}/reset"),
		"widget-reset.md":   page("Reset widget", "POST", "/widgets/{id}/reset"),
		"sprocket-reset.md": page("Reset sprocket", "POST", "/sprockets/{id}/reset"),
	})
}

// lines splits output into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestWrongDocsDoesNotWipeOutput: a typo in DOCS (an empty directory, a
// directory without pages) or a narrow -include on an existing SDK fails
// in one line and writes nothing; -allow-shrink lets it through.
func TestWrongDocsDoesNotWipeOutput(t *testing.T) {
	out := t.TempDir()
	if code, stderr := gen("-out", out, "-pkg", "graph", fourAreas(t)); code != 0 {
		t.Fatalf("first run: exit %d:\n%s", code, stderr)
	}
	before := snapshot(t, out)
	noPages := t.TempDir()
	os.WriteFile(filepath.Join(noPages, "README.md"), []byte("# not docs\n"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		why  string
	}{
		{"empty directory", []string{t.TempDir()}, "no operation in"},
		{"no pages", []string{noPages}, "no operation in"},
		{"include matches nothing", []string{"-include", "nosuch-*", fourAreas(t)}, "-include/-exclude selected no operation"},
		{"include of one area", []string{"-include", "thing-*", fourAreas(t)}, "would remove"},
		{"strict too", []string{"-strict", t.TempDir()}, "no operation in"},
	} {
		args := append([]string{"-out", out, "-pkg", "graph"}, tc.args...)
		code, stderr := gen(args...)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1:\n%s", tc.name, code, stderr)
		}
		if l := lines(stderr); len(l) != 1 || !strings.Contains(l[0], tc.why) || !strings.Contains(l[0], "nothing written") || !strings.Contains(l[0], "-allow-shrink") {
			t.Errorf("%s: want one line saying %q, nothing written and -allow-shrink; got:\n%s", tc.name, tc.why, stderr)
		}
		if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
			t.Errorf("%s: output changed (-before +after):\n%s", tc.name, diff)
		}
	}
	// -check reports without failing on the shrink: it writes nothing anyway.
	if code, stderr := gen("-check", "-out", out, "-pkg", "graph", "-include", "thing-*", fourAreas(t)); code != 1 || !strings.Contains(stderr, "to remove: gadget/client.go") {
		t.Errorf("-check of a shrink: exit %d, want 1 and the files to remove:\n%s", code, stderr)
	}
	code, stderr := gen("-allow-shrink", "-out", out, "-pkg", "graph", "-include", "thing-*", fourAreas(t))
	if code != 0 {
		t.Fatalf("-allow-shrink: exit %d:\n%s", code, stderr)
	}
	after := snapshot(t, out)
	if _, ok := after["gadget/client.go"]; ok || after["thing/client.go"] == "" {
		t.Errorf("-allow-shrink: want only the thing area left, got %v", keys(after))
	}
}

// keys lists a snapshot's paths.
func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestNoDocsIsAUsageError: without DOCS no command falls back to
// graphgen's own test pages; each says what is missing in one line.
func TestNoDocsIsAUsageError(t *testing.T) {
	out := t.TempDir()
	for _, args := range [][]string{
		{"-out", out, "-pkg", "graph"},
		{"ir"},
		{"report"},
		{"check-metadata", "-csdl", "../../metadata/testdata/small.csdl"},
	} {
		code, stderr := gen(args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if l := lines(stderr); len(l) != 1 || !strings.Contains(l[0], "no DOCS given") || !strings.Contains(l[0], "-h for usage") {
			t.Errorf("%v: want one line naming DOCS, got:\n%s", args, stderr)
		}
	}
	if files := snapshot(t, out); len(files) != 0 {
		t.Errorf("files written without DOCS: %v", keys(files))
	}
}

// TestPackageNames: each unusable package name is refused before reading
// anything, with its own reason, in one line and exit 2.
func TestPackageNames(t *testing.T) {
	docs := fourAreas(t)
	for _, tc := range []struct{ pkg, out, why string }{
		{"func", "", "func is a Go keyword"},
		{"type", "", "type is a Go keyword"},
		{"main", "", "package main is a program"},
		{"Graph", "", "lower case (graph)"},
		{"my-graph", "", "not a Go identifier"},
		{"1graph", "", "not a Go identifier"},
		{"_", "", "blank identifier"},
		{"string", "", "string is predeclared"},
		{"café", "", "only ASCII"},
		{"", "3d", `the name "3d" of -out`},
		{"", "func", "func is a Go keyword; set -pkg"},
	} {
		out := filepath.Join(t.TempDir(), "graph")
		if tc.out != "" {
			out = filepath.Join(t.TempDir(), tc.out)
		}
		args := []string{"-out", out}
		if tc.pkg != "" {
			args = append(args, "-pkg", tc.pkg)
		}
		code, stderr := gen(append(args, docs)...)
		if code != 2 {
			t.Errorf("-pkg %q -out %s: exit %d, want 2:\n%s", tc.pkg, tc.out, code, stderr)
		}
		if l := lines(stderr); len(l) != 1 || !strings.Contains(l[0], tc.why) || strings.Contains(stderr, "usage:") {
			t.Errorf("-pkg %q -out %s: want one line with %q and no usage, got:\n%s", tc.pkg, tc.out, tc.why, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("-pkg %q: %s was created", tc.pkg, out)
		}
	}
	for _, ok := range []string{"graph", "msgraph", "graph_v1", "beta2"} {
		if code, stderr := gen("-out", filepath.Join(t.TempDir(), "x"), "-pkg", ok, docs); code != 0 {
			t.Errorf("-pkg %s: exit %d:\n%s", ok, code, stderr)
		}
	}
}

// TestDiagnosticsFollowTheSelection: a subset run prints the warnings of
// the pages it generates and counts the others in its summary line; -q
// prints the summary line only; notes for the docs' authors are counted,
// and graphgen report lists every diagnostic.
func TestDiagnosticsFollowTheSelection(t *testing.T) {
	noPerms := func(title, method, path string) string {
		p := page(title, method, path)
		return strings.Replace(p, "## Permissions", "## Who may call it", 1) // no permissions section: a warning
	}
	// The response section says 204, the example 200: a note.
	contradicts := page("Reset gizmo", "POST", "/gizmos/{id}/reset") + "\n## Example\n\n### Request\n\n```http\nPOST https://graph.microsoft.com/v1.0/gizmos/1/reset\n```\n\n### Response\n\n```http\nHTTP/1.1 200 OK\n```\n"
	docs := docsTree(t, map[string]string{
		"thing-reset.md":  noPerms("Reset thing", "POST", "/things/{id}/reset"),
		"gadget-reset.md": noPerms("Reset gadget", "POST", "/gadgets/{id}/reset"),
		"widget-reset.md": noPerms("Reset widget", "POST", "/widgets/{id}/reset"),
		"gizmo-reset.md":  contradicts,
	})
	code, stderr := gen("-out", t.TempDir(), "-pkg", "graph", "-include", "thing-*,gizmo-*", docs)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	got := lines(stderr)
	if len(got) < 2 || !strings.Contains(got[0], "thing-reset.md:1:1: warning: no permissions section") {
		t.Errorf("want the thing page's warning, got:\n%s", stderr)
	}
	if strings.Contains(stderr, "gadget-reset.md") || strings.Contains(stderr, "widget-reset.md") || strings.Contains(stderr, "gizmo-reset.md") {
		t.Errorf("diagnostics of pages not selected, or a note, printed:\n%s", stderr)
	}
	if sum := got[len(got)-1]; !strings.Contains(sum, "1 warnings;") || !strings.Contains(sum, "2 warnings on pages not selected, 1 notes for the docs' authors: graphgen report lists them") {
		t.Errorf("summary line: %s", sum)
	}
	code, stderr = gen("-q", "-out", t.TempDir(), "-pkg", "graph", docs)
	if l := lines(stderr); code != 0 || len(l) != 1 || !strings.HasPrefix(l[0], "graphgen: 4 pages read") {
		t.Errorf("-q: exit %d, want the summary line only:\n%s", code, stderr)
	}
	var stdout, errOut strings.Builder
	if code := run([]string{"report", docs}, &stdout, &errOut); code != 0 {
		t.Fatalf("report: exit %d:\n%s", code, errOut.String())
	}
	for _, want := range []string{"diagnostics: 0 errors, 3 warnings, 1 notes", "gadget-reset.md:1:1: warning: no permissions section", "gizmo-reset.md:", "note: the response section says 204 but the first example"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, stdout.String())
		}
	}
}
