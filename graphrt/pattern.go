package graphrt

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// pattern is a compiled Route.Pattern.
type pattern struct {
	re      *regexp.Regexp
	params  []*patternParam
	literal int    // literal bytes, after canonicalPath
	multi   int    // number of {name...} params
	key     string // equal keys match exactly the same paths
}

// patternParam is one {name} or {name...} placeholder.
type patternParam struct {
	name  string
	multi bool // {name...}: one or more whole segments
	odata bool // enclosed in single quotes: undo quote doubling
}

// patternToken is either a literal (param == nil) or a placeholder.
type patternToken struct {
	lit   string // canonical literal text
	param *patternParam
}

// Regular expressions for the two kinds of placeholder.
const (
	segmentRE  = `([^/]+)`
	segmentsRE = `([^/]+(?:/[^/]+)*)`
)

// compilePattern parses and compiles a route pattern.
func compilePattern(s string) (*pattern, error) {
	toks, err := tokenize(s)
	if err == nil {
		err = checkTokens(toks)
	}
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", s, err)
	}
	return buildPattern(toks), nil
}

// tokenize splits a pattern into canonical literals and placeholders.
func tokenize(s string) ([]patternToken, error) {
	switch {
	case !strings.HasPrefix(s, "/"):
		return nil, errors.New("does not start with /")
	case strings.ContainsAny(s, "?#"):
		return nil, errors.New("contains ? or #")
	case strings.Contains(s, "//"):
		return nil, errors.New("contains an empty segment")
	}
	var toks []patternToken
	for s != "" {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			return append(toks, patternToken{lit: canonicalPath(s)}), nil
		}
		if s[i] == '}' {
			return nil, errors.New("unmatched }")
		}
		if i > 0 {
			toks = append(toks, patternToken{lit: canonicalPath(s[:i])})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return nil, errors.New("unclosed {")
		}
		p, err := parseParam(s[i+1 : i+j])
		if err != nil {
			return nil, err
		}
		toks = append(toks, patternToken{param: p})
		s = s[i+j+1:]
	}
	return toks, nil
}

// parseParam parses the text between braces.
func parseParam(s string) (*patternParam, error) {
	name, multi := strings.CutSuffix(s, "...")
	if name == "" {
		return nil, errors.New("empty parameter name")
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isUnreserved(c) || c == '.' || c == '~' {
			return nil, fmt.Errorf("invalid parameter name %q", name)
		}
	}
	return &patternParam{name: name, multi: multi}, nil
}

// checkTokens rejects adjacent or duplicate placeholders, {name...} not at
// the start of a segment, and marks placeholders in quotes as OData strings.
func checkTokens(toks []patternToken) error {
	seen := map[string]bool{}
	for i, t := range toks {
		if t.param == nil {
			continue
		}
		prev := toks[i-1] // toks[0] is a literal: patterns start with "/"
		switch {
		case prev.param != nil:
			return errors.New("adjacent parameters")
		case seen[t.param.name]:
			return fmt.Errorf("duplicate parameter %q", t.param.name)
		case t.param.multi && !strings.HasSuffix(prev.lit, "/"):
			return fmt.Errorf("{%s...} does not start a segment", t.param.name)
		}
		seen[t.param.name] = true
		t.param.odata = strings.HasSuffix(prev.lit, "'") &&
			i+1 < len(toks) && strings.HasPrefix(toks[i+1].lit, "'")
	}
	return nil
}

// buildPattern compiles checked tokens into an anchored regular expression.
func buildPattern(toks []patternToken) *pattern {
	p := &pattern{}
	var b strings.Builder
	b.WriteString("^")
	for _, t := range toks {
		switch {
		case t.param == nil:
			b.WriteString(regexp.QuoteMeta(t.lit))
			p.literal += len(t.lit)
		case t.param.multi:
			b.WriteString(segmentsRE)
			p.multi++
		default:
			b.WriteString(segmentRE)
		}
		if t.param != nil {
			p.params = append(p.params, t.param)
		}
	}
	b.WriteString("$")
	p.key = b.String()
	p.re = regexp.MustCompile(p.key)
	return p
}

// match matches a canonical path and returns the unescaped parameter values.
func (p *pattern) match(path string) ([]string, bool) {
	m := p.re.FindStringSubmatch(path)
	if m == nil {
		return nil, false
	}
	vals := make([]string, len(p.params))
	for i, prm := range p.params {
		v, err := url.PathUnescape(m[i+1])
		if err != nil {
			return nil, false
		}
		if prm.odata {
			v = strings.ReplaceAll(v, "''", "'")
		}
		vals[i] = v
	}
	return vals, true
}

// beats reports whether p is strictly more specific than q.
func (p *pattern) beats(q *pattern) bool {
	if p.literal != q.literal {
		return p.literal > q.literal
	}
	return p.multi < q.multi
}

// CheckPattern reports whether Mux.Handle would accept pattern; the
// generator uses it so that a generated NewMock never panics.
func CheckPattern(pattern string) error {
	toks, err := tokenize(pattern)
	if err == nil {
		err = checkTokens(toks)
	}
	if err != nil {
		return fmt.Errorf("pattern %q: %w", pattern, err)
	}
	return nil
}

// MatchPattern matches an escaped path against a route pattern and returns
// the unescaped value of each parameter by name; tests use it to turn a
// documented example URL into the arguments of a client method.
func MatchPattern(pattern, path string) (map[string]string, bool) {
	p, err := compilePattern(pattern)
	if err != nil {
		return nil, false
	}
	vals, ok := p.match(canonicalPath(path))
	if !ok {
		return nil, false
	}
	out := make(map[string]string, len(vals))
	for i, prm := range p.params {
		out[prm.name] = vals[i]
	}
	return out, true
}
