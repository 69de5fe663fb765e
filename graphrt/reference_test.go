package graphrt_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// The body of group-post-members' example, as the page documents it.
const memberRef = `{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}`

func TestRefBody(t *testing.T) {
	srv, got := recordingServer(t, 204, "")
	c := graphrt.NewClient(nil, srv.URL)
	req := &graphrt.Request{Method: "POST", Path: "/v1.0/groups/g1/members/$ref",
		JSON: graphrt.Ref{ODataID: "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}}
	if err := c.Empty(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 || !sameJSONText((*got)[0].Body, memberRef) || (*got)[0].ContentType != "application/json" {
		t.Errorf("sent %+v, want the reference %s as JSON", *got, memberRef)
	}
	err := c.Empty(context.Background(), &graphrt.Request{Method: "POST", Path: "/v1.0/groups/g1/members/$ref", JSON: graphrt.Ref{}})
	if err == nil || !strings.Contains(err.Error(), "@odata.id") || len(*got) != 1 {
		t.Errorf("empty reference: err %v after %d requests, want a refusal before sending", err, len(*got))
	}
}

func TestCheckRef(t *testing.T) {
	check := graphtest.CheckRef()
	tests := []struct {
		body    string
		wantErr string // "" for accepted
	}{
		{memberRef, ""},
		{`{"@odata.id": "{apiConnectorId}"}`, ""}, // b2xidentityuserflow-put-apiconnectorconfiguration's example
		{`{"@odata.id": "https://x/users/1", "@odata.context": "c"}`, ""},
		{`{}`, "needs \"@odata.id\""},
		{`{"@odata.id": ""}`, "needs \"@odata.id\""},
		{`{"@odata.id": 7}`, "needs \"@odata.id\""},
		{`{"id": "1"}`, `unknown member "id"`},
		{`{"@odata.id": "https://x/users/1", "displayName": "x"}`, `unknown member "displayName"`},
		{`[]`, "not a JSON object"},
	}
	for _, tt := range tests {
		err := check([]byte(tt.body))
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("CheckRef(%s) = %v, want nil", tt.body, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("CheckRef(%s) = %v, want an error containing %q", tt.body, err, tt.wantErr)
		}
	}
}

func TestMuxChecksReference(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "group-post-members", Method: "POST", Pattern: "/v1.0/groups/{id}/members/$ref",
		Body: graphtest.BodyJSON, Check: graphtest.CheckRef()}, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	for body, want := range map[string]int{memberRef: 204, `{"id": "1"}`: 400, `{}`: 400} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/v1.0/groups/g1/members/$ref", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer t")
		m.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("POST %s: %d, want %d", body, rec.Code, want)
		}
	}
}

func TestLocation(t *testing.T) {
	// team-clone's documented answer: 202 Accepted, a Location, no body.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Location", "/teams({id})/operations({opId})")
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusAccepted)
	}))
	defer srv.Close()
	c := graphrt.NewClient(nil, srv.URL)
	loc, err := c.Location(context.Background(), &graphrt.Request{Method: "POST", Path: "/v1.0/teams/t1/clone", JSON: map[string]string{"displayName": "x"}})
	if err != nil || loc != "/teams({id})/operations({opId})" {
		t.Errorf("Location = %q, %v; want the documented /teams({id})/operations({opId})", loc, err)
	}
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		graphtest.WriteError(w, http.StatusNotFound, "NotFound", "no team")
	}))
	defer failing.Close()
	_, err = graphrt.NewClient(nil, failing.URL).Location(context.Background(), &graphrt.Request{Method: "POST", Path: "/v1.0/teams/t1/clone"})
	var ge *graphrt.Error
	if !errors.As(err, &ge) || ge.StatusCode != 404 {
		t.Errorf("Location on a 404: %v, want a *graphrt.Error", err)
	}
}

// sameJSONText reports two JSON texts that decode to the same value.
func sameJSONText(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}
