package graphtest

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/graphgen-dev/graphgen/graphrt/internal/escape"
)

// pattern is a parsed Route.Pattern: the steps that the route index
// walks, one per path segment, and what ranks it against other patterns.
type pattern struct {
	steps   []step
	params  []*patternParam // in the order of the path
	literal int             // literal bytes, after canonicalPath
	multi   int             // number of {name...} params
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

// stepKind is the kind of a pattern segment.
type stepKind uint8

const (
	// stepLiteral is a segment of literal text: $count, delta().
	stepLiteral stepKind = iota
	// stepParam is a segment that is one {name}.
	stepParam
	// stepTemplate is a segment of literal text and {name}s:
	// range(address='{address}'), {hostname}:.
	stepTemplate
	// stepMulti is a {name...}: whole segments, then the rest of its last
	// segment as a template whose first parameter ends the {name...}.
	stepMulti
)

// step is one segment of a pattern.
type step struct {
	kind stepKind
	lit  string    // stepLiteral
	tmpl *template // stepTemplate, stepMulti
}

// compilePattern parses a route pattern and splits it into steps.
func compilePattern(s string) (pattern, error) {
	var buf [16]patternToken
	toks, err := tokenize(s, buf[:0])
	if err == nil {
		err = checkTokens(toks)
	}
	if err != nil {
		return pattern{}, fmt.Errorf("pattern %q: %w", s, err)
	}
	return buildPattern(toks, strings.Count(s, "/")), nil
}

// tokenize splits a pattern into canonical literals and placeholders,
// appended to toks.
func tokenize(s string, toks []patternToken) ([]patternToken, error) {
	switch {
	case !strings.HasPrefix(s, "/"):
		return nil, errors.New("does not start with /")
	case strings.ContainsAny(s, "?#"):
		return nil, errors.New("contains ? or #")
	case strings.Contains(s, "//"):
		return nil, errors.New("contains an empty segment")
	}
	for s != "" {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			return append(toks, patternToken{lit: canonical(s)}), nil
		}
		if s[i] == '}' {
			return nil, errors.New("unmatched }")
		}
		if i > 0 {
			toks = append(toks, patternToken{lit: canonical(s[:i])})
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
		if c := name[i]; !escape.IsUnreserved(c) || c == '.' || c == '~' {
			return nil, fmt.Errorf("invalid parameter name %q", name)
		}
	}
	return &patternParam{name: name, multi: multi}, nil
}

// checkTokens rejects adjacent or duplicate placeholders, {name...} not at
// the start of a segment, and marks placeholders in quotes as OData strings.
func checkTokens(toks []patternToken) error {
	var buf [8]string
	seen := buf[:0]
	for i, t := range toks {
		if t.param == nil {
			continue
		}
		prev := toks[i-1] // toks[0] is a literal: patterns start with "/"
		switch {
		case prev.param != nil:
			return errors.New("adjacent parameters")
		case slices.Contains(seen, t.param.name):
			return fmt.Errorf("duplicate parameter %q", t.param.name)
		case t.param.multi && !strings.HasSuffix(prev.lit, "/"):
			return fmt.Errorf("{%s...} does not start a segment", t.param.name)
		}
		seen = append(seen, t.param.name)
		t.param.odata = strings.HasSuffix(prev.lit, "'") &&
			i+1 < len(toks) && strings.HasPrefix(toks[i+1].lit, "'")
	}
	return nil
}

// buildPattern splits checked tokens at each '/' into the pattern's
// steps, one per segment (segments is about their number). Tokens start
// with a literal "/...", whose '/' opens the first segment.
func buildPattern(toks []patternToken, segments int) pattern {
	p := pattern{steps: make([]step, 0, segments), params: make([]*patternParam, 0, len(toks)/2)}
	var buf [4]patternToken
	seg := buf[:0] // the tokens of the open segment
	open := false
	for _, t := range toks {
		if t.param != nil {
			seg = append(seg, t)
			p.params = append(p.params, t.param)
			if t.param.multi {
				p.multi++
			}
			continue
		}
		p.literal += len(t.lit)
		for lit := t.lit; ; {
			head, rest, more := strings.Cut(lit, "/")
			seg = appendLit(seg, head)
			if !more {
				break
			}
			if open {
				p.steps = append(p.steps, newStep(seg))
			}
			open, seg, lit = true, seg[:0], rest
		}
	}
	p.steps = append(p.steps, newStep(seg))
	return p
}

// appendLit appends a non-empty literal to the tokens of a segment.
func appendLit(seg []patternToken, lit string) []patternToken {
	if lit == "" {
		return seg
	}
	return append(seg, patternToken{lit: lit})
}

// newStep makes the step of one segment's tokens.
func newStep(seg []patternToken) step {
	switch {
	case len(seg) == 0:
		return step{kind: stepLiteral}
	case len(seg) == 1 && seg[0].param == nil:
		return step{kind: stepLiteral, lit: seg[0].lit}
	case len(seg) == 1 && !seg[0].param.multi:
		return step{kind: stepParam}
	case seg[0].param != nil && seg[0].param.multi:
		return step{kind: stepMulti, tmpl: newTemplate(seg)}
	}
	return step{kind: stepTemplate, tmpl: newTemplate(seg)}
}

// template is a segment with k parameters: lits[0], a parameter, lits[1],
// ... a parameter, lits[k]. Parameters are never adjacent, so lits[1] to
// lits[k-1] are not empty.
type template struct {
	lits  []string
	shape string // lits joined by "{}": equal shapes match the same segments
}

// newTemplate makes the template of a segment's tokens.
func newTemplate(seg []patternToken) *template {
	t := &template{lits: []string{""}}
	for _, tok := range seg {
		if tok.param != nil {
			t.lits = append(t.lits, "")
			continue
		}
		t.lits[len(t.lits)-1] += tok.lit
	}
	t.shape = strings.Join(t.lits, "{}")
	return t
}

// match matches one segment and appends the values of the parameters to
// vals. Like a backtracking regular expression with ([^/]+) for each
// parameter, it gives each parameter in turn the longest text that lets
// the rest match: as the rest starts with a parameter, which can take more
// text, the rest matches from any start before its latest, so the
// separator that ends a parameter is the last one before that latest
// start, found right to left.
func (t *template) match(seg string, vals []string) ([]string, bool) {
	k := len(t.lits) - 1
	first, last := t.lits[0], t.lits[k]
	if len(seg) < len(first)+len(last)+k || !strings.HasPrefix(seg, first) || !strings.HasSuffix(seg, last) {
		return vals, false
	}
	s := seg[len(first) : len(seg)-len(last)]
	n := len(vals)
	vals = append(vals, make([]string, k)...)
	end, limit := len(s), len(s)-1 // the last parameter ends at end, starts by limit
	for i := k - 1; i > 0; i-- {
		sep := t.lits[i]
		j := strings.LastIndex(s[:limit], sep)
		if j < 1 {
			return vals[:n], false
		}
		vals[n+i] = s[j+len(sep) : end]
		end, limit = j, j-1
	}
	vals[n] = s[:end]
	return vals, true
}

// CheckPattern reports whether Mux.Handle would accept pattern; the
// generator uses it so that a generated NewMock never panics.
func CheckPattern(pattern string) error {
	toks, err := tokenize(pattern, nil)
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
	var idx node
	idx.insert(&route{pat: p})
	_, vals, _ := idx.lookup("", path)
	if vals == nil {
		return nil, false
	}
	out := make(map[string]string, len(vals))
	for i, prm := range p.params {
		out[prm.name] = vals[i]
	}
	return out, true
}
