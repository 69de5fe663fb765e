package graphtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// listed is one object of a listing and the path it is stored at (for a
// reference, its target's).
type listed struct {
	val  *value
	path []string
}

// page is one page of a listing.
type page struct {
	items []listed
	total int        // matches in the whole collection, when $count or $orderby asked for them
	next  *skipToken // nil on the last page
}

// serveList answers a collection: its items (references resolved, those
// dangling skipped) filtered, ordered, projected and paged.
func (s *Store) serveList(w http.ResponseWriter, q *request) {
	s.answerList(w, q, func(l listed) ([]byte, error) { return encodeValue(l.val, q.query.selects) })
}

// serveListRefs answers the references of a collection as
// {"value":[{"@odata.id": URL}]}, or of a single-valued navigation as
// {"@odata.id": URL}.
func (s *Store) serveListRefs(w http.ResponseWriter, q *request) {
	if ref, ok, err := s.slotRef(q); ok || err != nil {
		if err != nil {
			writeFailure(w, err)
			return
		}
		writeJSON(w, q.c.status(), map[string]string{"@odata.id": q.absolute(ref)})
		return
	}
	s.answerList(w, q, func(l listed) ([]byte, error) {
		return json.Marshal(map[string]string{"@odata.id": q.absolute(l.path)})
	})
}

// slotRef returns the path referred to by the single value at q's path,
// with ok set, when no collection but a single value is stored there.
func (s *Store) slotRef(q *request) ([]string, bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	path := s.canonical(q.segs)
	key := joinPath(path)
	e := s.slots[key]
	if s.colls[key] != nil || e == nil {
		return nil, false, nil
	}
	_, at, ok := s.resolve(e)
	if !ok || at == nil {
		return nil, true, notFound(path[len(path)-1])
	}
	return at, true, nil
}

// answerList writes the page q asks for, each listed object encoded by
// item: {"@odata.count": N, "@odata.nextLink": URL, "value": [...]}.
func (s *Store) answerList(w http.ResponseWriter, q *request, item func(listed) ([]byte, error)) {
	p, err := s.list(q)
	if err != nil {
		writeFailure(w, err)
		return
	}
	var b bytes.Buffer
	b.WriteByte('{')
	if q.query.count {
		b.WriteString(`"@odata.count":` + strconv.Itoa(p.total) + ",")
	}
	if p.next != nil {
		link, _ := json.Marshal(nextLink(q, *p.next))
		b.WriteString(`"@odata.nextLink":` + string(link) + ",")
	}
	b.WriteString(`"value":[`)
	for i, l := range p.items {
		data, err := item(l)
		if err != nil {
			writeFailure(w, err)
			return
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(data)
	}
	b.WriteString("]}")
	writeRaw(w, q.c.status(), b.Bytes())
}

// serveCount answers the number of items of a collection that pass
// $filter, as text.
func (s *Store) serveCount(w http.ResponseWriter, q *request) {
	n := 0
	err := s.inCollection(q, func(c *collection, path []string) {
		s.scan(c, path, 0, q.query.filter, func(*entry, listed) bool { n++; return true })
	})
	if err != nil {
		writeFailure(w, err)
		return
	}
	writeText(w, q.c.status(), strconv.Itoa(n))
}

// inCollection calls fn with the collection at q's path (empty when none
// is stored) under the read lock; a missing parent item is a 404.
func (s *Store) inCollection(q *request, fn func(c *collection, path []string)) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	path := s.canonical(q.segs)
	c := s.colls[joinPath(path)]
	if c == nil && !s.parentExists(path) {
		return notFound(path[len(path)-2])
	}
	if c == nil {
		c = &collection{}
	}
	fn(c, path)
	return nil
}

// scan calls fn for each live entry of c from index from on whose object
// (a reference's target; dangling ones skipped) passes filter, in
// insertion order, until fn returns false. The caller holds s.mu.
func (s *Store) scan(c *collection, path []string, from int, filter filterNode, fn func(*entry, listed) bool) {
	for _, e := range c.items[from:] {
		if e.gone {
			continue
		}
		val, at, ok := s.resolve(e)
		if !ok || filter != nil && !matches(filter, val.obj) {
			continue
		}
		if at == nil {
			at = append(path[:len(path):len(path)], e.id)
		}
		if !fn(e, listed{val: val, path: at}) {
			return
		}
	}
}

// list returns the page of the collection at q's path that q asks for.
func (s *Store) list(q *request) (*page, error) {
	qo := q.query
	size := qo.top
	if size == 0 {
		size = s.opt.PageSize
	}
	if len(qo.orderBy) > 0 {
		return s.listSorted(q, size)
	}
	p := &page{}
	err := s.inCollection(q, func(c *collection, path []string) {
		s.pageInOrder(c, path, qo, size, p)
	})
	return p, err
}

// pageInOrder fills p with one page of c in insertion order: the page
// starts after the entry the $skiptoken names, or after $skip matches;
// the next one after its last entry, so that items added or removed
// between pages shift nothing. The caller holds s.mu.
func (s *Store) pageInOrder(c *collection, path []string, qo *queryOptions, size int, p *page) {
	from, skip := 0, qo.skip
	if qo.lexToken != nil {
		from, skip = c.after(qo.lexToken.after), 0
	}
	start := from
	if qo.count {
		start = 0 // every match counts
	}
	var last uint64
	s.scan(c, path, start, qo.filter, func(e *entry, l listed) bool {
		p.total++
		switch {
		case qo.lexToken != nil && e.seq <= qo.lexToken.after:
		case skip > 0:
			skip--
		case len(p.items) < size:
			p.items, last = append(p.items, l), e.seq
		default:
			p.next = &skipToken{after: last}
			return qo.count
		}
		return true
	})
}

// listSorted returns one page of the collection at q's path in $orderby
// order; the $skiptoken holds the offset of the page.
func (s *Store) listSorted(q *request, size int) (*page, error) {
	qo := q.query
	var all []listed
	err := s.inCollection(q, func(c *collection, path []string) {
		s.scan(c, path, 0, qo.filter, func(_ *entry, l listed) bool { all = append(all, l); return true })
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(all, func(a, b listed) int { return compareByKeys(a.val.obj, b.val.obj, qo.orderBy) })
	offset := qo.skip
	if qo.lexToken != nil {
		offset = qo.lexToken.offset
	}
	p := &page{total: len(all)}
	offset = min(offset, len(all))
	end := min(offset+size, len(all))
	p.items = all[offset:end]
	if end < len(all) {
		p.next = &skipToken{offset: end, sorted: true}
	}
	return p, nil
}

// compareByKeys orders two objects by the $orderby keys.
func compareByKeys(a, b map[string]any, keys []orderKey) int {
	for _, k := range keys {
		m := member{path: k.path}
		c := orderValues(m.eval(a), m.eval(b))
		if k.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// orderValues orders any two values: null first, then booleans, numbers,
// strings (case ignored) and other values, which are equal.
func orderValues(a, b any) int {
	ra, rb := rank(a), rank(b)
	if ra != rb || ra == 0 || ra == 4 {
		return ra - rb
	}
	c, _ := compareValues(a, b)
	return c
}

// rank is the place of v's type in orderValues.
func rank(v any) int {
	switch v.(type) {
	case nil:
		return 0
	case bool:
		return 1
	case float64:
		return 2
	case string:
		return 3
	}
	return 4
}

// nextLink is the absolute URL of the page at t: the request's own URL
// with its query options, $skip and $skiptoken replaced by t.
func nextLink(q *request, t skipToken) string {
	var b strings.Builder
	b.WriteString(q.origin + q.r.URL.EscapedPath() + "?")
	for _, o := range q.opts {
		if o.name != "$skiptoken" && o.name != "$skip" {
			b.WriteString(o.raw + "&")
		}
	}
	b.WriteString("$skiptoken=" + t.String())
	return b.String()
}
