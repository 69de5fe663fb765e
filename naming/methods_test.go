package naming

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
)

// TestMethodNames checks client method names against names written by hand
// from the HTTP lines, by the rule of methods.go (and the README).
func TestMethodNames(t *testing.T) {
	obj := ir.Response{Status: 200, Kind: ir.KindObject}
	list := ir.Response{Status: 200, Kind: ir.KindCollection}
	created := ir.Response{Status: 201, Kind: ir.KindObject}
	none := ir.Response{Status: 204, Kind: ir.KindNone}
	tests := []struct {
		id, method string
		resp       ir.Response
		paths      []string
		want       []string
		op         string
	}{
		{"user-get", "GET", obj, []string{"/users/{id | userPrincipalName}", "/me"}, []string{"Get", "GetMe"}, "Get"},
		{"user-list", "GET", list, []string{"/users"}, []string{"List"}, "List"},
		{"user-post-users", "POST", created, []string{"/users"}, []string{"Create"}, "Create"},
		{"user-update", "PATCH", none, []string{"/users/{id | userPrincipalName}"}, []string{"Update"}, "Update"},
		{"user-delete", "DELETE", none, []string{"/users/{id | userPrincipalName}"}, []string{"Delete"}, "Delete"},
		{"user-list-memberof", "GET", list, []string{"/me/memberOf", "/users/{id | userPrincipalName}/memberOf"}, []string{"ListMemberOfMe", "ListMemberOf"}, "ListMemberOf"},
		{"user-assignlicense", "POST", obj, []string{"/users/{id | userPrincipalName}/assignLicense"}, []string{"AssignLicense"}, "AssignLicense"},
		{"user-sendmail", "POST", ir.Response{Status: 202}, []string{"/me/sendMail", "/users/{id | userPrincipalName}/sendMail"}, []string{"SendMailMe", "SendMail"}, "SendMail"},
		{"group-list-members", "GET", list, []string{"/groups/{id}/members"}, []string{"ListMembers"}, "ListMembers"},
		{"group-post-members", "POST", none, []string{"/groups/{id}/members/$ref"}, []string{"AddMembersRef"}, "AddMembersRef"},
		{"group-delete-members", "DELETE", none, []string{"/groups/{id}/members/{id}/$ref"}, []string{"DeleteMemberRef"}, "DeleteMemberRef"},
		{"user-post-events", "POST", created, []string{"/me/events", "/users/{id | userPrincipalName}/events"}, []string{"CreateEventMe", "CreateEvent"}, "CreateEvent"},
		// the message area: what comes after messages; /users/{id} is the default owner
		{"message-delete", "DELETE", none, []string{"/me/messages/{id}", "/users/{id | userPrincipalName}/messages/{id}", "/me/mailFolders/{id}/messages/{id}", "/users/{id | userPrincipalName}/mailFolders/{id}/messages/{id}"},
			[]string{"DeleteMe", "Delete", "DeleteInMailFoldersMe", "DeleteInMailFolders"}, "Delete"},
		// a function named with its verb keeps it once
		{"reportroot-getemailactivitycounts", "GET", obj, []string{"/reports/getEmailActivityCounts(period='{period_value}')"}, []string{"GetEmailActivityCounts"}, "GetEmailActivityCounts"},
		{"message-createreply", "POST", created, []string{"/me/messages/{id}/createReply"}, []string{"CreateReply"}, "CreateReply"},
		// driveitem: items is the area's segment; the fewest variant words has none
		{"driveitem-get", "GET", obj, []string{"/drives/{drive-id}/items/{item-id}", "/me/drive/items/{item-id}", "/users/{user-id}/drive/items/{item-id}"},
			[]string{"Get", "GetInDriveMe", "GetInDrive"}, "Get"},
		// an Intune view: the collection of the resource's kind
		{"intune-deviceconfig-androidcompliancepolicy-list", "GET", list, []string{"/deviceManagement/deviceCompliancePolicies"}, []string{"List"}, "List"},
		// an id written into the path is a parameter, not words
		{"educationrubric-get", "GET", obj, []string{"/education/me/rubrics/ceb3863e-6912-4ea9-ac41-3c2bb7b6672d"}, []string{"Get"}, "Get"},
		// the item's children are named, not the item
		{"sectiongroup-list-sectiongroups", "GET", list, []string{"/me/onenote/sectionGroups/{id}/sectionGroups"}, []string{"ListSectionGroups"}, "ListSectionGroups"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			op := &ir.Operation{ID: tt.id, Method: tt.method, Response: tt.resp}
			for _, p := range tt.paths {
				r := &ir.Route{Path: p}
				for _, name := range paramNames(p) {
					r.Params = append(r.Params, ir.Param{Name: name, Style: ir.StyleSegment})
				}
				nameParams(r)
				op.Routes = append(op.Routes, r)
			}
			subject, _, _ := pageSubject(tt.id)
			routeNames(op, subject)
			var got []string
			for _, r := range op.Routes {
				got = append(got, r.GoName)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("names of %q (-want +got):\n%s", tt.paths, diff)
			}
			if op.GoName != tt.op {
				t.Errorf("operation name = %s, want %s", op.GoName, tt.op)
			}
		})
	}
}
