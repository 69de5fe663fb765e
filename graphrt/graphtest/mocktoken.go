package graphtest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// Claims of test tokens that do not depend on the kind: a work tenant, an
// application (client) id and an object id, as Microsoft Entra ID puts them
// in every Graph access token.
const (
	testTenant = "00000000-0000-0000-0000-000000000001"
	testAppID  = "00000000-0000-0000-0000-000000000002"
	testOID    = SignedInUser
)

// TestToken returns an unsigned JWT for mock tests, shaped like the access
// tokens Microsoft Entra ID issues for Graph: "idtyp" is "user" for
// DelegatedWork and DelegatedPersonal, whose "scp" claim lists perms
// (space-separated; the personal kind carries the consumer tenant in
// "tid"), and "app" for Application, whose "roles" claim lists perms and
// is left out when there are none, as Entra ID does. A mock checks such
// tokens against the operation's documented permissions; a token of
// another kind name is refused by the mock with 401 naming the kinds.
func TestToken(kind string, perms ...string) string {
	claims := map[string]any{"tid": testTenant, "appid": testAppID, "oid": testOID}
	switch kind {
	case Application:
		claims["idtyp"] = "app"
		if len(perms) > 0 {
			claims["roles"] = perms
		}
	case DelegatedWork, DelegatedPersonal:
		claims["idtyp"], claims["scp"] = "user", strings.Join(perms, " ")
		if kind == DelegatedPersonal {
			claims["tid"] = consumerTenant
		}
	default:
		claims[unknownKindClaim] = kind // readToken refuses it and says why
	}
	payload, _ := json.Marshal(claims) // strings only: cannot fail
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc.EncodeToString(payload) + "."
}

// unknownKindClaim carries the kind TestToken was given when it is not one
// of the three, for the mock to refuse the token saying so.
const unknownKindClaim = "graphrt_unknown_kind"

// tokenInfo is what a mock reads from a bearer token: its permission kind
// and the permissions it holds. Kind "" is a token the mock does not check.
type tokenInfo struct {
	kind  string
	perms []string
	oid   string // the signed-in user's object id, for delegated tokens
}

// tokenClaims are the claims of a JWT that decide its kind and permissions.
type tokenClaims struct {
	idtyp, scp, tid  string
	oid              string
	unknownKind      string
	hasIdtyp, hasScp bool
	roles            []string
	hasRoles, hasApp bool // hasApp: an appid, azp or oid claim
}

// readToken reads the kind and permissions of a bearer token. A token that
// is not a JWT (three dot-separated parts whose first is a JSON object) is
// opaque and not checked; a JWT whose claims cannot be read is an error,
// which the mock answers with 401 as Graph does.
func readToken(token string) (tokenInfo, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return tokenInfo{}, nil
	}
	var header map[string]json.RawMessage
	if b, err := decodeSegment(parts[0]); err != nil || json.Unmarshal(b, &header) != nil || header == nil {
		return tokenInfo{}, nil
	}
	payload, err := decodeSegment(parts[1])
	if err != nil {
		return tokenInfo{}, fmt.Errorf("the access token is not a valid JWT: its payload is not base64url-encoded")
	}
	c, err := readClaims(payload)
	if err != nil {
		return tokenInfo{}, fmt.Errorf("the access token is not a valid JWT: %v", err)
	}
	return c.info()
}

// decodeSegment decodes a base64url JWT segment, with or without padding.
func decodeSegment(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// readClaims decodes a JWT payload, checking the types of the claims it
// reads: "idtyp", "scp" and "tid" are strings, "roles" an array of strings
// (or null).
func readClaims(payload []byte) (c tokenClaims, err error) {
	var m map[string]json.RawMessage
	if json.Unmarshal(payload, &m) != nil || m == nil {
		return c, fmt.Errorf("its payload is not a JSON object")
	}
	if c.idtyp, c.hasIdtyp, err = stringClaim(m, "idtyp"); err != nil {
		return c, err
	}
	if c.scp, c.hasScp, err = stringClaim(m, "scp"); err != nil {
		return c, err
	}
	if c.tid, _, err = stringClaim(m, "tid"); err != nil {
		return c, err
	}
	if c.oid, _, err = stringClaim(m, "oid"); err != nil {
		return c, err
	}
	if c.unknownKind, _, err = stringClaim(m, unknownKindClaim); err != nil {
		return c, err
	}
	if raw, ok := m["roles"]; ok {
		if json.Unmarshal(raw, &c.roles) != nil {
			return c, fmt.Errorf(`claim "roles" must be an array of strings, got %s`, claimKind(raw))
		}
		c.hasRoles = true
	}
	_, appid := m["appid"]
	_, azp := m["azp"]
	_, oid := m["oid"]
	c.hasApp = appid || azp || oid
	return c, nil
}

// stringClaim returns the string claim name of m and whether it is there;
// a value that is not a string is an error.
func stringClaim(m map[string]json.RawMessage, name string) (string, bool, error) {
	raw, ok := m[name]
	if !ok {
		return "", false, nil
	}
	var s string
	if string(raw) == "null" || json.Unmarshal(raw, &s) != nil {
		return "", false, fmt.Errorf("claim %q must be a string, got %s", name, claimKind(raw))
	}
	return s, true, nil
}

// info classifies the claims as Microsoft Entra ID access tokens are:
// "idtyp" says "app" or "user" when present; otherwise a token with "scp"
// is delegated, and one without "scp" but with "roles" (even null or
// empty) or an application or object id is an application token, roles or
// not. Delegated tokens of the consumer tenant are personal accounts. A
// token with none of these claims is not checked.
func (c tokenClaims) info() (tokenInfo, error) {
	delegated := DelegatedWork
	if c.tid == consumerTenant {
		delegated = DelegatedPersonal
	}
	switch {
	case c.unknownKind != "":
		return tokenInfo{}, fmt.Errorf("graphtest.TestToken was given the kind %q; it takes %s, %s or %s",
			c.unknownKind, DelegatedWork, DelegatedPersonal, Application)
	case c.hasIdtyp && c.idtyp == "app":
		return tokenInfo{kind: Application, perms: c.roles}, nil
	case c.hasIdtyp && c.idtyp != "user":
		return tokenInfo{}, fmt.Errorf(`the token's "idtyp" claim %q is neither "app" nor "user"`, c.idtyp)
	case c.hasIdtyp, c.hasScp:
		return tokenInfo{kind: delegated, perms: strings.Fields(c.scp), oid: c.oid}, nil
	case c.hasRoles, c.hasApp:
		return tokenInfo{kind: Application, perms: c.roles}, nil
	}
	return tokenInfo{}, nil
}

// claimKind names the kind of a claim's JSON value: "a string", "an
// array", ….
func claimKind(raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return "invalid JSON"
	}
	switch v.(type) {
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}

// tokenCacheSize bounds the tokens whose reading readTokenCached keeps: a
// test sends the same few tokens thousands of times.
const tokenCacheSize = 256

// tokenRead is what readToken said of a token.
type tokenRead struct {
	info tokenInfo
	err  error
}

// tokenCache holds recent readings of tokens, read-only once stored.
var tokenCache struct {
	sync.RWMutex
	m map[string]tokenRead
}

// readTokenCached is readToken, remembered for the recent tokens (the
// reading of a token never changes); when the cache is full it starts
// over.
func readTokenCached(token string) (tokenInfo, error) {
	tokenCache.RLock()
	got, ok := tokenCache.m[token]
	tokenCache.RUnlock()
	if ok {
		return got.info, got.err
	}
	info, err := readToken(token)
	tokenCache.Lock()
	if len(tokenCache.m) >= tokenCacheSize || tokenCache.m == nil {
		tokenCache.m = make(map[string]tokenRead, tokenCacheSize)
	}
	tokenCache.m[token] = tokenRead{info, err}
	tokenCache.Unlock()
	return info, err
}
