package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// jsonMember is a top-level member of a resource page's JSON
// representation: its name and the shape of its sample value.
type jsonMember struct {
	name  string
	shape string // "string", "bool", "number", "object", "array", "null" or "" (unreadable)
	first byte   // the first byte of its value, 0 if none
}

// representation is the JSON representation block of a resource page,
// the code the properties tables are checked against: wire names come from
// it, not from the (possibly translated) tables.
type representation struct {
	members []jsonMember
	index   map[string]int // member name → position in members
}

// readRepresentation finds the page's JSON representation: the block
// annotated as the resource, else the first JSON block of the "JSON
// representation" section. It returns nil when the page has none or its
// block has no members.
func readRepresentation(p *page, o *outline) *representation {
	var fallback *ast.FencedCodeBlock
	for _, b := range o.blocks {
		fcb, ok := b.node.(*ast.FencedCodeBlock)
		switch {
		case !ok:
		case b.ann != nil && b.ann.blockType == "resource":
			return newRepresentation(codeText(p, fcb))
		case b.section == secJSON && fallback == nil && isJSONText(codeText(p, fcb)):
			fallback = fcb
		}
	}
	if fallback == nil {
		return nil
	}
	return newRepresentation(codeText(p, fallback))
}

// newRepresentation reads the top-level members of code; nil when none.
func newRepresentation(code string) *representation {
	members := orderedMembers(lenientJSON(code))
	if len(members) == 0 {
		return nil
	}
	r := &representation{members: members, index: map[string]int{}}
	for i, m := range members {
		if _, dup := r.index[m.name]; !dup {
			r.index[m.name] = i
		}
	}
	return r
}

// orderedMembers scans the first JSON object of s for its members' names
// and value shapes. It reads what hand-written samples contain and strict
// JSON refuses (unquoted placeholders like String, "..." lines), and stops
// where the first object ends.
func orderedMembers(s string) []jsonMember {
	start := strings.IndexByte(s, '{')
	if start < 0 {
		return nil
	}
	var out []jsonMember
	depth, expectKey := 0, false
	for i := start; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			end := stringEnd(s, i)
			if depth == 1 && expectKey {
				if m, ok := memberAt(s, i, end); ok {
					out = append(out, m)
				}
				expectKey = false
			}
			i = end - 1
		case c == '{' || c == '[':
			depth++
			expectKey = depth == 1
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return out
			}
		case c == ',':
			expectKey = depth == 1
		}
	}
	return out
}

// memberAt reads the key whose literal spans s[i:end] and, after its
// colon, the shape of its value. ok is false when no colon follows (a
// string in an array, not a key).
func memberAt(s string, i, end int) (jsonMember, bool) {
	rest := strings.TrimLeft(s[end:], " \t\r\n")
	if !strings.HasPrefix(rest, ":") {
		return jsonMember{}, false
	}
	name := strings.TrimSpace(s[i+1 : end-1])
	if name == "" {
		return jsonMember{}, false
	}
	v := strings.TrimLeft(rest[1:], " \t\r\n")
	m := jsonMember{name: name, shape: valueShape(v)}
	if v != "" {
		m.first = v[0]
	}
	return m, true
}

// valueShape classifies a sample value by its first character.
func valueShape(v string) string {
	if v == "" {
		return ""
	}
	switch c := v[0]; {
	case c == '"':
		return "string"
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == 't' || c == 'f':
		return "bool"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "number"
	}
	return ""
}
