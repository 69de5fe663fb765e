package graphgen_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// corpusDir returns the English 2021 corpus tree or skips. Both benchmarks
// read the files from it (the page cache keeps them warm), so they compare
// the same work but for the parsing.
func corpusDir(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("GRAPHGEN_CORPUS")
	if dir == "" {
		b.Skip("GRAPHGEN_CORPUS is not set")
	}
	root := filepath.Join(dir, "graph-docs-en-2021")
	if _, err := os.Stat(root); err != nil {
		b.Skip(err)
	}
	return root
}

// mdFiles lists the .md files below root.
func mdFiles(b *testing.B, root string) []string {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// BenchmarkCorpusIR is the whole pipeline up to the named IR over the
// English 2021 corpus (11,289 pages), on all cores.
func BenchmarkCorpusIR(b *testing.B) {
	root := corpusDir(b)
	pages := len(mdFiles(b, root))
	for b.Loop() {
		if _, err := graphgen.Load(os.DirFS(root)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(pages), "µs/page")
}

// BenchmarkCorpusGoldmark is the baseline: walking the same tree, reading
// every file and a bare goldmark (+ GFM tables) parse, on as many workers.
func BenchmarkCorpusGoldmark(b *testing.B) {
	root := corpusDir(b)
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	pages := 0
	for b.Loop() {
		files := mdFiles(b, root)
		pages = len(files)
		var wg sync.WaitGroup
		next := make(chan string)
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for name := range next {
					src, err := os.ReadFile(name)
					if err != nil {
						b.Error(err)
						continue
					}
					md.Parser().Parse(text.NewReader(src))
				}
			}()
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(pages), "µs/page")
}

// BenchmarkEmit is the emit step alone (graphgen.Generate of a loaded IR)
// over the English 2021 v1.0 tree, on all cores: the Go that a full
// generation renders, without the parsing. format renders and formats
// every file, as a first generation does; reuse is a regeneration with
// nothing changed, whose Reuse hands back the previous run's content (as
// the CLI's format cache does, without its file reads).
func BenchmarkEmit(b *testing.B) {
	root := filepath.Join(corpusDir(b), "api-reference", "v1.0")
	api, err := graphgen.Load(os.DirFS(root))
	if err != nil {
		b.Fatal(err)
	}
	opts := emitter.Options{Package: "graph", ImportPath: "example.com/graph"}
	b.Run("format", func(b *testing.B) { benchEmit(b, api, opts) })
	prev, err := graphgen.Generate(api, opts)
	if err != nil {
		b.Fatal(err)
	}
	byKey := map[string][]byte{}
	for _, f := range prev {
		byKey[f.Path+"\x00"+f.RenderKey] = f.Content
	}
	opts.Reuse = func(path, key string) ([]byte, bool) {
		c, ok := byKey[path+"\x00"+key]
		return c, ok
	}
	b.Run("reuse", func(b *testing.B) { benchEmit(b, api, opts) })
}

// benchEmit generates api with opts in a loop; its bytes are the output's.
func benchEmit(b *testing.B, api *ir.API, opts emitter.Options) {
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		files, err := graphgen.Generate(api, opts)
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range files {
			size += len(f.Content)
		}
	}
	b.SetBytes(int64(size))
}
