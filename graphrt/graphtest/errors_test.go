package graphtest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestWriteError(t *testing.T) {
	rec := httptest.NewRecorder()
	graphtest.WriteError(rec, http.StatusConflict, "nameAlreadyExists", `Name "a<b>" & 'c' exists`)
	if rec.Code != http.StatusConflict {
		t.Errorf("status = %d, want 409", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	var body map[string]map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("body %q: %v", rec.Body, err)
	}
	inner, _ := body["error"]["innerError"].(map[string]any)
	id, _ := inner["request-id"].(string)
	date, _ := inner["date"].(string)
	want := map[string]map[string]any{"error": {
		"code":       "nameAlreadyExists",
		"message":    `Name "a<b>" & 'c' exists`,
		"innerError": map[string]any{"request-id": id, "date": date},
	}}
	if diff := cmp.Diff(want, body); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
	if !uuidRE.MatchString(id) {
		t.Errorf("request-id %q is not a UUID", id)
	}
	if h := rec.Header().Get("request-id"); h != id {
		t.Errorf("request-id header %q, body %q", h, id)
	}
	if d, err := time.Parse(time.RFC3339, date); err != nil || !strings.HasSuffix(date, "Z") || d.Location() != time.UTC {
		t.Errorf("date %q is not RFC 3339 UTC (%v)", date, err)
	}
}

func TestWriteErrorIDsDiffer(t *testing.T) {
	a, b := httptest.NewRecorder(), httptest.NewRecorder()
	graphtest.WriteError(a, 500, "x", "y")
	graphtest.WriteError(b, 500, "x", "y")
	if a.Header().Get("request-id") == b.Header().Get("request-id") {
		t.Error("two errors share a request id")
	}
}
