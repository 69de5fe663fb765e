package generated_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/devicecategorybeta"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/generated/group"
	"github.com/graphgen-dev/graphgen/generated/profilephotobeta"
	"github.com/graphgen-dev/graphgen/generated/team"
	"github.com/graphgen-dev/graphgen/generated/user"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// The body and response kinds of the generated client against the
// generated mock, with the values the pages document.
func TestBodyAndResponseKinds(t *testing.T) {
	ctx := context.Background()
	root, rec := setup(t, generatedmock.Handlers{})

	// team-clone: "HTTP/1.1 202 Accepted", "Location: /teams({id})/operations({opId})".
	loc, err := team.New(root).Clone(ctx, "t1", &team.CloneRequest{DisplayName: ptr("Library Assist")})
	if err != nil || loc != "/teams({id})/operations({opId})" {
		t.Errorf("Clone = %q, %v; want the documented Location /teams({id})/operations({opId})", loc, err)
	}

	// group-post-members sends {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}.
	if err := group.New(root).AddMembersRef(ctx, "g1", "https://graph.microsoft.com/v1.0/directoryObjects/{id}"); err != nil || rec.status != 204 {
		t.Errorf("AddMembersRef: %v (status %d), want the documented 204", err, rec.status)
	}
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	raw := graphrt.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "t"}}, srv.URL)
	err = raw.Empty(ctx, &graphrt.Request{Method: "POST", Path: "/v1.0/groups/g1/members/$ref", JSON: map[string]string{"id": "x"}})
	var ge *graphrt.Error
	if !errors.As(err, &ge) || ge.StatusCode != 400 {
		t.Errorf("a member given as an object, not a reference: %v, want 400 from the mock", err)
	}

	// user-get-mailboxsettings: the automaticRepliesSetting example
	// answers "status": "alwaysEnabled"; dateFormat is a string.
	users := user.New(root)
	replies, err := users.GetMailboxSettingsAutomaticRepliesSetting(ctx, "u1")
	if err != nil || replies == nil || replies.Status == nil || string(*replies.Status) != "alwaysEnabled" {
		t.Errorf("automaticRepliesSetting = %+v, %v; want the documented status alwaysEnabled", replies, err)
	}
	var dateFormat string
	if dateFormat, err = users.GetMailboxSettingsDateFormatMe(ctx); err != nil || rec.status != 200 {
		t.Errorf("dateFormat = %q, %v (status %d); want the documented 200", dateFormat, err, rec.status)
	}

	// profilephoto-get: /me/photo/$value is the photo's bytes.
	var photo []byte
	if photo, err = profilephotobeta.New(root).GetValueMe(ctx); err != nil || rec.status != 200 {
		t.Errorf("photo $value = %d bytes, %v; want the documented 200", len(photo), err)
	}

	// intune-shared-devicecategory-create takes the deviceCategory it
	// creates; the example sends "@odata.type": "#microsoft.graph.deviceCategory".
	created, err := devicecategorybeta.New(root).Create(ctx, &generated.DeviceCategory{
		ODataType: ptr("#microsoft.graph.deviceCategory"), DisplayName: ptr("Display Name value"), Description: ptr("Description value"),
	})
	if err != nil || created == nil || rec.status != 201 || *created.DisplayName != "Display Name value" {
		t.Errorf("Create = %+v, %v (status %d); want the documented 201 and object", created, err, rec.status)
	}
}

func ptr[T any](v T) *T { return &v }
