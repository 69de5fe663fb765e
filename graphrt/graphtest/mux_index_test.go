package graphtest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// indexMux registers routes shaped like the v1.0 docs' trickiest: OData
// function calls with several (quoted) parameters in one segment,
// alternate keys, drive item paths ({name...}) followed by more segments,
// a parameter ending in literal text before a path, and two {name...} in
// one pattern.
func indexMux() *graphtest.Mux {
	m := graphtest.NewMux()
	add := func(op, method, pattern string, names ...string) {
		m.Handle(graphtest.Route{Operation: op, Method: method, Pattern: pattern}, echo(op, names...))
	}
	add("user-get", "GET", "/v1.0/users/{id}", "id")
	add("user-delta", "GET", "/v1.0/users/delta()")
	add("user-photo", "GET", "/v1.0/users/{id}/photo/$value", "id")
	add("user-by-upn", "GET", "/v1.0/users(userPrincipalName='{upn}')", "upn")
	add("device-by-id", "GET", "/v1.0/devices(deviceId='{deviceId}')", "deviceId")
	add("reminderview", "GET", "/v1.0/me/events/{id}/reminderView(startDateTime='{start}',endDateTime='{end}')", "id", "start", "end")
	add("period", "GET", "/v1.0/reports/getTeamsUserActivityUserDetail(period='{period}')", "period")
	add("date", "GET", "/v1.0/reports/getTeamsUserActivityUserDetail(date={date})", "date")
	add("cell", "GET", "/v1.0/w/{ws}/cell(row={row},column={column})", "ws", "row", "column")
	add("item-by-path", "GET", "/v1.0/drives/{d}/root:/{path...}", "d", "path")
	add("item-update-by-path", "PATCH", "/v1.0/drives/{d}/root:/{path...}", "d", "path")
	add("children", "GET", "/v1.0/drives/{d}/root:/{path...}:/children", "d", "path")
	add("path-range", "GET", "/v1.0/drives/{d}/root:/{path...}:/workbook/worksheets/{ws}/range(address='{a}')", "d", "path", "ws", "a")
	add("item-range", "GET", "/v1.0/drives/{d}/items/{item}/workbook/worksheets/{ws}/range(address='{a}')", "d", "item", "ws", "a")
	add("upload", "PUT", "/v1.0/drives/{d}/items/{parentID}:/{filename...}:/content", "d", "parentID", "filename")
	add("site-by-path", "GET", "/v1.0/sites/{hostname}:/{serverRelativePath...}", "hostname", "serverRelativePath")
	add("site-get", "GET", "/v1.0/sites/{siteID}", "siteID")
	add("two-paths", "GET", "/v1.0/a/{p...}/b/{q...}", "p", "q")
	add("escape-end", "GET", "/v1.0/t/{a}2F", "a")
	return m
}

// TestMuxIndex pins, with values worked out by hand from the matching
// rules, how paths reach the routes of indexMux: a parameter takes the
// longest text that lets the rest of the pattern match, {name...} spans
// whole non-empty segments, the route with the most literal text wins,
// literals are case-sensitive and percent-escapes of the same byte are one
// path.
func TestMuxIndex(t *testing.T) {
	m := indexMux()
	v := func(kv ...string) map[string]string {
		out := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	tests := []struct {
		method, target string
		op             string // "" for an error
		values         map[string]string
		status         int
		allow          string
	}{
		{"GET", "/v1.0/me/events/e1/reminderView(startDateTime='2017-06-05T10:00:00',endDateTime='2017-06-11T11:00:00')",
			"reminderview", v("id", "e1", "start", "2017-06-05T10:00:00", "end", "2017-06-11T11:00:00"), 200, ""},
		{"GET", "/v1.0/me/events/e1/reminderView%28startDateTime=%272017%27,endDateTime=%272018%27%29",
			"reminderview", v("id", "e1", "start", "2017", "end", "2018"), 200, ""},
		// The first parameter takes the longest text the rest allows.
		{"GET", "/v1.0/me/events/e1/reminderView(startDateTime='a',endDateTime='b',endDateTime='c')",
			"reminderview", v("id", "e1", "start", "a',endDateTime='b", "end", "c"), 200, ""},
		{"GET", "/v1.0/me/events/e1/reminderView(startDateTime='O''Brien',endDateTime='x%2Fy')",
			"reminderview", v("id", "e1", "start", "O'Brien", "end", "x/y"), 200, ""},
		{"GET", "/v1.0/me/events/e1/reminderView(startDateTime='',endDateTime='x')", "", nil, 404, ""},
		{"GET", "/v1.0/me/events/e1/reminderView(startDateTime='a')", "", nil, 404, ""},
		{"GET", "/v1.0/users(userPrincipalName='adele@contoso.com')", "user-by-upn", v("upn", "adele@contoso.com"), 200, ""},
		{"GET", "/v1.0/users(userPrincipalName=%27adele%40contoso.com%27)", "user-by-upn", v("upn", "adele@contoso.com"), 200, ""},
		{"GET", "/v1.0/devices(deviceId='d-1')", "device-by-id", v("deviceId", "d-1"), 200, ""},
		{"GET", "/v1.0/users(id='x')", "", nil, 404, ""},
		{"GET", "/v1.0/users/u1", "user-get", v("id", "u1"), 200, ""},
		{"GET", "/v1.0/users/U1", "user-get", v("id", "U1"), 200, ""},
		{"GET", "/v1.0/Users/u1", "", nil, 404, ""},
		{"GET", "/v1.0/users/delta()", "user-delta", v(), 200, ""},
		{"GET", "/v1.0/users/Delta()", "user-get", v("id", "Delta()"), 200, ""},
		{"GET", "/v1.0/users/a%2fb/photo/$value", "user-photo", v("id", "a/b"), 200, ""},
		{"GET", "/v1.0/users%2Fu1", "", nil, 404, ""},
		{"GET", "/v1.0/users//photo/$value", "", nil, 404, ""},
		{"GET", "/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')", "period", v("period", "D7"), 200, ""},
		{"GET", "/v1.0/reports/getTeamsUserActivityUserDetail(date=2017-09-01)", "date", v("date", "2017-09-01"), 200, ""},
		{"GET", "/v1.0/reports/getTeamsUserActivityUserDetail(period=D7)", "", nil, 404, ""},
		{"GET", "/v1.0/w/s1/cell(row=1,column=2)", "cell", v("ws", "s1", "row", "1", "column", "2"), 200, ""},
		{"GET", "/v1.0/w/s1/cell(row=1,column=2,column=3)", "cell", v("ws", "s1", "row", "1,column=2", "column", "3"), 200, ""},
		{"GET", "/v1.0/drives/d1/root:/a/b.txt", "item-by-path", v("d", "d1", "path", "a/b.txt"), 200, ""},
		{"GET", "/v1.0/drives/d1/root:/a/b:/children", "children", v("d", "d1", "path", "a/b"), 200, ""},
		{"GET", "/v1.0/drives/d1/root:/x:/y:/children", "children", v("d", "d1", "path", "x:/y"), 200, ""},
		{"GET", "/v1.0/drives/d1/root:/a%20b:/children", "children", v("d", "d1", "path", "a b"), 200, ""},
		{"GET", "/v1.0/drives/d1/root:/Book.xlsx:/workbook/worksheets/S1/range(address='A1')", "path-range",
			v("d", "d1", "path", "Book.xlsx", "ws", "S1", "a", "A1"), 200, ""},
		{"GET", "/v1.0/drives/d1/root:/f/Book.xlsx:/workbook/worksheets/S1/range(address='A1')/x", "item-by-path",
			v("d", "d1", "path", "f/Book.xlsx:/workbook/worksheets/S1/range(address='A1')/x"), 200, ""},
		{"GET", "/v1.0/drives/d1/items/i1/workbook/worksheets/S1/range(address='A1:B2')", "item-range",
			v("d", "d1", "item", "i1", "ws", "S1", "a", "A1:B2"), 200, ""},
		{"GET", "/v1.0/drives/d1/root:/", "", nil, 404, ""},
		{"GET", "/v1.0/drives/d1/root:/a//b", "", nil, 404, ""},
		{"GET", "/v1.0/drives/d1/root:/a/", "", nil, 404, ""},
		{"GET", "/v1.0/drives/d1/root:", "", nil, 404, ""},
		{"POST", "/v1.0/drives/d1/root:/Book.xlsx:/children", "", nil, 405, "GET, PATCH"},
		{"PUT", "/v1.0/drives/d1/items/p1:/new/file.txt:/content", "upload", v("d", "d1", "parentID", "p1", "filename", "new/file.txt"), 200, ""},
		{"GET", "/v1.0/sites/contoso.sharepoint.com:/teams/hr", "site-by-path",
			v("hostname", "contoso.sharepoint.com", "serverRelativePath", "teams/hr"), 200, ""},
		{"GET", "/v1.0/sites/contoso.sharepoint.com:", "site-get", v("siteID", "contoso.sharepoint.com:"), 200, ""},
		{"GET", "/v1.0/a/x/b/y/b/z", "two-paths", v("p", "x/b/y", "q", "z"), 200, ""},
		{"GET", "/v1.0/a/b/b/b", "two-paths", v("p", "b", "q", "b"), 200, ""},
		{"GET", "/v1.0/a/x/b", "", nil, 404, ""},
		// "x%2F" is "x/", which does not end in "2F": {a} never ends
		// inside a percent-escape.
		{"GET", "/v1.0/t/x%2F", "", nil, 404, ""},
		{"GET", "/v1.0/t/x2F", "escape-end", v("a", "x"), 200, ""},
		{"GET", "/v1.0/t/%2F2F", "escape-end", v("a", "/"), 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := call(m, tt.method, tt.target, "", nil, "")
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.status, rec.Body)
			}
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
			if tt.op == "" {
				return
			}
			var got served
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(served{tt.op, tt.values, ""}, got); diff != "" {
				t.Errorf("served (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMuxPathWithoutSlash: a request target that is not a path ("*" of
// OPTIONS) matches no route.
func TestMuxPathWithoutSlash(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Method: "OPTIONS", Pattern: "/{x...}"}, echo("any"))
	r := httptest.NewRequest("OPTIONS", "*", nil)
	r.Header.Set("Authorization", "Bearer t")
	rec := httptest.NewRecorder()
	m.ServeHTTP(rec, r)
	if rec.Code != http.StatusNotFound {
		t.Errorf("OPTIONS *: status %d, want 404", rec.Code)
	}
}

// TestMuxIndexConflicts: patterns with the same shape conflict whatever
// their parameter names; a function call with quoted and one with bare
// parameters, or a parameter and a function call, do not.
func TestMuxIndexConflicts(t *testing.T) {
	ok := func(http.ResponseWriter, *http.Request) {}
	tests := []struct {
		a, b     string
		conflict bool
	}{
		{"/v1.0/r(address='{a}')", "/v1.0/r(address='{b}')", true},
		{"/v1.0/r(address='{a}')", "/v1.0/r(address={a})", false},
		{"/v1.0/r(address='{a}')", "/v1.0/{a}", false},
		{"/v1.0/d/root:/{p...}:/x", "/v1.0/d/root:/{q...}:/x", true},
		{"/v1.0/d/root:/{p...}:/x", "/v1.0/d/root:/{p...}", false},
		{"/v1.0/d/root:/{p...}", "/v1.0/d/root:/{p}", false},
		{"/v1.0/s/{h}:/{p...}", "/v1.0/s/{host}:/{path...}", true},
		{"/v1.0/a/{p...}/b/{q...}", "/v1.0/a/{x...}/b/{y...}", true},
		{"/v1.0/users/{id}/", "/v1.0/users/{id}", false},
		{"/v1.0/f(a='{x}',b='{y}')", "/v1.0/f(a='{y}',b='{x}')", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+" "+tt.b, func(t *testing.T) {
			var got string
			func() {
				defer func() {
					if r := recover(); r != nil {
						got, _ = r.(string)
					}
				}()
				m := graphtest.NewMux()
				m.Handle(graphtest.Route{Method: "GET", Pattern: tt.a}, ok)
				m.Handle(graphtest.Route{Method: "GET", Pattern: tt.b}, ok)
				m.Handle(graphtest.Route{Method: "POST", Pattern: tt.b}, ok)
			}()
			if tt.conflict != (got != "") {
				t.Errorf("panic %q, want conflict %v", got, tt.conflict)
			}
			if got != "" && !strings.Contains(got, "conflicts with GET "+tt.a) {
				t.Errorf("panic %q does not name the route it conflicts with", got)
			}
		})
	}
}

// TestMuxHandleAfterServe: a route registered after requests were served
// takes part in routing at once.
func TestMuxHandleAfterServe(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "user-get", Method: "GET", Pattern: "/v1.0/users/{id}"}, echo("user-get", "id"))
	target := "/v1.0/users/delta()"
	if rec := call(m, "GET", target, "", nil, ""); !strings.Contains(rec.Body.String(), `"user-get"`) {
		t.Fatalf("before: %d %s", rec.Code, rec.Body)
	}
	m.Handle(graphtest.Route{Operation: "user-delta", Method: "GET", Pattern: "/v1.0/users/delta()"}, echo("user-delta"))
	if rec := call(m, "GET", target, "", nil, ""); !strings.Contains(rec.Body.String(), `"user-delta"`) {
		t.Errorf("after: %d %s", rec.Code, rec.Body)
	}
}
