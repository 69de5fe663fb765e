package parser

import (
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// untypedParam is a parameter row whose type cell names no type graphgen
// knows: no link, no Edm or microsoft.graph name, no primitive word (a
// translated "String collection").
type untypedParam struct {
	index int    // into the section's params
	off   int    // the row's offset
	words string // for a linked type, the cell's other words ("collection")
}

// untypedCell reports a parameter whose type cell the examples must
// settle: one that names no known type, or a linked type with other words
// that may say "collection" in the page's language.
func untypedCell(c inline, bp ir.BodyParam, index, off int) (untypedParam, bool) {
	if len(c.Links) == 0 {
		return untypedParam{index: index, off: off}, bp.TypeName == "" && bp.Ref != ""
	}
	if bp.Collection {
		return untypedParam{}, false
	}
	ref := strings.ToLower(path.Base(bp.Ref))
	var words []string
	for _, w := range strings.Fields(strings.ToLower(c.Text)) {
		if w = strings.Trim(w, "`*()[]"); w != "" && w != ref && !strings.HasSuffix(w, "."+ref) {
			words = append(words, w)
		}
	}
	return untypedParam{index: index, off: off, words: strings.Join(words, " ")}, len(words) > 0
}

// typeFromExample records, for the tree (resolveParamTypes), what the
// example request's JSON says each untyped parameter is: strings (GUIDs,
// timestamps, dates, durations and base64 by their shape), booleans,
// numbers, and arrays of those as collections; translation does not touch
// that JSON.
func typeFromExample(p *page, params []ir.BodyParam, untyped []untypedParam, examples []ir.Example) {
	if len(untyped) == 0 {
		return
	}
	var members map[string]json.RawMessage
	_ = json.Unmarshal([]byte(exampleRequestBody(examples)), &members)
	for _, u := range untyped {
		bp := &params[u.index]
		if u.words != "" {
			collectionWords(p, bp, u.words, members[bp.Name])
			continue
		}
		key := strings.ToLower(bp.Type)
		if edm, collection := jsonType(members[bp.Name]); edm != "" {
			p.typeWords = append(p.typeWords, [2]string{key, edmKey(edm, collection)})
		}
		msg := fmt.Sprintf("the type %q of body parameter %s is no type graphgen knows (a translation? write Edm names, or link the resource), and no example request of these docs sends a value for a cell that says it; the parameter is kept as raw JSON", clip(bp.Type, 40), bp.Name)
		p.untyped = append(p.untyped, pendingParam{param: bp, key: key, diag: p.diagnostic(ir.Warning, u.off, msg)})
	}
}

// collectionWords records whether the words beside a linked type say
// "collection": the example sends an array ("[]") or not ("1").
func collectionWords(p *page, bp *ir.BodyParam, words string, raw json.RawMessage) {
	key := "+" + words // apart from whole type cells
	switch v := strings.TrimSpace(string(raw)); {
	case strings.HasPrefix(v, "["):
		p.typeWords = append(p.typeWords, [2]string{key, "[]"})
	case strings.HasPrefix(v, "{"):
		p.typeWords = append(p.typeWords, [2]string{key, "1"})
	}
	p.untyped = append(p.untyped, pendingParam{param: bp, key: key})
}

// pendingParam is a body parameter whose type cell the tree may settle.
type pendingParam struct {
	param *ir.BodyParam
	key   string // the type cell, lower case
	diag  ir.Diagnostic
}

// edmKey writes a type and its collection-ness as one vote.
func edmKey(edm string, collection bool) string {
	if collection {
		return "[]" + edm
	}
	return edm
}

// resolveParamTypes types the untyped parameters of the tree: a type cell
// means what the example requests sent for the cells that say the same
// (the most frequent type, over every page); a cell no example settles is
// left as it is, with its warning.
func resolveParamTypes(results []PageResult, names []treeNames) {
	votes := map[string]map[string]int{}
	for _, n := range names {
		for _, w := range n.typeWords {
			if votes[w[0]] == nil {
				votes[w[0]] = map[string]int{}
			}
			votes[w[0]][w[1]]++
		}
	}
	for i, n := range names {
		for _, u := range n.untyped {
			t := majority(votes[u.key])
			if strings.HasPrefix(u.key, "+") {
				u.param.Collection = u.param.Collection || t == "[]"
				continue
			}
			if t == "" {
				results[i].Diagnostics = append(results[i].Diagnostics, u.diag)
				continue
			}
			edm, collection := strings.CutPrefix(t, "[]")
			u.param.TypeName, u.param.Ref, u.param.Collection = edm, "", collection
		}
	}
}

var (
	guidValue = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	timeValue = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$`)
	dateValue = regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)
	// durationValue is an ISO 8601 duration ("PT1H30M", "P2D").
	durationValue = regexp.MustCompile(`^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$`)
)

// jsonType names the Edm type of a JSON value, and whether it is an
// array of such values; "" for objects, null, empty arrays and nothing.
func jsonType(raw json.RawMessage) (edm string, collection bool) {
	v := strings.TrimSpace(string(raw))
	switch {
	case v == "":
		return "", false
	case v[0] == '[':
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil || len(items) == 0 {
			return "", false
		}
		edm, _ = jsonType(items[0])
		return edm, edm != ""
	case v[0] == '"':
		var s string
		_ = json.Unmarshal(raw, &s)
		switch {
		case guidValue.MatchString(s):
			return "Edm.Guid", false
		case timeValue.MatchString(s):
			return "Edm.DateTimeOffset", false
		case dateValue.MatchString(s):
			return "Edm.Date", false
		case len(s) > 1 && durationValue.MatchString(s):
			return "Edm.Duration", false
		case isBase64(s):
			return "Edm.Binary", false
		}
		return "Edm.String", false
	case v == "true" || v == "false":
		return "Edm.Boolean", false
	case v[0] == '-' || v[0] >= '0' && v[0] <= '9':
		if strings.ContainsAny(v, ".eE") {
			return "Edm.Double", false
		}
		return "Edm.Int32", false
	}
	return "", false
}
