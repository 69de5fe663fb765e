package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkResolveEmulation times the emulation pass alone over the
// English v1.0 tree of $GRAPHGEN_CORPUS (3,690 routes), to compare with
// the whole read (BenchmarkCorpusIR in the module root).
func BenchmarkResolveEmulation(b *testing.B) {
	dir := os.Getenv("GRAPHGEN_CORPUS")
	if dir == "" {
		b.Skip("GRAPHGEN_CORPUS is not set")
	}
	api, err := ParseTree(os.DirFS(filepath.Join(dir, "graph-docs-en-2021", "api-reference", "v1.0")), "v1.0")
	if err != nil {
		b.Fatal(err)
	}
	Resolve(api)
	b.ReportAllocs()
	for b.Loop() {
		resolveEmulation(api)
	}
}
