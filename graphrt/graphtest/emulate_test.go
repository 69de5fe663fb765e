package graphtest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// tableSeed is the state every table case starts from.
const tableSeed = `{
 "users": [{"id":"u1","displayName":"Ada","userPrincipalName":"ada@contoso.com","age":36},
           {"id":"u2","displayName":"Bob","userPrincipalName":"bob@contoso.com"}],
 "users/u1/messages": [{"id":"m1","subject":"Hi"}],
 "users/u1/manager": {"@odata.id":"users/u2"},
 "groups": [{"id":"g1","displayName":"Staff"}],
 "groups/g1/members": [{"@odata.id":"users/u1"}]
}`

// Objects of tableSeed as Graph (and the store, members sorted) write them.
const (
	ada = `{"age":36,"displayName":"Ada","id":"u1","userPrincipalName":"ada@contoso.com"}`
	bob = `{"displayName":"Bob","id":"u2","userPrincipalName":"bob@contoso.com"}`
)

// exchange is one request of a table case and what it must answer; in
// raw, header values and path, {srv} stands for the server's URL.
type exchange struct {
	method, path, body string
	status             int
	raw                string            // the whole body, when set
	code, msg          string            // the Graph error, when set
	header             map[string]string // headers the answer must have
}

// behaviourCase is one table case: a request, then requests checking the
// state it left.
type behaviourCase struct {
	name string
	exchange
	then []exchange
}

// runCases runs each case against a fresh store seeded with tableSeed,
// whose signed-in user is me.
func runCases(t *testing.T, me string, cases []behaviourCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newTestServer(t, seeded(t, StoreOptions{}, tableSeed), me)
			for _, x := range append([]exchange{tc.exchange}, tc.then...) {
				x.check(t, srv.URL)
			}
		})
	}
}

// check sends x to the server at srv and compares the answer.
func (x exchange) check(t *testing.T, srv string) {
	t.Helper()
	expand := func(s string) string { return strings.ReplaceAll(s, "{srv}", srv) }
	a := send(t, x.method, expand(srv+x.path), x.body)
	what := x.method + " " + x.path
	if a.status != x.status {
		t.Fatalf("%s: status %d, want %d; body %s", what, a.status, x.status, a.raw)
	}
	if x.raw != "" && a.raw != expand(x.raw) {
		t.Errorf("%s: body\n%s\nwant\n%s", what, a.raw, expand(x.raw))
	}
	if x.code != "" && (a.errorCode() != x.code || a.errorMessage() != x.msg) {
		t.Errorf("%s: error %s %q, want %s %q", what, a.errorCode(), a.errorMessage(), x.code, x.msg)
	}
	for k, v := range x.header {
		if got := a.header.Get(k); got != expand(v) {
			t.Errorf("%s: header %s: %q, want %q", what, k, got, expand(v))
		}
	}
	if got := a.header.Get("X-Graphgen-Emulated"); got != "state" {
		t.Errorf("%s: X-Graphgen-Emulated %q, want state", what, got)
	}
	if ct := a.header.Get("Content-Type"); a.raw != "" && ct != "application/json" && ct != "text/plain" {
		t.Errorf("%s: Content-Type %q", what, ct)
	}
}

// notFoundMsg is Graph's 404 message for the object name.
func notFoundMsg(name string) string {
	return "Resource '" + name + "' does not exist or one of its queried reference-property objects are not present."
}

func TestGet(t *testing.T) {
	runCases(t, testMe, []behaviourCase{
		{name: "item", exchange: exchange{method: "GET", path: "/v1.0/users/u2", status: 200, raw: bob}},
		{name: "beta sees the same tenant", exchange: exchange{method: "GET", path: "/beta/users/u2", status: 200, raw: bob}},
		{name: "key form", exchange: exchange{method: "GET", path: "/v1.0/users('u2')", status: 200, raw: bob}},
		{name: "key form with id=", exchange: exchange{method: "GET", path: "/v1.0/users(id='u2')", status: 200, raw: bob}},
		{name: "userPrincipalName, case ignored", exchange: exchange{method: "GET", path: "/v1.0/users/BOB@Contoso.com", status: 200, raw: bob}},
		{name: "select", exchange: exchange{method: "GET", path: "/v1.0/users/u1?$select=displayName,AGE", status: 200, raw: `{"age":36,"displayName":"Ada"}`}},
		{name: "missing", exchange: exchange{method: "GET", path: "/v1.0/users/nope", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "me is materialised", exchange: exchange{method: "GET", path: "/v1.0/me", status: 200, raw: `{"id":"me-0001"}`},
			then: []exchange{{method: "GET", path: "/v1.0/users/me-0001", status: 200, raw: `{"id":"me-0001"}`}}},
		{name: "single-valued navigation", exchange: exchange{method: "GET", path: "/v1.0/users/u1/manager", status: 200, raw: bob}},
		{name: "single-valued navigation unset", exchange: exchange{method: "GET", path: "/v1.0/users/u2/manager", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("manager")}},
		{name: "contained item", exchange: exchange{method: "GET", path: "/v1.0/users/u1/messages/m1", status: 200, raw: `{"id":"m1","subject":"Hi"}`}},
		{name: "contained item of another parent", exchange: exchange{method: "GET", path: "/v1.0/users/u2/messages/m1", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("m1")}},
		{name: "contained item below a userPrincipalName", exchange: exchange{method: "GET", path: "/v1.0/users/ada@contoso.com/messages/m1", status: 200, raw: `{"id":"m1","subject":"Hi"}`}},
		{name: "member of a reference collection", exchange: exchange{method: "GET", path: "/v1.0/groups/g1/members/u1", status: 200, raw: ada}},
		{name: "ignored options are listed", exchange: exchange{method: "GET", path: "/v1.0/users/u2?$expand=manager&$select=id&$Format=json", status: 200, raw: `{"id":"u2"}`,
			header: map[string]string{"X-Graphgen-Ignored": "$expand, $format"}}},
		{name: "option given twice", exchange: exchange{method: "GET", path: "/v1.0/users/u2?$select=id&$select=id", status: 400, code: "BadRequest",
			msg: "Query option '$select' was specified more than once, but it must be specified at most once."}},
	})
	runCases(t, "", []behaviourCase{
		{name: "me with an app token", exchange: exchange{method: "GET", path: "/v1.0/me", status: 400, code: "BadRequest", msg: "/me request is only valid with delegated authentication flow."}},
	})
}

func TestCreate(t *testing.T) {
	const id1 = "00000000-0000-4000-8000-000000000001"
	runCases(t, testMe, []behaviourCase{
		{name: "generated id and type", exchange: exchange{method: "POST", path: "/v1.0/users", body: `{"displayName":"Cy"}`, status: 201,
			raw:    `{"@odata.type":"#microsoft.graph.user","displayName":"Cy","id":"` + id1 + `"}`,
			header: map[string]string{"Location": "{srv}/v1.0/users/" + id1, "Content-Type": "application/json"}},
			then: []exchange{{method: "GET", path: "/v1.0/users/" + id1, status: 200, raw: `{"@odata.type":"#microsoft.graph.user","displayName":"Cy","id":"` + id1 + `"}`}}},
		{name: "given id", exchange: exchange{method: "POST", path: "/v1.0/users", body: `{"id":"u3"}`, status: 201, raw: `{"@odata.type":"#microsoft.graph.user","id":"u3"}`}},
		{name: "@odata.id sent is dropped", exchange: exchange{method: "POST", path: "/v1.0/users", body: `{"@odata.id":"users/x","id":"u3"}`, status: 201, raw: `{"@odata.type":"#microsoft.graph.user","id":"u3"}`}},
		{name: "type sent is kept", exchange: exchange{method: "POST", path: "/v1.0/users", body: `{"@odata.type":"#microsoft.graph.x","id":"u3"}`, status: 201, raw: `{"@odata.type":"#microsoft.graph.x","id":"u3"}`}},
		{name: "duplicate id", exchange: exchange{method: "POST", path: "/v1.0/users", body: `{"id":"u1"}`, status: 400, code: "Request_BadRequest", msg: "Another object with the same value for property id already exists."}},
		{name: "id not a string", exchange: exchange{method: "POST", path: "/v1.0/users", body: `{"id":5}`, status: 400, code: "Request_BadRequest", msg: "Invalid value for property 'id': a non-empty string is expected."}},
		{name: "stamps", exchange: exchange{method: "POST", path: "/v1.0/users/u1/messages", body: `{"subject":"Yo","size":1.50}`, status: 201,
			raw: `{"createdDateTime":"2026-12-01T09:30:00Z","id":"` + id1 + `","lastModifiedDateTime":"2026-12-01T09:30:00Z","size":1.50,"subject":"Yo"}`}}, // Graph answers a created message with both (message-post-messages)
		{name: "parent missing", exchange: exchange{method: "POST", path: "/v1.0/users/nope/messages", body: `{}`, status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "to a single value", exchange: exchange{method: "POST", path: "/v1.0/users/u1/manager", body: `{}`, status: 400, code: "BadRequest", msg: "'manager' is a single value, not a collection"}},
		{name: "not an object", exchange: exchange{method: "POST", path: "/v1.0/users", body: `[1]`, status: 400, code: "BadRequest", msg: "Invalid request body: a JSON object is expected"}},
		{name: "no body", exchange: exchange{method: "POST", path: "/v1.0/users", status: 400, code: "BadRequest", msg: "Empty Payload. JSON content expected."}},
		{name: "through me", exchange: exchange{method: "POST", path: "/v1.0/me/messages", body: `{"subject":"Note"}`, status: 201,
			header: map[string]string{"Location": "{srv}/v1.0/me/messages/" + id1}},
			then: []exchange{{method: "GET", path: "/v1.0/users/me-0001/messages?$select=subject", status: 200, raw: `{"value":[{"subject":"Note"}]}`}}},
	})
}

func TestUpdateReplaceDelete(t *testing.T) {
	runCases(t, testMe, []behaviourCase{
		{name: "merge", exchange: exchange{method: "PATCH", path: "/v1.0/users/u1", body: `{"displayName":"Ada L","age":null,"city":"London"}`, status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/users/u1", status: 200, raw: `{"age":null,"city":"London","displayName":"Ada L","id":"u1","userPrincipalName":"ada@contoso.com"}`}}},
		{name: "id is read-only", exchange: exchange{method: "PATCH", path: "/v1.0/users/u1", body: `{"id":"u9"}`, status: 400, code: "Request_BadRequest", msg: "Property 'id' is read-only and cannot be set."}},
		{name: "same id", exchange: exchange{method: "PATCH", path: "/v1.0/users/u1", body: `{"id":"u1"}`, status: 204}},
		{name: "update missing", exchange: exchange{method: "PATCH", path: "/v1.0/users/nope", body: `{}`, status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "update stamps", exchange: exchange{method: "PATCH", path: "/v1.0/users/u1/messages/m1", body: `{"subject":"Re"}`, status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/users/u1/messages/m1", status: 200, raw: `{"id":"m1","lastModifiedDateTime":"2026-12-01T09:30:00Z","subject":"Re"}`}}},
		{name: "singleton below a singleton", exchange: exchange{method: "PATCH", path: "/v1.0/admin/sharepoint/settings", body: `{"isCommentingOnSitePagesEnabled":false}`, status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/admin/sharepoint/settings", status: 200, raw: `{"isCommentingOnSitePagesEnabled":false}`}}},
		{name: "update a reference", exchange: exchange{method: "PATCH", path: "/v1.0/groups/g1/members/u1", body: `{}`, status: 400, code: "BadRequest", msg: "'u1' is a reference: change the object it refers to"}},
		{name: "update me", exchange: exchange{method: "PATCH", path: "/v1.0/me", body: `{"jobTitle":"Dev"}`, status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/me", status: 200, raw: `{"id":"me-0001","jobTitle":"Dev"}`}}},
		{name: "replace", exchange: exchange{method: "PUT", path: "/v1.0/users/u1", body: `{"displayName":"New"}`, status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/users/u1", status: 200, raw: `{"displayName":"New","id":"u1"}`}}},
		{name: "replace with another id", exchange: exchange{method: "PUT", path: "/v1.0/users/u1", body: `{"id":"u9"}`, status: 400, code: "Request_BadRequest", msg: "Property 'id' is read-only and cannot be set."}},
		{name: "replace missing", exchange: exchange{method: "PUT", path: "/v1.0/users/nope", body: `{}`, status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "delete removes what is below", exchange: exchange{method: "DELETE", path: "/v1.0/users/u1", status: 204},
			then: []exchange{
				{method: "GET", path: "/v1.0/users/u1", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("u1")},
				{method: "GET", path: "/v1.0/users/u1/messages", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("u1")},
				{method: "POST", path: "/v1.0/users", body: `{"id":"u1"}`, status: 201},
				{method: "GET", path: "/v1.0/users/u1/messages", status: 200, raw: `{"value":[]}`},
				{method: "GET", path: "/v1.0/users/u1/manager", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("manager")},
			}},
		{name: "delete missing", exchange: exchange{method: "DELETE", path: "/v1.0/users/nope", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "delete a single-valued navigation", exchange: exchange{method: "DELETE", path: "/v1.0/users/u1/manager", status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/users/u1/manager", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("manager")}}},
	})
}

func TestListAndCount(t *testing.T) {
	runCases(t, testMe, []behaviourCase{
		{name: "insertion order", exchange: exchange{method: "GET", path: "/v1.0/users", status: 200, raw: `{"value":[` + ada + `,` + bob + `]}`}},
		{name: "filter eq ignores case", exchange: exchange{method: "GET", path: "/v1.0/users?$filter=displayName%20eq%20'bob'", status: 200, raw: `{"value":[` + bob + `]}`}},
		{name: "filter on a number", exchange: exchange{method: "GET", path: "/v1.0/users?$filter=age+gt+30&$select=id", status: 200, raw: `{"value":[{"id":"u1"}]}`}},
		{name: "orderby desc", exchange: exchange{method: "GET", path: "/v1.0/users?$orderby=displayName%20desc&$select=id", status: 200, raw: `{"value":[{"id":"u2"},{"id":"u1"}]}`}},
		{name: "orderby nulls first", exchange: exchange{method: "GET", path: "/v1.0/users?$orderby=age&$select=id", status: 200, raw: `{"value":[{"id":"u2"},{"id":"u1"}]}`}},
		{name: "count", exchange: exchange{method: "GET", path: "/v1.0/users?$count=true&$select=id", status: 200, raw: `{"@odata.count":2,"value":[{"id":"u1"},{"id":"u2"}]}`}},
		{name: "skip", exchange: exchange{method: "GET", path: "/v1.0/users?$skip=1&$select=id", status: 200, raw: `{"value":[{"id":"u2"}]}`}},
		{name: "top 0", exchange: exchange{method: "GET", path: "/v1.0/users?$top=0", status: 400, code: "BadRequest", msg: "Invalid page size specified: '0'. Must be between 1 and 999 inclusive."}},
		{name: "top 1000", exchange: exchange{method: "GET", path: "/v1.0/users?$top=1000", status: 400, code: "BadRequest", msg: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive."}},
		{name: "bad filter", exchange: exchange{method: "GET", path: "/v1.0/users?$filter=displayName%20eq", status: 400, code: "BadRequest",
			msg: "Invalid filter clause: syntax error: the clause ends where an operand is expected at position 14 in 'displayName eq'."}},
		{name: "bad orderby", exchange: exchange{method: "GET", path: "/v1.0/users?$orderby=displayName%20up", status: 400, code: "BadRequest",
			msg: "Invalid $orderby clause: the direction 'up' is not asc or desc in key 1 of 'displayName up'."}},
		{name: "garbage skiptoken", exchange: exchange{method: "GET", path: "/v1.0/users?$skiptoken=abc", status: 400, code: "BadRequest",
			msg: "The $skiptoken 'abc' is not valid: pass the @odata.nextLink of the previous page as it is."}},
		{name: "ignored options", exchange: exchange{method: "GET", path: "/v1.0/users?$search=%22displayName:Ada%22&$expand=manager&$select=id", status: 200,
			raw: `{"value":[{"id":"u1"},{"id":"u2"}]}`, header: map[string]string{"X-Graphgen-Ignored": "$expand, $search"}}},
		{name: "contained list of a missing parent", exchange: exchange{method: "GET", path: "/v1.0/users/nope/messages", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "collection never stored", exchange: exchange{method: "GET", path: "/v1.0/groups/g1/owners", status: 200, raw: `{"value":[]}`}},
		{name: "references resolved and filtered", exchange: exchange{method: "GET", path: "/v1.0/groups/g1/members?$filter=displayName%20eq%20'Ada'", status: 200, raw: `{"value":[` + ada + `]}`}},
		{name: "count text", exchange: exchange{method: "GET", path: "/v1.0/users/$count", status: 200, raw: "2", header: map[string]string{"Content-Type": "text/plain"}}},
		{name: "count filtered", exchange: exchange{method: "GET", path: "/v1.0/users/$count?$filter=startswith(displayName,'A')", status: 200, raw: "1"}},
		{name: "count of references", exchange: exchange{method: "GET", path: "/v1.0/groups/g1/members/$count", status: 200, raw: "1"}},
	})
}

func TestRefs(t *testing.T) {
	runCases(t, testMe, []behaviourCase{
		{name: "add", exchange: exchange{method: "POST", path: "/v1.0/groups/g1/members/$ref", body: `{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/u2"}`, status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/groups/g1/members/$ref", status: 200, raw: `{"value":[{"@odata.id":"{srv}/v1.0/users/u1"},{"@odata.id":"{srv}/v1.0/users/u2"}]}`}}},
		{name: "add twice", exchange: exchange{method: "POST", path: "/v1.0/groups/g1/members/$ref", body: `{"@odata.id":"https://graph.microsoft.com/v1.0/users/u1"}`, status: 400,
			code: "Request_BadRequest", msg: "One or more added object references already exist for the following modified properties: 'members'."}},
		{name: "add a missing object", exchange: exchange{method: "POST", path: "/v1.0/groups/g1/members/$ref", body: `{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/nope"}`, status: 404,
			code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "add without @odata.id", exchange: exchange{method: "POST", path: "/v1.0/groups/g1/members/$ref", body: `{"id":"u2"}`, status: 400, code: "BadRequest",
			msg: `A reference body needs "@odata.id", the URL of the object to refer to, as a non-empty string.`}},
		{name: "add to a missing group", exchange: exchange{method: "POST", path: "/v1.0/groups/nope/members/$ref", body: `{"@odata.id":"users/u2"}`, status: 404,
			code: "Request_ResourceNotFound", msg: notFoundMsg("nope")}},
		{name: "POST to a single-valued navigation", exchange: exchange{method: "POST", path: "/v1.0/users/u1/manager/$ref", body: `{"@odata.id":"users/u1"}`, status: 400,
			code: "BadRequest", msg: "'manager' is a single-valued navigation: PUT its reference"}},
		{name: "PUT to a collection", exchange: exchange{method: "PUT", path: "/v1.0/groups/g1/members/$ref", body: `{"@odata.id":"users/u2"}`, status: 400,
			code: "BadRequest", msg: "'members' is a collection: POST a reference to it"}},
		{name: "remove by key", exchange: exchange{method: "DELETE", path: "/v1.0/groups/g1/members/u1/$ref", status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/groups/g1/members", status: 200, raw: `{"value":[]}`}}},
		{name: "remove by $id", exchange: exchange{method: "DELETE", path: "/v1.0/groups/g1/members/$ref?$id=https://graph.microsoft.com/v1.0/directoryObjects/u1", status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/groups/g1/members/$ref", status: 200, raw: `{"value":[]}`}}},
		{name: "remove missing", exchange: exchange{method: "DELETE", path: "/v1.0/groups/g1/members/u2/$ref", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("u2")}},
		{name: "set a single-valued navigation", exchange: exchange{method: "PUT", path: "/v1.0/users/u2/manager/$ref", body: `{"@odata.id":"https://graph.microsoft.com/v1.0/users/u1"}`, status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/users/u2/manager", status: 200, raw: ada}}},
		{name: "read a single-valued reference", exchange: exchange{method: "GET", path: "/v1.0/users/u1/manager/$ref", status: 200, raw: `{"@odata.id":"{srv}/v1.0/users/u2"}`}},
		{name: "remove a single-valued reference", exchange: exchange{method: "DELETE", path: "/v1.0/users/u1/manager/$ref", status: 204},
			then: []exchange{{method: "GET", path: "/v1.0/users/u1/manager", status: 404, code: "Request_ResourceNotFound", msg: notFoundMsg("manager")}}},
		{name: "dangling references are skipped", exchange: exchange{method: "DELETE", path: "/v1.0/users/u1", status: 204},
			then: []exchange{
				{method: "GET", path: "/v1.0/groups/g1/members?$count=true", status: 200, raw: `{"@odata.count":0,"value":[]}`},
				{method: "GET", path: "/v1.0/groups/g1/members/$ref", status: 200, raw: `{"value":[]}`},
			}},
	})
}

// TestCallFields checks what the glue sets beyond the behaviour: the
// documented status, the shape of the path, and behaviours the store
// does not emulate.
func TestCallFields(t *testing.T) {
	cases := []struct {
		name         string
		method, path string
		body         string
		call         Call
		status       int
		raw          string
	}{
		{"update answering 200 returns the object", "PATCH", "/v1.0/users/u2", `{"jobTitle":"CEO"}`, Call{Behavior: Update, Status: 200}, 200,
			`{"displayName":"Bob","id":"u2","jobTitle":"CEO","userPrincipalName":"bob@contoso.com"}`},
		{"create answering 200", "POST", "/v1.0/groups", `{"id":"g2"}`, Call{Behavior: Create, Status: 200}, 200, `{"id":"g2"}`},
		{"a singleton named by the glue", "PATCH", "/v1.0/policies/authorizationPolicy", `{"allowInvitesFrom":"none"}`, Call{Behavior: Update, Shape: ShapeSlot}, 204, ""},
		{"the same path inferred as an item", "PATCH", "/v1.0/policies/authorizationPolicy", `{}`, Call{Behavior: Update}, 404,
			`{"error":{"code":"Request_ResourceNotFound"`},
		{"example is not the store's", "GET", "/v1.0/users", "", Call{Behavior: Canned}, 500, `{"error":{"code":"generalException"`},
		{"a behaviour out of range", "GET", "/v1.0/users", "", Call{Behavior: 99}, 500, `{"error":{"code":"generalException"`},
		{"no resource", "GET", "/v1.0/", "", Call{Behavior: List}, 400, `{"error":{"code":"BadRequest"`},
		{"empty segment", "GET", "/v1.0/users//u1", "", Call{Behavior: Get}, 400, `{"error":{"code":"BadRequest","message":"the path segment \"\" is not a valid segment"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := seeded(t, StoreOptions{}, tableSeed)
			r := httptest.NewRequest(tc.method, "http://graph.test"+tc.path, strings.NewReader(tc.body))
			w := httptest.NewRecorder()
			s.Serve(w, r, tc.call)
			if w.Code != tc.status || !strings.HasPrefix(w.Body.String(), tc.raw) {
				t.Errorf("%d %s, want %d %s", w.Code, w.Body, tc.status, tc.raw)
			}
		})
	}
}

// TestBehaviorNames checks String and ParseBehavior against the names
// the IR carries.
func TestBehaviorNames(t *testing.T) {
	names := map[Behavior]string{Canned: "example", List: "list", Count: "count", Get: "get", Create: "create", Update: "update",
		Replace: "replace", Delete: "delete", AddRef: "addRef", RemoveRef: "removeRef", ListRefs: "listRefs"}
	for b, name := range names {
		if b.String() != name {
			t.Errorf("%d.String() = %q, want %q", b, b.String(), name)
		}
		if got, ok := ParseBehavior(name); !ok || got != b {
			t.Errorf("ParseBehavior(%q) = %v, %v", name, got, ok)
		}
	}
	if _, ok := ParseBehavior("patch"); ok {
		t.Error(`ParseBehavior("patch") succeeded`)
	}
	if got := Behavior(42).String(); got != "Behavior(42)" {
		t.Errorf("Behavior(42).String() = %q", got)
	}
}

// Statuses Graph documents by default: checked once by name.
var _ = []int{http.StatusOK, http.StatusCreated, http.StatusNoContent}
