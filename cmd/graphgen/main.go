// Command graphgen generates a typed Go client and a matching mock server
// from Microsoft Graph API reference pages.
//
// Usage:
//
//	graphgen [-out DIR] [-pkg NAME] [-check] [-q] DOCS...
//	graphgen ir [-o FILE] DOCS...
//	graphgen report [-worst N] DOCS...
//	graphgen check-metadata -csdl FILE [-version V] DOCS...
//	graphgen find [-json] [-pkg NAME] DOCS... 'GET /users/{id}'
//	graphgen serve [-addr :8080] [-auth on|off] [flags] DOCS...
//	graphgen help
//
// DOCS are docs directories, such as api-reference/v1.0 of
// microsoft-graph-docs; graphgen's own test pages are in testdata/docs.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"syscall"

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
	if len(args) > 0 && args[0] == "find" {
		return runFind(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "check-metadata" {
		return runCheckMetadata(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "serve" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return runServe(ctx, args[1:], stdout, stderr, nil)
	}
	if len(args) == 1 && args[0] == "help" {
		fmt.Fprintln(stdout, usage)
		return exitOK
	}
	return runGenerate(args, stderr)
}

// usage is the synopsis of every command.
const usage = `usage: graphgen [-out DIR] [-pkg NAME] [-import PATH] [-include GLOB] [-exclude GLOB] [-config FILE] [-check] [-strict] [-q] [-allow-shrink] DOCS...
       graphgen ir [-o FILE] DOCS...
       graphgen report [-worst N] DOCS...
       graphgen check-metadata -csdl FILE [-version V] DOCS...
       graphgen find [-json] [-pkg NAME] DOCS... 'GET /users/{id}'
       ` + serveUsage + `
       graphgen help
Each command takes -h for its flags.`

// usageError reports a command-line mistake in one line.
func usageError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "%s: %v (%s -h for usage)\n", cmd, err, cmd)
	return exitUsage
}

// errNoDocs is the usage error of a command run without DOCS.
var errNoDocs = errors.New("no DOCS given: name the docs directory to read, like ../docs/api-reference/v1.0 (graphgen's own test pages are in testdata/docs)")

// parseFlags parses args with fset; it returns the exit status when the
// command must stop (-h, or a flag error that fset has already printed).
func parseFlags(fset *flag.FlagSet, args []string) (int, bool) {
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, true
		}
		return exitUsage, true
	}
	return exitOK, false
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
	quiet := fset.Bool("q", false, "print only errors and the summary line, not the warnings")
	allowShrink := fset.Bool("allow-shrink", false, "let a run go ahead that generates no operation or would remove most of graphgen's files in -out")
	fset.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fset.PrintDefaults()
	}
	if code, stop := parseFlags(fset, args); stop {
		return code
	}
	cfg.Docs = fset.Args()
	if *configFile != "" {
		if err := cfg.merge(*configFile, fset); err != nil {
			return usageError(stderr, "graphgen", err)
		}
	}
	if len(cfg.Docs) == 0 {
		return usageError(stderr, "graphgen", errNoDocs)
	}
	name, err := chosenPackageName(cfg.Pkg, cfg.Out)
	if err != nil {
		return usageError(stderr, "graphgen", err)
	}
	var hint string // how to build the output, when no go.mod says
	if *importPath == "" {
		*importPath, hint = importPathOf(cfg.Out, name)
	}
	runs := openRunCache(cfg, name, *importPath, *allowShrink)
	if r, files, ok := runs.answer(stderr); ok {
		// nothing changed since the run recorded: its messages and files
		r.printDiagnostics(*quiet)
		return r.finish(cfg.Out, files, *check, *allowShrink, *quiet, hint, func() {})
	}
	api, display, status := load(cfg.Docs, stderr)
	if api == nil {
		return status
	}
	var aside []ir.Diagnostic
	if len(cfg.Include)+len(cfg.Exclude) > 0 {
		aside = graphgen.Select(api, cfg.Include, cfg.Exclude)
	}
	r := newGenRun(stderr, api, display, aside)
	r.printDiagnostics(*quiet)
	if n := skippedPages(api); cfg.Strict && n > 0 {
		return r.fail(fmt.Sprintf("-strict: %d pages skipped; nothing written", n))
	}
	if len(api.Operations) == 0 && !*allowShrink {
		return r.fail(noOperations(api, cfg))
	}
	cache := openCache(cfg.Out)
	files, err := graphgen.Generate(api, emitter.Options{Package: name, ImportPath: *importPath, Reuse: cache.reuse})
	if err != nil {
		if graphgen.Errors(api) == 0 { // else the diagnostics above say why
			fmt.Fprintln(stderr, "graphgen:", err)
		}
		return r.fail("nothing written")
	}
	return r.finish(cfg.Out, files, *check, *allowShrink, *quiet, hint, func() {
		sums := contentSums(files)
		cache.save(files, sums) // only time is lost if either fails
		runs.save(r, files, sums)
	})
}

// finish brings the output directory out to files (with -check, only
// says what would change), calls saved once it has, and reports.
func (r *genRun) finish(out string, files []emitter.File, check, allowShrink, quiet bool, hint string, saved func()) int {
	p, err := planSync(out, files)
	if err != nil {
		fmt.Fprintln(r.stderr, "graphgen:", err)
		return exitError
	}
	if p.shrinks() && !check && !allowShrink {
		return r.fail(fmt.Sprintf("this run would remove %d of the %d files graphgen generated in %s; nothing written (wrong DOCS or -include? -allow-shrink lets it through)", len(p.removed), p.existing, out))
	}
	if !check {
		if err := p.commit(); err != nil {
			fmt.Fprintln(r.stderr, "graphgen:", err)
			return exitError
		}
		saved()
	}
	if hint != "" && !quiet {
		fmt.Fprintln(r.stderr, "graphgen:", hint)
	}
	return r.report(len(files), p, check)
}

// noOperations says why a run that generated nothing stops.
func noOperations(api *ir.API, cfg genConfig) string {
	if len(cfg.Include)+len(cfg.Exclude) > 0 {
		return "-include/-exclude selected no operation; nothing written (-allow-shrink writes an empty package)"
	}
	return fmt.Sprintf("no operation in %s (is it a docs directory, like api-reference/v1.0?); nothing written (-allow-shrink writes an empty package)", strings.Join(cfg.Docs, ", "))
}

// chosenPackageName is -pkg, else the output directory's name, checked:
// each way a name can be unusable gets its own reason.
func chosenPackageName(pkg, out string) (string, error) {
	if pkg != "" {
		if err := checkPackageName(pkg); err != nil {
			return "", fmt.Errorf("-pkg %s: %w", pkg, err)
		}
		return pkg, nil
	}
	name := packageName(out)
	if err := checkPackageName(name); err != nil {
		return "", fmt.Errorf("no -pkg, and the name %q of -out %s cannot be the package name: %w; set -pkg", name, out, err)
	}
	return name, nil
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

// genRun is a generation in progress: what it read, as it reports it.
type genRun struct {
	stderr io.Writer
	diags  []ir.Diagnostic // about what is generated, positions as printed
	aside  []ir.Diagnostic // about pages a subset left out
	counts runCounts
}

// runCounts are the numbers of a run's summary line.
type runCounts struct {
	Pages, Operations, Methods, Resources, Skipped, Errors, Warnings int
}

// newGenRun is the run that read api (what a subset left out already
// taken out, with the diagnostics aside); display gives a diagnostic its
// position as printed.
func newGenRun(stderr io.Writer, api *ir.API, display func(ir.Diagnostic) ir.Diagnostic, aside []ir.Diagnostic) *genRun {
	r := &genRun{stderr: stderr, aside: aside, counts: countsOf(api)}
	r.diags = make([]ir.Diagnostic, len(api.Diagnostics))
	for i, d := range api.Diagnostics {
		r.diags[i] = display(d)
	}
	return r
}

// countsOf counts what the summary line says of api.
func countsOf(api *ir.API) runCounts {
	c := runCounts{Pages: api.Pages, Operations: len(api.Operations), Methods: graphgen.MeasureNames(api).Methods,
		Skipped: skippedPages(api), Errors: graphgen.Errors(api)}
	c.Resources = len(api.Skipped) - c.Skipped
	for _, d := range api.Diagnostics {
		if d.Severity == ir.Warning {
			c.Warnings++
		}
	}
	return c
}

// printDiagnostics prints the errors and, unless quiet, the warnings about
// what is generated. Notes for the docs' authors are only counted.
func (r *genRun) printDiagnostics(quiet bool) {
	for _, d := range r.diags {
		if d.Severity == ir.Error || d.Severity == ir.Warning && !quiet {
			fmt.Fprintln(r.stderr, d)
		}
	}
}

// fail prints the summary of a run that writes nothing.
func (r *genRun) fail(outcome string) int {
	r.summary(outcome)
	return exitError
}

// report prints the summary of a generation and picks the exit status.
func (r *genRun) report(files int, p *syncPlan, check bool) int {
	if check {
		for _, w := range p.written {
			fmt.Fprintln(r.stderr, "stale:", w)
		}
		for _, rm := range p.removed {
			fmt.Fprintln(r.stderr, "to remove:", rm)
		}
		r.summary(fmt.Sprintf("%d of %d files would change, %d would be removed", len(p.written), files, len(p.removed)))
		if len(p.written)+len(p.removed) > 0 {
			return exitError
		}
		return exitOK
	}
	r.summary(fmt.Sprintf("%d files written, %d unchanged, %d removed", len(p.written), files-len(p.written), len(p.removed)))
	return exitOK
}

// summary prints the one-line account of the run, with what it did not
// print: warnings on pages left out and notes for the docs' authors.
func (r *genRun) summary(outcome string) {
	notes, aside := 0, 0
	for _, d := range r.diags {
		if d.Severity == ir.Note {
			notes++
		}
	}
	for _, d := range r.aside {
		if d.Severity == ir.Note {
			notes++
		} else {
			aside++
		}
	}
	var unprinted []string
	if aside > 0 {
		unprinted = append(unprinted, fmt.Sprintf("%d warnings on pages not selected", aside))
	}
	if notes > 0 {
		unprinted = append(unprinted, fmt.Sprintf("%d notes for the docs' authors", notes))
	}
	if len(unprinted) > 0 {
		outcome += "; " + strings.Join(unprinted, ", ") + ": graphgen report lists them"
	}
	printSummary(r.stderr, r.counts, outcome)
}

// runIR implements "graphgen ir [-o FILE] DOCS...".
func runIR(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("graphgen ir", flag.ContinueOnError)
	fset.SetOutput(stderr)
	outFile := fset.String("o", "", "write the JSON to `file` instead of standard output")
	if code, stop := parseFlags(fset, args); stop {
		return code
	}
	if fset.NArg() == 0 {
		return usageError(stderr, "graphgen ir", errNoDocs)
	}
	api, display, status := load(fset.Args(), stderr)
	if api == nil {
		return status
	}
	for _, d := range api.Diagnostics {
		fmt.Fprintln(stderr, display(d))
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
	worst := fset.Int("worst", 20, "list up to `n` pages per measure that were not fully read (negative: all)")
	if code, stop := parseFlags(fset, args); stop {
		return code
	}
	if fset.NArg() == 0 {
		return usageError(stderr, "graphgen report", errNoDocs)
	}
	for _, d := range fset.Args() {
		api, display, status := load([]string{d}, stderr)
		if api == nil {
			return status
		}
		files, err := graphgen.APIFiles(os.DirFS(d))
		if err != nil {
			fmt.Fprintln(stderr, "graphgen:", err)
			return exitError
		}
		graphgen.Measure(api, files).Print(stdout, d, *worst)
		printAllDiagnostics(stdout, api, display)
	}
	return exitOK
}

// runCheckMetadata implements "graphgen check-metadata -csdl FILE DOCS...":
// the types and members the docs have and the CSDL metadata lacks, and the
// reverse, and the documented responses that disagree with the metadata's
// types for their paths. The docs are the source of truth; this is a second opinion, so
// differences do not fail the command.
func runCheckMetadata(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("graphgen check-metadata", flag.ContinueOnError)
	fset.SetOutput(stderr)
	csdlFile := fset.String("csdl", "", "CSDL metadata `file` (.csdl or .csdl.gz)")
	version := fset.String("version", "v1.0", "API `version` of the metadata")
	list := fset.Int("list", 20, "list up to `n` entries of each difference")
	if code, stop := parseFlags(fset, args); stop {
		return code
	}
	if *csdlFile == "" {
		return usageError(stderr, "graphgen check-metadata", errors.New("no -csdl FILE given"))
	}
	if fset.NArg() == 0 {
		return usageError(stderr, "graphgen check-metadata", errNoDocs)
	}
	meta, err := readCSDL(*csdlFile)
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return exitError
	}
	api, _, status := load(fset.Args(), stderr)
	if api == nil {
		return status
	}
	metadata.Compare(api, *version, meta.Types).Print(stdout, *list)
	metadata.Agree(api, *version, meta.Types).Print(stdout, *list)
	metadata.CheckPaths(api, *version, meta).Print(stdout, *list)
	return exitOK
}

// readCSDL reads a CSDL file, gunzipping a .gz one.
func readCSDL(name string) (*metadata.Schema, error) {
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
	return metadata.ReadSchema(r)
}

// load reads the docs trees. It returns the API, with positions relative
// to the trees, and the function that makes a diagnostic's position
// relative to the working directory for printing; a nil API when nothing
// could be read (the reason printed).
// loads counts the runs of load, for the tests of the run cache.
var loads atomic.Int64

func load(dirs []string, stderr io.Writer) (*ir.API, func(ir.Diagnostic) ir.Diagnostic, int) {
	loads.Add(1)
	var trees []graphgen.Tree
	var abss []string
	for _, d := range dirs {
		st, err := os.Stat(d)
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "graphgen: DOCS %s: no such directory\n", d)
			return nil, nil, exitUsage
		}
		if err != nil {
			fmt.Fprintln(stderr, "graphgen:", err)
			return nil, nil, exitUsage
		}
		if !st.IsDir() {
			fmt.Fprintf(stderr, "graphgen: %s is not a directory of docs\n", d)
			return nil, nil, exitUsage
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
	api, err := graphgen.LoadTrees(trees...)
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return nil, nil, exitError
	}
	display := func(d ir.Diagnostic) ir.Diagnostic {
		d.Pos = displayPos(d.Pos, trees, dirs)
		return d
	}
	return api, display, exitOK
}

// printAllDiagnostics lists every diagnostic of api, notes included, for
// graphgen report.
func printAllDiagnostics(w io.Writer, api *ir.API, display func(ir.Diagnostic) ir.Diagnostic) {
	if len(api.Diagnostics) == 0 {
		return
	}
	count := map[string]int{}
	for _, d := range api.Diagnostics {
		count[d.Severity]++
	}
	fmt.Fprintf(w, "  diagnostics: %d errors, %d warnings, %d notes for the docs' authors\n", count[ir.Error], count[ir.Warning], count[ir.Note])
	for _, d := range api.Diagnostics {
		fmt.Fprintf(w, "    %s\n", display(d))
	}
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
	printSummary(stderr, countsOf(api), outcome)
}

// printSummary prints the summary line of a run that counted c.
func printSummary(stderr io.Writer, c runCounts, outcome string) {
	fmt.Fprintf(stderr, "graphgen: %d pages read, %d operations (%d client methods), %d resource pages, %d pages skipped, %d errors, %d warnings; %s\n",
		c.Pages, c.Operations, c.Methods, c.Resources, c.Skipped, c.Errors, c.Warnings, outcome)
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
// it uses name and returns a hint that says how to build the output.
func importPathOf(dir, name string) (importPath, hint string) {
	abs, err := filepath.Abs(dir)
	if err == nil {
		for mod := abs; ; mod = filepath.Dir(mod) {
			if src, err := os.ReadFile(filepath.Join(mod, "go.mod")); err == nil {
				if module := modulePath(src); module != "" {
					rel, err := filepath.Rel(mod, abs)
					if err == nil {
						return path.Join(module, filepath.ToSlash(rel)), ""
					}
				}
				break
			}
			if filepath.Dir(mod) == mod {
				break
			}
		}
	}
	return name, fmt.Sprintf("no go.mod above %s, so its packages import each other as %q (-import changes that); to build it: %s", dir, name, buildHint(dir, name))
}

// buildHint is the shell line that makes dir a module named name that
// builds: it requires graphgen's runtime (graphrt) at the version of this
// graphgen, or from its source tree when graphgen runs from one (go run).
func buildHint(dir, name string) string {
	const module = "github.com/graphgen-dev/graphgen"
	require := fmt.Sprintf("go mod edit -require=%s@%s", module, selfVersion())
	if src := sourceTree(); src != "" {
		require += fmt.Sprintf(" -replace=%s=%s", module, src)
	}
	return fmt.Sprintf("cd %s && go mod init %s && %s && go build ./...", dir, name, require)
}

// selfVersion is the module version graphgen was built at, v0.0.0 for a
// development build.
func selfVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(bi.Main.Version, "v") {
		return bi.Main.Version
	}
	return "v0.0.0"
}

// sourceTree is the root of graphgen's source checkout when this binary
// was built from one (go run ./cmd/graphgen, go build without -trimpath)
// and it is still there; else "".
func sourceTree() string {
	if selfVersion() != "v0.0.0" {
		return ""
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	root := filepath.Dir(filepath.Dir(filepath.Dir(file))) // .../cmd/graphgen/main.go
	if src, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || modulePath(src) != "github.com/graphgen-dev/graphgen" {
		return ""
	}
	return root
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

// checkPackageName says why name cannot be the generated root package's
// name, or returns nil.
func checkPackageName(name string) error {
	switch {
	case name == "":
		return errors.New("empty")
	case token.IsKeyword(name):
		return fmt.Errorf("%s is a Go keyword", name)
	case !token.IsIdentifier(name):
		return errors.New("not a Go identifier (letters, digits and _, not starting with a digit)")
	case name == "main":
		return errors.New("package main is a program; the generated client is a library")
	case name == "_":
		return errors.New("the blank identifier cannot name a package")
	case strings.ToLower(name) != name:
		return fmt.Errorf("package names are lower case (%s)", strings.ToLower(name))
	case types.Universe.Lookup(name) != nil:
		return fmt.Errorf("%s is predeclared in Go; the generated files that import the package would shadow it", name)
	case !isASCII(name):
		return errors.New("only ASCII letters are portable in package names")
	}
	return nil
}

// isASCII reports a string of ASCII characters only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
