package parser

import (
	"fmt"
	"strings"
	"testing"
)

// largePage is an API page of about size bytes: a valid head, then
// sections of prose, tables and JSON examples repeated to size.
func largePage(size int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Big thing\n---\n\n# Big thing\n\nDo it.\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## Section %d\n\nSome *text* with `code`, a [link](thing-%d.md) and <span class=\"sxs-lookup\"><span class=\"sxs-lookup\">words</span></span>.\n\n", i, i)
		b.WriteString("| Name | Type | Description |\n|:--|:--|:--|\n|a|String|b|\n|c|Int32|d|\n\n")
		fmt.Fprintf(&b, "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.thing\" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"id\": \"%d\", \"value\": [1, 2, 3]}\n```\n\n", i)
	}
	return []byte(b.String())
}

// hugeTable is an API page whose permissions table has rows rows.
func hugeTable(rows int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Wide thing\n---\n\n# Wide thing\n\n## Permissions\n\n|Permission type|Permissions|\n|:--|:--|\n")
	for i := range rows {
		fmt.Fprintf(&b, "|Delegated (work or school account)|Thing%d.Read.All, Other%d.ReadWrite|\n", i, i)
	}
	b.WriteString("\n## HTTP request\n\n```http\nGET /things/{id}\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n")
	return []byte(b.String())
}

// BenchmarkLargePage parses pages of 1 and 5 MB; ns/op should grow
// linearly (compare the MB/s of the two).
func BenchmarkLargePage(b *testing.B) {
	for _, mb := range []int{1, 5} {
		src := largePage(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if res := ParsePage("api-reference/v1.0/api/big.md", src, nil); len(res.Operations) != 1 {
					b.Fatalf("%d operations, skip %q", len(res.Operations), res.Skip)
				}
			}
		})
	}
}

// BenchmarkHugeTable parses a permissions table of 10,000 and 100,000
// rows; MB/s should stay about the same.
func BenchmarkHugeTable(b *testing.B) {
	for _, rows := range []int{10_000, 100_000} {
		src := hugeTable(rows)
		b.Run(fmt.Sprintf("%drows", rows), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				res := ParsePage("api-reference/v1.0/api/wide.md", src, nil)
				if len(res.Operations) != 1 || len(res.Operations[0].Permissions.DelegatedWork) != 2*rows {
					b.Fatalf("%d operations", len(res.Operations))
				}
			}
		})
	}
}

// TestLargeInputsParse runs the large inputs once in tests too (the sizes
// are small enough for go test), so that they keep parsing.
func TestLargeInputsParse(t *testing.T) {
	if res := ParsePage("api-reference/v1.0/api/big.md", largePage(1<<20), nil); len(res.Operations) != 1 {
		t.Errorf("1 MB page: %d operations, skip %q", len(res.Operations), res.Skip)
	}
	res := ParsePage("api-reference/v1.0/api/wide.md", hugeTable(10_000), nil)
	if len(res.Operations) != 1 || len(res.Operations[0].Permissions.DelegatedWork) != 20_000 {
		t.Errorf("10,000-row table: %d operations", len(res.Operations))
	}
}
