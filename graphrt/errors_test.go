package graphrt_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt"
)

func TestErrorString(t *testing.T) {
	const u = "https://graph.microsoft.com/v1.0/users/x"
	tests := []struct {
		name string
		err  graphrt.Error
		want string
	}{{
		name: "everything",
		err: graphrt.Error{
			StatusCode: 404, Method: "GET", URL: u,
			Code: "Request_ResourceNotFound", Message: "Resource 'x' does not exist",
			RequestID: "r1", ClientRequestID: "c1", Date: "2024-01-02T03:04:05",
			Body: []byte(`{"error":{}}`),
		},
		want: "graph: GET " + u + ": 404 Not Found: Request_ResourceNotFound: Resource 'x' does not exist (request-id: r1, client-request-id: c1, date: 2024-01-02T03:04:05)",
	}, {
		name: "no ids",
		err:  graphrt.Error{StatusCode: 403, Method: "PATCH", URL: u, Code: "Forbidden", Message: "no"},
		want: "graph: PATCH " + u + ": 403 Forbidden: Forbidden: no",
	}, {
		name: "some ids",
		err:  graphrt.Error{StatusCode: 429, Method: "GET", URL: u, Code: "TooManyRequests", Date: "d"},
		want: "graph: GET " + u + ": 429 Too Many Requests: TooManyRequests (date: d)",
	}, {
		name: "message only, on several lines",
		err:  graphrt.Error{StatusCode: 400, Method: "POST", URL: u, Message: "line one\r\n\tline two  "},
		want: "graph: POST " + u + ": 400 Bad Request: line one line two",
	}, {
		name: "status only",
		err:  graphrt.Error{StatusCode: 500},
		want: "graph: 500 Internal Server Error",
	}, {
		name: "unknown status",
		err:  graphrt.Error{StatusCode: 599, Method: "GET", URL: u},
		want: "graph: GET " + u + ": 599",
	}, {
		name: "non-JSON body is a sanitized snippet",
		err:  graphrt.Error{StatusCode: 502, Method: "GET", URL: u, Body: []byte("<html>\n  <b>Bad\x00\x1b[31m Gateway\u202e</b>\xff</html>\n"), RequestID: "r"},
		want: "graph: GET " + u + ": 502 Bad Gateway: <html> <b>Bad [31m Gateway </b> </html> (request-id: r)",
	}, {
		name: "long body is cut to 200 bytes",
		err:  graphrt.Error{StatusCode: 500, Body: []byte(strings.Repeat("a", 300))},
		want: "graph: 500 Internal Server Error: " + strings.Repeat("a", 197) + "...",
	}, {
		name: "long body is cut on a rune boundary",
		err:  graphrt.Error{StatusCode: 500, Body: []byte(strings.Repeat("é", 150))},
		want: "graph: 500 Internal Server Error: " + strings.Repeat("é", 98) + "...",
	}, {
		name: "body of exactly 200 bytes is kept",
		err:  graphrt.Error{StatusCode: 500, Body: []byte(strings.Repeat("b", 200))},
		want: "graph: 500 Internal Server Error: " + strings.Repeat("b", 200),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestStatusPredicates(t *testing.T) {
	e := func(status int) error { return &graphrt.Error{StatusCode: status} }
	tests := []struct {
		name                           string
		err                            error
		notFound, throttled, forbidden bool
	}{
		{"nil", nil, false, false, false},
		{"plain error", errors.New("404"), false, false, false},
		{"404", e(404), true, false, false},
		{"429", e(429), false, true, false},
		{"403", e(403), false, false, true},
		{"401", e(401), false, false, false},
		{"wrapped 404", fmt.Errorf("get user: %w", e(404)), true, false, false},
		{"doubly wrapped 429", fmt.Errorf("a: %w", fmt.Errorf("b: %w", e(429))), false, true, false},
		{"joined 403", errors.Join(errors.New("x"), e(403)), false, false, true},
		{"wrapped without %w", fmt.Errorf("get user: %v", e(404)), false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := [3]bool{graphrt.IsNotFound(tt.err), graphrt.IsThrottled(tt.err), graphrt.IsForbidden(tt.err)}
			want := [3]bool{tt.notFound, tt.throttled, tt.forbidden}
			if got != want {
				t.Errorf("IsNotFound, IsThrottled, IsForbidden = %v, want %v", got, want)
			}
		})
	}
}

func TestErrorShowsInnerError(t *testing.T) {
	e := &graphrt.Error{StatusCode: 400, Code: "BadRequest", Message: "Invalid request.",
		InnerError: json.RawMessage(`{"code":"invalidRange","message":"Uploaded fragment overlaps","request-id":"r1"}`)}
	if want := "inner error invalidRange: Uploaded fragment overlaps"; !strings.Contains(e.Error(), want) {
		t.Errorf("Error() = %q, want it to contain %q", e.Error(), want)
	}
}
