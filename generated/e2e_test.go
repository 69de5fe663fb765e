package generated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/alert"
	"github.com/graphgen-dev/graphgen/generated/alert/alertmock"
	"github.com/graphgen-dev/graphgen/generated/chats"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/generated/listitem"
	"github.com/graphgen-dev/graphgen/generated/rangeapi"
	"github.com/graphgen-dev/graphgen/generated/rangeapi/rangeapimock"
	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

// recorder is a RoundTripper that keeps the status and body of the last
// response it carried.
type recorder struct {
	base   http.RoundTripper
	status int
	body   []byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	r.body, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	r.status = resp.StatusCode
	resp.Body = io.NopCloser(bytes.NewReader(r.body))
	return resp, nil
}

// setup starts the generated mock serving h and returns a generated client
// for it, with its recorder.
func setup(t *testing.T, h generatedmock.Handlers) (*generated.Client, *recorder) {
	t.Helper()
	srv := httptest.NewServer(generatedmock.NewMock(h))
	t.Cleanup(srv.Close)
	rec := &recorder{base: graphrt.BearerTransport{Token: "test-token"}}
	hc := &http.Client{
		Transport: rec,
		// Keep the documented 302s (downloads) instead of following them
		// to hosts on the internet.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return generated.NewClient(hc, srv.URL), rec
}

// loadAPI reads the IR the committed package was generated from
// (TestGoldenGenerated keeps them in step).
func loadAPI(t *testing.T) *ir.API {
	t.Helper()
	api, err := graphgen.Load(graphgen.BundledDocs())
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// servingOps maps each mock route (method, version and path shape) to the
// operation the mock answers it with.
func servingOps(api *ir.API) map[string]*ir.Operation {
	m := map[string]*ir.Operation{}
	for _, op := range api.Operations {
		for _, r := range op.Routes {
			if r.ShadowedBy == "" {
				m[routeKey(op, r)] = op
			}
		}
	}
	return m
}

func routeKey(op *ir.Operation, r *ir.Route) string {
	return op.Method + " /" + op.Version + parser.Shape(r.Path)
}

// TestEveryClientMethodAgainstMock calls every generated client method
// against the generated mock and checks, against the serving page's own
// text (pageFacts, not the IR), the documented status and that the answer
// is one of the page's example responses; the typed result must decode
// (but for the docs errors of knownMisfits), a list must yield every item
// of a documented page that has some, and its Page method return them.
func TestEveryClientMethodAgainstMock(t *testing.T) {
	api := loadAPI(t)
	root, rec := setup(t, generatedmock.Handlers{})
	clients := areaClients(root)
	serving := servingOps(api)
	called := 0
	for _, op := range api.Operations {
		for _, r := range op.Routes {
			if op.SameAs != "" || r.SameAs != "" {
				continue // its call is another page's method of the same name
			}
			t.Run(op.Package+"."+r.GoName, func(t *testing.T) {
				m := reflect.ValueOf(clients[op.Package]).MethodByName(r.GoName)
				if !m.IsValid() {
					t.Fatalf("client has no method %s", r.GoName)
				}
				called++
				results, items, err := call(m, arguments(m.Type(), op, r))
				var ge *graphrt.Error
				switch {
				case errors.As(err, &ge):
					t.Fatalf("%s: %v", r.GoName, err)
				case err != nil:
					misfit(t, r.GoName, op.Page, err)
					results = nil
				}
				server := serving[routeKey(op, r)]
				facts := readPageFacts(t, server.Page)
				if want := facts.Status(); want == 0 {
					t.Logf("%s documents no success status; the mock answered %d", server.Page, rec.status)
				} else if rec.status != want {
					t.Errorf("status %d, want the %d that %s documents", rec.status, want, server.Page)
				}
				if r.Response == nil || len(rec.body) > 0 {
					checkBody(t, server, facts, rec.body, results)
				} // else a route answering otherwise, documented without an example of its own: status only
				if r.PageGoName != "" {
					if want := documentedItems(rec.body); err == nil && items < want {
						t.Errorf("%s yielded %d items; the page served has %d", r.GoName, items, want)
					}
					called++
					checkPageMethod(t, reflect.ValueOf(clients[op.Package]).MethodByName(r.PageGoName), op, r, documentedItems(rec.body))
				}
			})
		}
	}
	n := 0
	for _, c := range clients {
		n += reflect.TypeOf(c).NumMethod()
	}
	if n != called {
		t.Errorf("called %d client methods, the area clients have %d", called, n)
	}
}

// call calls a client method. A list (a method returning an
// iter.Seq2[T, error]) is drained: its result is the iterator, with the
// number of items it yielded and the first error.
func call(m reflect.Value, args []reflect.Value) (results []reflect.Value, items int, err error) {
	results = m.Call(args)
	if len(results) == 1 && results[0].Kind() == reflect.Func {
		items, err = drain(results[0])
		return results, items, err
	}
	err, _ = results[len(results)-1].Interface().(error)
	return results, 0, err
}

// checkPageMethod calls the one-page method of route r and requires the
// items of the page served, want of them.
func checkPageMethod(t *testing.T, m reflect.Value, op *ir.Operation, r *ir.Route, want int) {
	t.Helper()
	if !m.IsValid() {
		t.Fatalf("client has no method %s", r.PageGoName)
	}
	out := m.Call(arguments(m.Type(), op, r))
	if err, _ := out[1].Interface().(error); err != nil {
		misfit(t, r.PageGoName, op.Page, err)
		return
	}
	if got := out[0].Elem().FieldByName("Value").Len(); got != want {
		t.Errorf("%s returned %d items; the page served has %d", r.PageGoName, got, want)
	}
}

// arguments builds the call of a route's client method: a context, a
// non-empty value per path parameter and per placeholder of the documented
// query, the documented example body (or {}),
// and the documented required headers.
func arguments(method reflect.Type, op *ir.Operation, r *ir.Route) []reflect.Value {
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for _, p := range r.Params {
		args = append(args, reflect.ValueOf("v-"+p.GoName))
	}
	for _, q := range r.QueryParams {
		for _, p := range q.Params {
			args = append(args, reflect.ValueOf(queryArgument(q.Name, p.GoName)))
		}
	}
	switch op.RequestBody.Kind {
	case ir.KindObject, ir.KindParameters:
		args = append(args, bodyArgument(method.In(len(args)), exampleBody(op)))
	case ir.KindReference:
		args = append(args, reflect.ValueOf("https://graph.microsoft.com/v1.0/directoryObjects/x"))
	case ir.KindBinary:
		args = append(args, reflect.ValueOf([]byte("binary content")))
	}
	for _, h := range op.Headers {
		if h.Required && h.Name != "Authorization" && h.Name != "Content-Type" {
			args = append(args, reflect.ValueOf(graphrt.WithHeader(h.Name, "test")))
		}
	}
	return args
}

// queryArgument makes the value of a parameter of query option name: a
// number for $top and $skip, true for $count (the mock refuses other
// values, as Graph does), else a string naming the parameter.
func queryArgument(name, param string) string {
	switch strings.ToLower(name) {
	case "$top", "$skip":
		return "1"
	case "$count":
		return "true"
	}
	return "q-" + param
}

// bodyArgument makes the body argument of type t: an empty typed request
// or model (required parameters are values, so they are sent), else the
// documented example as raw JSON. Documented examples that contradict
// their own tables are the subject of TestExampleRequestsRoundTrip.
func bodyArgument(t reflect.Type, body string) reflect.Value {
	if t.Kind() != reflect.Pointer {
		return reflect.ValueOf(json.RawMessage(body))
	}
	return reflect.New(t.Elem())
}

// exampleBody is the first documented request body that is valid JSON,
// else an empty object.
func exampleBody(op *ir.Operation) string {
	for _, e := range op.Examples {
		if e.Request != nil && json.Valid([]byte(e.Request.Body)) {
			return e.Request.Body
		}
	}
	return "{}"
}

// knownMisfits are the pages whose documented example answer does not
// decode into the documented type, each checked by hand: a docs error, so
// the typed call fails as it would against Graph sending that answer.
var knownMisfits = map[string]string{
	"en-2021/api-reference/v1.0/api/alert-get.md":                                   `timestamps written as the placeholder "String (timestamp)"`,
	"en-2021/api-reference/beta/api/alert-list.md":                                  `timestamps written as the placeholder "datetime-value"`,
	"en-2021/api-reference/beta/api/ediscovery-case-list-legalholds.md":             `timestamps written as the placeholder "String (timestamp)"`,
	"en-2021/api-reference/beta/api/event-delta.md":                                 "the example is indented with U+202F narrow no-break spaces, which JSON does not allow",
	"pt-BR-2023/api-reference/beta/api/governancerolesetting-list.md":               `the example is cut short with a line "..."`,
	"pt-BR-2023/api-reference/v1.0/api/opentypeextension-get.md":                    "an example (line 198) has a raw line break inside a string",
	"pt-BR-2023/api-reference/beta/api/security-emailthreatsubmissionpolicy-get.md": `booleans written as the placeholder "Boolean"`,
}

// misfit fails a call whose answer did not decode, unless its page is a
// known docs error.
func misfit(t *testing.T, method, page string, err error) {
	t.Helper()
	if why, ok := knownMisfits[page]; ok && isDecodeError(err) {
		t.Logf("%s: the documented example does not decode (%s): %v", method, why, err)
		return
	}
	t.Errorf("%s: %v", method, err)
}

// documentedItems counts the items of a collection answer's "value".
func documentedItems(body []byte) int {
	var page struct{ Value []json.RawMessage }
	if json.Unmarshal(body, &page) != nil {
		return 0
	}
	return len(page.Value)
}

// checkBody requires the served body to be one of the example responses
// the serving page writes, and the client to return it.
func checkBody(t *testing.T, server *ir.Operation, facts pageFacts, served []byte, results []reflect.Value) {
	t.Helper()
	var bodies []string
	for _, r := range facts.Responses {
		bodies = append(bodies, r.Body)
	}
	if len(bodies) == 0 {
		// No example: nothing, or an empty collection (which the mock
		// answers so that a client can read it).
		bodies = []string{"", `{"value":[]}`}
	}
	found := false
	status := facts.Status()
	for _, b := range bodies {
		found = found || (status != 204 && sameServed(b, served)) || (len(served) == 0 && (b == "" || status == 204))
	}
	if !found {
		t.Errorf("served body is none of the %d documented examples of %s:\n%.300s", len(bodies), server.Page, served)
	}
	if len(results) != 2 || len(served) == 0 {
		return
	}
	if got, raw := results[0].Interface().([]byte); raw || results[0].Type() == reflect.TypeOf(json.RawMessage(nil)) {
		if !raw {
			got = results[0].Bytes()
		}
		if !bytes.Equal(got, served) {
			t.Errorf("client returned %.100q, the mock served %.100q", got, served)
		}
		return
	}
	// A typed result: it must hold what was served (models keep unknown
	// members; TestExampleResponsesRoundTrip checks the detail).
	if results[0].Kind() == reflect.Pointer && results[0].IsNil() {
		t.Errorf("typed result is nil, the mock served %.100q", served)
	}
	if out, err := json.Marshal(results[0].Interface()); err != nil || !json.Valid(out) {
		t.Errorf("typed result does not encode: %v", err)
	}
}

// alertEcho and rangeEcho override one operation each, of two areas, to
// report the path values the mock decoded.
type alertEcho struct {
	alertmock.DocsHandler
	got map[string]string
}

func (p alertEcho) Get(w http.ResponseWriter, r *http.Request) {
	p.got["alertID"] = r.PathValue("alertID")
	w.WriteHeader(http.StatusOK)
}

type rangeEcho struct {
	rangeapimock.DocsHandler
	got map[string]string
}

func (p rangeEcho) Clear(w http.ResponseWriter, r *http.Request) {
	for _, name := range []string{"itemID", "worksheetID", "address", "path"} {
		p.got[name] = r.PathValue(name)
	}
	w.WriteHeader(http.StatusOK)
}

// TestHostileIDsRoundTrip sends ids that need escaping through the
// generated client and checks the generated mock decodes them unchanged:
// segment, OData-quoted and multi-segment parameters.
func TestHostileIDsRoundTrip(t *testing.T) {
	got := map[string]string{}
	root, _ := setup(t, generatedmock.Handlers{Alert: alertEcho{got: got}, Rangeapi: rangeEcho{got: got}})
	ctx := context.Background()
	hostile := "a/b c?d#EXT#%41é"
	if _, err := alert.New(root).Get(ctx, hostile); err != nil {
		t.Fatal(err)
	}
	if got["alertID"] != hostile {
		t.Errorf("alertID arrived as %q, want %q", got["alertID"], hostile)
	}
	address := "Sheet1!A1:B2 'O''Brien'"
	if err := rangeapi.New(root).ClearInRootWorksheets(ctx, "folder/file name.xlsx", "Sheet #1", address, &rangeapi.ClearRequest{}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"alertID": hostile, "path": "folder/file name.xlsx", "worksheetID": "Sheet #1", "address": address, "itemID": ""}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s arrived as %q, want %q", k, got[k], v)
		}
	}
}

// TestMockRejectsUndocumentedRequests checks that the generated routes
// carry the documented rules.
func TestMockRejectsUndocumentedRequests(t *testing.T) {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	tests := []struct {
		name, method, path, auth, body string
		want                           int
	}{
		{"no token", "GET", "/v1.0/security/alerts/a1", "", "", 401},
		{"undocumented method", "DELETE", "/v1.0/security/alerts/a1", "Bearer t", "", 405},
		{"body where none is allowed", "DELETE", "/v1.0/sites/s/lists/l/items/i", "Bearer t", `{"x":1}`, 400},
		{"invalid JSON body", "POST", "/v1.0/chats/c1/members", "Bearer t", `{"x":`, 400},
		{"missing JSON body", "POST", "/v1.0/chats/c1/members", "Bearer t", "", 400},
		{"undocumented path", "GET", "/v1.0/doohickeys", "Bearer t", "", 404},
		{"documented request", "GET", "/v1.0/security/alerts/a1", "Bearer t", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			if tt.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
			if tt.want >= 400 {
				var e struct {
					Error struct{ Code, Message string } `json:"error"`
				}
				if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || e.Error.Code == "" {
					t.Errorf("error body is not Graph-shaped: %v %+v", err, e)
				}
			}
		})
	}
}

// TestClientReportsGraphErrors checks that a mock error reaches the caller
// as a *graphrt.Error with status and code.
func TestClientReportsGraphErrors(t *testing.T) {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	client := alert.New(generated.NewClient(nil, srv.URL)) // no token
	_, err := client.Get(context.Background(), "a1")
	var ge *graphrt.Error
	if !errors.As(err, &ge) || ge.StatusCode != 401 || ge.Code == "" {
		t.Fatalf("err = %v, want a *graphrt.Error with status 401 and a code", err)
	}
}

// TestGeneratedMockChecksPermissionsAndBodies uses the crafted widget page:
// its documented permissions ("and" group included) and its parameter
// table (mode required, keepName boolean) as the generated mock enforces
// them.
func TestGeneratedMockChecksPermissionsAndBodies(t *testing.T) {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	app := graphtest.Application
	tests := []struct {
		name, token, body string
		want              int
	}{
		{"delegated with a documented permission", graphtest.TestToken(graphtest.DelegatedWork, "Widget.ReadWrite"), `{"mode":"full"}`, 202},
		{"personal account with a documented permission", graphtest.TestToken(graphtest.DelegatedPersonal, "Widget.Read"), `{"mode":"full"}`, 202},
		{"delegated without one", graphtest.TestToken(graphtest.DelegatedWork, "Mail.Read"), `{"mode":"full"}`, 403},
		{"application with half of an and-group", graphtest.TestToken(app, "Widget.ReadWrite.All"), `{"mode":"full"}`, 403},
		{"application with the whole group", graphtest.TestToken(app, "Widget.ReadWrite.All", "Directory.Read.All"), `{"mode":"full"}`, 202},
		{"application without roles", graphtest.TestToken(app), `{"mode":"full"}`, 403},
		{"missing required parameter", "opaque", `{"keepName":true}`, 400},
		{"unknown parameter", "opaque", `{"mode":"full","colour":"red"}`, 400},
		{"wrong type", "opaque", `{"mode":"full","keepName":"yes"}`, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", srv.URL+"/v1.0/widgets/w1/reset", strings.NewReader(tt.body))
			req.Header.Set("Authorization", "Bearer "+tt.token)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.want {
				body, _ := io.ReadAll(resp.Body)
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.want, body)
			}
		})
	}
}

// TestGeneratedMockBodyErrorsSpeakTheAPI: the generated mock's 400s name
// the member by its path in the body, the JSON kind expected and the
// documented type (microsoft.graph.assignedLicense is the type of
// assignLicense's addLicenses; conversationMember the body of
// chat-post-members), never a Go type or field.
func TestGeneratedMockBodyErrorsSpeakTheAPI(t *testing.T) {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	tests := []struct{ path, body, want string }{
		{"/v1.0/widgets/w1/reset", `{"mode":"full","keepName":"yes"}`, `widget-shapes: member "keepName" must be a boolean, got a string.`},
		{"/v1.0/widgets/w1/reset", `{"mode":"full","colour":"red"}`, `widget-shapes: unknown member "colour" in the request body.`},
		{"/v1.0/users/u1/assignLicense", `{"addLicenses":["x"]}`,
			`user-assignlicense: member "addLicenses[0]" must be an object (microsoft.graph.assignedLicense), got a string.`},
		{"/v1.0/users/u1/assignLicense", `{"addLicenses":[{"skuId":"s"},{"skuId":5}]}`,
			`user-assignlicense: member "addLicenses[1].skuId" must be a string, got a number.`},
		{"/v1.0/users/u1/assignLicense", `{"addLicenses":{}}`, `user-assignlicense: member "addLicenses" must be an array, got an object.`},
		{"/v1.0/chats/c1/members", `[]`, `chat-post-members: request body must be a JSON object (microsoft.graph.conversationMember), got an array.`},
		{"/v1.0/chats/c1/members", `{"roles":"owner"}`, `chat-post-members: member "roles" must be an array, got a string.`},
		{"/v1.0/chats/c1/members", `{"visibleHistoryStartDateTime":"yesterday"}`,
			`chat-post-members: member "visibleHistoryStartDateTime" must be a timestamp such as "2024-01-31T09:30:00Z" (Edm.DateTimeOffset), got "yesterday".`},
		{"/v1.0/chats/c1/members", `{"roles":["owner"],}`,
			`chat-post-members: request body is not valid JSON: invalid character '}' looking for beginning of object key string at offset 19.`},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("POST", srv.URL+tt.path, strings.NewReader(tt.body))
		req.Header.Set("Authorization", "Bearer t")
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var e struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		err = json.NewDecoder(resp.Body).Decode(&e)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 400 || e.Error.Code != "BadRequest" || e.Error.Message != tt.want {
			t.Errorf("POST %s %s: %d %+v %v\nwant 400 BadRequest %q", tt.path, tt.body, resp.StatusCode, e.Error, err, tt.want)
		}
	}
}

// drain ranges over an iter.Seq2[T, error] value and counts its items,
// returning the first error it yields.
func drain(seq reflect.Value) (int, error) {
	n := 0
	var first error
	yieldType := seq.Type().In(0)
	yield := reflect.MakeFunc(yieldType, func(args []reflect.Value) []reflect.Value {
		if err, _ := args[1].Interface().(error); err != nil {
			first = err
			return []reflect.Value{reflect.ValueOf(false)}
		}
		n++
		return []reflect.Value{reflect.ValueOf(true)}
	})
	seq.Call([]reflect.Value{yield})
	return n, first
}

// isDecodeError tells a documented example that does not fit its type
// (reported elsewhere) from a failed request.
func isDecodeError(err error) bool {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var pe *time.ParseError
	return errors.As(err, &te) || errors.As(err, &se) || errors.As(err, &pe)
}

// TestPagerFollowsNextLinks pages a documented collection one item at a
// time through graphtest.WithFaults and requires every item, in order.
func TestPagerFollowsNextLinks(t *testing.T) {
	srv := httptest.NewServer(graphtest.WithFaults(generatedmock.NewMock(generatedmock.Handlers{}), graphtest.Faults{PageSize: 1}))
	defer srv.Close()
	client := listitem.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "t"}}, srv.URL))
	var ids []string
	for item, err := range client.ListDelta(context.Background(), "s1", "l1") {
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ ID string }
		if err := json.Unmarshal(item, &v); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, v.ID)
	}
	first, err := client.ListDeltaPage(context.Background(), "s1", "l1")
	if err != nil {
		t.Fatal(err)
	}
	// the documented example lists three items
	if len(first.Value) != 1 || first.NextLink == "" || len(ids) != 3 || ids[0] == ids[1] {
		t.Fatalf("first page %d items (next link %q), all pages %v; want 1 with a next link, and the example's 3", len(first.Value), first.NextLink, ids)
	}
	t.Logf("paged the items one by one: %v", ids)
}

// sameServed compares a documented body with what the mock served: the
// same bytes, or the same JSON once a documented @odata.nextLink to
// another host is dropped (the mock does not send clients there).
func sameServed(doc string, served []byte) bool {
	if doc == string(served) {
		return true
	}
	var d, s map[string]any
	if json.Unmarshal([]byte(doc), &d) != nil || json.Unmarshal(served, &s) != nil {
		return false
	}
	delete(d, "@odata.nextLink")
	return reflect.DeepEqual(d, s)
}

// TestPageExposesCount reads @odata.count through a generated Page method
// (the documented example of chats-getallmessages counts 2 messages).
func TestPageExposesCount(t *testing.T) {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	client := chats.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "t"}}, srv.URL))
	page, err := client.GetAllMessagesPage(context.Background(), "u1", graphrt.Count())
	if err != nil {
		t.Fatal(err)
	}
	if page.Count == nil || *page.Count != 2 || len(page.Value) != 2 || page.NextLink != "" {
		t.Errorf("page: count %v, %d items, next link %q; want 2, 2 and none (the documented link leaves the mock)", page.Count, len(page.Value), page.NextLink)
	}
}
