package generated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/generated/group"
	"github.com/graphgen-dev/graphgen/generated/user"
	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// emulated connects the generated client to a fresh emulator of the
// whole generated API, as a signed-in user holding the permissions the
// pages of the scenario document (user-post-users, user-update,
// user-delete, group-post-groups, group-post-members, group-list-members).
func emulated(t *testing.T) (*graphtest.Emulator, *generated.Client) {
	e := generatedmock.NewEmulator(graphtest.StoreOptions{})
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	token := graphtest.TestToken(graphtest.DelegatedWork, "User.ReadWrite.All", "Directory.AccessAsUser.All", "Group.ReadWrite.All")
	return e, generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: token}}, srv.URL)
}

// newUser is the body of user-post-users' example for name.
func newUser(name, nick string) *generated.User {
	return &generated.User{AccountEnabled: ptr(true), DisplayName: ptr(name), MailNickname: ptr(nick),
		UserPrincipalName: ptr(nick + "@contoso.onmicrosoft.com"),
		PasswordProfile:   json.RawMessage(`{"forceChangePasswordNextSignIn": true, "password": "xWwvJ]6NMw+bWH-d"}`)}
}

// TestEmulatorScenario drives the emulator through the generated client:
// create a user, read it back, update it, list users with $filter and
// $top across pages, add the user to a group through $ref, list the
// group's members, delete the user and get 404. Statuses are the pages'
// (201, 204) as the client reports them; what reads back is what was
// written.
func TestEmulatorScenario(t *testing.T) {
	ctx := context.Background()
	e, c := emulated(t)
	users, groups := user.New(c), group.New(c)

	ada, err := users.Create(ctx, newUser("Ada Lovelace", "ada"))
	if err != nil || ada.ID == nil || *ada.DisplayName != "Ada Lovelace" || ada.CreatedDateTime == nil {
		t.Fatalf("Create = %+v, %v; want the stored user with an id and createdDateTime", ada, err)
	}
	id := *ada.ID
	got, err := users.Get(ctx, id)
	if err != nil || *got.UserPrincipalName != "ada@contoso.onmicrosoft.com" {
		t.Fatalf("Get(%s) = %+v, %v", id, got, err)
	}
	if err := users.Update(ctx, id, &user.UpdateRequest{JobTitle: ptr("Analyst")}); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got, err := users.Get(ctx, "ada@contoso.onmicrosoft.com"); err != nil || got.JobTitle == nil || *got.JobTitle != "Analyst" || *got.ID != id {
		t.Fatalf("Get by userPrincipalName after Update = %+v, %v; want jobTitle Analyst", got, err)
	}

	for _, u := range [][2]string{{"Alan Turing", "alan"}, {"Grace Hopper", "grace"}, {"Anita Borg", "anita"}} {
		if _, err := users.Create(ctx, newUser(u[0], u[1])); err != nil {
			t.Fatal(err)
		}
	}
	// One page of two, then every page: List follows @odata.nextLink.
	filter := graphrt.Filter("startswith(displayName,'A')")
	page, err := users.ListPage(ctx, filter, graphrt.Top(2), graphrt.Count())
	if err != nil || len(page.Value) != 2 || page.NextLink == "" || page.Count == nil || *page.Count != 3 {
		t.Fatalf("ListPage($top=2) = %+v, %v; want 2 of 3 users and a next link", page, err)
	}
	var names []string
	for u, err := range users.List(ctx, filter, graphrt.Top(2)) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, *u.DisplayName)
	}
	if want := []string{"Ada Lovelace", "Alan Turing", "Anita Borg"}; !slices.Equal(names, want) {
		t.Errorf("List($filter, $top=2) across pages = %q, want %q", names, want)
	}

	library, err := groups.Create(ctx, &generated.Group{DisplayName: ptr("Library Assist"), MailEnabled: ptr(true),
		MailNickname: ptr("library"), SecurityEnabled: ptr(false), GroupTypes: []string{"Unified"}})
	if err != nil || library.ID == nil {
		t.Fatalf("group Create = %+v, %v", library, err)
	}
	if err := groups.AddMembersRef(ctx, *library.ID, "https://graph.microsoft.com/v1.0/directoryObjects/"+id); err != nil {
		t.Fatalf("AddMembersRef: %v", err)
	}
	if err := groups.AddMembersRef(ctx, *library.ID, "https://graph.microsoft.com/v1.0/directoryObjects/"+id); err == nil || !strings.Contains(err.Error(), "already exist") {
		t.Errorf("AddMembersRef twice: %v, want Graph's 400 for a reference that already exists", err)
	}
	var members []string
	for m, err := range groups.ListMembers(ctx, *library.ID) {
		if err != nil {
			t.Fatal(err)
		}
		u, ok := m.AsUser() // the member decodes as the user it is
		if !ok {
			t.Fatalf("member %+v is not a user", m)
		}
		members = append(members, *u.DisplayName)
	}
	if !slices.Equal(members, []string{"Ada Lovelace"}) {
		t.Errorf("ListMembers = %q, want Ada", members)
	}

	if err := users.Delete(ctx, id); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	var ge *graphrt.Error
	if _, err := users.Get(ctx, id); !graphrt.IsNotFound(err) || !errors.As(err, &ge) || ge.Code != "Request_ResourceNotFound" {
		t.Errorf("Get after Delete: %v; want 404 Request_ResourceNotFound", err)
	}
	for m, err := range groups.ListMembers(ctx, *library.ID) {
		t.Errorf("a member after the user's deletion: %+v, %v", m, err)
	}

	var dump bytes.Buffer // the state at the end: three users, one group, no member
	if err := e.Store.Dump(&dump); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"Alan Turing"`, `"Library Assist"`} {
		if !strings.Contains(dump.String(), want) {
			t.Errorf("Dump lacks %s:\n%s", want, dump.String())
		}
	}
	if strings.Contains(dump.String(), id) {
		t.Errorf("Dump still holds the deleted user %s:\n%s", id, dump.String())
	}
}

// TestEmulatorTellsExamplesApart: an operation the emulator does not
// emulate (sendMail, an action described in prose) answers with its
// documented status and says so in X-Graphgen-Emulated.
func TestEmulatorTellsExamplesApart(t *testing.T) {
	e, _ := emulated(t)
	srv := httptest.NewServer(e)
	defer srv.Close()
	for _, c := range []struct {
		method, path, body string
		status             int
		emulated           string
	}{
		{"POST", "/v1.0/me/sendMail", `{"message": {"subject": "Meet for lunch?"}}`, 202, "example"},
		{"GET", "/v1.0/users", "", 200, "state"},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
		req.Header.Set("Authorization", "Bearer "+graphtest.TestToken(graphtest.DelegatedWork, "Mail.Send", "User.Read.All"))
		if c.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status || resp.Header.Get(graphtest.EmulatedHeader) != c.emulated {
			t.Errorf("%s %s: %d %q, want %d %q", c.method, c.path, resp.StatusCode, resp.Header.Get(graphtest.EmulatedHeader), c.status, c.emulated)
		}
	}
}
