package emitter_test

import (
	"sync"
	"testing"

	"github.com/graphgen-dev/graphgen/emitter"
)

// TestReuseSkipsFormatting: a file whose render key Reuse knows gets
// Reuse's content as is (go/format does not run on it); the others are
// formatted, and every file has the same key in every run.
func TestReuseSkipsFormatting(t *testing.T) {
	first, err := emitter.Emit(api("Get thing", "", simpleRoute()), emitter.Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, f := range first {
		if len(f.RenderKey) != 64 {
			t.Fatalf("%s: render key %q, want a hex SHA-256", f.Path, f.RenderKey)
		}
		keys[f.Path] = f.RenderKey
	}
	var mu sync.Mutex
	asked := map[string]string{}
	reuse := func(path, key string) ([]byte, bool) {
		mu.Lock()
		defer mu.Unlock()
		asked[path] = key
		return []byte("reused\n"), path == "thing/client.go"
	}
	again, err := emitter.Emit(api("Get thing", "", simpleRoute()), emitter.Options{Package: "graph", Reuse: reuse})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range again {
		if asked[f.Path] != keys[f.Path] || f.RenderKey != keys[f.Path] {
			t.Errorf("%s: asked for key %q, file has %q, first run had %q", f.Path, asked[f.Path], f.RenderKey, keys[f.Path])
		}
		want := string(first[i].Content)
		if f.Path == "thing/client.go" {
			want = "reused\n"
		}
		if string(f.Content) != want {
			t.Errorf("%s: content %q, want %q", f.Path, f.Content, want)
		}
	}
}

// TestRenderKeyFollowsTheRender: a change to the docs changes the key of
// exactly the files whose content it changes.
func TestRenderKeyFollowsTheRender(t *testing.T) {
	emit := func(title string) map[string]emitter.File {
		files, err := emitter.Emit(api(title, "", simpleRoute()), emitter.Options{Package: "graph"})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]emitter.File{}
		for _, f := range files {
			out[f.Path] = f
		}
		return out
	}
	a, b := emit("Get thing"), emit("Get a thing")
	changed := 0
	for path, f := range a {
		contentChanged := string(b[path].Content) != string(f.Content)
		if keyChanged := b[path].RenderKey != f.RenderKey; keyChanged != contentChanged {
			t.Errorf("%s: key changed %v, content changed %v", path, keyChanged, contentChanged)
		}
		if contentChanged {
			changed++
		}
	}
	if changed == 0 {
		t.Errorf("a new title changed no file")
	}
}
