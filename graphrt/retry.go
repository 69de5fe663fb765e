package graphrt

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Defaults of RetryPolicy.
const (
	defaultMaxAttempts = 4
	defaultBaseDelay   = 500 * time.Millisecond
	defaultMaxDelay    = 30 * time.Second
)

// RetryPolicy says when and how often a request is retried.
//
// A request is retried after a 429, 503 or 504 response or a transport
// error, if its method is GET, HEAD, OPTIONS, PUT or DELETE, or
// NonIdempotent is set, or WithRetry(true) was given. The wait before a
// retry is the response's Retry-After (seconds or an HTTP date) when it
// has one, else an exponential backoff with full jitter: a random time up
// to BaseDelay doubled after each attempt; both are capped at MaxDelay.
//
// When the context is done while waiting, the error returned wraps both
// the context's error and the last attempt's error (an *Error for a
// response), so errors.Is and errors.As find either. A retry that could
// not start before the context's deadline is not waited for: the last
// attempt's error is returned at once. Otherwise the last attempt's
// result is returned.
type RetryPolicy struct {
	MaxAttempts   int           // total attempts; zero or negative: 4; 1: no retries
	BaseDelay     time.Duration // first backoff ceiling; zero or negative: 500ms
	MaxDelay      time.Duration // cap on every wait, Retry-After included; zero or negative: 30s
	NonIdempotent bool          // also retry POST, PATCH and other methods
}

// withDefaults returns p with its zero fields set to the defaults.
func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = defaultMaxAttempts
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = defaultBaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = defaultMaxDelay
	}
	return p
}

// retryMode is a request's choice made with WithRetry.
type retryMode int8

const (
	retryByMethod retryMode = iota // the policy decides by method
	retryOn                        // retried whatever the method
	retryOff                       // never retried
)

// WithRetry returns an Option that turns retries on for this request
// whatever its method (for a POST the caller knows is safe to repeat) or
// turns them off; the policy's MaxAttempts and delays still apply.
func WithRetry(enabled bool) Option {
	return func(r *Request) {
		r.retry = retryOff
		if enabled {
			r.retry = retryOn
		}
	}
}

// result is the outcome of one attempt.
type result struct {
	resp  *Response
	err   error
	retry bool          // the failure is worth another attempt
	after time.Duration // the response's Retry-After, if hasAfter
	// hasAfter reports whether the response had a valid Retry-After.
	hasAfter bool
}

// send makes up to the allowed number of attempts at r.
func (c *Client) send(ctx context.Context, r *Request, kind bodyKind) (*Response, error) {
	attempts := c.attempts(r)
	for n := 1; ; n++ {
		res := c.attempt(ctx, r, kind)
		if res.err == nil || !res.retry || n >= attempts {
			return res.resp, res.err
		}
		wait := c.delay(n, res)
		if deadline, ok := ctx.Deadline(); ok && c.now().Add(wait).After(deadline) {
			return nil, res.err
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("graph: retry stopped after %d attempts: %w; last attempt: %w", n, err, res.err)
		}
	}
}

// attempts returns how many attempts r may have.
func (c *Client) attempts(r *Request) int {
	switch {
	case r.retry == retryOff:
		return 1
	case r.retry == retryOn, c.retry.NonIdempotent, idempotent(r.Method):
		return c.retry.MaxAttempts
	}
	return 1
}

// idempotent reports whether repeating a request with method has the
// effect of sending it once.
func idempotent(method string) bool {
	switch strings.ToUpper(method) {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// delay returns the wait after failed attempt n (from 1) with result res:
// its Retry-After when given, else a jittered exponential backoff.
func (c *Client) delay(n int, res result) time.Duration {
	p := c.retry
	if res.hasAfter {
		return min(res.after, p.MaxDelay)
	}
	ceiling := min(p.BaseDelay, p.MaxDelay)
	for i := 1; i < n && ceiling < p.MaxDelay; i++ {
		if ceiling > p.MaxDelay/2 {
			ceiling = p.MaxDelay
		} else {
			ceiling *= 2
		}
	}
	return c.jitter(ceiling)
}

// fullJitter returns a random duration in [0, ceiling].
func fullJitter(ceiling time.Duration) time.Duration {
	if ceiling <= 0 {
		return 0
	}
	return rand.N(ceiling + 1)
}

// sleepContext waits for d or until ctx is done, returning ctx.Err() then.
func sleepContext(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// failure turns a non-2xx response into a result holding an *Error.
func (c *Client) failure(hr *http.Request, resp *http.Response) result {
	res := result{err: newError(hr, resp)}
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		res.retry = true
		res.after, res.hasAfter = retryAfter(resp.Header.Get("Retry-After"), c.now())
	}
	return res
}

// retryAfter parses a Retry-After value given in seconds or as an HTTP
// date (a date in the past gives zero); ok is false when v is neither.
func retryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if secs, err := strconv.ParseUint(v, 10, 64); err == nil {
		const maxSecs = uint64(1<<63-1) / uint64(time.Second)
		return time.Duration(min(secs, maxSecs)) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// transient reports whether a transport error may go away on another
// attempt: not when ctx is done, nor for a certificate that failed
// verification, nor for a redirect refused because it left the base
// URL's origin.
func transient(ctx context.Context, err error) bool {
	var cert *tls.CertificateVerificationError
	return ctx.Err() == nil && !errors.As(err, &cert) && !errors.Is(err, ErrOtherHost)
}
