package graphtest

// link records the reference e under the path it refers to, so that
// removing the object referred to removes e.
func (s *Store) link(e *entry) {
	if e == nil || e.ref == nil {
		return
	}
	key := joinPath(e.ref)
	if s.refs[key] == nil {
		s.refs[key] = map[*entry]bool{}
	}
	s.refs[key][e] = true
}

// unlink forgets the reference e.
func (s *Store) unlink(e *entry) {
	if e == nil || e.ref == nil {
		return
	}
	key := joinPath(e.ref)
	delete(s.refs[key], e)
	if len(s.refs[key]) == 0 {
		delete(s.refs, key)
	}
}

// dropReferrers removes the references to the item or slot at key, which
// is gone.
func (s *Store) dropReferrers(key string) {
	for e := range s.refs[key] {
		if c := s.colls[e.home]; c != nil && c.byID[e.id] == e {
			c.drop(e)
			s.n--
		} else if s.slots[e.home] == e {
			delete(s.slots, e.home)
			s.unregister(e.home)
			s.n--
		}
	}
	delete(s.refs, key)
}
