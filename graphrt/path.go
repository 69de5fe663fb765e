package graphrt

import (
	"fmt"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/graphrt/internal/escape"
)

// isQuerySafe reports whether b is left unescaped in a query name or value.
func isQuerySafe(b byte) bool {
	return escape.IsUnreserved(b) || strings.IndexByte("!$'()*,/:@", b) >= 0
}

// isPathChar reports whether b may appear unescaped in an escaped path.
func isPathChar(b byte) bool {
	return escape.IsUnreserved(b) || strings.IndexByte("!$&'()*+,;=:@/", b) >= 0
}

// PathSegment escapes s for use as (part of) one path segment: it leaves the
// unreserved characters and ! $ ' ( ) * , = @ alone and percent-encodes every
// other byte, including '/', '?', '#', '%', ':', ';', '&', '+', space and
// non-ASCII; the dot segments "." and ".." are fully encoded.
func PathSegment(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return escapeBytes(s, escape.IsSegmentSafe)
}

// ODataString escapes s for use inside a quoted OData literal in a path,
// such as range(address='{x}'): single quotes are doubled and stay literal
// (they are not encoded as %27), then the result is escaped by PathSegment.
func ODataString(s string) string {
	return PathSegment(strings.ReplaceAll(s, "'", "''"))
}

// ODataLiteral makes s safe inside a quoted OData string literal in a query
// option ($filter=id eq '{x}'): single quotes are doubled; the query
// encoding is the client's.
func ODataLiteral(s string) string {
	return strings.ReplaceAll(s, "'", "''")
}

// PathSegments escapes a '/'-separated value such as a drive item path with
// PathSegment part by part, keeping the separators; empty parts (from
// leading, trailing or doubled slashes) are dropped.
func PathSegments(s string) string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' })
	for i, p := range parts {
		parts[i] = PathSegment(p)
	}
	return strings.Join(parts, "/")
}

// NonEmpty returns an error naming the first parameter whose value is
// empty; pairs are name, value, name, value... An empty id would otherwise
// address another resource: /users/ lists users instead of getting one.
func NonEmpty(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return fmt.Errorf("graph: path parameter %s is empty", pairs[i])
		}
	}
	return nil
}

// escapeBytes percent-encodes every byte of s for which safe is false.
func escapeBytes(s string, safe func(byte) bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		escape.WriteByte(&b, s[i], safe(s[i]))
	}
	return b.String()
}

// fixPath percent-encodes the bytes of an escaped path that cannot appear
// in a URL path, keeping existing escapes untouched.
func fixPath(p string) string {
	return escapeBytes(p, func(b byte) bool { return b == '%' || isPathChar(b) })
}

// encodeQuery encodes q with names sorted, '$' and other harmless
// characters kept literal and everything else percent-encoded (space as
// %20, '+' as %2B).
func encodeQuery(q map[string][]string) string {
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		for _, v := range q[name] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(escapeBytes(name, isQuerySafe))
			b.WriteByte('=')
			b.WriteString(escapeBytes(v, isQuerySafe))
		}
	}
	return b.String()
}

// joinQuery joins two raw queries with '&', skipping empty ones.
func joinQuery(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "&" + b
}
