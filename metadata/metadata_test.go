package metadata_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/metadata"
)

func TestCompare(t *testing.T) {
	f, err := os.Open("testdata/small.csdl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	meta, err := metadata.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	api := &ir.API{Types: []*ir.Type{
		{Name: "microsoft.graph.user", Version: "v1.0", Kind: ir.TypeObject, Base: "microsoft.graph.entity",
			Properties: []ir.Property{{Name: "displayName"}, {Name: "manager"}, {Name: "nickname"}}},
		{Name: "microsoft.graph.entity", Version: "v1.0", Kind: ir.TypeObject, Properties: []ir.Property{{Name: "id"}}},
		{Name: "microsoft.graph.ageGroup", Version: "v1.0", Kind: ir.TypeEnum, Members: []ir.EnumMember{{Name: "minor"}, {Name: "adult"}}},
		{Name: "microsoft.graph.docsOnly", Version: "v1.0", Kind: ir.TypeObject},
		{Name: "microsoft.graph.betaOnly", Version: "beta", Kind: ir.TypeObject},
	}}
	got := metadata.Compare(api, "v1.0", meta)
	want := metadata.Diff{
		DocsOnly:     []string{"microsoft.graph.docsOnly"},
		MetadataOnly: []string{"microsoft.graph.metadataOnly", "microsoft.graph.security.case", "microsoft.graph.security.ediscoveryCase"},
		Members:      []metadata.MemberDiff{{Type: "microsoft.graph.user", DocsOnly: []string{"nickname"}, MetadataOnly: []string{"mail"}}},
		Compared:     3,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
}

// TestAgree counts the docs' names the metadata knows, by hand from
// testdata/small.csdl: a base named through its schema's alias
// ("self.case") is found, and non-ASCII wire names are listed.
func TestAgree(t *testing.T) {
	f, err := os.Open("testdata/small.csdl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	meta, err := metadata.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	api := &ir.API{Types: []*ir.Type{
		{Name: "microsoft.graph.security.ediscoveryCase", Version: "v1.0", Kind: ir.TypeObject,
			Properties: []ir.Property{{Name: "id"}, {Name: "displayName"}, {Name: "externalId"}, {Name: "nome"}}},
		{Name: "microsoft.graph.ageGroup", Version: "v1.0", Kind: ir.TypeEnum, Members: []ir.EnumMember{{Name: "minor"}, {Name: "NãoAdulto"}}},
		{Name: "microsoft.graph.docsOnly", Version: "v1.0", Kind: ir.TypeObject, Properties: []ir.Property{{Name: "mail"}, {Name: "assunto"}}},
		{Name: "microsoft.graph.betaOnly", Version: "beta", Kind: ir.TypeObject, Properties: []ir.Property{{Name: "x"}}},
	}}
	got := metadata.Agree(api, "v1.0", meta)
	want := metadata.Agreement{
		Types:       metadata.Count{Known: 2, Total: 3, Unknown: []string{"microsoft.graph.docsOnly"}},
		Properties:  metadata.Count{Known: 4, Total: 6, Unknown: []string{"microsoft.graph.docsOnly: assunto", "microsoft.graph.security.ediscoveryCase: nome"}},
		EnumMembers: metadata.Count{Known: 1, Total: 2, Unknown: []string{"microsoft.graph.ageGroup: NãoAdulto"}},
		NonASCII:    []string{"microsoft.graph.ageGroup: NãoAdulto"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Agree (-want +got):\n%s", diff)
	}
}
