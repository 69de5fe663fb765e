package metadata_test

import (
	"compress/gzip"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/graphgen-dev/graphgen/metadata"
)

// TestResolve resolves documented path shapes through
// testdata/paths.csdl; each expected type was read off the XML by hand.
func TestResolve(t *testing.T) {
	s := readPaths(t)
	const g = "microsoft.graph."
	one := func(typ string) metadata.TypeRef { return metadata.TypeRef{Type: typ} }
	coll := func(typ string) metadata.TypeRef { return metadata.TypeRef{Type: typ, Collection: true} }
	tests := []struct {
		path  string
		want  metadata.TypeRef
		last  string
		op    string // the bound operation called, with its parameters
		notes int
	}{
		{path: "/users", want: coll(g + "user"), last: metadata.SegEntitySet},
		{path: "/users/{id | userPrincipalName}", want: one(g + "user"), last: metadata.SegKey},
		{path: "/users('{id}')", want: one(g + "user"), last: metadata.SegKey},
		{path: "/users/48d31887-5fad-4d73-a9f5-3c356e68a038", want: one(g + "user"), last: metadata.SegKey},
		{path: "/me", want: one(g + "user"), last: metadata.SegSingleton},
		{path: "/me/manager", want: one(g + "directoryObject"), last: metadata.SegNavigation},
		{path: "/me/memberOf", want: coll(g + "directoryObject"), last: metadata.SegNavigation},
		{path: "/me/memberOf/microsoft.graph.group", want: coll(g + "group"), last: metadata.SegCast},
		{path: "/me/memberOf/graph.group", want: coll(g + "group"), last: metadata.SegCast},
		{path: "/me/memberOf/microsoft.graph.group/$count", want: one("Edm.Int32"), last: metadata.SegCount},
		{path: "/groups/{id}/members/$ref", want: coll(g + "directoryObject"), last: metadata.SegRef},
		{path: "/users/$count", want: one("Edm.Int32"), last: metadata.SegCount},
		{path: "/me/photo/$value", want: one("Edm.Stream"), last: metadata.SegValue},
		{path: "/me/photos/{size}/$value", want: one("Edm.Stream"), last: metadata.SegValue},
		{path: "/me/messages/{id}/$value", want: one("Edm.Stream"), last: metadata.SegValue, notes: 1},
		{path: "/me/displayName/$value", want: one("Edm.Stream"), last: metadata.SegValue},
		{path: "/me/mailboxSettings/dateFormat", want: one("Edm.String"), last: metadata.SegProperty},
		{path: "/me/mailboxSettings/workingHours/daysOfWeek", want: coll(g + "dayOfWeek"), last: metadata.SegProperty},
		{path: "/me/businessPhones", want: coll("Edm.String"), last: metadata.SegProperty},
		{path: "/me/ageGroup", want: one(g + "ageGroup"), last: metadata.SegProperty},
		{path: "/USERS/{id}/MemberOf", want: coll(g + "directoryObject"), last: metadata.SegNavigation},
		{path: "/users/delta()", want: coll(g + "user"), last: metadata.SegFunction, op: "delta()"},
		{path: "/groups/delta", want: coll(g + "directoryObject"), last: metadata.SegFunction, op: "delta()"},
		{path: "/me/getMemberObjects", want: coll("Edm.String"), last: metadata.SegAction, op: "getMemberObjects(securityEnabledOnly)"},
		{path: "/me/microsoft.graph.sendMail", last: metadata.SegAction, op: "sendMail(Message,SaveToSentItems)"},
		{path: "/me/drive/root:/{item-path}:/content", want: one("Edm.Stream"), last: metadata.SegProperty},
		{path: "/drives/{drive-id}/root:/{item-path}", want: one(g + "driveItem"), last: metadata.SegItemPath},
		{path: "/me/drive/items/{parent-id}:/{filename}:/content", want: one("Edm.Stream"), last: metadata.SegProperty},
		{path: "/me/drive/root/delta(token='{token}')", want: coll(g + "driveItem"), last: metadata.SegFunction, op: "delta()"},
		{path: "/me/drive/items/{id}/workbook/worksheets/{id}/range", want: one(g + "workbookRange"), last: metadata.SegFunction, op: "range()"},
		{path: "/me/drive/items/{id}/workbook/worksheets('{id|name}')/range(address='A1:B2')/usedRange(valuesOnly=true)", want: one(g + "workbookRange"), last: metadata.SegFunction, op: "usedRange(valuesOnly)"},
		{path: "/me/drive/items/{id}/workbook/worksheets/{id}/range(address='A1:B2')/address", want: one("Edm.String"), last: metadata.SegProperty},
		{path: "/reports/getYammerActivityCounts(period='{period_value}')", want: one(g + "report"), last: metadata.SegFunction, op: "getYammerActivityCounts(period)"},
		{path: "/sites/{site-id}/items/{item-id}/analytics", want: one(g + "itemAnalytics"), last: metadata.SegNavigation, notes: 1},
		{path: "/sites/{site-id}/items/{item-id}/getActivitiesByInterval()", want: coll(g + "itemActivityStat"), last: metadata.SegFunction, op: "getActivitiesByInterval()", notes: 1},
		{path: "/users/delta()/...", want: coll(g + "user"), last: metadata.SegFunction, op: "delta()", notes: 1},
		{path: "/me/mailFolders/{id}/childFolders/{id}/.../messages", want: coll(g + "message"), last: metadata.SegNavigation, notes: 1},
	}
	for _, tt := range tests {
		got, err := s.Resolve(tt.path)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.path, err)
			continue
		}
		op := ""
		if got.Operation != nil {
			op = got.Operation.Name + "(" + strings.Join(got.Operation.Params, ",") + ")"
		}
		if got.TypeRef != tt.want || got.Last != tt.last || op != tt.op || len(got.Notes) != tt.notes {
			t.Errorf("Resolve(%q) = %v, last %q, operation %q, notes %q; want %v, %q, %q, %d notes", tt.path, got.TypeRef, got.Last, op, got.Notes, tt.want, tt.last, tt.op, tt.notes)
		}
	}
}

// TestResolveErrors gives paths the metadata does not have: each is an
// error that names the reason, never a panic or a guess.
func TestResolveErrors(t *testing.T) {
	s := readPaths(t)
	tests := []struct{ path, want string }{
		{"/applications/{id}", "not an entity set or singleton"},
		{"", "not an entity set or singleton"},
		{"/me('x')", "not an entity set or singleton"},
		{"/me/nickname", `has no member, bound action or function "nickname"`},
		{"/sites/{site-id}/items/{item-id}/versions", "the path needs a cast"},
		{"/me/sendMail/x", "returns nothing"},
		{"/me/messages/{id}/attachments/$value", "does not apply to a collection"},
		{"/me/mailboxSettings/$value", "complex type"},
		{"/me/drive/items/{id}/workbook/worksheets/{id}/range(address='{address}'/entireRow", "unclosed"},
		{"/me/memberOf/microsoft.graph.message", `"microsoft.graph.message"`},
		{"/users/nope()", `"nope"`},
		{"/users/delta()range", `"delta()range"`},
		{"/users/graph.nope", `"graph.nope"`},
		{"/users/getMemberObjects", "getMemberObjects is bound to microsoft.graph.directoryObject, not to Collection(microsoft.graph.user)"},
		{"/me/$count", "applies to collections"},
		{"/me/mailboxSettings/$ref", "applies to entities"},
		{"/me/messages('{id}')/subject('x')", "needs an entity collection"},
		{"/me)(/x", "unbalanced"},
		{"/me/mailboxSettings:/x:", "addresses an entity"},
	}
	for _, tt := range tests {
		_, err := s.Resolve(tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Resolve(%q): error %v, want one containing %q", tt.path, err, tt.want)
		}
	}
	if _, err := s.Resolve("/applications"); !errors.Is(err, metadata.ErrUnknownRoot) {
		t.Errorf("Resolve(/applications): %v, want ErrUnknownRoot", err)
	}
}

// FuzzResolve checks that no path makes the resolver panic.
func FuzzResolve(f *testing.F) {
	file, err := os.Open("testdata/paths.csdl")
	if err != nil {
		f.Fatal(err)
	}
	s, err := metadata.ReadSchema(file)
	file.Close()
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range []string{"/me/drive/root:/{item-path}:/content", "/users('{id}')/delta()", "/me/range(address='A1:B2')/x", "/me/...", "/me)(", "/me/:/"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, path string) {
		res, err := s.Resolve(path)
		if err == nil && res.Last == "" {
			t.Errorf("Resolve(%q) resolved with no last segment", path)
		}
	})
}

// BenchmarkResolve resolves documented path shapes against Graph's whole
// v1.0 CSDL (../shared/corpus), read once; each op is one path.
func BenchmarkResolve(b *testing.B) {
	f, err := os.Open("../../shared/corpus/msgraph-v1.0-Prod.csdl.gz")
	if err != nil {
		b.Skipf("no CSDL: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	s, err := metadata.ReadSchema(zr)
	if err != nil {
		b.Fatal(err)
	}
	paths := []string{
		"/users/{id | userPrincipalName}/messages/{id}/attachments/{id}",
		"/me/drive/root:/{item-path}:/content",
		"/groups/{id}/members/microsoft.graph.user/$count",
		"/deviceManagement/deviceConfigurations/{id}/assign",
		"/me/drive/items/{id}/workbook/worksheets/{id}/range(address='A1:B2')/usedRange(valuesOnly=true)",
		"/reports/getYammerActivityCounts(period='D7')",
		"/users/delta()",
		"/me/mailFolders/{id}/childFolders/{id}/.../messages",
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := s.Resolve(paths[i%len(paths)]); err != nil {
			b.Fatal(err)
		}
	}
}
