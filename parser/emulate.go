package parser

import (
	"cmp"
	"slices"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// How the emulator answers a route (ir.Route.Emulate); "" leaves the
// answer to the docs' example.
const (
	emulateList      = "list"
	emulateCount     = "count"
	emulateGet       = "get"
	emulateCreate    = "create"
	emulateUpdate    = "update"
	emulateReplace   = "replace"
	emulateDelete    = "delete"
	emulateAddRef    = "addRef"
	emulateRemoveRef = "removeRef"
	emulateListRefs  = "listRefs"
)

// resolveEmulation decides for every route how the emulator answers it
// (Emulate), the type it stores there (Entity) and whether that type
// carries timestamps (Stamps). The docs say it only through structure:
// the method, the path's shape, the documented response, and what the
// whole API's routes say about each path prefix (learnPaths), so it runs
// in Resolve, once every operation and type is read and the types'
// names are resolved. Anything unsure is left to the example.
func resolveEmulation(api *ir.API) {
	types := indexTypes(api.Types)
	segs := map[*ir.Route][]pathSeg{}
	for _, op := range api.Operations {
		for _, r := range op.Routes {
			segs[r] = emulationSegments(r.Path)
		}
	}
	facts := learnPaths(api, segs, types)
	for _, op := range api.Operations {
		facts[op.Version].decide(op, segs, types)
	}
}

// decide sets Emulate, Entity and Stamps on every route of op.
func (f *pathFacts) decide(op *ir.Operation, segs map[*ir.Route][]pathSeg, types *typeIndex) {
	walks := make([]walk, len(op.Routes))
	for i, r := range op.Routes {
		walks[i], r.Emulate = f.emulation(op, r, segs[r], types)
		r.Entity, r.Stamps = "", nil
	}
	ownFits := sameResource(op.Version, walks, types)
	for i, r := range op.Routes {
		if r.Emulate == "" {
			continue
		}
		if t := types.get(op.Version, storedType(op, r, walks[i], ownFits, types)); t != nil {
			r.Entity, r.Stamps = t.Name, types.stamped(op.Version, t.Name)
		}
	}
}

// sameResource reports whether the walks of an operation's routes that
// stand on a collection or an entity can share the one type the
// operation documents: their shapes end in the same collection or
// navigation name (/me/messages/{id} and /users/{id}/mailFolders/{id}/
// messages/{id}; /me and /users/{id}), or the types known for them are
// one or derive from one another (/groupSettings and
// /groups/{id}/settings). The extended-property pages document messages,
// events, contacts and calendars with one answer: types that do not
// derive from one another, or none known.
func sameResource(version string, walks []walk, types *typeIndex) bool {
	var names, known []string
	for _, w := range walks {
		if w.pos != posCollection && w.pos != posEntity {
			continue
		}
		shape := strings.TrimSuffix(w.shape, "/{}")
		if name := shape[strings.LastIndexByte(shape, '/')+1:]; !slices.Contains(names, name) {
			names = append(names, name)
		}
		if w.typ != "" {
			known = append(known, w.typ)
		}
	}
	if len(names) <= 1 {
		return true
	}
	for i, a := range known {
		for _, b := range known[:i] {
			if !types.derives(version, a, b) && !types.derives(version, b, a) {
				return false
			}
		}
	}
	return len(known) > 0
}

// position is where a path stands after some of its segments.
type position int

const (
	posRoot       position = iota
	posCollection          // a collection of entities: entity set, collection navigation
	posEntity              // one entity: a key, /me, a singleton, a single-valued navigation
	posComplex             // a structural value: a complex property and below
	posOpaque              // after an action, function, cast, stream or drive item path
)

// walk is the state of reading a path segment by segment.
type walk struct {
	pos position
	// shape is the path so far, lower case, with keys as {} and /me as
	// /users/{}.
	shape string
	// typ is the documented type of the entity (or of the collection's
	// members) the walk stands on, "" when the docs do not say.
	typ   string
	key   bool // the last segment was a key
	named bool // the last segment was a name (not a key)
	// declared: the docs say whether the last segment is a collection:
	// its parent's documented type declares it, or a route PATCHes, PUTs
	// or DELETEs it (one entity).
	declared bool
	me       bool // the path so far is /me
}

// step reads one more segment; last says it ends the path.
func (f *pathFacts) step(w walk, s pathSeg, last bool, types *typeIndex) walk {
	if w.pos == posOpaque || w.pos == posComplex && s.kind != segName {
		return walk{pos: posOpaque, shape: w.shape}
	}
	switch s.kind {
	case segParam:
		if w.pos == posCollection || w.pos == posEntity && w.named && !w.declared {
			return f.keyed(w, types) // after a collection, or a name not known to be single-valued
		}
	case segKeyParens:
		if n := f.name(w, s.name, false, types); n.pos == posCollection || n.pos == posEntity {
			return f.keyed(n, types)
		}
	case segName:
		return f.name(w, s.name, last, types)
	}
	return walk{pos: posOpaque, shape: w.shape}
}

// keyed is the walk after a key of the collection w stands on: an
// entity of the collection's type, else of the type documented there.
func (f *pathFacts) keyed(w walk, types *typeIndex) walk {
	next := walk{pos: posEntity, shape: w.shape + "/{}", key: true, typ: w.typ}
	if next.typ == "" {
		next.typ = f.documented(next.shape, types)
	}
	return next
}

// name reads a literal segment: /me, an entity set or singleton, a key
// written as a value (mailFolders/inbox/..., classes/acdefc6b-...), a
// navigation or a property. A literal that ends a path right after a
// collection is an action or function bound to it (/users/delta). After
// an entity of documented type the type's members decide (member), else
// what the routes show (unlisted).
func (f *pathFacts) name(w walk, name string, last bool, types *typeIndex) walk {
	switch w.pos {
	case posRoot:
		if name == "me" {
			return walk{pos: posEntity, shape: "/users/{}", me: true, typ: f.documented("/users/{}", types)}
		}
	case posCollection:
		if last && !isKeyValue(name) {
			return walk{pos: posOpaque, shape: w.shape}
		}
		return f.keyed(w, types)
	case posComplex:
		return walk{pos: posComplex, shape: w.shape + "/" + name}
	}
	if w.pos == posEntity && w.typ != "" {
		if m, ok := f.member(w, name, last, types); ok {
			return m
		}
	}
	return f.unlisted(w, name, last, types)
}

// unlisted reads a literal that no documented type declares, by what the
// routes show of its shape: a collection when they put a key after it or
// GET it as one (and none PATCHes, PUTs or DELETEs it); an action or
// function when it ends the path after an entity and no documented type
// has a member of that name; a complex value when the docs answer there
// with a type that is no entity; else an entity (a singleton, or a
// navigation the resource pages do not list).
func (f *pathFacts) unlisted(w walk, name string, last bool, types *typeIndex) walk {
	shape := w.shape + "/" + name
	next := walk{pos: posEntity, shape: shape, named: true, typ: f.documented(shape, types), declared: f.shows(shape, modified)}
	switch {
	case f.shows(shape, addressed) && !next.declared:
		next.pos = posCollection
	case last && w.pos == posEntity && !types.isMember(f.version, name):
		next.pos = posOpaque
	case f.shows(shape, answered) && !next.declared:
		next.pos = posCollection
	case next.typ == "" && f.typeOf(shape, types) != "":
		next.pos = posComplex // a type the docs name but do not document: no entity known
	case next.typ != "" && !types.entity(f.version, next.typ):
		next.pos = posComplex
	}
	return next
}

// member reads a literal after an entity of documented type w.typ by the
// type's members (its own, its bases' or its derived types'): a
// navigation or entity-typed property is a collection or an entity, any
// other property a complex value. A relationship table often leaves out
// "collection" (chatMessage's replies), so a navigation it gives as
// single-valued is a collection all the same when routes put a key after
// it and GET it as a collection, unless one PATCHes, PUTs or DELETEs it.
// A navigation typed as the root type entity (insights' resource) may
// lead to any type, which the emulator cannot store: opaque. A name the
// type does not have is an action or function bound to it when it ends
// the path (/me/drive/recent, .../names/{name}/range), a collection when
// a route puts a key after it; else it is left to unlisted (ok false).
func (f *pathFacts) member(w walk, name string, last bool, types *typeIndex) (next walk, ok bool) {
	shape := w.shape + "/" + name
	next = walk{pos: posEntity, shape: shape, named: true, typ: f.documented(shape, types), declared: true}
	p, found := types.property(f.version, w.typ, name)
	if found && types.get(f.version, p.Type) != nil {
		next.typ = p.Type
	}
	single := f.shows(shape, modified)
	switch {
	case !found && f.shows(shape, addressed) && !single:
		next.pos = posCollection
	case !found && !last:
		return next, false
	case !found, p.Type == entityType:
		next.pos = posOpaque // an operation, or a navigation to anything: no type to store
	case !p.Relationship && !types.entity(f.version, p.Type):
		next.pos = posComplex
	case p.Collection, f.shows(shape, addressed|answered) && !single:
		next.pos = posCollection
	}
	return next, true
}

// documented is the type the docs answer at shape when a resource page
// documents it, else "".
func (f *pathFacts) documented(shape string, types *typeIndex) string {
	if t := f.typeOf(shape, types); types.get(f.version, t) != nil {
		return t
	}
	return ""
}

// emulation decides how the emulator answers route r of op, whose path's
// segments are segs, with the walk of the path up to its last segment.
func (f *pathFacts) emulation(op *ir.Operation, r *ir.Route, segs []pathSeg, types *typeIndex) (walk, string) {
	if len(segs) == 0 {
		return walk{}, ""
	}
	w := walk{}
	for _, s := range segs[:len(segs)-1] {
		w = f.step(w, s, false, types)
	}
	switch last := segs[len(segs)-1]; last.kind {
	case segRef:
		return w, refVerb(op.Method, w)
	case segCount:
		return w, countVerb(op.Method, w)
	default:
		w = f.step(w, last, true, types)
	}
	switch w.pos {
	case posCollection:
		return w, collectionVerb(op, r)
	case posEntity:
		return w, f.entityVerb(op, r, w, types)
	}
	return w, ""
}

// refVerb answers a .../$ref path: POST and PUT add a reference, DELETE
// removes it, GET lists them, after a collection or one entity.
func refVerb(method string, w walk) string {
	if w.pos != posCollection && w.pos != posEntity || w.me {
		return ""
	}
	switch method {
	case "POST", "PUT":
		return emulateAddRef
	case "DELETE":
		return emulateRemoveRef
	case "GET":
		return emulateListRefs
	}
	return ""
}

// countVerb answers GET .../$count of a collection.
func countVerb(method string, w walk) string {
	if method == "GET" && w.pos == posCollection {
		return emulateCount
	}
	return ""
}

// collectionVerb answers a collection: a GET documented with a collection
// lists it, a POST documented with 201 Created and an object creates in
// it.
func collectionVerb(op *ir.Operation, r *ir.Route) string {
	resp := routeResponse(op, r)
	switch {
	case op.Method == "GET" && resp.Kind == ir.KindCollection:
		return emulateList
	case op.Method == "POST" && resp.Status == 201 && resp.Kind == ir.KindObject:
		return emulateCreate
	}
	return ""
}

// entityVerb answers one entity: by key, every method but POST; /me, GET
// and PATCH; a single-valued navigation or a singleton, GET and PATCH
// when the docs type it (the path, else the operation's answer) as an
// entity. A GET must be documented with an object (some pages answer a
// key with a collection), and a GET of a navigation or singleton without
// a query string that would make it a view.
func (f *pathFacts) entityVerb(op *ir.Operation, r *ir.Route, w walk, types *typeIndex) string {
	byKey := map[string]string{"GET": emulateGet, "PATCH": emulateUpdate, "PUT": emulateReplace, "DELETE": emulateDelete}
	switch {
	case op.Method == "GET" && routeResponse(op, r).Kind != ir.KindObject:
		return "" // the docs answer otherwise than with the one entity, and so does their client
	case w.key:
		return byKey[op.Method]
	case op.Method != "GET" && op.Method != "PATCH":
		return ""
	case op.Method == "GET" && r.Query != "":
		return "" // a view of the entity
	case w.me || types.entity(op.Version, cmp.Or(w.typ, ownType(op, r, types))):
		return byKey[op.Method]
	}
	return ""
}

// storedType is the type stored at the route: the documented type the walk
// stands on (the path's declared or documented type: of the collection's
// members for a list, a count or references), else the one the
// operation documents, when its routes address one kind of resource
// (ownFits). A create, update or replace stores the type its operation
// documents when that derives from the path's (POST
// /deviceAppManagement/mobileApps of the webApp page stores a webApp).
func storedType(op *ir.Operation, r *ir.Route, w walk, ownFits bool, types *typeIndex) string {
	own := ""
	if ownFits {
		own = ownType(op, r, types)
	}
	switch r.Emulate {
	case emulateCreate, emulateUpdate, emulateReplace:
		if own != "" && (w.typ == "" || types.derives(op.Version, own, w.typ)) {
			return own
		}
	}
	if w.typ != "" {
		return w.typ
	}
	return own
}

// ownType is the documented type an operation answers a route with, else
// the one its request body sends; "" when neither is documented.
func ownType(op *ir.Operation, r *ir.Route, types *typeIndex) string {
	if resp := routeResponse(op, r); resp.Kind != ir.KindPrimitive && types.get(op.Version, resp.Type) != nil {
		return resp.Type
	}
	if op.RequestBody.Kind == ir.KindObject && types.get(op.Version, op.RequestBody.Type) != nil {
		return op.RequestBody.Type
	}
	return ""
}

// parentShape drops the last segment of a shape.
func parentShape(shape string) string {
	return shape[:max(strings.LastIndexByte(shape, '/'), 0)]
}
