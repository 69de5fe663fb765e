package graphgen_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
)

// TestSelectKeepsOperationsAndTheirTypes selects one operation by page name
// and one by path and checks that exactly the types they reach remain.
func TestSelectKeepsOperationsAndTheirTypes(t *testing.T) {
	api, err := graphgen.Load(os.DirFS("testdata/docs/en-2021"))
	if err != nil {
		t.Fatal(err)
	}
	graphgen.Select(api, []string{"user-get", "/security/alerts/*"}, []string{"*-delete"})
	var ids []string
	for _, op := range api.Operations {
		ids = append(ids, op.ID)
	}
	if diff := cmp.Diff([]string{"alert-get", "user-get"}, ids); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	types := map[string]bool{}
	for _, ty := range api.Types {
		types[ty.Version+" "+ty.Name] = true
	}
	for _, want := range []string{"v1.0 microsoft.graph.user", "v1.0 microsoft.graph.directoryObject", "v1.0 microsoft.graph.assignedLicense", "v1.0 microsoft.graph.ageGroup", "v1.0 microsoft.graph.alert", "v1.0 microsoft.graph.alertSeverity"} {
		if !types[want] {
			t.Errorf("type %s is missing from the closure", want)
		}
	}
	for _, unwanted := range []string{"v1.0 microsoft.graph.itemAnalytics", "beta microsoft.graph.message", "v1.0 microsoft.graph.printColorMode"} {
		if types[unwanted] {
			t.Errorf("type %s is not used by the selection but kept", unwanted)
		}
	}
	if _, err := graphgen.Generate(api, emitter.Options{Package: "graph"}); err != nil {
		t.Fatal(err)
	}
}
