package graphtest

import (
	"net/http"
	"net/url"
	"strings"
)

// request is one request to the store, parsed: its resource path and
// query options.
type request struct {
	r      *http.Request
	c      Call
	segs   []string // resource path: no version, /me replaced, key forms split, no trailing $ref or $count
	fromMe bool     // the path started with /me
	origin string   // scheme://host of the request
	base   string   // origin plus the version segment, when the request had one: the root of absolute URLs
	self   string   // the escaped request path without a trailing /$ref or /$count
	opts   []option // query options in request order
	query  *queryOptions
}

// versions are the path segments that name an API version; both versions
// see one tenant.
var versions = map[string]bool{"v1.0": true, "beta": true}

// parseRequest reads the resource path and query options of r.
func parseRequest(r *http.Request, c Call) (*request, error) {
	q := &request{r: r, c: c, origin: origin(r)}
	q.base = q.origin
	raw := strings.TrimPrefix(r.URL.EscapedPath(), "/")
	raw = strings.TrimSuffix(raw, "/")
	if v, _, _ := strings.Cut(raw, "/"); versions[v] {
		q.base += "/" + v
	}
	segs, err := pathSegments(raw)
	if err != nil {
		return nil, err
	}
	segs, raw = dropSuffix(segs, raw, c.Behavior)
	q.self = "/" + raw
	if q.segs, q.fromMe, err = replaceMe(segs, c.Me); err != nil {
		return nil, err
	}
	if len(q.segs) == 0 {
		return nil, failf(http.StatusBadRequest, "BadRequest", "the request names no resource")
	}
	q.opts, err = parseOptions(r.URL.RawQuery)
	return q, err
}

// origin is the scheme and host r was sent to, for the absolute URLs the
// mock writes (next links, Location, redirects).
func origin(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// dropSuffix removes the trailing $ref of a reference behaviour and the
// trailing $count of Count from segs and from the escaped path raw.
func dropSuffix(segs []string, raw string, b Behavior) ([]string, string) {
	suffix := ""
	switch b {
	case AddRef, RemoveRef, ListRefs:
		suffix = "$ref"
	case Count:
		suffix = "$count"
	}
	if n := len(segs); suffix != "" && n > 0 && segs[n-1] == suffix {
		return segs[:n-1], strings.TrimSuffix(strings.TrimSuffix(raw, suffix), "/")
	}
	return segs, raw
}

// pathSegments splits an escaped path (no leading slash) into unescaped
// segments, dropping a first segment that names a version and splitting
// OData key forms: users('x') and users(id='x') are users, x.
func pathSegments(raw string) ([]string, error) {
	if raw == "" {
		return nil, nil
	}
	parts := strings.Split(raw, "/")
	if versions[parts[0]] {
		parts = parts[1:]
	}
	segs := make([]string, 0, len(parts)+1)
	for _, p := range parts {
		seg, err := url.PathUnescape(p)
		if err != nil || seg == "" {
			return nil, failf(http.StatusBadRequest, "BadRequest", "the path segment %q is not a valid segment", p)
		}
		if name, key, ok := keyForm(seg); ok {
			segs = append(segs, name, key)
			continue
		}
		segs = append(segs, seg)
	}
	return segs, nil
}

// keyForm splits a segment in OData key form, name('key') or
// name(id='key'), a quote inside doubled, into name and key.
func keyForm(seg string) (name, key string, ok bool) {
	open := strings.IndexByte(seg, '(')
	if open <= 0 || !strings.HasSuffix(seg, ")") {
		return "", "", false
	}
	inner := strings.TrimPrefix(seg[open+1:len(seg)-1], "id=")
	if len(inner) < 2 || inner[0] != '\'' || inner[len(inner)-1] != '\'' {
		return "", "", false
	}
	body := inner[1 : len(inner)-1]
	if strings.ReplaceAll(body, "''", "") != strings.ReplaceAll(body, "'", "") {
		return "", "", false // a lone quote: not one literal
	}
	return seg[:open], strings.ReplaceAll(body, "''", "'"), true
}

// replaceMe turns a path starting with me into users/{me}: /me requires a
// delegated token, whose user me is.
func replaceMe(segs []string, me string) ([]string, bool, error) {
	if len(segs) == 0 || segs[0] != "me" {
		return segs, false, nil
	}
	if me == "" {
		return nil, false, failf(http.StatusBadRequest, "BadRequest", "/me request is only valid with delegated authentication flow.")
	}
	return append([]string{"users", me}, segs[1:]...), true, nil
}

// refTarget reads the path of the object a reference names: an absolute
// Graph URL or a path relative to the version root.
func refTarget(ref string) ([]string, error) {
	raw := ref
	if u, err := url.Parse(ref); err == nil && u.IsAbs() {
		raw = u.EscapedPath()
	} else if err != nil {
		return nil, failf(http.StatusBadRequest, "BadRequest", "the reference %q is not a URL", ref)
	}
	raw, _, _ = strings.Cut(raw, "?")
	segs, err := pathSegments(strings.Trim(raw, "/"))
	if err != nil || len(segs) < 2 {
		return nil, failf(http.StatusBadRequest, "BadRequest", "the reference %q does not name an object: expected a URL like https://graph.microsoft.com/v1.0/directoryObjects/{id}", ref)
	}
	return segs, nil
}

// joinPath spells segs as one store key: segments joined by "/", with "%"
// and "/" inside a segment escaped.
func joinPath(segs []string) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(escapeSegment(s))
	}
	return b.String()
}

// splitPath is the inverse of joinPath.
func splitPath(p string) ([]string, error) {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		seg, err := url.PathUnescape(s)
		if err != nil || seg == "" {
			return nil, failf(http.StatusBadRequest, "BadRequest", "%q is not a path: segment %d is empty or badly escaped", p, i+1)
		}
		parts[i] = seg
	}
	return parts, nil
}

// absolute is the URL of the store path segs, on the request's origin and
// version.
func (q *request) absolute(segs []string) string {
	var b strings.Builder
	b.WriteString(q.base)
	for _, s := range segs {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(s))
	}
	return b.String()
}
