package parser

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// matchWireNames gives each properties-table row the wire name the code
// has for it. Translations translate some names in the tables ("assunto"
// for subject), never the code: a row named like a member of the JSON
// representation keeps its name; one named like a member in another case,
// or standing where the only unclaimed members of its place are, takes the
// member's name, with a warning. A row the representation does not name
// (representations often leave out members) keeps its name when the page
// is not a translation, when the page's other code (examples, code spans)
// names it, or when it has the shape translation leaves alone (lowerCamel
// ASCII with an inner capital, "deletedDateTime"); the others are marked
// Unconfirmed for confirmWireNames, which sees every page's examples.
func matchWireNames(p *page, rows []*propRow, rep *representation) {
	if rep == nil {
		rep = &representation{index: map[string]int{}}
	}
	claimed := make([]bool, len(rep.members))
	at := make([]int, len(rows)) // position of each row's member, -1 if none
	for i, r := range rows {
		at[i] = -1
		if j, ok := rep.index[r.name]; ok {
			if !claimed[j] {
				claimed[j], at[i] = true, j
			}
			r.wire = r.name // a member, or a row that repeats one
		}
	}
	for i, r := range rows {
		if r.wire == "" {
			if j := unclaimedFold(rep, claimed, r.name); j >= 0 {
				claimed[j], at[i] = true, j
				rename(p, r, rep.members[j].name, "in another case")
			}
		}
	}
	matchByPlace(p, rows, at, rep, claimed)
	var code map[string]bool
	for _, r := range rows {
		switch {
		case r.wire != "":
		case !isTranslation(p) || isCompoundName(r.name):
			r.wire = r.name
		default:
			if code == nil {
				code = codeNames(p)
			}
			r.wire = r.name
			if !code[r.name] {
				r.prop.Unconfirmed = p.pos(r.off) // checked against the examples of every page
			}
		}
	}
}

// unclaimedFold finds the one unclaimed member named name in another case.
func unclaimedFold(rep *representation, claimed []bool, name string) int {
	found := -1
	for j, m := range rep.members {
		if !claimed[j] && strings.EqualFold(m.name, name) {
			if found >= 0 {
				return -1
			}
			found = j
		}
	}
	return found
}

// matchByPlace matches each run of unmatched rows of one table to the
// unclaimed members between the members of the rows around it, when
// there are as many of them and their sample values fit, or when one row
// has exactly one fitting member there.
func matchByPlace(p *page, rows []*propRow, at []int, rep *representation, claimed []bool) {
	for start := 0; start < len(rows); {
		if rows[start].wire != "" {
			start++
			continue
		}
		end := start
		for end < len(rows) && rows[end].wire == "" && rows[end].table == rows[start].table {
			end++
		}
		lo, hi := -1, len(rep.members)
		if start > 0 && rows[start-1].table == rows[start].table && at[start-1] >= 0 {
			lo = at[start-1]
		}
		if end < len(rows) && rows[end].table == rows[start].table && at[end] >= 0 {
			hi = at[end]
		}
		anchors := btoi(lo >= 0) + btoi(hi < len(rep.members))
		if cands := candidates(rows[start:end], rep, claimed, lo, hi, anchors); cands != nil {
			for k, j := range cands {
				claimed[j], at[start+k] = true, j
				rename(p, rows[start+k], rep.members[j].name, "at its place")
			}
		}
		start = end
	}
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// candidates returns the members the run of rows stands for, in order, or
// nil when the place is ambiguous. The place is the members between lo and
// hi, the members of the rows around the run: with one of them known, the
// run stands for the free members there when there are as many; with both,
// a single row stands for the only free member there its type fits.
func candidates(run []*propRow, rep *representation, claimed []bool, lo, hi, anchors int) []int {
	if anchors == 0 || lo >= hi {
		return nil
	}
	var free []int
	for j := lo + 1; j < hi && j < len(rep.members); j++ {
		if !claimed[j] {
			free = append(free, j)
		}
	}
	if len(free) == len(run) {
		for k, j := range free {
			if !shapeFits(run[k].shape, rep.members[j].shape) {
				return nil
			}
		}
		return free
	}
	if len(run) != 1 || anchors < 2 {
		return nil
	}
	var fit []int
	for _, j := range free {
		if shapeFits(run[0].shape, rep.members[j].shape) {
			fit = append(fit, j)
		}
	}
	if len(fit) != 1 {
		return nil
	}
	return fit
}

// rename gives a row the wire name of the member it stands for.
func rename(p *page, r *propRow, wire, how string) {
	p.notef(r.off, "property %q of the table is %q in the page's JSON representation (matched %s); the JSON name is used (wire names come from code, not from the tables)", clip(r.name, 60), wire, how)
	r.wire, r.prop.Name = wire, wire
}

// isTranslation reports a page translated from English whose text is the
// translation (side-by-side pages keep the English original, which is read).
func isTranslation(p *page) bool {
	locale := strings.ToLower(p.front["ms.contentlocale"])
	return locale != "" && !strings.HasPrefix(locale, "en") && !bytes.Contains(p.src, []byte("sxs-lookup"))
}

// isCompoundName reports the shape of a compound wire name, which
// translation leaves alone: ASCII letters and digits, lower-case first,
// with an inner capital ("deletedDateTime", not "assunto" or "Respostas").
func isCompoundName(s string) bool {
	inner := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9' && i > 0:
		case c >= 'A' && c <= 'Z' && i > 0:
			inner = true
		default:
			return false
		}
	}
	return inner
}

// codeNames collects the names the page's code uses: the member names of
// its code blocks (at any depth) and its code spans.
func codeNames(p *page) map[string]bool {
	names := map[string]bool{}
	src := string(p.src)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '`':
			end := strings.IndexByte(src[i+1:], '`')
			if end < 0 {
				return names
			}
			names[strings.TrimSpace(src[i+1:i+1+end])] = true
			i += end + 1
		case '"':
			end := stringEnd(src, i)
			if strings.HasPrefix(strings.TrimLeft(src[end:], " \t"), ":") {
				names[src[i+1:end-1]] = true
			}
			i = end - 1
		}
	}
	return names
}

// confirmWireNames keeps the unconfirmed properties (names of translated
// tables that no code of their page has) whose name some example of the
// docs uses as a member name, and drops the others with a warning: a
// translated name ("assunto", "nome") is in no example, the English name of
// a relationship the JSON representation leaves out ("assignments") is.
func confirmWireNames(api *ir.API) {
	var used map[string]bool
	for _, t := range api.Types {
		kept := t.Properties[:0]
		for _, pr := range t.Properties {
			if pr.Unconfirmed != "" {
				if used == nil {
					used = exampleNames(api)
				}
				if !used[pr.Name] {
					api.Diagnostics = append(api.Diagnostics, ir.Diagnostic{Pos: pr.Unconfirmed, Severity: ir.Warning,
						Message: fmt.Sprintf("property %q of this translated page's table is named by no code (the page's JSON representation and code spans, the docs' examples) and no member of the representation stands in its place; the row is ignored (wire names come from code, not from translated tables)", clip(pr.Name, 60))})
					continue
				}
				pr.Unconfirmed = ""
			}
			kept = append(kept, pr)
		}
		t.Properties = kept
	}
}

// exampleNames collects the member names of every example body, at any
// depth.
func exampleNames(api *ir.API) map[string]bool {
	names := map[string]bool{}
	add := func(body string) {
		for i := 0; i < len(body); i++ {
			if body[i] == '"' {
				end := stringEnd(body, i)
				if strings.HasPrefix(strings.TrimLeft(body[end:], " \t\r\n"), ":") {
					names[body[i+1:end-1]] = true
				}
				i = end - 1
			}
		}
	}
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			if ex.Request != nil {
				add(ex.Request.Body)
			}
			if ex.Response != nil {
				add(ex.Response.Body)
			}
		}
	}
	return names
}
