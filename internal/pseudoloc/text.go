package pseudoloc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text translates a run of inline markdown: ordinary words are translated;
// code spans, HTML tags, entities, placeholders, link targets, URLs and
// identifiers are kept. In the CJK script translated words are not
// separated by spaces and punctuation is full width.
func (l *Localizer) Text(s string) string {
	t := textWriter{l: l}
	t.run(s)
	return t.b.String()
}

// textWriter accumulates a translation.
type textWriter struct {
	l        *Localizer
	b        strings.Builder
	lastWord bool   // the last thing written is a translated word
	space    string // spaces held back until the next token
}

// run translates s token by token.
func (t *textWriter) run(s string) {
	for i := 0; i < len(s); {
		n := t.token(s[i:])
		i += n
	}
	t.b.WriteString(t.space)
	t.space = ""
}

// token translates the token at the start of s and returns its length.
func (t *textWriter) token(s string) int {
	switch c := s[0]; {
	case c == ' ' || c == '\t':
		n := len(s) - len(strings.TrimLeft(s, " \t"))
		t.space += s[:n]
		return n
	case c == '`':
		return t.keep(s, codeSpanEnd(s))
	case c == '<':
		return t.keep(s, closing(s, '>'))
	case c == '&' && strings.HasPrefix(s, "&lt;") && strings.Contains(s, "&gt;"):
		if end := strings.Index(s, "&gt;"); !strings.ContainsAny(s[4:end], " <>&") {
			return t.keep(s, end+4) // a placeholder: &lt;token&gt;
		}
		return t.keep(s, 4)
	case c == '&':
		if n := entityEnd(s); n > 0 {
			return t.keep(s, n)
		}
	case c == '{':
		return t.keep(s, closing(s, '}'))
	case strings.HasPrefix(s, "\\{"):
		return t.keep(s, closing(s, '}')) // an escaped placeholder: \{token\}
	case c == '\\' && len(s) > 1:
		return t.keep(s, 2)
	case c == '!' && strings.HasPrefix(s, "!["):
		return t.keep(s, linkEnd(s[1:])+1)
	case c == '[' && strings.HasPrefix(s, "[!"):
		return t.keep(s, bracketEnd(s))
	case c == '[':
		return t.link(s)
	}
	if n := wordEnd(s); n > 0 {
		t.word(s[:n])
		return n
	}
	r, size := utf8.DecodeRuneInString(s)
	t.punct(r, s[size:])
	return size
}

// keep writes s[:n] unchanged.
func (t *textWriter) keep(s string, n int) int {
	n = max(1, min(n, len(s)))
	t.flushSpace(false)
	t.b.WriteString(s[:n])
	t.lastWord = false
	return n
}

// flushSpace writes the held-back spaces, except between two translated
// words in the CJK script.
func (t *textWriter) flushSpace(word bool) {
	if !(t.l.script == CJK && word && t.lastWord) {
		t.b.WriteString(t.space)
	}
	t.space = ""
}

// link translates a link's text and keeps its target.
func (t *textWriter) link(s string) int {
	end := bracketEnd(s)
	if end <= 1 || end > len(s) {
		return t.keep(s, 1)
	}
	t.flushSpace(false)
	t.b.WriteByte('[')
	inner := textWriter{l: t.l}
	inner.run(s[1 : end-1])
	t.b.WriteString(inner.b.String())
	t.b.WriteByte(']')
	t.lastWord = false
	rest := s[end:]
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "[") {
		closer := byte(')')
		if rest[0] == '[' {
			closer = ']'
		}
		n := closing(rest, closer)
		t.b.WriteString(rest[:n])
		return end + n
	}
	return end
}

// word writes a word: translated when it is an ordinary word, else kept.
func (t *textWriter) word(w string) {
	if !ordinary(w) {
		if parts := strings.Split(w, "-"); len(parts) > 1 && allOrdinary(parts) {
			for i, p := range parts {
				parts[i] = t.l.Word(p)
			}
			t.flushSpace(true)
			t.b.WriteString(strings.Join(parts, "-"))
			t.lastWord = true
			return
		}
		t.flushSpace(false)
		t.b.WriteString(w)
		t.lastWord = false
		return
	}
	t.flushSpace(true)
	t.b.WriteString(t.l.Word(w))
	t.lastWord = true
}

// punct writes a punctuation mark, full width in the CJK script: a
// sentence's full stop, commas, colons and parentheses.
func (t *textWriter) punct(r rune, rest string) {
	if t.l.script == CJK {
		end := rest == "" || rest[0] == ' '
		switch {
		case r == '.' && end:
			r = '。'
		case r == ',' && end:
			r = '，'
		case r == '(':
			r = '（'
		case r == ')':
			r = '）'
		}
	}
	t.flushSpace(false)
	t.b.WriteRune(r)
	t.lastWord = false
}

// ordinary reports a word a translator translates: letters only, all
// lower case or capitalised ("user", "Required"); "HTTP", "displayName",
// "Int32" and "User.Read" are kept.
func ordinary(w string) bool {
	for i, r := range w {
		if r >= unicode.MaxASCII || !unicode.IsLetter(r) || i > 0 && unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

// allOrdinary reports parts that are all ordinary words.
func allOrdinary(parts []string) bool {
	for _, p := range parts {
		if !ordinary(p) {
			return false
		}
	}
	return true
}

// wordEnd returns the length of the word at the start of s: letters and
// digits, joined by . _ - / : @ $ # when a letter or digit follows ("User.Read.All",
// "application/json", "https://..."), or 0.
func wordEnd(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n += size
		case strings.ContainsRune("._-/:@$#%=?~+", r) && n+size < len(s):
			next, _ := utf8.DecodeRuneInString(s[n+size:])
			if !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '/' || next == '{') {
				return n
			}
			n += size
		default:
			return n
		}
	}
	return n
}

// codeSpanEnd returns the length of the code span at the start of s (all
// of s when it is not closed).
func codeSpanEnd(s string) int {
	ticks := len(s) - len(strings.TrimLeft(s, "`"))
	if i := strings.Index(s[ticks:], s[:ticks]); i >= 0 {
		return ticks + i + ticks
	}
	return ticks
}

// closing returns the length up to and including the first c, or 1.
func closing(s string, c byte) int {
	if i := strings.IndexByte(s, c); i >= 0 {
		return i + 1
	}
	return 1
}

// entityEnd returns the length of an HTML entity at the start of s, or 0.
func entityEnd(s string) int {
	for i := 1; i < len(s) && i < 12; i++ {
		switch c := s[i]; {
		case c == ';':
			if i > 1 {
				return i + 1
			}
			return 0
		case !(c == '#' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'):
			return 0
		}
	}
	return 0
}

// bracketEnd returns the length of the bracketed text at the start of s,
// nested brackets included (len(s)+1 when it is not closed).
func bracketEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(s) + 1
}

// linkEnd returns the length of a link "[text](target)" at the start of s.
func linkEnd(s string) int {
	end := bracketEnd(s)
	if end > len(s) {
		return 1
	}
	if strings.HasPrefix(s[end:], "(") {
		return end + closing(s[end:], ')')
	}
	return end
}
