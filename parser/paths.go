package parser

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/graphgen-dev/graphgen/ir"
)

// methods are the HTTP methods the docs use.
var methods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// requestLine is a parsed "METHOD /path?query" line.
type requestLine struct {
	method  string
	version string // from an absolute URL, else ""
	path    string // normalised template, without version and query
	query   string
	off     int      // offset of the line in the page
	fixes   []string // repairs made to a malformed template
}

// template writes rl back as a request line: "GET /users/{id}?$select=x".
func (rl requestLine) template() string {
	s := rl.method + " " + rl.path
	if rl.query != "" {
		s += "?" + rl.query
	}
	return s
}

// parseRequestLine reads one line of a syntax or example block. ok is false
// for lines that are not requests (blank lines, comments, "or", headers).
func parseRequestLine(line string) (rl requestLine, ok bool) {
	method, rest, glued, ok := splitRequestLine(line)
	if !ok {
		return rl, false
	}
	if glued {
		rl.fixes = append(rl.fixes, "added the missing space after the method")
	}
	if r, ok := strings.CutPrefix(rest, "~/"); ok {
		rest = "/" + r
		rl.fixes = append(rl.fixes, "dropped the leading '~'")
	}
	rl.method = method
	rest, rl.version = stripHost(rest)
	rest = dropVersion(rest)
	if rest != "" && isLetter(rest[0]) && rl.version == "" {
		rest = "/" + rest
		rl.fixes = append(rl.fixes, "added the missing leading '/'")
	}
	if !strings.HasPrefix(rest, "/") {
		return rl, false
	}
	rl.path, rl.query = splitQuery(rest)
	if strings.Contains(rl.path, "//") {
		for strings.Contains(rl.path, "//") {
			rl.path = strings.ReplaceAll(rl.path, "//", "/")
		}
		rl.fixes = append(rl.fixes, "removed an empty path segment ('//')")
	}
	if folded, ok := foldAlternative(rl.path); ok {
		rl.path = folded
		rl.fixes = append(rl.fixes, "moved the alternative after '|' into the braces")
	}
	rl.path = normalisePath(rl.path)
	return rl, rl.path != ""
}

// foldAlternative repairs "{user-id} | user-principal-name/..." (an
// alternative key written outside the braces) into
// "{user-id | user-principal-name}/...".
func foldAlternative(p string) (string, bool) {
	changed := false
	for {
		i := strings.Index(p, "}")
		for i >= 0 {
			rest := strings.TrimLeft(p[i+1:], " ")
			if strings.HasPrefix(rest, "|") {
				break
			}
			j := strings.Index(p[i+1:], "}")
			if j < 0 {
				return p, changed
			}
			i += j + 1
		}
		if i < 0 {
			return p, changed
		}
		rest := strings.TrimLeft(strings.TrimLeft(p[i+1:], " ")[1:], " ")
		end := strings.IndexAny(rest, "/?")
		if end < 0 {
			end = len(rest)
		}
		p = p[:i] + " | " + strings.TrimSpace(rest[:end]) + "}" + rest[end:]
		changed = true
	}
}

// splitRequestLine splits "METHOD target [HTTP/1.1]" into the method and
// the target; glued reports a line without a space after the method.
func splitRequestLine(line string) (method, target string, glued, ok bool) {
	line = strings.TrimSpace(strings.Map(spaceMap, line))
	method, target, found := strings.Cut(line, " ")
	if m, t, g := gluedMethod(line); g {
		method, target, found, glued = m, t, true, true
	}
	if !found || !methods[method] {
		return "", "", false, false
	}
	target = strings.TrimSpace(target)
	if i := strings.LastIndex(target, " HTTP/"); i > 0 {
		target = strings.TrimSpace(target[:i])
	}
	return method, target, glued, true
}

// gluedMethod splits "DELETE/identity/..." (no space after the method).
func gluedMethod(line string) (method, rest string, ok bool) {
	i := strings.IndexByte(line, '/')
	if i <= 0 || !methods[line[:i]] {
		return "", "", false
	}
	return line[:i], line[i:], true
}

// isLetter reports an ASCII letter.
func isLetter(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// spaceMap turns the no-break spaces the docs put between method and URL
// into plain spaces.
func spaceMap(r rune) rune {
	switch r {
	case '\u00a0', '\u202f', '\u2007', '\t':
		return ' '
	}
	return r
}

// stripHost removes "https://graph.microsoft.com/v1.0" (any host) and
// returns the version segment found there.
func stripHost(u string) (rest, version string) {
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
		return u, versionPrefix(u) // a relative path; a URL in its query stays there
	}
	rest = u[strings.Index(u, "://")+3:]
	j := strings.IndexByte(rest, '/')
	if j < 0 {
		return "/", ""
	}
	rest = rest[j:]
	return rest, versionPrefix(rest)
}

// versionPrefix strips nothing; it reports the API version u starts with.
func versionPrefix(u string) string {
	for _, v := range []string{"/v1.0", "/beta"} {
		if u == v || strings.HasPrefix(u, v+"/") || strings.HasPrefix(u, v+"?") {
			return v[1:]
		}
	}
	return ""
}

// dropVersion removes a leading /v1.0 or /beta from an absolute path.
func dropVersion(path string) string {
	if v := versionPrefix(path); v != "" {
		path = strings.TrimPrefix(path, "/"+v)
		if path == "" || path[0] == '?' {
			path = "/" + path
		}
	}
	return path
}

// splitQuery cuts the query string at the first '?' outside braces.
func splitQuery(u string) (path, query string) {
	depth := 0
	for i, r := range u {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
		case '?':
			if depth == 0 {
				return u[:i], u[i+1:]
			}
		}
	}
	return u, ""
}

// normalisePath folds white space inside braces ("{id | upn}") and drops
// a trailing slash; it returns "" when spaces remain outside braces or
// the path has a control character.
func normalisePath(p string) string {
	var b strings.Builder
	depth, parens := 0, 0
	var param strings.Builder
	for _, r := range p {
		switch {
		case r == '<' && depth == 0:
			r = '{' // range(address='<address>') is a parameter too
		case r == '>' && depth > 0:
			r = '}'
		}
		switch {
		case unicode.IsControl(r):
			return "" // no URL has a control character
		case r == '{' && depth > 0:
			return "" // nested braces: {x='{y}'}
		case r == '{':
			depth++
			param.Reset()
		case r == '}' && depth == 0:
			return "" // a stray closing brace
		case r == '}' && depth > 0:
			depth--
			b.WriteString("{" + strings.Join(strings.Fields(strings.ReplaceAll(param.String(), "|", " | ")), " ") + "}")
		case depth > 0:
			param.WriteRune(r)
		case r == ' ' && parens > 0:
			// resizedRange(deltaRows={n}, deltaColumns={n}): drop the space
		case r == ' ':
			return ""
		case r == '(':
			parens++
			b.WriteRune(r)
		case r == ')':
			parens--
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	if depth != 0 {
		return ""
	}
	s := b.String()
	if len(s) > 1 {
		s = strings.TrimSuffix(s, "/")
	}
	return s
}

// PathParams lists the parameters of a normalised template in order, with
// their style.
func PathParams(path string) []ir.Param {
	var ps []ir.Param
	for i := 0; i < len(path); i++ {
		if path[i] != '{' {
			continue
		}
		j := strings.IndexByte(path[i:], '}')
		if j < 0 {
			break
		}
		name := path[i+1 : i+j]
		style := ir.StyleSegment
		before, after := path[:i], path[i+j+1:]
		switch {
		case strings.HasSuffix(before, "'") && strings.HasPrefix(after, "'"):
			style = ir.StyleQuoted
		case strings.HasSuffix(before, ":/"):
			// root:/{item-path}:/ — but items/{parent-id}:/{filename} is an id
			style = ir.StylePath
		}
		ps = append(ps, ir.Param{Name: name, Style: style})
		i += j
	}
	return ps
}

// QueryParams parses a documented query string into options; values are
// decoded ('+' and %XX) and their {placeholders} listed with a style
// (quoted inside '...', else segment).
func QueryParams(query string) []ir.QueryParam {
	var out []ir.QueryParam
	for _, pair := range splitPairs(query) {
		name, value, _ := strings.Cut(pair, "=")
		if dec, err := url.QueryUnescape(value); err == nil {
			value = dec
		}
		if dec, err := url.QueryUnescape(name); err == nil {
			name = dec
		}
		if name == "" {
			continue
		}
		out = append(out, ir.QueryParam{Name: name, Value: value, Params: PathParams(value)})
	}
	return out
}

// splitPairs splits a query at '&' outside braces and parentheses,
// without the empty pair after a final '&'.
func splitPairs(query string) []string {
	out := splitTop(query, '&')
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// splitTop splits s at each sep outside {} and (): "a(b/c)/d" at '/' is
// "a(b/c)" and "d".
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{', '(':
			depth++
		case '}', ')':
			depth--
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
