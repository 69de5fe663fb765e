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

// TestSelectServesEverySelectedRoute selects from the owners case (user-*
// pages and their Intune views document the same routes) and requires
// every route of a selected operation to be served by a selected one: by
// the user-* page when it is selected, by the view when only views are.
func TestSelectServesEverySelectedRoute(t *testing.T) {
	for _, tt := range []struct {
		include, exclude []string
		getUser          string // the operation serving GET /v1.0/users/{userID}
	}{
		{nil, nil, "user-get"},
		{[]string{"user-*"}, nil, "user-get"},
		{nil, []string{"intune-*"}, "user-get"},
		{[]string{"intune-*"}, nil, "intune-devices-user-get"},
		{[]string{"/users/*"}, []string{"user-*"}, "intune-devices-user-get"},
	} {
		api, err := graphgen.Load(os.DirFS(ownersCase))
		if err != nil {
			t.Fatal(err)
		}
		graphgen.Select(api, tt.include, tt.exclude)
		pages := map[string]bool{}
		for _, op := range api.Operations {
			pages[op.Page] = true
		}
		served := ""
		for _, op := range api.Operations {
			for _, r := range op.Routes {
				if r.ShadowedBy != "" && !pages[r.ShadowedBy] {
					t.Errorf("include %q exclude %q: %s %s of %s is left to %s, which is not selected", tt.include, tt.exclude, op.Method, r.Path, op.ID, r.ShadowedBy)
				}
				if op.Method == "GET" && r.Pattern == "/users/{userID}" && r.ShadowedBy == "" {
					served += op.ID
				}
			}
		}
		if served != tt.getUser {
			t.Errorf("include %q exclude %q: GET /v1.0/users/{userID} served by %q, want %q", tt.include, tt.exclude, served, tt.getUser)
		}
	}
}
