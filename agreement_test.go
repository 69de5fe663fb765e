package graphgen_test

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/graphgen-dev/graphgen/internal/pseudoloc"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

// field is one fact of an operation that a translation must not change.
type field struct {
	name string
	// code names what, in a page's code, documents this field: pages
	// whose code differs there were edited upstream (see skeleton).
	code string
	of   func(op *ir.Operation) string
}

// fields are the facts compared between a tree and its translation.
var fields = []field{
	{"method", "code", func(op *ir.Operation) string { return op.Method }},
	{"paths", "code", func(op *ir.Operation) string { return strings.Join(op.Paths, " ") }},
	{"permissions: work or school", "perms", func(op *ir.Operation) string { return kindOf(op, op.Permissions.DelegatedWork, "delegatedWork") }},
	{"permissions: personal", "perms", func(op *ir.Operation) string {
		return kindOf(op, op.Permissions.DelegatedPersonal, "delegatedPersonal")
	}},
	{"permissions: application", "perms", func(op *ir.Operation) string { return kindOf(op, op.Permissions.Application, "application") }},
	{"required headers", "code", requiredHeaders},
	{"body kind and type", "code", func(op *ir.Operation) string { return op.RequestBody.Kind + " " + op.RequestBody.Type }},
	{"status", "code", func(op *ir.Operation) string { return fmt.Sprint(op.Response.Status) }},
	{"response kind and type", "code", func(op *ir.Operation) string { return op.Response.Kind + " " + op.Response.Type }},
	{"body parameters (name, type, required)", "code", bodyParams},
}

// bodyParams lists a parameter body's rows: name, type and required-ness.
func bodyParams(op *ir.Operation) string {
	var rows []string
	for _, p := range op.RequestBody.Params {
		rows = append(rows, fmt.Sprintf("%s:%s%s[%v]%v", p.Name, p.TypeName, p.Ref, p.Collection, p.Required))
	}
	return strings.Join(rows, " ")
}

// Floors are the least shares of operations that must agree, per field
// (in the order of fields): the 99.5% (99% for permissions), or
// just below what was measured on 2026-11-30 where that is higher; body
// parameters, outside the fields, just below what was measured.
var (
	pseudoFloors     = []float64{0.999, 0.999, 0.995, 0.999, 0.995, 0.995, 0.998, 0.999, 0.997, 0.968}
	portugueseFloors = []float64{0.999, 0.999, 0.994, 0.998, 0.993, 0.999, 0.999, 0.999, 0.998, 0.894}
)

// kindOf writes one kind's permissions: the names, or "not supported".
func kindOf(op *ir.Operation, names []string, kind string) string {
	if slices.Contains(op.Permissions.NotSupported, kind) {
		return "not supported"
	}
	return strings.Join(names, ",")
}

// requiredHeaders lists the names of the required headers, sorted.
func requiredHeaders(op *ir.Operation) string {
	var names []string
	for _, h := range op.Headers {
		if h.Required {
			names = append(names, h.Name)
		}
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}

// agreement counts, per field, the operations on which two readings agree.
type agreement struct {
	compared int
	agree    []int
	upstream []int      // differences explained by an upstream edit
	diffs    [][]string // each difference, one line
}

// compareTrees compares the operations of the pages both trees have, page
// by page (operations in page order). edited, when not nil, tells whether
// the pages' code differs for a field's code kind: such differences are
// counted as upstream edits, not as disagreements.
func compareTrees(want, got map[string][]*ir.Operation, edited func(page, code string) bool) agreement {
	a := agreement{agree: make([]int, len(fields)), upstream: make([]int, len(fields)), diffs: make([][]string, len(fields))}
	for _, page := range sortedKeysOps(want) {
		gotOps, ok := got[page]
		if !ok {
			continue
		}
		wantOps := want[page]
		for i, w := range wantOps {
			a.compared++
			var g *ir.Operation
			if i < len(gotOps) {
				g = gotOps[i]
			}
			for f, fd := range fields {
				wv, gv := fd.of(w), "(no operation)"
				if g != nil {
					gv = fd.of(g)
				}
				switch {
				case wv == gv:
					a.agree[f]++
				case edited != nil && edited(page, fd.code):
					a.upstream[f]++
					a.diffs[f] = append(a.diffs[f], fmt.Sprintf("upstream edit: %s %s: %q -> %q", page, w.ID, wv, gv))
				default:
					a.diffs[f] = append(a.diffs[f], fmt.Sprintf("%s %s: %q -> %q", page, w.ID, wv, gv))
				}
			}
		}
	}
	return a
}

// share is the share of agreeing operations of field f, upstream edits
// left out of the count.
func (a agreement) share(f int) float64 {
	n := a.compared - a.upstream[f]
	if n == 0 {
		return 1
	}
	return float64(a.agree[f]) / float64(n)
}

// check logs the agreement table and every difference, and fails a field
// below its floor.
func (a agreement) check(t *testing.T, title string, floors []float64) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d operations compared\n| field | agree | upstream edits | share | floor |\n|---|---|---|---|---|\n", title, a.compared)
	for f, fd := range fields {
		fmt.Fprintf(&b, "| %s | %d | %d | %.2f%% | %.1f%% |\n", fd.name, a.agree[f], a.upstream[f], 100*a.share(f), 100*floors[f])
	}
	t.Log("\n" + b.String())
	for f, fd := range fields {
		if len(a.diffs[f]) > 0 {
			t.Logf("%s: %d differences\n  %s", fd.name, len(a.diffs[f]), strings.Join(a.diffs[f], "\n  "))
		}
		if a.share(f) < floors[f] {
			t.Errorf("%s: %s agree on %.2f%% of %d operations, below the floor of %.1f%%", title, fd.name, 100*a.share(f), a.compared-a.upstream[f], 100*floors[f])
		}
	}
	if a.compared < 2000 {
		t.Errorf("%s: only %d operations compared", title, a.compared)
	}
}

// parsedTrees caches the operations of the trees the corpus tests parse,
// by page, so that a tree several tests compare is parsed once.
var parsedTrees sync.Map // key -> func() (map[string][]*ir.Operation, error)

// opsOf parses fsys once per key and groups its operations by page.
func opsOf(t *testing.T, key string, fsys fs.FS) map[string][]*ir.Operation {
	t.Helper()
	f, _ := parsedTrees.LoadOrStore(key, sync.OnceValues(func() (map[string][]*ir.Operation, error) {
		api, err := parser.ParseFS(fsys)
		if err != nil {
			return nil, err
		}
		m := map[string][]*ir.Operation{}
		for _, op := range api.Operations {
			m[op.Page] = append(m[op.Page], op)
		}
		return m, nil
	}))
	ops, err := f.(func() (map[string][]*ir.Operation, error))()
	if err != nil {
		t.Fatal(err)
	}
	return ops
}

// skeleton is what translation leaves alone on a page, read without the
// parser: its code blocks and link targets ("code"), and its permission
// names, includes' too ("perms"). Two pages whose skeletons differ were
// edited upstream, not only translated.
type skeleton map[string]string

var (
	fencedBlock = regexp.MustCompile("(?ms)^ *(```|~~~).*?^ *(```|~~~)")
	linkTarget  = regexp.MustCompile(`\]\(([^)\s]+)`)
	permName    = regexp.MustCompile(`\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)+\b`)
	permInclude = regexp.MustCompile(`\(([^)]*includes/permissions/[^)]+\.md)\)`)
	spaces      = regexp.MustCompile(`\s+`)
)

// skeletonOf reads the skeleton of page name in fsys.
func skeletonOf(fsys fs.FS, name string) skeleton {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	s := string(src)
	var code []string
	for _, m := range fencedBlock.FindAllString(s, -1) {
		code = append(code, spaces.ReplaceAllString(m, " "))
	}
	for _, m := range linkTarget.FindAllStringSubmatch(s, -1) {
		code = append(code, m[1])
	}
	perms := permName.FindAllString(s, -1)
	for _, m := range permInclude.FindAllStringSubmatch(s, -1) {
		inc, err := fs.ReadFile(fsys, pathJoin(name, m[1]))
		if err == nil {
			perms = append(perms, permName.FindAllString(string(inc), -1)...)
		}
	}
	slices.Sort(perms)
	return skeleton{"code": strings.Join(code, "\n"), "perms": strings.Join(slices.Compact(perms), " ")}
}

// pathJoin resolves a link relative to the page that holds it.
func pathJoin(page, link string) string {
	dir := page[:strings.LastIndex(page, "/")+1]
	parts := strings.Split(dir+link, "/")
	var out []string
	for _, p := range parts {
		switch p {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, p)
		}
	}
	return strings.Join(out, "/")
}

// pseudoSeed and pseudoPages are the pseudo-localized golden case
// (testdata/docs/pseudoloc): three en-2021 pages, one per script, kept in
// internal/pseudoloc/testdata/en-2021.
const pseudoSeed = 7

var pseudoPages = []struct {
	path   string
	script pseudoloc.Script
}{
	{"api-reference/v1.0/api/contact-get.md", pseudoloc.Latin},
	{"api-reference/beta/api/intune-reporting-devicemanagementreports-getcachedreport.md", pseudoloc.Cyrillic},
	{"api-reference/v1.0/api/calendar-getschedule.md", pseudoloc.CJK},
}

// TestPseudoLocalizedPagesReadLikeEnglish checks the golden case of
// pseudo-localized pages: each is what pseudoloc makes of its en-2021
// page, and reads like it on every field of fields (the English page's
// reading is the expected value; the case's goldens pin the rest).
func TestPseudoLocalizedPagesReadLikeEnglish(t *testing.T) {
	en, loc := os.DirFS("internal/pseudoloc/testdata/en-2021"), os.DirFS("testdata/docs/pseudoloc")
	for _, pg := range pseudoPages {
		want, err := fs.ReadFile(en, pg.path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(loc, pg.path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(pseudoloc.New(pseudoSeed, pg.script).Page(want)) {
			t.Errorf("testdata/docs/pseudoloc/%s is not pseudoloc's translation of the en-2021 page (seed %d, script %d)", pg.path, pseudoSeed, pg.script)
		}
	}
	a := compareTrees(opsOf(t, "pseudoloc sources", en), opsOf(t, "testdata pseudoloc", loc), nil)
	for f, fd := range fields {
		if a.agree[f] != a.compared || a.compared < len(pseudoPages) {
			t.Errorf("%s: %d of %d operations agree:\n%s", fd.name, a.agree[f], a.compared, strings.Join(a.diffs[f], "\n"))
		}
	}
}
