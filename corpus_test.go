package graphgen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

// corpusTrees are the docs trees of ../shared/corpus, unpacked into
// $GRAPHGEN_CORPUS (see .ci/run).
var corpusTrees = []string{"graph-docs-en-2021", "graph-docs-pt-BR-2023", "graph-docs-pt-BR-sxs-2021"}

// corpus returns the unpacked corpus directory or skips the test.
func corpus(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GRAPHGEN_CORPUS")
	if dir == "" {
		t.Skip("GRAPHGEN_CORPUS is not set; see README (corpus tests)")
	}
	if _, err := os.Stat(filepath.Join(dir, corpusTrees[0])); err != nil {
		t.Skipf("GRAPHGEN_CORPUS=%s holds no %s: %v", dir, corpusTrees[0], err)
	}
	return dir
}

// TestCorpusEveryAPIPage reads each corpus tree and requires every page
// under api/ to yield operations or be reported skipped; it reports the
// share of API pages that yield operations, and generates the Go of the
// whole tree (which must not fail).
func TestCorpusEveryAPIPage(t *testing.T) {
	dir := corpus(t)
	for _, tree := range corpusTrees {
		t.Run(tree, func(t *testing.T) {
			api, err := graphgen.Load(os.DirFS(filepath.Join(dir, tree)))
			if err != nil {
				t.Fatal(err)
			}
			apiPages, yielded := countAPIPages(api)
			share := float64(yielded) / float64(apiPages)
			t.Logf("%s: %d pages, %d API pages, %d yield %d operations (%.2f%%), %d skipped, %d diagnostics",
				tree, api.Pages, apiPages, yielded, len(api.Operations), 100*share, len(api.Skipped), len(api.Diagnostics))
			if share < 0.99 {
				t.Errorf("only %.2f%% of API pages yield operations; want at least 99%%", 100*share)
			}
			if _, err := graphgen.Generate(api, emitter.Options{Package: "graph"}); err != nil {
				for _, d := range api.Diagnostics {
					if d.Severity == ir.Error {
						t.Log(d)
					}
				}
				t.Fatal(err)
			}
		})
	}
}

// countAPIPages counts the pages under api/ and those that yield operations.
func countAPIPages(api *ir.API) (pages, yielded int) {
	got := map[string]bool{}
	for _, op := range api.Operations {
		got[op.Page] = true
	}
	for p := range got {
		if strings.Contains(p, "/api/") {
			yielded++
		}
	}
	pages = yielded
	for _, s := range api.Skipped {
		if strings.Contains(s.Page, "/api/") && s.Reason != parser.SkipResource {
			pages++
		}
	}
	return pages, yielded
}

// TestCorpusSideBySideReadsLikeEnglish compares every side-by-side pt-BR
// page (2021-08) with the English page of the same path (2021-07): the
// operations must agree on everything but prose and positions. The trees
// are six weeks apart, so some pages changed upstream; the test requires a
// high share of exact agreement and logs the first differences.
func TestCorpusSideBySideReadsLikeEnglish(t *testing.T) {
	dir := corpus(t)
	en := opsByPage(t, filepath.Join(dir, "graph-docs-en-2021"))
	sxs := opsByPage(t, filepath.Join(dir, "graph-docs-pt-BR-sxs-2021"))
	opts := cmp.Options{
		cmpopts.IgnoreFields(ir.Operation{}, "Source", "GoName"),
		cmpopts.IgnoreFields(ir.Route{}, "GoName", "ShadowedBy"),
		cmpopts.IgnoreFields(ir.Example{}, "Source"),
	}
	same, compared, shown := 0, 0, 0
	for page, ops := range sxs {
		enOps, ok := en[page]
		if !ok {
			continue
		}
		compared++
		diff := cmp.Diff(enOps, ops, opts)
		if diff == "" {
			same++
		} else if shown < 5 {
			shown++
			t.Logf("%s (-en +sxs):\n%.1500s", page, diff)
		}
	}
	share := float64(same) / float64(compared)
	t.Logf("%d of %d side-by-side pages read exactly like their English page (%.1f%%)", same, compared, 100*share)
	if compared < 5000 || share < 0.97 {
		t.Errorf("%d pages compared, %.1f%% identical; want at least 5000 and 97%%", compared, 100*share)
	}
}

// opsByPage parses a tree and groups its operations by page.
func opsByPage(t *testing.T, dir string) map[string][]*ir.Operation {
	t.Helper()
	api, err := parser.ParseFS(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]*ir.Operation{}
	for _, op := range api.Operations {
		m[op.Page] = append(m[op.Page], op)
	}
	return m
}
