package parser

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// page is one markdown file being read, with what is needed to report
// positions in it.
type page struct {
	file string // path relative to the docs root, with forward slashes
	// treeVersion is the version the docs root's own path names, "" if none
	treeVersion string
	src         []byte // content; front matter blanked out (line count kept)
	lines       []int  // byte offset of the start of every line
	front       map[string]string
	diags       []ir.Diagnostic
	// parent is the page that includes this file, which collects its
	// diagnostics; nil for a page
	parent *page
	// requiredMark is the page's word for "required", learned from its
	// Authorization header row (learnRequired); "" when unknown.
	requiredMark string
	// learned pairs translated header names with the headers they were
	// found to be; pending are the header rows the page cannot settle.
	learned [][2]string
	pending []pendingHeader
	// typeWords and untyped are the same for body parameters' type cells.
	typeWords [][2]string
	untyped   []pendingParam
}

// newPage indexes src and splits off its front matter. ok is false when the
// file has no front matter, i.e. is not a documentation page.
func newPage(file string, src []byte) (p *page, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	p = &page{file: file, front: map[string]string{}}
	p.lines = make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i := bytes.IndexByte(src, '\n'); i >= 0; {
		p.lines = append(p.lines, i+1)
		j := bytes.IndexByte(src[i+1:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	p.src, ok = p.splitFrontMatter(src)
	return p, ok
}

// splitFrontMatter reads the leading "---" block of key: value lines and
// returns src with that block replaced by blank lines.
func (p *page) splitFrontMatter(src []byte) ([]byte, bool) {
	if !bytes.HasPrefix(src, []byte("---")) {
		return src, false
	}
	end := -1
	for i := 1; i < len(p.lines); i++ {
		if strings.TrimSpace(string(p.lineBytes(src, i))) == "---" {
			end = i
			break
		}
		key, val, found := strings.Cut(string(p.lineBytes(src, i)), ":")
		if found {
			p.front[strings.TrimSpace(key)] = strings.Trim(strings.TrimSpace(val), `"'`)
		}
	}
	if end < 0 {
		return src, false
	}
	out := bytes.Clone(src)
	stop := len(src)
	if end+1 < len(p.lines) {
		stop = p.lines[end+1]
	}
	for i := 0; i < stop; i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out, true
}

// lineBytes returns line i (0-based) of src without its newline.
func (p *page) lineBytes(src []byte, i int) []byte {
	start := p.lines[i]
	end := len(src)
	if i+1 < len(p.lines) {
		end = p.lines[i+1]
	}
	return bytes.TrimRight(src[start:end], "\r\n")
}

// pos formats byte offset off as "file:line:col" (1-based, byte columns).
func (p *page) pos(off int) string {
	line := p.lineOf(off)
	return fmt.Sprintf("%s:%d:%d", p.file, line+1, off-p.lines[line]+1)
}

// lineStart returns the offset of the start of the line holding off.
func (p *page) lineStart(off int) int {
	return p.lines[p.lineOf(off)]
}

// lineOf returns the 0-based line holding offset off.
func (p *page) lineOf(off int) int {
	return max(sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off })-1, 0)
}

// warnf records a warning at offset off of p, with the diagnostics of
// the page that includes p when p is an include file.
func (p *page) warnf(off int, format string, args ...any) {
	p.diagnose(ir.Warning, off, fmt.Sprintf(format, args...))
}

// notef records a note for the docs' authors at offset off of p: the
// page is malformed or contradicts itself and was read by a stated rule.
func (p *page) notef(off int, format string, args ...any) {
	p.diagnose(ir.Note, off, fmt.Sprintf(format, args...))
}

// diagnose records a diagnostic of severity sev at offset off of p, on
// the page that includes p when p is an include file.
func (p *page) diagnose(sev string, off int, msg string) {
	d := p.diagnostic(sev, off, msg)
	for p.parent != nil {
		p = p.parent
	}
	p.diags = append(p.diags, d)
}

func (p *page) diagnostic(sev string, off int, msg string) ir.Diagnostic {
	// Page text quoted in a message may be invalid UTF-8; the message
	// goes to a terminal and into JSON, so it is made valid.
	d := ir.Diagnostic{Pos: p.pos(off), Severity: sev, Message: strings.ToValidUTF8(msg, "\uFFFD")}
	for p.parent != nil {
		p = p.parent
	}
	d.Page = p.file
	return d
}
