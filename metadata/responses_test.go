package metadata_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/metadata"
)

// op makes a v1.0 operation with one route per path and response r.
func op(id, method string, r ir.Response, paths ...string) *ir.Operation {
	o := &ir.Operation{ID: id, Source: "api/" + id + ".md:1:1", Version: "v1.0", Method: method, Response: r}
	for _, p := range paths {
		o.Routes = append(o.Routes, &ir.Route{Path: p})
	}
	return o
}

func object(typ string) ir.Response     { return ir.Response{Kind: ir.KindObject, Type: typ} }
func collection(typ string) ir.Response { return ir.Response{Kind: ir.KindCollection, Type: typ} }
func primitive(typ string) ir.Response  { return ir.Response{Kind: ir.KindPrimitive, Type: typ} }

// TestCheckPaths compares documented responses with testdata/paths.csdl;
// the verdicts were worked out by hand from the XML and the agreement rule
// (same shape; the docs' type the metadata's or derived from it).
func TestCheckPaths(t *testing.T) {
	s := readPaths(t)
	const g = "microsoft.graph."
	photo := op("profilephoto-get", "GET", object(g+"profilePhoto"), "/me/photo", "/me/photo/$value")
	photo.Routes[1].Response = &ir.Response{Kind: ir.KindBinary}
	beta := op("user-list-beta", "GET", collection(g+"user"), "/users")
	beta.Version = "beta"
	api := &ir.API{Operations: []*ir.Operation{
		op("user-list", "GET", collection(g+"user"), "/users"),                 // agree
		op("user-list-memberof", "GET", collection(g+"group"), "/me/memberOf"), // agree: derived
		op("user-list-manager", "GET", object(g+"user"), "/me/manager"),        // agree: derived
		op("user-get", "GET", object(g+"directoryObject"), "/users/{id}"),      // base type
		op("user-get-wrapped", "GET", collection(g+"user"), "/users/{id}"),     // shape
		photo, // two agree
		op("reportroot-getyammeractivitycounts", "GET", ir.Response{Kind: ir.KindBinary}, "/reports/getYammerActivityCounts(period='{period_value}')"), // agree: stream wrapper
		op("directoryobject-getmemberobjects", "POST", collection("Edm.String"), "/me/getMemberObjects"),                                               // agree
		op("user-sendmail", "POST", ir.Response{Kind: ir.KindNone}, "/me/sendMail"),                                                                    // resolved, not compared
		op("user-post-users", "POST", object(g+"user"), "/users"),                                                                                      // resolved, a create: not compared
		op("user-get-agegroup", "GET", primitive("Edm.String"), "/me/ageGroup"),                                                                        // agree: enum
		op("mailboxsettings-get-dateformat", "GET", primitive("Edm.Int32"), "/me/mailboxSettings/dateFormat"),                                          // another type
		op("user-list-phones", "GET", collection("Edm.String"), "/me/businessPhones"),                                                                  // agree
		op("message-get-mime", "GET", object(g+"message"), "/me/messages/{id}/$value"),                                                                 // value vs stream
		op("user-list-collection", "GET", collection("collection("+g+"user)"), "/users"),                                                               // not in the metadata
		op("application-list", "GET", collection(g+"application"), "/applications"),                                                                    // not rooted
		op("user-get-nickname", "GET", primitive("Edm.String"), "/me/nickname"),                                                                        // unresolved
		op("user-update", "PATCH", object(g+"user"), "/users/{id}"),                                                                                    // not a GET or POST
		beta, // another version
	}}
	got := metadata.CheckPaths(api, "v1.0", s)
	for _, l := range [][]metadata.PathCheck{got.Unresolved, got.Disagree} {
		for i := range l {
			l[i].Reason, _, _ = strings.Cut(l[i].Reason, ":")
		}
	}
	want := metadata.PathAgreement{
		Paths: 18, Rooted: 17, Resolved: 16, Compared: 14, Agree: 9,
		Unresolved: []metadata.PathCheck{
			{Operation: "user-get-nickname", Source: "api/user-get-nickname.md:1:1", Method: "GET", Path: "/me/nickname", Reason: "not in the metadata"},
		},
		Disagree: []metadata.PathCheck{
			{Operation: "user-get", Source: "api/user-get.md:1:1", Method: "GET", Path: "/users/{id}", Docs: g + "directoryObject", Metadata: g + "user", Reason: "the docs name a base type of the metadata's"},
			{Operation: "user-get-wrapped", Source: "api/user-get-wrapped.md:1:1", Method: "GET", Path: "/users/{id}", Docs: "collection of " + g + "user", Metadata: g + "user", Reason: "the metadata answers a single value, the docs a collection"},
			{Operation: "mailboxsettings-get-dateformat", Source: "api/mailboxsettings-get-dateformat.md:1:1", Method: "GET", Path: "/me/mailboxSettings/dateFormat", Docs: "Edm.Int32", Metadata: "Edm.String", Reason: "another type"},
			{Operation: "message-get-mime", Source: "api/message-get-mime.md:1:1", Method: "GET", Path: "/me/messages/{id}/$value", Docs: g + "message", Metadata: "Edm.Stream", Reason: "the docs answer a value, the metadata a stream"},
			{Operation: "user-list-collection", Source: "api/user-list-collection.md:1:1", Method: "GET", Path: "/users", Docs: "collection of collection(" + g + "user)", Metadata: "Collection(" + g + "user)", Reason: "the docs' type is not in the metadata"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckPaths (-want +got):\n%s", diff)
	}
	var out strings.Builder
	got.Print(&out, 1)
	wantHead := "documented GET and POST paths: 18; first segment in the metadata: 17; resolved: 16 (94.12%); responses compared: 14; agree: 9 (64.29%)\n"
	if !strings.HasPrefix(out.String(), wantHead) || !strings.Contains(out.String(), "(first 1 of 5)") {
		t.Errorf("Print:\n%s\nwant it to start with\n%s", out.String(), wantHead)
	}
}
