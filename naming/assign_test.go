package naming_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
	"github.com/graphgen-dev/graphgen/parser"
)

// op builds an operation of a page with the given paths.
func op(page, version, method string, paths ...string) *ir.Operation {
	id := page[strings.LastIndex(page, "/")+1 : len(page)-len(".md")]
	o := &ir.Operation{ID: id, Page: page, Source: page + ":1:1", Version: version, Method: method, Paths: paths}
	for _, p := range paths {
		o.Routes = append(o.Routes, &ir.Route{Path: p, Params: parser.PathParams(p)})
	}
	return o
}

// names lists page, method and every Go name of api, in a stable order.
func names(api *ir.API) map[string][]string {
	m := map[string][]string{}
	for _, o := range api.Operations {
		key := o.Page + " " + o.Method
		m[key] = append(m[key], o.GoName)
		for _, r := range o.Routes {
			m[key] = append(m[key], r.GoName+"("+r.Pattern+")")
		}
	}
	return m
}

func TestAssignVersionsAndTrees(t *testing.T) {
	post := op("en/api-reference/v1.0/api/driveitem-unfollow.md", "v1.0", "POST", "/drives/{drive-id}/items/{item-id}/unfollow")
	del := op("en/api-reference/v1.0/api/driveitem-unfollow.md", "v1.0", "DELETE", "/me/drive/following/{item-id}")
	post.ID, del.ID = "driveitem-unfollow-post", "driveitem-unfollow-delete" // as the parser names them
	api := &ir.API{Operations: []*ir.Operation{
		op("en/api-reference/v1.0/api/user-get.md", "v1.0", "GET", "/users/{id | userPrincipalName}", "/me"),
		op("en/api-reference/beta/api/user-get.md", "beta", "GET", "/users/{id | userPrincipalName}", "/me"),
		op("pt/api-reference/v1.0/api/user-get.md", "v1.0", "GET", "/users/{id | userPrincipalName}", "/me"),
		post, del,
	}}
	if diags := naming.Assign(api); len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := map[string][]string{
		"en/api-reference/v1.0/api/user-get.md GET": {"UserGetEn", "UserGetEnUsers(/users/{userID})", "UserGetEnMe(/me)"},
		"pt/api-reference/v1.0/api/user-get.md GET": {"UserGetPt", "UserGetPtUsers(/users/{userID})", "UserGetPtMe(/me)"},
		"en/api-reference/beta/api/user-get.md GET": {"UserGetBeta", "UserGetBetaUsers(/users/{userID})", "UserGetBetaMe(/me)"},
		// one page, two methods: cased alike from the page's paths
		"en/api-reference/v1.0/api/driveitem-unfollow.md POST":   {"DriveItemUnfollowPost", "DriveItemUnfollowPost(/drives/{driveID}/items/{itemID}/unfollow)"},
		"en/api-reference/v1.0/api/driveitem-unfollow.md DELETE": {"DriveItemUnfollowDelete", "DriveItemUnfollowDelete(/me/drive/following/{followingID})"},
	}
	got := names(api)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// TestClientMethodClashIsAnError: an operation name plus a path suffix
// that equals another operation's method cannot be resolved; it is an
// error at the later operation.
func TestClientMethodClashIsAnError(t *testing.T) {
	api := &ir.API{Operations: []*ir.Operation{
		op("api/thing-get.md", "v1.0", "GET", "/things/{id}", "/me/thing"),
		op("api/thing-get-me-thing.md", "v1.0", "GET", "/me/thingy"),
	}}
	want := []ir.Diagnostic{{Pos: "api/thing-get-me-thing.md:1:1", Severity: ir.Error,
		Message: "client method ThingGetMeThing of thing-get-me-thing has the same name as a method of api/thing-get.md; rename one of the pages"}}
	if diff := cmp.Diff(want, naming.Assign(api)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestAssignIndependentOfOrder names the same operations in many orders.
func TestAssignIndependentOfOrder(t *testing.T) {
	build := func() []*ir.Operation {
		return []*ir.Operation{
			op("a/api-reference/v1.0/api/user-get.md", "v1.0", "GET", "/users/{id}", "/me"),
			op("b/api-reference/v1.0/api/user-get.md", "v1.0", "GET", "/users/{id}", "/me"),
			op("a/api-reference/beta/api/user-get.md", "beta", "GET", "/users/{id}"),
			op("a/api-reference/v1.0/api/message-get.md", "v1.0", "GET", "/me/messages/{id}", "/users/{id}/messages/{id}", "/me/mailFolders/{id}/messages/{id}"),
			op("a/api-reference/v1.0/api/group-list.md", "v1.0", "GET", "/groups"),
		}
	}
	first := &ir.API{Operations: build()}
	naming.Assign(first)
	want := names(first)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		ops := build()
		rng.Shuffle(len(ops), func(a, b int) { ops[a], ops[b] = ops[b], ops[a] })
		api := &ir.API{Operations: ops}
		naming.Assign(api)
		if diff := cmp.Diff(want, names(api)); diff != "" {
			t.Fatalf("order %d gives other names (-first +this):\n%s", i, diff)
		}
	}
}
