package parser

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Sections of an API page, identified by heading anchors or slugs.
const (
	secIntro       = "intro" // before the first H2
	secPermissions = "permissions"
	secHTTP        = "http-request"
	secHeaders     = "request-headers"
	secQuery       = "query-parameters"
	secBody        = "request-body"
	secResponse    = "response"
	secExamples    = "examples"
	secProperties  = "properties"    // resource pages
	secRelations   = "relationships" // resource pages
	secJSON        = "json-representation"
	secMembers     = "members" // enum pages
	secOther       = "other"
)

// markdown is the shared goldmark instance: CommonMark plus GFM tables.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// block is a block-level node of interest with the section it stands in.
type block struct {
	section string
	heading string // text of the nearest heading above it
	key     string // that heading's anchor or slug
	node    ast.Node
	ann     *annotation // the code-block annotation right above a fenced block
}

// outline is a page read into blocks by section.
type outline struct {
	title    string
	titleOff int
	summary  string
	blocks   []block
	sections map[string]int // offset of each section's heading
}

// walker turns the goldmark tree into an outline.
type walker struct {
	p       *page
	out     *outline
	section string
	current string // text of the latest heading
	key     string // its anchor or slug
	pending *annotation
}

// readOutline parses p and collects its blocks by section.
func readOutline(p *page) *outline {
	doc := markdown.Parser().Parse(text.NewReader(p.src))
	w := &walker{p: p, out: &outline{sections: map[string]int{}}, section: secIntro}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		w.top(n)
	}
	return w.out
}

// top handles a top-level block.
func (w *walker) top(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		w.pending = nil
		w.onHeading(n)
	case *ast.Paragraph:
		if w.section == secIntro && w.out.title != "" && w.out.summary == "" {
			w.summary(n)
		}
		w.add(n)
	default:
		w.nested(n)
	}
}

// nested visits blocks that may hold code or tables (lists, quotes).
func (w *walker) nested(n ast.Node) {
	switch n := n.(type) {
	case *ast.HTMLBlock:
		w.htmlBlock(n)
		return
	case *ast.FencedCodeBlock, *east.Table, *ast.Paragraph, *ast.TextBlock:
		w.add(n)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.nested(c)
	}
}

// add records n in the current section, attaching a pending annotation to
// a fenced block (or a permissions include) when only blank lines separate
// them.
func (w *walker) add(n ast.Node) {
	b := block{section: w.section, heading: w.current, key: w.key, node: n}
	if w.pending != nil && (isFenced(n) || isInclude(n, w.p.src)) {
		if start := blockStart(w.p, n); start >= w.pending.end && strings.TrimSpace(string(w.p.src[w.pending.end:start])) == "" {
			b.ann = w.pending
		}
	}
	w.pending = nil
	w.out.blocks = append(w.out.blocks, b)
}

// isFenced reports a fenced code block.
func isFenced(n ast.Node) bool {
	_, ok := n.(*ast.FencedCodeBlock)
	return ok
}

// htmlBlock remembers a code-block annotation comment.
func (w *walker) htmlBlock(n *ast.HTMLBlock) {
	var sb strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		sb.Write(seg.Value(w.p.src))
	}
	if n.HasClosure() {
		sb.Write(n.ClosureLine.Value(w.p.src))
	}
	start := n.Lines().At(0).Start
	end := start + sb.Len()
	if n.HasClosure() {
		end = n.ClosureLine.Stop
	} else if l := n.Lines().Len(); l > 0 {
		end = n.Lines().At(l - 1).Stop
	}
	w.pending = parseAnnotation(w.p, sb.String(), start, end)
}

// heading switches sections on H2 (and on known H3 outside the examples).
func (w *walker) onHeading(n *ast.Heading) {
	t := readInline(n, w.p.src)
	off := blockStart(w.p, n)
	if n.Level == 1 {
		if isTabMarker(n) {
			return
		}
		if w.out.title == "" {
			w.out.title, w.out.titleOff = t.Text, off
		}
		return
	}
	key := t.Anchor
	if key == "" {
		key = slug(t.Text)
	}
	w.current, w.key = t.Text, strings.ToLower(key)
	sec := sectionOf(key)
	switch {
	case n.Level == 2 && sec == "":
		w.section = secOther
	case n.Level == 2, sec != "" && w.section != secExamples && n.Level == 3 && !w.seen(sec):
		w.section = sec
	default:
		return
	}
	if _, seen := w.out.sections[w.section]; !seen {
		w.out.sections[w.section] = off
	}
}

// seen reports a section that already started; a later H3 of the same
// name belongs to another topic of the page (a second request/response).
func (w *walker) seen(sec string) bool {
	_, ok := w.out.sections[sec]
	return ok
}

// summary takes the first real paragraph under the title, skipping the
// "Namespace: microsoft.graph" line and include directives.
func (w *walker) summary(n *ast.Paragraph) {
	t := readInline(n, w.p.src).Text
	if strings.HasPrefix(t, "[!") || isNamespaceLine(t) {
		return
	}
	w.out.summary = t
}

// isNamespaceLine reports a "Namespace: microsoft.graph" line in any language.
func isNamespaceLine(t string) bool {
	_, val, ok := strings.Cut(t, ":")
	val = strings.TrimSpace(val)
	return ok && strings.HasPrefix(val, "microsoft.graph") && !strings.Contains(val, " ")
}

// isTabMarker reports "# [HTTP](#tab/http)" lines, which look like H1s.
func isTabMarker(n *ast.Heading) bool {
	l, ok := n.FirstChild().(*ast.Link)
	return ok && strings.HasPrefix(string(l.Destination), "#tab/")
}

// sectionOf maps a heading anchor or slug to a section, "" if unknown.
func sectionOf(key string) string {
	key = strings.ToLower(key)
	switch {
	case key == "permissions" || key == "prerequisites":
		return secPermissions
	case strings.HasPrefix(key, "http-request"):
		return secHTTP
	case strings.HasSuffix(key, "request-headers"):
		return secHeaders
	case strings.HasSuffix(key, "query-parameters"):
		return secQuery
	case key == "request-body":
		return secBody
	case key == "response" || key == "responses":
		return secResponse
	case strings.HasPrefix(key, "example"):
		return secExamples
	case key == "properties":
		return secProperties
	case key == "relationships":
		return secRelations
	case key == "json-representation":
		return secJSON
	case key == "members":
		return secMembers
	}
	return ""
}

// slug makes a heading anchor the way the docs site does: lower case,
// letters and digits kept, spaces to '-', the rest dropped.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// blockStart returns the offset where block n starts in the source.
func blockStart(p *page, n ast.Node) int {
	if fcb, ok := n.(*ast.FencedCodeBlock); ok {
		return fenceStart(p, fcb)
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return p.lineStart(n.Lines().At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return p.lineStart(t.Segment.Start)
		}
		if off := blockStart(p, c); off > 0 {
			return off
		}
	}
	return 0
}

// fenceStart returns the offset of the opening fence line of a code block.
func fenceStart(p *page, n *ast.FencedCodeBlock) int {
	if n.Info != nil {
		return p.lineStart(n.Info.Segment.Start)
	}
	if n.Lines().Len() > 0 {
		first := p.lineStart(n.Lines().At(0).Start)
		if first > 0 {
			return p.lineStart(first - 1)
		}
	}
	return 0
}

// codeText returns the content of a fenced code block.
func codeText(p *page, n *ast.FencedCodeBlock) string {
	var sb strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		sb.Write(seg.Value(p.src))
	}
	return sb.String()
}
