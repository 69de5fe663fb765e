package graphgen_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/ir"
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

// TestExcludedPageErrorIsSetAside: an error about a page that yields no
// operation (an internal error) stops a run, unless the selection leaves
// the page out; warnings follow the selection, errors about selected or
// unknown pages are kept.
func TestExcludedPageErrorIsSetAside(t *testing.T) {
	const broken, kept = "api/thing-get.md", "api/gadget-get.md"
	api := &ir.API{
		Operations: []*ir.Operation{{ID: "gadget-get", Page: kept, Source: kept + ":9:1"}},
		Skipped:    []ir.Skip{{Page: broken, Reason: "internal error"}},
		Diagnostics: []ir.Diagnostic{
			{Pos: broken + ":1:1", Severity: ir.Error, Message: "internal error", Page: broken},
			{Pos: kept + ":3:1", Severity: ir.Warning, Message: "w"},
			{Pos: "x.md:1:1", Severity: ir.Error, Message: "clash"},
		},
	}
	aside := graphgen.Select(api, nil, []string{"thing-*"})
	if len(aside) != 1 || aside[0].Page != broken {
		t.Errorf("set aside %v, want the error about %s", aside, broken)
	}
	if len(api.Diagnostics) != 2 || graphgen.Errors(api) != 1 {
		t.Errorf("kept %v, want the warning and the clash", api.Diagnostics)
	}
}
