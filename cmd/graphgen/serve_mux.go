package main

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// answerer makes the handler that answers a route once the Mux has
// checked the request.
type answerer func(mr emitter.MockRoute) http.HandlerFunc

// serveExample answers a route with its documented status and the example
// that fits the request best, as DocsHandler does.
func serveExample(mr emitter.MockRoute) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		graphtest.ServeExample(w, r, mr.Status, mr.Examples...)
	}
}

// serveMux registers every route on a new Mux, with the body check that
// needs no Go types, answered by answer. A route the Mux refuses (which
// generation would have refused too) is an error, not a panic.
func serveMux(routes []emitter.MockRoute, answer answerer) (m *graphtest.Mux, err error) {
	m = graphtest.NewMux()
	for _, mr := range routes {
		rt := mr.Route
		rt.Check = serveCheck(mr)
		if err := handle(m, rt, answer(mr)); err != nil {
			return nil, fmt.Errorf("%s: %w", mr.Source, err)
		}
	}
	return m, nil
}

// handle registers rt on m, turning Handle's panic into an error.
func handle(m *graphtest.Mux, rt graphtest.Route, h http.HandlerFunc) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("cannot serve %s %s: %v", rt.Method, rt.Pattern, p)
		}
	}()
	m.Handle(rt, h)
	return nil
}

// serveCheck is the body check of a route without the generated types:
// a parameter table's required members, a reference's @odata.id. A
// generated mock checks more (graphtest.CheckJSON, CheckTypes): the
// members a body may have and their types.
func serveCheck(mr emitter.MockRoute) func([]byte) error {
	switch mr.BodyCheck {
	case emitter.CheckParameters:
		return graphtest.CheckRequired(mr.Required...)
	case emitter.CheckReference:
		return graphtest.CheckRef()
	}
	return nil
}

// routeSources maps "METHOD pattern" to what the log says of the route:
// its operation and request line, page:line.
func routeSources(routes []emitter.MockRoute, display func(ir.Diagnostic) ir.Diagnostic) map[string]string {
	out := make(map[string]string, len(routes))
	for _, mr := range routes {
		out[mr.Route.Method+" "+mr.Route.Pattern] = mr.Route.Operation + " " + displaySource(mr.Source, display)
	}
	return out
}

// logRequests wraps h, which serves the routes of m, with a log of one
// line per request: "GET /v1.0/me -> 200 user-get path/user-get.md:43
// [state] (1.2ms)", the bracket saying whether an emulator answered from
// its state or with the documented example.
func logRequests(h http.Handler, m *graphtest.Mux, sources map[string]string, logw io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		d := time.Since(start).Round(time.Microsecond)
		served := "(no route)"
		if rt, ok := m.Match(r.Method, r.URL.EscapedPath()); ok {
			served = sources[rt.Method+" "+rt.Pattern]
		} else if r.URL.Path == graphtest.RedirectPath {
			served = "(documented redirect)"
		}
		if how := sw.Header().Get(graphtest.EmulatedHeader); how != "" {
			served += " [" + how + "]" // the emulator's state or a documented example
		}
		fmt.Fprintf(logw, "%s %s -> %d %s (%v)\n", r.Method, r.RequestURI, sw.code(), served, d)
	})
}

// statusWriter remembers the status a handler answered with.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the first status written.
func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write records 200 when the handler wrote no status before.
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// code is the status answered: 200 when the handler wrote nothing.
func (w *statusWriter) code() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// lockedWriter serialises the writes of concurrent requests' log lines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p whole before another Write starts.
func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
