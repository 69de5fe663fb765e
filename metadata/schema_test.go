package metadata_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/metadata"
)

// readPaths reads testdata/paths.csdl, an excerpt of Graph's v1.0 CSDL.
func readPaths(t *testing.T) *metadata.Schema {
	t.Helper()
	f, err := os.Open("testdata/paths.csdl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := metadata.ReadSchema(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestReadSchema checks what ReadSchema keeps of testdata/paths.csdl,
// against the XML's text: the container, a property's and a navigation
// property's types, a media entity and overloads of a bound function.
func TestReadSchema(t *testing.T) {
	s := readPaths(t)
	if got, want := s.EntitySets["groups"], "microsoft.graph.group"; got != want {
		t.Errorf("entity set groups: %q, want %q", got, want)
	}
	if got, want := s.Singletons["me"], "microsoft.graph.user"; got != want {
		t.Errorf("singleton me: %q, want %q", got, want)
	}
	user := s.Types["microsoft.graph.user"]
	wantProps := []metadata.Property{
		{Name: "displayName", TypeRef: metadata.TypeRef{Type: "Edm.String"}},
		{Name: "businessPhones", TypeRef: metadata.TypeRef{Type: "Edm.String", Collection: true}},
		{Name: "ageGroup", TypeRef: metadata.TypeRef{Type: "microsoft.graph.ageGroup"}},
		{Name: "mailboxSettings", TypeRef: metadata.TypeRef{Type: "microsoft.graph.mailboxSettings"}},
		{Name: "manager", TypeRef: metadata.TypeRef{Type: "microsoft.graph.directoryObject"}, Navigation: true},
		{Name: "memberOf", TypeRef: metadata.TypeRef{Type: "microsoft.graph.directoryObject", Collection: true}, Navigation: true},
	}
	if diff := cmp.Diff(wantProps, user.Properties[:len(wantProps)]); diff != "" || !user.Entity || user.Base != "microsoft.graph.directoryObject" {
		t.Errorf("user: entity %v, base %q, properties (-want +got):\n%s", user.Entity, user.Base, diff)
	}
	if !s.Types["microsoft.graph.profilePhoto"].HasStream || s.Types["microsoft.graph.message"].HasStream {
		t.Error("profilePhoto has a stream (HasStream=\"true\"), message has none")
	}
	if s.Types["microsoft.graph.mailboxSettings"].Entity {
		t.Error("mailboxSettings is a complex type, not an entity")
	}
	wantDelta := []*metadata.Operation{
		{Name: "delta", Function: true, Binding: metadata.TypeRef{Type: "microsoft.graph.directoryObject", Collection: true}, Return: &metadata.TypeRef{Type: "microsoft.graph.directoryObject", Collection: true}},
		{Name: "delta", Function: true, Binding: metadata.TypeRef{Type: "microsoft.graph.user", Collection: true}, Return: &metadata.TypeRef{Type: "microsoft.graph.user", Collection: true}},
		{Name: "delta", Function: true, Binding: metadata.TypeRef{Type: "microsoft.graph.driveItem"}, Return: &metadata.TypeRef{Type: "microsoft.graph.driveItem", Collection: true}},
	}
	if diff := cmp.Diff(wantDelta, s.Operations["delta"]); diff != "" {
		t.Errorf("delta (-want +got):\n%s", diff)
	}
	wantSend := []*metadata.Operation{{Name: "sendMail", Binding: metadata.TypeRef{Type: "microsoft.graph.user"}, Params: []string{"Message", "SaveToSentItems"}}}
	if diff := cmp.Diff(wantSend, s.Operations["sendMail"]); diff != "" {
		t.Errorf("sendMail (-want +got):\n%s", diff)
	}
}
