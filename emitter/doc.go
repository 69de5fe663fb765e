package emitter

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
	"github.com/graphgen-dev/graphgen/ir"
)

// wrapWidth is where doc comment lines are wrapped.
const wrapWidth = 76

// docLines sanitises untrusted page text for a // comment: control and
// format characters (NUL, U+2028, bidi marks) become spaces, and nothing can
// end the comment because every line gets its own "//".
func docLines(text string) []string {
	text = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\u2028' || r == '\u2029':
			return '\n'
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return ' '
		}
		return r
	}, text)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrap(strings.Fields(para))...)
	}
	return out
}

// wrap fills words into lines of at most wrapWidth bytes. No line starts
// with what go/doc would read as a list marker or heading ("-", "*", "+",
// "#", "1."), so gofmt leaves the comment alone.
func wrap(words []string) []string {
	var lines []string
	var cur strings.Builder
	for i, w := range words {
		if i == 0 && isMarker(w) {
			w = "(" + strings.TrimRight(w, ".)") + ")"
		}
		if cur.Len() > 0 && cur.Len()+1+len(w) > wrapWidth && !isMarker(w) {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// isMarker reports a word go/doc treats specially at the start of a line.
func isMarker(w string) bool {
	if w == "-" || w == "*" || w == "+" || strings.HasPrefix(w, "#") {
		return true
	}
	digits := strings.TrimRight(w, ".)")
	if digits == "" || len(digits) == len(w) {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// comments turns lines into one jennifer Comment each; "" gives a bare "//"
// paragraph break. Every line gets its "// " here: jennifer prints a
// comment that starts with "//" or "/*" verbatim, so page text such as
// "/* ..." would open a block comment and "//go:generate ..." would be a
// directive.
func comments(lines []string) *jen.Statement {
	s := jen.Null()
	for _, l := range lines {
		if l == "" {
			s.Comment("").Line()
			continue
		}
		s.Comment("// " + strings.ReplaceAll(l, "\n", " ")).Line()
	}
	return s
}

// para appends a paragraph (with a blank comment line before it when
// lines already has text).
func para(lines []string, text ...string) []string {
	var body []string
	for _, t := range text {
		body = append(body, docLines(t)...)
	}
	if len(body) == 0 {
		return lines
	}
	// End with punctuation, or go/doc may take a short line for a heading.
	last := body[len(body)-1]
	if r := last[len(last)-1]; r != '.' && r != ':' && r != '!' && r != '?' && r != ')' {
		body[len(body)-1] = last + "."
	}
	if len(lines) > 0 {
		lines = append(lines, "")
	}
	return append(lines, body...)
}

// permissionLines describes the documented permissions as a list; "A+B"
// entries read "A and B".
func permissionLines(p ir.PermissionSet) []string {
	kinds := []struct {
		key, label string
		names      []string
	}{
		{"delegatedWork", "delegated (work or school account)", p.DelegatedWork},
		{"delegatedPersonal", "delegated (personal Microsoft account)", p.DelegatedPersonal},
		{"application", "application", p.Application},
	}
	lines := []string{"Permissions:"}
	for _, k := range kinds {
		list := "not documented"
		if slices.Contains(p.NotSupported, k.key) {
			list = "not supported"
		}
		if len(k.names) > 0 {
			list = strings.ReplaceAll(strings.Join(k.names, ", "), "+", " and ")
		}
		for i, l := range wrap(strings.Fields(k.label + ": " + list)) {
			prefix := "  - "
			if i > 0 {
				prefix = "    "
			}
			lines = append(lines, prefix+sanitiseLine(l))
		}
	}
	return lines
}

// sanitiseLine applies docLines to one line and joins the result.
func sanitiseLine(s string) string {
	return strings.Join(docLines(s), " ")
}
