package graphtest

import (
	"net/http"
)

// serveAddRef adds the reference the body names ({"@odata.id": URL}) to
// the collection at q's path (POST), or sets the single-valued
// navigation at q's path to it (PUT). The object referred to must exist.
func (s *Store) serveAddRef(w http.ResponseWriter, q *request) {
	body, err := readObject(q.r)
	if err != nil {
		writeFailure(w, err)
		return
	}
	id, _ := body["@odata.id"].(string)
	if id == "" {
		writeFailure(w, failf(http.StatusBadRequest, "BadRequest", "A reference body needs \"@odata.id\", the URL of the object to refer to, as a non-empty string."))
		return
	}
	target, err := refTarget(id)
	if err == nil {
		s.mu.Lock()
		err = s.addRef(q, target)
		s.mu.Unlock()
	}
	if err != nil {
		writeFailure(w, err)
		return
	}
	w.WriteHeader(q.c.status())
}

// addRef stores a reference to target at q's path. The caller holds s.mu
// for writing.
func (s *Store) addRef(q *request, target []string) error {
	path := s.canonical(q.segs)
	if !s.parentExists(path) {
		return notFound(path[len(path)-2])
	}
	_, at, ok := s.lookupRef(target)
	if !ok {
		return notFound(target[len(target)-1])
	}
	e := &entry{id: at[len(at)-1], ref: at}
	if q.r.Method == http.MethodPut {
		if s.colls[joinPath(path)] != nil {
			return failf(http.StatusBadRequest, "BadRequest", "'%s' is a collection: POST a reference to it", path[len(path)-1])
		}
		if s.slots[joinPath(path)] == nil && s.full(1) {
			return s.quotaFull()
		}
		s.setSlot(path, e)
		return nil
	}
	if s.slots[joinPath(path)] != nil {
		return failf(http.StatusBadRequest, "BadRequest", "'%s' is a single-valued navigation: PUT its reference", path[len(path)-1])
	}
	if c := s.collection(path, false); c != nil && c.byID[e.id] != nil {
		return failf(http.StatusBadRequest, "Request_BadRequest", "One or more added object references already exist for the following modified properties: '%s'.", path[len(path)-1])
	}
	if s.full(1) {
		return s.quotaFull()
	}
	s.add(s.collection(path, true), e)
	return nil
}

// serveRemoveRef removes a reference: the one $id names from the
// collection at q's path, else the item or single value at q's path.
func (s *Store) serveRemoveRef(w http.ResponseWriter, q *request) {
	var target []string
	var err error
	if q.query.refID != "" {
		target, err = refTarget(q.query.refID)
	}
	if err == nil {
		s.mu.Lock()
		err = s.removeRef(q, target)
		s.mu.Unlock()
	}
	if err != nil {
		writeFailure(w, err)
		return
	}
	w.WriteHeader(q.c.status())
}

// removeRef removes the reference to target from the collection at q's
// path, or with target nil the item or single value at q's path. The
// caller holds s.mu for writing.
func (s *Store) removeRef(q *request, target []string) error {
	if target == nil {
		return s.remove(q)
	}
	path := s.canonical(q.segs)
	key := target[len(target)-1]
	if _, at, ok := s.lookupRef(target); ok {
		key = at[len(at)-1]
	}
	c := s.colls[joinPath(path)]
	if c == nil || c.byID[key] == nil {
		return notFound(key)
	}
	s.removeItem(path, c, key)
	return nil
}
