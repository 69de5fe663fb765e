package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/internal/par"
	"github.com/graphgen-dev/graphgen/ir"
)

// The run cache answers a generation whose inputs are those of the last
// successful one into the same output directory: every file below DOCS
// byte for byte, the flags that shape the output, the working directory
// (diagnostics print paths as DOCS was given) and graphgen's own
// executable. Such a run would print what that run printed and write what
// it wrote, so it prints the recorded messages and brings the output
// directory to the recorded files, taken from the directory itself once
// each has the content recorded; a file edited, removed or replaced since,
// or any input that differs, makes the run a full one. Without reading a
// page or rendering a file, a go generate with nothing changed costs about
// what hashing DOCS and the output costs. It lives beside the format cache
// (GRAPHGEN_CACHE; "off" turns both off) and losing it costs only time.

// runMagic versions the record's format.
const runMagic = "graphgen run cache 1"

// runCache is the run cache of one generation.
type runCache struct {
	file string // "" when there is none
	out  string // absolute output directory
	// key is the key of this run's inputs, "" when they could not be
	// read; it is hashed while the run goes on and waits for the hashing.
	key func() string
}

// runInputs is what a run's output and messages depend on besides the
// bytes of DOCS and of graphgen itself.
type runInputs struct {
	Magic       string
	Docs        []string // as given
	Dir         string   // the working directory
	Out         string
	Pkg         string
	ImportPath  string
	Include     []string
	Exclude     []string
	Strict      bool
	AllowShrink bool
}

// runRecord is what a successful run printed and wrote.
type runRecord struct {
	Magic       string
	Key         string
	Out         string
	Diagnostics []ir.Diagnostic // positions as printed
	Aside       []ir.Diagnostic
	Counts      runCounts
	Files       []recordedFile
}

// recordedFile is a file the run wrote and the SHA-256 of its content.
type recordedFile struct{ Path, Sum string }

// openRunCache computes the key of a run with cfg into the package name
// and import path; a cache that is off, or inputs that cannot all be read,
// give a cache that answers nothing and records nothing.
func openRunCache(cfg genConfig, name, importPath string, allowShrink bool) *runCache {
	none := &runCache{key: func() string { return "" }}
	dir := cacheDir()
	out, err := filepath.Abs(cfg.Out)
	if dir == "" || err != nil {
		return none
	}
	wd, err := os.Getwd()
	if err != nil {
		return none
	}
	sum := sha256.Sum256([]byte(out))
	c := &runCache{file: filepath.Join(dir, hex.EncodeToString(sum[:12])+".run"), out: out}
	in := runInputs{Magic: runMagic, Docs: cfg.Docs, Dir: wd, Out: out, Pkg: name, ImportPath: importPath,
		Include: cfg.Include, Exclude: cfg.Exclude, Strict: cfg.Strict, AllowShrink: allowShrink}
	// Hashed beside the run: a first generation (no record to answer
	// from) does not wait for it until it saves. Inputs that change while
	// the run reads them give a key no later run matches, unless they
	// change back, as with any build cache.
	key := make(chan string, 1)
	go func() {
		k, _ := runKey(in)
		key <- k
	}()
	c.key = sync.OnceValue(func() string { return <-key })
	return c
}

// runKey hashes in, graphgen's executable and every file below each DOCS
// directory (path and content, in lexical order); an input that cannot be
// read is an error.
func runKey(in runInputs) (string, error) {
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(in); err != nil {
		return "", err
	}
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	paths := []string{exe}
	for _, d := range in.Docs {
		paths = append(paths, "\x00"+d) // marks where each tree starts
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				paths = append(paths, p)
			}
			return err
		})
		if err != nil {
			return "", err
		}
	}
	sums := make([]string, len(paths))
	errs := make([]error, len(paths))
	par.Each(len(paths), func(i int) {
		if paths[i][0] == 0 {
			return
		}
		sums[i], errs[i] = fileSum(paths[i])
	})
	paths[0] = "graphgen" // its content, wherever it runs from (go run builds it in a new directory)
	for i, p := range paths {
		if errs[i] != nil {
			return "", errs[i]
		}
		io.WriteString(h, p+"\x00"+sums[i]+"\n")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// fileSum is the hex SHA-256 of the content of the file at p.
func fileSum(p string) (string, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	return contentSum(data), nil
}

// answer returns the recorded run and its files when this run's inputs
// are the record's and every recorded file is in the output directory
// with its recorded content.
func (c *runCache) answer(stderr io.Writer) (*genRun, []emitter.File, bool) {
	if c.file == "" {
		return nil, nil, false
	}
	data, err := os.ReadFile(c.file)
	if err != nil {
		return nil, nil, false
	}
	var rec runRecord
	if json.Unmarshal(data, &rec) != nil || rec.Magic != runMagic || rec.Out != c.out || len(rec.Files) == 0 || c.key() == "" || rec.Key != c.key() {
		return nil, nil, false
	}
	files := make([]emitter.File, len(rec.Files))
	ok := make([]bool, len(rec.Files))
	par.Each(len(rec.Files), func(i int) {
		f := rec.Files[i]
		content, err := os.ReadFile(filepath.Join(c.out, filepath.FromSlash(f.Path)))
		files[i] = emitter.File{Path: f.Path, Content: content}
		ok[i] = err == nil && contentSum(content) == f.Sum
	})
	for _, good := range ok {
		if !good {
			return nil, nil, false
		}
	}
	return &genRun{stderr: stderr, diags: rec.Diagnostics, aside: rec.Aside, counts: rec.Counts}, files, true
}

// save records run r, which wrote files (whose contentSums are sums).
// Failing to save only costs the next run time, so errors are returned for
// tests and otherwise ignored.
func (c *runCache) save(r *genRun, files []emitter.File, sums []string) error {
	if c.file == "" || c.key() == "" {
		return nil
	}
	rec := runRecord{Magic: runMagic, Key: c.key(), Out: c.out, Diagnostics: r.diags, Aside: r.aside, Counts: r.counts}
	for i, f := range files {
		rec.Files = append(rec.Files, recordedFile{Path: f.Path, Sum: sums[i]})
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		return err
	}
	return writeFileAtomic(c.file, data)
}
