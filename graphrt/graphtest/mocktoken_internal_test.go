package graphtest

import (
	"reflect"
	"strconv"
	"testing"
)

// TestReadTokenCached: a cached reading is readToken's, for good and
// malformed tokens alike, read again after the cache started over, and
// the cache never holds more than tokenCacheSize tokens.
func TestReadTokenCached(t *testing.T) {
	tokens := []string{"opaque", "a.b.c", TestToken("app")}
	for i := range tokenCacheSize + 10 {
		tokens = append(tokens, TestToken(DelegatedWork, "Perm"+strconv.Itoa(i)))
	}
	for round := range 2 {
		for _, tok := range tokens {
			wantInfo, wantErr := readToken(tok)
			info, err := readTokenCached(tok)
			if !reflect.DeepEqual(info, wantInfo) || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
				t.Fatalf("round %d: readTokenCached(%.20q) = %+v, %v; readToken says %+v, %v", round, tok, info, err, wantInfo, wantErr)
			}
			if n := len(tokenCache.m); n > tokenCacheSize {
				t.Fatalf("the cache holds %d tokens, more than %d", n, tokenCacheSize)
			}
		}
	}
}
