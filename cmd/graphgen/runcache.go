package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

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
	in   runInputs
	key  string // of this run's inputs; "" when they could not be read
	// stamp is the size and modification time of every input when the
	// key was hashed: a run saves its record only if they are the same
	// after it, so that no input changed while the run read it.
	stamp string
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

// keyed is called once the key is hashed, before the docs are read (for
// the tests: they change an input there).
var keyed = func() {}

// openRunCache hashes the key of a run with cfg into the package name and
// import path, before the run reads anything; a cache that is off, or
// inputs that cannot all be read, give a cache that answers nothing and
// records nothing.
func openRunCache(cfg genConfig, name, importPath string, allowShrink bool) *runCache {
	dir := cacheDir()
	out, err := filepath.Abs(cfg.Out)
	if dir == "" || err != nil {
		return &runCache{}
	}
	wd, err := os.Getwd()
	if err != nil {
		return &runCache{}
	}
	sum := sha256.Sum256([]byte(out))
	c := &runCache{file: filepath.Join(dir, hex.EncodeToString(sum[:12])+".run"), out: out}
	c.in = runInputs{Magic: runMagic, Docs: cfg.Docs, Dir: wd, Out: out, Pkg: name, ImportPath: importPath,
		Include: cfg.Include, Exclude: cfg.Exclude, Strict: cfg.Strict, AllowShrink: allowShrink}
	c.key, c.stamp, _ = runKey(c.in)
	keyed()
	return c
}

// inputFiles lists graphgen's executable and every file below each DOCS
// directory, in lexical order, each tree after a "\x00" mark.
func inputFiles(in runInputs) ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	paths := []string{exe}
	for _, d := range in.Docs {
		paths = append(paths, "\x00"+d)
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				paths = append(paths, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// stampOf hashes the size and modification time of each of paths (a
// mark as it is); "" if one cannot be read.
func stampOf(paths []string) string {
	h := sha256.New()
	for _, p := range paths {
		if p[0] == 0 {
			io.WriteString(h, p+"\n")
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return ""
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%v\n", p, st.Size(), st.ModTime().UnixNano(), st.Mode())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// runKey hashes in, graphgen's executable and every file below each DOCS
// directory (path and content), and stamps them first; an input that
// cannot be read is an error.
func runKey(in runInputs) (key, stamp string, err error) {
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(in); err != nil {
		return "", "", err
	}
	paths, err := inputFiles(in)
	if err != nil {
		return "", "", err
	}
	if stamp = stampOf(paths); stamp == "" {
		return "", "", errors.New("an input cannot be read")
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
			return "", "", errs[i]
		}
		io.WriteString(h, p+"\x00"+sums[i]+"\n")
	}
	return hex.EncodeToString(h.Sum(nil)), stamp, nil
}

// unchanged reports whether every input has the size and modification
// time it had when the key was hashed.
func (c *runCache) unchanged() bool {
	paths, err := inputFiles(c.in)
	return err == nil && stampOf(paths) == c.stamp
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
	if json.Unmarshal(data, &rec) != nil || rec.Magic != runMagic || rec.Out != c.out || len(rec.Files) == 0 || c.key == "" || rec.Key != c.key {
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
	if c.file == "" || c.key == "" || !c.unchanged() {
		return nil // an input changed while the run read it: its output may be of either version
	}
	rec := runRecord{Magic: runMagic, Key: c.key, Out: c.out, Diagnostics: r.diags, Aside: r.aside, Counts: r.counts}
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
