package graphtest_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// permMux serves one operation with documented permissions.
func permMux() *graphtest.Mux {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{id}",
		Permissions: &graphtest.Permissions{
			DelegatedWork: []string{"User.Read", "Directory.Read.All"},
			Application:   []string{"User.Read.All+Directory.Read.All"},
			NotSupported:  []string{graphtest.DelegatedPersonal},
		}}, func(w http.ResponseWriter, r *http.Request) {})
	return m
}

func TestMockPermissions(t *testing.T) {
	tests := []struct {
		name, token string
		want        int
	}{
		{"delegated with one of", graphtest.TestToken(graphtest.DelegatedWork, "Mail.Read", "User.Read"), 200},
		{"delegated with none", graphtest.TestToken(graphtest.DelegatedWork, "Mail.Read"), 403},
		{"application with the whole group", graphtest.TestToken(graphtest.Application, "Directory.Read.All", "User.Read.All"), 200},
		{"application with half a group", graphtest.TestToken(graphtest.Application, "User.Read.All"), 403},
		{"personal account not supported", graphtest.TestToken(graphtest.DelegatedPersonal, "User.Read"), 403},
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

// jwt returns an unsigned JWT with the given JSON header and payload.
func jwt(header, payload string) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload)) + "."
}

// claims returns an unsigned JWT with the given JSON payload.
func claims(payload string) string { return jwt(`{"alg":"none","typ":"JWT"}`, payload) }

// TestMockTokenKinds: the mock tells application from delegated tokens as
// Microsoft Entra ID access tokens say it ("idtyp", else "scp" for
// delegated, else "roles", "appid", "azp" or "oid" for applications), so
// that an application token without roles, or a delegated token that also
// carries roles, is judged by what its kind holds.
func TestMockTokenKinds(t *testing.T) {
	const consumer = `"tid":"9188040d-6c67-4c5b-b112-36a304b66dad"`
	tests := []struct {
		name, token string
		want        int
	}{
		{"test token for an application without roles", graphtest.TestToken(graphtest.Application), 403},
		{"application, roles null", claims(`{"idtyp":"app","roles":null}`), 403},
		{"application, roles missing", claims(`{"idtyp":"app","oid":"o","appid":"a"}`), 403},
		{"application, roles empty", claims(`{"idtyp":"app","roles":[]}`), 403},
		{"application without idtyp, roles null", claims(`{"roles":null,"oid":"o"}`), 403},
		{"application without idtyp or roles (v1 token)", claims(`{"appid":"a","oid":"o","tid":"t"}`), 403},
		{"application without idtyp (v2 token)", claims(`{"azp":"a","roles":["User.Read.All","Directory.Read.All"]}`), 200},
		{"application holding the whole group", claims(`{"idtyp":"app","roles":["Directory.Read.All","User.Read.All"]}`), 200},
		{"delegated, scp empty", claims(`{"scp":""}`), 403},
		{"delegated, scp empty, roles granting the app group", claims(`{"scp":"","roles":["User.Read.All","Directory.Read.All"]}`), 403},
		{"delegated with scp and roles: scp decides", claims(`{"idtyp":"user","scp":"User.Read","roles":["Nothing"]}`), 200},
		{"delegated by idtyp without scp", claims(`{"idtyp":"user","oid":"o"}`), 403},
		{"personal account by idtyp", claims(`{"idtyp":"user",` + consumer + `,"scp":"User.Read"}`), 403},
		{"personal account by scp", claims(`{` + consumer + `,"scp":"User.Read"}`), 403},
		{"permission names compared without case", claims(`{"scp":"user.read"}`), 200},
		{"padded base64url payload", "eyJhbGciOiJub25lIn0." + base64.URLEncoding.EncodeToString([]byte(`{"scp":"User.Read"}`)) + ".", 200},
		{"JWT without kind claims is not checked", claims(`{"sub":"s","tid":"t"}`), 200},
		{"dotted opaque token is not checked", "a.b.c", 200},
		{"opaque token is not checked", "opaque", 200},
	}
	m := permMux()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(m, "GET", "/v1.0/users/u1", "Bearer "+tt.token, nil, "")
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.want, rec.Body)
			}
			if tt.want == 403 && errorCode(t, rec) != "Authorization_RequestDenied" {
				t.Errorf("error body %s", rec.Body)
			}
		})
	}
}

// TestMockMalformedTokens: a JWT whose claims cannot be read is refused
// with 401 InvalidAuthenticationToken, as Graph refuses it, saying what is
// wrong; so is a test token of a kind graphrt does not know.
func TestMockMalformedTokens(t *testing.T) {
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none"}`))
	tests := []struct{ name, token, want string }{
		{"payload not base64url", header + ".***.", "payload is not base64url-encoded"},
		{"payload not JSON", jwt(`{"alg":"none"}`, `scp=User.Read`), "payload is not a JSON object"},
		{"payload an array", jwt(`{"alg":"none"}`, `["scp"]`), "payload is not a JSON object"},
		{"scp not a string", claims(`{"scp":["User.Read"]}`), `claim "scp" must be a string, got an array`},
		{"roles a string", claims(`{"idtyp":"app","roles":"User.Read.All"}`), `claim "roles" must be an array of strings, got a string`},
		{"idtyp null", claims(`{"idtyp":null,"roles":["User.Read.All"]}`), `claim "idtyp" must be a string, got null`},
		{"idtyp unknown", claims(`{"idtyp":"device"}`), `"idtyp" claim "device" is neither "app" nor "user"`},
		{"TestToken of an unknown kind", graphtest.TestToken("app", "User.Read.All"), `graphtest.TestToken was given the kind "app"; it takes delegatedWork, delegatedPersonal or application`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// the token is read on every route, documented permissions or not
			for _, m := range []*graphtest.Mux{permMux(), graphMux()} {
				rec := call(m, "GET", "/v1.0/users/u1", "Bearer "+tt.token, nil, "")
				var e struct {
					Error struct{ Code, Message string }
				}
				_ = json.Unmarshal(rec.Body.Bytes(), &e)
				if rec.Code != 401 || e.Error.Code != "InvalidAuthenticationToken" || !strings.Contains(e.Error.Message, tt.want) {
					t.Errorf("%d %s, want 401 InvalidAuthenticationToken saying %s", rec.Code, rec.Body, tt.want)
				}
			}
		})
	}
}

// TestMockKindsDocumentedOrNot: a kind the docs mark not supported is
// refused whatever the token holds; a kind the docs say nothing about is
// let through.
func TestMockKindsDocumentedOrNot(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "x-get", Method: "GET", Pattern: "/v1.0/x", Permissions: &graphtest.Permissions{
		DelegatedWork: []string{"X.Read"}, NotSupported: []string{graphtest.Application}}}, func(w http.ResponseWriter, r *http.Request) {})
	tests := []struct {
		token string
		want  int
	}{
		{graphtest.TestToken(graphtest.Application, "X.Read", "X.Read.All"), 403},
		{graphtest.TestToken(graphtest.DelegatedPersonal), 200},
		{graphtest.TestToken(graphtest.DelegatedWork, "X.Read"), 200},
		{graphtest.TestToken(graphtest.DelegatedWork), 403},
	}
	for _, tt := range tests {
		rec := call(m, "GET", "/v1.0/x", "Bearer "+tt.token, nil, "")
		if rec.Code != tt.want {
			t.Errorf("%s: status %d, want %d: %s", tt.token, rec.Code, tt.want, rec.Body)
		}
	}
}

// TestMockPermissionSpellings: identityuserflowattribute-list documents
// "IdentityUserflow.ReadWrite.All", the permission other pages (and
// tokens) spell "IdentityUserFlow.ReadWrite.All".
func TestMockPermissionSpellings(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "identityuserflowattribute-list", Method: "GET", Pattern: "/v1.0/identity/userFlowAttributes",
		Permissions: &graphtest.Permissions{DelegatedWork: []string{"IdentityUserflow.ReadWrite.All"}}}, func(w http.ResponseWriter, r *http.Request) {})
	rec := call(m, "GET", "/v1.0/identity/userFlowAttributes", "Bearer "+graphtest.TestToken(graphtest.DelegatedWork, "IdentityUserFlow.ReadWrite.All"), nil, "")
	if rec.Code != 200 {
		t.Errorf("status %d, want 200: %s", rec.Code, rec.Body)
	}
}
