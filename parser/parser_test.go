package parser_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

const seedPath = "../testdata/docs/seed/vpptoken-synclicensecounts.pt-BR.md"

// parseFile parses one page from disk under the name file.
func parseFile(t *testing.T, path, file string) parser.PageResult {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parser.ParsePage(file, src, nil)
}

// only returns the single operation of a page result.
func only(t *testing.T, res parser.PageResult) *ir.Operation {
	t.Helper()
	if len(res.Operations) != 1 {
		t.Fatalf("%d operations (skip %q, diagnostics %v), want 1", len(res.Operations), res.Skip, res.Diagnostics)
	}
	return res.Operations[0]
}

// TestSeed checks what the project promises about its seed page.
func TestSeed(t *testing.T) {
	op := only(t, parseFile(t, seedPath, "vpptoken-synclicensecounts.pt-BR.md"))
	want := ir.Operation{
		ID: "vpptoken-synclicensecounts", Version: "beta", Method: "POST",
		Title: "syncLicenseCounts action", Summary: "Not yet documented",
		Paths: []string{"/deviceAppManagement/vppTokens/syncLicenseCounts"},
		Permissions: ir.Permissions{PermissionSet: ir.PermissionSet{
			DelegatedWork:     []string{"DeviceManagementServiceConfig.ReadWrite.All"},
			DelegatedPersonal: []string{},
			Application:       []string{"DeviceManagementServiceConfig.ReadWrite.All"},
			NotSupported:      []string{"delegatedPersonal"},
		}, Tables: 1},
		Headers: []ir.Header{
			{Name: "Authorization", Value: "Bearer <token> Required.", Required: true},
			{Name: "Accept", Value: "application/json"},
		},
		RequestBody: ir.RequestBody{Kind: ir.KindNone, From: "prose"},
		Response:    ir.Response{Status: 204, StatusFrom: "prose", Kind: ir.KindNone},
	}
	opts := cmpopts.IgnoreFields(ir.Operation{}, "Source", "Page", "DocsURL", "Routes", "Examples")
	if diff := cmp.Diff(&want, op, opts); diff != "" {
		t.Errorf("seed operation (-want +got):\n%s", diff)
	}
	if len(op.Examples) != 1 || op.Examples[0].Request == nil || op.Examples[0].Response == nil || op.Examples[0].Response.Status != 204 {
		t.Errorf("seed examples = %+v, want one request/response pair answering 204", op.Examples)
	}
}

// TestSeedReadsLikeItsEnglishTwin: a side-by-side page gives the IR of the
// English page it translates (here a twin with the same lines).
func TestSeedReadsLikeItsEnglishTwin(t *testing.T) {
	seed := parseFile(t, seedPath, "page.md")
	twin := parseFile(t, "testdata/vpptoken-synclicensecounts.md", "page.md")
	// Columns differ where the seed has spans before a position.
	opts := cmpopts.IgnoreFields(ir.Example{}, "Source")
	if diff := cmp.Diff(twin, seed, opts); diff != "" {
		t.Errorf("seed vs English twin (-english +seed):\n%s", diff)
	}
}

// TestLocalizedUserGetSameOperation: the English (2021) and the fully
// translated pt-BR (2023) user-get pages give the same operation. The pages
// are two years apart: pt-BR no longer lists Directory.AccessAsUser.All, so
// permissions must only be a subset.
func TestLocalizedUserGetSameOperation(t *testing.T) {
	en := only(t, parseFile(t, "../testdata/docs/en-2021/api-reference/v1.0/api/user-get.md", "api-reference/v1.0/api/user-get.md"))
	pt := only(t, parseFile(t, "../testdata/docs/pt-BR-2023/api-reference/v1.0/api/user-get.md", "api-reference/v1.0/api/user-get.md"))
	opts := cmp.Options{
		cmpopts.IgnoreFields(ir.Operation{}, "Source", "Title", "Summary", "Permissions", "Examples"),
		cmpopts.IgnoreFields(ir.Route{}, "Source"),
		cmpopts.IgnoreFields(ir.Header{}, "Value"), // prose: "{token} de portador. Obrigatório."
	}
	if diff := cmp.Diff(en, pt, opts); diff != "" {
		t.Errorf("user-get en vs pt-BR (-en +pt):\n%s", diff)
	}
	for kind, lists := range map[string][2][]string{
		"delegatedWork":     {en.Permissions.DelegatedWork, pt.Permissions.DelegatedWork},
		"delegatedPersonal": {en.Permissions.DelegatedPersonal, pt.Permissions.DelegatedPersonal},
		"application":       {en.Permissions.Application, pt.Permissions.Application},
	} {
		if len(lists[1]) == 0 && len(lists[0]) > 0 {
			t.Errorf("%s: pt-BR lists none of %v", kind, lists[0])
		}
		for _, p := range lists[1] {
			if !slices.Contains(lists[0], p) {
				t.Errorf("%s: pt-BR lists %s, which en does not", kind, p)
			}
		}
	}
	if len(en.Examples) != len(pt.Examples) {
		t.Errorf("%d English examples, %d pt-BR", len(en.Examples), len(pt.Examples))
	}
}

// TestEveryPageAccountedFor: each page of testdata/docs yields operations
// or is listed as skipped with a reason and a warning.
func TestEveryPageAccountedFor(t *testing.T) {
	api, err := parser.ParseFS(os.DirFS("../testdata/docs"))
	if err != nil {
		t.Fatal(err)
	}
	yielded := map[string]bool{}
	for _, op := range api.Operations {
		yielded[op.Page] = true
	}
	skipped := map[string]bool{}
	for _, s := range api.Skipped {
		skipped[s.Page] = true
		if s.Reason == parser.SkipResource {
			continue // resource pages yield types, quietly
		}
		if !hasWarning(api.Diagnostics, s.Page, "page skipped") {
			t.Errorf("%s is skipped without a warning", s.Page)
		}
	}
	pages := 0
	err = filepath.WalkDir("../testdata/docs", func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "includes" {
			return filepath.SkipDir // fragments, read through the pages
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") || filepath.Base(path) == "README.md" {
			return err
		}
		pages++
		rel := filepath.ToSlash(strings.TrimPrefix(path, "../testdata/docs/"))
		if yielded[rel] == skipped[rel] {
			t.Errorf("%s: yielded %v, skipped %v; want exactly one", rel, yielded[rel], skipped[rel])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != api.Pages {
		t.Errorf("%d .md pages on disk, parser counted %d", pages, api.Pages)
	}
}

func hasWarning(ds []ir.Diagnostic, page, text string) bool {
	for _, d := range ds {
		if strings.HasPrefix(d.Pos, page+":") && strings.Contains(d.Message, text) {
			return true
		}
	}
	return false
}

// TestEmptyFenceAfterAnnotation is a page that once crashed the parser: an
// annotation above an empty code block.
func TestEmptyFenceAfterAnnotation(t *testing.T) {
	src := "---\ntitle: x\n---\n\n# X\n\n## HTTP request\n\n```http\nGET /x\n```\n\n## Example\n\n<!-- {\"blockType\":\"request\"} -->\n```\n```\n"
	res := parser.ParsePage("api-reference/v1.0/api/x.md", []byte(src), nil)
	if len(res.Operations) != 1 {
		t.Fatalf("got %d operations (%v), want 1", len(res.Operations), res.Diagnostics)
	}
}

// TestIncludeWithoutReader: without a file reader a permissions include
// cannot be read; the warning points at the include line. With one, the
// include's table is read and there is no warning.
func TestIncludeWithoutReader(t *testing.T) {
	const file = "api-reference/v1.0/api/gadget-get.md"
	src := "---\ntitle: Get gadget\n---\n\n# Get gadget\n\nGet a gadget.\n\n## Permissions\n\n" +
		"<!-- { \"blockType\": \"permissions\", \"name\": \"gadget_get\" } -->\n" +
		"[!INCLUDE [permissions-table](../includes/permissions/gadget-get-permissions.md)]\n\n" + // line 12
		"## HTTP request\n\n```http\nGET /gadgets/{gadget-id}\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n"
	res := parser.ParsePage(file, []byte(src), nil)
	want := []ir.Diagnostic{{Pos: file + ":12:1", Severity: ir.Warning, Page: file,
		Message: "permissions are in an include file, which is not read without the docs tree; the operation is generated without permissions"}}
	if diff := cmp.Diff(want, res.Diagnostics); diff != "" {
		t.Errorf("without a reader: diagnostics (-want +got):\n%s", diff)
	}
	if op := only(t, res); op.Permissions.Tables != 0 {
		t.Errorf("without a reader: %d permission tables, want 0", op.Permissions.Tables)
	}

	include := "|Permission type|Permissions|\n|:--|:--|\n|Delegated (work or school account)|Gadget.Read|\n|Delegated (personal Microsoft account)|Not supported.|\n|Application|Gadget.Read.All|\n"
	read := func(name string) ([]byte, error) {
		if name != "api-reference/v1.0/includes/permissions/gadget-get-permissions.md" {
			return nil, os.ErrNotExist
		}
		return []byte(include), nil
	}
	res = parser.ParsePage(file, []byte(src), read)
	if len(res.Diagnostics) != 0 {
		t.Errorf("with a reader: diagnostics %v, want none", res.Diagnostics)
	}
	if got := only(t, res).Permissions.Application; !slices.Equal(got, []string{"Gadget.Read.All"}) {
		t.Errorf("with a reader: application permissions %v, want [Gadget.Read.All]", got)
	}
}

// TestIncludeTableWarningsPointIntoTheInclude: a warning about a row of an
// included permission table has the include file's position.
func TestIncludeTableWarningsPointIntoTheInclude(t *testing.T) {
	const file = "api-reference/v1.0/api/gadget-get.md"
	src := "---\ntitle: Get gadget\n---\n\n# Get gadget\n\n## Permissions\n\n" +
		"[!INCLUDE [permissions-table](../includes/permissions/gadget-get-permissions.md)]\n\n" +
		"## HTTP request\n\n```http\nGET /gadgets/{gadget-id}\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n"
	include := "---\nms.topic: include\n---\n\n|Permission type|Permissions|\n|:--|:--|\n|Guest account|Gadget.Read|\n" + // line 7
		"|Delegated (work or school account)|Gadget.Read|\n|Delegated (personal Microsoft account)|Not supported.|\n|Application|Gadget.Read.All|\n"
	read := func(string) ([]byte, error) { return []byte(include), nil }
	res := parser.ParsePage(file, []byte(src), read)
	const want = "api-reference/v1.0/includes/permissions/gadget-get-permissions.md:7:1"
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Pos != want || !strings.Contains(res.Diagnostics[0].Message, `"Guest account"`) {
		t.Errorf("diagnostics %v, want one about the Guest account row at %s", res.Diagnostics, want)
	}
}

// TestPanicIsAnError: a bug met while reading a page (here a file reader
// that panics on the page's include) costs that page, as an error at its
// first line, and no crash.
func TestPanicIsAnError(t *testing.T) {
	const file = "api-reference/v1.0/api/gadget-get.md"
	src := "---\ntitle: Get gadget\n---\n\n# Get gadget\n\n## Permissions\n\n" +
		"[!INCLUDE [permissions-table](../includes/permissions/gadget-get-permissions.md)]\n\n" +
		"## HTTP request\n\n```http\nGET /gadgets/{gadget-id}\n```\n"
	res := parser.ParsePage(file, []byte(src), func(string) ([]byte, error) { panic("boom") })
	if res.Skip != "internal error" || len(res.Operations) != 0 || len(res.Diagnostics) != 1 {
		t.Fatalf("skip %q, %d operations, diagnostics %v; want the page skipped with one diagnostic", res.Skip, len(res.Operations), res.Diagnostics)
	}
	if d := res.Diagnostics[0]; d.Severity != ir.Error || d.Pos != file+":1:1" || !strings.Contains(d.Message, "boom") {
		t.Errorf("diagnostic %+v; want an error at %s:1:1 naming the panic", d, file)
	}
}
