package naming

import (
	"testing"

	"github.com/graphgen-dev/graphgen/ir"
)

// TestPageNameOnlyForPagedCollections: a route gets a one-page method
// (GoName + "Page") when what it answers is a collection read without a
// request body, judged by the route's own response when it has one.
func TestPageNameOnlyForPagedCollections(t *testing.T) {
	stream := &ir.Response{Status: 200, Kind: ir.KindBinary}
	list := &ir.Operation{ID: "thing-list", Method: "GET", RequestBody: ir.RequestBody{Kind: ir.KindNone},
		Response: ir.Response{Kind: ir.KindCollection},
		Routes:   []*ir.Route{{Path: "/things"}, {Path: "/things/$value", Response: stream}}}
	byBody := &ir.Operation{ID: "thing-getbyids", Method: "POST", RequestBody: ir.RequestBody{Kind: ir.KindObject},
		Response: ir.Response{Kind: ir.KindCollection}, Routes: []*ir.Route{{Path: "/things/getByIds"}}}
	property := &ir.Operation{ID: "thing-get", Method: "GET", RequestBody: ir.RequestBody{Kind: ir.KindNone},
		Response: ir.Response{Kind: ir.KindObject},
		Routes:   []*ir.Route{{Path: "/things/{id}"}, {Path: "/things/{id}/tags", Response: &ir.Response{Kind: ir.KindCollection}}}}
	for _, op := range []*ir.Operation{list, byBody, property} {
		routeNames(op, "thing")
	}
	// written by hand: page methods of the list's own path and of the
	// property path that answers a collection, and no others
	want := map[*ir.Route]string{
		list.Routes[0]: list.Routes[0].GoName + "Page", list.Routes[1]: "",
		byBody.Routes[0]:   "",
		property.Routes[0]: "", property.Routes[1]: property.Routes[1].GoName + "Page",
	}
	for r, name := range want {
		if r.PageGoName != name {
			t.Errorf("%s: PageGoName %q, want %q", r.Path, r.PageGoName, name)
		}
	}
}
