package parser_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

// emuType is a documented object type of the emulation fixture.
func emuType(name, base string, props ...ir.Property) *ir.Type {
	return &ir.Type{Name: "microsoft.graph." + name, Kind: ir.TypeObject, Version: "v1.0", Page: "resources/" + name + ".md", Base: base, Properties: props}
}

// prop is a structural property; nav a navigation (relationship).
func prop(name, typ string) ir.Property { return ir.Property{Name: name, Type: typ} }
func nav(name, typ string, many bool) ir.Property {
	return ir.Property{Name: name, Type: "microsoft.graph." + typ, Relationship: true, Collection: many}
}

// emuOp is an operation of the fixture: its method, documented status,
// response kind and type, and paths.
func emuOp(id, method string, status int, kind, typ string, paths ...string) *ir.Operation {
	op := &ir.Operation{ID: id, Version: "v1.0", Method: method, Paths: paths,
		Response: ir.Response{Status: status, StatusFrom: "prose", Kind: kind}}
	if typ != "" {
		op.Response.Type = "microsoft.graph." + typ
	}
	for _, p := range paths {
		op.Routes = append(op.Routes, &ir.Route{Path: p, Params: parser.PathParams(p)})
	}
	return op
}

// emulationAPI is a small API written by hand after the users, groups,
// messages, mail folders and drive pages of Graph v1.0: its types (user
// with a complex mailboxSettings, an entity manager and photo,
// collections of messages and mail folders; eventMessage deriving from
// message) and operations (the inbox written as a key value, as the
// message rule pages do; one page typing messages and mail folders
// alike, as the extended-property pages do).
func emulationAPI() *ir.API {
	ent := "microsoft.graph.entity"
	types := []*ir.Type{
		emuType("entity", "", prop("id", "Edm.String")),
		emuType("directoryObject", ent, prop("deletedDateTime", "Edm.DateTimeOffset")),
		emuType("user", "microsoft.graph.directoryObject", prop("displayName", "Edm.String"), prop("createdDateTime", "Edm.DateTimeOffset"),
			prop("mailboxSettings", "microsoft.graph.mailboxSettings"), nav("manager", "directoryObject", false),
			nav("messages", "message", true), nav("drive", "drive", false), nav("photo", "profilePhoto", false),
			nav("mailFolders", "mailFolder", true)),
		emuType("mailFolder", ent, prop("displayName", "Edm.String"), nav("messageRules", "messageRule", true)),
		emuType("messageRule", ent, prop("displayName", "Edm.String")),
		emuType("post", ent, prop("body", "Edm.String")),
		emuType("group", "microsoft.graph.directoryObject", nav("members", "directoryObject", true)),
		emuType("message", ent, prop("subject", "Edm.String"), prop("lastModifiedDateTime", "Edm.DateTimeOffset")),
		emuType("eventMessage", "microsoft.graph.message", prop("meetingMessageType", "Edm.String")),
		emuType("mailboxSettings", "", prop("timeZone", "Edm.String")),
		emuType("drive", ent, prop("driveType", "Edm.String"), nav("root", "driveItem", false)),
		emuType("driveItem", ent, prop("name", "Edm.String"), nav("children", "driveItem", true)),
		emuType("profilePhoto", ent, prop("height", "Edm.Int32")),
	}
	obj, coll, none := ir.KindObject, ir.KindCollection, ir.KindNone
	ops := []*ir.Operation{
		emuOp("user-list", "GET", 200, coll, "user", "/users"),
		emuOp("user-post-users", "POST", 201, obj, "user", "/users"),
		emuOp("user-get", "GET", 200, obj, "user", "/me", "/users/{id | userPrincipalName}", "/users('{id}')"),
		emuOp("user-update", "PATCH", 204, none, "", "/me", "/users/{id | userPrincipalName}"),
		emuOp("user-delete", "DELETE", 204, none, "", "/users/{id}"),
		emuOp("user-delta", "GET", 200, coll, "user", "/users/delta"),
		emuOp("user-count", "GET", 200, ir.KindPrimitive, "", "/users/$count"),
		emuOp("user-get-mailboxsettings", "GET", 200, obj, "mailboxSettings", "/me/mailboxSettings"),
		emuOp("user-update-mailboxsettings", "PATCH", 200, obj, "mailboxSettings", "/me/mailboxSettings"),
		emuOp("user-list-manager", "GET", 200, obj, "user", "/users/{id}/manager"),
		emuOp("user-post-manager", "PUT", 204, none, "", "/users/{id}/manager/$ref"),
		emuOp("user-delete-manager", "DELETE", 204, none, "", "/users/{id}/manager/$ref"),
		emuOp("user-assignlicense", "POST", 200, obj, "user", "/users/{id}/assignLicense"),
		emuOp("user-list-messages", "GET", 200, coll, "message", "/me/messages"),
		emuOp("user-post-messages", "POST", 201, obj, "message", "/users/{id}/messages"),
		emuOp("eventmessage-post", "POST", 201, obj, "eventMessage", "/me/messages"),
		emuOp("message-get", "GET", 200, obj, "message", "/me/messages/{id}", "/me/messages/{id}/$value"),
		emuOp("message-update", "PATCH", 200, obj, "message", "/me/messages/{id}"),
		emuOp("message-move", "POST", 201, obj, "message", "/me/messages/{id}/move"),
		emuOp("message-send", "POST", 202, none, "", "/me/messages/{id}/send"),
		emuOp("extendedproperty-patch", "PATCH", 200, obj, "post", "/users/{id}/messages/{id}", "/me/mailFolders/{id}"),
		emuOp("extendedproperty-get", "GET", 200, obj, "post", "/widgets/{id}", "/gadgets/{id}"),
		emuOp("messagerule-list", "GET", 200, coll, "messageRule", "/me/mailFolders/inbox/messageRules"),
		emuOp("mailfolder-get", "GET", 200, obj, "mailFolder", "/me/mailFolders/{id}"),
		emuOp("group-get", "GET", 200, obj, "group", "/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315"),
		emuOp("group-replace", "PUT", 204, none, "", "/groups(id='{id}')"),
		emuOp("group-list-members", "GET", 200, coll, "directoryObject", "/groups/{id}/members"),
		emuOp("group-get-member", "GET", 200, coll, "directoryObject", "/groups/{id}/members/{id}"),
		emuOp("group-list-member-refs", "GET", 200, coll, "directoryObject", "/groups/{id}/members/$ref"),
		emuOp("group-post-members", "POST", 204, none, "", "/groups/{group-id}/members/$ref"),
		emuOp("group-delete-members", "DELETE", 204, none, "", "/groups/{id}/members/{id}/$ref"),
		emuOp("group-list-memberof-groups", "GET", 200, coll, "group", "/groups/{id}/members/microsoft.graph.group"),
		emuOp("drive-get", "GET", 200, obj, "drive", "/me/drive"),
		emuOp("drive-recent", "GET", 200, coll, "driveItem", "/me/drive/recent"),
		emuOp("driveitem-list-children", "GET", 200, coll, "driveItem", "/me/drive/root/children", "/drives/{drive-id}/items/{item-id}/children"),
		emuOp("driveitem-get", "GET", 200, obj, "driveItem", "/me/drive/root:/{item-path}", "/drives/{drive-id}/items/{item-id}"),
		emuOp("profilephoto-get", "GET", 200, obj, "profilePhoto", "/users/{id}/photo", "/users/{id}/photo/$value"),
		emuOp("reportroot-getemailactivityuserdetail", "GET", 200, ir.KindBinary, "", "/reports/getEmailActivityUserDetail(period='{period_value}')"),
	}
	return &ir.API{Types: types, Operations: ops}
}

// TestEmulation decides every route of emulationAPI; each expected
// answer is what Graph does there (the CSDL's kind of the path's last
// segment, written by hand), or "" where only the docs' example can
// answer.
func TestEmulation(t *testing.T) {
	api := emulationAPI()
	parser.Resolve(api)
	user, msg, dir := "microsoft.graph.user", "microsoft.graph.message", "microsoft.graph.directoryObject"
	want := map[string]struct {
		emulate, entity string
		stamps          string // the members of Stamps, comma-separated
	}{
		"GET /users":                             {"list", user, "createdDateTime"},
		"POST /users":                            {"create", user, "createdDateTime"},
		"GET /me":                                {"get", user, "createdDateTime"},
		"GET /users/{id | userPrincipalName}":    {"get", user, "createdDateTime"},
		"GET /users('{id}')":                     {"get", user, "createdDateTime"},
		"PATCH /me":                              {"update", user, "createdDateTime"},
		"PATCH /users/{id | userPrincipalName}":  {"update", user, "createdDateTime"},
		"DELETE /users/{id}":                     {"delete", user, "createdDateTime"},
		"GET /users/delta":                       {},
		"GET /users/$count":                      {"count", user, "createdDateTime"},
		"GET /me/mailboxSettings":                {},
		"PATCH /me/mailboxSettings":              {},
		"GET /users/{id}/manager":                {"get", dir, ""},
		"PUT /users/{id}/manager/$ref":           {"addRef", dir, ""},
		"DELETE /users/{id}/manager/$ref":        {"removeRef", dir, ""},
		"POST /users/{id}/assignLicense":         {},
		"GET /me/messages":                       {"list", msg, "lastModifiedDateTime"},
		"POST /users/{id}/messages":              {"create", msg, "lastModifiedDateTime"},
		"POST /me/messages":                      {"create", "microsoft.graph.eventMessage", "lastModifiedDateTime"},
		"GET /me/messages/{id}":                  {"get", msg, "lastModifiedDateTime"},
		"GET /me/messages/{id}/$value":           {},
		"PATCH /me/messages/{id}":                {"update", msg, "lastModifiedDateTime"},
		"POST /me/messages/{id}/move":            {},
		"POST /me/messages/{id}/send":            {},
		"GET /me/mailFolders/inbox/messageRules": {"list", "microsoft.graph.messageRule", ""},
		// one page, one type for two kinds of resource: the paths' types
		"PATCH /users/{id}/messages/{id}":                                  {"update", msg, "lastModifiedDateTime"},
		"PATCH /me/mailFolders/{id}":                                       {"update", "microsoft.graph.mailFolder", ""},
		"GET /widgets/{id}":                                                {"get", "", ""},
		"GET /gadgets/{id}":                                                {"get", "", ""},
		"GET /me/mailFolders/{id}":                                         {"get", "microsoft.graph.mailFolder", ""},
		"GET /groups/02bd9fd6-8f93-4758-87c3-1fb73740a315":                 {"get", "microsoft.graph.group", ""},
		"PUT /groups(id='{id}')":                                           {"replace", "microsoft.graph.group", ""},
		"GET /groups/{id}/members":                                         {"list", dir, ""},
		"GET /groups/{id}/members/{id}":                                    {}, // a key the page answers with a collection
		"GET /groups/{id}/members/$ref":                                    {"listRefs", dir, ""},
		"POST /groups/{group-id}/members/$ref":                             {"addRef", dir, ""},
		"DELETE /groups/{id}/members/{id}/$ref":                            {"removeRef", dir, ""},
		"GET /groups/{id}/members/microsoft.graph.group":                   {},
		"GET /me/drive":                                                    {"get", "microsoft.graph.drive", ""},
		"GET /me/drive/recent":                                             {},
		"GET /me/drive/root/children":                                      {"list", "microsoft.graph.driveItem", ""},
		"GET /drives/{drive-id}/items/{item-id}/children":                  {"list", "microsoft.graph.driveItem", ""},
		"GET /me/drive/root:/{item-path}":                                  {},
		"GET /drives/{drive-id}/items/{item-id}":                           {"get", "microsoft.graph.driveItem", ""},
		"GET /users/{id}/photo":                                            {"get", "microsoft.graph.profilePhoto", ""},
		"GET /users/{id}/photo/$value":                                     {},
		"GET /reports/getEmailActivityUserDetail(period='{period_value}')": {},
	}
	seen := 0
	for _, op := range api.Operations {
		for _, r := range op.Routes {
			key := op.Method + " " + r.Path
			w, ok := want[key]
			if !ok {
				t.Errorf("%s (%s): no expected answer", key, op.ID)
				continue
			}
			seen++
			if r.Emulate != w.emulate || r.Entity != w.entity || strings.Join(r.Stamps, ",") != w.stamps {
				t.Errorf("%s (%s): emulate %q entity %q stamps %q, want %q %q %q", key, op.ID, r.Emulate, r.Entity, r.Stamps, w.emulate, w.entity, w.stamps)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d routes checked, %d expected", seen, len(want))
	}
}

// TestEmulationIgnoresOrder: the decisions do not depend on the order of
// the operations (each learning pass reads what the one before learned).
func TestEmulationIgnoresOrder(t *testing.T) {
	a, b := emulationAPI(), emulationAPI()
	for i, j := 0, len(b.Operations)-1; i < j; i, j = i+1, j-1 {
		b.Operations[i], b.Operations[j] = b.Operations[j], b.Operations[i]
	}
	parser.Resolve(a)
	parser.Resolve(b)
	got := map[string]string{}
	for _, op := range a.Operations {
		for _, r := range op.Routes {
			got[op.ID+" "+r.Path] = fmt.Sprint(r.Emulate, r.Entity, r.Stamps)
		}
	}
	for _, op := range b.Operations {
		for _, r := range op.Routes {
			if g := fmt.Sprint(r.Emulate, r.Entity, r.Stamps); got[op.ID+" "+r.Path] != g {
				t.Errorf("%s %s: %s in one order, %s in the other", op.ID, r.Path, got[op.ID+" "+r.Path], g)
			}
		}
	}
}

// TestEmulationOfMalformedPaths: paths no docs should have are left to
// the example, without a panic.
func TestEmulationOfMalformedPaths(t *testing.T) {
	paths := []string{"", "/", "//", "/{", "/}", "/(", "/users/{id", "/users/)", "/users/('{id}'", "/$ref", "/$count",
		"/users/{id}/$ref/$ref", "/me/$ref", "/users(id='{a}',x='{b}')", "/ü/{ß}/…", "/users/{id}/:", "/a.b/c"}
	api := &ir.API{}
	for i, p := range paths {
		api.Operations = append(api.Operations, emuOp(fmt.Sprintf("bad-%d", i), "GET", 200, ir.KindObject, "", p))
	}
	parser.Resolve(api)
	for _, op := range api.Operations {
		if r := op.Routes[0]; r.Emulate != "" || r.Entity != "" {
			t.Errorf("%q: emulate %q entity %q, want nothing", r.Path, r.Emulate, r.Entity)
		}
	}
}
