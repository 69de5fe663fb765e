// Package naming turns Graph spellings (page ids, path segments, parameter
// names such as "{id | userPrincipalName}") into Go identifiers: word
// splitting, one initialisms table, keyword and predeclared-name checks, and
// per-scope allocation of local names.
package naming

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are written in one case in Go names (userID, ToURL).
var initialisms = map[string]bool{
	"acl": true, "api": true, "ascii": true, "cpu": true, "css": true, "dns": true,
	"eof": true, "guid": true, "html": true, "http": true, "https": true, "id": true,
	"ip": true, "json": true, "mfa": true, "os": true, "otp": true, "rpc": true,
	"saml": true, "sms": true, "smtp": true, "sql": true, "ssh": true, "tcp": true,
	"tls": true, "ttl": true, "udp": true, "ui": true, "uid": true, "upn": true,
	"uri": true, "url": true, "utc": true, "utf8": true, "uuid": true, "vm": true,
	"vpn": true, "xml": true, "xss": true,
}

// Words splits s into lower-case words at non-alphanumeric characters,
// at lower-to-upper case changes ("userPrincipalName") and before the last
// capital of a run of capitals followed by lower case ("HTTPServer").
// Digits stay with the word before them ("b2x", "v1").
func Words(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.IsUpper(r) && len(cur) > 0 {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// Title writes one word of an exported name: an initialism in upper case,
// any other word capitalised.
func Title(w string) string {
	if initialisms[w] {
		return strings.ToUpper(w)
	}
	r := []rune(w)
	if len(r) == 0 {
		return ""
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// Exported joins words into an exported Go name ("user", "id" → "UserID").
func Exported(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(Title(w))
	}
	return b.String()
}

// Unexported joins words into an unexported Go name ("user", "id" → "userID",
// "id" → "id", "url", "path" → "urlPath").
func Unexported(words []string) string {
	if len(words) == 0 {
		return ""
	}
	return strings.ToLower(words[0]) + Exported(words[1:])
}

// IsValid reports whether s can be declared as a Go identifier: it is an
// identifier, not a keyword and not a predeclared name.
func IsValid(s string) bool {
	return token.IsIdentifier(s) && !token.IsKeyword(s) && types.Universe.Lookup(s) == nil
}

// identifierBase makes want usable as the start of an identifier: other
// characters (and non-ASCII letters) are dropped, a leading digit gets a "v" before it, and nothing
// at all becomes "v".
func identifierBase(want string) string {
	var b strings.Builder
	for _, r := range want {
		if r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r) // ASCII only: names also appear in mock patterns
		}
	}
	s := b.String()
	if s == "" || unicode.IsDigit([]rune(s)[0]) {
		s = "v" + s
	}
	return s
}

// Scope allocates distinct local names within one Go function.
type Scope struct {
	used map[string]bool
}

// NewScope returns a scope in which taken names are already used.
func NewScope(taken ...string) *Scope {
	s := &Scope{used: map[string]bool{}}
	for _, t := range taken {
		s.used[t] = true
	}
	return s
}

// Name declares want (or want2, want3, ... when want is taken, a keyword or
// a predeclared name) and returns the declared name.
func (s *Scope) Name(want string) string {
	want = identifierBase(want)
	name := want
	for i := 2; s.used[name] || !IsValid(name); i++ {
		name = want + strconv.Itoa(i)
	}
	s.used[name] = true
	return name
}
