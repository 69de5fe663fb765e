package graphtest

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// bodyScanner reads the tokens of a JSON body that is known to be valid
// (json.Valid), without copying or allocating: the body checker needs the
// kind and text of each value, not a decoded copy.
type bodyScanner struct {
	b []byte
	i int
}

// token is the start of a JSON value: its kind ('{', '[', '"', 'b' for a
// boolean, 'n' for null, '0' for a number) and, for strings, numbers and
// booleans, its text (a string's between the quotes, still escaped).
type token struct {
	kind    byte
	text    []byte
	escaped bool // a string with backslash escapes
}

// space skips white space.
func (s *bodyScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// next reads the next token: a whole string, number or literal, or only
// the opening delimiter of an object or array.
func (s *bodyScanner) next() token {
	s.space()
	switch c := s.b[s.i]; c {
	case '{', '[':
		s.i++
		return token{kind: c}
	case '"':
		text, escaped := s.stringBody()
		return token{kind: '"', text: text, escaped: escaped}
	case 't', 'f':
		start := s.i
		s.i += len("true")
		if c == 'f' {
			s.i++
		}
		return token{kind: 'b', text: s.b[start:s.i]}
	case 'n':
		s.i += 4
		return token{kind: 'n'}
	}
	start := s.i
	for s.i < len(s.b) && isNumberByte(s.b[s.i]) {
		s.i++
	}
	return token{kind: '0', text: s.b[start:s.i]}
}

// isNumberByte reports the bytes a JSON number is made of.
func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// stringBody reads a string from its opening quote and returns the bytes
// between the quotes and whether they hold escapes.
func (s *bodyScanner) stringBody() ([]byte, bool) {
	s.i++
	start, escaped := s.i, false
	for s.b[s.i] != '"' {
		if s.b[s.i] == '\\' {
			escaped = true
			s.i++
		}
		s.i++
	}
	s.i++
	return s.b[start : s.i-1], escaped
}

// more reports whether the object or array being read has another member
// or element, stepping over the comma before it; at the end it steps over
// the closing delimiter.
func (s *bodyScanner) more() bool {
	s.space()
	switch s.b[s.i] {
	case '}', ']':
		s.i++
		return false
	case ',':
		s.i++
	}
	return true
}

// key reads a member name and the colon after it.
func (s *bodyScanner) key() token {
	k := s.next()
	s.space()
	s.i++ // ':'
	return k
}

// skip steps over one value and returns its bytes.
func (s *bodyScanner) skip() []byte {
	s.space()
	start := s.i
	if tok := s.next(); tok.kind != '{' && tok.kind != '[' {
		return s.b[start:s.i]
	}
	for depth := 1; depth > 0; {
		switch s.b[s.i] {
		case '"':
			s.stringBody()
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
		s.i++
	}
	return s.b[start:s.i]
}

// str returns the decoded text of a string token.
func (t token) str() string {
	if !t.escaped {
		return string(t.text)
	}
	var s string
	quoted := append(append([]byte{'"'}, t.text...), '"')
	_ = json.Unmarshal(quoted, &s) // valid JSON: cannot fail
	return s
}

// hasByte reports whether a token's text holds c.
func (t token) hasByte(c byte) bool {
	return bytes.IndexByte(t.text, c) >= 0
}

// kindName names the JSON kind of a token: "an object", "a string", ….
func (t token) kindName() string {
	switch t.kind {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}

// valueText shows a short number or string token as it was sent (for
// "must be an integer, got 1.5"), anything else by its kind.
func (t token) valueText() string {
	switch {
	case t.kind == '"' && len(t.text) <= 40:
		return strconv.Quote(t.str())
	case t.kind == '0' && len(t.text) <= 40:
		return string(t.text)
	}
	return t.kindName()
}
