package parser

import (
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// evidence is what the docs show of a path shape being a collection: a
// set of the flags below.
type evidence uint8

const (
	// answered: a GET of the shape is documented with a collection, as a
	// function's can be (/me/drive/recent).
	answered evidence = 1 << iota
	// addressed: a route puts a key after the shape, counts it with
	// $count, adds to it through $ref, or POSTs an object with 201
	// Created to a first segment (an entity set): only a collection
	// has members that way.
	addressed
	// modified: a route PATCHes, PUTs or DELETEs the shape itself, which
	// only one entity (or value) can be: evidence against a collection,
	// which beats the others (branding/{property name} names a property).
	modified
)

// pathFacts is what the routes of one API version say about each path
// shape (lower case, keys as {}, /me as /users/{}): which shapes are
// collections, and which types the docs answer there.
type pathFacts struct {
	version     string
	collections map[string]evidence
	// types are the documented types by shape: of the objects a GET
	// answers at an item or single-valued shape, of the members a GET
	// lists or a POST creates at a collection shape.
	types map[string][]string
	// chosen caches typeOf, once the facts are complete.
	chosen map[string]string
}

// newFacts makes empty facts for version.
func newFacts(version string) *pathFacts {
	return &pathFacts{version: version, collections: map[string]evidence{}, types: map[string][]string{}, chosen: map[string]string{}}
}

// learnPasses is how many times learnPaths reads the routes.
const learnPasses = 2

// learnPaths reads every route of api (whose paths' segments are segs)
// into facts per version, in passes that each read the routes with what
// the one before learned (the first with nothing): a key written as a
// value (mailFolders/inbox/messageRules) is a key once its collection is
// known, and a member once its parent's type is. Each pass learns afresh
// into new facts, so that no route's reading depends on the order of the
// operations. (A third pass changes nothing on the English v1.0 tree.)
func learnPaths(api *ir.API, segs map[*ir.Route][]pathSeg, types *typeIndex) map[string]*pathFacts {
	var known map[string]*pathFacts
	for range learnPasses {
		next := map[string]*pathFacts{}
		for _, op := range api.Operations {
			if next[op.Version] == nil {
				next[op.Version] = newFacts(op.Version)
			}
			seen := known[op.Version]
			if seen == nil {
				seen = newFacts(op.Version)
			}
			seen.learnOp(next[op.Version], op, segs, types)
		}
		known = next
	}
	return known
}

// learn records into to what one route says, reading its path with f: a
// key after a name, a $count after it, a POST to its $ref, an example
// request with a key after it, a first segment that a POST creates in,
// or a GET answered with a collection make the name's shape a
// collection; a PATCH, PUT or DELETE of it makes it one entity. It
// returns the walk of the whole path, opaque when it ends in a $ segment
// or an opaque one.
func (f *pathFacts) learn(to *pathFacts, op *ir.Operation, r *ir.Route, segs []pathSeg, types *typeIndex) walk {
	w := walk{}
	for i, s := range segs {
		before := w
		w = f.step(w, s, i == len(segs)-1, types)
		switch {
		case w.key:
			to.saw(parentShape(w.shape), addressed)
		case s.kind == segCount, s.kind == segRef && op.Method == "POST":
			to.saw(before.shape, addressed)
		}
	}
	if w.pos == posOpaque || len(segs) == 0 {
		return walk{pos: posOpaque} // a $ segment or an opaque one
	}
	resp := routeResponse(op, r)
	if keyedExample(op, r) || len(segs) == 1 && segs[0].kind == segName && created(op, resp) {
		to.saw(w.shape, addressed)
	}
	if op.Method == "GET" && resp.Kind == ir.KindCollection {
		to.saw(w.shape, answered)
	}
	if (op.Method == "PATCH" || op.Method == "PUT" || op.Method == "DELETE") && segs[len(segs)-1].kind == segName {
		to.saw(w.shape, modified)
	}
	return w
}

// learnOp learns what the routes of op say (learn), and the type op
// documents at each of their shapes when its routes address one kind of
// resource (sameResource).
func (f *pathFacts) learnOp(to *pathFacts, op *ir.Operation, segs map[*ir.Route][]pathSeg, types *typeIndex) {
	walks := make([]walk, len(op.Routes))
	for i, r := range op.Routes {
		walks[i] = f.learn(to, op, r, segs[r], types)
	}
	if !sameResource(op.Version, walks, types) {
		return
	}
	for i, r := range op.Routes {
		if walks[i].pos != posOpaque {
			to.learnType(op, r, walks[i].shape, routeResponse(op, r))
		}
	}
}

// keyedExample reports an example request of op whose path is r's plus
// one segment that can only be a key's value
// (/communications/presences/dc74d9bb-6afe-433d-8eaa-e39d80d3a647 for
// GET /communications/presences): r's path is then a collection.
func keyedExample(op *ir.Operation, r *ir.Route) bool {
	for _, e := range op.Examples {
		if e.Request == nil {
			continue
		}
		i := strings.LastIndexByte(e.Request.Path, '/')
		if i > 0 && isKeyValue(e.Request.Path[i+1:]) && fitsTemplate(e.Request.Path[:i], r.Path) {
			return true
		}
	}
	return false
}

// saw records evidence that shape is a collection.
func (f *pathFacts) saw(shape string, e evidence) {
	f.collections[shape] |= e
}

// shows reports whether the docs show shape to be a collection with all
// of the evidence e.
func (f *pathFacts) shows(shape string, e evidence) bool {
	return f.collections[shape]&e == e
}

// created reports a POST documented with 201 Created and an object.
func created(op *ir.Operation, resp ir.Response) bool {
	return op.Method == "POST" && resp.Status == 201 && resp.Kind == ir.KindObject
}

// learnType records the type a plain GET answers at shape and the type a
// POST creates there.
func (f *pathFacts) learnType(op *ir.Operation, r *ir.Route, shape string, resp ir.Response) {
	plainGet := op.Method == "GET" && r.Query == "" && (resp.Kind == ir.KindCollection || resp.Kind == ir.KindObject)
	if (plainGet || created(op, resp)) && resp.Type != "" && !strings.HasPrefix(resp.Type, "Edm.") {
		f.types[shape] = append(f.types[shape], resp.Type)
	}
}

// routeResponse is the response of route r: its own, or its operation's.
func routeResponse(op *ir.Operation, r *ir.Route) ir.Response {
	if r.Response != nil {
		return *r.Response
	}
	return op.Response
}

// typeOf is the type the docs answer at shape: the one every other
// documented there derives from, else the one documented most often; ""
// when none is, or two are documented equally often.
func (f *pathFacts) typeOf(shape string, types *typeIndex) string {
	t, ok := f.chosen[shape]
	if !ok {
		t = f.chooseType(shape, types)
		f.chosen[shape] = t
	}
	return t
}

// chooseType is typeOf, computed.
func (f *pathFacts) chooseType(shape string, types *typeIndex) string {
	names := f.types[shape]
	if len(names) == 0 {
		return ""
	}
	count := map[string]int{}
	for _, n := range names {
		count[n]++
	}
	distinct := make([]string, 0, len(count))
	for n := range count {
		distinct = append(distinct, n)
	}
	sort.Strings(distinct)
	if base := commonBase(f.version, distinct, types); base != "" {
		return base
	}
	sort.SliceStable(distinct, func(i, j int) bool { return count[distinct[i]] > count[distinct[j]] })
	if len(distinct) > 1 && count[distinct[0]] == count[distinct[1]] {
		return ""
	}
	return distinct[0]
}

// commonBase returns the one of names every other derives from, if any.
func commonBase(version string, names []string, types *typeIndex) string {
	for _, base := range names {
		all := true
		for _, n := range names {
			all = all && types.derives(version, n, base)
		}
		if all {
			return base
		}
	}
	return ""
}
