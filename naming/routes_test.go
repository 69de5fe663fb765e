package naming

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
)

// TestPathSegments reads the literal segments of paths, as naming sees
// them (one lower-case word each; ids written into a path are parameters).
func TestPathSegments(t *testing.T) {
	tests := []struct {
		path string
		want []string
	}{
		{"/me", []string{"me"}},
		{"/users/{id}/manager/$ref", []string{"users", "manager", "ref"}},
		{"/groups/{id}/members/microsoft.graph.group", []string{"groups", "members", "group"}},
		{"/me/drive/items/{id}/workbook/worksheets/{id | name}/range(address='{address}')", []string{"me", "drive", "items", "workbook", "worksheets", "range"}},
		{"/drives/{drive-id}/root:/{item-path}:/content", []string{"drives", "root", "content"}},
		{"/education/me/rubrics/ceb3863e-6912-4ea9-ac41-3c2bb7b6672d", []string{"education", "me", "rubrics"}},
		{"/", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range pathSegments(tt.path) {
			got = append(got, s.key())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("pathSegments(%q) mismatch (-want +got):\n%s", tt.path, diff)
		}
	}
}

func TestSingular(t *testing.T) {
	tests := []struct{ in, want string }{
		{"users", "user"},
		{"messages", "message"},
		{"tokens", "token"},
		{"policies", "policy"},
		{"directories", "directory"},
		{"addresses", "address"},
		{"classes", "class"},
		{"mailboxes", "mailbox"},
		{"searches", "search"},
		{"pushes", "push"},
		{"status", "status"},
		{"access", "access"},
		{"analysis", "analysis"},
		{"settings", "setting"},
		{"ies", "ies"},
		{"gas", "gas"},
		{"user", "user"},
		{"me", "me"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := singular(tt.in); got != tt.want {
			t.Errorf("singular(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParamWords(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"id", []string{"id"}},
		{"user-id", []string{"user", "id"}},
		{"id | userPrincipalName", []string{"id", "or", "user", "principal", "name"}},
		{"id|name", []string{"id", "or", "name"}},
		{"period_value", []string{"period", "value"}},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, paramWords(tt.name)); diff != "" {
			t.Errorf("paramWords(%q) mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

// route builds a route with the given parameters; an empty style is
// StyleSegment.
func route(path string, params ...ir.Param) *ir.Route {
	for i := range params {
		if params[i].Style == "" {
			params[i].Style = ir.StyleSegment
		}
	}
	return &ir.Route{Path: path, Params: params}
}

func TestNameParams(t *testing.T) {
	seg := func(name string) ir.Param { return ir.Param{Name: name, Style: ir.StyleSegment} }
	tests := []struct {
		name        string
		route       *ir.Route
		wantNames   []string
		wantPattern string
	}{
		{
			name:        "repeated id qualified by the segment before it",
			route:       route("/users/{id}/messages/{id}", seg("id"), seg("id")),
			wantNames:   []string{"userID", "messageID"},
			wantPattern: "/users/{userID}/messages/{messageID}",
		},
		{
			name:        "single id",
			route:       route("/users/{id}", seg("id")),
			wantNames:   []string{"userID"},
			wantPattern: "/users/{userID}",
		},
		{
			name:        "alternative key",
			route:       route("/users/{id | userPrincipalName}", seg("id | userPrincipalName")),
			wantNames:   []string{"userID"},
			wantPattern: "/users/{userID}",
		},
		{
			name:        "dashed names",
			route:       route("/users/{user-id}/messages/{message-id}", seg("user-id"), seg("message-id")),
			wantNames:   []string{"userID", "messageID"},
			wantPattern: "/users/{userID}/messages/{messageID}",
		},
		{
			name:        "qualifier equal to the name is not doubled",
			route:       route("/users/{user-id}/manager/{user-id}", seg("user-id"), seg("user-id")),
			wantNames:   []string{"userID", "managerID"},
			wantPattern: "/users/{userID}/manager/{managerID}",
		},
		{
			name:        "plural with ies",
			route:       route("/policies/{id}/appliesTo/{id}", seg("id"), seg("id")),
			wantNames:   []string{"policyID", "appliesToID"},
			wantPattern: "/policies/{policyID}/appliesTo/{appliesToID}",
		},
		{
			name:        "same qualifier falls back to the scope",
			route:       route("/users/{id}/users/{id}", seg("id"), seg("id")),
			wantNames:   []string{"userID", "userID2"},
			wantPattern: "/users/{userID}/users/{userID2}",
		},
		{
			name:        "path style and segment",
			route:       route("/drives/{drive-id}/root:/{item-path}:/content", seg("drive-id"), ir.Param{Name: "item-path", Style: ir.StylePath}),
			wantNames:   []string{"driveID", "path"},
			wantPattern: "/drives/{driveID}/root:/{path...}:/content",
		},
		{
			name:        "quoted",
			route:       route("/reports/getEmailActivityUserDetail(period='{period_value}')", ir.Param{Name: "period_value", Style: ir.StyleQuoted}),
			wantNames:   []string{"period"},
			wantPattern: "/reports/getEmailActivityUserDetail(period='{period}')",
		},
		{
			name:        "keyword",
			route:       route("/f(type='{t}')", ir.Param{Name: "t", Style: ir.StyleQuoted}),
			wantNames:   []string{"type2"},
			wantPattern: "/f(type='{type2}')",
		},
		{
			name:        "imports give way",
			route:       route("/f(url='{u}',json='{j}')", ir.Param{Name: "u", Style: ir.StyleQuoted}, ir.Param{Name: "j", Style: ir.StyleQuoted}),
			wantNames:   []string{"url2", "json2"},
			wantPattern: "/f(url='{url}',json='{json}')",
		},
		{
			name:        "no letters",
			route:       route("/x/{-}", seg("-")),
			wantNames:   []string{"xID"},
			wantPattern: "/x/{xID}",
		},
		{
			name:        "no parameters",
			route:       route("/me/messages"),
			wantPattern: "/me/messages",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nameParams(tt.route)
			var names []string
			for _, p := range tt.route.Params {
				names = append(names, p.GoName)
			}
			if diff := cmp.Diff(tt.wantNames, names); diff != "" {
				t.Errorf("nameParams(%q) names mismatch (-want +got):\n%s", tt.route.Path, diff)
			}
			if tt.route.Pattern != tt.wantPattern {
				t.Errorf("nameParams(%q) pattern = %q, want %q", tt.route.Path, tt.route.Pattern, tt.wantPattern)
			}
		})
	}
}

// TestMockNames: the mock's names come from the path, so that pages that
// call the same parameter differently (user-get's {id | userPrincipalName},
// intune-devices-user-get's {usersId}) give the same r.PathValue name, and
// one operation's message is messageID on every path.
func TestMockNames(t *testing.T) {
	seg := func(name string) ir.Param { return ir.Param{Name: name, Style: ir.StyleSegment} }
	quoted := func(name string) ir.Param { return ir.Param{Name: name, Style: ir.StyleQuoted} }
	tests := []struct {
		route *ir.Route
		want  string
	}{
		{route("/users/{id | userPrincipalName}", seg("id | userPrincipalName")), "/users/{userID}"},
		{route("/users/{usersId}", seg("usersId")), "/users/{userID}"},
		{route("/users('{id}')", quoted("id")), "/users('{userID}')"},
		{route("/me/messages/{id}", seg("id")), "/me/messages/{messageID}"},
		{route("/users/{id | userPrincipalName}/messages/{id}", seg("id | userPrincipalName"), seg("id")), "/users/{userID}/messages/{messageID}"},
		{route("/groups/{id}/members/{id}/$ref", seg("id"), seg("id")), "/groups/{groupID}/members/{memberID}/$ref"},
		{route("/deviceManagement/deviceConfigurations/{deviceConfigurationId}", seg("deviceConfigurationId")), "/deviceManagement/deviceConfigurations/{deviceConfigurationID}"},
		{route("/security/alerts/{alert_id}", seg("alert_id")), "/security/alerts/{alertID}"},
		{route("/identity/policies/{id}", seg("id")), "/identity/policies/{policyID}"},
		{route("/groups/{id}/members/microsoft.graph.user/{id}", seg("id"), seg("id")), "/groups/{groupID}/members/microsoft.graph.user/{userID}"},
		{route("/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='{address}')", seg("id"), seg("id|name"), quoted("address")),
			"/me/drive/items/{itemID}/workbook/worksheets/{worksheetID}/range(address='{address}')"},
		{route("/me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n})", seg("id"), seg("id"), seg("n"), seg("n")),
			"/me/drive/items/{itemID}/workbook/worksheets/{worksheetID}/range/resizedRange(deltaRows={deltaRows}, deltaColumns={deltaColumns})"},
		{route("/reports/getEmailActivityUserDetail(date={date_value})", seg("date_value")), "/reports/getEmailActivityUserDetail(date={date})"},
		{route("/drives/{drive-id}/root:/{item-path}:/content", seg("drive-id"), ir.Param{Name: "item-path", Style: ir.StylePath}), "/drives/{driveID}/root:/{path...}:/content"},
		{route("/{id}", seg("id")), "/{id}"},
		{route("/chats/{chat-id}/members/{membership-id}", seg("chat-id"), seg("membership-id")), "/chats/{chatID}/members/{memberID}"},
	}
	for _, tt := range tests {
		nameParams(tt.route)
		if tt.route.Pattern != tt.want {
			t.Errorf("pattern of %q = %q, want %q", tt.route.Path, tt.route.Pattern, tt.want)
		}
	}
}

// paramNames lists the {...} names of a template in order.
func paramNames(path string) []string {
	var out []string
	for {
		open := strings.IndexByte(path, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(path[open:], '}')
		out = append(out, path[open+1:open+end])
		path = path[open+end+1:]
	}
}
