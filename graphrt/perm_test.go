package graphrt_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt"
)

// permMux serves one operation with documented permissions.
func permMux() *graphrt.Mux {
	m := graphrt.NewMux()
	m.Handle(graphrt.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{id}",
		Permissions: &graphrt.Permissions{
			DelegatedWork: []string{"User.Read", "Directory.Read.All"},
			Application:   []string{"User.Read.All+Directory.Read.All"},
			NotSupported:  []string{graphrt.DelegatedPersonal},
		}}, func(w http.ResponseWriter, r *http.Request) {})
	return m
}

func TestMockPermissions(t *testing.T) {
	tests := []struct {
		name, token string
		want        int
	}{
		{"delegated with one of", graphrt.TestToken(graphrt.DelegatedWork, "Mail.Read", "User.Read"), 200},
		{"delegated with none", graphrt.TestToken(graphrt.DelegatedWork, "Mail.Read"), 403},
		{"application with the whole group", graphrt.TestToken(graphrt.Application, "Directory.Read.All", "User.Read.All"), 200},
		{"application with half a group", graphrt.TestToken(graphrt.Application, "User.Read.All"), 403},
		{"personal account not supported", graphrt.TestToken(graphrt.DelegatedPersonal, "User.Read"), 403},
		{"opaque token is not checked", "opaque", 200},
	}
	m := permMux()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/v1.0/users/u1", nil)
			req.Header.Set("Authorization", "Bearer "+tt.token)
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.want, rec.Body)
			}
			if tt.want == 403 {
				var e struct {
					Error struct{ Code, Message string }
				}
				json.Unmarshal(rec.Body.Bytes(), &e)
				if e.Error.Code != "Authorization_RequestDenied" || e.Error.Message == "" {
					t.Errorf("error body %s", rec.Body)
				}
			}
		})
	}
}

type resetRequest struct {
	Mode     string `json:"mode"`
	KeepName *bool  `json:"keepName,omitempty"`
}

func TestCheckJSON(t *testing.T) {
	check := graphrt.CheckJSON[resetRequest]("mode")
	tests := []struct{ body, wantErr string }{
		{`{"mode":"full","keepName":true}`, ""},
		{`{"mode":"full","@odata.type":"#x"}`, ""},
		{`{"keepName":true}`, `required member "mode"`},
		{`{"mode":null}`, `required member "mode"`},
		{`{"mode":"full","colour":"red"}`, `unknown member "colour"`},
		{`{"mode":"full","keepName":"yes"}`, "cannot unmarshal"},
		{`[1,2]`, "not a JSON object"},
	}
	for _, tt := range tests {
		err := check([]byte(tt.body))
		if (err == nil) != (tt.wantErr == "") || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("CheckJSON(%s) = %v, want %q", tt.body, err, tt.wantErr)
		}
	}
	// the mux answers a failing check with 400
	m := graphrt.NewMux()
	m.Handle(graphrt.Route{Operation: "widget-reset", Method: "POST", Pattern: "/v1.0/widgets/{id}/reset", Body: graphrt.BodyJSON, Check: check},
		func(w http.ResponseWriter, r *http.Request) {})
	req := httptest.NewRequest("POST", "/v1.0/widgets/w/reset", strings.NewReader(`{"colour":"red"}`))
	req.Header.Set("Authorization", "Bearer t")
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	m.ServeHTTP(rec, req)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "unknown member") {
		t.Errorf("status %d %s, want 400 naming the unknown member", rec.Code, rec.Body)
	}
}

// dashRequest has a member named "-", which encoding/json spells "-,".
type dashRequest struct {
	Dash    string `json:"-,"`
	Skipped string `json:"-"`
}

// TestCheckJSONMemberNamedDash: the tag "-," declares the member "-"; only
// the tag "-" skips a field.
func TestCheckJSONMemberNamedDash(t *testing.T) {
	check := graphrt.CheckJSON[dashRequest]("-")
	if err := check([]byte(`{"-":"x"}`)); err != nil {
		t.Errorf(`CheckJSON({"-":"x"}) = %v, want nil`, err)
	}
	if err := check([]byte(`{}`)); err == nil || !strings.Contains(err.Error(), `required member "-"`) {
		t.Errorf("CheckJSON({}) = %v, want the missing member", err)
	}
	if err := check([]byte(`{"-":"x","Skipped":"y"}`)); err == nil || !strings.Contains(err.Error(), "unknown member") {
		t.Errorf("CheckJSON with a skipped field's name = %v, want an unknown member", err)
	}
}
