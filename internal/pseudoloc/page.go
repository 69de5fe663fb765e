package pseudoloc

import (
	"strings"
	"unicode"
)

// Page translates a whole page: front matter, headings, prose and tables;
// code blocks, HTML comments and request lines are kept as they are.
func (l *Localizer) Page(src []byte) []byte {
	lines := strings.SplitAfter(string(src), "\n")
	var out strings.Builder
	out.Grow(len(src) + len(src)/4)
	st := state{}
	for i, line := range lines {
		body, eol := strings.CutSuffix(line, "\n")
		body, cr := strings.CutSuffix(body, "\r")
		nl := ""
		if eol {
			nl = "\n"
		}
		if cr {
			nl = "\r" + nl
		}
		out.WriteString(l.line(&st, i, body))
		out.WriteString(nl)
	}
	return []byte(out.String())
}

// state is where a line stands in the page.
type state struct {
	front, frontDone bool   // inside the front matter; past it
	fence            string // the opening fence of the code block the line is in
	comment          bool   // inside a multi-line HTML comment
	table            bool   // the previous line was a table row
}

// line translates one line.
func (l *Localizer) line(st *state, i int, s string) string {
	trimmed := strings.TrimSpace(s)
	switch {
	case i == 0 && trimmed == "---":
		st.front = true
		return s
	case st.front:
		return l.frontLine(st, s)
	case st.fence != "":
		if strings.HasPrefix(strings.TrimLeft(trimmed, "> "), st.fence) {
			st.fence = ""
		}
		return s
	case st.comment:
		st.comment = !strings.Contains(s, "-->")
		return s
	}
	quoted := strings.TrimLeft(trimmed, "> ")
	if f := fenceOf(quoted); f != "" {
		st.fence, st.table = f, false
		return s
	}
	if strings.HasPrefix(trimmed, "<!--") {
		st.comment = !strings.Contains(s, "-->")
		return s
	}
	if !strings.HasPrefix(trimmed, "|") {
		st.table = false
	}
	switch {
	case trimmed == "", isRequestLine(quoted), strings.HasPrefix(trimmed, "<") && !strings.HasPrefix(trimmed, "<a "):
		return s
	case strings.HasPrefix(trimmed, "#"):
		return l.heading(s)
	case strings.HasPrefix(trimmed, "|"):
		header := !st.table
		st.table = true
		return l.tableRow(s, header)
	}
	return l.prose(s)
}

// frontLine translates the title and description of the front matter and
// adds the locale before its end.
func (l *Localizer) frontLine(st *state, s string) string {
	if strings.TrimSpace(s) == "---" {
		st.front, st.frontDone = false, true
		return "ms.contentlocale: " + Locales[l.script] + "\n" + s
	}
	for _, key := range []string{"title:", "description:"} {
		if rest, ok := strings.CutPrefix(s, key); ok {
			return key + " " + l.Text(strings.TrimSpace(rest))
		}
	}
	return s
}

// fenceOf returns the fence that opens a code block, or "".
func fenceOf(s string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(s, f) {
			return f
		}
	}
	return ""
}

// isRequestLine reports an HTTP request line outside a code block
// ("GET /me", "POST https://...").
func isRequestLine(s string) bool {
	method, rest, ok := strings.Cut(s, " ")
	if !ok {
		return false
	}
	switch method {
	case "GET", "POST", "PATCH", "PUT", "DELETE":
		return strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "http") || strings.HasPrefix(rest, "{")
	}
	return false
}

// heading translates a heading's text and gives it the anchor of its
// English text, as translated pages do; tab markers ("# [HTTP](#tab/http)")
// and headings that have an anchor keep it.
func (l *Localizer) heading(s string) string {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	hashes := strings.TrimLeft(s[lead:], "#")
	level := s[:len(s)-len(hashes)]
	text := strings.TrimSpace(hashes)
	if !strings.HasPrefix(hashes, " ") || strings.Contains(text, "(#tab/") {
		return s
	}
	if strings.HasPrefix(text, "<a ") {
		if end := strings.Index(text, "</a>"); end >= 0 {
			return level + " " + text[:end+4] + l.Text(text[end+4:])
		}
		return s
	}
	return level + " <a name=\"" + Slug(text) + "\"></a>" + l.Text(text)
}

// Slug is the anchor a heading's text gets: lower case, letters, digits
// and hyphens, spaces as hyphens.
func Slug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// prose translates a paragraph, list or quote line, keeping its markers.
func (l *Localizer) prose(s string) string {
	i := 0
	for i < len(s) && strings.ContainsRune(" \t>*-+", rune(s[i])) {
		if s[i] == '*' || s[i] == '-' || s[i] == '+' {
			if i+1 >= len(s) || s[i+1] != ' ' {
				break // emphasis or a word, not a list marker
			}
		}
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > i && j+1 < len(s) && s[j] == '.' && s[j+1] == ' ' {
		i = j + 2 // "1. "
	}
	return s[:i] + l.Text(s[i:])
}

// tableRow translates the cells of a table row; the delimiter row is
// kept, and so is a first cell holding a lower-case name (a parameter or
// property: translators keep those).
func (l *Localizer) tableRow(s string, header bool) string {
	cells := splitCells(s)
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteByte('|')
		}
		t := strings.TrimSpace(c)
		switch {
		case isDelimiter(t), i == 0 && t == "", i == 1 && !header && isName(t):
			b.WriteString(c)
		default:
			b.WriteString(l.Text(c))
		}
	}
	return b.String()
}

// splitCells splits a row at the pipes that are not escaped or inside a
// code span; the text before the first pipe is the first "cell".
func splitCells(s string) []string {
	var cells []string
	start, tick := 0, false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case s[i] == '`':
			tick = !tick
		case s[i] == '|' && !tick:
			cells = append(cells, s[start:i])
			start = i + 1
		}
	}
	return append(cells, s[start:])
}

// isDelimiter reports a delimiter row's cell (":---", "---:").
func isDelimiter(t string) bool {
	return t != "" && strings.Trim(t, ":- ") == ""
}

// isName reports a cell that is one lower-case identifier, possibly
// emphasised or in code ("id", "**displayName**", "`top`").
func isName(t string) bool {
	t = strings.Trim(t, "*_`")
	if t == "" || !unicode.IsLower(rune(t[0])) {
		return false
	}
	for _, r := range t {
		if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || strings.ContainsRune("_-.@", r)) {
			return false
		}
	}
	return true
}
