package parser

import (
	"regexp"
	"slices"
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

// maxLabelWords is the most words a kind label has in any language
// ("Delegado (conta corporativa ou de estudante)" has six).
const maxLabelWords = 8

// classifyKind recognises a permission-kind label: by hint words first,
// then by shape ("Delegated (personal Microsoft account)" has parentheses
// and "Microsoft", the work row only parentheses, the application row none).
func classifyKind(label string) int {
	if len(strings.Fields(label)) > maxLabelWords {
		return kindUnknown // a sentence, not a label (scenario tables)
	}
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
	if len(strings.Fields(label)) > maxLabelWords {
		return kindUnknown
	}
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

// addKind appends names to the list of kind k; notSupported records a row
// that documents the kind as not supported (a cell without names).
func addKind(s *ir.PermissionSet, k int, names []string, notSupported bool) {
	lists := [...]*[]string{kindWork: &s.DelegatedWork, kindPersonal: &s.DelegatedPersonal, kindApplication: &s.Application}
	*lists[k] = append(*lists[k], names...) // deduplicated once the table is read
	name := kindNames[k]
	switch {
	case len(*lists[k]) > 0:
		s.NotSupported = remove(s.NotSupported, name)
	case notSupported && !slices.Contains(s.NotSupported, name):
		s.NotSupported = append(s.NotSupported, name)
	}
	*s = nonNil(*s)
}

// remove returns list without s.
func remove(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
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

// dedupe drops the repeats of names, keeping the first of each, in one
// pass: tables can have 100,000 rows.
func dedupe(list []string) []string {
	seen := make(map[string]bool, len(list))
	out := list[:0]
	for _, n := range list {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// dedupeSet dedupes every list of s.
func dedupeSet(s *ir.PermissionSet) {
	s.DelegatedWork, s.DelegatedPersonal, s.Application = dedupe(s.DelegatedWork), dedupe(s.DelegatedPersonal), dedupe(s.Application)
}

// andWords join permissions that are required together ("A and B").
var andWords = map[string]bool{"and": true, "e": true, "y": true, "et": true, "und": true, "en": true, "och": true, "i": true, "和": true, "及": true, "및": true, "と": true, "&": true, "+": true}

// permissionNames extracts the permission names from a cell. Names have the
// shape Word.Word[.Word] (User.Read.All, eDiscovery.Read.All); everything
// else — separators (",", "、", "or", <br>), footnote marks and "Not
// supported." in any language — is not a name, so a cell without names
// means the kind is not supported. Names joined by an "and" word are one
// entry, written "A+B": the docs require both.
func permissionNames(cell string) []string {
	var out, group []string
	joined := false
	flush := func() {
		if len(group) > 0 {
			out = append(out, strings.Join(group, "+"))
		}
		group = nil
	}
	for _, tok := range permissionTokens(joinSplitNames(cell)) {
		name := strings.Trim(tok, ".-_")
		switch {
		case isPermissionName(name):
			if !joined {
				flush()
			}
			group = append(group, name)
			joined = false
		case andWords[strings.ToLower(strings.TrimSpace(tok))]:
			joined = len(group) > 0
		case strings.TrimSpace(tok) != "":
			flush()
			joined = false
		}
	}
	flush()
	return out
}

// splitName finds a permission name that machine translation broke after
// a dot ("GroupMember. Read. All"): a capitalised fragment, ". ", and a
// capitalised word.
var splitName = regexp.MustCompile(`\b([A-Z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)\. ([A-Z][A-Za-z0-9_-]*)\b`)

// joinSplitNames repairs broken names; a fragment ending in ".All" ends a
// name, so "Directory.Read.All. User.Read" stays two names.
func joinSplitNames(cell string) string {
	for i := 0; i < 4 && strings.Contains(cell, ". "); i++ {
		joined := splitName.ReplaceAllStringFunc(cell, func(m string) string {
			left, right, _ := strings.Cut(m, ". ")
			if strings.HasSuffix(left, ".All") {
				return m
			}
			return left + "." + right
		})
		if joined == cell {
			break
		}
		cell = joined
	}
	return cell
}

// permissionTokens splits a cell into runs of name characters and runs of
// everything else, dropping plain spaces between them.
func permissionTokens(cell string) []string {
	isName := func(r rune) bool {
		return r == '.' || r == '_' || r == '-' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	var toks []string
	start, inName := 0, false
	for i, r := range cell {
		if n := isName(r); n != inName || r == ' ' || r == '\n' {
			if i > start {
				toks = append(toks, cell[start:i])
			}
			start, inName = i, n
		}
	}
	if start < len(cell) {
		toks = append(toks, cell[start:])
	}
	return toks
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
