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

// names lists, per page and method, the package, the operation's name and
// every route's method with its pattern and SameAs.
func namesAndPackages(api *ir.API) map[string][]string {
	m := map[string][]string{}
	for _, o := range api.Operations {
		key := o.Page + " " + o.Method
		m[key] = append(m[key], o.Package+"."+o.GoName+" "+o.SameAs)
		for _, r := range o.Routes {
			m[key] = append(m[key], r.GoName+"("+r.Pattern+") "+r.SameAs)
		}
	}
	return m
}

// TestAssignVersionsAndTrees: the same page in two trees is one call (the
// second generates nothing); beta has packages of its own beside v1.0;
// two methods of one page are named from their own HTTP lines.
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
	naming.Own(api.Operations)
	en := "en/api-reference/v1.0/api/user-get.md"
	want := map[string][]string{
		en + " GET": {"user.Get ", "Get(/users/{userID}) ", "GetMe(/me) "},
		"pt/api-reference/v1.0/api/user-get.md GET":              {"user.Get " + en, "Get(/users/{userID}) " + en, "GetMe(/me) " + en},
		"en/api-reference/beta/api/user-get.md GET":              {"userbeta.Get ", "Get(/users/{userID}) ", "GetMe(/me) "},
		"en/api-reference/v1.0/api/driveitem-unfollow.md POST":   {"driveitem.Unfollow ", "Unfollow(/drives/{driveID}/items/{itemID}/unfollow) "},
		"en/api-reference/v1.0/api/driveitem-unfollow.md DELETE": {"driveitem.DeleteFollowing ", "DeleteFollowing(/me/drive/following/{followingID}) "},
	}
	if diff := cmp.Diff(want, namesAndPackages(api)); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// TestAddingAPageRenamesNoOtherMethod adds, to a set of pages, pages whose
// methods would take an existing name: the same call documented again
// (intune's view of GET /users/{id}), a path with a query string that
// reads alike (GET /users?$expand=manager answering one object), and a
// new operation in the same area. Every existing name holds.
func TestAddingAPageRenamesNoOtherMethod(t *testing.T) {
	base := func() []*ir.Operation {
		return []*ir.Operation{
			op("api/user-get.md", "v1.0", "GET", "/users/{id | userPrincipalName}", "/me"),
			op("api/user-list-memberof.md", "v1.0", "GET", "/me/memberOf", "/users/{id}/memberOf"),
			op("api/group-get.md", "v1.0", "GET", "/groups/{id}"),
		}
	}
	before := &ir.API{Operations: base()}
	naming.Assign(before)
	naming.Own(before.Operations)
	was := namesAndPackages(before)
	manager := op("api/user-list-manager.md", "v1.0", "GET", "/users", "/users/{id}/manager")
	manager.Routes[0].Query = "$expand=manager"
	after := &ir.API{Operations: append(base(),
		op("api/intune-devices-user-get.md", "v1.0", "GET", "/users/{usersId}"),
		manager,
		op("api/user-list-ownedobjects.md", "v1.0", "GET", "/users/{id}/ownedObjects"),
	)}
	if diags := naming.Assign(after); len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	naming.Own(after.Operations)
	now := namesAndPackages(after)
	for page, names := range was {
		if diff := cmp.Diff(names, now[page]); diff != "" {
			t.Errorf("%s renamed (-before +after):\n%s", page, diff)
		}
	}
	if got := now["api/user-list-manager.md GET"][1]; got != "GetWithExpandManager(/users) " {
		t.Errorf("the page added with a query string: %s, want GetWithExpandManager(/users)", got)
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
