// Package escape holds the byte classes and path normalisation shared by
// graphrt's client and graphtest's mock server.
package escape

import "strings"

const upperhex = "0123456789ABCDEF"

// IsUnreserved reports whether b is an RFC 3986 unreserved character.
func IsUnreserved(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return b == '-' || b == '.' || b == '_' || b == '~'
}

// IsSegmentSafe reports whether b is left unescaped by PathSegment.
// Besides the unreserved characters these are the sub-delims that carry
// no meaning inside a Graph path segment; ':', ';', '&' and '+' are not
// among them because Graph (root:/path:/) or intermediaries treat them
// specially.
func IsSegmentSafe(b byte) bool {
	return IsUnreserved(b) || strings.IndexByte("!$'()*,=@", b) >= 0
}

// WriteByte writes c literally when keep is set and as %XX otherwise.
func WriteByte(b *strings.Builder, c byte, keep bool) {
	if keep {
		b.WriteByte(c)
		return
	}
	b.WriteByte('%')
	b.WriteByte(upperhex[c>>4])
	b.WriteByte(upperhex[c&15])
}

// Canonical normalises an escaped path so that equivalent spellings
// compare equal: escapes of segment-safe bytes are decoded, other escapes
// are upper-cased, structural characters (/ : ; & +) stay literal and any
// other byte that needs escaping is escaped.
func Canonical(p string) string {
	var b strings.Builder
	b.Grow(len(p))
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '%' && i+2 < len(p) && IsHex(p[i+1]) && IsHex(p[i+2]) {
			c = Unhex(p[i+1])<<4 | Unhex(p[i+2])
			i += 2
			WriteByte(&b, c, IsSegmentSafe(c))
			continue
		}
		WriteByte(&b, c, IsSegmentSafe(c) || strings.IndexByte("/:;&+", c) >= 0)
	}
	return b.String()
}

// IsHex reports whether c is a hexadecimal digit.
func IsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// Unhex returns the value of the hexadecimal digit c.
func Unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
