package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// answered runs a generation that must succeed and reports whether the
// run cache answered it (the docs were not read).
func answered(t *testing.T, args ...string) (string, bool) {
	t.Helper()
	before := loads.Load()
	stderr := mustGen(t, args...)
	return stderr, loads.Load() == before
}

// runFile is the one run record in dir.
func runFile(t *testing.T, dir string) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.run"))
	if len(names) != 1 {
		t.Fatalf("run records in %s: %v, want one", dir, names)
	}
	return names[0]
}

// TestRunCacheAnswersAsAFullRun: a run with nothing changed is answered
// without reading a page, prints what a full run prints (warnings, notes
// counted, summary) and leaves the output as it is.
func TestRunCacheAnswersAsAFullRun(t *testing.T) {
	docs, out, cache := cachedRun(t)
	// a warning to print and a note to count
	extra := "---\ntitle: Get gadget\n---\n\n# Get gadget\n\n## HTTP request\n\n```http\nGET gadgets/{id}\n```\n"
	if err := os.WriteFile(filepath.Join(docs, "api-reference", "v1.0", "api", "gadget-get.md"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	first, hit := answered(t, "-out", out, "-pkg", "graph", docs)
	if hit {
		t.Fatal("the first run was answered from a cache")
	}
	runFile(t, cache)
	want := snapshot(t, out)
	second, hit := answered(t, "-out", out, "-pkg", "graph", docs)
	if !hit {
		t.Fatalf("a run with nothing changed read the docs:\n%s", second)
	}
	if diff := cmp.Diff(want, snapshot(t, out)); diff != "" {
		t.Errorf("output after an answered run (-want +got):\n%s", diff)
	}
	t.Setenv(cacheEnv, t.TempDir()) // a full run with the output as it is
	full, hit := answered(t, "-out", out, "-pkg", "graph", docs)
	if hit {
		t.Fatal("a run with an empty cache was answered")
	}
	if second != full {
		t.Errorf("an answered run printed\n%s\na full run prints\n%s", second, full)
	}
	for _, s := range []string{": warning:", " 0 files written", "notes for the docs' authors"} {
		if !strings.Contains(second, s) {
			t.Errorf("the answered run's messages lack %q:\n%s", s, second)
		}
	}
	if !strings.Contains(first, "files written, 0 unchanged") {
		t.Errorf("first run:\n%s", first)
	}
	quiet, _ := answered(t, "-q", "-out", out, "-pkg", "graph", docs)
	if strings.Contains(quiet, ": warning:") {
		t.Errorf("-q printed warnings from the record:\n%s", quiet)
	}
}

// TestRunCacheMissesWhatChanged: a changed page, a new file of any kind
// below DOCS, another flag, an edited, removed or added output file make
// a full run, whose output is what it would be without any cache.
func TestRunCacheMissesWhatChanged(t *testing.T) {
	docs, out, _ := cachedRun(t)
	api := filepath.Join(docs, "api-reference", "v1.0", "api")
	args := []string{"-out", out, "-pkg", "graph", docs}
	mustGen(t, args...)
	for _, c := range []struct {
		name   string
		change func()
		args   []string
	}{
		{"page edited", func() {
			os.WriteFile(filepath.Join(api, "thing-reset.md"), []byte(page("Reset thing", "POST", "/things/{id}/resetAll")), 0o644)
		}, args},
		{"file added below DOCS", func() { os.WriteFile(filepath.Join(docs, "notes.txt"), []byte("x"), 0o644) }, args},
		{"flag", func() {}, []string{"-exclude", "widget-get", "-allow-shrink", "-out", out, "-pkg", "graph", docs}},
		{"flag back", func() {}, args},
		{"output edited", func() {
			p := filepath.Join(out, "thing", "client.go")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, append(data, "// edited\n"...), 0o644)
		}, args},
		{"output removed", func() { os.Remove(filepath.Join(out, "widget", "client.go")) }, args},
	} {
		c.change()
		if stderr, hit := answered(t, c.args...); hit {
			t.Errorf("%s: answered from the cache:\n%s", c.name, stderr)
		}
		if _, hit := answered(t, c.args...); !hit {
			t.Errorf("%s: the run after it, with nothing changed, was not answered", c.name)
		}
	}
	t.Setenv(cacheEnv, "off")
	fresh := t.TempDir()
	mustGen(t, "-out", fresh, "-pkg", "graph", "-import", "graph", docs)
	if diff := cmp.Diff(snapshot(t, fresh), snapshot(t, out)); diff != "" {
		t.Errorf("after cached runs, output differs from a run without cache (-uncached +cached):\n%s", diff)
	}
}

// TestRunCacheCheckAndStrayFiles: -check is answered too and finds an
// edited file stale; a file graphgen generated that the record lacks is
// removed as a full run removes it.
func TestRunCacheCheckAndStrayFiles(t *testing.T) {
	docs, out, _ := cachedRun(t)
	args := []string{"-out", out, "-pkg", "graph", docs}
	mustGen(t, args...)
	want := snapshot(t, out)
	if stderr, hit := answered(t, append([]string{"-check"}, args...)...); !hit || !strings.Contains(stderr, "0 of ") {
		t.Errorf("-check with nothing changed (answered %v):\n%s", hit, stderr)
	}
	stray := filepath.Join(out, "gone", "client.go")
	os.MkdirAll(filepath.Dir(stray), 0o755)
	os.WriteFile(stray, []byte(want["thing/client.go"]), 0o644) // graphgen's header: its own file
	if stderr, hit := answered(t, args...); !hit || !strings.Contains(stderr, " 1 removed") {
		t.Errorf("a stray generated file (answered %v):\n%s", hit, stderr)
	}
	if diff := cmp.Diff(want, snapshot(t, out)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

// TestRunCacheOff: with the cache off nothing is recorded or answered.
func TestRunCacheOff(t *testing.T) {
	docs, out, cache := cachedRun(t)
	t.Setenv(cacheEnv, "off")
	mustGen(t, "-out", out, "-pkg", "graph", docs)
	if _, hit := answered(t, "-out", out, "-pkg", "graph", docs); hit {
		t.Error("answered with the cache off")
	}
	if names, _ := filepath.Glob(filepath.Join(cache, "*")); len(names) != 0 {
		t.Errorf("%s=off wrote %v", cacheEnv, names)
	}
}

// TestRunCacheRecordsNoRunWhoseInputsChanged: a page edited while a run
// reads the docs (here: just after the key is hashed, before the pages
// are read; found by review with the key hashed beside the run) leaves no
// record, so the next run, with nothing changed since, is a full one and
// its output is what a run without cache writes.
func TestRunCacheRecordsNoRunWhoseInputsChanged(t *testing.T) {
	docs, out, cache := cachedRun(t)
	args := []string{"-out", out, "-pkg", "graph", docs}
	widget := filepath.Join(docs, "api-reference", "v1.0", "api", "widget-get.md")
	keyed = func() {
		keyed = func() {}
		if err := os.WriteFile(widget, []byte(page("Get widget", "GET", "/widgets/{id}/details")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { keyed = func() {} })
	mustGen(t, args...)
	if names, _ := filepath.Glob(filepath.Join(cache, "*.run")); len(names) != 0 {
		t.Errorf("a run whose input changed while it ran was recorded: %v", names)
	}
	if stderr, hit := answered(t, args...); hit {
		t.Errorf("the next run was answered:\n%s", stderr)
	}
	got := snapshot(t, out)
	t.Setenv(cacheEnv, "off")
	fresh := t.TempDir()
	mustGen(t, "-out", fresh, "-pkg", "graph", "-import", "graph", docs)
	if diff := cmp.Diff(snapshot(t, fresh), got); diff != "" {
		t.Errorf("output differs from a run without cache (-uncached +cached):\n%s", diff)
	}
	if !strings.Contains(got["widget/client.go"], "/details") {
		t.Errorf("the edit is not in the output")
	}
}
