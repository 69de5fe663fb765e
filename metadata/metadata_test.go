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
		MetadataOnly: []string{"microsoft.graph.metadataOnly"},
		Members:      []metadata.MemberDiff{{Type: "microsoft.graph.user", DocsOnly: []string{"nickname"}, MetadataOnly: []string{"mail"}}},
		Compared:     3,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
}
