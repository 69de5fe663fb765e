// Package graphtest is the server side of graphgen's runtime, imported by
// generated mocks, tests and graphgen serve (generated clients import
// graphrt only): the Mux that routes requests and checks them as the docs
// document them (permissions with TestToken tokens, headers, bodies), the
// documented examples it answers with, injected faults, and the
// emulator's Store, which answers CRUD-shaped Graph requests from state it
// keeps in memory, with OData query options.
//
// Where Graph's documentation leaves a choice, the store takes these:
//   - /me is users/{Call.Me}; the first /me request of a user who is not
//     stored stores {"id": Me}, as Graph always has the signed-in user.
//   - Strings compare with case ignored in $filter and $orderby, as
//     Graph's directory does; $top is 1 to 999.
//   - A $skiptoken in insertion order names the last item shown, so items
//     added or removed between pages shift nothing; with $orderby it is
//     an offset. A nextLink drops $skip (the token carries the position).
//   - Deleting an object removes what is stored below its path and the
//     references to it (group memberships, a manager).
//   - A collection below an item of a stored collection needs that item
//     (404 otherwise); below a singleton (admin/sharepoint/settings) it
//     needs nothing.
//   - "@odata.id" in a create or update body is not stored.
package graphtest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// StoreOptions configures a Store.
type StoreOptions struct {
	MaxItems int              // cap on stored items (0: 100000); beyond it Create/AddRef answer 507 quotaLimitReached (Graph's documented code for a full quota)
	PageSize int              // default page size of List without $top (0: 100, as Graph's directory)
	Now      func() time.Time // clock for stamps (nil: time.Now)
}

// Store is the emulator's in-memory tenant: collections of items and
// references keyed by their resource path, and single values (singletons,
// single-valued navigations) at theirs. It is safe for concurrent use and
// holds at most MaxItems items and references.
type Store struct {
	opt   StoreOptions
	mu    sync.RWMutex
	colls map[string]*collection     // collection path → its items
	slots map[string]*entry          // path of a single value → it
	kids  map[string]map[string]bool // path of an item or slot → the collection and slot paths directly below it
	roots []string                   // the one-segment collection paths, sorted: where directoryObjects/{id} is looked for
	refs  map[string]map[*entry]bool // path of an item or slot → the references to it
	n     int                        // items, references and slots stored
	seq   uint64                     // last insertion sequence number
	ids   uint64                     // last generated id
}

// entry is one stored item, reference or single value.
type entry struct {
	id   string
	seq  uint64
	val  *value   // the object; nil for a reference
	ref  []string // the path referred to, for a reference
	home string   // the key of the collection or single value that holds the entry
	gone bool     // removed from its collection, which has not been compacted yet
}

// value is a stored object. It never changes once stored (an update
// stores a new value), so a reader may use it after the lock is
// released; its JSON encoding is made once, when first asked for.
type value struct {
	obj  map[string]any
	once sync.Once
	json []byte
	err  error
}

// newValue returns obj as a stored value; obj must not change after.
func newValue(obj map[string]any) *value { return &value{obj: obj} }

// encoded returns the JSON encoding of v, members sorted.
func (v *value) encoded() ([]byte, error) {
	v.once.Do(func() { v.json, v.err = json.Marshal(v.obj) })
	return v.json, v.err
}

// collection holds the entries of one collection path in insertion order.
type collection struct {
	key   string
	items []*entry // ascending seq; entries with gone set are holes
	byID  map[string]*entry
	holes int
}

// NewStore returns an empty store configured by opt.
func NewStore(opt StoreOptions) *Store {
	if opt.MaxItems <= 0 {
		opt.MaxItems = 100000
	}
	if opt.PageSize <= 0 {
		opt.PageSize = 100
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Store{opt: opt, colls: map[string]*collection{}, slots: map[string]*entry{}, kids: map[string]map[string]bool{}, refs: map[string]map[*entry]bool{}}
}

// Len returns the number of items, references and single values stored.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.n
}

// full reports whether k more entries would pass the cap.
func (s *Store) full(k int) bool { return s.n+k > s.opt.MaxItems }

// newID returns the next generated id not used in c: UUID-shaped and
// counted per store, so that a test's dumps are reproducible.
func (s *Store) newID(c *collection) string {
	for {
		s.ids++
		id := fmt.Sprintf("00000000-0000-4000-8000-%012x", s.ids)
		if c == nil || c.byID[id] == nil {
			return id
		}
	}
}

// collection returns the collection at path, creating it when create is
// set (and nil otherwise when there is none).
func (s *Store) collection(path []string, create bool) *collection {
	key := joinPath(path)
	c := s.colls[key]
	if c == nil && create {
		c = &collection{key: key, byID: map[string]*entry{}}
		s.colls[key] = c
		s.register(key)
		if len(path) == 1 {
			s.addRoot(key)
		}
	}
	return c
}

// register records the container at key below its parent item or
// slot, so that removing the parent removes it.
func (s *Store) register(key string) {
	parent, ok := parentKey(key)
	if !ok {
		return
	}
	if s.kids[parent] == nil {
		s.kids[parent] = map[string]bool{}
	}
	s.kids[parent][key] = true
}

// unregister forgets the container at key below its parent.
func (s *Store) unregister(key string) {
	parent, ok := parentKey(key)
	if !ok {
		return
	}
	delete(s.kids[parent], key)
	if len(s.kids[parent]) == 0 {
		delete(s.kids, parent)
	}
}

// parentKey is the store key of the parent of key, if it has one.
func parentKey(key string) (string, bool) {
	i := strings.LastIndexByte(key, '/')
	if i < 0 {
		return "", false
	}
	return key[:i], true
}

// add appends e to c, giving it the next sequence number.
func (s *Store) add(c *collection, e *entry) {
	s.seq++
	e.seq, e.home = s.seq, c.key
	c.items = append(c.items, e)
	c.byID[e.id] = e
	s.n++
	s.link(e)
}

// setSlot stores e as the single value at path, replacing any there;
// what is stored below the path stays.
func (s *Store) setSlot(path []string, e *entry) {
	key := joinPath(path)
	if old := s.slots[key]; old != nil {
		s.unlink(old)
	} else {
		s.n++
		s.register(key)
	}
	s.seq++
	e.seq, e.home = s.seq, key
	s.slots[key] = e
	s.link(e)
}

// removeItem removes the entry id of the collection at path, everything
// stored below it and the references to it.
func (s *Store) removeItem(path []string, c *collection, id string) {
	e := c.byID[id]
	c.drop(e)
	s.n--
	s.unlink(e)
	s.forget(joinPath(path) + "/" + escapeSegment(id))
}

// removeSlot removes the single value at path, everything below it and
// the references to it.
func (s *Store) removeSlot(path []string) {
	key := joinPath(path)
	s.unlink(s.slots[key])
	delete(s.slots, key)
	s.n--
	s.unregister(key)
	s.forget(key)
}

// forget removes what is stored below the item or slot at key, which is
// gone, and the references to it, as Graph removes a deleted user from
// its groups.
func (s *Store) forget(key string) {
	s.removeBelow(key)
	s.dropReferrers(key)
}

// removeBelow removes the collections and slots stored below the item or
// slot at key, recursively.
func (s *Store) removeBelow(key string) {
	for child := range s.kids[key] {
		if c := s.colls[child]; c != nil {
			for _, e := range c.items {
				if !e.gone {
					s.n--
					s.unlink(e)
					s.forget(child + "/" + escapeSegment(e.id))
				}
			}
			delete(s.colls, child)
			continue
		}
		s.unlink(s.slots[child])
		delete(s.slots, child)
		s.n--
		s.forget(child)
	}
	delete(s.kids, key)
}

// drop marks e removed from c, compacting c when most of it is holes.
func (c *collection) drop(e *entry) {
	delete(c.byID, e.id)
	e.gone = true
	c.holes++
	if c.holes > 32 && c.holes > len(c.items)/2 {
		c.compact()
	}
}

// compact drops the holes of c.
func (c *collection) compact() {
	live := c.items[:0]
	for _, e := range c.items {
		if !e.gone {
			live = append(live, e)
		}
	}
	clear(c.items[len(live):])
	c.items, c.holes = live, 0
}

// after returns the index of the first entry of c inserted after seq.
func (c *collection) after(seq uint64) int {
	return sort.Search(len(c.items), func(i int) bool { return c.items[i].seq > seq })
}

// escapeSegment escapes "%" and "/" in one segment of a store key.
func escapeSegment(s string) string {
	if !strings.ContainsAny(s, "%/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "%", "%25"), "/", "%2F")
}

// addRoot records the root collection key in s.roots, keeping it sorted.
func (s *Store) addRoot(key string) {
	i := sort.SearchStrings(s.roots, key)
	s.roots = append(s.roots, "")
	copy(s.roots[i+1:], s.roots[i:])
	s.roots[i] = key
}
