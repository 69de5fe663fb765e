// Command goldmarkparse is the benchmark baseline: it parses every .md file
// below a directory with goldmark and its GFM table extension, on all
// cores, and does nothing else.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func main() {
	var files []string
	filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	next := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				src, err := os.ReadFile(f)
				if err == nil {
					md.Parser().Parse(text.NewReader(src))
				}
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	fmt.Fprintf(os.Stderr, "parsed %d files\n", len(files))
}
