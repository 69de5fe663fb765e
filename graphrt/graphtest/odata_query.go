package graphtest

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// option is one query option of a request.
type option struct {
	name  string // unescaped; lower case when it starts with "$"
	value string // unescaped
	raw   string // name=value as the request wrote it
}

// queryOptions are the OData query options the store applies.
type queryOptions struct {
	filter   filterNode
	orderBy  []orderKey
	selects  map[string]bool // lower-case member names; nil: every member
	top      int             // 0: not given
	skip     int
	count    bool
	lexToken *skipToken // nil: first page
	refID    string     // $id of a RemoveRef
	ignored  []string   // the $ options given that this behaviour does not apply
}

// orderKey is one key of $orderby.
type orderKey struct {
	path []string
	desc bool
}

// applied lists, per behaviour, the query options the store applies.
var applied = map[Behavior][]string{
	List:      {"$filter", "$orderby", "$select", "$top", "$skip", "$count", "$skiptoken"},
	ListRefs:  {"$filter", "$orderby", "$top", "$skip", "$count", "$skiptoken"},
	Count:     {"$filter"},
	Get:       {"$select"},
	RemoveRef: {"$id"},
}

// parseOptions splits a raw query string into options.
func parseOptions(rawQuery string) ([]option, error) {
	var opts []option
	for raw := range strings.SplitSeq(rawQuery, "&") {
		if raw == "" {
			continue
		}
		k, v, _ := strings.Cut(raw, "=")
		name, err1 := url.QueryUnescape(k)
		value, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			return nil, failf(http.StatusBadRequest, "BadRequest", "the query option %q is badly escaped", raw)
		}
		if strings.HasPrefix(name, "$") {
			name = strings.ToLower(name)
		}
		opts = append(opts, option{name: name, value: value, raw: raw})
	}
	return opts, nil
}

// parseQuery reads the query options of q that its behaviour applies and
// lists the other $ options as ignored.
func parseQuery(q *request) (*queryOptions, error) {
	qo := &queryOptions{}
	seen := map[string]bool{}
	for _, o := range q.opts {
		if !strings.HasPrefix(o.name, "$") {
			continue
		}
		if seen[o.name] {
			return nil, failf(http.StatusBadRequest, "BadRequest", "Query option '%s' was specified more than once, but it must be specified at most once.", o.name)
		}
		seen[o.name] = true
		if !slices.Contains(applied[q.c.Behavior], o.name) {
			qo.ignored = append(qo.ignored, o.name)
			continue
		}
		if err := qo.set(o); err != nil {
			return nil, err
		}
	}
	slices.Sort(qo.ignored)
	return qo, nil
}

// set applies the option o.
func (qo *queryOptions) set(o option) error {
	var err error
	switch o.name {
	case "$filter":
		qo.filter, err = parseFilter(o.value)
	case "$orderby":
		qo.orderBy, err = parseOrderBy(o.value)
	case "$select":
		qo.selects = parseSelect(o.value)
	case "$top":
		qo.top, err = parseTop(o.value)
	case "$skip":
		qo.skip, err = parseCount("$skip", o.value)
	case "$count":
		qo.count, err = parseBool(o.value)
	case "$skiptoken":
		qo.lexToken, err = parseSkipToken(o.value)
	case "$id":
		qo.refID = o.value
	}
	if err != nil {
		if _, ok := err.(*failure); !ok {
			err = failf(http.StatusBadRequest, "BadRequest", "%s", err.Error())
		}
	}
	return err
}

// parseTop reads $top: a page size from 1 to 999, as Graph's directory.
func parseTop(v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 999 {
		return 0, failf(http.StatusBadRequest, "BadRequest", "Invalid page size specified: '%s'. Must be between 1 and 999 inclusive.", v)
	}
	return n, nil
}

// parseCount reads a non-negative integer option.
func parseCount(name, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, failf(http.StatusBadRequest, "BadRequest", "Invalid value '%s' for query option '%s': a non-negative integer is expected.", v, name)
	}
	return n, nil
}

// parseBool reads $count: true or false.
func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, failf(http.StatusBadRequest, "BadRequest", "Invalid value '%s' for query option '$count': true or false is expected.", v)
}

// parseSelect reads $select: comma-separated member names.
func parseSelect(v string) map[string]bool {
	names := map[string]bool{}
	for name := range strings.SplitSeq(v, ",") {
		if name = strings.TrimSpace(name); name != "" {
			names[strings.ToLower(name)] = true
		}
	}
	if len(names) == 0 {
		return nil
	}
	return names
}

// parseOrderBy reads $orderby: comma-separated "member/path [asc|desc]".
func parseOrderBy(v string) ([]orderKey, error) {
	var keys []orderKey
	for i, item := range strings.Split(v, ",") {
		fields := strings.Fields(item)
		if len(fields) == 0 || len(fields) > 2 {
			return nil, badOrderBy(v, i, "expected 'member [asc|desc]'")
		}
		key := orderKey{path: strings.Split(fields[0], "/")}
		if len(fields) == 2 {
			switch strings.ToLower(fields[1]) {
			case "desc":
				key.desc = true
			case "asc":
			default:
				return nil, badOrderBy(v, i, "the direction '"+fields[1]+"' is not asc or desc")
			}
		}
		if !validPath(key.path) {
			return nil, badOrderBy(v, i, "'"+fields[0]+"' is not a member path")
		}
		keys = append(keys, key)
	}
	return keys, nil
}

// badOrderBy is the error for the key at index i of the $orderby clause v.
func badOrderBy(v string, i int, why string) error {
	return failf(http.StatusBadRequest, "BadRequest", "Invalid $orderby clause: %s in key %d of '%s'.", why, i+1, v)
}

// validPath reports whether every segment of path is a member name.
func validPath(path []string) bool {
	for _, seg := range path {
		if identRE.FindString(seg) != seg {
			return false
		}
	}
	return true
}

// project returns obj with only the members selects names, OData
// annotations (@odata.*) kept; selects nil returns obj.
func project(obj map[string]any, selects map[string]bool) map[string]any {
	if selects == nil {
		return obj
	}
	out := make(map[string]any, len(selects)+1)
	for name, v := range obj {
		if strings.HasPrefix(name, "@odata.") || selects[strings.ToLower(name)] {
			out[name] = v
		}
	}
	return out
}

// skipToken is where the next page starts: after the entry with sequence
// number seq (insertion order), or at offset n of the sorted result
// ($orderby).
type skipToken struct {
	after  uint64
	offset int
	sorted bool
}

// String encodes t as the opaque $skiptoken value.
func (t skipToken) String() string {
	s := "a" + strconv.FormatUint(t.after, 10)
	if t.sorted {
		s = "o" + strconv.Itoa(t.offset)
	}
	return base64.RawURLEncoding.EncodeToString([]byte("graphgen:" + s))
}

// parseSkipToken decodes a $skiptoken the store wrote.
func parseSkipToken(v string) (*skipToken, error) {
	bad := failf(http.StatusBadRequest, "BadRequest", "The $skiptoken '%s' is not valid: pass the @odata.nextLink of the previous page as it is.", v)
	data, err := base64.RawURLEncoding.DecodeString(v)
	rest, ok := strings.CutPrefix(string(data), "graphgen:")
	if err != nil || !ok || len(rest) < 2 {
		return nil, bad
	}
	n, err := strconv.ParseUint(rest[1:], 10, 63)
	if err != nil || strconv.FormatUint(n, 10) != rest[1:] {
		return nil, bad
	}
	switch rest[0] {
	case 'a':
		return &skipToken{after: n}, nil
	case 'o':
		return &skipToken{offset: int(n), sorted: true}, nil
	}
	return nil, bad
}
