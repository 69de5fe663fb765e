package parser

import (
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// propTable is a table found in a resource page's properties or
// relationships section.
type propTable struct {
	t            *table
	relationship bool
}

// propColumns are the columns of a properties table, chosen by what their
// cells hold, not by their position.
type propColumns struct {
	name, typ, desc int
}

// propRow is a row of a properties table with the wire name it gets.
type propRow struct {
	name     string // as written in the table
	wire     string // the name in the JSON representation ("" until matched)
	off      int
	row      []inline
	table    int // index of its table
	prop     ir.Property
	shape    string // JSON shape of its documented type
	rejected bool
}

// descriptionHints are lower-case words of a description column's header.
var descriptionHints = []string{"descri", "beschreibung", "説明", "描述", "설명", "opis", "omschrijving"}

// typeHints are lower-case words of a type column's header.
var typeHints = []string{"type", "tipo", "typ", "型", "类型", "형식"}

// readPropertyTables reads the properties and relationships tables of a
// resource page. A table whose name column (the column whose cells are
// members of the JSON representation, else the first) does not hold the
// type's member names is not a properties table and is skipped. Wire names
// come from the representation: a row whose name it lacks is matched to the
// representation's member at the same place, with a warning, or ignored.
func readPropertyTables(p *page, tables []propTable, rep *representation) []ir.Property {
	var rows []*propRow
	for i, pt := range tables {
		cols, ok := propertyColumns(pt.t, rep)
		if !ok {
			p.warnf(pt.t.off, "table under %q is not a properties table: %s; it is not read", clip(pt.t.scope, 60), notPropsReason(rep))
			continue
		}
		rows = append(rows, tableRows(p, pt, cols, i)...)
	}
	matchWireNames(p, rows, rep)
	var out []ir.Property
	for _, r := range rows {
		if !r.rejected {
			out = append(out, r.prop)
		}
	}
	return out
}

// notPropsReason says why a table is not a properties table.
func notPropsReason(rep *representation) string {
	if rep != nil {
		return "no column holds names of the page's JSON representation in most of its rows"
	}
	return "most cells of its first column are not member names, or no column holds types"
}

// tableRows reads the rows of a properties table whose first cell is a
// member name.
func tableRows(p *page, pt propTable, cols propColumns, index int) []*propRow {
	var out []*propRow
	for i, row := range pt.t.rows {
		name := memberCell(cell(row, cols.name))
		if name == "" || cols.typ >= len(row) {
			continue
		}
		if !isMemberName(name) {
			p.warnf(pt.t.rowOff[i], "properties table row %q does not start with a property name (expected a name like \"displayName\" in its first cell); the row is ignored", clip(name, 60))
			continue
		}
		prop := ir.Property{Name: name, Relationship: pt.relationship, Description: cell(row, cols.desc)}
		prop.Type, prop.Ref, prop.Collection = typeCell(p, row[cols.typ])
		prop.ReadOnly = containsAny(strings.ToLower(prop.Description), readOnlyHints)
		out = append(out, &propRow{name: name, off: pt.t.rowOff[i], row: row, table: index, prop: prop, shape: propShape(prop)})
	}
	return out
}

// memberCell is a name cell without the emphasis and code marks around it
// and without a remark in parentheses ("autoAdmittedUsers (deprecated)").
func memberCell(s string) string {
	s, _, _ = strings.Cut(s, " (")
	return strings.Trim(s, "`* ")
}

// propertyColumns picks a properties table's columns: the name column is
// the one most of whose cells are members of the representation (without
// one, the first column, when most of its cells look like member names);
// the type column is the one whose header says so, else the one whose
// cells look most like types (most of them must); the description column
// likewise, else the one with the most text. ok is false when the table
// does not hold member names and types.
func propertyColumns(t *table, rep *representation) (propColumns, bool) {
	cols := propColumns{name: 0, typ: -1, desc: -1}
	byCode := false
	if rep != nil {
		best, score := 0, -1
		for c := range t.header {
			if s := repScore(t, c, rep); s > score {
				best, score = c, s
			}
		}
		if byCode = 2*score >= len(t.rows); byCode {
			cols.name = best
		}
	}
	if !byCode && 2*columnScore(t, 0, func(s string) bool { return isMemberName(memberCell(s)) }) < len(t.rows) {
		return cols, false
	}
	cols.typ = t.columnOtherThan(typeHints, cols.name)
	if cols.typ < 0 {
		cols.typ = bestColumn(t, func(c int) int { return typeCells(t, c) }, cols.name)
		if !byCode && 2*typeCells(t, cols.typ) < len(t.rows) {
			return cols, false // names without types: a table of values, limits, ...
		}
	}
	cols.desc = t.columnOtherThan(descriptionHints, cols.name, cols.typ)
	if cols.desc < 0 {
		cols.desc = bestColumn(t, func(c int) int { return columnText(t, c) }, cols.name, cols.typ)
	}
	return cols, cols.typ >= 0
}

// repScore counts the cells of column c that name a member of rep, in any
// case.
func repScore(t *table, c int, rep *representation) int {
	return columnScore(t, c, func(s string) bool {
		return rep.find(memberCell(s)) >= 0
	})
}

// find returns the position of the member named name, matching case when
// it can and ignoring it when it must; -1 when there is none.
func (r *representation) find(name string) int {
	if i, ok := r.index[name]; ok {
		return i
	}
	for i, m := range r.members {
		if strings.EqualFold(m.name, name) {
			return i
		}
	}
	return -1
}

// columnScore counts the rows whose cell in column c satisfies ok.
func columnScore(t *table, c int, ok func(string) bool) int {
	n := 0
	for _, row := range t.rows {
		if s := cell(row, c); s != "" && ok(s) {
			n++
		}
	}
	return n
}

// columnText is the length of the text of column c.
func columnText(t *table, c int) int {
	n := 0
	for _, row := range t.rows {
		n += len(cell(row, c))
	}
	return n
}

// bestColumn returns the column with the highest positive score, skipping
// the columns taken; -1 when none scores.
func bestColumn(t *table, score func(c int) int, taken ...int) int {
	best, top := -1, 0
	for c := range t.header {
		if s := score(c); s > top && !isIn(c, taken) {
			best, top = c, s
		}
	}
	return best
}

// columnOtherThan finds the header cell with one of the hints, skipping
// the columns taken.
func (t *table) columnOtherThan(hints []string, taken ...int) int {
	for i, h := range t.header {
		if !isIn(i, taken) && containsAny(strings.ToLower(h.Text), hints) {
			return i
		}
	}
	return -1
}

// isIn reports whether c is one of cs.
func isIn(c int, cs []int) bool {
	for _, x := range cs {
		if c == x {
			return true
		}
	}
	return false
}

// typeCells counts the cells of column c that look like types: links, or
// type names.
func typeCells(t *table, c int) int {
	n := 0
	for _, row := range t.rows {
		if c >= 0 && c < len(row) && (len(row[c].Links) > 0 || looksLikeType(row[c].Text)) {
			n++
		}
	}
	return n
}

// looksLikeType reports a type cell: a link, a primitive in any language,
// a qualified name or a collection of one.
func looksLikeType(s string) bool {
	lower := strings.ToLower(s)
	if strings.Contains(lower, "microsoft.graph.") || strings.Contains(lower, "edm.") {
		return true
	}
	for _, w := range strings.Fields(strings.NewReplacer("collection(", " ", ")", " ", "`", " ").Replace(lower)) {
		if _, ok := primitives[strings.Trim(w, ",.;:*")]; ok {
			return true
		}
	}
	return false
}

// propShape is the JSON shape a property's value has.
func propShape(pr ir.Property) string {
	switch {
	case pr.Collection:
		return "array"
	case pr.Type == "Edm.Boolean":
		return "bool"
	case strings.HasPrefix(pr.Type, "Edm.Int"), pr.Type == "Edm.Double", pr.Type == "Edm.Single", pr.Type == "Edm.Decimal", pr.Type == "Edm.Byte", pr.Type == "Edm.SByte":
		return "number"
	case strings.HasPrefix(pr.Type, "Edm."):
		return "string"
	}
	return "object" // a link or a named type: an object, or an enum's string
}

// shapeFits reports whether a member's sample value can be a value of a
// property of shape prop. Samples are loose ("Int32" for a number,
// "Boolean" for a bool), so only clear mismatches count.
func shapeFits(prop, sample string) bool {
	switch {
	case sample == "" || sample == "null":
		return true
	case prop == "array" || sample == "array":
		return prop == sample
	case prop == "object":
		return sample == "object" || sample == "string"
	case prop == "string":
		return sample == "string"
	}
	return sample == prop || sample == "string"
}
