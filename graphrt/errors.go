package graphrt

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSnippet limits the body excerpt shown by Error.Error for non-Graph bodies.
const maxSnippet = 200

// Error is a non-2xx Graph response, decoded from {"error":{...}} where possible.
type Error struct {
	StatusCode int
	Method     string
	URL        string
	Code       string
	Message    string
	// InnerError is the "innerError" object as sent, if any.
	InnerError json.RawMessage
	// RequestID, ClientRequestID and Date come from innerError, else from
	// the response headers request-id, client-request-id and Date.
	RequestID       string
	ClientRequestID string
	Date            string
	Body            []byte // raw body, limited to 1 MiB
}

// errorBody is the wire shape of a Graph error read by the client.
type errorBody struct {
	Error *struct {
		Code       string          `json:"code"`
		Message    json.RawMessage `json:"message"`
		InnerError json.RawMessage `json:"innerError"`
	} `json:"error"`
}

// innerIDs are the diagnostic fields of a Graph innerError object.
type innerIDs struct {
	RequestID       string `json:"request-id"`
	ClientRequestID string `json:"client-request-id"`
	Date            string `json:"date"`
}

// newError reads a limited error body from resp and decodes it.
func newError(hr *http.Request, resp *http.Response) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &Error{StatusCode: resp.StatusCode, Method: hr.Method, URL: hr.URL.String(), Body: body}
	e.decode()
	e.fillFromHeader(resp.Header)
	return e
}

// decode fills Code, Message, InnerError and the ids from a Graph JSON body.
func (e *Error) decode() {
	var b errorBody
	if json.Unmarshal(e.Body, &b) != nil || b.Error == nil {
		return
	}
	e.Code, e.Message = b.Error.Code, messageText(b.Error.Message)
	if len(b.Error.InnerError) == 0 || string(b.Error.InnerError) == "null" {
		return
	}
	e.InnerError = b.Error.InnerError
	var ids innerIDs
	if json.Unmarshal(e.InnerError, &ids) == nil {
		e.RequestID, e.ClientRequestID, e.Date = ids.RequestID, ids.ClientRequestID, ids.Date
	}
}

// messageText accepts a message given as a string or as {"value": "..."}.
func messageText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var v struct {
		Value string `json:"value"`
	}
	_ = json.Unmarshal(raw, &v)
	return v.Value
}

// fillFromHeader takes ids missing from the body from the response headers.
func (e *Error) fillFromHeader(h http.Header) {
	fill := func(dst *string, name string) {
		if *dst == "" {
			*dst = h.Get(name)
		}
	}
	fill(&e.RequestID, "request-id")
	fill(&e.ClientRequestID, "client-request-id")
	fill(&e.Date, "Date")
}

// Error returns a one-line description: method, URL, status, Graph code and
// message (or a short body excerpt) and the request ids, omitting empty parts.
func (e *Error) Error() string {
	parts := []string{"graph"}
	if target := strings.TrimSpace(e.Method + " " + e.URL); target != "" {
		parts = append(parts, target)
	}
	parts = append(parts, statusText(e.StatusCode))
	parts = append(parts, e.details()...)
	s := strings.Join(parts, ": ")
	if ids := e.ids(); ids != "" {
		s += " (" + ids + ")"
	}
	return s
}

// statusText returns "404 Not Found", or just the number for unknown codes.
func statusText(code int) string {
	s := strconv.Itoa(code)
	if t := http.StatusText(code); t != "" {
		s += " " + t
	}
	return s
}

// details returns the code and message, or a body snippet when there are none.
func (e *Error) details() []string {
	var d []string
	if e.Code != "" {
		d = append(d, oneLine(e.Code))
	}
	if e.Message != "" {
		d = append(d, oneLine(e.Message))
	}
	if len(d) == 0 && len(e.Body) > 0 {
		d = append(d, snippet(e.Body))
	}
	if inner := innerCode(e.InnerError); inner != "" && inner != e.Code {
		d = append(d, "inner error "+oneLine(inner))
	}
	return d
}

// innerCode returns the code (and message) of an inner error, the part of
// innerError that is not request ids.
func innerCode(inner []byte) string {
	var v struct{ Code, Message string }
	if len(inner) == 0 || json.Unmarshal(inner, &v) != nil || v.Code == "" {
		return ""
	}
	if v.Message != "" {
		return v.Code + ": " + v.Message
	}
	return v.Code
}

// ids formats the non-empty request ids and date.
func (e *Error) ids() string {
	var ids []string
	for _, kv := range [][2]string{
		{"request-id", e.RequestID},
		{"client-request-id", e.ClientRequestID},
		{"date", e.Date},
	} {
		if kv[1] != "" {
			ids = append(ids, kv[0]+": "+oneLine(kv[1]))
		}
	}
	return strings.Join(ids, ", ")
}

// oneLine replaces invalid UTF-8, control and format characters (such as
// bidi overrides) and runs of white space in s by single spaces and trims it.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	return strings.Join(strings.Fields(s), " ")
}

// snippet returns body as one line of at most maxSnippet bytes.
func snippet(body []byte) string {
	s := oneLine(string(body[:min(len(body), 4*maxSnippet)]))
	if len(s) <= maxSnippet {
		return s
	}
	cut := maxSnippet - len("...")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// IsNotFound reports whether err is or wraps an *Error with status 404.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsThrottled reports whether err is or wraps an *Error with status 429.
func IsThrottled(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

// IsForbidden reports whether err is or wraps an *Error with status 403.
func IsForbidden(err error) bool { return hasStatus(err, http.StatusForbidden) }

// hasStatus reports whether err is or wraps an *Error with the given status.
func hasStatus(err error, status int) bool {
	var e *Error
	return errors.As(err, &e) && e.StatusCode == status
}
