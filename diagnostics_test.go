package graphgen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// notInGoldens are the diagnostics no golden case can show, with the
// reason and the test that shows them instead; every other diagnostic the
// code can emit must appear in a golden case's diagnostics.txt
// (testdata/docs/bad has the pages made for that).
var notInGoldens = map[string]string{
	"permissions are in an include file, which is not read without the docs tree; the operation is generated without permissions": "needs parser.ParsePage without a file reader: parser TestIncludeWithoutReader",
	"internal error while reading this page (please report it; -exclude the page to generate the rest): %v":                       "needs a panic in the parser: parser TestPanicIsAnError (and FuzzParsePage fails on it)",
	// Errors stop generation, and generated/ is built from every case.
	"cannot give type %s a unique Go name: %s is also the name of the type of %s; rename one of the pages": "naming TestTypeClashIsAnError, cmd/graphgen TestFailedRunWritesNothing",
}

// TestEveryDiagnosticHasAGolden finds the message of every diagnostic in
// the source (the format strings of warnf, notef and errorf, and the Message of
// diagnostics built directly) and requires a golden line it matches.
func TestEveryDiagnosticHasAGolden(t *testing.T) {
	formats := diagnosticFormats(t, "parser", "naming", ".")
	if len(formats) < 20 {
		t.Fatalf("only %d diagnostic formats found; the scan is broken", len(formats))
	}
	var golden strings.Builder
	dirs, _ := filepath.Glob(filepath.Join(goldenDir, "*", "diagnostics.txt"))
	for _, f := range dirs {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		golden.Write(data)
	}
	for _, f := range formats {
		if _, ok := notInGoldens[f]; ok {
			continue
		}
		if !formatRegexp(f).MatchString(golden.String()) {
			t.Errorf("no golden case shows the diagnostic %q; add a page to testdata/docs/bad that causes it", f)
		}
	}
}

// formatRegexp matches what a format string prints, one verb standing
// for any text.
func formatRegexp(format string) *regexp.Regexp {
	parts := regexp.MustCompile(`%[vsqd]`).Split(format, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`: (warning: |note: )?` + strings.Join(parts, ".*"))
}

// diagnosticFormats returns the messages of the diagnostics of the
// packages in dirs: the first string literal of warnf/notef/errorf calls and
// the leading literal of Message fields (a concatenation counts up to its
// first non-literal, which becomes a verb).
func diagnosticFormats(t *testing.T, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "warnf" || sel.Sel.Name == "notef" || sel.Sel.Name == "errorf") && len(n.Args) > 1 {
						if s, ok := literal(n.Args[1]); ok {
							out = append(out, s)
						}
					}
				case *ast.FuncDecl:
					// the reasons a page is skipped, printed as "page skipped: %s"
					if n.Name.Name == "noSyntaxReason" {
						ast.Inspect(n.Body, func(n ast.Node) bool {
							if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
								if s, ok := literal(r.Results[0]); ok {
									out = append(out, "page skipped: "+s)
								}
							}
							return true
						})
					}
				case *ast.KeyValueExpr:
					if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Message" {
						if s, ok := literal(n.Value); ok {
							out = append(out, s)
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// literal reads a string literal, the format of fmt.Sprintf, or a
// concatenation of literals and other expressions (each a %v).
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		return s, err == nil && e.Kind == token.STRING
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(e.Args) > 0 {
			return literal(e.Args[0])
		}
	case *ast.BinaryExpr:
		l, lok := literal(e.X)
		r, rok := literal(e.Y)
		if !lok {
			l = "%v"
		}
		if !rok {
			r = "%v"
		}
		return l + r, lok || rok
	}
	return "", false
}
