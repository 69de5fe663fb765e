package naming

import (
	"strconv"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// Reserved are the names generated client methods use besides their path
// parameters: the receiver and the context, body and options parameters.
// Path parameters take their natural names; these locals give way.
var Reserved = []string{"c", "ctx", "body", "opts"}

// Imports are the names of the packages generated client methods refer to
// in their bodies and signatures. Path parameters give way to them: a
// parameter named graphrt or url would hide its package in the method.
var Imports = []string{"context", "graphrt", "http", "iter", "json", "time", "url"}

// literalSegments returns the words-bearing literal parts of a path
// template: "$ref" → "ref", "microsoft.graph.group" → "group",
// "range(address='{a}')" → "range", "root:" → "root"; parameters are left
// out.
func literalSegments(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		if i := strings.IndexAny(seg, "({"); i >= 0 {
			seg = seg[:i]
		}
		seg = strings.Trim(seg, "$:")
		if j := strings.LastIndexByte(seg, '.'); j >= 0 {
			seg = seg[j+1:]
		}
		if seg != "" {
			out = append(out, seg)
		}
	}
	return out
}

// dictionary knows how an operation's paths spell words, to case the
// lower-case words of page ids.
type dictionary struct {
	whole map[string][]string // "vpptokens", "vpptoken" → ["vpp", "tokens"/"token"]
	words map[string]bool     // single words: "vpp", "token"
}

func newDictionary() *dictionary {
	return &dictionary{whole: map[string][]string{}, words: map[string]bool{}}
}

// add learns the spelling of one camel-case segment and of its singular.
func (d *dictionary) add(seg string) {
	ws := Words(seg)
	if len(ws) == 0 {
		return
	}
	d.whole[strings.Join(ws, "")] = ws
	last := ws[len(ws)-1]
	if s := singular(last); s != last {
		sing := append(append([]string{}, ws[:len(ws)-1]...), s)
		d.whole[strings.Join(sing, "")] = sing
		d.words[s] = true
	}
	for _, w := range ws {
		d.words[w] = true
	}
}

// split cases one lower-case page-id word: a whole known segment, else the
// segmentation into fewest known words, else the word itself.
func (d *dictionary) split(w string) []string {
	if ws, ok := d.whole[w]; ok {
		return ws
	}
	// best[i] is the fewest-words segmentation of w[:i], nil if none.
	best := make([][]string, len(w)+1)
	best[0] = []string{}
	for i := 1; i <= len(w); i++ {
		for j := 0; j < i; j++ {
			if best[j] == nil || !d.words[w[j:i]] {
				continue
			}
			if best[i] == nil || len(best[j])+1 < len(best[i]) {
				best[i] = append(append([]string{}, best[j]...), w[j:i])
			}
		}
	}
	if best[len(w)] != nil && len(best[len(w)]) > 0 {
		return best[len(w)]
	}
	return []string{w}
}

// singular makes an English plural noun singular, for naming only.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// nameParams gives the route's parameters Go names (path parameters, then
// the placeholders of its query string, in one scope without the Imports)
// and builds its pattern.
// A name that would repeat within the path ("/users/{id}/messages/{id}") is
// qualified by the singular of the segment before it (userID, messageID).
func nameParams(r *ir.Route) {
	words := make([][]string, len(r.Params))
	count := map[string]int{}
	for i, p := range r.Params {
		words[i] = paramWords(p.Name)
		count[strings.Join(words[i], " ")]++
	}
	before := segmentsBeforeParams(r.Path)
	scope := NewScope(Imports...)
	for i := range r.Params {
		w := words[i]
		if count[strings.Join(w, " ")] > 1 && i < len(before) && before[i] != "" {
			w = append(Words(singularCamel(before[i])), w...)
		}
		name := Unexported(dedupeWords(w))
		if name == "" {
			name = "param"
		}
		r.Params[i].GoName = scope.Name(name)
	}
	for q := range r.QueryParams {
		for i, p := range r.QueryParams[q].Params {
			name := Unexported(dedupeWords(paramWords(p.Name)))
			if name == "" {
				name = "param"
			}
			r.QueryParams[q].Params[i].GoName = scope.Name(name)
		}
	}
	r.Pattern = pattern(r)
}

// paramWords splits "{id | userPrincipalName}" into id, or, user, principal,
// name.
func paramWords(name string) []string {
	var out []string
	for i, alt := range strings.Split(name, "|") {
		if i > 0 {
			out = append(out, "or")
		}
		out = append(out, Words(alt)...)
	}
	return out
}

// dedupeWords drops a word equal to the one before it ("user user id").
func dedupeWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if len(out) == 0 || out[len(out)-1] != w {
			out = append(out, w)
		}
	}
	return out
}

// singularCamel makes the last word of a camel-case segment singular.
func singularCamel(seg string) string {
	ws := Words(seg)
	if len(ws) == 0 {
		return seg
	}
	ws[len(ws)-1] = singular(ws[len(ws)-1])
	return strings.Join(ws, " ")
}

// segmentsBeforeParams returns, for each parameter of path in order, the
// literal segment before it ("" if none).
func segmentsBeforeParams(path string) []string {
	var out []string
	last := ""
	for _, seg := range strings.Split(path, "/") {
		lit := seg
		if i := strings.IndexAny(seg, "({"); i >= 0 {
			lit = seg[:i]
		}
		lit = strings.Trim(lit, "$:")
		if n := strings.Count(seg, "{"); n > 0 {
			prefix := last
			if lit != "" {
				prefix = lit // users('{id}') or range(address='{a}')
			}
			for i := 0; i < n; i++ {
				out = append(out, prefix)
			}
		}
		if lit != "" {
			last = lit
		}
	}
	return out
}

// pattern writes the path with the mock's names for its parameters
// ({name}, or {name...} for one spanning segments).
func pattern(r *ir.Route) string {
	names := mockNames(r)
	var b strings.Builder
	i := 0
	rest := r.Path
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 || i >= len(names) {
			b.WriteString(rest)
			return b.String()
		}
		end := strings.IndexByte(rest[open:], '}')
		b.WriteString(rest[:open])
		b.WriteString("{" + names[i])
		if r.Params[i].Style == ir.StylePath {
			b.WriteString("...")
		}
		b.WriteString("}")
		rest = rest[open+end+1:]
		i++
	}
}

// mockNames names the parameters of a route for the mock (r.PathValue)
// from the path alone, so that every page documenting the same path gives
// the same names whatever it calls its parameters: a function or key
// argument written name=... takes that name (range(address='{a}') →
// address); a parameter spanning segments is path (root:/{item-path}: →
// path); any other takes the singular of the literal segment before it and
// ID (/users/{id | userPrincipalName} and /users/{usersId} → userID,
// users('{id}') → userID). A name that would repeat gets a number.
func mockNames(r *ir.Route) []string {
	scope := NewScope()
	var names []string
	last := ""
	for _, seg := range strings.Split(r.Path, "/") {
		for at := strings.IndexByte(seg, '{'); at >= 0 && len(names) < len(r.Params); {
			words := mockWords(seg[:at], last, r.Params[len(names)].Style)
			names = append(names, scope.Name(Unexported(words)))
			next := strings.IndexByte(seg[at+1:], '{')
			if next < 0 {
				break
			}
			at += 1 + next
		}
		if lit := segmentLiteral(seg); lit != "" {
			last = lit
		}
	}
	return names
}

// mockWords returns the words of the mock's name for a parameter of style
// written after before in its segment, last being the literal of the
// segments before.
func mockWords(before, last, style string) []string {
	if style == ir.StylePath {
		return []string{"path"}
	}
	if k := strings.LastIndexAny(before, "(,"); k >= 0 {
		if arg, _, ok := strings.Cut(before[k+1:], "="); ok && len(Words(arg)) > 0 {
			return Words(arg)
		}
	}
	lit := segmentLiteral(before)
	if lit == "" {
		lit = last
	}
	if lit == "" {
		return []string{"id"}
	}
	return append(Words(singularCamel(lit)), "id")
}

// segmentLiteral returns the resource name a segment's literal text starts
// with: "users" of users('{id}'), "user" of microsoft.graph.user, "root"
// of root:, "" for a parameter or an OData segment such as $ref.
func segmentLiteral(seg string) string {
	if i := strings.IndexAny(seg, "({"); i >= 0 {
		seg = seg[:i]
	}
	if strings.HasPrefix(seg, "$") {
		return ""
	}
	seg = strings.Trim(seg, ":'")
	return seg[strings.LastIndexByte(seg, '.')+1:]
}

// routeNames names the client method of each route of op, and the
// one-page method of a collection fetched without a body.
func routeNames(op *ir.Operation) {
	defer func() {
		for _, r := range op.Routes {
			resp := &op.Response
			if r.Response != nil { // a route answering otherwise: a stream, a property
				resp = r.Response
			}
			if resp.Kind == ir.KindCollection && op.RequestBody.Kind == ir.KindNone {
				r.PageGoName = r.GoName + "Page"
			}
		}
	}()
	if len(op.Routes) == 1 {
		op.Routes[0].GoName = op.GoName
		return
	}
	common := commonSegments(op.Routes)
	suffix := make([]string, len(op.Routes))
	for i, r := range op.Routes {
		var ws []string
		for _, seg := range literalSegments(r.Path) {
			if !common[seg] {
				ws = append(ws, Words(seg)...)
			}
		}
		suffix[i] = Exported(ws)
	}
	qualifyDuplicates(op.Routes, suffix, func(i int) string {
		var ws []string
		for _, p := range op.Routes[i].Params {
			ws = append(ws, Words(p.GoName)...)
		}
		if len(ws) == 0 {
			return ""
		}
		return "By" + Exported(ws)
	})
	qualifyDuplicates(op.Routes, suffix, func(i int) string { return "Path" + strconv.Itoa(i+1) })
	for i, r := range op.Routes {
		r.GoName = op.GoName + suffix[i]
	}
}

// qualifyDuplicates appends more(i) to every suffix that is not unique.
func qualifyDuplicates(routes []*ir.Route, suffix []string, more func(int) string) {
	count := map[string]int{}
	for _, s := range suffix {
		count[s]++
	}
	for i := range routes {
		if count[suffix[i]] > 1 {
			suffix[i] += more(i)
		}
	}
}

// commonSegments returns the literal segments every route has.
func commonSegments(routes []*ir.Route) map[string]bool {
	common := map[string]bool{}
	for _, s := range literalSegments(routes[0].Path) {
		common[s] = true
	}
	for _, r := range routes[1:] {
		has := map[string]bool{}
		for _, s := range literalSegments(r.Path) {
			has[s] = true
		}
		for s := range common {
			if !has[s] {
				delete(common, s)
			}
		}
	}
	return common
}
