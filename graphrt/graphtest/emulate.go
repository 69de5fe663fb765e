package graphtest

import (
	"net/http"
	"strconv"
	"strings"
)

// Behavior says how the emulator answers a route.
type Behavior uint8

// The behaviours of a route. Canned is the glue's (the docs' example answers): the store answers
// every other one.
const (
	Canned    Behavior = iota // not emulated: the docs' example answers (glue's job, not the store's)
	List                      // GET a collection
	Count                     // GET a collection's /$count (text/plain number)
	Get                       // GET an item (key last), a singleton (/me), or a single-valued navigation
	Create                    // POST to a collection
	Update                    // PATCH an item or singleton: merge members
	Replace                   // PUT an item: replace, keeping the key
	Delete                    // DELETE an item
	AddRef                    // POST .../{navigation}/$ref with {"@odata.id": URL}; also PUT .../{single-valued nav}/$ref
	RemoveRef                 // DELETE .../{navigation}/{id}/$ref, or DELETE .../$ref?$id=URL
	ListRefs                  // GET .../{navigation}/$ref: {"value":[{"@odata.id": ...}]}
)

// behaviorNames spells each Behavior, in the order of the constants.
var behaviorNames = [...]string{"example", "list", "count", "get", "create", "update", "replace", "delete", "addRef", "removeRef", "listRefs"}

// String returns the name of b as the IR carries it ("list", "addRef",
// ...); a value out of range is "Behavior(N)".
func (b Behavior) String() string {
	if int(b) < len(behaviorNames) {
		return behaviorNames[b]
	}
	return "Behavior(" + strconv.Itoa(int(b)) + ")"
}

// ParseBehavior returns the Behavior whose String is s.
func ParseBehavior(s string) (Behavior, bool) {
	for i, name := range behaviorNames {
		if name == s {
			return Behavior(i), true
		}
	}
	return Canned, false
}

// Shape says what the resource path of a Get, Update, Replace, Delete or
// RemoveRef names: the glue sets it from the route when it knows (a route
// whose last segment is a key parameter names an item).
type Shape uint8

// The shapes of a resource path.
const (
	// ShapeAuto infers the shape: an item when a collection is stored at
	// the parent path, or when the path has two segments (entity set and
	// key) and no single value is stored at it; a single value otherwise.
	ShapeAuto Shape = iota
	// ShapeItem: the last segment is a key, naming an item of the
	// collection at the parent path (/users/{id}, /users/{id}/messages/{id}).
	ShapeItem
	// ShapeSlot: a singleton, a single-valued navigation or a property
	// (/policies/authorizationPolicy, /users/{id}/manager,
	// /me/mailboxSettings), one value at that path, which Update and
	// Replace create when it is not stored yet.
	ShapeSlot
)

// Call is what the glue knows of one admitted request besides the
// request itself.
type Call struct {
	Behavior Behavior
	Status   int      // documented success status; 0: the behaviour's Graph default (200; 201 create; 204 update/delete/refs)
	Type     string   // OData type of the resource, e.g. "microsoft.graph.user"; "" when unknown
	Stamps   []string // the timestamps the type documents: "createdDateTime" (set on create), "lastModifiedDateTime" (on create and update)
	Me       string   // object id (oid) of the token's user, "" for app tokens or unknown: /me means /users/{Me}
	Shape    Shape    // what the path names (an addition to the contract; zero: inferred)
}

// defaultStatus is the status Graph answers b with when the docs name none.
func (b Behavior) defaultStatus() int {
	switch b {
	case Create:
		return http.StatusCreated
	case Update, Replace, Delete, AddRef, RemoveRef:
		return http.StatusNoContent
	}
	return http.StatusOK
}

// status is the success status of c.
func (c Call) status() int {
	if c.Status != 0 {
		return c.Status
	}
	return c.Behavior.defaultStatus()
}

// Serve answers r (already routed and admitted) as c says. The resource
// path is r.URL.EscapedPath() minus its first segment when that is a
// version ("v1.0", "beta": both versions see one tenant), split into
// unescaped segments, /me replaced by users/{Me}, OData key forms
// users('x') and users(id='x') taken as users/x. Every answer carries the
// header X-Graphgen-Emulated: state; the query options starting with $
// that the behaviour does not apply ($search, $expand) are ignored and
// listed in the header X-Graphgen-Ignored.
func (s *Store) Serve(w http.ResponseWriter, r *http.Request, c Call) {
	w.Header().Set("X-Graphgen-Emulated", "state")
	q, err := parseRequest(r, c)
	if err == nil {
		q.query, err = parseQuery(q)
	}
	if err != nil {
		writeFailure(w, err)
		return
	}
	if len(q.query.ignored) > 0 {
		w.Header().Set("X-Graphgen-Ignored", strings.Join(q.query.ignored, ", "))
	}
	if err := s.ensureMe(q); err != nil {
		writeFailure(w, err)
		return
	}
	var handler func(*Store, http.ResponseWriter, *request)
	if int(c.Behavior) < len(handlers) {
		handler = handlers[c.Behavior]
	}
	if handler == nil {
		writeFailure(w, failf(http.StatusInternalServerError, "generalException", "the store does not emulate behaviour %q: the docs' example answers it", c.Behavior))
		return
	}
	handler(s, w, q)
}

// handlers answers each emulated Behavior.
var handlers = [...]func(*Store, http.ResponseWriter, *request){
	List:      (*Store).serveList,
	Count:     (*Store).serveCount,
	Get:       (*Store).serveGet,
	Create:    (*Store).serveCreate,
	Update:    (*Store).serveUpdate,
	Replace:   (*Store).serveReplace,
	Delete:    (*Store).serveDelete,
	AddRef:    (*Store).serveAddRef,
	RemoveRef: (*Store).serveRemoveRef,
	ListRefs:  (*Store).serveListRefs,
}
