package graphtest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/graphgen-dev/graphgen/graphrt/internal/wire"
)

// wireError is the Graph error shape written by WriteError.
type wireError struct {
	Error struct {
		Code       string `json:"code"`
		Message    string `json:"message"`
		InnerError struct {
			RequestID string `json:"request-id"`
			Date      string `json:"date"`
		} `json:"innerError"`
	} `json:"error"`
}

// WriteError writes a Graph-shaped JSON error with a fresh request id,
// which is also sent in the request-id response header.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	var body wireError
	body.Error.Code, body.Error.Message = code, message
	body.Error.InnerError.RequestID = newRequestID()
	body.Error.InnerError.Date = time.Now().UTC().Format(time.RFC3339)
	data, err := json.Marshal(body)
	if err != nil {
		panic(err) // unreachable: the struct holds only strings
	}
	w.Header().Set("Content-Type", wire.JSONType)
	w.Header().Set("request-id", body.Error.InnerError.RequestID)
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// newRequestID returns a random version 4 UUID.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails since Go 1.24
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
