package graphrt

import "context"

// TokenSource supplies the OAuth access token a Client sends as a bearer
// token; it is asked before every attempt, so it may cache a token and
// refresh it when it nears expiry, and must be safe for concurrent use.
type TokenSource interface {
	// Token returns a current access token, without the "Bearer " prefix.
	Token(ctx context.Context) (string, error)
}

// TokenFunc is a function used as a TokenSource.
type TokenFunc func(ctx context.Context) (string, error)

// Token returns f(ctx).
func (f TokenFunc) Token(ctx context.Context) (string, error) { return f(ctx) }

// StaticToken returns a TokenSource that always returns token, for tests
// and short-lived tools; real clients need a source that refreshes.
func StaticToken(token string) TokenSource { return staticToken(token) }

// staticToken is the TokenSource made by StaticToken.
type staticToken string

// Token returns the token.
func (t staticToken) Token(context.Context) (string, error) { return string(t), nil }
