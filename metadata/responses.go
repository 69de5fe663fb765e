package metadata

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// PathCheck is one documented path of an operation compared with the
// metadata.
type PathCheck struct {
	Operation string // the operation's id (its page)
	Source    string // the operation's position, page:line:col
	Method    string
	Path      string
	Docs      string // the documented response: "collection of microsoft.graph.user", "binary", ...
	Metadata  string // the metadata's type for the path, or "" when it did not resolve
	Reason    string // why they disagree, or why the path did not resolve
}

// String is one line: where, what, and why.
func (c PathCheck) String() string {
	s := fmt.Sprintf("%s: %s %s: %s", c.Source, c.Method, c.Path, c.Reason)
	if c.Metadata != "" {
		s += fmt.Sprintf(" (docs: %s; metadata: %s)", c.Docs, c.Metadata)
	}
	return s
}

// PathAgreement measures how the documented responses of a version agree
// with the metadata's types for their paths.
type PathAgreement struct {
	Paths    int // documented paths of GET and POST operations
	Rooted   int // of which the first segment is an entity set or singleton of the metadata
	Resolved int // of which every segment resolves
	Compared int // of which both the docs and the metadata name a response
	Agree    int // of which they agree
	// Unresolved are the rooted paths with a segment the metadata lacks.
	Unresolved []PathCheck
	// Disagree are the compared paths whose response differs.
	Disagree []PathCheck
}

// ResolvedShare is Resolved/Rooted, 1 when there is nothing to resolve.
func (a PathAgreement) ResolvedShare() float64 { return share(a.Resolved, a.Rooted) }

// AgreeShare is Agree/Compared, 1 when nothing was compared.
func (a PathAgreement) AgreeShare() float64 { return share(a.Agree, a.Compared) }

// share is n/of, 1 when of is 0.
func share(n, of int) float64 {
	if of == 0 {
		return 1
	}
	return float64(n) / float64(of)
}

// CheckPaths compares the response of every documented GET and POST path
// of version (a route's own response when it has one, else its
// operation's) with the type the metadata gives the path. A GET is compared
// with the type the path addresses; a POST only when the path calls a
// bound action or function that returns something (a POST that creates is
// not typed by the metadata). Only what both sides say is compared: a
// documented response without a body (none) is not.
//
// They agree when both are collections or both single, and the documented
// type is the metadata's or derives from it: an answer may be any derived
// type of the declared one, so a page about a derived type (a
// windows10GeneralConfiguration read from deviceConfigurations) documents
// a real answer, while a base type would lose members. A documented object
// or collection without a type agrees on its shape alone; a binary answer
// agrees with a stream (Edm.Stream, /$value) or a complex type that only
// wraps one (microsoft.graph.report, which Graph answers with a CSV file);
// a primitive with the same Edm type, Edm.String also with an enumeration.
func CheckPaths(api *ir.API, version string, s *Schema) PathAgreement {
	var a PathAgreement
	for _, op := range api.Operations {
		if op.Version != version || (op.Method != "GET" && op.Method != "POST") {
			continue
		}
		for _, r := range op.Routes {
			a.Paths++
			a.check(s, op, r)
		}
	}
	return a
}

// check compares one route of op.
func (a *PathAgreement) check(s *Schema, op *ir.Operation, r *ir.Route) {
	res, err := s.Resolve(r.Path)
	if errors.Is(err, ErrUnknownRoot) {
		return
	}
	a.Rooted++
	c := PathCheck{Operation: op.ID, Source: op.Source, Method: op.Method, Path: r.Path}
	if err != nil {
		c.Reason = "not in the metadata: " + err.Error()
		a.Unresolved = append(a.Unresolved, c)
		return
	}
	a.Resolved++
	docs := op.Response
	if r.Response != nil {
		docs = *r.Response
	}
	if !comparable(op.Method, res, docs) {
		return
	}
	a.Compared++
	c.Docs, c.Metadata = describeDocs(docs), describeMeta(res)
	if c.Reason = s.disagreement(res, docs); c.Reason == "" {
		a.Agree++
		return
	}
	a.Disagree = append(a.Disagree, c)
}

// comparable reports whether both sides name a response: the docs a body,
// the metadata a type (for a POST, the return type of the action or
// function the path calls).
func comparable(method string, res Resolved, docs ir.Response) bool {
	if docs.Kind == ir.KindNone || docs.Kind == "" || res.Type == "" {
		return false
	}
	if method == "POST" {
		return (res.Last == SegAction || res.Last == SegFunction) && res.Operation != nil && res.Operation.Return != nil
	}
	return true
}

// disagreement says why docs does not agree with res, or "" when it does.
func (s *Schema) disagreement(res Resolved, docs ir.Response) string {
	meta := res.TypeRef
	switch docs.Kind {
	case ir.KindBinary:
		if meta.Collection || meta.Type != Stream && !s.streamWrapper(meta.Type) {
			return "the docs answer a stream, the metadata a value"
		}
		return ""
	case ir.KindPrimitive:
		return s.primitiveDisagreement(meta, docs.Type)
	case ir.KindObject, ir.KindCollection:
		if meta.Type == Stream {
			return "the docs answer a value, the metadata a stream"
		}
		if (docs.Kind == ir.KindCollection) != meta.Collection {
			return shapeReason(meta.Collection)
		}
		return s.typeDisagreement(meta.Type, docs.Type)
	}
	return "the docs' response kind " + docs.Kind + " is not one the metadata has"
}

// streamWrapper reports whether typ is a complex type whose only property
// is a stream: the metadata's way (microsoft.graph.report) of typing an
// answer that Graph sends as a file (a 302 to a CSV download).
func (s *Schema) streamWrapper(typ string) bool {
	t := s.Types[typ]
	return t != nil && !t.Entity && len(t.Properties) == 1 && t.Properties[0].Type == Stream && !t.Properties[0].Collection
}

// shapeReason says which side is the collection.
func shapeReason(metaCollection bool) string {
	if metaCollection {
		return "the metadata answers a collection, the docs a single value"
	}
	return "the metadata answers a single value, the docs a collection"
}

// primitiveDisagreement compares a documented primitive with the metadata.
func (s *Schema) primitiveDisagreement(meta TypeRef, docsType string) string {
	if meta.Collection {
		return shapeReason(true)
	}
	if docsType == meta.Type {
		return ""
	}
	if meta.Type == Stream {
		return "the docs answer a value, the metadata a stream"
	}
	if docsType == "" {
		return ""
	}
	if t := s.Types[meta.Type]; t != nil && t.Kind == ir.TypeEnum && docsType == "Edm.String" {
		return ""
	}
	return "another type"
}

// typeDisagreement compares a documented object or element type with the
// metadata's: equal, or derived from it.
func (s *Schema) typeDisagreement(meta, docs string) string {
	if docs == "" {
		return ""
	}
	name, ok := s.typeName(docs)
	if !ok {
		if strings.HasPrefix(docs, "Edm.") && docs == meta {
			return ""
		}
		return "the docs' type is not in the metadata"
	}
	if s.derives(name, meta) {
		return ""
	}
	if s.derives(meta, name) {
		return "the docs name a base type of the metadata's"
	}
	return "another type"
}

// describeDocs is the documented response in words.
func describeDocs(r ir.Response) string {
	switch r.Kind {
	case ir.KindCollection:
		return "collection of " + orUntyped(r.Type)
	case ir.KindObject, ir.KindPrimitive:
		return orUntyped(r.Type)
	}
	return r.Kind
}

// orUntyped is t, or "(untyped)" when the docs name no type.
func orUntyped(t string) string {
	if t == "" {
		return "(untyped)"
	}
	return t
}

// describeMeta is the metadata's type for a resolved path in words.
func describeMeta(res Resolved) string {
	s := res.TypeRef.String()
	if res.Operation != nil {
		s += " (" + res.Last + " " + res.Operation.Name + ")"
	}
	return s
}

// Print writes the counts, then up to n disagreements and n unresolved
// paths.
func (a PathAgreement) Print(w io.Writer, n int) {
	fmt.Fprintf(w, "documented GET and POST paths: %d; first segment in the metadata: %d; resolved: %d (%.2f%%); responses compared: %d; agree: %d (%.2f%%)\n",
		a.Paths, a.Rooted, a.Resolved, 100*a.ResolvedShare(), a.Compared, a.Agree, 100*a.AgreeShare())
	list := func(title string, items []PathCheck) {
		if len(items) == 0 || n == 0 {
			return
		}
		fmt.Fprintf(w, "%s (first %d of %d):\n", title, min(n, len(items)), len(items))
		for _, it := range items[:min(n, len(items))] {
			fmt.Fprintf(w, "  %s\n", it)
		}
	}
	list("responses that disagree with the metadata", a.Disagree)
	list("paths the metadata does not resolve", a.Unresolved)
}
