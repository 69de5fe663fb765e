package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/internal/par"
)

// cacheEnv names the environment variable that places the format cache:
// "off" turns it off, a directory puts it there; unset or empty, it is in
// the user's cache directory (os.UserCacheDir()/graphgen).
const cacheEnv = "GRAPHGEN_CACHE"

// cacheMagic is the first line of a cache file; the second is the output
// directory it describes.
const cacheMagic = "graphgen format cache 1"

// A formatCache remembers, for one output directory, which unformatted
// render (emitter.File.RenderKey) each generated file was formatted from
// and the SHA-256 of the content that formatting gave. A later run whose
// render of a file has the same key, and finds in the directory a file
// with that very hash, takes the file as it is instead of formatting the
// render again: go/format is most of what emitting costs. The hash check
// makes a file edited or replaced since then formatted again. The cache
// lives outside the output directory, so that it never shows in a
// repository; losing it costs only time.
type formatCache struct {
	file    string                // "" when there is no cache
	outDir  string                // absolute output directory
	entries map[string]cacheEntry // by slash path below outDir
	hits    atomic.Int64          // files reused in this run
}

// cacheEntry is what the cache knows of one file.
type cacheEntry struct{ key, sum string }

// openCache reads the cache of outDir; a cache that is off, missing or
// unreadable is an empty one, never an error.
func openCache(outDir string) *formatCache {
	c := &formatCache{entries: map[string]cacheEntry{}}
	dir := cacheDir()
	abs, err := filepath.Abs(outDir)
	if dir == "" || err != nil {
		return c
	}
	sum := sha256.Sum256([]byte(abs))
	c.file = filepath.Join(dir, hex.EncodeToString(sum[:12])+".cache")
	c.outDir = abs
	if data, err := os.ReadFile(c.file); err == nil {
		c.entries = parseCache(data, abs)
	}
	return c
}

// cacheDir is the directory of the cache files, "" when the cache is off.
func cacheDir() string {
	switch v := os.Getenv(cacheEnv); v {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "graphgen")
	default:
		return v
	}
}

// parseCache reads a cache file written for outDir; anything else (a
// hash collision of directory names, another version's format) is empty.
func parseCache(data []byte, outDir string) map[string]cacheEntry {
	entries := map[string]cacheEntry{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != cacheMagic || !sc.Scan() || sc.Text() != outDir {
		return entries
	}
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return map[string]cacheEntry{}
		}
		entries[f[0]] = cacheEntry{key: f[1], sum: f[2]}
	}
	return entries
}

// reuse is emitter.Options.Reuse: the file now at path in the output
// directory when it was formatted from the render key and has not changed
// since. The emitter calls it from several goroutines.
func (c *formatCache) reuse(path, key string) ([]byte, bool) {
	e, ok := c.entries[path]
	if !ok || e.key != key {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(c.outDir, filepath.FromSlash(path)))
	if err != nil || contentSum(data) != e.sum {
		return nil, false
	}
	c.hits.Add(1)
	return data, true
}

// contentSum is the hex SHA-256 of a file's content.
func contentSum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// contentSums is contentSum of each file, on every core.
func contentSums(files []emitter.File) []string {
	sums := make([]string, len(files))
	par.Each(len(files), func(i int) { sums[i] = contentSum(files[i].Content) })
	return sums
}

// save records files, the content the output directory now holds, when
// that differs from what the cache knew; a run that changed nothing
// writes nothing here either. Failing to save only costs the next run
// time, so errors are returned for tests and otherwise ignored.
func (c *formatCache) save(files []emitter.File, sums []string) error {
	if c.file == "" {
		return nil
	}
	next := make(map[string]cacheEntry, len(files))
	for i, f := range files {
		next[f.Path] = cacheEntry{key: f.RenderKey, sum: sums[i]}
	}
	if maps.Equal(next, c.entries) {
		return nil
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n%s\n", cacheMagic, c.outDir)
	for _, p := range slices.Sorted(maps.Keys(next)) {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", p, next[p].key, next[p].sum)
	}
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		return err
	}
	c.entries = next
	pruneCaches(filepath.Dir(c.file))
	return writeFileAtomic(c.file, b.Bytes())
}

// pruneCaches removes the cache files of output directories that no
// longer exist (temporary ones, mostly), so that the cache stays small,
// and the run records (runcache.go) of the output directories whose
// format cache is gone.
func pruneCaches(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.cache"))
	for _, name := range names {
		if out, ok := cachedOutDir(name); ok && !isDir(out) {
			os.Remove(name)
		}
	}
	runs, _ := filepath.Glob(filepath.Join(dir, "*.run"))
	for _, name := range runs {
		if _, err := os.Stat(strings.TrimSuffix(name, ".run") + ".cache"); errors.Is(err, fs.ErrNotExist) {
			os.Remove(name)
		}
	}
}

// cachedOutDir reads the output directory a cache file describes.
func cachedOutDir(name string) (string, bool) {
	f, err := os.Open(name)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() || sc.Text() != cacheMagic || !sc.Scan() {
		return "", false
	}
	return sc.Text(), true
}
