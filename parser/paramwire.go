package parser

import (
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// paramWireNames gives the request-body parameters the wire names the
// page's example request uses: translations translate some names in the
// parameter table ("estado" for state), never the example. A parameter
// named like a member of the example keeps its name; one named like a
// member in another case takes the member's name; a run of parameters the
// example does not name, between parameters it does (or at either end),
// takes the example's unnamed members at that place when there are as many
// (on translated pages only: an English table's names are the wire names).
// Each renaming is a note at the body section. Without an example object,
// the table's names stay.
func paramWireNames(p *page, off int, params []ir.BodyParam, example string) {
	var members []string
	for _, m := range orderedMembers(example) {
		members = append(members, m.name)
	}
	if len(members) == 0 || len(params) == 0 {
		return
	}
	claimed := make([]bool, len(members))
	at := make([]int, len(params)) // the member of each parameter, -1 if none
	for i := range params {
		at[i] = indexOf(members, claimed, func(m string) bool { return m == params[i].Name })
	}
	for i := range params {
		if at[i] < 0 {
			if at[i] = indexOf(members, claimed, func(m string) bool { return strings.EqualFold(m, params[i].Name) }); at[i] >= 0 {
				renameParam(p, off, &params[i], members[at[i]], "in another case")
			}
		}
	}
	if !isTranslation(p) {
		return // an English table's names are code; only translations need places
	}
	for start := 0; start < len(params); start++ {
		if at[start] >= 0 {
			continue
		}
		end := start
		for end < len(params) && at[end] < 0 {
			end++
		}
		lo, hi := -1, len(members)
		if start > 0 {
			lo = at[start-1]
		}
		if end < len(params) {
			hi = at[end]
		}
		var free []int
		for j := lo + 1; j < hi; j++ {
			if !claimed[j] && !strings.HasPrefix(members[j], "@") {
				free = append(free, j)
			}
		}
		if len(free) == end-start && lo < hi {
			for k, j := range free {
				claimed[j], at[start+k] = true, j
				renameParam(p, off, &params[start+k], members[j], "at its place")
			}
		}
		start = end
	}
}

// indexOf claims and returns the first unclaimed member that matches, or -1.
func indexOf(members []string, claimed []bool, match func(string) bool) int {
	for j, m := range members {
		if !claimed[j] && match(m) {
			claimed[j] = true
			return j
		}
	}
	return -1
}

// renameParam gives a parameter the example's name for it.
func renameParam(p *page, off int, bp *ir.BodyParam, wire, how string) {
	p.notef(off, "request-body parameter %q of the table is %q in the example request (matched %s); the example's name is used (wire names come from code, not from the tables)", clip(bp.Name, 60), wire, how)
	bp.Name = wire
}
