package generated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/ir"
)

// capture records the last request a client sent and the answer it got.
type capture struct {
	method, path, query string
	body, answer        []byte
}

func (c *capture) RoundTrip(req *http.Request) (*http.Response, error) {
	c.method, c.path, c.query = req.Method, req.URL.EscapedPath(), req.URL.RawQuery
	c.body = nil
	if req.Body != nil {
		c.body, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(c.body))
	}
	req.Header.Set("Authorization", "Bearer test")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	c.answer, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(c.answer))
	return resp, nil
}

// TestDocsExamplesReplayed turns every documented example request into the
// typed call of the route its URL matches, and checks that the client
// sends the example's method, path, query and JSON body, and that the
// mock answers with the example's response. Examples no route matches
// (their URL is not one of the documented templates) or whose body is not
// JSON are reported, not failed.
func TestDocsExamplesReplayed(t *testing.T) {
	api, err := graphgen.Load(graphgen.BundledDocs())
	if err != nil {
		t.Fatal(err)
	}
	family := generated.FamilyTypes(api)
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	cp := &capture{}
	clients := areaClients(generated.NewClient(&http.Client{Transport: cp, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, srv.URL))
	replayed, unmatched := 0, 0
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			if ex.Request == nil {
				continue
			}
			path := (&url.URL{Path: "/" + op.Version + ex.Request.Path}).EscapedPath()
			r, params := matchRoute(op, path)
			if r == nil {
				unmatched++
				t.Logf("%s: %s matches no documented path of %s", ex.Source, ex.Request.Path, op.ID)
				continue
			}
			m := reflect.ValueOf(clients[op.Package]).MethodByName(r.GoName)
			args, ok := replayArguments(m.Type(), op, r, ex, params)
			if !ok {
				t.Logf("%s: the example body does not fit the request type; not replayed", ex.Source)
				continue
			}
			_, _, err := call(m, args) // a list is drained, so that it sends its request
			var ge *graphrt.Error
			if errors.As(err, &ge) && ge.StatusCode == 400 {
				t.Errorf("%s: the mock refuses the documented example: %s", ex.Source, ge.Message)
			}
			checkSent(t, ex, op.Version, sentBody(family, op, ex), cp)
			if r.ShadowedBy == "" && ex.Response != nil && json.Valid([]byte(ex.Response.Body)) && json.Valid(cp.answer) && !answersOneOf(op, ex, cp.answer) {
				t.Errorf("%s: the mock answered\n%.300s\nnot the documented\n%.300s", ex.Source, cp.answer, ex.Response.Body)
			}
			replayed++
		}
	}
	t.Logf("%d examples replayed, %d match no documented path", replayed, unmatched)
	if replayed < 60 {
		t.Errorf("only %d examples replayed", replayed)
	}
}

// matchRoute finds the route of op (without a query template) whose
// pattern the example path matches, and its parameter values.
func matchRoute(op *ir.Operation, path string) (*ir.Route, map[string]string) {
	for _, r := range op.Routes {
		if len(r.QueryParams) > 0 {
			continue
		}
		if params, ok := graphtest.MatchPattern("/"+op.Version+r.Pattern, path); ok {
			return r, params
		}
	}
	return nil, nil
}

// patternNames lists the parameter names of a mock pattern in order:
// "/users/{userID}/messages/{messageID}" → userID, messageID.
func patternNames(pattern string) []string {
	var names []string
	for _, part := range strings.Split(pattern, "{")[1:] {
		name, _, _ := strings.Cut(part, "}")
		names = append(names, strings.TrimSuffix(name, "..."))
	}
	return names
}

// replayArguments builds the typed call of an example: its path values,
// its body decoded into the request type, its query as options.
func replayArguments(method reflect.Type, op *ir.Operation, r *ir.Route, ex ir.Example, params map[string]string) ([]reflect.Value, bool) {
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for _, name := range patternNames(r.Pattern) { // the mock's names, in the order of r.Params
		args = append(args, reflect.ValueOf(params[name]))
	}
	switch op.RequestBody.Kind {
	case ir.KindObject, ir.KindParameters:
		body := []byte(ex.Request.Body)
		if len(body) == 0 {
			body = []byte("{}")
		}
		t := method.In(len(args))
		if t.Kind() == reflect.Pointer {
			v := reflect.New(t.Elem())
			if json.Unmarshal(body, v.Interface()) != nil {
				return nil, false
			}
			args = append(args, v)
		} else if json.Valid(body) {
			args = append(args, reflect.ValueOf(json.RawMessage(body)))
		} else {
			return nil, false
		}
	case ir.KindReference:
		var ref graphrt.Ref
		if json.Unmarshal([]byte(ex.Request.Body), &ref) != nil || ref.ODataID == "" {
			return nil, false
		}
		args = append(args, reflect.ValueOf(ref.ODataID))
	case ir.KindBinary:
		args = append(args, reflect.ValueOf([]byte(ex.Request.Body)))
	}
	for _, h := range op.Headers {
		if h.Required && h.Name != "Authorization" && h.Name != "Content-Type" {
			args = append(args, reflect.ValueOf(graphrt.WithHeader(h.Name, "test")))
		}
	}
	q, _ := url.ParseQuery(ex.Request.Query)
	for name, vs := range q {
		for _, v := range vs {
			args = append(args, reflect.ValueOf(graphrt.WithQuery(name, v)))
		}
	}
	return args, true
}

// checkSent compares the request the client sent with the example.
func checkSent(t *testing.T, ex ir.Example, version string, body []byte, cp *capture) {
	t.Helper()
	want, _ := url.PathUnescape((&url.URL{Path: "/" + version + ex.Request.Path}).EscapedPath())
	got, _ := url.PathUnescape(cp.path)
	if cp.method != ex.Request.Method || got != want {
		t.Errorf("%s: sent %s %s, the example is %s %s", ex.Source, cp.method, got, ex.Request.Method, want)
	}
	wq, _ := url.ParseQuery(ex.Request.Query)
	gq, _ := url.ParseQuery(cp.query)
	if !reflect.DeepEqual(wq, gq) && !(len(wq) == 0 && len(gq) == 0) {
		t.Errorf("%s: sent query %v, the example's is %v", ex.Source, gq, wq)
	}
	if json.Valid(body) && len(cp.body) > 0 && !generated.SameJSON(body, cp.body) {
		t.Errorf("%s: sent body\n%s\nnot the example's\n%s", ex.Source, cp.body, body)
	}
}

// sentBody is the body the client sends for the example request of op:
// the example's, with the "@odata.type" of the documented type added when
// that type is of a polymorphic family (family) and the example has none.
func sentBody(family map[string]bool, op *ir.Operation, ex ir.Example) []byte {
	body, b := []byte(ex.Request.Body), op.RequestBody
	if b.Kind == ir.KindObject && family[op.Version+" "+b.Type] {
		return generated.TypedJSON(body, b.Type)
	}
	var members map[string]json.RawMessage
	if b.Kind != ir.KindParameters || json.Unmarshal(body, &members) != nil {
		return body
	}
	typed := false
	for _, p := range b.Params { // a parameter of a family's type sends its @odata.type too
		v, ok := members[p.Name]
		if !ok || !family[op.Version+" "+p.TypeName] {
			continue
		}
		if !p.Collection {
			members[p.Name], typed = generated.TypedJSON(v, p.TypeName), true
			continue
		}
		var items []json.RawMessage
		if json.Unmarshal(v, &items) == nil {
			for i := range items {
				items[i] = generated.TypedJSON(items[i], p.TypeName)
			}
			members[p.Name], _ = json.Marshal(items)
			typed = true
		}
	}
	if !typed {
		return body
	}
	out, _ := json.Marshal(members)
	return out
}

// answersOneOf reports whether answer is the documented response of an
// example with the same request path and query as ex (a mock cannot tell
// examples apart by their bodies).
func answersOneOf(op *ir.Operation, ex ir.Example, answer []byte) bool {
	for _, other := range op.Examples {
		if other.Request != nil && other.Response != nil && other.Request.Path == ex.Request.Path &&
			other.Request.Query == ex.Request.Query && generated.SameJSON(withoutNextLink(other.Response.Body), answer) {
			return true
		}
	}
	return false
}

// withoutNextLink drops a documented @odata.nextLink, which the mock does
// not serve (it points to graph.microsoft.com).
func withoutNextLink(body string) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &m) != nil {
		return []byte(body)
	}
	delete(m, "@odata.nextLink")
	out, _ := json.Marshal(m)
	return out
}

// TestExampleRequestsRoundTrip decodes every documented example request
// body into the operation's request type (its parameter struct, or the
// documented model) and requires graphrt.MarshalBody, which the client
// sends, to give back the same JSON (with the "@odata.type" a model of a
// polymorphic family adds: sentBody).
func TestExampleRequestsRoundTrip(t *testing.T) {
	api, err := graphgen.Load(graphgen.BundledDocs())
	if err != nil {
		t.Fatal(err)
	}
	clients := areaClients(generated.NewClient(nil, ""))
	family := generated.FamilyTypes(api)
	checked, notJSON := 0, 0
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			if ex.Request == nil || ex.Request.Body == "" {
				continue
			}
			v := requestValue(clients[op.Package], op)
			if v == nil {
				continue
			}
			body := []byte(ex.Request.Body)
			if !json.Valid(body) {
				notJSON++
				t.Logf("%s: example request is not JSON; not checked", ex.Source)
				continue
			}
			if err := json.Unmarshal(body, v); err != nil {
				t.Logf("%s: example request does not fit %T: %v", ex.Source, v, err)
				continue
			}
			sent, err := graphrt.MarshalBody(v)
			if err != nil {
				t.Fatalf("%s: %v", ex.Source, err)
			}
			if !generated.SameJSON(sentBody(family, op, ex), sent) {
				t.Errorf("%s: the client would send other JSON than the example:\n in: %s\nout: %s", ex.Source, body, sent)
			}
			checked++
		}
	}
	t.Logf("%d example requests round-tripped, %d not JSON", checked, notJSON)
	if checked < 10 {
		t.Errorf("only %d example requests checked", checked)
	}
}

// requestValue returns a new value of the typed request body of op's
// client methods (a parameter struct or a documented model), nil when the
// body is untyped or there is none.
func requestValue(client any, op *ir.Operation) any {
	m := reflect.ValueOf(client).MethodByName(op.Routes[0].GoName)
	for i := range m.Type().NumIn() {
		if in := m.Type().In(i); in.Kind() == reflect.Pointer && in.Elem().Kind() == reflect.Struct {
			return reflect.New(in.Elem()).Interface()
		}
	}
	return nil
}
