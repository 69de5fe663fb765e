package parser

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/yuin/goldmark/ast"
)

// readFile reads a file of the docs tree by its slash-separated path
// relative to the root (for permission includes).
type readFile func(name string) ([]byte, error)

// kindNames are the IR names of the permission kinds, by kind.
var kindNames = [...]string{kindWork: "delegatedWork", kindPersonal: "delegatedPersonal", kindApplication: "application"}

// kindLabels are the English row labels of the permission kinds, by kind.
var kindLabels = [...]string{kindWork: "Delegated (work or school account)", kindPersonal: "Delegated (personal Microsoft account)", kindApplication: "Application"}

// readPermissions collects the permission tables of the page: tables in
// the permissions section, and the tables of the include files it names
// ([!INCLUDE [permissions-table](../includes/permissions/x.md)]), tied to
// the request URLs of their "blockType": "permissions" annotation. The
// operation's lists are the union, in documented order.
func readPermissions(p *page, o *outline, read readFile) ir.Permissions {
	var perms ir.Permissions
	tables := 0
	for _, b := range o.blocks {
		if b.section != secPermissions {
			continue
		}
		if t := asTable(p, b.node); t != nil {
			if isPermissionTable(t) {
				tables++
				perms.Scoped = append(perms.Scoped, readPermissionTable(t, b.heading)...)
			}
			continue
		}
		for _, t := range includedTables(p, b, read) {
			tables++
			scoped := readPermissionTable(t, b.heading)
			if b.ann != nil && len(b.ann.requestURLs) > 0 {
				for i := range scoped {
					scoped[i].RequestURLs = b.ann.requestURLs
				}
			}
			perms.Scoped = append(perms.Scoped, scoped...)
		}
	}
	perms.PermissionSet, perms.Tables = union(perms.Scoped), tables
	if len(perms.Scoped) == 1 && tables == 1 && len(perms.Scoped[0].RequestURLs) == 0 {
		perms.Scoped = nil
	}
	return perms
}

// union merges permission sets, keeping documented order; a kind is not
// supported when a set says so and no set lists names for it.
func union(sets []ir.ScopedPermissions) ir.PermissionSet {
	var u ir.PermissionSet
	for _, s := range sets {
		u.DelegatedWork = append(u.DelegatedWork, s.DelegatedWork...)
		u.DelegatedPersonal = append(u.DelegatedPersonal, s.DelegatedPersonal...)
		u.Application = append(u.Application, s.Application...)
	}
	dedupeSet(&u)
	lists := [...][]string{kindWork: u.DelegatedWork, kindPersonal: u.DelegatedPersonal, kindApplication: u.Application}
	for k, name := range kindNames {
		for _, s := range sets {
			if len(lists[k]) == 0 && slices.Contains(s.NotSupported, name) && !slices.Contains(u.NotSupported, name) {
				u.NotSupported = append(u.NotSupported, name)
			}
		}
	}
	return nonNil(u)
}

// includedTables reads the tables of the include file a paragraph names,
// reporting a missing file.
func includedTables(p *page, b block, read readFile) []*table {
	if !isProse(b.node) {
		return nil
	}
	inc := includeTarget(readInline(b.node, p.src))
	if inc == "" || read == nil || !strings.Contains(inc, "/permissions/") {
		return nil // other includes in the section (RBAC notes) hold no table
	}
	off := blockStart(p, b.node)
	name := path.Join(path.Dir(p.file), inc)
	if !fs.ValidPath(name) {
		p.warnf(off, "permissions include %s is outside the docs tree; link a file inside it, like ../includes/permissions/%s-permissions.md; the operation lacks its permissions", inc, pageID(p))
		return nil
	}
	data, err := read(name)
	if err != nil {
		p.warnf(off, "permissions include %s not found (looked for %s in the docs tree); the operation lacks its permissions", inc, name)
		return nil
	}
	ip, _ := newPage(name, data)
	ip.parent = p // its tables' diagnostics are the page's
	var tables []*table
	for _, ib := range readOutline(ip).blocks {
		if t := asTable(ip, ib.node); t != nil {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		p.warnf(off, "permissions include %s holds no table (expected a permission table, with rows like \"|Application|User.Read.All|\"); the operation lacks its permissions", inc)
	}
	return tables
}

// readPermissionTable reads one table in any of the documented shapes:
//   - rows by kind: "kind | names" or "kind | least | higher" (cells joined);
//     sub-rows under a kind row with an empty cell (Intune) are scoped by
//     their label;
//   - rows by resource and kind: "resource | kind | least | higher";
//   - rows by resource with a column per kind.
//
// Kinds come from the table's structure (labelKinds).
func readPermissionTable(t *table, heading string) []ir.ScopedPermissions {
	kc, kinds, tied, found := kindColumn(t)
	if cols := headerKinds(t); cols != nil && !(found && kc == 0) {
		return readKindColumns(t, cols)
	}
	var out []ir.ScopedPermissions
	scopeIndex := map[string]int{}
	last, parent, hasSub := kindUnknown, false, false
	seen := map[int]bool{}
	for i, row := range t.rows {
		scope := heading
		if kc > 0 {
			scope = joinCells(row[:kc])
		}
		k, sub := rowKind(row[kc], kinds[i], tied[i], i, len(t.rows), last, parent)
		if k == kindUnknown {
			warnKindless(t, i, row[kc].Text, tied[i])
			continue
		}
		names, broken := cellNames(t, i, row[kc+1:])
		seen[k] = true
		if sub {
			scope, hasSub = row[kc].Text, true
		}
		idx, ok := scopeIndex[scope]
		if !ok {
			idx = len(out)
			scopeIndex[scope] = idx
			out = append(out, ir.ScopedPermissions{Scope: scope, PermissionSet: nonNil(ir.PermissionSet{})})
		}
		parent = !sub && len(names) == 0 && joinCells(row[kc+1:]) == ""
		addKind(&out[idx].PermissionSet, k, names, !parent && len(names) == 0 && !broken)
		last = k
	}
	for i := range out {
		dedupeSet(&out[i].PermissionSet)
	}
	for k, name := range kindNames {
		if len(out) > 0 && !seen[k] {
			t.page.notef(t.off, "the permission table has no row for %s permissions, so the docs leave that kind undocumented; add a %q row (\"Not supported.\" if it has none)", name, kindLabels[k])
		}
	}
	if idx, ok := scopeIndex[heading]; ok && hasSub {
		out[idx].PermissionSet = union(out) // the table's set includes its sub-rows
	}
	return out
}

// warnKindless reports a row whose kind is not known: a tie the table's
// structure leaves and no hint word breaks, or a label that is none.
func warnKindless(t *table, i int, label string, tied bool) {
	if tied {
		t.page.warnf(t.rowOff[i], "permission row %q: the table's structure cannot tell its kind (the rows go work or school, personal, application; the two delegated labels have parentheses, the application label none, and this table has not that many of its shape) and its words are not known; the row is ignored", label)
		return
	}
	t.page.warnf(t.rowOff[i], "permission row %q names no permission kind (expected %q, %q or %q); the row is ignored", label, kindLabels[kindWork], kindLabels[kindPersonal], kindLabels[kindApplication])
}

// rowKind decides a row's kind from its label's structural kind k: under
// a kind row without names (Intune), an indented label, or one that is
// no other kind, is a sub-row of that kind; three unlabelled rows go by
// position (work, personal, application); another label that is no kind
// and no tie continues the previous kind.
func rowKind(label inline, k int, tied bool, i, rows, last int, parent bool) (kind int, sub bool) {
	switch {
	case parent && label.Indented:
		return last, true
	case parent && (k == kindUnknown || k == last):
		return last, true
	case k != kindUnknown || tied:
		return k, false
	case rows == 3 && last == i-1:
		return i, false
	}
	return last, last != kindUnknown
}

// columnKinds classifies the labels of column c (labelKinds); indented
// labels (Intune sub-rows) are no kind labels.
func columnKinds(t *table, c int) (kinds []int, tied []bool) {
	labels := make([]string, len(t.rows))
	for i, row := range t.rows {
		if c < len(row) && !row[c].Indented {
			labels[i] = row[c].Text
		}
	}
	return labelKinds(labels)
}

// isPermissionTable reports a table with a column per kind, or a column
// of kind labels whose rows name permissions or are of two kinds; other
// tables in the section (scenarios, roles) are prose.
func isPermissionTable(t *table) bool {
	kc, kinds, _, rowsAreKinds := kindColumn(t)
	if !(rowsAreKinds && kc == 0) && headerKinds(t) != nil {
		return true
	}
	found := map[int]bool{}
	for i, k := range kinds {
		if k == kindUnknown {
			continue
		}
		found[k] = true
		if names, _ := cellNames(nil, i, t.rows[i][kc+1:]); len(names) > 0 || len(found) > 1 {
			return true
		}
	}
	return false
}

// kindColumn finds the column holding the kind labels, the first column
// whose cells mostly are kind labels (found; else 0), and their kinds. A
// table whose first column is kinds is not one with a column per kind,
// whatever its header cells look like ("Permissions acting on self (...)").
func kindColumn(t *table) (c int, kinds []int, tied []bool, found bool) {
	for c := 0; c < len(t.header)-1; c++ {
		kinds, tied := columnKinds(t, c)
		n := 0
		for _, k := range kinds {
			if k != kindUnknown {
				n++
			}
		}
		if 2*n > len(t.rows) {
			return c, kinds, tied, true
		}
	}
	kinds, tied = columnKinds(t, 0)
	return 0, kinds, tied, false
}

// readKindColumns reads a table with one row per resource and one column
// per kind.
func readKindColumns(t *table, cols map[int]int) []ir.ScopedPermissions {
	var out []ir.ScopedPermissions
	for i, row := range t.rows {
		s := ir.ScopedPermissions{Scope: row[0].Text, PermissionSet: nonNil(ir.PermissionSet{})}
		for c := 1; c < len(row); c++ {
			if k, ok := cols[c]; ok {
				names, broken := cellNames(t, i, row[c:c+1])
				addKind(&s.PermissionSet, k, names, len(names) == 0 && !broken && row[c].Text != "")
			}
		}
		dedupeSet(&s.PermissionSet)
		out = append(out, s)
	}
	return out
}

// cellNames collects the permission names of the cells of row i of t;
// a name that machine translation broke is left out with a warning at
// the row (t nil: without), and hasBroken says so: such cells do not say
// that a kind is not supported.
func cellNames(t *table, i int, cells []inline) (names []string, hasBroken bool) {
	for _, c := range cells {
		n, broken, unsure := readNames(c.Text)
		names = append(names, n...)
		hasBroken = hasBroken || len(broken) > 0
		if t == nil {
			continue
		}
		for _, b := range broken {
			t.page.warnf(t.rowOff[i], "permission name %q is broken (a space inside it, as machine translation leaves names); it is left out of the operation, since no rule can tell which permission it was (write it whole, like User.Read.All)", b)
		}
		for _, w := range unsure {
			t.page.warnf(t.rowOff[i], "the word %q between two permission names is not known to mean \"and\" or \"or\", and the cell has no comma-separated list that would tell; the names are read as alternatives (separate alternatives with commas)", w)
		}
	}
	return dedupe(names), hasBroken
}

// joinCells joins the texts of cells with " / ".
func joinCells(cells []inline) string {
	var parts []string
	for _, c := range cells {
		if c.Text != "" {
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, " / ")
}

// routePermissions gives each route the union of the tables tied to its
// request URL by a permissions annotation.
func routePermissions(op *ir.Operation) {
	for _, r := range op.Routes {
		var tied []ir.ScopedPermissions
		for _, s := range op.Permissions.Scoped {
			for _, u := range s.RequestURLs {
				if rl, ok := parseRequestLine(u); ok && rl.method == op.Method && Shape(rl.path) == Shape(r.Path) {
					tied = append(tied, s)
					break
				}
			}
		}
		if len(tied) > 0 {
			set := union(tied)
			r.Permissions = &set
		}
	}
}

// isInclude reports an "[!INCLUDE ...]" paragraph, which a permissions
// annotation may stand above.
func isInclude(n ast.Node, src []byte) bool {
	_, ok := n.(*ast.Paragraph)
	return ok && strings.HasPrefix(readInline(n, src).Text, "[!INCLUDE")
}

// headerKinds returns, for a per-resource table (one column per kind), the
// kind of each column by index; nil for other tables. The header cells
// after the first are read as labels (labelKinds); at least two kinds
// must be found.
func headerKinds(t *table) map[int]int {
	labels := make([]string, len(t.header))
	for i, h := range t.header[1:] {
		labels[i+1] = h.Text
	}
	kinds, _ := labelKinds(labels)
	cols := map[int]int{}
	seen := map[int]bool{}
	for i, k := range kinds {
		if k != kindUnknown && !seen[k] {
			cols[i], seen[k] = k, true
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return cols
}
