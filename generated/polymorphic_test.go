package generated_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/generated/group"
	"github.com/graphgen-dev/graphgen/generated/group/groupmock"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// The docs' examples of a group's directory objects, as the pages write
// them (CC BY 4.0, see testdata/docs/README.md). testdata/docs has the
// members list of pt-BR-sxs-2021, whose members carry no "@odata.type";
// these two answers of the same shape carry one, and are checked against
// their pages when GRAPHGEN_CORPUS is set (TestPolymorphicExamplesAreTheDocs).
const (
	// groupOwnersExample is the answer of GET /groups/{id}/owners in
	// graph-docs-pt-BR-2023, api-reference/v1.0/api/group-list-owners.md.
	groupOwnersExample = `{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
    "value": [
        {
            "@odata.type": "#microsoft.graph.user",
            "id": "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e",
            "accountEnabled": true,
            "displayName": "MOD Administrator",
            "userPrincipalName": "admin@contoso.com"
        },
        {
            "@odata.type": "#microsoft.graph.user",
            "id": "f0206b06-7c5d-461c-ae24-08f68b7ef463",
            "accountEnabled": true,
            "displayName": "Megan Bowen",
            "userPrincipalName": "MeganB@contoso.com"
        },
        {
            "@odata.type": "#microsoft.graph.user",
            "id": "5c70937c-d9ea-4a47-8852-ab77630f803d",
            "accountEnabled": true,
            "displayName": "Diego Siciliani",
            "userPrincipalName": "DiegoS@contoso.com"
        }
    ]
}`
	// transitiveMembersExample is the first answer of GET
	// /groups/{id}/transitiveMembers in graph-docs-en-2021,
	// api-reference/v1.0/api/group-list-transitivemembers.md.
	transitiveMembersExample = `{
  "value": [
    {
      "@odata.type": "#microsoft.graph.user",
      "id": "11111111-2222-3333-4444-555555555555",
      "mail": "group1@contoso.com"
    }
  ]
}`
)

// membersAnswer answers the members list of a group with a fixed body.
type membersAnswer struct {
	groupmock.DocsHandler
	body string
}

func (h membersAnswer) ListMembers(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(h.body))
}

// listMembers lists the members of a group through the generated client,
// from a mock that answers with body (the docs' own answers unless set).
func listMembers(t *testing.T, body string) []generated.DirectoryObject {
	t.Helper()
	var h generatedmock.Handlers
	if body != "" {
		h.Group = membersAnswer{body: body}
	}
	c, _ := setup(t, h)
	var members []generated.DirectoryObject
	for m, err := range group.New(c).ListMembers(context.Background(), "02bd9fd6-8f93-4758-87c3-1fb73740a315") {
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, m)
	}
	return members
}

func TestGroupMembersAreUsersThroughAsUser(t *testing.T) {
	members := listMembers(t, groupOwnersExample)
	want := []string{"MOD Administrator", "Megan Bowen", "Diego Siciliani"}
	if len(members) != len(want) {
		t.Fatalf("%d members, want %d", len(members), len(want))
	}
	for i, m := range members {
		u, ok := m.AsUser()
		if !ok {
			t.Fatalf("member %d is no user: %#v", i, m)
		}
		if u.DisplayName == nil || *u.DisplayName != want[i] || u.AccountEnabled == nil || !*u.AccountEnabled {
			t.Errorf("member %d: DisplayName %v, AccountEnabled %v; want %q, true", i, u.DisplayName, u.AccountEnabled, want[i])
		}
		if *m.ID != *u.ID || *m.ODataType != "#microsoft.graph.user" || len(m.AdditionalData) != 0 || len(u.AdditionalData) != 0 {
			t.Errorf("member %d: base %v %v %v, user %v %v", i, *m.ID, *m.ODataType, m.AdditionalData, *u.ID, u.AdditionalData)
		}
	}
	if u, _ := members[1].AsUser(); *u.UserPrincipalName != "MeganB@contoso.com" {
		t.Errorf("UserPrincipalName %q", *u.UserPrincipalName)
	}
	if u, ok := listMembers(t, transitiveMembersExample)[0].AsUser(); !ok || *u.Mail != "group1@contoso.com" || *u.ID != "11111111-2222-3333-4444-555555555555" {
		t.Errorf("transitive member: %#v, %v", u, ok)
	}
}

// TestGroupMembersWithoutODataTypeStayDirectoryObjects lists members from
// the documented answer of testdata/docs (pt-BR-sxs-2021
// group-list-members.md), whose members name no type: they are
// directory objects, with their other members as sent.
func TestGroupMembersWithoutODataTypeStayDirectoryObjects(t *testing.T) {
	members := listMembers(t, "")
	if len(members) == 0 {
		t.Fatal("no members")
	}
	for _, m := range members {
		if _, ok := m.AsUser(); ok || m.Derived() != nil {
			t.Errorf("%#v: a user without @odata.type", m)
		}
	}
	if got := string(members[0].AdditionalData["mail"]); got != `"user1@contoso.com"` {
		t.Errorf("mail %s, want the page's \"user1@contoso.com\"", got)
	}
}

func TestDerivedTypeSwitch(t *testing.T) {
	var users, groups, others []string
	for _, m := range listMembers(t, `{"value": [
		{"@odata.type": "#microsoft.graph.user", "id": "u1", "displayName": "Adele Vance"},
		{"@odata.type": "#microsoft.graph.group", "id": "g1", "displayName": "Sales"},
		{"@odata.type": "#microsoft.graph.orgContact", "id": "c1", "displayName": "Contoso"},
		{"@odata.type": "microsoft.graph.user", "id": "u2", "displayName": "Alex Wilber"},
		{"id": "x1"}]}`) {
		switch d := m.Derived().(type) {
		case *generated.User:
			users = append(users, *d.DisplayName)
		case *generated.Group:
			groups = append(groups, *d.DisplayName)
		case nil:
			others = append(others, *m.ID)
		default:
			t.Errorf("Derived() is a %T", d)
		}
	}
	want := [][]string{{"Adele Vance", "Alex Wilber"}, {"Sales"}, {"c1", "x1"}} // orgContact has no page in testdata/docs
	if diff := cmp.Diff(want, [][]string{users, groups, others}); diff != "" {
		t.Errorf("users, groups, others (-want +got):\n%s", diff)
	}
}

// TestUnknownODataTypeIsTheBase decodes a type testdata/docs does not
// document (microsoft.graph.orgContact has no resource page there): the
// object is a DirectoryObject, and keeps what it does not declare.
func TestUnknownODataTypeIsTheBase(t *testing.T) {
	var m generated.DirectoryObject
	in := `{"@odata.type":"#microsoft.graph.orgContact","id":"g1","displayName":"Sales","mailEnabled":true}`
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.AsUser(); ok || m.Derived() != nil || *m.ODataType != "#microsoft.graph.orgContact" || *m.ID != "g1" {
		t.Errorf("%#v", m)
	}
	if string(m.AdditionalData["displayName"]) != `"Sales"` || string(m.AdditionalData["mailEnabled"]) != "true" {
		t.Errorf("AdditionalData %s", m.AdditionalData)
	}
	out, err := json.Marshal(m)
	if err != nil || !generated.SameJSON([]byte(in), out) {
		t.Errorf("re-encoded: %s, %v", out, err)
	}
}

// TestNestedPolymorphicProperty decodes a user's manager (a
// directoryObject property) as the docs' user-list-manager.md example
// with $expand=manager writes it, with the "@odata.type" Graph sends
// added by hand.
func TestNestedPolymorphicProperty(t *testing.T) {
	var u generated.User
	in := `{"id": "a97733ce-92a4-4e7e-8d45-8e1f3e6a69d8", "displayName": "Individual Contributor",
		"manager": {"@odata.type": "#microsoft.graph.user", "id": "7d54cb02-aaa3-4016-9f9c-a4b49422dd9b", "displayName": "Alex Wilber",
			"manager": {"@odata.type": "#microsoft.graph.user", "id": "343a3f95-377c-47a9-b697-480487bfcdf7", "displayName": "Bianca Pisani"}},
		"directReports": [{"@odata.type": "#microsoft.graph.user", "id": "d1", "displayName": "Pradeep Gupta"}, {"@odata.type": "#microsoft.graph.orgContact", "id": "c1"}]}`
	if err := json.Unmarshal([]byte(in), &u); err != nil {
		t.Fatal(err)
	}
	boss, ok := u.Manager.AsUser()
	if !ok || *boss.DisplayName != "Alex Wilber" {
		t.Fatalf("manager %#v", u.Manager)
	}
	if bossOfBoss, ok := boss.Manager.AsUser(); !ok || *bossOfBoss.DisplayName != "Bianca Pisani" {
		t.Errorf("manager's manager %#v", boss.Manager)
	}
	if r, ok := u.DirectReports[0].AsUser(); !ok || *r.DisplayName != "Pradeep Gupta" {
		t.Errorf("directReports[0] %#v", u.DirectReports[0])
	}
	if _, ok := u.DirectReports[1].AsUser(); ok || *u.DirectReports[1].ID != "c1" {
		t.Errorf("directReports[1] %#v", u.DirectReports[1])
	}
	out, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	// a user names its type when sent; the rest is the input
	if want := generated.TypedJSON([]byte(in), "microsoft.graph.user"); !generated.SameJSON(want, out) {
		t.Errorf("round trip:\n got %s\nwant %s", out, want)
	}
}

func TestMarshalCarriesODataType(t *testing.T) {
	name, other := "Adele Vance", "#microsoft.graph.user"
	for _, tc := range []struct {
		v    any
		want string
	}{
		{generated.User{DisplayName: &name}, `{"@odata.type": "#microsoft.graph.user", "displayName": "Adele Vance"}`},
		{&generated.User{DisplayName: &name, ODataType: &other}, `{"@odata.type": "#microsoft.graph.user", "displayName": "Adele Vance"}`},
		{generated.DirectoryObject{}, `{"@odata.type": "#microsoft.graph.directoryObject"}`},
		{generated.AadUserConversationMember{}, `{"@odata.type": "#microsoft.graph.aadUserConversationMember"}`},
		// a type of no family sends no type
		{generated.Alert{AssignedTo: &name}, `{"assignedTo": "Adele Vance"}`},
	} {
		out, err := graphrt.MarshalBody(tc.v)
		if err != nil || !generated.SameJSON([]byte(tc.want), out) {
			t.Errorf("%T: %s, %v; want %s", tc.v, out, err, tc.want)
		}
	}
	var m generated.DirectoryObject
	in := `{"@odata.type": "microsoft.graph.user", "id": "u1", "displayName": "Adele Vance", "extension_1_color": "blue"}`
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(m)
	if err != nil || !generated.SameJSON([]byte(in), out) {
		t.Errorf("round trip through the base: %s, %v", out, err)
	}
}

// TestPolymorphicExamplesAreTheDocs checks the pinned answers above
// against their pages in the corpus.
func TestPolymorphicExamplesAreTheDocs(t *testing.T) {
	dir := os.Getenv("GRAPHGEN_CORPUS")
	if dir == "" {
		t.Skip("GRAPHGEN_CORPUS is not set; see README (corpus tests)")
	}
	for page, want := range map[string]string{
		"graph-docs-pt-BR-2023/api-reference/v1.0/api/group-list-owners.md":         groupOwnersExample,
		"graph-docs-en-2021/api-reference/v1.0/api/group-list-transitivemembers.md": transitiveMembersExample,
	} {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		facts := parseFacts(string(src))
		if len(facts.Responses) == 0 || !generated.SameJSON([]byte(facts.Responses[0].Body), []byte(want)) {
			t.Errorf("%s: the first answer is not the pinned one: %+v", page, facts.Responses)
		}
	}
}
