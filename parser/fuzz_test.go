package parser

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// The fuzz targets below treat their input as what a docs pull request
// could contain. Each checks that the code does not panic (ParsePage would
// recover, so its target fails on the "internal error" it reports instead)
// and the invariants the rest of the pipeline relies on. .ci/run runs each
// for a few seconds; crashers found locally are kept under
// testdata/fuzz/<target>/ and run as regular tests by go test.

// seedPages adds every markdown file of the bundled docs to f.
func seedPages(f *testing.F) {
	root := filepath.Join("..", "testdata", "docs")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err == nil {
			f.Add(src)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
}

func FuzzParsePage(f *testing.F) {
	seedPages(f)
	f.Add([]byte("---\ntitle: x\n---\n# x\n<a name=\"http-request\"></a>\n```http\nGET /a/{b}\n```\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		include := func(string) ([]byte, error) { return src, nil } // an include that includes itself
		res := ParsePage("api-reference/v1.0/api/fuzz.md", src, include)
		lines := strings.Count(string(src), "\n") + 1
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Message, "internal error") {
				t.Fatalf("%s: %s", d.Pos, d.Message)
			}
			line, col, err := linecol(d.Pos)
			if err != nil || line < 1 || line > lines || col < 1 {
				t.Fatalf("diagnostic position %q is not a position in the %d-line page: %s", d.Pos, lines, d.Message)
			}
			if !utf8.ValidString(d.Message) {
				t.Fatalf("diagnostic %q is not UTF-8", d.Message)
			}
		}
		if len(res.Operations) == 0 && res.Skip == "" && res.IsPage {
			t.Fatalf("a page with no operation and no reason to skip it")
		}
		for _, op := range res.Operations {
			if op.Method == "" || len(op.Routes) == 0 {
				t.Fatalf("operation %+v has no method or no route", op)
			}
			for _, r := range op.Routes {
				if !strings.HasPrefix(r.Path, "/") {
					t.Fatalf("route path %q does not start with /", r.Path)
				}
			}
		}
	})
}

// linecol reads the line and column of "file:line:col".
func linecol(pos string) (line, col int, err error) {
	rest, c, _ := cutLast(pos, ":")
	_, l, _ := cutLast(rest, ":")
	if line, err = strconv.Atoi(l); err == nil {
		col, err = strconv.Atoi(c)
	}
	return line, col, err
}

func FuzzRequestLine(f *testing.F) {
	for _, s := range []string{
		"GET /users/{id | userPrincipalName}/drive/root:/{item-path}:/content",
		"POST https://graph.microsoft.com/v1.0/me/sendMail",
		"GET /reports/getOffice365ActiveUserDetail(period='{period_value}')?$format=text/csv",
		"PATCH/workbook/worksheets/{id}/range(address='<address>')",
		"GET ~/me//drive/items/{item-id} | path",
		"GET /me/events?$filter=start/dateTime ge '{x}'&$top={n}",
		"GET /a/resizedRange(deltaRows={n}, deltaColumns={m})",
		"DELETE /a/{{b}}", "GET /a}{", "GET /a/'{b}'",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		rl, ok := parseRequestLine(line)
		if !ok {
			return
		}
		if !strings.HasPrefix(rl.path, "/") || strings.IndexFunc(rl.path, unicode.IsControl) >= 0 {
			t.Fatalf("path %q of %q", rl.path, line)
		}
		for _, p := range PathParams(rl.path) {
			if strings.ContainsAny(p.Name, "{}") {
				t.Fatalf("parameter name %q of %q", p.Name, rl.path)
			}
		}
		for _, q := range QueryParams(rl.query) {
			if q.Name == "" {
				t.Fatalf("empty query option name in %q", rl.query)
			}
		}
		// The mock router either refuses the pattern or matches with it.
		pattern := "/v1.0" + rl.path
		if graphtest.CheckPattern(pattern) == nil {
			graphtest.MatchPattern(pattern, "/v1.0/users/x")
			graphtest.MatchPattern(pattern, pattern)
		}
	})
}

func FuzzPermissionNames(f *testing.F) {
	for _, s := range []string{
		"User.Read, User.ReadWrite.All", "Not supported.", "Sem suporte.",
		"Directory.Read.All and User.Read", "GroupMember. Read. All", "Mail.Send<br>Mail.Read",
		"User.Read 和 Mail.Read", "eDiscovery.Read.All¹", "None.", "User.Read.All. Group.Read.All",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		names := permissionNames(cell)
		for _, n := range names {
			for _, part := range strings.Split(n, "+") {
				if !isPermissionName(part) {
					t.Fatalf("%q gave %q, which is not a permission name", cell, part)
				}
				if strings.ContainsAny(part, " \n\t,<>") {
					t.Fatalf("%q gave %q", cell, part)
				}
			}
		}
		if !reflect.DeepEqual(names, permissionNames(cell)) {
			t.Fatalf("permissionNames(%q) is not deterministic", cell)
		}
	})
}

func FuzzLenientJSON(f *testing.F) {
	for _, s := range []string{
		`{"blockType": "request", "name": "x",}`,
		"{\n  \"blockType\": \"response\", // a comment\n  \"@odata.type\": \"microsoft.graph.user\"\n}",
		`{"a": "// not a comment", "b": [1, 2,],}`,
		`{"a": "\"", "b": "\\"}`, `{"a": "unterminated`, `[,]`, `{"a":1}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := lenientJSON(s)
		// Valid JSON without trailing commas or comments means the same
		// after the lenient pass.
		var want, got any
		if json.Unmarshal([]byte(s), &want) == nil {
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("lenientJSON broke valid JSON %q into %q: %v", s, out, err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("lenientJSON changed %q into %q", s, out)
			}
		}
		p, _ := newPage("api/fuzz.md", []byte("---\n---\n"))
		parseAnnotation(p, "<!-- "+s+" -->", 0, 0)
	})
}
