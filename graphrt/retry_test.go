package graphrt

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen/graphrt/internal/wire"
)

// retryNow is the fake clock of the retry tests.
var retryNow = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// retryStep is one scripted answer of a retryServer.
type retryStep struct {
	status     int
	retryAfter string
}

// retryHit is what a retryServer saw of one request.
type retryHit struct {
	Method, ContentType, Body string
}

// retryServer answers the n-th request (from 1) with steps[n-1], a Graph
// error with code "attemptN" for an error status, and records each hit.
func retryServer(t *testing.T, steps []retryStep) (*httptest.Server, func() []retryHit) {
	t.Helper()
	var (
		mu   sync.Mutex
		hits []retryHit
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		hits = append(hits, retryHit{r.Method, r.Header.Get("Content-Type"), string(b)})
		n := len(hits)
		mu.Unlock()
		step := retryStep{status: http.StatusOK}
		if n <= len(steps) {
			step = steps[n-1]
		}
		if step.retryAfter != "" {
			w.Header().Set("Retry-After", step.retryAfter)
		}
		w.WriteHeader(step.status)
		if step.status >= 400 {
			fmt.Fprintf(w, `{"error":{"code":"attempt%d","message":"no"}}`, n)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() []retryHit {
		mu.Lock()
		defer mu.Unlock()
		return append([]retryHit(nil), hits...)
	}
}

// retryClient returns a Client for srv with policy whose retries do not
// wait, the recorded waits and a fixed clock.
func retryClient(srv *httptest.Server, policy RetryPolicy) (*Client, *[]time.Duration) {
	c := New(Config{HTTPClient: srv.Client(), BaseURL: srv.URL, Retry: policy})
	waits := recordSleeps(c)
	c.now = func() time.Time { return retryNow }
	return c, waits
}

func TestRetry(t *testing.T) {
	const s = time.Second
	tests := []struct {
		name      string
		policy    RetryPolicy
		method    string
		opts      []Option
		steps     []retryStep
		wantHits  int
		wantWaits []time.Duration
		wantCode  string // Graph error code of the result; "" for success
	}{{
		name:      "Retry-After in seconds",
		method:    "GET",
		steps:     []retryStep{{429, "3"}, {503, "0"}},
		wantHits:  3,
		wantWaits: []time.Duration{3 * s, 0},
	}, {
		name:      "Retry-After as an HTTP date",
		method:    "GET",
		steps:     []retryStep{{503, "Tue, 02 Jan 2024 03:04:12 GMT"}},
		wantHits:  2,
		wantWaits: []time.Duration{7 * s},
	}, {
		name:      "Retry-After date in the past",
		method:    "GET",
		steps:     []retryStep{{429, "Tue, 02 Jan 2024 03:00:00 GMT"}},
		wantHits:  2,
		wantWaits: []time.Duration{0},
	}, {
		name:      "Retry-After capped at MaxDelay",
		policy:    RetryPolicy{MaxDelay: 10 * s},
		method:    "GET",
		steps:     []retryStep{{429, "120"}},
		wantHits:  2,
		wantWaits: []time.Duration{10 * s},
	}, {
		name:      "invalid Retry-After falls back to the backoff",
		method:    "GET",
		steps:     []retryStep{{504, "soon"}},
		wantHits:  2,
		wantWaits: []time.Duration{500 * time.Millisecond},
	}, {
		name:      "backoff doubles up to MaxDelay",
		policy:    RetryPolicy{MaxAttempts: 6, BaseDelay: s, MaxDelay: 5 * s},
		method:    "GET",
		steps:     []retryStep{{504, ""}, {503, ""}, {429, ""}, {504, ""}, {504, ""}},
		wantHits:  6,
		wantWaits: []time.Duration{s, 2 * s, 4 * s, 5 * s, 5 * s},
	}, {
		name:      "gives up after MaxAttempts with the last error",
		method:    "GET",
		steps:     []retryStep{{503, ""}, {503, ""}, {503, ""}, {503, ""}},
		wantHits:  4,
		wantWaits: []time.Duration{s / 2, s, 2 * s},
		wantCode:  "attempt4",
	}, {
		name:     "other statuses are not retried",
		method:   "GET",
		steps:    []retryStep{{500, "1"}},
		wantHits: 1,
		wantCode: "attempt1",
	}, {
		name:      "PUT is retried",
		method:    "PUT",
		steps:     []retryStep{{503, "1"}, {503, "1"}},
		wantHits:  3,
		wantWaits: []time.Duration{s, s},
	}, {
		name:     "POST is not retried by default",
		method:   "POST",
		steps:    []retryStep{{503, "1"}},
		wantHits: 1,
		wantCode: "attempt1",
	}, {
		name:     "PATCH is not retried by default",
		method:   "PATCH",
		steps:    []retryStep{{429, "1"}},
		wantHits: 1,
		wantCode: "attempt1",
	}, {
		name:      "PATCH is retried with NonIdempotent",
		policy:    RetryPolicy{NonIdempotent: true},
		method:    "PATCH",
		steps:     []retryStep{{429, "1"}},
		wantHits:  2,
		wantWaits: []time.Duration{s},
	}, {
		name:      "POST is retried with WithRetry(true)",
		method:    "POST",
		opts:      []Option{WithRetry(true)},
		steps:     []retryStep{{503, "2"}},
		wantHits:  2,
		wantWaits: []time.Duration{2 * s},
	}, {
		name:      "WithRetry(true) keeps MaxAttempts",
		policy:    RetryPolicy{MaxAttempts: 2},
		method:    "POST",
		opts:      []Option{WithRetry(true)},
		steps:     []retryStep{{503, "2"}, {503, "2"}},
		wantHits:  2,
		wantWaits: []time.Duration{2 * s},
		wantCode:  "attempt2",
	}, {
		name:     "WithRetry(false) disables retries",
		policy:   RetryPolicy{NonIdempotent: true},
		method:   "DELETE",
		opts:     []Option{WithRetry(false)},
		steps:    []retryStep{{503, "1"}},
		wantHits: 1,
		wantCode: "attempt1",
	}, {
		name:     "MaxAttempts 1 disables retries",
		policy:   RetryPolicy{MaxAttempts: 1},
		method:   "GET",
		steps:    []retryStep{{429, "1"}},
		wantHits: 1,
		wantCode: "attempt1",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, hits := retryServer(t, tt.steps)
			c, waits := retryClient(srv, tt.policy)
			req := &Request{Method: tt.method, Path: "/v1.0/x"}
			want := retryHit{Method: tt.method}
			if tt.method != "GET" && tt.method != "DELETE" {
				req.Body = []byte(`{"name":"é"}`)
				want.ContentType, want.Body = wire.JSONType, string(req.Body)
			}
			resp, err := c.Do(context.Background(), req, tt.opts...)
			checkRetryResult(t, resp, err, tt.wantCode)
			wantHits := make([]retryHit, tt.wantHits)
			for i := range wantHits {
				wantHits[i] = want // the body is replayed on every attempt
			}
			if diff := cmp.Diff(wantHits, hits()); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantWaits, *waits); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
		})
	}
}

// checkRetryResult checks that Do succeeded when wantCode is empty, else
// that it failed with an *Error carrying wantCode.
func checkRetryResult(t *testing.T, resp *Response, err error, wantCode string) {
	t.Helper()
	if wantCode == "" {
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("Do = %+v, %v; want 200", resp, err)
		}
		return
	}
	var gerr *Error
	if !errors.As(err, &gerr) || gerr.Code != wantCode || resp != nil {
		t.Fatalf("Do = %+v, %v; want an *Error with code %s", resp, err, wantCode)
	}
}

// flakyTransport fails attempt i with fail[i] when that is set, else
// answers with status[i] (default 200); it counts closed bodies.
type flakyTransport struct {
	fail   []error
	status []int
	calls  int
	closes int
}

// RoundTrip answers req as scripted.
func (f *flakyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	i := f.calls
	f.calls++
	if i < len(f.fail) && f.fail[i] != nil {
		return nil, f.fail[i]
	}
	status := http.StatusOK
	if i < len(f.status) {
		status = f.status[i]
	}
	body := &closeCounter{Reader: strings.NewReader(`{"error":{"code":"x"}}`), closes: &f.closes}
	return &http.Response{StatusCode: status, Header: http.Header{}, Body: body, Request: req}, nil
}

// closeCounter counts Close calls.
type closeCounter struct {
	io.Reader
	closes *int
}

// Close counts the call.
func (b *closeCounter) Close() error { *b.closes++; return nil }

func TestRetryTransportErrors(t *testing.T) {
	reset := syscall.ECONNRESET
	badCert := &tls.CertificateVerificationError{Err: errors.New("unknown authority")}
	tests := []struct {
		name      string
		method    string
		opts      []Option
		fail      []error
		wantCalls int
		wantErr   error
	}{
		{"GET is retried", "GET", nil, []error{reset, reset}, 3, nil},
		{"POST is not retried", "POST", nil, []error{reset}, 1, reset},
		{"POST is retried with WithRetry(true)", "POST", []Option{WithRetry(true)}, []error{reset}, 2, nil},
		{"all attempts fail", "GET", nil, []error{reset, reset, reset, reset}, 4, reset},
		{"a bad certificate is not retried", "GET", nil, []error{badCert}, 1, badCert},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &flakyTransport{fail: tt.fail}
			c := New(Config{HTTPClient: &http.Client{Transport: f}})
			recordSleeps(c)
			_, err := c.Do(context.Background(), &Request{Method: tt.method, Path: "/v1.0/me"}, tt.opts...)
			if (err == nil) != (tt.wantErr == nil) || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if f.calls != tt.wantCalls {
				t.Errorf("%d attempts, want %d", f.calls, tt.wantCalls)
			}
		})
	}
}

func TestRetryClosesEveryBody(t *testing.T) {
	f := &flakyTransport{status: []int{503, 429, 504, 200}}
	c := New(Config{HTTPClient: &http.Client{Transport: f}})
	recordSleeps(c)
	if _, err := c.Do(context.Background(), &Request{Method: "GET", Path: "/v1.0/me"}); err != nil {
		t.Fatal(err)
	}
	if f.calls != 4 || f.closes != 4 {
		t.Errorf("%d attempts, %d bodies closed; want 4, 4", f.calls, f.closes)
	}
}

func TestRetryStopsWhenContextIsDone(t *testing.T) {
	srv, hits := retryServer(t, []retryStep{{503, "3600"}, {503, "3600"}})
	c, _ := retryClient(srv, RetryPolicy{MaxDelay: 2 * time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.sleep = func(ctx context.Context, d time.Duration) error {
		cancel() // the caller gives up while the client waits an hour
		return sleepContext(ctx, d)
	}
	_, err := c.Do(ctx, &Request{Method: "GET", Path: "/v1.0/x"})
	var gerr *Error
	if !errors.Is(err, context.Canceled) || !errors.As(err, &gerr) || gerr.Code != "attempt1" {
		t.Errorf("err = %v, want context.Canceled wrapped with the first attempt's *Error", err)
	}
	if n := len(hits()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

func TestRetryNotStartedPastDeadline(t *testing.T) {
	srv, hits := retryServer(t, []retryStep{{429, "7200"}})
	c, waits := retryClient(srv, RetryPolicy{MaxDelay: 3 * time.Hour})
	c.now = time.Now
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	_, err := c.Do(ctx, &Request{Method: "GET", Path: "/v1.0/x"})
	var gerr *Error
	if !errors.As(err, &gerr) || gerr.StatusCode != http.StatusTooManyRequests {
		t.Errorf("err = %v, want the 429 *Error", err)
	}
	if n := len(hits()); n != 1 || len(*waits) != 0 {
		t.Errorf("%d attempts and waits %v, want 1 attempt and no wait", n, *waits)
	}
}

func TestRetryNotAfterCancelledRequest(t *testing.T) {
	srv, hits := retryServer(t, nil)
	c, waits := retryClient(srv, RetryPolicy{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Do(ctx, &Request{Method: "GET", Path: "/v1.0/x"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n := len(hits()); n != 0 || len(*waits) != 0 {
		t.Errorf("%d attempts and waits %v, want none", n, *waits)
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{" 120 ", 120 * time.Second, true},
		{"18446744073709551615", time.Duration(1<<63-1) / time.Second * time.Second, true},
		{"-1", 0, false},
		{"+5", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"Tue, 02 Jan 2024 03:04:15 GMT", 10 * time.Second, true},
		{"Tuesday, 02-Jan-24 03:04:15 GMT", 10 * time.Second, true},
		{"Tue Jan  2 03:04:15 2024", 10 * time.Second, true},
		{"Tue, 02 Jan 2024 03:04:04 GMT", 0, true},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, retryNow)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestFullJitterStaysInRange(t *testing.T) {
	for _, ceiling := range []time.Duration{-1, 0, 1, time.Second, 30 * time.Second} {
		for range 100 {
			if d := fullJitter(ceiling); d < 0 || d > max(ceiling, 0) {
				t.Fatalf("fullJitter(%v) = %v, want within [0, %v]", ceiling, d, ceiling)
			}
		}
	}
}

func TestSleepContext(t *testing.T) {
	if err := sleepContext(context.Background(), 0); err != nil {
		t.Errorf("sleepContext(live, 0) = %v, want nil", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleepContext(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepContext(cancelled, 1h) = %v, want context.Canceled", err)
	}
}
