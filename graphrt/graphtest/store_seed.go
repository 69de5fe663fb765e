package graphtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// seedEntry is one entry of a seed: a collection's items or a single
// value, in file order.
type seedEntry struct {
	key    string
	path   []string
	items  []seedItem
	single bool // the value was one object, not an array: a single value
}

// seedItem is one item of a seed: an object or a reference.
type seedItem struct {
	obj map[string]any
	ref []string
}

// Load adds the state read from r to the store: a JSON object whose keys
// are collection paths (without version, with real ids) and whose values
// are arrays of objects in insertion order, or one object for a single
// value (a singleton or a single-valued navigation such as
// users/u1/manager). An object whose only member is "@odata.id" is a
// reference (to a collection path and id, relative, or an absolute Graph
// URL); the object referred to must be stored once the seed is. Items
// without "id" get one. Load adds all or nothing: an error names the
// collection, the index and the member at fault.
func (s *Store) Load(r io.Reader) error {
	seed, err := readSeed(r)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx := &loadTx{s: s, ids: s.ids}
	if err := tx.apply(seed); err != nil {
		tx.undo()
		return fmt.Errorf("seed: %w", err)
	}
	return nil
}

// readSeed decodes a seed, its entries sorted by key (parents first).
func readSeed(r io.Reader) ([]seedEntry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	top, err := decodeObject(data)
	if err != nil {
		return nil, fmt.Errorf("seed: %v (a JSON object of collection paths is expected)", err)
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range top {
			if !yield(k) {
				return
			}
		}
	})
	seed := make([]seedEntry, 0, len(keys))
	for _, k := range keys {
		e, err := readSeedEntry(k, top[k])
		if err != nil {
			return nil, fmt.Errorf("seed: %w", err)
		}
		seed = append(seed, e)
	}
	return seed, nil
}

// readSeedEntry reads the seed value v of the collection path key.
func readSeedEntry(key string, v any) (seedEntry, error) {
	path, err := splitPath(key)
	if err == nil && versions[path[0]] {
		err = fmt.Errorf("collection %q: a seed path has no version", key)
	}
	if err != nil {
		return seedEntry{}, fmt.Errorf("collection %q: not a path", key)
	}
	e := seedEntry{key: joinPath(path), path: path}
	list, ok := v.([]any)
	if obj, single := v.(map[string]any); single {
		list, ok, e.single = []any{obj}, true, true
	}
	if !ok {
		return e, fmt.Errorf("collection %q: an array of objects (or one object for a single value) is expected", key)
	}
	for i, x := range list {
		item, err := readSeedItem(x, e.single)
		if err != nil {
			return e, fmt.Errorf("collection %q, item %d: %w", key, i, err)
		}
		e.items = append(e.items, item)
	}
	return e, nil
}

// readSeedItem reads one item of a seed, or with single set the single
// value, whose "id" (if any) is a member like any other.
func readSeedItem(x any, single bool) (seedItem, error) {
	obj, ok := x.(map[string]any)
	if !ok {
		return seedItem{}, fmt.Errorf("not an object")
	}
	if id, isRef := obj["@odata.id"]; isRef && len(obj) == 1 {
		s, _ := id.(string)
		target, err := refTarget(s)
		if err != nil {
			return seedItem{}, fmt.Errorf("member \"@odata.id\": %q does not name an object", s)
		}
		return seedItem{ref: target}, nil
	}
	if _, err := bodyID(obj); err != nil && !single {
		return seedItem{}, fmt.Errorf("member \"id\": a non-empty string is expected")
	}
	return seedItem{obj: obj}, nil
}

// loadTx applies a seed to a store and can undo what it did. Its methods
// run with s.mu held for writing.
type loadTx struct {
	s       *Store
	ids     uint64 // s.ids before
	created [][]string
	added   []added
	slots   [][]string
	refs    []added
}

// added is one entry a loadTx added.
type added struct {
	path  []string
	c     *collection
	e     *entry
	index int
}

// apply adds every entry of seed, then checks that each reference added
// names a stored object.
func (tx *loadTx) apply(seed []seedEntry) error {
	for _, e := range seed {
		if err := tx.applyEntry(e); err != nil {
			return err
		}
	}
	for _, a := range tx.refs {
		_, at, ok := tx.s.lookupRef(a.e.ref)
		if !ok {
			return fmt.Errorf("collection %q, item %d: member \"@odata.id\": %q names no stored object", joinPath(a.path), a.index, joinPath(a.e.ref))
		}
		if err := a.rekey(tx.s, at); err != nil {
			return err
		}
	}
	return nil
}

// rekey makes the reference a refer to at, the path its target is stored
// at (users/{id} for directoryObjects/{id} or users/{userPrincipalName}),
// keyed by that target's id in its collection.
func (a added) rekey(s *Store, at []string) error {
	s.unlink(a.e)
	a.e.ref = at
	s.link(a.e)
	id := at[len(at)-1]
	if a.c == nil || id == a.e.id {
		return nil
	}
	if a.c.byID[id] != nil {
		return fmt.Errorf("collection %q, item %d: member \"@odata.id\": %q is already referred to in the collection", joinPath(a.path), a.index, joinPath(at))
	}
	delete(a.c.byID, a.e.id)
	a.e.id = id
	a.c.byID[id] = a.e
	return nil
}

// applyEntry adds the items or single value of e.
func (tx *loadTx) applyEntry(e seedEntry) error {
	s := tx.s
	if !s.parentExists(e.path) {
		return fmt.Errorf("collection %q: the item %q it belongs to is not stored", e.key, joinPath(e.path[:len(e.path)-1]))
	}
	if e.single {
		return tx.applySingle(e)
	}
	if s.slots[e.key] != nil {
		return fmt.Errorf("collection %q: a single value is already stored at this path", e.key)
	}
	c := s.collection(e.path, false)
	if c == nil {
		c = s.collection(e.path, true)
		tx.created = append(tx.created, e.path)
	}
	for i, item := range e.items {
		if err := tx.applyItem(e, c, i, item); err != nil {
			return err
		}
	}
	return nil
}

// applyItem adds item, at index i of e, to the collection c.
func (tx *loadTx) applyItem(e seedEntry, c *collection, i int, item seedItem) error {
	s := tx.s
	en := &entry{ref: item.ref}
	if item.ref != nil {
		en.id = item.ref[len(item.ref)-1]
	} else if en.id = idOf(item.obj); en.id == "" {
		en.id = s.newID(c)
		en.val = newValue(clonedWith(item.obj, "id", en.id))
	} else {
		en.val = newValue(item.obj)
	}
	switch {
	case c.byID[en.id] != nil:
		return fmt.Errorf("collection %q, item %d: member \"id\": %q is already stored in the collection", e.key, i, en.id)
	case s.full(1):
		return fmt.Errorf("collection %q, item %d: the store holds its cap of %d items", e.key, i, s.opt.MaxItems)
	}
	s.add(c, en)
	a := added{path: e.path, c: c, e: en, index: i}
	tx.added = append(tx.added, a)
	if en.ref != nil {
		tx.refs = append(tx.refs, a)
	}
	return nil
}

// applySingle stores the single value of e.
func (tx *loadTx) applySingle(e seedEntry) error {
	s := tx.s
	switch {
	case s.slots[e.key] != nil || s.colls[e.key] != nil:
		return fmt.Errorf("collection %q: a value is already stored at this path", e.key)
	case s.full(1):
		return fmt.Errorf("collection %q: the store holds its cap of %d items", e.key, s.opt.MaxItems)
	}
	item := e.items[0]
	en := &entry{id: idOf(item.obj), ref: item.ref}
	if item.ref == nil {
		en.val = newValue(item.obj)
	}
	s.setSlot(e.path, en)
	tx.slots = append(tx.slots, e.path)
	if en.ref != nil {
		tx.refs = append(tx.refs, added{path: e.path, e: en})
	}
	return nil
}

// undo removes what tx added, without cascades: everything stored below
// what it added, it added too.
func (tx *loadTx) undo() {
	s := tx.s
	for _, a := range tx.added {
		delete(a.c.byID, a.e.id)
		a.e.gone = true
		a.c.holes++
		s.n--
		s.unlink(a.e)
	}
	for _, a := range tx.added {
		if a.c.holes > 0 {
			a.c.compact()
		}
	}
	for _, p := range tx.slots {
		key := joinPath(p)
		s.unlink(s.slots[key])
		delete(s.slots, key)
		s.unregister(key)
		s.n--
	}
	for _, p := range tx.created {
		key := joinPath(p)
		delete(s.colls, key)
		s.unregister(key)
		if i, ok := slices.BinarySearch(s.roots, key); ok && len(p) == 1 {
			s.roots = slices.Delete(s.roots, i, i+1)
		}
	}
	s.ids = tx.ids
}

// clonedWith returns a copy of obj with the member name set to v.
func clonedWith(obj map[string]any, name string, v any) map[string]any {
	out := make(map[string]any, len(obj)+1)
	for k, x := range obj {
		out[k] = x
	}
	out[name] = v
	return out
}

// Dump writes the store's state in the format Load reads, deterministic:
// collection paths sorted, items in insertion order, members sorted;
// single values as one object, references as {"@odata.id": path}.
func (s *Store) Dump(w io.Writer) error {
	s.mu.RLock()
	var b bytes.Buffer
	err := s.dump(&b)
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// dump writes the state to b. The caller holds s.mu.
func (s *Store) dump(b *bytes.Buffer) error {
	keys := make([]string, 0, len(s.colls)+len(s.slots))
	for k := range s.colls {
		keys = append(keys, k)
	}
	for k := range s.slots {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.WriteString("{")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(",")
		}
		name, _ := json.Marshal(k)
		b.WriteString("\n  " + string(name) + ": ")
		if err := s.dumpValue(b, k); err != nil {
			return err
		}
	}
	b.WriteString("\n}\n")
	return nil
}

// dumpValue writes the collection or single value stored at key.
func (s *Store) dumpValue(b *bytes.Buffer, key string) error {
	c := s.colls[key]
	if c == nil {
		return dumpEntry(b, s.slots[key])
	}
	b.WriteString("[")
	n := 0
	for _, e := range c.items {
		if e.gone {
			continue
		}
		if n > 0 {
			b.WriteString(",")
		}
		n++
		b.WriteString("\n    ")
		if err := dumpEntry(b, e); err != nil {
			return err
		}
	}
	if n > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]")
	return nil
}

// dumpEntry writes one entry: its object, or its reference.
func dumpEntry(b *bytes.Buffer, e *entry) error {
	if e.ref != nil {
		data, err := json.Marshal(map[string]string{"@odata.id": joinPath(e.ref)})
		b.Write(data)
		return err
	}
	data, err := e.val.encoded()
	b.Write(data)
	return err
}
