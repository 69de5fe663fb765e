package graphtest

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// target is what a request path names in the store.
type target struct {
	path []string    // the path, a userPrincipalName below users replaced by the id
	coll *collection // the collection of the item, when the path names an item (possibly missing)
	e    *entry      // the stored item or single value; nil when missing
}

// locate finds what q's path names. The caller holds s.mu.
func (s *Store) locate(q *request) target {
	t := target{path: s.canonical(q.segs)}
	isItem := s.isItem(t.path, q.c.Shape) || (q.fromMe && len(t.path) == 2)
	if !isItem {
		t.e = s.slots[joinPath(t.path)]
		return t
	}
	if t.coll, t.e = s.item(t.path); t.coll == nil {
		t.coll = &collection{} // an item of a collection never stored: missing
	}
	return t
}

// name is the last segment of t's path, as Graph's 404 names it.
func (t target) name() string { return t.path[len(t.path)-1] }

// ensureMe stores {"id": Me} as users/{Me} when a /me request finds no
// such user: Graph always has the signed-in user.
func (s *Store) ensureMe(q *request) error {
	if !q.fromMe || s.hasUser(q.segs[1]) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	users := s.collection([]string{"users"}, true)
	if users.byID[q.segs[1]] != nil {
		return nil
	}
	if s.full(1) {
		return s.quotaFull()
	}
	s.add(users, &entry{id: q.segs[1], val: newValue(map[string]any{"id": q.segs[1]})})
	return nil
}

// hasUser reports whether users/{id} is stored.
func (s *Store) hasUser(id string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	users := s.colls["users"]
	return users != nil && users.byID[id] != nil
}

// serveGet answers an item, a singleton or a single-valued navigation,
// projected by $select.
func (s *Store) serveGet(w http.ResponseWriter, q *request) {
	s.mu.RLock()
	t := s.locate(q)
	val, _, ok := s.resolve(t.e)
	s.mu.RUnlock()
	if !ok {
		writeFailure(w, notFound(t.name()))
		return
	}
	writeValue(w, q.c.status(), val, q.query.selects)
}

// serveCreate adds the request body to the collection at q's path.
func (s *Store) serveCreate(w http.ResponseWriter, q *request) {
	body, err := readObject(q.r)
	if err != nil {
		writeFailure(w, err)
		return
	}
	s.mu.Lock()
	val, err := s.create(s.canonical(q.segs), body, q.c)
	s.mu.Unlock()
	if err != nil {
		writeFailure(w, err)
		return
	}
	w.Header().Set("Location", q.origin+q.self+"/"+url.PathEscape(idOf(val.obj)))
	writeValue(w, q.c.status(), val, nil)
}

// create stores body as a new item of the collection at path and returns
// the value stored. The caller holds s.mu for writing.
func (s *Store) create(path []string, body map[string]any, c Call) (*value, error) {
	if !s.parentExists(path) {
		return nil, notFound(path[len(path)-2])
	}
	if s.slots[joinPath(path)] != nil {
		return nil, failf(http.StatusBadRequest, "BadRequest", "'%s' is a single value, not a collection", path[len(path)-1])
	}
	coll := s.collection(path, false)
	id, err := bodyID(body)
	if err != nil {
		return nil, err
	}
	if id != "" && coll != nil && coll.byID[id] != nil {
		return nil, failf(http.StatusBadRequest, "Request_BadRequest", "Another object with the same value for property id already exists.")
	}
	if s.full(1) {
		return nil, s.quotaFull()
	}
	coll = s.collection(path, true)
	if id == "" {
		id = s.newID(coll)
	}
	val := newValue(s.newObject(body, id, c))
	s.add(coll, &entry{id: id, val: val})
	return val, nil
}

// bodyID returns the "id" member of body, "" when absent or null.
func bodyID(body map[string]any) (string, error) {
	switch id := body["id"].(type) {
	case nil:
		return "", nil
	case string:
		if id != "" {
			return id, nil
		}
	}
	return "", failf(http.StatusBadRequest, "Request_BadRequest", "Invalid value for property 'id': a non-empty string is expected.")
}

// newObject is body as a created item: with id, the timestamps c.Stamps
// names, and @odata.type from c.Type when body sends none.
func (s *Store) newObject(body map[string]any, id string, c Call) map[string]any {
	obj := maps.Clone(body)
	delete(obj, "@odata.id") // Graph names its objects itself; a stored "@odata.id" alone would read back as a reference
	obj["id"] = id
	for _, stamp := range c.Stamps {
		obj[stamp] = s.stamp()
	}
	if _, ok := obj["@odata.type"]; !ok && c.Type != "" {
		obj["@odata.type"] = "#" + c.Type
	}
	return obj
}

// stamp is the time now as Graph writes timestamps: RFC 3339 in UTC.
func (s *Store) stamp() string { return s.opt.Now().UTC().Format(time.RFC3339) }

// serveUpdate merges the request body into the item or single value at
// q's path: members sent replace those stored, null included.
func (s *Store) serveUpdate(w http.ResponseWriter, q *request) {
	s.write(w, q, func(old map[string]any, body map[string]any) map[string]any {
		obj := maps.Clone(old)
		maps.Copy(obj, body)
		return obj
	})
}

// serveReplace replaces the item or single value at q's path with the
// request body, keeping its id (and its @odata.type and createdDateTime
// when the body sends none).
func (s *Store) serveReplace(w http.ResponseWriter, q *request) {
	s.write(w, q, func(old map[string]any, body map[string]any) map[string]any {
		obj := maps.Clone(body)
		for _, keep := range [...]string{"id", "@odata.type", "createdDateTime"} {
			if v, ok := old[keep]; ok {
				if _, sent := obj[keep]; !sent || keep == "id" {
					obj[keep] = v
				}
			}
		}
		return obj
	})
}

// write answers Update and Replace: the stored object becomes
// change(old, body), lastModifiedDateTime set when the type has stamps.
func (s *Store) write(w http.ResponseWriter, q *request, change func(old, body map[string]any) map[string]any) {
	body, err := readObject(q.r)
	if err != nil {
		writeFailure(w, err)
		return
	}
	delete(body, "@odata.id") // as newObject does
	s.mu.Lock()
	val, err := s.change(q, body, change)
	s.mu.Unlock()
	if err != nil {
		writeFailure(w, err)
		return
	}
	writeValue(w, q.c.status(), val, nil)
}

// change stores the changed object at q's path and returns it. The caller
// holds s.mu for writing.
func (s *Store) change(q *request, body map[string]any, change func(old, body map[string]any) map[string]any) (*value, error) {
	t := s.locate(q)
	if err := s.checkChange(t, body); err != nil {
		return nil, err
	}
	old := map[string]any{}
	if t.e != nil {
		old = t.e.val.obj
	}
	obj := change(old, body)
	if slices.Contains(q.c.Stamps, "lastModifiedDateTime") {
		obj["lastModifiedDateTime"] = s.stamp()
	}
	val := newValue(obj)
	if t.e != nil {
		t.e.val = val
	} else {
		s.setSlot(t.path, &entry{id: idOf(obj), val: val})
	}
	return val, nil
}

// checkChange refuses a change to a missing item, to a reference, to a new
// single value below a missing parent or beyond the cap, and a body whose
// id differs from the stored one.
func (s *Store) checkChange(t target, body map[string]any) error {
	switch {
	case t.e == nil && t.coll != nil:
		return notFound(t.name())
	case t.e == nil && s.colls[joinPath(t.path)] != nil:
		return failf(http.StatusBadRequest, "BadRequest", "'%s' is a collection, not a single value", t.name())
	case t.e == nil && !s.parentExists(t.path):
		return notFound(t.path[len(t.path)-2])
	case t.e == nil && s.full(1):
		return s.quotaFull()
	case t.e != nil && t.e.ref != nil:
		return failf(http.StatusBadRequest, "BadRequest", "'%s' is a reference: change the object it refers to", t.name())
	}
	if id, ok := body["id"]; ok && t.e != nil && idOf(t.e.val.obj) != "" && id != any(idOf(t.e.val.obj)) {
		return failf(http.StatusBadRequest, "Request_BadRequest", "Property 'id' is read-only and cannot be set.")
	}
	return nil
}

// idOf is the string id of obj, "" when it has none.
func idOf(obj map[string]any) string {
	id, _ := obj["id"].(string)
	return id
}

// serveDelete removes the item or single value at q's path and everything
// stored below it.
func (s *Store) serveDelete(w http.ResponseWriter, q *request) {
	s.mu.Lock()
	err := s.remove(q)
	s.mu.Unlock()
	if err != nil {
		writeFailure(w, err)
		return
	}
	w.WriteHeader(q.c.status())
}

// remove removes the item or single value at q's path and everything
// stored below it. The caller holds s.mu for writing.
func (s *Store) remove(q *request) error {
	t := s.locate(q)
	switch {
	case t.e == nil:
		return notFound(t.name())
	case t.coll != nil:
		s.removeItem(t.path[:len(t.path)-1], t.coll, t.e.id)
	default:
		s.removeSlot(t.path)
	}
	return nil
}
