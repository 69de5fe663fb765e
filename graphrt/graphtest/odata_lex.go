package graphtest

import (
	"fmt"
	"regexp"
	"strings"
)

// tokenKind is the kind of one token of a $filter expression.
type tokenKind uint8

// The kinds of $filter tokens.
const (
	tokEOF    tokenKind = iota
	tokIdent            // a name or keyword: displayName, eq, startswith, true
	tokString           // 'text', with '' for a quote
	tokNumber           // 42, -1.5, 1e3
	tokGUID             // 8-4-4-4-12 hexadecimal digits, unquoted
	tokDate             // 2024-01-31 or 2024-01-31T10:00:00Z, unquoted
	tokPunct            // ( ) , / :
)

// token is one token of a $filter expression and its byte offset.
type lexToken struct {
	kind tokenKind
	text string // as written; for tokString the value, quotes removed
	pos  int
}

// filterError is an error in a $filter expression, at a byte offset.
type filterError struct {
	pos    int
	msg    string
	clause string
}

// Error names the clause and the position, as Graph's "Invalid filter
// clause" errors do.
func (e *filterError) Error() string {
	return fmt.Sprintf("Invalid filter clause: %s at position %d in '%s'.", e.msg, e.pos, e.clause)
}

var (
	guidRE   = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}`)
	dateRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?`)
	numberRE = regexp.MustCompile(`^-?\d+(\.\d+)?([eE][+-]?\d+)?`)
	identRE  = regexp.MustCompile(`^[A-Za-z_@$][A-Za-z0-9_.@$]*`)
)

// lexFilter splits src into tokens, ending with tokEOF.
func lexFilter(src string) ([]lexToken, error) {
	var toks []lexToken
	for i := 0; ; {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		if i == len(src) {
			return append(toks, lexToken{kind: tokEOF, pos: i}), nil
		}
		t, err := lexOne(src, i)
		if err != nil {
			return nil, err
		}
		toks = append(toks, t)
		i = t.pos + t.width(src[i:])
	}
}

// width is the number of bytes t takes at the start of rest.
func (t lexToken) width(rest string) int {
	if t.kind != tokString {
		return len(t.text)
	}
	return len(t.text) + strings.Count(t.text, "'") + 2
}

// lexOne reads the token at offset i of src.
func lexOne(src string, i int) (lexToken, error) {
	rest := src[i:]
	switch c := rest[0]; {
	case strings.IndexByte("(),/:", c) >= 0:
		return lexToken{kind: tokPunct, text: rest[:1], pos: i}, nil
	case c == '\'':
		return lexString(src, i)
	}
	if m := guidRE.FindString(rest); m != "" && !isWordByte(rest, len(m)) {
		return lexToken{kind: tokGUID, text: m, pos: i}, nil
	}
	if m := dateRE.FindString(rest); m != "" && !isWordByte(rest, len(m)) {
		return lexToken{kind: tokDate, text: m, pos: i}, nil
	}
	if m := numberRE.FindString(rest); m != "" {
		return lexToken{kind: tokNumber, text: m, pos: i}, nil
	}
	if m := identRE.FindString(rest); m != "" {
		return lexToken{kind: tokIdent, text: m, pos: i}, nil
	}
	return lexToken{}, &filterError{pos: i, msg: fmt.Sprintf("unexpected character %q", rest[0]), clause: src}
}

// isWordByte reports whether s has a name character at offset i.
func isWordByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// lexString reads the string literal starting at offset i of src (a
// quote), in which a doubled quote stands for one.
func lexString(src string, i int) (lexToken, error) {
	var b strings.Builder
	for j := i + 1; j < len(src); j++ {
		if src[j] != '\'' {
			b.WriteByte(src[j])
			continue
		}
		if j+1 < len(src) && src[j+1] == '\'' {
			b.WriteByte('\'')
			j++
			continue
		}
		return lexToken{kind: tokString, text: b.String(), pos: i}, nil
	}
	return lexToken{}, &filterError{pos: i, msg: "unterminated string literal", clause: src}
}
