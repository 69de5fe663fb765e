package graphtest

import (
	"math"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/graphgen-dev/graphgen/graphrt/internal/escape"
)

// node is a node of the Mux's route index, a trie over path segments:
// the routes whose patterns end here, and a child per kind of segment
// that continues them. A request walks every child its segment matches,
// so its cost depends on the path and the few patterns that share its
// prefixes, not on how many routes the Mux has.
type node struct {
	lits   map[string]*node // literal segments: users, $count, delta()
	param  *node            // a segment that is one {name}
	calls  map[string][]*edge
	tmpls  []*edge
	multis []*edge
	routes []*route // at most one per method
	// minRest and maxRest bound the number of segments the patterns
	// through n have after it, maxRest is math.MaxInt when one of them
	// has a {name...} further on; they spare a {name...} trying the
	// extents that leave too many or too few segments.
	minRest, maxRest int
}

// newNode returns a node that no pattern goes through yet.
func newNode() *node {
	return &node{minRest: math.MaxInt, maxRest: -1}
}

// edge leads from a node through a template to the next node. In
// node.calls, templates are kept by their text up to the first '(' when
// it comes before any parameter ("range(" of range(address='{a}')), so
// that the OData functions of a segment are found by name; other
// templates are in node.tmpls; a {name...} with the template of its last
// segment is in node.multis.
type edge struct {
	tmpl *template
	next *node
}

// insert adds rt along its pattern's steps; it returns the route already
// there with the same method and pattern shape, if any, and then leaves
// the index as it was but for empty nodes.
func (n *node) insert(rt *route) (conflict *route) {
	steps, lastMulti := rt.pat.steps, -1
	for i, st := range steps {
		if st.kind == stepMulti {
			lastMulti = i
		}
	}
	for i, st := range steps {
		n = n.child(st)
		rest, most := len(steps)-i-1, len(steps)-i-1
		if i < lastMulti {
			most = math.MaxInt
		}
		n.minRest, n.maxRest = min(n.minRest, rest), max(n.maxRest, most)
	}
	for _, old := range n.routes {
		if old.Method == rt.Method {
			return old
		}
	}
	n.routes = append(n.routes, rt)
	return nil
}

// child returns the node that st leads to from n, adding it if needed.
func (n *node) child(st step) *node {
	switch st.kind {
	case stepLiteral:
		if n.lits == nil {
			n.lits = map[string]*node{}
		}
		if n.lits[st.lit] == nil {
			n.lits[st.lit] = newNode()
		}
		return n.lits[st.lit]
	case stepParam:
		if n.param == nil {
			n.param = newNode()
		}
		return n.param
	case stepMulti:
		return edgeTo(&n.multis, st.tmpl)
	}
	name, ok := callName(st.tmpl.lits[0])
	if !ok {
		return edgeTo(&n.tmpls, st.tmpl)
	}
	if n.calls == nil {
		n.calls = map[string][]*edge{}
	}
	edges := n.calls[name]
	next := edgeTo(&edges, st.tmpl)
	n.calls[name] = edges
	return next
}

// edgeTo returns the node after the edge of *edges with t's shape, adding
// the edge if needed.
func edgeTo(edges *[]*edge, t *template) *node {
	for _, e := range *edges {
		if e.tmpl.shape == t.shape {
			return e.next
		}
	}
	e := &edge{tmpl: t, next: newNode()}
	*edges = append(*edges, e)
	return e.next
}

// callName returns the text of s up to its first '(', inclusive.
func callName(s string) (string, bool) {
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return "", false
	}
	return s[:i+1], true
}

// lookup finds, for an escaped path, the most specific route of method
// with the unescaped values of its parameters or, when no route of method
// matches, the sorted methods of the routes that do.
func (n *node) lookup(method, path string) (best *route, vals, allow []string) {
	path = canonical(path)
	if !strings.HasPrefix(path, "/") {
		return nil, nil, nil
	}
	w := walkers.Get().(*walker)
	defer w.release()
	w.path, w.method = path, method
	w.walk(n, 1)
	if w.best == nil {
		slices.Sort(w.allow)
		return nil, nil, slices.Clone(slices.Compact(w.allow))
	}
	return w.best, w.unescape(), nil
}

// walkers keeps walkers for reuse, so that a lookup allocates only the
// values it returns.
var walkers = sync.Pool{New: func() any { return new(walker) }}

// walker is the state of one lookup: the canonical path, the raw values of
// the parameters on the way from the root, and what was found.
type walker struct {
	path, method string
	vals         []string
	best         *route
	bestVals     []string
	allow        []string
	seen         []*route // routes with several {name...}, met once already
}

// release empties w, keeping its slices' capacity, and puts it back in
// walkers.
func (w *walker) release() {
	clear(w.vals[:cap(w.vals)])
	clear(w.bestVals)
	clear(w.seen)
	*w = walker{vals: w.vals[:0], bestVals: w.bestVals[:0], allow: w.allow[:0], seen: w.seen[:0]}
	walkers.Put(w)
}

// walk tries every child of n that the segment at pos matches; pos past
// the end of the path means that the path is spent.
func (w *walker) walk(n *node, pos int) {
	if pos > len(w.path) {
		w.arrive(n)
		return
	}
	end := strings.IndexByte(w.path[pos:], '/')
	if end < 0 {
		end = len(w.path)
	} else {
		end += pos
	}
	seg := w.path[pos:end]
	if next := n.lits[seg]; next != nil {
		w.walk(next, end+1)
	}
	if n.param != nil && seg != "" {
		w.vals = append(w.vals, seg)
		w.walk(n.param, end+1)
		w.vals = w.vals[:len(w.vals)-1]
	}
	if name, ok := callName(seg); ok && n.calls != nil {
		w.walkTemplates(n.calls[name], seg, end+1)
	}
	w.walkTemplates(n.tmpls, seg, end+1)
	for _, e := range n.multis {
		w.walkMulti(e, pos)
	}
}

// walkTemplates follows each edge whose template matches seg.
func (w *walker) walkTemplates(edges []*edge, seg string, next int) {
	for _, e := range edges {
		mark := len(w.vals)
		var ok bool
		if w.vals, ok = e.tmpl.match(seg, w.vals); ok {
			w.walk(e.next, next)
			w.vals = w.vals[:mark]
		}
	}
}

// walkMulti follows a {name...} that starts the segment at pos: its
// whole segments are not empty, and its last segment must match the
// template of e, where it ends. Like the regular expression
// ([^/]+(?:/[^/]+)*), the longest {name...} is tried first.
func (w *walker) walkMulti(e *edge, pos int) {
	rest := w.path[pos:]
	if rest == "" || rest[0] == '/' {
		return
	}
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i]
	}
	after := strings.Count(w.path[pos+len(rest):], "/") // segments after the last try
	for end := len(rest); after <= e.next.maxRest; after++ {
		start := strings.LastIndexByte(rest[:end], '/') + 1
		if after >= e.next.minRest {
			w.walkMultiEnd(e, pos, start, end)
		}
		if start == 0 {
			return
		}
		end = start - 1
	}
}

// walkMultiEnd follows e when its {name...} starts at pos and ends in the
// segment rest[start:end] of rest = w.path[pos:].
func (w *walker) walkMultiEnd(e *edge, pos, start, end int) {
	mark := len(w.vals)
	var ok bool
	if w.vals, ok = e.tmpl.match(w.path[pos+start:pos+end], w.vals); ok {
		w.vals[mark] = w.path[pos : pos+start+len(w.vals[mark])]
		w.walk(e.next, pos+end+1)
		w.vals = w.vals[:mark]
	}
}

// arrive ranks the routes that end at n. A route with several {name...}
// can arrive more than once; like a regular expression, it keeps the
// first values, those with the longest {name...} first.
func (w *walker) arrive(n *node) {
	valid := validEscapes(w.vals)
	for _, rt := range n.routes {
		if rt.pat.multi > 1 {
			if slices.Contains(w.seen, rt) {
				continue
			}
			w.seen = append(w.seen, rt)
		}
		switch {
		case !valid:
		case rt.Method != w.method:
			w.allow = append(w.allow, rt.Method)
		case w.best == nil || rt.beats(w.best):
			w.best = rt
			w.bestVals = append(w.bestVals[:0], w.vals...)
		}
	}
}

// unescape returns the values of the best route's parameters, unescaped,
// with the doubled quotes of OData strings undone.
func (w *walker) unescape() []string {
	if len(w.bestVals) == 0 {
		return []string{}
	}
	vals := make([]string, len(w.bestVals))
	for i, v := range w.bestVals {
		vals[i] = v
		if strings.IndexByte(v, '%') >= 0 {
			vals[i], _ = url.PathUnescape(v) // validEscapes checked it
		}
		if w.best.pat.params[i].odata {
			vals[i] = strings.ReplaceAll(vals[i], "''", "'")
		}
	}
	return vals
}

// validEscapes reports whether every '%' of vals starts an escape: a
// parameter never ends inside one ("x%2F" is not "x%" then "2F"), so a
// route whose parameter would is no match.
func validEscapes(vals []string) bool {
	for _, v := range vals {
		for i := strings.IndexByte(v, '%'); i >= 0; {
			if i+2 >= len(v) || !escape.IsHex(v[i+1]) || !escape.IsHex(v[i+2]) { // i+2 is the last byte of the escape
				return false
			}
			j := strings.IndexByte(v[i+3:], '%')
			if j < 0 {
				break
			}
			i += 3 + j
		}
	}
	return true
}

// canonical is canonicalPath, without copying a path that has no escape
// and nothing to escape, as most requests' paths are.
func canonical(p string) string {
	i := 0
	for i < len(p) && keptInPath[p[i]] {
		i++
	}
	if i == len(p) {
		return p
	}
	var b strings.Builder
	b.Grow(len(p) + 8)
	b.WriteString(p[:i])
	for ; i < len(p); i++ {
		c := p[i]
		if c == '%' && i+2 < len(p) && escape.IsHex(p[i+1]) && escape.IsHex(p[i+2]) {
			c = escape.Unhex(p[i+1])<<4 | escape.Unhex(p[i+2])
			i += 2
			escape.WriteByte(&b, c, segmentSafe[c])
			continue
		}
		escape.WriteByte(&b, c, keptInPath[c])
	}
	return b.String()
}

// segmentSafe and keptInPath are isSegmentSafe as a table, and the bytes
// that canonicalPath keeps unescaped: the segment-safe ones and / : ; & +.
var segmentSafe, keptInPath = func() (safe, kept [256]bool) {
	for c := range kept {
		safe[c] = escape.IsSegmentSafe(byte(c))
		kept[c] = safe[c] || strings.IndexByte("/:;&+", byte(c)) >= 0
	}
	return safe, kept
}()
