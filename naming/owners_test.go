package naming_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
)

// v1 is a v1.0 page of the English docs.
func v1(id string) string { return "api-reference/v1.0/api/" + id + ".md" }

// returning sets the response type of op.
func returning(op *ir.Operation, typ string) *ir.Operation {
	op.Response = ir.Response{Kind: ir.KindObject, Type: typ}
	return op
}

// owners maps each route ("METHOD path of page") to the page serving it.
func owners(ops []*ir.Operation) map[string]string {
	m := map[string]string{}
	for _, o := range ops {
		for _, r := range o.Routes {
			owner := r.ShadowedBy
			if owner == "" {
				owner = o.Page
			}
			m[o.Method+" "+r.Path+" of "+o.ID] = owner
		}
	}
	return m
}

// TestOwnRealConflicts takes the routes that pages of the English 2021
// v1.0 docs share (paths, ids and response types as the pages give them)
// and checks the owner the README's rule 6 names for each, whatever the
// input order.
func TestOwnRealConflicts(t *testing.T) {
	build := func() []*ir.Operation {
		ops := []*ir.Operation{
			returning(op(v1("user-get"), "v1.0", "GET", "/users/{id | userPrincipalName}", "/me"), "microsoft.graph.user"),
			returning(op(v1("intune-devices-user-get"), "v1.0", "GET", "/users/{usersId}"), "user"),
			returning(op(v1("intune-mam-user-get"), "v1.0", "GET", "/users/{usersId}"), "user"),
			op(v1("user-delete"), "v1.0", "DELETE", "/users/{id | userPrincipalName}"),
			op(v1("intune-devices-user-delete"), "v1.0", "DELETE", "/users/{usersId}"),
			returning(op(v1("organization-get"), "v1.0", "GET", "/organization"), "microsoft.graph.organization"),
			returning(op(v1("organization-list"), "v1.0", "GET", "/organization"), "microsoft.graph.organization"),
			returning(op(v1("intune-onboarding-organization-list"), "v1.0", "GET", "/organization"), "organization"),
			returning(op(v1("event-get"), "v1.0", "GET", "/groups/{id}/events/{id}"), "microsoft.graph.event"),
			returning(op(v1("group-get-event"), "v1.0", "GET", "/groups/{id}/events/{id}"), "microsoft.graph.event"),
			returning(op(v1("calendar-list-events"), "v1.0", "GET", "/groups/{id}/calendar/events"), "microsoft.graph.event"),
			returning(op(v1("chat-list-members"), "v1.0", "GET", "/chats/{chat-id}/members"), "microsoft.graph.conversationMember"),
			returning(op(v1("conversationmember-list"), "v1.0", "GET", "/chats/{id}/members"), "microsoft.graph.conversationMember"),
			returning(op(v1("group-list-events"), "v1.0", "GET", "/groups/{id}/calendar/events"), "microsoft.graph.event"),
			op(v1("driveitem-move"), "v1.0", "PATCH", "/me/drive/items/{item-id}"),
			returning(op(v1("todo-post-lists"), "v1.0", "POST", "/users/{id | userPrincipalName}/todo/lists"), "microsoft.graph.todoTaskList"),
			returning(op(v1("opentypeextension-post-opentypeextension"), "v1.0", "POST", "/users/{id | userPrincipalName}/todo/lists"), "microsoft.graph.openTypeExtension"),
			returning(op(v1("user-post-events"), "v1.0", "POST", "/me/events", "/users/{id | userPrincipalName}/events"), "microsoft.graph.event"),
			returning(op(v1("multivaluelegacyextendedproperty-post-multivalueextendedproperties"), "v1.0", "POST", "/me/events", "/me/messages"), "microsoft.graph.event"),
			op(v1("driveitem-update"), "v1.0", "PATCH", "/me/drive/items/{item-id}"),
			returning(op(v1("message-get"), "v1.0", "GET", "/me/messages/{id}", "/users/{id | userPrincipalName}/messages/{id}"), "microsoft.graph.message"),
			returning(op(v1("eventmessage-get"), "v1.0", "GET", "/me/messages/{id}", "/users/{id | userPrincipalName}/messages/{id}"), "microsoft.graph.eventMessage"),
			returning(op(v1("intune-apps-androidlobapp-get"), "v1.0", "GET", "/deviceAppManagement/mobileApps/{mobileAppId}"), "androidlobapp"),
			returning(op(v1("intune-apps-mobileapp-get"), "v1.0", "GET", "/deviceAppManagement/mobileApps/{mobileAppId}"), "mobileapp"),
		}
		ext := returning(op(v1("opentypeextension-get"), "v1.0", "GET", "/users/{Id | userPrincipalName}"), "microsoft.graph.openTypeExtension")
		ext.Routes[0].Query = "$expand=extensions($filter=id eq '{extensionId}')"
		return append(ops, ext)
	}
	want := map[string]string{
		"GET /users/{id | userPrincipalName} of user-get":              v1("user-get"),
		"GET /me of user-get":                                          v1("user-get"),
		"GET /users/{usersId} of intune-devices-user-get":              v1("user-get"),
		"GET /users/{usersId} of intune-mam-user-get":                  v1("user-get"),
		"GET /users/{Id | userPrincipalName} of opentypeextension-get": v1("user-get"),
		"DELETE /users/{id | userPrincipalName} of user-delete":        v1("user-delete"),
		"DELETE /users/{usersId} of intune-devices-user-delete":        v1("user-delete"),
		// both named after organization: the first id, with a warning
		"GET /organization of organization-get":                    v1("organization-get"),
		"GET /organization of organization-list":                   v1("organization-get"),
		"GET /organization of intune-onboarding-organization-list": v1("organization-get"),
		// the page about the event, not the group's page of its events
		"GET /groups/{id}/events/{id} of event-get":       v1("event-get"),
		"GET /groups/{id}/events/{id} of group-get-event": v1("event-get"),
		// neither is named after event: the page of the entity set groups
		"GET /groups/{id}/calendar/events of calendar-list-events": v1("group-list-events"),
		"GET /groups/{id}/calendar/events of group-list-events":    v1("group-list-events"),
		// neither is named after members: the page about the type returned
		"GET /chats/{chat-id}/members of chat-list-members":  v1("conversationmember-list"),
		"GET /chats/{id}/members of conversationmember-list": v1("conversationmember-list"),
		// the page whose other path starts from users
		"POST /me/events of user-post-events":                                                     v1("user-post-events"),
		"POST /me/events of multivaluelegacyextendedproperty-post-multivalueextendedproperties":   v1("user-post-events"),
		"POST /me/messages of multivaluelegacyextendedproperty-post-multivalueextendedproperties": v1("multivaluelegacyextendedproperty-post-multivalueextendedproperties"),
		"POST /users/{id | userPrincipalName}/events of user-post-events":                         v1("user-post-events"),
		// neither named after the list: the page whose id ends with lists
		"POST /users/{id | userPrincipalName}/todo/lists of todo-post-lists":                          v1("todo-post-lists"),
		"POST /users/{id | userPrincipalName}/todo/lists of opentypeextension-post-opentypeextension": v1("todo-post-lists"),
		// both about the drive item: the page of the method's own verb
		"PATCH /me/drive/items/{item-id} of driveitem-move":                     v1("driveitem-update"),
		"PATCH /me/drive/items/{item-id} of driveitem-update":                   v1("driveitem-update"),
		"GET /me/messages/{id} of message-get":                                  v1("message-get"),
		"GET /me/messages/{id} of eventmessage-get":                             v1("message-get"),
		"GET /users/{id | userPrincipalName}/messages/{id} of message-get":      v1("message-get"),
		"GET /users/{id | userPrincipalName}/messages/{id} of eventmessage-get": v1("message-get"),
		// among views, the view of the type the collection holds
		"GET /deviceAppManagement/mobileApps/{mobileAppId} of intune-apps-androidlobapp-get": v1("intune-apps-mobileapp-get"),
		"GET /deviceAppManagement/mobileApps/{mobileAppId} of intune-apps-mobileapp-get":     v1("intune-apps-mobileapp-get"),
	}
	also := func(method, paths, owner, reason string) string {
		return fmt.Sprintf("%s: note: %s %s: also documented by %s; the mock serves that page's operation there (%s), this one has only its client method", "%s", method, paths, v1(owner), reason)
	}
	wantWarnings := []string{
		fmt.Sprintf(also("GET", "/v1.0/groups/{id}/calendar/events", "group-list-events", "named after the entity set its paths start from"), v1("calendar-list-events")+":1:1"),
		fmt.Sprintf(also("GET", "/v1.0/chats/{chat-id}/members", "conversationmember-list", "named after the type the route returns"), v1("chat-list-members")+":1:1"),
		fmt.Sprintf(also("PATCH", "/v1.0/me/drive/items/{item-id}", "driveitem-update", "named after the resource and the method's verb"), v1("driveitem-move")+":1:1"),
		fmt.Sprintf(also("GET", "/v1.0/me/messages/{id}, /v1.0/users/{id | userPrincipalName}/messages/{id}", "message-get", "named after the resource the path addresses"), v1("eventmessage-get")+":1:1"),
		fmt.Sprintf(also("GET", "/v1.0/groups/{id}/events/{id}", "event-get", "named after the resource the path addresses"), v1("group-get-event")+":1:1"),
		fmt.Sprintf(also("POST", "/v1.0/me/events", "user-post-events", "named after the entity set its paths start from"), v1("multivaluelegacyextendedproperty-post-multivalueextendedproperties")+":1:1"),
		fmt.Sprintf(also("POST", "/v1.0/users/{id | userPrincipalName}/todo/lists", "todo-post-lists", "its id ends with the path's last segment"), v1("opentypeextension-post-opentypeextension")+":1:1"),
		fmt.Sprintf(also("GET", "/v1.0/organization", "organization-get", "both pages are named alike; its id sorts first"), v1("organization-list")+":1:1"),
	}
	for i := range 5 {
		ops := build()
		if i > 0 {
			rand.Shuffle(len(ops), func(a, b int) { ops[a], ops[b] = ops[b], ops[a] })
		}
		diags := naming.Own(ops)
		if diff := cmp.Diff(want, owners(ops)); diff != "" {
			t.Errorf("owners (-want +got):\n%s", diff)
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if diff := cmp.Diff(wantWarnings, got); diff != "" {
			t.Errorf("warnings (-want +got):\n%s", diff)
		}
	}
}

// TestOwnAmongTheGiven: ownership is decided among the operations given,
// so a selection without the page about the resource is served by a view,
// and one without the views by that page; the same page in two trees is
// no conflict to warn about.
func TestOwnAmongTheGiven(t *testing.T) {
	get := op(v1("user-get"), "v1.0", "GET", "/users/{id | userPrincipalName}")
	view := op(v1("intune-devices-user-get"), "v1.0", "GET", "/users/{usersId}")
	naming.Own([]*ir.Operation{get, view})
	if get.Routes[0].ShadowedBy != "" || view.Routes[0].ShadowedBy != get.Page {
		t.Fatalf("user-get shadowed by %q, the view by %q", get.Routes[0].ShadowedBy, view.Routes[0].ShadowedBy)
	}
	naming.Own([]*ir.Operation{view})
	if view.Routes[0].ShadowedBy != "" {
		t.Errorf("alone, the view is shadowed by %q", view.Routes[0].ShadowedBy)
	}
	en := op("en/"+v1("user-get"), "v1.0", "GET", "/users/{id | userPrincipalName}")
	pt := op("pt/"+v1("user-get"), "v1.0", "GET", "/users/{id | userPrincipalName}")
	if diags := naming.Own([]*ir.Operation{pt, en}); len(diags) != 0 || pt.Routes[0].ShadowedBy != en.Page {
		t.Errorf("the same page in two trees: pt shadowed by %q, diagnostics %v", pt.Routes[0].ShadowedBy, diags)
	}
	for _, d := range naming.Own([]*ir.Operation{get, view, en}) {
		if strings.Contains(d.Message, "intune") {
			t.Errorf("a view is no conflict to warn about: %s", d)
		}
	}
}
