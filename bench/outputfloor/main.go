// Command outputfloor measures what any generator that writes formatted Go
// pays for an output tree, whatever it does before: it reads every file
// below SRC into memory, then, on all cores, formats each .go file with
// go/format (as graphgen's rendering does) and writes every file into a
// fresh copy at DST, and prints the seconds of each step. With graphgen's
// own output of the English corpus as SRC, the two steps plus the bare
// goldmark parse are a floor for a whole generation.
//
//	outputfloor SRC DST
package main

import (
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/graphgen-dev/graphgen/internal/par"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: outputfloor SRC DST")
		os.Exit(2)
	}
	src, dst := os.Args[1], os.Args[2]
	var paths []string
	var contents [][]byte
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		paths, contents = append(paths, p), append(contents, b)
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "outputfloor:", err)
		os.Exit(1)
	}
	start := time.Now()
	errs := make([]error, len(paths))
	par.Each(len(paths), func(i int) {
		if strings.HasSuffix(paths[i], ".go") {
			_, errs[i] = format.Source(contents[i])
		}
	})
	formatted := time.Since(start)
	start = time.Now()
	par.Each(len(paths), func(i int) {
		if errs[i] != nil {
			return
		}
		rel, _ := filepath.Rel(src, paths[i])
		out := filepath.Join(dst, rel)
		if errs[i] = os.MkdirAll(filepath.Dir(out), 0o755); errs[i] == nil {
			errs[i] = os.WriteFile(out, contents[i], 0o644)
		}
	})
	written := time.Since(start)
	for _, err := range errs {
		if err != nil {
			fmt.Fprintln(os.Stderr, "outputfloor:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("%.2f %.2f\n", formatted.Seconds(), written.Seconds())
	fmt.Fprintf(os.Stderr, "%d files: formatted in %.2f s, written in %.2f s\n", len(paths), formatted.Seconds(), written.Seconds())
}
