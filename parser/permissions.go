package parser

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphgen-dev/graphgen/ir"
)

// Permission kinds, as indexes into a row.
const (
	kindUnknown = iota - 1
	kindWork
	kindPersonal
	kindApplication
)

// kindHints are lower-case words that name a permission kind in row
// labels, in the languages of the given corpora. They only break ties
// that the structure of a table leaves (labelKinds): which of the two
// delegated kinds a table's only parenthesised label is, or which kind
// each of several labels without parentheses is.
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

// maxLabelRunes is the most characters a kind label has; in a language
// written without spaces it is what tells a label from a sentence.
const maxLabelRunes = 60

// labelShape is what a cell's text looks like as a kind label.
type labelShape struct {
	label bool // one short line: a label, not a sentence
	paren bool // it has a parenthesis, as the delegated labels do
}

// shapeOf reads the shape of a label.
func shapeOf(text string) labelShape {
	short := text != "" && !strings.Contains(text, "\n") && len(strings.Fields(text)) <= maxLabelWords && utf8.RuneCountInString(text) <= maxLabelRunes
	return labelShape{label: short, paren: strings.ContainsAny(text, "(（")}
}

// labelKinds gives the kind of each label of a table's kind column, from
// the table's structure: the rows follow the canonical order work or
// school, personal, application, and the two delegated labels are the
// ones with a parenthesis ("Delegated (work or school account)",
// "Delegated (personal Microsoft account)"), so the first distinct
// parenthesised label is work or school, the second personal, and the one
// label without parenthesis is application. Where the structure leaves a
// tie (one parenthesised label; several without), hint words break it;
// a label they do not settle is kindUnknown and marked tied.
func labelKinds(labels []string) (kinds []int, tied []bool) {
	var parens, plain []string
	seen := map[string]bool{}
	for _, l := range labels {
		sh := shapeOf(l)
		if !sh.label || seen[l] {
			continue
		}
		seen[l] = true
		if sh.paren {
			parens = append(parens, l)
		} else {
			plain = append(plain, l)
		}
	}
	byLabel := make(map[string]int, len(seen))
	settle(byLabel, parens, kindWork, kindPersonal)
	settle(byLabel, plain, kindApplication)
	kinds, tied = make([]int, len(labels)), make([]bool, len(labels))
	for i, l := range labels {
		k, ok := byLabel[l]
		kinds[i], tied[i] = k, ok && k == kindUnknown
		if !ok {
			kinds[i] = kindUnknown
		}
	}
	return kinds, tied
}

// settle gives the labels of a group (the distinct parenthesised labels,
// or the others) their kinds: by position when the group has as many
// labels as structural lists, else by hint words; kindUnknown (a tie)
// when neither settles it.
func settle(byLabel map[string]int, group []string, structural ...int) {
	for i, l := range group {
		if len(group) == len(structural) {
			byLabel[l] = structural[i]
		} else {
			byLabel[l] = hintedKind(l)
		}
	}
}

// hintedKind recognises a kind label by hint words only.
func hintedKind(label string) int {
	if !shapeOf(label).label {
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

// andWords and orWords are the words for "and" and "or" in the languages
// of the given corpora. A word between two names is "and" (the names are
// required together, "A+B") by structure when the cell also separates
// names with punctuation: lists give alternatives with commas, so a word
// inside such a list joins ("A and B, C"). In a cell without such
// punctuation ("A and B", "A or B") these words break the tie; another
// word there is read as "or" with a warning (readNames' unsure).
var (
	andWords = map[string]bool{"and": true, "plus": true, "e": true, "y": true, "et": true, "und": true, "en": true, "och": true, "i": true, "和": true, "及": true, "및": true, "と": true}
	orWords  = map[string]bool{"or": true, "ou": true, "o": true, "oder": true, "of": true, "eller": true, "lub": true, "или": true, "または": true, "或": true, "或者": true, "또는": true}
)

// permissionNames extracts the permission names from a cell. Names have the
// shape Word.Word[.Word] (User.Read.All, eDiscovery.Read.All); everything
// else — separators (",", "、", "or", <br>), footnote marks and "Not
// supported." in any language — is not a name, so a cell without names
// means the kind is not supported. Names joined by an "and" word are one
// entry, written "A+B": the docs require both. Names that machine
// translation broke are left out (see readNames).
func permissionNames(cell string) []string {
	names, _, _ := readNames(cell)
	return names
}

// readNames returns the permission names of a cell and the names that
// machine translation broke ("GroupMember. Read. All", "Directory
// .Read.All", "OnPremises PublishingProfiles.ReadWrite.All"), which are
// not names: no rule can tell which permission they were.
func readNames(cell string) (names, broken, unsure []string) {
	cell, broken = cutBroken(cell)
	items := nameItems(permissionTokens(cell))
	listed := slices.ContainsFunc(items, func(it nameItem) bool { return it.punct })
	var group []string
	flush := func() {
		if len(group) > 0 {
			names = append(names, strings.Join(group, "+"))
		}
		group = nil
	}
	for i, it := range items {
		w := strings.ToLower(it.word)
		switch {
		case i > 0 && it.symbol:
			// joined by "+" or "&": required together
		case i == 0 || it.other || it.punct || it.word == "":
			flush()
		case andWords[w] || listed && !orWords[w]:
			// joined: required together
		default:
			if !orWords[w] {
				unsure = append(unsure, it.word)
			}
			flush()
		}
		group = append(group, it.name)
	}
	flush()
	return names, broken, unsure
}

// nameItem is a permission name of a cell and what stands between it and
// the name before it.
type nameItem struct {
	name   string
	word   string // the one word before it ("and", "or"), if that is all
	symbol bool   // "+" or "&" before it
	punct  bool   // punctuation before it: ",", "、", ";", a line break
	other  bool   // anything else: several words, a sentence
}

// nameItems reads the names of a cell's tokens and their separators.
func nameItems(tokens []string) []nameItem {
	var items []nameItem
	var sep strings.Builder
	for _, tok := range tokens {
		name := strings.Trim(tok, ".-_")
		if !isPermissionName(name) {
			sep.WriteString(tok)
			continue
		}
		items = append(items, separatedBy(name, sep.String()))
		sep.Reset()
	}
	return items
}

// separatedBy describes the separator text sep before name.
func separatedBy(name, sep string) nameItem {
	it := nameItem{name: name}
	t := strings.TrimSpace(sep)
	words := strings.Fields(t)
	switch {
	case t == "":
	case t == "+" || t == "&":
		it.symbol = true
	case strings.ContainsAny(sep, ",;、，；\n"):
		it.punct = true
	case len(words) == 1 && strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) < 0:
		it.word = t
	default:
		it.other = true
	}
	return it
}

// brokenNames are the shapes machine translation leaves of a name: a
// space after a dot ("GroupMember. Read. All", a word alone before the
// first dot), a space before one ("Directory .Read.All", ".Read.All"),
// and a space inside a word with inner capitals ("OnPremises
// PublishingProfiles.ReadWrite.All"). A name whose parts all stand
// ("Directory.Read.All. User.Read") is whole.
var brokenNames = []*regexp.Regexp{
	regexp.MustCompile(`(^|[^.\w])((?:[A-Z][A-Za-z0-9_-]*\. )+[A-Z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)`),
	regexp.MustCompile(`(^|[^.\w])((?:[A-Za-z][A-Za-z0-9_-]* )?\.[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)`),
	regexp.MustCompile(`(^|[^.\w])([A-Z][a-z0-9]+[A-Z][A-Za-z0-9_-]* [A-Z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)`),
}

// cutBroken removes the broken names of a cell, returning them.
func cutBroken(cell string) (string, []string) {
	var broken []string
	for i, re := range brokenNames {
		if !mayBreak(cell, i) {
			continue // most cells have none of the shapes: no regexp runs
		}
		cell = re.ReplaceAllStringFunc(cell, func(m string) string {
			sub := re.FindStringSubmatch(m)
			broken = append(broken, sub[2])
			return sub[1] + ","
		})
	}
	return cell, broken
}

// mayBreak reports, by a scan of its bytes, whether cell can hold the
// shape of brokenNames[i]: ". " before a capital (0), a dot after no word
// character and before a letter (1), a letter, a space and a capital (2).
func mayBreak(cell string, i int) bool {
	word := func(c byte) bool { return c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' }
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	for j := 0; j < len(cell); j++ {
		switch {
		case i == 0 && j+2 < len(cell) && cell[j] == '.' && cell[j+1] == ' ' && upper(cell[j+2]):
			return true
		case i == 1 && cell[j] == '.' && j+1 < len(cell) && word(cell[j+1]) && (j == 0 || !word(cell[j-1]) && cell[j-1] != '.'):
			return true
		case i == 2 && j > 0 && j+1 < len(cell) && cell[j] == ' ' && word(cell[j-1]) && upper(cell[j+1]):
			return true
		}
	}
	return false
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
