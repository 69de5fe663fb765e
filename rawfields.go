package graphgen

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
)

// RawFields measures, per API version, the share of documented fields
// whose Go type is json.RawMessage: the fields of the model structs (each
// struct's own and its base types' properties) and of the request structs
// (parameter-table bodies), AdditionalData excluded. A field is raw when
// its type is neither an Edm primitive with a Go type nor a type a page of
// the same version documents.
type RawFields struct {
	Version     string
	Fields, Raw int
	// List has one entry per raw property or parameter as documented
	// (an inherited property is listed once, where it is declared).
	List  []RawField
	index map[string]int // List's entry by Where
}

// RawField is one documented property or parameter that is raw JSON.
type RawField struct {
	Pos    string // the type's source or the operation's
	Where  string // "microsoft.graph.user.photo" or "user-assignlicense body addLicenses"
	Reason string
	// Structs counts the struct fields it accounts for (a property of a
	// base type is a field of every derived struct).
	Structs int
}

// Share is Raw/Fields (0 when there is no field).
func (r *RawFields) Share() float64 {
	if r.Fields == 0 {
		return 0
	}
	return float64(r.Raw) / float64(r.Fields)
}

// MeasureRawFields computes RawFields for each version of api, sorted by
// version.
func MeasureRawFields(api *ir.API) []*RawFields {
	known := map[string]*ir.Type{}
	for _, t := range api.Types {
		known[t.Version+" "+t.Name] = t
	}
	byVersion := map[string]*RawFields{}
	at := func(v string) *RawFields {
		if byVersion[v] == nil {
			byVersion[v] = &RawFields{Version: v}
		}
		return byVersion[v]
	}
	for _, t := range api.Types {
		if t.Kind == ir.TypeObject {
			at(t.Version).countModel(t, known)
		}
	}
	for _, op := range api.Operations {
		if op.RequestBody.GoName != "" {
			at(op.Version).countRequest(op, known)
		}
	}
	return sortedRawFields(byVersion)
}

// countModel counts the fields of t's struct: its base chain's properties,
// each name once.
func (r *RawFields) countModel(t *ir.Type, known map[string]*ir.Type) {
	seen := map[string]bool{"@odata.type": true}
	for _, owner := range baseChain(t, known) {
		for _, p := range owner.Properties {
			if seen[p.Name] {
				continue
			}
			seen[p.Name] = true
			r.Fields++
			if reason := rawReason(p.Type, p.Ref, t.Version, known); reason != "" {
				r.Raw++
				r.note(owner.Source, owner.Name+"."+p.Name, reason)
			}
		}
	}
}

// countRequest counts the fields of op's request struct.
func (r *RawFields) countRequest(op *ir.Operation, known map[string]*ir.Type) {
	seen := map[string]bool{}
	for _, p := range op.RequestBody.Params {
		if seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		r.Fields++
		if reason := rawReason(p.TypeName, p.Ref, op.Version, known); reason != "" {
			r.Raw++
			r.note(op.Source, op.ID+" body "+p.Name+" (type cell "+quote(p.Type)+")", reason)
		}
	}
}

// note records one raw field, counting repeats of an inherited property.
func (r *RawFields) note(pos, where, reason string) {
	if i, ok := r.index[where]; ok {
		r.List[i].Structs++
		return
	}
	if r.index == nil {
		r.index = map[string]int{}
	}
	r.index[where] = len(r.List)
	r.List = append(r.List, RawField{Pos: pos, Where: where, Reason: reason, Structs: 1})
}

// rawReason says why a value of typeName is raw JSON, or "" when it is
// not: ref is the link the docs gave when the type could not be resolved.
func rawReason(typeName, ref, version string, known map[string]*ir.Type) string {
	switch {
	case known[version+" "+typeName] != nil, emitter.IsPrimitive(typeName):
		return ""
	case typeName == "" && ref != "":
		return "links to " + quote(ref) + ", which these docs do not document"
	case typeName == "":
		return "type cell names no type"
	case strings.HasPrefix(typeName, "Edm."):
		return typeName + " has no Go type"
	case ref != "":
		return "type " + typeName + " (link " + quote(ref) + ") is not documented in these docs"
	}
	return "type " + typeName + " is not documented in these docs"
}

// baseChain lists t's base types, the root first, then t.
func baseChain(t *ir.Type, known map[string]*ir.Type) []*ir.Type {
	var chain []*ir.Type
	seen := map[string]bool{}
	for cur := t; cur != nil && !seen[cur.Name]; cur = known[cur.Version+" "+cur.Base] {
		seen[cur.Name] = true
		chain = append([]*ir.Type{cur}, chain...)
	}
	return chain
}

// quote renders a docs value in a reason.
func quote(s string) string {
	return "\"" + s + "\""
}

// sortedRawFields lists the measures by version, each list by position.
func sortedRawFields(m map[string]*RawFields) []*RawFields {
	var out []*RawFields
	for _, r := range m {
		sort.Slice(r.List, func(i, j int) bool {
			a, b := r.List[i], r.List[j]
			return a.Pos < b.Pos || a.Pos == b.Pos && a.Where < b.Where
		})
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}

// PrintRawFields writes the raw-field share of each version and up to
// worst of its raw fields with the reason (every one when worst < 0).
func PrintRawFields(w io.Writer, rs []*RawFields, worst int) {
	for _, r := range rs {
		fmt.Fprintf(w, "  %s raw JSON fields (json.RawMessage in model and request structs): %d of %d (%.2f%%), %d documented properties and parameters\n",
			r.Version, r.Raw, r.Fields, 100*r.Share(), len(r.List))
		for _, f := range r.List[:upTo(worst, len(r.List))] {
			fmt.Fprintf(w, "    %s: %s: %s (%d struct fields)\n", f.Pos, f.Where, f.Reason, f.Structs)
		}
	}
}
