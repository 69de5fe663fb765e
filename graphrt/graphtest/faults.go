package graphtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// Faults are the failures WithFaults injects into a mock, to test how a
// client copes with throttling, server errors, latency and paging.
type Faults struct {
	// ThrottleEvery answers every n-th request with 429 and Retry-After.
	ThrottleEvery int
	// RetryAfter is the Retry-After of throttled answers (0: 1s).
	RetryAfter time.Duration
	// ErrorEvery answers every n-th request with 503 and Retry-After.
	ErrorEvery int
	// Delay holds each request that long (or until its context ends).
	Delay time.Duration
	// PageSize splits collection answers with more items into pages
	// linked by @odata.nextLink ($skiptoken is the offset).
	PageSize int
}

// WithFaults wraps a mock handler (a generated NewMock) with faults.
func WithFaults(h http.Handler, f Faults) http.Handler {
	var n atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := n.Add(1)
		if f.Delay > 0 {
			select {
			case <-time.After(f.Delay):
			case <-r.Context().Done():
				return
			}
		}
		retryAfter := strconv.Itoa(max(1, int(f.RetryAfter/time.Second)))
		switch {
		case f.ThrottleEvery > 0 && i%int64(f.ThrottleEvery) == 0:
			w.Header().Set("Retry-After", retryAfter)
			WriteError(w, http.StatusTooManyRequests, "TooManyRequests", "Too many requests (injected).")
		case f.ErrorEvery > 0 && i%int64(f.ErrorEvery) == 0:
			w.Header().Set("Retry-After", retryAfter)
			WriteError(w, http.StatusServiceUnavailable, "ServiceUnavailable", "Service unavailable (injected).")
		case f.PageSize > 0:
			servePage(w, r, h, f.PageSize)
		default:
			h.ServeHTTP(w, r)
		}
	})
}

// servePage answers with one page of h's collection answer: the items from
// the $skiptoken offset, and a next link while items remain.
func servePage(w http.ResponseWriter, r *http.Request, h http.Handler, size int) {
	q := r.URL.Query()
	offset, _ := strconv.Atoi(q.Get("$skiptoken"))
	q.Del("$skiptoken")
	inner := r.Clone(r.Context())
	inner.URL.RawQuery = q.Encode()
	inner.RequestURI = ""
	rec := &recorder{header: http.Header{}, code: http.StatusOK}
	h.ServeHTTP(rec, inner)
	var page map[string]json.RawMessage
	var items []json.RawMessage
	if json.Unmarshal(rec.body.Bytes(), &page) != nil || json.Unmarshal(page["value"], &items) != nil || len(items) <= size && offset == 0 {
		copyResponse(w, rec)
		return
	}
	end := min(offset+size, len(items))
	page["value"], _ = json.Marshal(items[min(offset, end):end])
	if end < len(items) {
		q.Set("$skiptoken", strconv.Itoa(end))
		page["@odata.nextLink"], _ = json.Marshal(origin(r) + r.URL.EscapedPath() + "?" + q.Encode())
	} else {
		delete(page, "@odata.nextLink")
	}
	body, _ := json.Marshal(page)
	rec.body = *bytes.NewBuffer(body)
	copyResponse(w, rec)
}

// recorder buffers an answer (net/http/httptest is not imported: its init
// registers a command-line flag in every program that links it).
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.code = code }

// copyResponse writes a recorded answer to w.
func copyResponse(w http.ResponseWriter, rec *recorder) {
	for k, vs := range rec.header {
		if k != "Content-Length" {
			w.Header()[k] = vs
		}
	}
	w.WriteHeader(rec.code)
	_, _ = w.Write(rec.body.Bytes())
}
