// Command graphgen generates a typed Go client and a matching mock server
// from Microsoft Graph API reference pages.
//
// Usage:
//
//	graphgen [-out DIR] [-pkg NAME] [-check] [DOCS...]
//	graphgen ir [-o FILE] [DOCS...]
//	graphgen report [-worst N] [DOCS...]
//	graphgen check-metadata -csdl FILE [-version V] [DOCS...]
//
// Without DOCS it reads the docs bundled with graphgen (testdata/docs).
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime/pprof"
	"strings"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/metadata"
	"github.com/graphgen-dev/graphgen/parser"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // errors in the docs, stale output with -check, I/O
	exitUsage = 2
)

func main() {
	// GRAPHGEN_CPUPROFILE=FILE writes a CPU profile of the run, for
	// bench/ and for finding where generation spends its time.
	if p := os.Getenv("GRAPHGEN_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			code := run(os.Args[1:], os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
		fmt.Fprintln(os.Stderr, "graphgen: GRAPHGEN_CPUPROFILE:", err)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, testable: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "ir" {
		return runIR(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "report" {
		return runReport(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "check-metadata" {
		return runCheckMetadata(args[1:], stdout, stderr)
	}
	return runGenerate(args, stderr)
}

// usageError reports a command-line mistake.
func usageError(stderr io.Writer, fset *flag.FlagSet, err error) int {
	fmt.Fprintln(stderr, "graphgen:", err)
	fset.Usage()
	return exitUsage
}

// runGenerate implements "graphgen [flags] DOCS...".
func runGenerate(args []string, stderr io.Writer) int {
	fset := flag.NewFlagSet("graphgen", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var cfg genConfig
	fset.StringVar(&cfg.Out, "out", ".", "output `directory` of the generated package")
	fset.StringVar(&cfg.Pkg, "pkg", "", "package `name` (default: the output directory's name)")
	importPath := fset.String("import", "", "import `path` of the generated root package (default: from the go.mod above -out)")
	check := fset.Bool("check", false, "write nothing; list the files that would change and exit 1 if any")
	fset.BoolVar(&cfg.Strict, "strict", false, "fail, writing nothing, when a page is skipped (the reasons are printed with their positions)")
	fset.Var((*listFlag)(&cfg.Include), "include", "generate only operations matching `glob` (operation id, page name, or /path prefix); repeatable, comma-separated")
	fset.Var((*listFlag)(&cfg.Exclude), "exclude", "leave out operations matching `glob`; repeatable, comma-separated")
	configFile := fset.String("config", "", "JSON `file` with docs, out, pkg, include and exclude, for long go:generate lines; flags win")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: graphgen [-out DIR] [-pkg NAME] [-import PATH] [-include GLOB] [-exclude GLOB] [-config FILE] [-check] [-strict] [DOCS...]\n       graphgen ir [-o FILE] [DOCS...]\n       graphgen report [-worst N] [DOCS...]\n       graphgen check-metadata -csdl FILE [-version V] [DOCS...]")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	cfg.Docs = fset.Args()
	if *configFile != "" {
		if err := cfg.merge(*configFile, fset); err != nil {
			return usageError(stderr, fset, err)
		}
	}
	name := cfg.Pkg
	if name == "" {
		name = packageName(cfg.Out)
	}
	if !isPackageName(name) {
		return usageError(stderr, fset, fmt.Errorf("%q is not a valid package name; set -pkg", name))
	}
	api, status := load(cfg.Docs, stderr, true)
	if api == nil {
		return status
	}
	if n := skippedPages(api); cfg.Strict && n > 0 {
		summary(stderr, api, fmt.Sprintf("-strict: %d pages skipped; nothing written", n))
		return exitError
	}
	if len(cfg.Include)+len(cfg.Exclude) > 0 {
		graphgen.Select(api, cfg.Include, cfg.Exclude)
	}
	if *importPath == "" {
		*importPath = importPathOf(cfg.Out, name, stderr)
	}
	files, err := graphgen.Generate(api, emitter.Options{Package: name, ImportPath: *importPath})
	if err != nil {
		if graphgen.Errors(api) == 0 { // else the diagnostics above say why
			fmt.Fprintln(stderr, "graphgen:", err)
		}
		summary(stderr, api, "nothing written")
		return exitError
	}
	written, removed, err := sync(cfg.Out, files, *check)
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return exitError
	}
	return report(stderr, api, len(files), written, removed, *check)
}

// genConfig is what a generation needs; -config reads it from JSON.
type genConfig struct {
	Docs    []string `json:"docs"`
	Out     string   `json:"out"`
	Pkg     string   `json:"pkg"`
	Include []string `json:"include"`
	Exclude []string `json:"exclude"`
	// Strict fails the run, writing nothing, when a page is skipped.
	Strict bool `json:"strict"`
}

// merge fills in from a JSON config file what no flag set; relative docs
// and out paths are relative to the file.
func (c *genConfig) merge(file string, fset *flag.FlagSet) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var fc genConfig
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fc); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	set := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { set[f.Name] = true })
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(filepath.Dir(file), p)
	}
	if len(c.Docs) == 0 {
		for _, d := range fc.Docs {
			c.Docs = append(c.Docs, rel(d))
		}
	}
	if !set["out"] && fc.Out != "" {
		c.Out = rel(fc.Out)
	}
	if !set["pkg"] && fc.Pkg != "" {
		c.Pkg = fc.Pkg
	}
	if !set["include"] {
		c.Include = fc.Include
	}
	if !set["exclude"] {
		c.Exclude = fc.Exclude
	}
	if !set["strict"] {
		c.Strict = fc.Strict
	}
	return nil
}

// listFlag collects repeatable, comma-separated values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

// report prints the summary of a generation and picks the exit status.
func report(stderr io.Writer, api *ir.API, files int, written, removed []string, check bool) int {
	if check {
		for _, w := range written {
			fmt.Fprintln(stderr, "stale:", w)
		}
		for _, r := range removed {
			fmt.Fprintln(stderr, "to remove:", r)
		}
		summary(stderr, api, fmt.Sprintf("%d of %d files would change, %d would be removed", len(written), files, len(removed)))
		if len(written)+len(removed) > 0 {
			return exitError
		}
		return exitOK
	}
	summary(stderr, api, fmt.Sprintf("%d files written, %d unchanged, %d removed", len(written), files-len(written), len(removed)))
	return exitOK
}

// runIR implements "graphgen ir [-o FILE] DOCS...".
func runIR(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("graphgen ir", flag.ContinueOnError)
	fset.SetOutput(stderr)
	outFile := fset.String("o", "", "write the JSON to `file` instead of standard output")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	api, status := load(fset.Args(), stderr, true)
	if api == nil {
		return status
	}
	data, err := graphgen.MarshalIR(api)
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return exitError
	}
	if *outFile == "" {
		_, err = stdout.Write(data)
	} else {
		err = writeFileAtomic(*outFile, data)
	}
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return exitError
	}
	summary(stderr, api, "IR written")
	if graphgen.Errors(api) > 0 {
		return exitError
	}
	return exitOK
}

// runReport implements "graphgen report [-worst N] DOCS...": for each
// tree, how completely its pages were read, the pages not fully read and
// the pages skipped, for maintainers and docs writers.
func runReport(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("graphgen report", flag.ContinueOnError)
	fset.SetOutput(stderr)
	worst := fset.Int("worst", 20, "list up to `n` pages per measure that were not fully read")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	dirs := fset.Args()
	if len(dirs) == 0 {
		dirs = []string{""} // the bundled docs
	}
	for _, d := range dirs {
		var names []string
		if d != "" {
			names = []string{d}
		}
		api, status := load(names, stderr, false)
		if api == nil {
			return status
		}
		title := d
		if title == "" {
			title = "bundled docs"
		}
		graphgen.Measure(api).Print(stdout, title, *worst)
	}
	return exitOK
}

// runCheckMetadata implements "graphgen check-metadata -csdl FILE DOCS...":
// the types and members the docs have and the CSDL metadata lacks, and the
// reverse. The docs are the source of truth; this is a second opinion, so
// differences do not fail the command.
func runCheckMetadata(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("graphgen check-metadata", flag.ContinueOnError)
	fset.SetOutput(stderr)
	csdlFile := fset.String("csdl", "", "CSDL metadata `file` (.csdl or .csdl.gz)")
	version := fset.String("version", "v1.0", "API `version` of the metadata")
	list := fset.Int("list", 20, "list up to `n` entries of each difference")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *csdlFile == "" {
		return usageError(stderr, fset, errors.New("check-metadata needs -csdl FILE"))
	}
	meta, err := readCSDL(*csdlFile)
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return exitError
	}
	api, status := load(fset.Args(), stderr, false)
	if api == nil {
		return status
	}
	metadata.Compare(api, *version, meta).Print(stdout, *list)
	metadata.Agree(api, *version, meta).Print(stdout, *list)
	return exitOK
}

// readCSDL reads a CSDL file, gunzipping a .gz one.
func readCSDL(name string) (map[string]*metadata.Type, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	return metadata.Read(r)
}

// load reads the docs trees (the bundled docs when none are named) and
// prints the diagnostics if asked. It returns a nil API when nothing could be read.
func load(dirs []string, stderr io.Writer, printDiags bool) (*ir.API, int) {
	var trees []graphgen.Tree
	var abss []string
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil {
			fmt.Fprintln(stderr, "graphgen:", err)
			return nil, exitUsage
		}
		if !st.IsDir() {
			fmt.Fprintf(stderr, "graphgen: %s is not a directory of docs\n", d)
			return nil, exitUsage
		}
		// A tree given as api-reference/v1.0 (or any directory inside a
		// version folder) says its version in its own path.
		abs, err := filepath.Abs(d)
		if err != nil {
			abs = d
		}
		abss = append(abss, filepath.ToSlash(abs))
		trees = append(trees, graphgen.Tree{FS: os.DirFS(d), Version: parser.VersionOf(filepath.ToSlash(abs))})
	}
	// Trees are named by the shortest ends of their paths that tell them
	// apart, so that the output does not depend on the working directory
	// or on how the paths were written.
	for i, name := range treeNames(abss) {
		trees[i].Name = name
	}
	if len(trees) == 0 {
		trees = []graphgen.Tree{{FS: graphgen.BundledDocs()}}
	}
	api, err := graphgen.LoadTrees(trees...)
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return nil, exitError
	}
	for _, d := range api.Diagnostics {
		if printDiags {
			d.Pos = displayPos(d.Pos, trees, dirs)
			fmt.Fprintln(stderr, d)
		}
	}
	return api, exitOK
}

// treeNames returns, for each absolute slash path, its shortest trailing
// run of segments that no other path ends with.
func treeNames(paths []string) []string {
	names := make([]string, len(paths))
	for i, p := range paths {
		segs := strings.Split(strings.Trim(p, "/"), "/")
		for n := 1; n <= len(segs); n++ {
			names[i] = strings.Join(segs[len(segs)-n:], "/")
			unique := true
			for j, q := range paths {
				if j != i && (q == names[i] || strings.HasSuffix(q, "/"+names[i])) {
					unique = false
				}
			}
			if unique {
				break
			}
		}
	}
	return names
}

// displayPos turns a position relative to its tree into one relative to
// the working directory, as the DOCS argument was written, so that editors
// can open it.
func displayPos(pos string, trees []graphgen.Tree, dirs []string) string {
	switch {
	case len(dirs) == 1:
		return filepath.ToSlash(filepath.Join(dirs[0], pos))
	case len(dirs) > 1:
		for i, t := range trees {
			if rest, ok := strings.CutPrefix(pos, t.Name+"/"); ok {
				return filepath.ToSlash(filepath.Join(dirs[i], rest))
			}
		}
	}
	return pos
}

// summary prints the one-line account of a run.
func summary(stderr io.Writer, api *ir.API, outcome string) {
	methods, warnings, skipped := 0, 0, skippedPages(api)
	resources := len(api.Skipped) - skipped
	for _, op := range api.Operations {
		methods += len(op.Routes)
	}
	for _, d := range api.Diagnostics {
		if d.Severity == ir.Warning {
			warnings++
		}
	}
	fmt.Fprintf(stderr, "graphgen: %d pages read, %d operations (%d client methods), %d resource pages, %d pages skipped, %d errors, %d warnings; %s\n",
		api.Pages, len(api.Operations), methods, resources, skipped, graphgen.Errors(api), warnings, outcome)
}

// skippedPages counts the pages that yielded no operation for a reason
// other than being resource pages.
func skippedPages(api *ir.API) int {
	n := 0
	for _, s := range api.Skipped {
		if s.Reason != parser.SkipResource {
			n++
		}
	}
	return n
}

// importPathOf finds the import path of dir from the go.mod above it: the
// area and mock packages import the root package by it. Without a go.mod
// it says so and uses name.
func importPathOf(dir, name string, stderr io.Writer) string {
	abs, err := filepath.Abs(dir)
	if err == nil {
		for mod := abs; ; mod = filepath.Dir(mod) {
			if src, err := os.ReadFile(filepath.Join(mod, "go.mod")); err == nil {
				if module := modulePath(src); module != "" {
					rel, err := filepath.Rel(mod, abs)
					if err == nil {
						return path.Join(module, filepath.ToSlash(rel))
					}
				}
				break
			}
			if filepath.Dir(mod) == mod {
				break
			}
		}
	}
	fmt.Fprintf(stderr, "graphgen: no go.mod above %s: its packages import each other as %q; set -import to change that\n", dir, name)
	return name
}

// modulePath reads the module line of a go.mod file.
func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(strings.SplitN(rest, "//", 2)[0]), `"`)
		}
	}
	return ""
}

// packageName derives a package name from the output directory.
func packageName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.NewReplacer("-", "", ".", "", "_", "").Replace(filepath.Base(abs)))
}

// isPackageName reports a lower-case Go identifier usable as a package name.
func isPackageName(s string) bool {
	if s == "" || s == "_" || s == "main" {
		return false
	}
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
