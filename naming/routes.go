package naming

import (
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

// nameParams gives the route's parameters Go names and builds its
// pattern. Path parameters take the mock's names, made from the path alone
// (see mockNames), so that the same parameter has the same name in every
// path of an operation and on every page: /users/{id | userPrincipalName}
// and /users/{user-id} → userID. The placeholders of the route's query
// string follow, named from their documented names. One scope without the
// Imports holds them all.
func nameParams(r *ir.Route) {
	scope := NewScope(Imports...)
	for i, name := range mockNames(r) {
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

// qualifyDuplicates appends more(i, keep) to every name (full[i] and its
// suffix, updated) that another route's has, but for keep, the one of
// them with the fewest path parameters (the first on a tie), which keeps
// its name: a route documented with a query string, or with more
// parameters, is the one that says more.
func qualifyDuplicates(routes []*ir.Route, full, suffix []string, more func(i, keep int) string) {
	keep := map[string]int{}
	for i, name := range full {
		k, ok := keep[name]
		switch {
		case !ok:
			keep[name] = i
		case k >= 0 && fewer(routes[i], routes[k]):
			keep[name] = i
		}
	}
	count := map[string]int{}
	for _, name := range full {
		count[name]++
	}
	for i := range full {
		if k := keep[full[i]]; count[full[i]] > 1 && k != i {
			m := more(i, k)
			suffix[i] += m
			full[i] += m
		}
	}
}

// fewer reports whether a ranks before b for keeping a shared name: no
// query string, then fewer path parameters.
func fewer(a, b *ir.Route) bool {
	if (a.Query == "") != (b.Query == "") {
		return a.Query == ""
	}
	return len(a.Params) < len(b.Params)
}
