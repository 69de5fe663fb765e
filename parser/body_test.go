package parser

import (
	"testing"

	"github.com/graphgen-dev/graphgen/ir"
)

// request wraps an example request body.
func request(method, path, body string) []ir.Example {
	return []ir.Example{{Request: &ir.ExampleRequest{Method: method, Path: path, Body: body}}}
}

func TestReferenceFrom(t *testing.T) {
	const ref = `{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}`
	tests := []struct {
		name, method string
		paths        []string
		examples     []ir.Example
		want         string
	}{
		{"$ref POST with its reference", "POST", []string{"/groups/{id}/members/$ref"}, request("POST", "/groups/1/members/$ref", ref), "example"},
		{"$ref PUT without example", "PUT", []string{"/users/{id}/manager/$ref"}, nil, "path"},
		{"$ref POST with an empty object", "POST", []string{"/groups/{id}/owners/$ref"}, request("POST", "/groups/1/owners/$ref", `{}`), "path"},
		// certificatebasedauthconfiguration-post-certificatebasedauthconfiguration
		// documents a $ref path but sends an object.
		{"$ref POST whose example is an object", "POST", []string{"/organization/{id}/certificateBasedAuthConfiguration/$ref"},
			request("POST", "/organization/1/certificateBasedAuthConfiguration/$ref", `{"certificateAuthorities": []}`), ""},
		// serviceprincipal-delete-owners sends a reference with a DELETE.
		{"reference body on another method", "DELETE", []string{"/servicePrincipals/{id}/owners/{id}/$ref"}, request("DELETE", "/servicePrincipals/1/owners/2/$ref", ref), "example"},
		{"DELETE $ref without body", "DELETE", []string{"/applications/{id}/tokenLifetimePolicies/{id}/$ref"}, nil, ""},
		{"no $ref path", "POST", []string{"/groups"}, request("POST", "/groups", `{"displayName": "x"}`), ""},
		{"@odata.id among properties", "POST", []string{"/calls/{id}/transfer"}, request("POST", "/calls/1/transfer", `{"@odata.id": "x", "target": {}}`), ""},
	}
	for _, tt := range tests {
		if got := referenceFrom(tt.method, tt.paths, tt.examples); got != tt.want {
			t.Errorf("%s: referenceFrom = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDescribedType(t *testing.T) {
	rows := []ir.BodyParam{{Name: "id"}, {Name: "displayName"}, {Name: "description"}}
	tests := []struct {
		name, method, body string
		want               string
	}{
		// intune-shared-devicecategory-create's example.
		{"Intune create", "POST", `{"@odata.type": "#microsoft.graph.deviceCategory", "displayName": "Display Name value", "description": "Description value"}`, "microsoft.graph.deviceCategory"},
		// intune-devices-user-create's example has nothing but the type.
		{"only the type", "POST", `{"@odata.type": "#microsoft.graph.deviceCategory"}`, "microsoft.graph.deviceCategory"},
		{"binding annotation", "POST", `{"@odata.type": "#microsoft.graph.x", "owner@odata.bind": "u", "id": "1"}`, "microsoft.graph.x"},
		{"member the table lacks", "POST", `{"@odata.type": "#microsoft.graph.x", "other": 1}`, ""},
		// pt-BR-2023 intune-apps-iosvppapp-create: the table translates
		// publisher ("editor"); the other members are rows.
		{"a translated row", "POST", `{"@odata.type": "#microsoft.graph.x", "id": "1", "displayName": "d", "publisher": "p"}`, "microsoft.graph.x"},
		{"most members not rows", "POST", `{"@odata.type": "#microsoft.graph.x", "id": "1", "a": 1, "b": 2}`, ""},
		{"no @odata.type", "POST", `{"displayName": "x"}`, ""},
		{"an update", "PATCH", `{"@odata.type": "#microsoft.graph.deviceCategory", "displayName": "x"}`, ""},
		{"truncated example", "POST", `{"@odata.type": "#microsoft.graph.x", ...}`, ""},
	}
	for _, tt := range tests {
		if got := describedType(tt.method, rows, request(tt.method, "/x", tt.body)); got != tt.want {
			t.Errorf("%s: describedType = %q, want %q", tt.name, got, tt.want)
		}
	}
	// pt-BR-2023 intune-apps-mobileappassignment-create: every row is
	// translated ("destino" for target), but the example creates what it sends.
	const assignment = `{"@odata.type": "#microsoft.graph.mobileAppAssignment", "intent": "required", "target": {}}`
	created := []ir.Example{{
		Request:  &ir.ExampleRequest{Method: "POST", Body: assignment},
		Response: &ir.ExampleResponse{Status: 201, Body: `{"@odata.type": "#microsoft.graph.mobileAppAssignment", "id": "1", "intent": "required"}`},
	}}
	translated := []ir.BodyParam{{Name: "id"}, {Name: "finalidade"}, {Name: "destino"}}
	if got := describedType("POST", translated, created); got != "microsoft.graph.mobileAppAssignment" {
		t.Errorf("a created object of the same type: describedType = %q, want microsoft.graph.mobileAppAssignment", got)
	}
	created[0].Response.Status = 200
	if got := describedType("POST", translated, created); got != "" {
		t.Errorf("an action answering 200: describedType = %q, want none", got)
	}
}

func TestPropertyBelow(t *testing.T) {
	var routes []*ir.Route
	for _, p := range []string{"/me/mailboxSettings", "/me/mailboxSettings/dateFormat", "/me/photo", "/me/photo/$value", "/me/photos/{size}", "/teams/{id}/photo/{size}", "/me/events", "/me/events/microsoft.graph.delta()"} {
		routes = append(routes, &ir.Route{Path: p})
	}
	want := map[string]string{"/me/mailboxSettings/dateFormat": "dateFormat"}
	for _, r := range routes {
		if got := propertyBelow(routes, r); got != want[r.Path] {
			t.Errorf("propertyBelow(%s) = %q, want %q", r.Path, got, want[r.Path])
		}
	}
}
