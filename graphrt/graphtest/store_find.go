package graphtest

import "strings"

// item returns the collection at path[:len(path)-1] and its entry keyed
// path[len(path)-1] (nil when there is none). In the collection "users", a
// key that is no stored id also matches a userPrincipalName, case
// ignored, as Graph accepts /users/{id | userPrincipalName}.
func (s *Store) item(path []string) (*collection, *entry) {
	if len(path) < 2 {
		return nil, nil
	}
	c := s.colls[joinPath(path[:len(path)-1])]
	if c == nil {
		return nil, nil
	}
	key := path[len(path)-1]
	if e := c.byID[key]; e != nil || len(path) != 2 || path[0] != "users" {
		return c, e
	}
	return c, byPrincipalName(c, key)
}

// byPrincipalName returns the live entry of c whose userPrincipalName is
// upn, case ignored.
func byPrincipalName(c *collection, upn string) *entry {
	for _, e := range c.items {
		if e.val == nil {
			continue
		}
		if name, ok := e.val.obj["userPrincipalName"].(string); ok && !e.gone && strings.EqualFold(name, upn) {
			return e
		}
	}
	return nil
}

// isItem reports whether path names an item of a collection rather than a
// single value, as shape says or, for ShapeAuto, as inferred: an item
// when a collection is stored at the parent path, or when the path is an
// entity set and a key with no single value stored at it.
func (s *Store) isItem(path []string, shape Shape) bool {
	switch {
	case shape == ShapeItem:
		return len(path) >= 2
	case shape == ShapeSlot || len(path) < 2:
		return false
	case s.colls[joinPath(path[:len(path)-1])] != nil:
		return true
	}
	return len(path) == 2 && s.slots[joinPath(path)] == nil
}

// parentExists reports whether the item that the collection or single
// value at path belongs to (users/u1 for users/u1/messages) is stored.
// Only an item of a stored collection can be missing: a path below a
// singleton (admin/sharepoint/settings, deviceManagement/managedDevices)
// always has its parent, as Graph always has its singletons.
func (s *Store) parentExists(path []string) bool {
	if len(path) < 3 || s.colls[joinPath(path[:len(path)-2])] == nil {
		return true
	}
	_, e := s.item(path[:len(path)-1])
	return e != nil
}

// canonical returns path with a userPrincipalName in users/{upn}/...
// replaced by the user's id, so that what is stored below a user has one
// path.
func (s *Store) canonical(path []string) []string {
	if len(path) < 3 || path[0] != "users" {
		return path
	}
	if _, e := s.item(path[:2]); e != nil && e.id != path[1] {
		out := append([]string{"users", e.id}, path[2:]...)
		return out
	}
	return path
}

// resolve returns the object e holds, or the one its reference names
// with that object's path; ok is false for a dangling reference.
func (s *Store) resolve(e *entry) (val *value, at []string, ok bool) {
	if e == nil {
		return nil, nil, false
	}
	if e.ref == nil {
		return e.val, nil, true
	}
	return s.lookupRef(e.ref)
}

// lookupRef finds the object at the path a reference names:
// directoryObjects/{id} means the item {id} of any root collection (the
// first in name order that has it), any other path that item or single
// value. A reference to a reference is not followed.
func (s *Store) lookupRef(ref []string) (*value, []string, bool) {
	if len(ref) == 2 && ref[0] == "directoryObjects" && s.colls["directoryObjects"] == nil {
		for _, root := range s.roots {
			if e := s.colls[root].byID[ref[1]]; e != nil && e.ref == nil {
				return e.val, []string{root, e.id}, true
			}
		}
		return nil, nil, false
	}
	if _, e := s.item(ref); e != nil && e.ref == nil {
		return e.val, append(ref[:len(ref)-1:len(ref)-1], e.id), true
	}
	if e := s.slots[joinPath(ref)]; e != nil && e.ref == nil {
		return e.val, ref, true
	}
	return nil, nil, false
}
