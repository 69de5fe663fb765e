package parser

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// inline is the text of an inline container (a paragraph, heading or table
// cell) as graphgen reads it.
//
// Side-by-side translations carry each sentence twice:
//
//	<span data-ttu-id="x">Tradução</span><span class="sxs-lookup"><span data-stu-id="x">Original</span></span>
//
// Where such spans occur, only the original (English) text is kept, so that
// a side-by-side page reads exactly like its English source.
type inline struct {
	Text   string   // plain text; code spans keep their backticks; <br> is "\n"
	Links  []string // link destinations, in order
	Anchor string   // name of the first <a name="..."> tag, if any
	// Indented is set when the text starts with no-break spaces, the way
	// Intune tables indent sub-rows ("&nbsp; &nbsp; **Policy Set**").
	Indented bool
}

// textBuf collects one of the two readings of an inline container.
type textBuf struct {
	b     strings.Builder
	links []string
}

// spanKind classifies an open <span> for side-by-side handling.
type spanKind int

const (
	spanOther spanKind = iota
	spanTranslated
	spanOriginal
)

// inlineReader walks inline nodes and keeps both readings.
type inlineReader struct {
	src        []byte
	original   textBuf // text outside translated spans
	translated textBuf // text outside original spans
	spans      []spanKind
	sawSxs     bool
	anchor     string
}

// readInline extracts the text of n's inline children.
func readInline(n ast.Node, src []byte) inline {
	r := &inlineReader{src: src}
	r.children(n)
	buf := &r.translated
	if r.sawSxs {
		buf = &r.original
	}
	raw := strings.TrimLeft(buf.b.String(), " \t")
	indented := strings.HasPrefix(raw, "&nbsp;") || strings.HasPrefix(raw, "\u00a0")
	return inline{Text: cleanText(buf.b.String()), Links: buf.links, Anchor: r.anchor, Indented: indented}
}

// cleanText unescapes entities and folds runs of spaces (but not newlines).
func cleanText(s string) string {
	if isPlain(s) {
		return strings.TrimSpace(s)
	}
	s = html.UnescapeString(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u202f', '\t', '\u2007':
			return ' '
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// isPlain reports text that cleanText would only trim: ASCII without
// entities, tabs, newlines or double spaces (most cells and headings).
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '&', c == '\t', c == '\n', c == '\r':
			return false
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			return false
		}
	}
	return true
}

func (r *inlineReader) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.node(c)
	}
}

// write appends s to the readings it belongs to.
func (r *inlineReader) write(s string) {
	orig, trans := r.where()
	if orig {
		r.original.b.WriteString(s)
	}
	if trans {
		r.translated.b.WriteString(s)
	}
}

// where says which readings the current position belongs to.
func (r *inlineReader) where() (original, translated bool) {
	original, translated = true, true
	for _, k := range r.spans {
		switch k {
		case spanOriginal:
			translated = false
		case spanTranslated:
			original = false
		}
	}
	return original, translated
}

func (r *inlineReader) link(dest string) {
	orig, trans := r.where()
	if orig {
		r.original.links = append(r.original.links, dest)
	}
	if trans {
		r.translated.links = append(r.translated.links, dest)
	}
}

func (r *inlineReader) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		r.write(string(n.Segment.Value(r.src)))
		if n.SoftLineBreak() {
			r.write(" ")
		}
		if n.HardLineBreak() {
			r.write("\n")
		}
	case *ast.String:
		r.write(string(n.Value))
	case *ast.CodeSpan:
		r.write("`")
		r.children(n)
		r.write("`")
	case *ast.Link:
		r.link(string(n.Destination))
		r.children(n)
	case *ast.AutoLink:
		r.write(string(n.URL(r.src)))
	case *ast.RawHTML:
		r.rawHTML(n)
	default:
		r.children(n)
	}
}

// rawHTML interprets the inline tags that matter: spans of side-by-side
// pages, anchors and line breaks.
func (r *inlineReader) rawHTML(n *ast.RawHTML) {
	var sb strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		sb.Write(seg.Value(r.src))
	}
	tag := strings.ToLower(sb.String())
	switch {
	case strings.HasPrefix(tag, "<span"):
		k := spanOther
		if strings.Contains(tag, "sxs-lookup") {
			k = spanOriginal
			r.sawSxs = true
		} else if strings.Contains(tag, "data-ttu-id") {
			k = spanTranslated
		}
		r.spans = append(r.spans, k)
	case strings.HasPrefix(tag, "</span"):
		if len(r.spans) > 0 {
			r.spans = r.spans[:len(r.spans)-1]
		}
	case strings.HasPrefix(tag, "<br"), strings.HasPrefix(tag, "</br"):
		r.write("\n")
	case strings.HasPrefix(tag, "<a ") && r.anchor == "":
		r.anchor = attr(sb.String(), "name")
		if r.anchor == "" {
			r.anchor = attr(sb.String(), "id")
		}
	}
}

// attr returns the value of attribute name in an HTML tag, or "".
func attr(tag, name string) string {
	lower := strings.ToLower(tag)
	for _, q := range []string{`"`, `'`} {
		key := " " + name + "=" + q
		i := strings.Index(lower, key)
		if i < 0 {
			continue
		}
		rest := tag[i+len(key):]
		if j := strings.Index(rest, q); j >= 0 {
			return rest[:j]
		}
	}
	return ""
}
