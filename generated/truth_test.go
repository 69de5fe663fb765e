package generated_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pageFacts is what a docs page says about its answers, read from the
// page's text with a few regular expressions and no code of graphgen's
// parser: the tests compare the generated client and mock with it, not
// with the IR they were generated from.
type pageFacts struct {
	// ProseStatus is the first 2xx or 3xx code written in backticks in
	// the prose of the page's first response section (a heading with the
	// anchor "response", or titled Response or Resposta), as in "returns
	// a `200 OK` response code"; 0 if none.
	ProseStatus int
	// Responses are the examples' answers, in page order: each fenced
	// block whose first line is an HTTP status line, and each block of
	// JSON right under a heading titled like a response (Status 0).
	Responses []pageResponse
}

// pageResponse is one example answer as the page writes it.
type pageResponse struct {
	Status int
	Body   string // after the headers; "" when there is none
}

// Status is the success status the page documents: its prose's, else its
// first example's, else 0. (graphgen's README states the same rule; the
// value here comes from the page text.)
func (f pageFacts) Status() int {
	if f.ProseStatus != 0 {
		return f.ProseStatus
	}
	for _, r := range f.Responses {
		if r.Status != 0 {
			return r.Status
		}
	}
	return 0
}

var (
	fenceLine     = regexp.MustCompile("^\\s*(```|~~~)")
	headingLine   = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	responseTitle = regexp.MustCompile(`(?i)name="response"|^(response|resposta)\s*$`)
	statusLine    = regexp.MustCompile(`^HTTP/\d(?:\.\d)?\s+(\d{3})\b`)
	proseStatus   = regexp.MustCompile("`\\s*([23]\\d\\d)(?:\\s+[^`]*)?`")
)

// readPageFacts reads the facts of the page at docsPath (relative to
// testdata/docs).
func readPageFacts(t *testing.T, docsPath string) pageFacts {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "docs", filepath.FromSlash(docsPath)))
	if err != nil {
		t.Fatal(err)
	}
	return parseFacts(string(src))
}

// parseFacts reads the facts of a page's text.
func parseFacts(src string) pageFacts {
	var f pageFacts
	var block []string
	inBlock := false
	section := 0           // the level of the response section being read; -1 after it
	underResponse := false // the last heading is titled like a response
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		if fenceLine.MatchString(line) {
			if inBlock {
				if r, ok := responseBlock(block); ok {
					f.Responses = append(f.Responses, r)
				} else if body := strings.TrimSpace(strings.Join(block, "\n")); underResponse && strings.HasPrefix(body, "{") {
					f.Responses = append(f.Responses, pageResponse{Body: body})
				}
			}
			inBlock, block = !inBlock, nil
			continue
		}
		if inBlock {
			block = append(block, line)
			continue
		}
		if h := headingLine.FindStringSubmatch(line); h != nil {
			underResponse = responseTitle.MatchString(strings.TrimSpace(h[2]))
			switch level := len(h[1]); {
			case section == 0 && responseTitle.MatchString(strings.TrimSpace(h[2])):
				section = level
			case section > 0 && level <= section:
				section = -1
			}
			continue
		}
		if m := proseStatus.FindStringSubmatch(line); m != nil && section > 0 && f.ProseStatus == 0 {
			f.ProseStatus, _ = strconv.Atoi(m[1])
		}
	}
	return f
}

// responseBlock reads a fenced block as an HTTP answer: a status line,
// headers, a blank line and the body.
func responseBlock(lines []string) (pageResponse, bool) {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	if len(lines) == 0 {
		return pageResponse{}, false
	}
	m := statusLine.FindStringSubmatch(strings.TrimSpace(lines[0]))
	if m == nil {
		return pageResponse{}, false
	}
	status, _ := strconv.Atoi(m[1])
	for i, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			return pageResponse{Status: status, Body: strings.TrimSpace(strings.Join(lines[i+2:], "\n"))}, true
		}
	}
	return pageResponse{Status: status}, true
}

// sameJSON reports two texts that are equal JSON values.
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(bytes.TrimSpace(a), bytes.TrimSpace(b))
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return bytes.Equal(xa, ya)
}

// TestParseFacts pins the reader of page facts on text written here.
func TestParseFacts(t *testing.T) {
	page := "# Get x\n\nCreating it answers `202 Accepted`.\n\n## <a name=\"response\"></a>Resposta\n\nIf successful, this method returns a `200 OK` response code and a `404 Not Found` otherwise.\n\n## Example\n\nThen `204 No Content`.\n\n" +
		"```http\nGET /x\n```\n\n```http\nHTTP/1.1 201 Created\nContent-type: application/json\n\n{\"id\": \"1\"}\n```\n\n" +
		"```http\nHTTP/1.1 204 No Content\n```\n\n### Response\n\n```json\n{\"id\": \"2\"}\n```\n"
	f := parseFacts(page)
	if f.ProseStatus != 200 || len(f.Responses) != 3 || f.Responses[0].Status != 201 || f.Responses[0].Body != `{"id": "1"}` || f.Responses[1].Status != 204 || f.Responses[1].Body != "" || f.Responses[2].Status != 0 || f.Responses[2].Body != `{"id": "2"}` {
		t.Errorf("facts %+v", f)
	}
	if f := parseFacts("## Response\n\nReturns `202 Accepted`.\n"); f.Status() != 202 {
		t.Errorf("status %d, want 202", f.Status())
	}
	if f := parseFacts("```http\nHTTP/1.1 200 OK\n\n{}\n```\n"); f.Status() != 200 {
		t.Errorf("status from the example %d, want 200", f.Status())
	}
}
