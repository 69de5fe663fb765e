package graphgen_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/ir"
)

// TestAccountedAgainstDisk: a page on disk that the API neither has an
// operation for nor a reason about is an offender, found by APIFiles
// without the parser.
func TestAccountedAgainstDisk(t *testing.T) {
	fsys := fstest.MapFS{
		"api-reference/v1.0/api/a-get.md":          {Data: []byte("x")},
		"api-reference/v1.0/api/b-get.md":          {Data: []byte("x")},
		"api-reference/v1.0/api/c-get.md":          {Data: []byte("x")},
		"api-reference/v1.0/resources/user.md":     {Data: []byte("x")},
		"api-reference/v1.0/includes/api/note.txt": {Data: []byte("x")},
	}
	files, err := graphgen.APIFiles(fsys)
	if err != nil || strings.Join(files, ",") != "api-reference/v1.0/api/a-get.md,api-reference/v1.0/api/b-get.md,api-reference/v1.0/api/c-get.md" {
		t.Fatalf("APIFiles = %v, %v", files, err)
	}
	api := &ir.API{
		Operations: []*ir.Operation{{Page: "api-reference/v1.0/api/a-get.md", Source: "api-reference/v1.0/api/a-get.md:9:1", Method: "GET"}},
		Skipped:    []ir.Skip{{Page: "api-reference/v1.0/api/b-get.md", Reason: "no HTTP request syntax"}},
	}
	acc := graphgen.Measure(api, files).Rates[0]
	if acc.OK != 2 || acc.Of != 3 || len(acc.Offenders) != 1 || !strings.HasPrefix(acc.Offenders[0], "api-reference/v1.0/api/c-get.md:1:1: ") {
		t.Errorf("accounted %d of %d, offenders %q; want 2 of 3, c-get.md", acc.OK, acc.Of, acc.Offenders)
	}
}
