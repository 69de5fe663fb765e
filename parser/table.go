package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// table is a GFM table read into cells.
type table struct {
	page   *page    // the page (or include file) the table is in
	off    int      // offset of the table's first line
	scope  string   // heading above the table
	header []inline // header cells
	rows   [][]inline
	rowOff []int // offset of the line of each row
}

// asTable reads n if it is a table with at least one body row.
func asTable(p *page, n ast.Node) *table {
	tn, ok := n.(*east.Table)
	if !ok {
		return nil
	}
	t := &table{page: p, off: blockStart(p, tn)}
	for r := tn.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []inline
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, readInline(c, p.src))
		}
		if _, isHeader := r.(*east.TableHeader); isHeader {
			t.header = cells
		} else if !allEmpty(cells) {
			t.rows = append(t.rows, cells)
			t.rowOff = append(t.rowOff, max(blockStart(p, r), t.off))
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	return t
}

// allEmpty reports a row without text.
func allEmpty(cells []inline) bool {
	for _, c := range cells {
		if c.Text != "" {
			return false
		}
	}
	return true
}

// column finds the header cell containing one of the lower-case hints.
func (t *table) column(hints ...string) int {
	for i, h := range t.header {
		l := strings.ToLower(h.Text)
		for _, w := range hints {
			if strings.Contains(l, w) {
				return i
			}
		}
	}
	return -1
}

// cell returns row[i].Text, or "" when the row is short.
func cell(row []inline, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i].Text
}
