package parser

import (
	"fmt"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// confirmMembers gives the unconfirmed members of each enumeration (names
// of translated tables, "NãoAdulto") the wire names that code has for
// them: the values that properties of that type list in code spans
// ("Possible values are: `minor`, `notAdult`, `adult`"), in the table's
// order. A member is renamed, with a warning, when such a list has as many
// values as the table has members and agrees with the members it names;
// else it is kept when it is one of the listed values or has the shape of
// a compound name (lowerCamel ASCII with an inner capital); else it is
// renamed when its own row names exactly one value in code that no other
// member has. The others are dropped, with a warning. Property types must
// be resolved.
func confirmMembers(api *ir.API) {
	var lists map[string][][]string
	for _, t := range api.Types {
		if !hasUnconfirmed(t) {
			continue
		}
		if lists == nil {
			lists = valueLists(api)
		}
		t.Members = confirmEnum(api, t, lists[t.Version+" "+t.Name])
	}
}

// hasUnconfirmed reports an enumeration with an unconfirmed member.
func hasUnconfirmed(t *ir.Type) bool {
	for _, m := range t.Members {
		if m.Unconfirmed != "" {
			return true
		}
	}
	return false
}

// valueLists collects, by version and enumeration, the code values the
// descriptions of the properties of that type list.
func valueLists(api *ir.API) map[string][][]string {
	out := map[string][][]string{}
	for _, t := range api.Types {
		for _, pr := range t.Properties {
			if vals := codeSpans(pr.Description); len(vals) > 0 && pr.Type != "" {
				key := t.Version + " " + pr.Type
				out[key] = append(out[key], vals)
			}
		}
	}
	return out
}

// codeSpans returns the contents of the code spans of text that look like
// enumeration values (letters, digits, _ and -).
func codeSpans(text string) []string {
	var out []string
	for {
		i := strings.IndexByte(text, '`')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(text[i+1:], '`')
		if j < 0 {
			return out
		}
		if v := text[i+1 : i+1+j]; isValueName(v) {
			out = append(out, v)
		}
		text = text[i+j+2:]
	}
}

// isValueName reports the shape of an enumeration value in code: ASCII
// letters, digits, _ and -, starting with a letter.
func isValueName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '_' || c == '-')) {
			return false
		}
	}
	return s != ""
}

// confirmEnum returns t's members with wire names from code, dropping the
// members code does not name.
func confirmEnum(api *ir.API, t *ir.Type, lists [][]string) []ir.EnumMember {
	listed := map[string]bool{}
	for _, l := range lists {
		for _, v := range l {
			listed[v] = true
		}
	}
	aligned := alignedList(t.Members, lists)
	taken := map[string]bool{}
	for _, m := range t.Members {
		if m.Unconfirmed == "" {
			taken[m.Name] = true
		}
	}
	var out []ir.EnumMember
	for i, m := range t.Members {
		if m.Unconfirmed == "" {
			out = append(out, m)
			continue
		}
		wire, how := "", ""
		switch {
		case aligned != nil && !taken[aligned[i]]:
			wire, how = aligned[i], "the values its properties list, in order"
		case listed[m.Name], isCompoundName(m.Name):
			wire = m.Name // named by code, or a compound name translation leaves alone
		default:
			wire, how = ownValue(m, taken), "the one value its row names in code"
		}
		pos := m.Unconfirmed
		m.Unconfirmed = ""
		switch {
		case wire == "":
			warn(api, pos, fmt.Sprintf("enumeration member %q of this translated page's table is named by no code (the page's code spans, the values listed by properties of type %s); it is left out (wire names come from code, not from translated tables)", clip(m.Name, 60), t.Name))
			continue
		case wire != m.Name:
			warn(api, pos, fmt.Sprintf("enumeration member %q of this translated page's table is %q in code (%s); the code's name is used", clip(m.Name, 60), wire, how))
			m.Name = wire
		}
		taken[wire] = true
		out = append(out, m)
	}
	return out
}

// alignedList returns the first list of values that has one value per
// member, the confirmed members' names at their places, at least two of
// them to show that the list follows the table's order, and no member's
// name at another place; nil if none.
func alignedList(members []ir.EnumMember, lists [][]string) []string {
next:
	for _, l := range lists {
		if len(l) != len(members) {
			continue
		}
		at := map[string]int{}
		for i, v := range l {
			at[v] = i
		}
		anchors := 0
		for i, m := range members {
			j, listed := at[m.Name]
			if m.Unconfirmed == "" && l[i] != m.Name || listed && j != i {
				continue next
			}
			if listed {
				anchors++
			}
		}
		if anchors >= 2 {
			return l
		}
	}
	return nil
}

// ownValue returns the one value the member's own row names in code that
// no confirmed member has ("... considered as `notAdult`"), else "".
func ownValue(m ir.EnumMember, taken map[string]bool) string {
	var found string
	for _, v := range codeSpans(m.Description) {
		if taken[v] || v == found {
			continue
		}
		if found != "" {
			return ""
		}
		found = v
	}
	return found
}

// warn adds a warning at pos.
func warn(api *ir.API, pos, msg string) {
	api.Diagnostics = append(api.Diagnostics, ir.Diagnostic{Pos: pos, Severity: ir.Warning, Message: msg})
}
