package graphgen_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
)

// ownersCase holds real pages of the English 2021 docs that document the
// same routes: user-*, organization-get and organization-list, and the
// Intune views intune-devices-user-* and intune-onboarding-organization-list.
const ownersCase = "testdata/docs/owners-en-2021"

// mockVariant is one selection of the owners case, generated and built as
// its own package.
type mockVariant struct {
	Name             string // package name
	include, exclude []string
	Overrides        []areaOverride // handlers that echo the userID path value
	// Alone, when set, is the one area whose mock (<area>mock.NewMock)
	// serves the calls, as in a test mocking that area only; else the
	// mock of the whole API (<Name>mock.NewMock) does.
	Alone string
}

// areaOverride names the operations of one area whose handler echoes the
// userID path value.
type areaOverride struct {
	Area string
	Ops  []string
}

// Field is the area's field in the root mock's Handlers.
func (o areaOverride) Field() string {
	return strings.ToUpper(o.Area[:1]) + o.Area[1:]
}

// mockCall is one request sent to a variant's mock, with the answer.
type mockCall struct {
	Variant, Method, Path, Token, Body string
	Status                             int    `json:",omitempty"`
	Answer                             string `json:",omitempty"`
	UserID                             string `json:",omitempty"`
}

// ownerWant is what a request must get; the values are the pages' own text,
// written here by hand.
type ownerWant struct {
	method, path, kind, perm, body string
	status                         int
	contains                       string // in the answer's body
}

// TestRouteOwnersOnRealPages generates the mock of the owners case as a
// whole and with -include/-exclude selections, builds it and sends the
// calls people make. The page about the resource serves its routes
// (user-get's example, User.Read.All accepted, the Intune permission
// refused); a selection never loses the route of a selected operation; the
// path value is "userID" whichever page serves the route.
func TestRouteOwnersOnRealPages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated mocks")
	}
	app := graphtest.Application
	// The examples of user-get.md (1: "displayName": "Adele Vance"),
	// user-list.md (1: "displayName":"contoso1"), user-post-users.md (1:
	// "jobTitle": "Product Marketing Manager"), user-update.md (1: the
	// request body) and organization-get.md ("displayName": "Contoso");
	// their permission tables (Organization.Read.All is in
	// organization-get.md's, not in organization-list.md's).
	userPages := []ownerWant{
		{"GET", "/v1.0/users/AdeleV@contoso.onmicrosoft.com", app, "User.Read.All", "", 200, `"displayName": "Adele Vance"`},
		{"GET", "/v1.0/users/AdeleV@contoso.onmicrosoft.com", app, "DeviceManagementManagedDevices.Read.All", "", 403, ""},
		{"GET", "/v1.0/users", app, "User.Read.All", "", 200, `"displayName":"contoso1"`},
		{"POST", "/v1.0/users", app, "User.ReadWrite.All", `{"accountEnabled":true,"displayName":"Adele Vance","mailNickname":"AdeleV","userPrincipalName":"AdeleV@contoso.onmicrosoft.com","passwordProfile":{"forceChangePasswordNextSignIn":true,"password":"xWwvJ]6NMw+bWH-d"}}`, 201, `"jobTitle": "Product Marketing Manager"`},
		{"PATCH", "/v1.0/users/AdeleV@contoso.onmicrosoft.com", app, "User.ReadWrite.All", `{"businessPhones":["+1 425 555 0109"],"officeLocation":"18/2111"}`, 204, ""},
	}
	organization := ownerWant{"GET", "/v1.0/organization", app, "Organization.Read.All", "", 200, `"displayName": "Contoso"`}
	// intune-devices-user-get.md and intune-onboarding-organization-list.md.
	intunePages := []ownerWant{
		{"GET", "/v1.0/users/AdeleV@contoso.onmicrosoft.com", app, "User.Read.All", "", 403, ""},
		{"GET", "/v1.0/users/AdeleV@contoso.onmicrosoft.com", app, "DeviceManagementManagedDevices.Read.All", "", 200, `"id": "d36894ae-94ae-d368-ae94-68d3ae9468d3"`},
		{"GET", "/v1.0/organization", app, "DeviceManagementServiceConfig.Read.All", "", 200, `"mobileDeviceManagementAuthority": "intune"`},
	}
	variants := []struct {
		v    mockVariant
		want []ownerWant
	}{
		// intune-devices-user-get is in the user area too (the resource it is
		// about), where it is the call of user-get documented again: one
		// handler, Get, named from GET /users/{id}.
		{mockVariant{Name: "all", Overrides: []areaOverride{{"user", []string{"Get"}}}}, append(userPages, organization)},
		{mockVariant{Name: "includeuser", include: []string{"user-*"}, Overrides: []areaOverride{{"user", []string{"Get"}}}}, append(userPages,
			ownerWant{"GET", "/v1.0/organization", app, "Organization.Read.All", "", 404, ""})},
		{mockVariant{Name: "excludeintune", exclude: []string{"intune-*"}, Overrides: []areaOverride{{"user", []string{"Get"}}}}, append(userPages, organization)},
		// The user area's mock alone, generated from the whole case: the
		// routes user-* pages serve, organization not among them.
		{mockVariant{Name: "useralone", Overrides: []areaOverride{{"user", []string{"Get"}}}, Alone: "user"}, append(userPages,
			ownerWant{"GET", "/v1.0/organization", app, "Organization.Read.All", "", 404, ""})},
		{mockVariant{Name: "includeintune", include: []string{"intune-*"}, Overrides: []areaOverride{{"user", []string{"Get"}}}}, intunePages},
	}
	var vs []mockVariant
	var calls []mockCall
	var wants []ownerWant
	for _, c := range variants {
		vs = append(vs, c.v)
		for _, w := range c.want {
			calls = append(calls, mockCall{Variant: c.v.Name, Method: w.method, Path: w.path, Token: graphtest.TestToken(w.kind, w.perm), Body: w.body})
			wants = append(wants, w)
		}
	}
	got := runMocks(t, vs, calls)
	for i, w := range wants {
		g := got[i]
		if g.Status != w.status || !strings.Contains(g.Answer, w.contains) {
			t.Errorf("%s: %s %s with %s: %d %.300s; want %d with %s", g.Variant, w.method, w.path, w.perm, g.Status, g.Answer, w.status, w.contains)
		}
		if w.method == "GET" && w.status == 200 && strings.HasPrefix(w.path, "/v1.0/users/") && g.UserID != "AdeleV@contoso.onmicrosoft.com" {
			t.Errorf("%s: r.PathValue(\"userID\") = %q in the handler of GET %s", g.Variant, g.UserID, w.path)
		}
	}
}

// runMocks generates each variant of the owners case into a directory of
// the module, builds a program that sends calls to their mocks (through
// <Name>mock.NewMock(Handlers{...}), or <Alone>mock.NewMock, with the
// Overrides) and returns the answers.
func runMocks(t *testing.T, variants []mockVariant, calls []mockCall) []mockCall {
	t.Helper()
	dir, err := os.MkdirTemp("testdata", "owners-mock-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	base := module + "/" + filepath.ToSlash(dir)
	for _, v := range variants {
		api, err := graphgen.Load(os.DirFS(ownersCase))
		if err != nil {
			t.Fatal(err)
		}
		graphgen.Select(api, v.include, v.exclude)
		files, err := graphgen.Generate(api, emitter.Options{Package: v.Name, ImportPath: base + "/" + v.Name})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			writeFile(t, filepath.Join(dir, v.Name, filepath.FromSlash(f.Path)), f.Content)
		}
	}
	var prog bytes.Buffer
	if err := mockProgram.Execute(&prog, map[string]any{"Base": base, "Variants": variants}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "main", "main.go"), prog.Bytes())
	in, _ := json.Marshal(calls)
	cmd := exec.Command("go", "run", "./"+filepath.ToSlash(filepath.Join(dir, "main")))
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, stderrOf(err))
	}
	var got []mockCall
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(calls) {
		t.Fatalf("the program answered %d calls of %d (%v):\n%s", len(got), len(calls), err, out)
	}
	return got
}

// stderrOf returns the standard error of a failed command.
func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// mockProgram reads calls as JSON on stdin, sends each to its variant's
// mock and prints them with the answers.
var mockProgram = template.Must(template.New("main").Parse(`package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
{{range $v := .Variants}}{{if not $v.Alone}}
	{{$v.Name}}mock "{{$.Base}}/{{$v.Name}}/{{$v.Name}}mock"{{end}}{{range $v.Overrides}}
	{{$v.Name}}{{.Area}}mock "{{$.Base}}/{{$v.Name}}/{{.Area}}/{{.Area}}mock"{{end}}{{end}}
)
{{range $v := .Variants}}{{range $o := $v.Overrides}}
type {{$v.Name}}{{$o.Area}}Handler struct{ {{$v.Name}}{{$o.Area}}mock.DocsHandler }
{{range $o.Ops}}
func (h {{$v.Name}}{{$o.Area}}Handler) {{.}}(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-User-ID", r.PathValue("userID"))
	h.DocsHandler.{{.}}(w, r)
}
{{end}}{{end}}{{end}}
type call struct {
	Variant, Method, Path, Token, Body string
	Status                             int
	Answer, UserID                     string
}

func main() {
	mocks := map[string]http.Handler{ {{range $v := .Variants}}
		"{{$v.Name}}": {{if $v.Alone}}{{$v.Name}}{{$v.Alone}}mock.NewMock({{$v.Name}}{{$v.Alone}}Handler{}){{else}}{{$v.Name}}mock.NewMock({{$v.Name}}mock.Handlers{ {{range $v.Overrides}}{{.Field}}: {{$v.Name}}{{.Area}}Handler{}, {{end}}}){{end}},{{end}}
	}
	var calls []call
	if err := json.NewDecoder(os.Stdin).Decode(&calls); err != nil {
		panic(err)
	}
	for i, c := range calls {
		r := httptest.NewRequest(c.Method, c.Path, strings.NewReader(c.Body))
		r.Header.Set("Authorization", "Bearer "+c.Token)
		if c.Body != "" {
			r.Header.Set("Content-Type", "application/json")
		}
		w := httptest.NewRecorder()
		mocks[c.Variant].ServeHTTP(w, r)
		calls[i].Status, calls[i].Answer, calls[i].UserID = w.Code, w.Body.String(), w.Header().Get("X-User-ID")
	}
	if err := json.NewEncoder(os.Stdout).Encode(calls); err != nil {
		panic(err)
	}
}
`))

// TestCorpusRouteOwners reads the English 2021 v1.0 tree, where Intune
// views document the core routes of users and organization too, and checks
// that the pages about the resources serve them, as a whole and when only
// user-* pages are selected, with the mock's parameter named userID.
func TestCorpusRouteOwners(t *testing.T) {
	dir := corpus(t)
	v1 := filepath.Join(dir, "graph-docs-en-2021", "api-reference", "v1.0")
	api, err := graphgen.LoadTrees(graphgen.Tree{FS: os.DirFS(v1), Version: "v1.0"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"GET /v1.0/users/{userID}":    "user-get",
		"GET /v1.0/users":             "user-list",
		"POST /v1.0/users":            "user-post-users",
		"PATCH /v1.0/users/{userID}":  "user-update",
		"DELETE /v1.0/users/{userID}": "user-delete",
		"GET /v1.0/organization":      "organization-get",
	}
	checkOwners(t, "whole tree", api, want)
	graphgen.Select(api, []string{"user-*"}, nil)
	delete(want, "GET /v1.0/organization")
	checkOwners(t, "-include 'user-*'", api, want)
}

// checkOwners requires each route of want to be served by the operation
// named.
func checkOwners(t *testing.T, what string, api *ir.API, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, op := range api.Operations {
		for _, r := range op.Routes {
			key := op.Method + " /" + op.Version + r.Pattern
			if _, ok := want[key]; ok && r.ShadowedBy == "" {
				got[key] += op.ID
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: owners (-want +got):\n%s", what, diff)
	}
}
