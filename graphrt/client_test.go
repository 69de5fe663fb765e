package graphrt_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// sent is what a test server saw of one request.
type sent struct {
	Method      string
	RequestURI  string
	Accept      string
	ContentType string
	Extra       string // value of the X-Test header
	Body        string
}

// recordingServer starts a server that records each request and answers
// with status and body.
func recordingServer(t *testing.T, status int, body string) (*httptest.Server, *[]sent) {
	t.Helper()
	var got []sent
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, sent{
			Method:      r.Method,
			RequestURI:  r.RequestURI,
			Accept:      r.Header.Get("Accept"),
			ContentType: r.Header.Get("Content-Type"),
			Extra:       strings.Join(r.Header.Values("X-Test"), "|"),
			Body:        string(b),
		})
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &got
}

func TestDoSendsRequest(t *testing.T) {
	tests := []struct {
		name string
		base string // appended to the server URL
		req  graphrt.Request
		want sent
	}{{
		name: "escaped path and Graph query",
		req: graphrt.Request{
			Method: "GET",
			Path:   "/v1.0/users/a%2Fb%23EXT%23@x.com",
			Query: url.Values{
				"$select": {"id,displayName"},
				"$filter": {"startswith(displayName,'a b')"},
			},
		},
		want: sent{
			Method:     "GET",
			RequestURI: "/v1.0/users/a%2Fb%23EXT%23@x.com?$filter=startswith(displayName,'a%20b')&$select=id,displayName",
			Accept:     "application/json",
		},
	}, {
		name: "query values with reserved characters",
		req: graphrt.Request{
			Method: "GET",
			Path:   "/v1.0/me/messages",
			Query:  url.Values{"$search": {`"a+b&c=d;e#f?g%h é"`}, "$top": {"5", "6"}},
		},
		want: sent{
			Method:     "GET",
			RequestURI: "/v1.0/me/messages?$search=%22a%2Bb%26c%3Dd%3Be%23f%3Fg%25h%20%C3%A9%22&$top=5&$top=6",
			Accept:     "application/json",
		},
	}, {
		name: "dot segments and lower-case escapes are kept",
		req:  graphrt.Request{Method: "GET", Path: "/v1.0/users/%2E%2E/x%2fy"},
		want: sent{Method: "GET", RequestURI: "/v1.0/users/%2E%2E/x%2fy", Accept: "application/json"},
	}, {
		name: "bytes that cannot appear in a path are escaped",
		req:  graphrt.Request{Method: "GET", Path: "/v1.0/users/a b?c#d%2F"},
		want: sent{Method: "GET", RequestURI: "/v1.0/users/a%20b%3Fc%23d%2F", Accept: "application/json"},
	}, {
		name: "JSON body gets the default content type",
		req:  graphrt.Request{Method: "POST", Path: "/v1.0/users", Body: []byte(`{"a":1}`)},
		want: sent{Method: "POST", RequestURI: "/v1.0/users", Accept: "application/json", ContentType: "application/json", Body: `{"a":1}`},
	}, {
		name: "explicit content type and headers",
		req: graphrt.Request{
			Method:      "PUT",
			Path:        "/v1.0/me/drive/root:/a.txt:/content",
			Header:      http.Header{"Accept": {"text/plain"}, "X-Test": {"1", "2"}},
			Body:        []byte("hello"),
			ContentType: "text/plain",
		},
		want: sent{Method: "PUT", RequestURI: "/v1.0/me/drive/root:/a.txt:/content", Accept: "text/plain", ContentType: "text/plain", Extra: "1|2", Body: "hello"},
	}, {
		name: "content type from the header when the field is empty",
		req: graphrt.Request{
			Method: "PUT",
			Path:   "/v1.0/x",
			Header: http.Header{"Content-Type": {"image/png"}},
			Body:   []byte{0x89},
		},
		want: sent{Method: "PUT", RequestURI: "/v1.0/x", Accept: "application/json", ContentType: "image/png", Body: "\x89"},
	}, {
		name: "no content type without a body",
		req:  graphrt.Request{Method: "DELETE", Path: "/v1.0/x", ContentType: "text/plain"},
		want: sent{Method: "DELETE", RequestURI: "/v1.0/x", Accept: "application/json"},
	}, {
		name: "base URL path and trailing slashes",
		base: "/proxy//",
		req:  graphrt.Request{Method: "GET", Path: "/v1.0/me"},
		want: sent{Method: "GET", RequestURI: "/proxy/v1.0/me", Accept: "application/json"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := recordingServer(t, http.StatusOK, `{}`)
			c := graphrt.NewClient(srv.Client(), srv.URL+tt.base)
			if _, err := c.Do(context.Background(), &tt.req); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]sent{tt.want}, *got); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDoAbsoluteURLKeepsItsQuery(t *testing.T) {
	srv, got := recordingServer(t, http.StatusOK, `{}`)
	c := graphrt.NewClient(srv.Client(), "https://elsewhere.invalid")
	req := &graphrt.Request{Method: "GET", Path: srv.URL + "/v1.0/users?$skiptoken=X%2BY"}
	if _, err := c.Do(context.Background(), req, graphrt.WithQuery("$top", "5")); err != nil {
		t.Fatal(err)
	}
	if want := "/v1.0/users?$skiptoken=X%2BY&$top=5"; (*got)[0].RequestURI != want {
		t.Errorf("RequestURI = %q, want %q", (*got)[0].RequestURI, want)
	}
}

func TestDoOptionsApplyToACopy(t *testing.T) {
	srv, got := recordingServer(t, http.StatusOK, `{}`)
	c := graphrt.NewClient(srv.Client(), srv.URL)
	req := &graphrt.Request{
		Method: "GET",
		Path:   "/v1.0/users",
		Query:  url.Values{"$top": {"1"}},
		Header: http.Header{"X-Test": {"a"}},
		Body:   []byte(`{"a":1}`),
	}
	before := &graphrt.Request{
		Method: "GET",
		Path:   "/v1.0/users",
		Query:  url.Values{"$top": {"1"}},
		Header: http.Header{"X-Test": {"a"}},
		Body:   []byte(`{"a":1}`),
	}
	opts := []graphrt.Option{
		graphrt.WithQuery("$top", "2"),
		graphrt.WithQuery("$select", "id"),
		graphrt.WithHeader("X-Test", "b"),
		func(r *graphrt.Request) { r.Query["$top"][0] = "3"; r.Header["X-Test"][0] = "c"; r.Body[2] = 'b' },
	}
	for range 2 { // a second call must see the original request again
		if _, err := c.Do(context.Background(), req, opts...); err != nil {
			t.Fatal(err)
		}
	}
	want := sent{Method: "GET", RequestURI: "/v1.0/users?$select=id&$top=3", Accept: "application/json", ContentType: "application/json", Extra: "c|b", Body: `{"b":1}`}
	if diff := cmp.Diff([]sent{want, want}, *got); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, req, cmp.AllowUnexported(graphrt.Request{})); diff != "" {
		t.Errorf("caller's Request changed (-want +got):\n%s", diff)
	}
}

func TestOptionsOnEmptyRequest(t *testing.T) {
	var r graphrt.Request
	graphrt.WithHeader("X-A", "1")(&r)
	graphrt.WithQuery("$top", "1")(&r)
	want := graphrt.Request{Header: http.Header{"X-A": {"1"}}, Query: url.Values{"$top": {"1"}}}
	if diff := cmp.Diff(want, r, cmp.AllowUnexported(graphrt.Request{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// fakeTransport answers every request with a canned response and counts
// how often response bodies are closed.
type fakeTransport struct {
	status int
	header http.Header
	body   string
	urls   []string
	accept []string
	closes int
}

// RoundTrip records req and returns the canned response.
func (f *fakeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	f.urls = append(f.urls, req.URL.String())
	f.accept = append(f.accept, req.Header.Get("Accept"))
	h := f.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{
		StatusCode: f.status,
		Header:     h,
		Body:       &countingBody{Reader: strings.NewReader(f.body), closes: &f.closes},
		Request:    req,
	}, nil
}

// countingBody counts Close calls.
type countingBody struct {
	io.Reader
	closes *int
}

// Close counts the call.
func (b *countingBody) Close() error { *b.closes++; return nil }

// fakeClient returns a Client that sends through f and never retries.
func fakeClient(f *fakeTransport) *graphrt.Client {
	return graphrt.New(graphrt.Config{HTTPClient: &http.Client{Transport: f}, Retry: graphrt.RetryPolicy{MaxAttempts: 1}})
}

func TestNewClientDefaultBaseURL(t *testing.T) {
	f := &fakeTransport{status: http.StatusOK}
	if err := graphrt.NewClient(&http.Client{Transport: f}, "").Empty(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/me"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"https://graph.microsoft.com/v1.0/me"}, f.urls); diff != "" {
		t.Errorf("URL (-want +got):\n%s", diff)
	}
}

func TestResponseBodyAlwaysClosed(t *testing.T) {
	type call func(*graphrt.Client) error
	req := &graphrt.Request{Method: "GET", Path: "/v1.0/me"}
	ctx := context.Background()
	calls := map[string]call{
		"Do":    func(c *graphrt.Client) error { _, err := c.Do(ctx, req); return err },
		"Empty": func(c *graphrt.Client) error { return c.Empty(ctx, req) },
		"JSON":  func(c *graphrt.Client) error { _, err := c.JSON(ctx, req); return err },
		"Bytes": func(c *graphrt.Client) error { _, err := c.Bytes(ctx, req); return err },
	}
	for _, status := range []int{200, 204, 302, 404, 500} {
		for name, call := range calls {
			f := &fakeTransport{status: status, body: `{"x":1}`}
			err := call(fakeClient(f))
			if (err != nil) != (status >= 400) { // an unfollowed 3xx is an answer, not an error
				t.Errorf("%s with %d: err = %v", name, status, err)
			}
			if f.closes != 1 {
				t.Errorf("%s with %d: body closed %d times, want 1", name, status, f.closes)
			}
		}
	}
}

func TestJSONBytesAndEmpty(t *testing.T) {
	ctx := context.Background()
	req := &graphrt.Request{Method: "GET", Path: "/v1.0/me/photo/$value"}
	f := &fakeTransport{status: http.StatusOK, body: "\x89PNG"}
	b, err := fakeClient(f).Bytes(ctx, req)
	if err != nil || string(b) != "\x89PNG" {
		t.Errorf("Bytes = %q, %v", b, err)
	}
	b, err = fakeClient(f).Bytes(ctx, req, graphrt.WithHeader("Accept", "image/png"))
	if err != nil || string(b) != "\x89PNG" {
		t.Errorf("Bytes = %q, %v", b, err)
	}
	if diff := cmp.Diff([]string{"*/*", "image/png"}, f.accept); diff != "" {
		t.Errorf("Bytes Accept (-want +got):\n%s", diff)
	}

	f = &fakeTransport{status: http.StatusOK, body: `{"id":"1"}`}
	j, err := fakeClient(f).JSON(ctx, req)
	if err != nil || string(j) != `{"id":"1"}` {
		t.Errorf("JSON = %q, %v", j, err)
	}
	f = &fakeTransport{status: http.StatusNoContent}
	j, err = fakeClient(f).JSON(ctx, req)
	if err != nil || j != nil {
		t.Errorf("JSON on empty body = %q, %v; want nil, nil", j, err)
	}
	resp, err := fakeClient(&fakeTransport{status: http.StatusCreated, header: http.Header{"Location": {"x"}}, body: "b"}).Do(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&graphrt.Response{StatusCode: 201, Header: http.Header{"Location": {"x"}}, Body: []byte("b")}, resp); diff != "" {
		t.Errorf("Do (-want +got):\n%s", diff)
	}
}

func TestDoBadRequests(t *testing.T) {
	tests := []struct {
		name string
		req  graphrt.Request
	}{
		{"relative path", graphrt.Request{Method: "GET", Path: "v1.0/me"}},
		{"bad escape", graphrt.Request{Method: "GET", Path: "/v1.0/users/%zz"}},
		{"bad method", graphrt.Request{Method: "GE T", Path: "/v1.0/me"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeTransport{status: http.StatusOK}
			if _, err := fakeClient(f).Do(context.Background(), &tt.req); err == nil {
				t.Error("Do succeeded, want an error")
			}
			if len(f.urls) != 0 {
				t.Errorf("sent %v, want nothing", f.urls)
			}
		})
	}
}

func TestDoTransportErrorIsNotGraphError(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	c := graphrt.NewClient(srv.Client(), srv.URL)
	_, err := c.Do(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/me"}, graphrt.WithRetry(false))
	var gerr *graphrt.Error
	if err == nil || errors.As(err, &gerr) {
		t.Errorf("err = %v, want a transport error", err)
	}
}

func TestDoDecodesGraphErrors(t *testing.T) {
	const u = "https://graph.microsoft.com/v1.0/users/x?$select=id"
	tests := []struct {
		name   string
		status int
		header http.Header
		body   string
		want   graphrt.Error
	}{{
		name:   "ids from innerError win over headers",
		status: 404,
		header: http.Header{"Request-Id": {"h-req"}, "Client-Request-Id": {"h-client"}, "Date": {"h-date"}},
		body:   `{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist","innerError":{"date":"2024-01-02T03:04:05","request-id":"r1","client-request-id":"c1"}}}`,
		want: graphrt.Error{
			StatusCode: 404, Method: "GET", URL: u,
			Code: "Request_ResourceNotFound", Message: "Resource 'x' does not exist",
			InnerError: json.RawMessage(`{"date":"2024-01-02T03:04:05","request-id":"r1","client-request-id":"c1"}`),
			RequestID:  "r1", ClientRequestID: "c1", Date: "2024-01-02T03:04:05",
		},
	}, {
		name:   "ids from headers without innerError",
		status: 429,
		header: http.Header{"Request-Id": {"h-req"}, "Client-Request-Id": {"h-client"}, "Date": {"Tue, 02 Jan 2024 03:04:05 GMT"}},
		body:   `{"error":{"code":"TooManyRequests","message":"slow down"}}`,
		want: graphrt.Error{
			StatusCode: 429, Method: "GET", URL: u, Code: "TooManyRequests", Message: "slow down",
			RequestID: "h-req", ClientRequestID: "h-client", Date: "Tue, 02 Jan 2024 03:04:05 GMT",
		},
	}, {
		name:   "partial innerError falls back per field",
		status: 403,
		header: http.Header{"Request-Id": {"h-req"}},
		body:   `{"error":{"code":"Authorization_RequestDenied","message":"no","innerError":{"date":"d1"}}}`,
		want: graphrt.Error{
			StatusCode: 403, Method: "GET", URL: u, Code: "Authorization_RequestDenied", Message: "no",
			InnerError: json.RawMessage(`{"date":"d1"}`), RequestID: "h-req", Date: "d1",
		},
	}, {
		name:   "lower-case innererror and object message",
		status: 400,
		body:   `{"error":{"code":"BadRequest","message":{"lang":"en","value":"bad"},"innererror":{"request-id":"r2"}}}`,
		want: graphrt.Error{
			StatusCode: 400, Method: "GET", URL: u, Code: "BadRequest", Message: "bad",
			InnerError: json.RawMessage(`{"request-id":"r2"}`), RequestID: "r2",
		},
	}, {
		name:   "non-JSON body",
		status: 502,
		header: http.Header{"Request-Id": {"h-req"}},
		body:   "<html>Bad Gateway</html>",
		want:   graphrt.Error{StatusCode: 502, Method: "GET", URL: u, RequestID: "h-req"},
	}, {
		name:   "JSON that is not a Graph error",
		status: 500,
		body:   `{"message":"oops"}`,
		want:   graphrt.Error{StatusCode: 500, Method: "GET", URL: u},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeTransport{status: tt.status, header: tt.header, body: tt.body}
			resp, err := fakeClient(f).Do(context.Background(), &graphrt.Request{
				Method: "GET", Path: "/v1.0/users/x", Query: url.Values{"$select": {"id"}},
			})
			if resp != nil {
				t.Errorf("Do returned a response with the error: %+v", resp)
			}
			var got *graphrt.Error
			if !errors.As(err, &got) {
				t.Fatalf("err = %v (%T), want *graphrt.Error", err, err)
			}
			tt.want.Body = []byte(tt.body)
			if diff := cmp.Diff(&tt.want, got); diff != "" {
				t.Errorf("Error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorBodyIsLimited(t *testing.T) {
	big := strings.Repeat("x", 2<<20)
	f := &fakeTransport{status: 500, body: big}
	_, err := fakeClient(f).Do(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/me"})
	var gerr *graphrt.Error
	if !errors.As(err, &gerr) {
		t.Fatalf("err = %v", err)
	}
	if len(gerr.Body) != 1<<20 {
		t.Errorf("len(Body) = %d, want %d", len(gerr.Body), 1<<20)
	}
	if msg := gerr.Error(); len(msg) > 300 || !strings.HasSuffix(msg, "xxx...") {
		t.Errorf("Error() = %.300q (len %d), want a short snippet", msg, len(msg))
	}
	// Success bodies are read fully.
	f = &fakeTransport{status: 200, body: big}
	b, err := fakeClient(f).Bytes(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/me"})
	if err != nil || len(b) != len(big) {
		t.Errorf("Bytes: len %d, err %v; want %d", len(b), err, len(big))
	}
}

// person is a request body type for MarshalBody tests.
type person struct {
	Name string `json:"name"`
}

func TestMarshalBody(t *testing.T) {
	tests := []struct {
		name    string
		in      any
		want    []byte
		wantErr bool
	}{
		{"nil", nil, nil, false},
		{"nil RawMessage", json.RawMessage(nil), nil, false},
		{"nil bytes", []byte(nil), nil, false},
		{"nil pointer", (*person)(nil), nil, false},
		{"nil map", map[string]any(nil), nil, false},
		{"struct", person{Name: "a"}, []byte(`{"name":"a"}`), false},
		{"pointer", &person{Name: "b"}, []byte(`{"name":"b"}`), false},
		{"string", "x", []byte(`"x"`), false},
		{"RawMessage passes through unchanged", json.RawMessage(`{ "a" : 1 }`), []byte(`{ "a" : 1 }`), false},
		{"bytes pass through", []byte(`[1, 2]`), []byte(`[1, 2]`), false},
		{"invalid RawMessage", json.RawMessage(`{"a":`), nil, true},
		{"invalid bytes", []byte("hello"), nil, true},
		{"empty bytes", []byte{}, nil, true},
		{"unsupported type", func() {}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := graphrt.MarshalBody(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !bytes.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
				t.Errorf("MarshalBody = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParamsAndJSONBody: a request with an empty path parameter is refused
// before anything is sent, in every way of sending it; a JSON value is
// encoded as the body; a value that cannot be encoded fails before
// sending.
func TestParamsAndJSONBody(t *testing.T) {
	ctx := context.Background()
	srv, got := recordingServer(t, http.StatusOK, `{"value":[{"id":"1"}]}`)
	c := graphrt.NewClient(nil, srv.URL)
	empty := &graphrt.Request{Method: "GET", Path: "/v1.0/users/", Params: []string{"id", ""}}
	if _, err := c.JSON(ctx, empty); err == nil || !strings.Contains(err.Error(), "path parameter id is empty") {
		t.Errorf("JSON with an empty id: %v", err)
	}
	if _, err := graphrt.Object[struct{}](ctx, c, empty); err == nil {
		t.Error("Object with an empty id: no error")
	}
	if _, err := graphrt.GetPage[json.RawMessage](ctx, c, empty); err == nil {
		t.Error("GetPage with an empty id: no error")
	}
	for _, err := range graphrt.All[json.RawMessage](ctx, c, empty) {
		if err == nil {
			t.Error("All with an empty id yielded an item")
		}
	}
	if len(*got) != 0 {
		t.Fatalf("requests with an empty id were sent: %+v", *got)
	}

	body := map[string]any{"displayName": "Ada"}
	ids, err := graphrt.Collection[struct{ ID string }](ctx, c, &graphrt.Request{Method: "POST", Path: "/v1.0/users", Params: []string{"x", "y"}, JSON: body})
	if err != nil || len(ids) != 1 || ids[0].ID != "1" {
		t.Errorf("Collection = %+v, %v", ids, err)
	}
	if want := (sent{Method: "POST", RequestURI: "/v1.0/users", Accept: "application/json", ContentType: "application/json", Body: `{"displayName":"Ada"}`}); len(*got) != 1 || (*got)[0] != want {
		t.Errorf("sent %+v, want %+v", *got, want)
	}
	if _, err := c.JSON(ctx, &graphrt.Request{Method: "POST", Path: "/v1.0/users", JSON: func() {}}); err == nil || !strings.Contains(err.Error(), "encoding the request body") {
		t.Errorf("an unencodable body: %v", err)
	}
	if len(*got) != 1 {
		t.Errorf("a request with an unencodable body was sent")
	}
}

// rawServer starts a server that writes each answer as raw bytes on the
// connection (status line, headers and body, as given) and closes it,
// answering the n-th request with replies[n], or the last one.
func rawServer(t *testing.T, replies ...string) *httptest.Server {
	t.Helper()
	var (
		mu sync.Mutex
		n  int
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		reply := replies[min(n, len(replies)-1)]
		n++
		mu.Unlock()
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		_, _ = buf.WriteString(reply)
		_ = buf.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv
}

// adele is a user object cut short inside a string.
const adele = `{"id":"87d349ed","displayName":"Adele Va`

// TestJSONIsValidOrAnError: a 2xx body handed back as JSON is complete,
// valid JSON; a body cut short (by a Content-Length the server did not
// keep, or by a connection closed early) or not JSON at all is an error
// that names the request.
func TestJSONIsValidOrAnError(t *testing.T) {
	tests := []struct {
		name    string
		reply   string
		wantErr string // "": no error
	}{{
		name:    "connection closed before Content-Length bytes",
		reply:   "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n" + adele,
		wantErr: "cut short",
	}, {
		name:    "connection closed mid-body without a length",
		reply:   "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + adele,
		wantErr: "cut short",
	}, {
		name:    "chunked body cut short",
		reply:   "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n28\r\n" + adele + "\r\n",
		wantErr: "cut short",
	}, {
		name:    "HTML with 200",
		reply:   "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>",
		wantErr: "not valid JSON",
	}, {
		name:    "JSON followed by garbage",
		reply:   "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"id\":1}}}",
		wantErr: "not valid JSON",
	}, {
		name:  "complete object",
		reply: "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n{\"id\":1}",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := rawServer(t, tt.reply)
			c := graphrt.New(graphrt.Config{HTTPClient: srv.Client(), BaseURL: srv.URL, Retry: graphrt.RetryPolicy{MaxAttempts: 1}})
			req := &graphrt.Request{Method: "GET", Path: "/v1.0/users/87d349ed"}
			// The typed calls check as they decode: the same answers.
			_, typedErr := graphrt.Object[map[string]any](context.Background(), c, req)
			if tt.wantErr == "" && typedErr != nil || tt.wantErr != "" && (typedErr == nil || !strings.Contains(typedErr.Error(), tt.wantErr) || !strings.Contains(typedErr.Error(), "GET "+srv.URL+"/v1.0/users/87d349ed")) {
				t.Errorf("Object: %v; want an error naming GET and the URL that says %q", typedErr, tt.wantErr)
			}
			got, err := c.JSON(context.Background(), req)
			if tt.wantErr == "" {
				if err != nil || !json.Valid(got) {
					t.Errorf("JSON = %q, %v; want valid JSON", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "GET "+srv.URL+"/v1.0/users/87d349ed") {
				t.Errorf("JSON = %q, %v; want an error naming GET and the URL that says %q", got, err, tt.wantErr)
			}
			if got != nil {
				t.Errorf("JSON handed back %q with its error", got)
			}
		})
	}
}

// TestJSONRetriesABodyCutShort: a body cut short is a transport failure,
// retried like one when the request may be repeated.
func TestJSONRetriesABodyCutShort(t *testing.T) {
	srv := rawServer(t,
		"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"+adele,
		"HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n{\"id\":\"87d349ed\"}")
	c := graphrt.New(graphrt.Config{HTTPClient: srv.Client(), BaseURL: srv.URL, Retry: graphrt.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Nanosecond}})
	got, err := c.JSON(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/users/87d349ed"})
	if err != nil || string(got) != `{"id":"87d349ed"}` {
		t.Errorf("JSON = %q, %v; want the second, complete answer", got, err)
	}
}

// patternBody is an endless reader of x bytes.
type patternBody struct{}

// Read fills p with 'x'.
func (patternBody) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

// sizedTransport answers with a body of size bytes, with or without a
// Content-Length.
type sizedTransport struct {
	status int
	size   int64
	length bool // send Content-Length
}

// RoundTrip returns the sized response.
func (s sizedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: s.status, Header: http.Header{}, ContentLength: -1, Request: r,
		Body: io.NopCloser(io.LimitReader(patternBody{}, s.size))}
	if s.length {
		resp.ContentLength = s.size
	}
	return resp, nil
}

// TestMaxResponseBytes: a success body up to the cap is read whole, one
// byte more is an error naming the cap, whether or not the size was
// announced; error bodies are kept up to 1 MiB or the cap if smaller.
func TestMaxResponseBytes(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name    string
		max     int64 // Config.MaxResponseBytes
		resp    sizedTransport
		wantErr string // "": the whole body comes back
		wantLen int    // length of the body, or of the *Error's Body
	}{
		{"default cap, at it", 0, sizedTransport{200, 64 * mib, false}, "", 64 * mib},
		{"default cap, one byte over", 0, sizedTransport{200, 64*mib + 1, false}, "response body exceeds 64 MiB (Config.MaxResponseBytes)", 0},
		{"default cap, announced over", 0, sizedTransport{200, 64*mib + 1, true}, "response body exceeds 64 MiB (Config.MaxResponseBytes)", 0},
		{"no cap", -1, sizedTransport{200, 64*mib + 1, false}, "", 64*mib + 1},
		{"1 KiB cap, at it", 1024, sizedTransport{200, 1024, true}, "", 1024},
		{"1 KiB cap, over", 1024, sizedTransport{200, 1025, false}, "response body exceeds 1 KiB (Config.MaxResponseBytes)", 0},
		{"odd cap, over", 1000, sizedTransport{200, 1001, false}, "response body exceeds 1000 bytes (Config.MaxResponseBytes)", 0},
		{"error body under the default cap", 0, sizedTransport{500, 2 * mib, false}, "500", mib},
		{"error body under a smaller cap", 1024, sizedTransport{500, 2 * mib, true}, "500", 1024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := graphrt.New(graphrt.Config{HTTPClient: &http.Client{Transport: tt.resp}, MaxResponseBytes: tt.max, Retry: graphrt.RetryPolicy{MaxAttempts: 1}})
			body, err := c.Bytes(context.Background(), &graphrt.Request{Method: "GET", Path: "/v1.0/me/drive/items/1/content"})
			if tt.wantErr == "" {
				if err != nil || len(body) != tt.wantLen {
					t.Errorf("Bytes: %d bytes, %v; want %d bytes", len(body), err, tt.wantLen)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "graph: GET https://graph.microsoft.com/v1.0/me/drive/items/1/content: ") {
				t.Fatalf("Bytes: %d bytes, %v; want an error naming the request and %q", len(body), err, tt.wantErr)
			}
			var gerr *graphrt.Error
			if errors.As(err, &gerr) != (tt.wantLen > 0) || tt.wantLen > 0 && len(gerr.Body) != tt.wantLen {
				t.Errorf("error %v: want an *Error with a body of %d bytes", err, tt.wantLen)
			}
		})
	}
}

// bodyTransport answers every request with body, announcing its length
// when length is set.
type bodyTransport struct {
	body   []byte
	length bool
}

// RoundTrip returns body.
func (b bodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, ContentLength: -1, Request: r, Body: io.NopCloser(bytes.NewReader(b.body))}
	if b.length {
		resp.ContentLength = int64(len(b.body))
	}
	return resp, nil
}

// BenchmarkJSONBody measures Client.JSON on an 8 MiB collection page
// (reading, the cap and the JSON check), with and without Content-Length.
func BenchmarkJSONBody(b *testing.B) {
	var page bytes.Buffer
	page.WriteString(`{"value":[`)
	for i := 0; page.Len() < 8<<20; i++ {
		if i > 0 {
			page.WriteByte(',')
		}
		fmt.Fprintf(&page, `{"id":"%08d","displayName":"Adele Vance","mail":"adelev@contoso.com","businessPhones":["+1 425 555 0109"]}`, i)
	}
	page.WriteString(`]}`)
	for _, length := range []bool{true, false} {
		b.Run(fmt.Sprintf("length=%v", length), func(b *testing.B) {
			c := graphrt.New(graphrt.Config{HTTPClient: &http.Client{Transport: bodyTransport{page.Bytes(), length}}})
			req := &graphrt.Request{Method: "GET", Path: "/v1.0/users"}
			b.SetBytes(int64(page.Len()))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.JSON(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
