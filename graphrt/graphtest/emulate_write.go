package graphtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// failure is a Graph error answer: status, code and message.
type failure struct {
	status int
	code   string
	msg    string
}

// Error returns the message of f with its status and code.
func (f *failure) Error() string { return fmt.Sprintf("%d %s: %s", f.status, f.code, f.msg) }

// failf returns a failure whose message is formatted from format and args.
func failf(status int, code, format string, args ...any) *failure {
	return &failure{status: status, code: code, msg: fmt.Sprintf(format, args...)}
}

// notFound is Graph's answer for a missing object called name.
func notFound(name string) *failure {
	return failf(http.StatusNotFound, "Request_ResourceNotFound", "Resource '%s' does not exist or one of its queried reference-property objects are not present.", name)
}

// quotaFull is the answer when the store holds its cap.
func (s *Store) quotaFull() *failure {
	return failf(http.StatusInsufficientStorage, "quotaLimitReached", "The emulator's store is full: it holds its cap of %d items (StoreOptions.MaxItems).", s.opt.MaxItems)
}

// writeFailure writes err as a Graph error.
func writeFailure(w http.ResponseWriter, err error) {
	var f *failure
	if !errors.As(err, &f) {
		f = failf(http.StatusInternalServerError, "generalException", "%v", err)
	}
	WriteError(w, f.status, f.code, f.msg)
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		writeFailure(w, err)
		return
	}
	writeRaw(w, status, data)
}

// writeValue writes the stored value val, projected by selects, with
// status; 204 writes no body.
func writeValue(w http.ResponseWriter, status int, val *value, selects map[string]bool) {
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	data, err := encodeValue(val, selects)
	if err != nil {
		writeFailure(w, err)
		return
	}
	writeRaw(w, status, data)
}

// encodeValue is the JSON of val projected by selects: its stored
// encoding when selects is nil.
func encodeValue(val *value, selects map[string]bool) ([]byte, error) {
	if selects == nil {
		return val.encoded()
	}
	return json.Marshal(project(val.obj, selects))
}

// writeRaw writes the JSON data with status.
func writeRaw(w http.ResponseWriter, status int, data []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// writeText writes a text/plain answer, as $count is.
func writeText(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, text)
}

// readObject reads the request body as one JSON object, numbers kept as
// written.
func readObject(r *http.Request) (map[string]any, error) {
	data, err := readBody(r) // capped as the Mux caps it
	switch {
	case err != nil:
		return nil, failf(http.StatusBadRequest, "BadRequest", "reading the request body: %v", err)
	case len(data) > maxRequestBody:
		return nil, failf(http.StatusRequestEntityTooLarge, "BadRequest", "the request body is larger than %d bytes", maxRequestBody)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, failf(http.StatusBadRequest, "BadRequest", "Empty Payload. JSON content expected.")
	}
	obj, err := decodeObject(data)
	if err != nil {
		return nil, failf(http.StatusBadRequest, "BadRequest", "Invalid request body: %v", err)
	}
	return obj, nil
}

// decodeObject decodes data as one JSON object, numbers as json.Number.
func decodeObject(data []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("data after the JSON value")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("a JSON object is expected")
	}
	return obj, nil
}
