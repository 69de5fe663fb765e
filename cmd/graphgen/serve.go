package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// shutdownGrace is how long a stopping server waits for the requests in
// flight before it closes their connections.
const shutdownGrace = 5 * time.Second

// serveConfig is what "graphgen serve" was asked to do.
type serveConfig struct {
	addr             string
	emulate          bool
	seed, dump       string
	maxItems         int
	auth             bool
	faults           graphtest.Faults
	include, exclude []string
	quiet            bool
	docs             []string
}

// runServe implements "graphgen serve [flags] DOCS...": it reads the docs
// as a generation does and serves, until ctx ends, what the generated mock
// would serve: every route, checked as documented and answered with the
// documented examples. ready, if set, is called with the address served
// once the server listens. It returns the exit status: 0 after a graceful
// shutdown, 1 when the docs have errors or serving fails, 2 for a usage
// error; a run that fails serves nothing.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(addr string)) int {
	cfg, code, stop := parseServeFlags(args, stderr)
	if stop {
		return code
	}
	p, code := planServe(cfg, stderr)
	if p == nil {
		return code
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return p.run.fail(err.Error() + "; nothing served")
	}
	p.run.summary("serving")
	logw := &lockedWriter{w: stderr}
	srv := &http.Server{
		Handler:           logRequests(graphtest.WithFaults(p.mux, cfg.faults), p.mux, routeSources(p.routes, p.display), logw),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(logw, "graphgen serve: ", 0),
	}
	addr := displayAddr(ln.Addr())
	fmt.Fprintf(stdout, "graphgen: serving %d routes of %d operations on http://%s\n", len(p.routes), countOperations(p.routes), addr)
	if ready != nil {
		ready(addr)
	}
	code = serveUntilDone(ctx, srv, ln, logw)
	if err := p.dumpState(cfg.dump); err != nil {
		fmt.Fprintln(stderr, "graphgen serve:", err)
		return exitError
	}
	return code
}

// servePlan is what a serve run serves, once the docs are read.
type servePlan struct {
	run     *genRun // the docs read, for the diagnostics and summary
	display func(ir.Diagnostic) ir.Diagnostic
	routes  []emitter.MockRoute
	mux     *graphtest.Mux
	emu     *graphtest.Emulator // nil with -emulate=false
}

// planServe reads the docs and builds the Mux that serves them; it prints
// why and returns the exit status when there is nothing to serve.
func planServe(cfg serveConfig, stderr io.Writer) (*servePlan, int) {
	api, display, status := load(cfg.docs, stderr)
	if api == nil {
		return nil, status
	}
	var aside []ir.Diagnostic
	if len(cfg.include)+len(cfg.exclude) > 0 {
		aside = graphgen.Select(api, cfg.include, cfg.exclude)
	}
	r := newGenRun(stderr, api, display, aside)
	r.printDiagnostics(cfg.quiet)
	if graphgen.Errors(api) > 0 {
		return nil, r.fail("nothing served")
	}
	routes := emitter.MockRoutes(api)
	if len(routes) == 0 {
		return nil, r.fail(noRoutes(cfg))
	}
	mux, err := serveMux(routes, serveExample)
	if err != nil {
		return nil, r.fail(err.Error() + "; nothing served")
	}
	mux.SetAuth(cfg.auth)
	p := &servePlan{run: r, display: display, routes: routes, mux: mux}
	if cfg.emulate {
		if p.emu, err = emulate(mux, cfg); err != nil {
			return nil, r.fail(err.Error() + "; nothing served")
		}
		fmt.Fprintf(stderr, "graphgen: emulating %d of %d routes (the others answer with their examples)\n", countEmulated(routes), len(routes))
	}
	return p, exitOK
}

// emulate makes m an Emulator, its store seeded from cfg.seed.
func emulate(m *graphtest.Mux, cfg serveConfig) (*graphtest.Emulator, error) {
	e := graphtest.Emulate(m, graphtest.StoreOptions{MaxItems: cfg.maxItems})
	if cfg.seed == "" {
		return e, nil
	}
	f, err := os.Open(cfg.seed)
	if err != nil {
		return nil, fmt.Errorf("-seed: %w", err)
	}
	defer f.Close()
	if err := e.Store.Load(f); err != nil {
		return nil, fmt.Errorf("-seed %s: %w", cfg.seed, err)
	}
	return e, nil
}

// countEmulated counts the routes an Emulator answers from its store.
func countEmulated(routes []emitter.MockRoute) int {
	n := 0
	for _, mr := range routes {
		if mr.Route.Emulate != graphtest.Canned {
			n++
		}
	}
	return n
}

// dumpState writes the emulator's state to file (nothing when file is ""),
// whole or not at all.
func (p *servePlan) dumpState(file string) error {
	if file == "" || p.emu == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := p.emu.Store.Dump(&buf); err != nil {
		return fmt.Errorf("-dump: %w", err)
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("-dump: %w", err)
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("-dump: %w", err)
	}
	return nil
}

// parseServeFlags reads the flags of graphgen serve; it returns the exit
// status when the command must stop (-h, a usage error).
func parseServeFlags(args []string, stderr io.Writer) (serveConfig, int, bool) {
	fset := flag.NewFlagSet("graphgen serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	cfg := serveConfig{}
	fset.StringVar(&cfg.addr, "addr", ":8080", "`address` to listen on (:0 picks a free port)")
	fset.BoolVar(&cfg.emulate, "emulate", true, "keep state: collections, items and references answer from the emulator's store (false: every route answers with its documented example)")
	fset.StringVar(&cfg.seed, "seed", "", "JSON `file` of the emulator's initial state ({\"users\": [{...}], \"groups/g1/members\": [{\"@odata.id\": \"users/u1\"}]})")
	fset.StringVar(&cfg.dump, "dump", "", "write the emulator's state to `file` on shutdown, in -seed's format")
	fset.IntVar(&cfg.maxItems, "max-items", 0, "cap on the items and references the emulator stores (0: 100000); beyond it, 507 quotaLimitReached")
	auth := fset.String("auth", "on", "on: require a bearer token and check test tokens' permissions; off: accept any request")
	fset.IntVar(&cfg.faults.ThrottleEvery, "throttle-every", 0, "answer every `n`-th request with 429 and Retry-After")
	fset.IntVar(&cfg.faults.ErrorEvery, "error-every", 0, "answer every `n`-th request with 503 and Retry-After")
	fset.DurationVar(&cfg.faults.Delay, "delay", 0, "hold each request this `duration` before answering")
	fset.IntVar(&cfg.faults.PageSize, "page-size", 0, "split collection answers into pages of `n` items linked by @odata.nextLink")
	fset.Var((*listFlag)(&cfg.include), "include", "serve only operations matching `glob` (operation id, page name, or /path prefix); repeatable, comma-separated")
	fset.Var((*listFlag)(&cfg.exclude), "exclude", "leave out operations matching `glob`; repeatable, comma-separated")
	fset.BoolVar(&cfg.quiet, "q", false, "print only errors and the summary line, not the warnings")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+serveUsage)
		fset.PrintDefaults()
	}
	if code, stop := parseFlags(fset, args); stop {
		return cfg, code, true
	}
	cfg.docs = fset.Args()
	if err := cfg.check(*auth); err != nil {
		return cfg, usageError(stderr, "graphgen serve", err), true
	}
	return cfg, exitOK, false
}

// serveUsage is the synopsis of graphgen serve.
const serveUsage = "graphgen serve [-addr :8080] [-emulate=false] [-seed FILE.json] [-dump FILE.json] [-max-items N] [-auth on|off] [-throttle-every N] [-error-every N] [-delay D] [-page-size N] [-include GLOB] [-exclude GLOB] [-q] DOCS..."

// check validates the flags' values and sets auth from its flag.
func (c *serveConfig) check(auth string) error {
	switch auth {
	case "on", "off":
		c.auth = auth == "on"
	default:
		return fmt.Errorf("-auth %q: want on or off", auth)
	}
	f := c.faults
	switch {
	case f.ThrottleEvery < 0, f.ErrorEvery < 0, f.PageSize < 0:
		return errors.New("-throttle-every, -error-every and -page-size take a number of requests or items, 0 or more")
	case f.Delay < 0:
		return fmt.Errorf("-delay %v: a delay cannot be negative", f.Delay)
	case !c.emulate && (c.seed != "" || c.dump != ""):
		return errors.New("-seed and -dump are the emulator's state: they need -emulate (the default)")
	case c.maxItems < 0:
		return errors.New("-max-items takes a number of items, 0 or more")
	case len(c.docs) == 0:
		return errNoDocs
	}
	return nil
}

// noRoutes says why a run that would serve nothing stops.
func noRoutes(cfg serveConfig) string {
	if len(cfg.include)+len(cfg.exclude) > 0 {
		return "-include/-exclude selected no operation; nothing served"
	}
	return fmt.Sprintf("no operation in %s (is it a docs directory, like api-reference/v1.0?); nothing served", strings.Join(cfg.docs, ", "))
}

// countOperations counts the operations that routes serve.
func countOperations(routes []emitter.MockRoute) int {
	ops := map[string]bool{}
	for _, mr := range routes {
		ops[mr.Route.Operation] = true
	}
	return len(ops)
}

// serveUntilDone serves on ln until ctx ends, then shuts down gracefully:
// the requests in flight get shutdownGrace to finish.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, logw io.Writer) int {
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintln(logw, "graphgen serve:", err)
		return exitError
	case <-ctx.Done():
	}
	fmt.Fprintln(logw, "graphgen: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		srv.Close()
		fmt.Fprintln(logw, "graphgen serve: requests still in flight were cut:", err)
	}
	<-done
	return exitOK
}

// displayAddr is the address a client can use: the listener's, with
// localhost for an unspecified host (":8080" listens on every interface).
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// displaySource is a route's request line as the log shows it: page:line,
// relative to the working directory as DOCS was written.
func displaySource(source string, display func(ir.Diagnostic) ir.Diagnostic) string {
	pos := display(ir.Diagnostic{Pos: source}).Pos
	if i := strings.LastIndexByte(pos, ':'); i > 0 && strings.Count(pos, ":") >= 2 {
		return pos[:i] // file:line:col → file:line
	}
	return pos
}
