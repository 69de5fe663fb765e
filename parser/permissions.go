package parser

import (
	"strings"
	"unicode"

	"github.com/graphgen-dev/graphgen/ir"
)

// Permission kinds, as indexes into a row.
const (
	kindUnknown = iota - 1
	kindWork
	kindPersonal
	kindApplication
)

// kindHints are lower-case words that name a permission kind in row labels,
// in the languages the docs are translated to. They are only hints: labels
// are also recognised by shape and position.
var kindHints = []struct {
	kind  int
	words []string
}{
	{kindPersonal, []string{"personal", "pessoal", "personnel", "persönlich", "personale", "個人", "个人", "個人用", "개인"}},
	{kindApplication, []string{"application", "aplicativo", "aplicación", "aplicação", "anwendung", "applicazione", "アプリケーション", "应用程序", "應用程式", "애플리케이션"}},
	{kindWork, []string{"work or school", "delegated", "delegad", "délégué", "delegiert", "delegat", "委任", "委托", "위임"}},
}

// classifyKind recognises a permission-kind label: by hint words first,
// then by shape ("Delegated (personal Microsoft account)" has parentheses
// and "Microsoft", the work row only parentheses, the application row none).
func classifyKind(label string) int {
	if k := hintedKind(label); k != kindUnknown {
		return k
	}
	l := strings.ToLower(label)
	if strings.Contains(l, "(") {
		if strings.Contains(l, "microsoft") {
			return kindPersonal
		}
		return kindWork
	}
	return kindUnknown
}

// hintedKind recognises a kind label by hint words only.
func hintedKind(label string) int {
	l := strings.ToLower(label)
	for _, h := range kindHints {
		for _, w := range h.words {
			if strings.Contains(l, w) {
				return h.kind
			}
		}
	}
	return kindUnknown
}

// readPermissions collects the permission tables of the page.
func readPermissions(p *page, o *outline) ir.Permissions {
	var perms ir.Permissions
	var tables []*table
	for _, b := range o.blocks {
		if b.section != secPermissions {
			continue
		}
		if t := asTable(p, b.node); t != nil {
			t.scope = b.heading
			tables = append(tables, t)
		}
	}
	for _, t := range tables {
		perms.Scoped = append(perms.Scoped, readPermissionTable(p, t)...)
	}
	for _, s := range perms.Scoped {
		perms.DelegatedWork = appendNew(perms.DelegatedWork, s.DelegatedWork...)
		perms.DelegatedPersonal = appendNew(perms.DelegatedPersonal, s.DelegatedPersonal...)
		perms.Application = appendNew(perms.Application, s.Application...)
	}
	if len(perms.Scoped) == 1 && len(tables) == 1 {
		perms.Scoped = nil
	}
	perms.PermissionSet = nonNil(perms.PermissionSet)
	return perms
}

// readPermissionTable reads one table: either rows by kind (2 or 3
// columns; a third column holds higher-privileged permissions), or rows by
// resource with one column per kind.
func readPermissionTable(p *page, t *table) []ir.ScopedPermissions {
	if cols := headerKinds(t); cols != nil {
		var out []ir.ScopedPermissions
		for _, row := range t.rows {
			s := ir.ScopedPermissions{Scope: row[0].Text}
			for c := 1; c < len(row); c++ {
				if k, ok := cols[c]; ok {
					addKind(&s.PermissionSet, k, permissionNames(row[c].Text))
				}
			}
			out = append(out, s)
		}
		return out
	}
	s := ir.ScopedPermissions{Scope: t.scope}
	last := kindUnknown
	for i, row := range t.rows {
		k := classifyKind(row[0].Text)
		if k == kindUnknown && len(t.rows) == 3 && last == i-1 {
			k = i // three unlabelled rows: work, personal, application
		}
		if k == kindUnknown {
			k = last
		}
		if k == kindUnknown {
			p.warnf(t.off, "permission row %q names no permission kind; it is ignored", row[0].Text)
			continue
		}
		var names []string
		for _, cell := range row[1:] {
			names = append(names, permissionNames(cell.Text)...)
		}
		addKind(&s.PermissionSet, k, names)
		last = k
	}
	return []ir.ScopedPermissions{s}
}

// headerKinds returns, for a per-resource table (one column per kind), the
// kind of each column by index; nil for other tables. Only hint words
// count here: header cells like "Permissions (from least to most
// privileged)" have the parentheses of a kind label without being one.
func headerKinds(t *table) map[int]int {
	cols := map[int]int{}
	seen := map[int]bool{}
	for i, h := range t.header {
		if i == 0 {
			continue
		}
		if k := hintedKind(h.Text); k != kindUnknown && !seen[k] {
			cols[i], seen[k] = k, true
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return cols
}

// addKind appends names to the list of kind k.
func addKind(s *ir.PermissionSet, k int, names []string) {
	switch k {
	case kindWork:
		s.DelegatedWork = appendNew(s.DelegatedWork, names...)
	case kindPersonal:
		s.DelegatedPersonal = appendNew(s.DelegatedPersonal, names...)
	case kindApplication:
		s.Application = appendNew(s.Application, names...)
	}
	*s = nonNil(*s)
}

// nonNil makes every list of s non-nil, so that JSON shows [] not null.
func nonNil(s ir.PermissionSet) ir.PermissionSet {
	for _, l := range []*[]string{&s.DelegatedWork, &s.DelegatedPersonal, &s.Application} {
		if *l == nil {
			*l = []string{}
		}
	}
	return s
}

// appendNew appends the names not already in list, keeping order.
func appendNew(list []string, names ...string) []string {
	for _, n := range names {
		dup := false
		for _, have := range list {
			dup = dup || have == n
		}
		if !dup {
			list = append(list, n)
		}
	}
	return list
}

// permissionNames extracts the permission names from a cell. Names have the
// shape Word.Word[.Word] (User.Read.All, eDiscovery.Read.All); everything
// else — separators (",", "、", "or", <br>), footnote marks and "Not
// supported." in any language — is not a name, so a cell without names
// means the kind is not supported.
func permissionNames(cell string) []string {
	fields := strings.FieldsFunc(cell, func(r rune) bool {
		return !(r == '.' || r == '_' || r == '-' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
	var names []string
	for _, f := range fields {
		f = strings.Trim(f, ".-_")
		if isPermissionName(f) {
			names = append(names, f)
		}
	}
	return names
}

// isPermissionName reports the shape of a permission name.
func isPermissionName(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts[0]) < 2 {
		return false
	}
	for _, part := range parts {
		if part == "" || !unicode.IsLetter(rune(part[0])) {
			return false
		}
	}
	return true
}
