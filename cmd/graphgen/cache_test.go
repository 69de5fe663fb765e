package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
)

// init keeps the other tests of this package out of the user's cache
// directory; the cache tests set their own with t.Setenv.
func init() {
	if os.Getenv(cacheEnv) == "" {
		os.Setenv(cacheEnv, "off")
	}
}

// cachedRun sets a fresh format cache and returns a docs tree, an empty
// output directory and the cache directory.
func cachedRun(t *testing.T) (docs, out, cache string) {
	t.Helper()
	cache = t.TempDir()
	t.Setenv(cacheEnv, cache)
	docs = docsTree(t, map[string]string{
		"thing-reset.md": page("Reset thing", "POST", "/things/{id}/reset"),
		"widget-get.md":  page("Get widget", "GET", "/widgets/{id}"),
	})
	return docs, t.TempDir(), cache
}

// mustGen runs a generation that must succeed.
func mustGen(t *testing.T, args ...string) string {
	t.Helper()
	code, stderr := gen(args...)
	if code != 0 {
		t.Fatalf("graphgen %s: exit %d:\n%s", strings.Join(args, " "), code, stderr)
	}
	return stderr
}

// cacheFile is the one cache file in dir.
func cacheFile(t *testing.T, dir string) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.cache"))
	if len(names) != 1 {
		t.Fatalf("cache files in %s: %v, want one", dir, names)
	}
	return names[0]
}

func TestRegenerationReusesEveryUnchangedFile(t *testing.T) {
	docs, out, _ := cachedRun(t)
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	want := snapshot(t, out)
	api, err := graphgen.Load(os.DirFS(docs))
	if err != nil {
		t.Fatal(err)
	}
	c := openCache(out)
	files, err := graphgen.Generate(api, emitter.Options{Package: "graph", ImportPath: "graph", Reuse: c.reuse})
	if err != nil {
		t.Fatal(err)
	}
	if int(c.hits.Load()) != len(files) || len(files) != len(want) {
		t.Errorf("reused %d of %d files (%d in %s), want every one", c.hits.Load(), len(files), len(want), out)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = string(f.Content)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reused content differs from the files written (-want +got):\n%s", diff)
	}
}

func TestRunWithNothingChangedWritesNoCache(t *testing.T) {
	docs, out, cache := cachedRun(t)
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	before, err := os.Stat(cacheFile(t, cache))
	if err != nil {
		t.Fatal(err)
	}
	if stderr := mustGen(t, "-out", out, "-pkg", "graph", docs); !strings.Contains(stderr, " 0 files written") {
		t.Errorf("second run wrote files:\n%s", stderr)
	}
	after, err := os.Stat(cacheFile(t, cache))
	if err != nil || !os.SameFile(before, after) {
		t.Errorf("a run with nothing changed rewrote the cache file (%v)", err)
	}
}

func TestEditedFileIsFormattedAgain(t *testing.T) {
	docs, out, _ := cachedRun(t)
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	want := snapshot(t, out)
	edited := filepath.Join(out, "thing", "client.go")
	if err := os.WriteFile(edited, []byte(want["thing/client.go"]+"// edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if stderr := mustGen(t, "-out", out, "-pkg", "graph", docs); !strings.Contains(stderr, " 1 files written") {
		t.Errorf("the edited file was not rewritten:\n%s", stderr)
	}
	if diff := cmp.Diff(want, snapshot(t, out)); diff != "" {
		t.Errorf("output after restoring an edited file (-want +got):\n%s", diff)
	}
}

func TestCachedOutputEqualsUncached(t *testing.T) {
	docs, out, _ := cachedRun(t)
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	// A changed page changes its area's files; the others are reused.
	changed := page("Reset thing", "POST", "/things/{id}/resetAll")
	if err := os.WriteFile(filepath.Join(docs, "api-reference", "v1.0", "api", "thing-reset.md"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	t.Setenv(cacheEnv, "off")
	fresh := t.TempDir()
	mustGen(t, "-out", fresh, "-pkg", "graph", "-import", "graph", docs)
	if diff := cmp.Diff(snapshot(t, fresh), snapshot(t, out)); diff != "" {
		t.Errorf("cached regeneration differs from a run without cache (-uncached +cached):\n%s", diff)
	}
}

func TestCheckAndCacheOffWriteNoCache(t *testing.T) {
	docs, out, cache := cachedRun(t)
	gen("-check", "-out", out, "-pkg", "graph", docs)
	t.Setenv(cacheEnv, "off")
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	if names, _ := filepath.Glob(filepath.Join(cache, "*")); len(names) != 0 {
		t.Errorf("-check or %s=off wrote %v", cacheEnv, names)
	}
}

func TestDamagedCacheIsIgnored(t *testing.T) {
	docs, out, cache := cachedRun(t)
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	want := snapshot(t, out)
	name := cacheFile(t, cache)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, damaged := range []string{"", "garbage\n", cacheMagic + "\n", strings.Replace(string(data), "\t", " ", 1), strings.ReplaceAll(string(data), "\t", "\tx")} {
		if err := os.WriteFile(name, []byte(damaged), 0o644); err != nil {
			t.Fatal(err)
		}
		mustGen(t, "-out", out, "-pkg", "graph", docs)
		if diff := cmp.Diff(want, snapshot(t, out)); diff != "" {
			t.Errorf("with cache %q (-want +got):\n%s", damaged, diff)
		}
	}
}

func TestCachesOfRemovedDirectoriesArePruned(t *testing.T) {
	docs, out, cache := cachedRun(t)
	gone := filepath.Join(t.TempDir(), "gone")
	mustGen(t, "-out", gone, "-pkg", "graph", docs)
	stale, staleRun := cacheFile(t, cache), runFile(t, cache)
	if err := os.RemoveAll(gone); err != nil {
		t.Fatal(err)
	}
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("the cache of a removed output directory is still there")
	}
	if _, err := os.Stat(staleRun); err == nil {
		t.Errorf("the run record of a removed output directory is still there")
	}
	cacheFile(t, cache) // the new ones
	runFile(t, cache)
}
