package graphgen

import (
	"os"
	"testing"

	"github.com/graphgen-dev/graphgen/ir"
)

// loadCase loads one docs case of testdata/docs.
func loadCase(t *testing.T, name string) *ir.API {
	t.Helper()
	api, err := Load(os.DirFS("testdata/docs/" + name))
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// The request-body kinds of real pages; each expected value is what the
// page itself shows (quoted in the comments).
func TestRequestBodyKinds(t *testing.T) {
	tests := []struct {
		tree, id string
		want     ir.RequestBody // Kind, Type and From are compared
	}{
		// "In the request body, supply a JSON representation for the
		// deviceCategory object", a table of its properties, and an example
		// sending "@odata.type": "#microsoft.graph.deviceCategory".
		{"en-2021", "intune-shared-devicecategory-create", ir.RequestBody{Kind: ir.KindObject, Type: "microsoft.graph.deviceCategory", From: "example"}},
		// The same shape in Portuguese: "@odata.type": "#microsoft.graph.windowsUpdateState".
		{"pt-BR-2023", "intune-shared-windowsupdatestate-create", ir.RequestBody{Kind: ir.KindObject, Type: "microsoft.graph.windowsUpdateState", From: "example"}},
		// POST /groups/{group-id}/members/$ref with
		// {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}.
		{"en-2021", "group-post-members", ir.RequestBody{Kind: ir.KindReference, Type: "microsoft.graph.directoryObject", From: "example"}},
		// PUT .../apiConnectorConfiguration/{step}/$ref with
		// {"@odata.id": "https://graph.microsoft.com/v1.0/identity/apiConnectors/{id}"}.
		{"pt-BR-2023", "b2xidentityuserflow-put-apiconnectorconfiguration", ir.RequestBody{Kind: ir.KindReference, Type: "microsoft.graph.identityApiConnector", From: "example"}},
		// POST /users/{id}/sponsors/$ref; the linked user page is not in
		// this tree, so the type stays the link's.
		{"contrib-2026", "user-post-sponsors", ir.RequestBody{Kind: ir.KindReference, Type: "user", From: "example"}},
		// "Do not supply a request body for this method.", and an example
		// block with two GET lines.
		{"en-2021", "user-list-agreementacceptances", ir.RequestBody{Kind: ir.KindNone, From: "prose"}},
		// DELETE .../tokenLifetimePolicies/{id}/$ref: "Do not supply a request body".
		{"en-2021", "application-delete-tokenlifetimepolicies", ir.RequestBody{Kind: ir.KindNone, From: "prose"}},
		// A conversationMember linked from the section stays an object.
		{"en-2021", "chat-post-members", ir.RequestBody{Kind: ir.KindObject, Type: "microsoft.graph.conversationMember", From: "link"}},
	}
	apis := map[string]*ir.API{}
	for _, tt := range tests {
		if apis[tt.tree] == nil {
			apis[tt.tree] = loadCase(t, tt.tree)
		}
		op := operation(apis[tt.tree], tt.id)
		if op == nil {
			t.Fatalf("%s: no operation %s", tt.tree, tt.id)
		}
		got := op.RequestBody
		if got.Kind != tt.want.Kind || got.Type != tt.want.Type || got.From != tt.want.From {
			t.Errorf("%s %s: body %s %q from %s, want %s %q from %s", tt.tree, tt.id, got.Kind, got.Type, got.From, tt.want.Kind, tt.want.Type, tt.want.From)
		}
	}
	for _, ex := range operation(apis["en-2021"], "user-list-agreementacceptances").Examples {
		if ex.Request != nil && ex.Request.Body != "" {
			t.Errorf("%s: example request body %q, want none (the second line is another request)", ex.Source, ex.Request.Body)
		}
	}
}

// The responses of real pages, as their text and examples give them.
func TestResponseKinds(t *testing.T) {
	api := loadCase(t, "en-2021")
	tests := []struct {
		id   string
		want ir.Response
	}{
		// "returns a `202 Accepted` response code with a Location: header";
		// the example: HTTP/1.1 202 Accepted, Location: /teams({id})/operations({opId}),
		// Content-Type: text/plain, Content-Length: 0.
		{"team-clone", ir.Response{Status: 202, StatusFrom: "prose", Kind: ir.KindNone, Location: true}},
		// "returns a `201 Created` response code and a Location header that
		// provides a URL path to the newly created member object".
		{"chat-post-members", ir.Response{Status: 201, StatusFrom: "prose", Kind: ir.KindNone, Location: true}},
		// "a collection of agreementAcceptance objects".
		{"user-list-agreementacceptances", ir.Response{Status: 200, StatusFrom: "prose", Kind: ir.KindCollection, Type: "microsoft.graph.agreementAcceptance"}},
		// "a `200 OK` response code and [a] mailboxSettings object".
		{"user-get-mailboxsettings", ir.Response{Status: 200, StatusFrom: "prose", Kind: ir.KindObject, Type: "microsoft.graph.mailboxSettings"}},
	}
	for _, tt := range tests {
		op := operation(api, tt.id)
		if op == nil || op.Response != tt.want {
			t.Errorf("%s: response %+v, want %+v", tt.id, op.Response, tt.want)
		}
	}
}

// Routes that answer otherwise than their operation: the properties the
// mailbox settings page lists ("string (for **dateFormat**)", "localeInfo
// object", ...), whose types the mailboxSettings resource page gives, and
// the /$value streams of the photo and message pages.
func TestRouteResponses(t *testing.T) {
	api := loadCase(t, "en-2021")
	obj := func(typ string) *ir.Response {
		return &ir.Response{Status: 200, StatusFrom: "prose", Kind: ir.KindObject, Type: typ}
	}
	str := &ir.Response{Status: 200, StatusFrom: "prose", Kind: ir.KindPrimitive, Type: "Edm.String"}
	stream := &ir.Response{Status: 200, StatusFrom: "prose", Kind: ir.KindBinary}
	want := map[string]map[string]*ir.Response{
		"user-get-mailboxsettings": {
			"/me/mailboxSettings":                                        nil,
			"/users/{id | userPrincipalName}/mailboxSettings":            nil,
			"/me/mailboxSettings/automaticRepliesSetting":                obj("microsoft.graph.automaticRepliesSetting"),
			"/me/mailboxSettings/dateFormat":                             str,
			"/users/{id | userPrincipalName}/mailboxSettings/dateFormat": str,
			"/me/mailboxSettings/language":                               obj("microsoft.graph.localeInfo"),
			"/me/mailboxSettings/timeFormat":                             str,
			"/me/mailboxSettings/timeZone":                               str,
			"/me/mailboxSettings/workingHours":                           obj("microsoft.graph.workingHours"),
		},
		"profilephoto-get": {"/me/photo": nil, "/me/photo/$value": stream, "/groups/{id}/photo/$value": stream, "/me/photos/{size}": nil},
		"message-get":      {"/me/messages/{id}": nil, "/me/messages/{id}/$value": stream},
	}
	for id, routes := range want {
		op := operation(api, id)
		found := 0
		for _, r := range op.Routes {
			w, ok := routes[r.Path]
			if !ok {
				continue
			}
			found++
			switch {
			case w == nil && r.Response != nil:
				t.Errorf("%s %s: own response %+v, want the operation's", id, r.Path, *r.Response)
			case w != nil && (r.Response == nil || *r.Response != *w):
				t.Errorf("%s %s: own response %+v, want %+v", id, r.Path, r.Response, *w)
			}
		}
		if found != len(routes) {
			t.Errorf("%s: %d of the %d paths found", id, found, len(routes))
		}
	}
}
