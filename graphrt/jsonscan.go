package graphrt

import (
	"encoding/json"
	"errors"
	"unicode/utf8"

	"github.com/graphgen-dev/graphgen/graphrt/internal/escape"
)

// This file is a small JSON scanner that walks a document once without
// allocating: it finds where each value ends, checking it is valid JSON
// as encoding/json would (json.Valid), and hands out members and elements
// as offsets into the input. The model decoder builds on it.

// errSyntax marks input that is not valid JSON. The entry points replace
// it with encoding/json's own error for the whole input (syntaxError).
var errSyntax = errors.New("graph: invalid JSON")

// maxDepth is encoding/json's limit on nesting.
const maxDepth = 10000

// syntaxError describes why data is not valid JSON in encoding/json's
// words (a *json.SyntaxError with its offset).
func syntaxError(data []byte) error {
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	return errSyntax // not reached while the scanner agrees with encoding/json
}

// plainStringByte tells the bytes a JSON string holds as they are: all
// but the quote, the backslash and control characters.
var plainStringByte = func() (t [256]bool) {
	for b := 0x20; b < 256; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

// skipSpace returns the offset of the first byte at or after i that is
// not JSON whitespace.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// valueEnd returns the end of the valid JSON value that starts at data[i].
func valueEnd(data []byte, i int) (int, error) {
	return valueEndAt(data, i, 0)
}

// valueEndAt is valueEnd for a value nested depth levels deep.
func valueEndAt(data []byte, i, depth int) (int, error) {
	if i >= len(data) {
		return 0, errSyntax
	}
	switch c := data[i]; c {
	case '"':
		end, _, err := stringEnd(data, i)
		return end, err
	case '{', '[':
		if depth >= maxDepth {
			return 0, errSyntax
		}
		if c == '{' {
			return forMembers(data, i, func(_ []byte, _ bool, v int) (int, error) { return valueEndAt(data, v, depth+1) })
		}
		return forElements(data, i, func(v int) (int, error) { return valueEndAt(data, v, depth+1) })
	case 't':
		return literalEnd(data, i, "true")
	case 'f':
		return literalEnd(data, i, "false")
	case 'n':
		return literalEnd(data, i, "null")
	}
	return numberEnd(data, i)
}

// literalEnd returns the end of the literal word at data[i].
func literalEnd(data []byte, i int, word string) (int, error) {
	end := i + len(word)
	if end > len(data) || string(data[i:end]) != word {
		return 0, errSyntax
	}
	return end, nil
}

// stringEnd returns the end of the JSON string that starts with the quote
// at data[i], and whether its content must be decoded (escapes, or bytes
// that are not valid UTF-8) rather than taken as it is.
func stringEnd(data []byte, i int) (end int, decode bool, err error) {
	var high byte
	j := i + 1
	for {
		for j < len(data) && plainStringByte[data[j]] {
			high |= data[j]
			j++
		}
		if j >= len(data) {
			return 0, false, errSyntax
		}
		switch data[j] {
		case '"':
			if high >= utf8.RuneSelf && !decode {
				decode = !utf8.Valid(data[i+1 : j])
			}
			return j + 1, decode, nil
		case '\\':
			if j, err = escapeEnd(data, j); err != nil {
				return 0, false, err
			}
			decode = true
		default:
			return 0, false, errSyntax // a control character
		}
	}
}

// escapeEnd returns the end of the escape sequence at data[j] ('\\').
func escapeEnd(data []byte, j int) (int, error) {
	if j+1 >= len(data) {
		return 0, errSyntax
	}
	switch data[j+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return j + 2, nil
	case 'u':
		if j+6 > len(data) {
			return 0, errSyntax
		}
		for _, h := range data[j+2 : j+6] {
			if !escape.IsHex(h) {
				return 0, errSyntax
			}
		}
		return j + 6, nil
	}
	return 0, errSyntax
}

// numberEnd returns the end of the JSON number at data[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func numberEnd(data []byte, i int) (int, error) {
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		i = digitsEnd(data, i)
	default:
		return 0, errSyntax
	}
	if i < len(data) && data[i] == '.' {
		if i = digitsEnd(data, i+1); data[i-1] == '.' {
			return 0, errSyntax
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		start := i
		if i = digitsEnd(data, i); i == start {
			return 0, errSyntax
		}
	}
	return i, nil
}

// digitsEnd returns the end of the run of decimal digits at data[i].
func digitsEnd(data []byte, i int) int {
	for i < len(data) && '0' <= data[i] && data[i] <= '9' {
		i++
	}
	return i
}

// forMembers walks the object that starts at data[i] ('{'): for each
// member it calls member with the key as written, quotes included
// (escaped tells that it holds escapes), and the offset of its value,
// which member must consume, returning where the value ends. It returns
// the end of the object.
func forMembers(data []byte, i int, member func(key []byte, escaped bool, v int) (int, error)) (int, error) {
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return i + 1, nil
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return 0, errSyntax
		}
		keyEnd, escaped, err := stringEnd(data, i)
		if err != nil {
			return 0, err
		}
		colon := skipSpace(data, keyEnd)
		if colon >= len(data) || data[colon] != ':' {
			return 0, errSyntax
		}
		end, err := member(data[i:keyEnd], escaped, skipSpace(data, colon+1))
		if err != nil {
			return 0, err
		}
		var closed bool
		if i, closed, err = nextItem(data, end, '}'); err != nil || closed {
			return i, err
		}
	}
}

// forElements walks the array that starts at data[i] ('['), calling
// element with the offset of each element, which element must consume,
// returning where it ends. It returns the end of the array.
func forElements(data []byte, i int, element func(v int) (int, error)) (int, error) {
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return i + 1, nil
	}
	for {
		end, err := element(i)
		if err != nil {
			return 0, err
		}
		var closed bool
		if i, closed, err = nextItem(data, end, ']'); err != nil || closed {
			return i, err
		}
	}
}

// nextItem reads what follows an item of a container that closer ends: a
// comma, giving the start of the next item, or closer, giving the end of
// the container and closed.
func nextItem(data []byte, end int, closer byte) (i int, closed bool, err error) {
	i = skipSpace(data, end)
	switch {
	case i >= len(data):
		return 0, false, errSyntax
	case data[i] == ',':
		return skipSpace(data, i+1), false, nil
	case data[i] == closer:
		return i + 1, true, nil
	}
	return 0, false, errSyntax
}

// wholeValue returns the offsets of the one JSON value data holds, with
// whitespace around it, checking that it is valid.
func wholeValue(data []byte) (start, end int, err error) {
	start = skipSpace(data, 0)
	if end, err = valueEnd(data, start); err != nil {
		return 0, 0, err
	}
	if skipSpace(data, end) != len(data) {
		return 0, 0, errSyntax
	}
	return start, end, nil
}

// memberName returns the name of a member from its key as written: the
// bytes between the quotes, unescaped when escaped says it must be.
func memberName(quoted []byte, escaped bool) []byte {
	if !escaped {
		return quoted[1 : len(quoted)-1]
	}
	var s string
	_ = json.Unmarshal(quoted, &s) // a valid string: the scanner checked it
	return []byte(s)
}

// isNullOrEmptyArray reports the JSON values null and [] (valid JSON).
func isNullOrEmptyArray(raw []byte) bool {
	if string(raw) == "null" {
		return true
	}
	return len(raw) >= 2 && raw[0] == '[' && skipSpace(raw, 1) == len(raw)-1
}
