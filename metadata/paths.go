package metadata

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// Segment kinds: what the last segment of a resolved path is.
const (
	SegEntitySet  = "entity set"
	SegSingleton  = "singleton"
	SegKey        = "key"
	SegNavigation = "navigation"
	SegProperty   = "property"
	SegCast       = "cast"
	SegAction     = "action"
	SegFunction   = "function"
	SegValue      = "$value"
	SegRef        = "$ref"
	SegCount      = "$count"
	SegItemPath   = "item path" // root:/folder/file.txt: addresses a driveItem by path
)

// Stream is the type of a media resource or stream property's content, and
// of /$value.
const Stream = "Edm.Stream"

// ErrUnknownRoot is the error of a path whose first segment is neither an
// entity set nor a singleton of the metadata.
var ErrUnknownRoot = errors.New("first segment is not an entity set or singleton of the metadata")

// Resolved is what the metadata says a path addresses.
type Resolved struct {
	// TypeRef is the type of the value the path addresses, or the return
	// type of the action or function it calls (Type "" when the operation
	// returns nothing).
	TypeRef
	// Last is the kind of the last segment (SegNavigation, SegAction, ...).
	Last string
	// Operation is the bound action or function the last segment calls.
	Operation *Operation
	// Notes say where the path took a liberty the metadata does not
	// strictly allow (a derived type's member named without a cast).
	Notes []string
}

// state is the resolver's position: the type addressed so far.
type state struct {
	TypeRef
	entity bool // an entity type (keys, $ref and bound operations apply)
}

// Resolve follows a documented path ("/users/{id}/messages/{id}/move",
// "/drives/{drive-id}/root:/{item-path}:/content") through the metadata:
// entity set or singleton, key segments ({id}, literal ids, ('{id}')),
// navigation and structural properties, casts (microsoft.graph.user),
// bound actions and functions (overloads chosen by binding type, nearest
// base first), /$value, /$ref, /$count and driveItem paths (root:/path:).
// Names match exactly, else without regard to case (as Graph does). A path
// whose first segment the metadata lacks gives ErrUnknownRoot; a later
// segment that does not resolve gives an error naming it.
func (s *Schema) Resolve(path string) (Resolved, error) {
	segs, err := splitPath(path)
	if err != nil {
		return Resolved{}, err
	}
	if len(segs) == 0 {
		return Resolved{}, fmt.Errorf("%w: empty path", ErrUnknownRoot)
	}
	st, res, err := s.root(segs[0])
	if err != nil {
		return Resolved{}, err
	}
	for _, seg := range segs[1:] {
		if res.Last == SegAction || res.Last == SegFunction {
			if st, err = s.afterOperation(res); err != nil {
				return Resolved{}, fmt.Errorf("segment %q: %w", seg, err)
			}
		}
		if st, err = s.step(st, seg, &res); err != nil {
			return Resolved{}, fmt.Errorf("segment %q: %w", seg, err)
		}
		res.TypeRef = st.TypeRef
	}
	return res, nil
}

// root resolves the first segment: an entity set or a singleton, with an
// optional key in parentheses (users('{id}')).
func (s *Schema) root(seg string) (state, Resolved, error) {
	name, key, hasKey := cutParens(seg)
	if k, ok := fold(s.EntitySets, s.index().sets, name); ok {
		st := s.state(TypeRef{Type: s.EntitySets[k], Collection: !hasKey})
		last := SegEntitySet
		if hasKey && key != "" {
			last = SegKey
		}
		return st, Resolved{TypeRef: st.TypeRef, Last: last}, nil
	}
	if k, ok := fold(s.Singletons, s.index().singletons, name); ok && !hasKey {
		st := s.state(TypeRef{Type: s.Singletons[k]})
		return st, Resolved{TypeRef: st.TypeRef, Last: SegSingleton}, nil
	}
	return state{}, Resolved{}, fmt.Errorf("%w: %q", ErrUnknownRoot, seg)
}

// afterOperation is the position after a composable function call: its
// return type; an action or a function returning nothing ends a path.
func (s *Schema) afterOperation(res Resolved) (state, error) {
	if res.Operation == nil || res.Operation.Return == nil {
		return state{}, fmt.Errorf("the %s before it returns nothing, so no segment can follow", res.Last)
	}
	return s.state(*res.Operation.Return), nil
}

// state makes the resolver's position for a type.
func (s *Schema) state(r TypeRef) state {
	t := s.Types[r.Type]
	return state{TypeRef: r, entity: t != nil && t.Entity}
}

// step resolves one segment after st, recording its kind in res.
func (s *Schema) step(st state, seg string, res *Resolved) (state, error) {
	if seg == "..." {
		res.Notes = append(res.Notes, `"..." stands for any number of segments that keep the type`)
		return st, nil
	}
	res.Operation = nil
	switch seg {
	case "$value":
		res.Last = SegValue
		return state{TypeRef: TypeRef{Type: Stream}}, s.valueOK(st, res)
	case "$ref":
		res.Last = SegRef
		if !st.entity {
			return st, fmt.Errorf("$ref applies to entities, not to %s", st.TypeRef)
		}
		return st, nil
	case "$count":
		res.Last = SegCount
		if !st.Collection {
			return st, fmt.Errorf("$count applies to collections, not to %s", st.TypeRef)
		}
		return state{TypeRef: TypeRef{Type: "Edm.Int32"}}, nil
	}
	if i := indexTop(seg, ':'); i >= 0 {
		return s.itemPath(st, seg[:i], res)
	}
	return s.named(st, seg, res)
}

// valueOK checks that /$value can follow st: a single entity, stream or
// primitive. Graph serves the raw content of entities that the metadata
// does not mark as media entities (a message's MIME, an attachment's
// bytes), so that is noted, not refused; a complex value has no $value.
func (s *Schema) valueOK(st state, res *Resolved) error {
	if st.Collection {
		return fmt.Errorf("$value does not apply to a collection (%s)", st.TypeRef)
	}
	t := s.Types[st.Type]
	switch {
	case t == nil || t.Kind != ir.TypeObject || s.hasStream(t):
		return nil
	case !t.Entity:
		return fmt.Errorf("$value of %s, a complex type", st.Type)
	}
	res.Notes = append(res.Notes, "$value of "+st.Type+", which the metadata does not mark as a media entity (HasStream)")
	return nil
}

// hasStream reports whether t or one of its bases is a media entity.
func (s *Schema) hasStream(t *Type) bool {
	for _, cur := range s.ancestry(t.Name) {
		if s.Types[cur].HasStream {
			return true
		}
	}
	return false
}

// itemPath resolves "root:/folder/file.txt:" or "{item-id}:/file.txt:" (a
// driveItem, or a site, addressed by path below the segment before the
// colon): the type stays that of the segment before the colon, single.
func (s *Schema) itemPath(st state, name string, res *Resolved) (state, error) {
	if name != "" {
		var err error
		if st, err = s.named(st, name, res); err != nil {
			return st, err
		}
	}
	if st.Collection || !st.entity {
		return st, fmt.Errorf("a path after ':' addresses an entity, not %s", st.TypeRef)
	}
	res.Last = SegItemPath
	return st, nil
}

// named resolves a segment that is a name: a key, a property, a cast or a
// bound operation, with an optional key or argument list in parentheses.
func (s *Schema) named(st state, seg string, res *Resolved) (state, error) {
	name, args, hasParens := cutParens(seg)
	if !hasParens {
		if cast, ok := s.cast(st, seg); ok {
			res.Last = SegCast
			return cast, nil
		}
	}
	next, ok, err := s.member(st, name, res)
	if err != nil {
		return st, err
	}
	if ok {
		if hasParens {
			return s.keyInParens(next, res)
		}
		return next, nil
	}
	op, err := s.boundOperation(st, name, args, res)
	if err != nil {
		return st, err
	}
	if op != nil {
		res.Operation = op
		res.Last = SegAction
		if op.Function {
			res.Last = SegFunction
		}
		if op.Return == nil {
			return state{}, nil
		}
		return s.state(*op.Return), nil
	}
	if ops := s.operationsNamed(name); len(ops) > 0 {
		return st, fmt.Errorf("%s is bound to %s, not to %s", name, bindings(ops), st.TypeRef)
	}
	if st.Collection && st.entity && s.isKey(seg) {
		res.Last = SegKey
		return state{TypeRef: TypeRef{Type: st.Type}, entity: true}, nil
	}
	return st, fmt.Errorf("%s has no member, bound action or function %q", st.TypeRef, name)
}

// bindings lists the binding types of ops, at most three.
func bindings(ops []*Operation) string {
	var names []string
	for _, op := range ops[:min(3, len(ops))] {
		names = append(names, op.Binding.String())
	}
	if len(ops) > 3 {
		names = append(names, fmt.Sprintf("%d more", len(ops)-3))
	}
	return strings.Join(names, ", ")
}

// isKey reports whether seg can be a key after an entity collection: not
// a call or a malformed one (name(...), name(...)rest), and not a
// qualified name in a namespace of the metadata (microsoft.graph.x,
// graph.x), which would be a cast or an operation it lacks.
func (s *Schema) isKey(seg string) bool {
	if i := strings.IndexByte(seg, '('); i > 0 {
		return false
	}
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		ns := seg[:i]
		if _, ok := s.Aliases[ns]; ok || s.isNamespace(ns) {
			return false
		}
	}
	return true
}

// isNamespace reports whether ns is the namespace of a type of the
// metadata.
func (s *Schema) isNamespace(ns string) bool {
	_, ok := s.index().namespaces[ns]
	return ok
}

// keyInParens applies the key of "messages('{id}')" to the collection the
// name resolved to.
func (s *Schema) keyInParens(st state, res *Resolved) (state, error) {
	if !st.Collection || !st.entity {
		return st, fmt.Errorf("a key in parentheses needs an entity collection, not %s", st.TypeRef)
	}
	res.Last = SegKey
	st.Collection = false
	return st, nil
}

// cast resolves a type cast segment ("microsoft.graph.group"): the type
// must be st's or derived from it.
func (s *Schema) cast(st state, seg string) (state, bool) {
	if !strings.Contains(seg, ".") {
		return st, false
	}
	name, ok := s.typeName(unalias(seg, s.Aliases))
	if !ok || !s.derives(name, st.Type) {
		return st, false
	}
	next := s.state(TypeRef{Type: name, Collection: st.Collection})
	return next, true
}

// typeName finds a qualified type name, exactly or without regard to case.
func (s *Schema) typeName(name string) (string, bool) {
	return fold(s.Types, s.index().types, name)
}

// member resolves a property or navigation property of a single st: its
// own or its bases', else a derived type's named without a cast (noted),
// which is an error when derived types disagree on its type.
func (s *Schema) member(st state, name string, res *Resolved) (state, bool, error) {
	if st.Collection || name == "" {
		return st, false, nil
	}
	if p, ok := s.findProperty(s.ancestry(st.Type), name); ok {
		res.Last = memberKind(p)
		return s.state(p.TypeRef), true, nil
	}
	var found []Property
	var owners []string
	for _, d := range s.descendants(st.Type) {
		if p, ok := s.findProperty([]string{d}, name); ok {
			found, owners = append(found, p), append(owners, d)
		}
	}
	if len(found) == 0 {
		return st, false, nil
	}
	for _, p := range found[1:] {
		if p.TypeRef != found[0].TypeRef {
			return st, false, fmt.Errorf("%q is a member of the derived types %s with different types: the path needs a cast", name, strings.Join(owners, ", "))
		}
	}
	res.Last = memberKind(found[0])
	res.Notes = append(res.Notes, fmt.Sprintf("%s is a member of %s, named without a cast", name, strings.Join(owners, ", ")))
	return s.state(found[0].TypeRef), true, nil
}

// memberKind is SegNavigation or SegProperty.
func memberKind(p Property) string {
	if p.Navigation {
		return SegNavigation
	}
	return SegProperty
}

// findProperty finds the property name in the first of types that has
// it, exactly, else without regard to case.
func (s *Schema) findProperty(types []string, name string) (Property, bool) {
	for _, fold := range []bool{false, true} {
		for _, tn := range types {
			t := s.Types[tn]
			if t == nil {
				continue
			}
			for _, p := range t.Properties {
				if p.Name == name || fold && strings.EqualFold(p.Name, name) {
					return p, true
				}
			}
		}
	}
	return Property{}, false
}

// boundOperation finds the action or function name bound to st's type or
// its nearest base (with the same collection-ness); among overloads on that
// type, the one whose parameter names are the call's argument names. Else
// one bound to a derived type, called without a cast (noted), which is an
// error when derived types' overloads return different types.
func (s *Schema) boundOperation(st state, name, args string, res *Resolved) (*Operation, error) {
	ops := s.operationsNamed(name[strings.LastIndexByte(name, '.')+1:])
	for _, base := range s.ancestry(st.Type) {
		if found := boundTo(ops, base, st.Collection); len(found) > 0 {
			return bestOverload(found, argNames(args)), nil
		}
	}
	var found []*Operation
	var owners []string
	for _, d := range s.descendants(st.Type) {
		if f := boundTo(ops, d, st.Collection); len(f) > 0 {
			found, owners = append(found, bestOverload(f, argNames(args))), append(owners, d)
		}
	}
	if len(found) == 0 {
		return nil, nil
	}
	for _, op := range found[1:] {
		if !sameReturn(op, found[0]) {
			return nil, fmt.Errorf("%s is bound to the derived types %s with different return types: the path needs a cast", name, strings.Join(owners, ", "))
		}
	}
	res.Notes = append(res.Notes, fmt.Sprintf("%s is bound to %s, called without a cast", name, strings.Join(owners, ", ")))
	return found[0], nil
}

// operationsNamed returns the bound operations called name, exactly or
// without regard to case.
func (s *Schema) operationsNamed(name string) []*Operation {
	k, _ := fold(s.Operations, s.index().operations, name)
	return s.Operations[k]
}

// boundTo filters the operations bound to typ (a collection of it or not).
func boundTo(ops []*Operation, typ string, collection bool) []*Operation {
	var found []*Operation
	for _, op := range ops {
		if op.Binding.Type == typ && op.Binding.Collection == collection {
			found = append(found, op)
		}
	}
	return found
}

// sameReturn reports whether a and b return the same type (or nothing).
func sameReturn(a, b *Operation) bool {
	if a.Return == nil || b.Return == nil {
		return a.Return == b.Return
	}
	return *a.Return == *b.Return
}

// bestOverload picks the overload whose parameters are exactly the
// arguments' names, else the first.
func bestOverload(ops []*Operation, args []string) *Operation {
	for _, op := range ops {
		if sameNames(op.Params, args) {
			return op
		}
	}
	return ops[0]
}

// sameNames reports whether a and b hold the same names, in any order and
// case.
func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := lowerSorted(a), lowerSorted(b)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// lowerSorted returns names lower-cased and sorted.
func lowerSorted(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.ToLower(n)
	}
	sort.Strings(out)
	return out
}

// argNames lists the names of a call's named arguments ("address='A1',
// valuesOnly=true" → address, valuesOnly); a positional argument (a key
// or a placeholder alone) has none.
func argNames(args string) []string {
	var names []string
	for _, a := range splitTop(args, ',') {
		if name, _, ok := strings.Cut(a, "="); ok {
			names = append(names, strings.TrimSpace(name))
		}
	}
	return names
}

// ancestry is typ followed by its bases, nearest first.
func (s *Schema) ancestry(typ string) []string {
	var chain []string
	seen := map[string]bool{}
	for cur := typ; cur != "" && !seen[cur]; {
		seen[cur] = true
		chain = append(chain, cur)
		t := s.Types[cur]
		if t == nil {
			break
		}
		cur = t.Base
	}
	return chain
}

// derives reports whether typ is base or derives from it.
func (s *Schema) derives(typ, base string) bool {
	for _, t := range s.ancestry(typ) {
		if t == base {
			return true
		}
	}
	return false
}

// cutParens splits "name(args)" into name and args; ok is false when seg
// has no parentheses (or does not end with its closing one).
func cutParens(seg string) (name, args string, ok bool) {
	i := strings.IndexByte(seg, '(')
	if i < 0 || !strings.HasSuffix(seg, ")") {
		return seg, "", false
	}
	return seg[:i], seg[i+1 : len(seg)-1], true
}

// splitPath splits a path into segments at the slashes that are outside
// braces, parentheses, quotes and a ":/item/path:" address.
func splitPath(path string) ([]string, error) {
	var segs []string
	var cur strings.Builder
	depth, quoted, address := 0, false, false
	flush := func() {
		if cur.Len() > 0 {
			segs = append(segs, cur.String())
		}
		cur.Reset()
	}
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case quoted:
			quoted = c != '\''
		case c == '\'':
			quoted = true
		case c == '(' || c == '{':
			depth++
		case c == ')' || c == '}':
			depth--
		case c == ':' && depth == 0:
			address = !address && i+1 < len(path) && path[i+1] == '/'
		case c == '/' && depth == 0 && !address:
			flush()
			continue
		}
		if depth < 0 {
			return nil, fmt.Errorf("unbalanced %q at byte %d of %q", c, i, path)
		}
		cur.WriteByte(c)
	}
	if depth != 0 || quoted {
		return nil, fmt.Errorf("unclosed parenthesis, brace or quote in %q", path)
	}
	flush()
	return segs, nil
}

// indexTop is the index of the first c in s outside parentheses, braces
// and quotes, or -1.
func indexTop(s string, c byte) int {
	depth, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case quoted:
			quoted = b != '\''
		case b == '\'':
			quoted = true
		case b == '(' || b == '{':
			depth++
		case b == ')' || b == '}':
			depth--
		case b == c && depth == 0:
			return i
		}
	}
	return -1
}

// splitTop splits s at sep outside parentheses and quotes.
func splitTop(s string, sep byte) []string {
	var parts []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quoted:
			quoted = c != '\''
		case c == '\'':
			quoted = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == sep && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	if strings.TrimSpace(s[start:]) != "" || len(parts) > 0 {
		parts = append(parts, s[start:])
	}
	return parts
}
