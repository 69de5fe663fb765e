package parser

import (
	"strconv"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/yuin/goldmark/ast"
)

// readExamples pairs the example requests and responses of the page. A
// block's annotation says what it is; without one (Intune pages) its
// content does: "METHOD url" starts a request, "HTTP/1.1 NNN" a response.
// A response belongs to the latest request that has none.
func readExamples(p *page, o *outline) []ir.Example {
	var out []ir.Example
	for _, b := range o.blocks {
		fcb, ok := b.node.(*ast.FencedCodeBlock)
		code := ""
		if ok {
			code = codeText(p, fcb)
		}
		// A JSON object shown in the response section itself, outside any
		// example, is the documented answer (driveitem-preview).
		inResponse := ok && b.section == secResponse && b.ann == nil && isJSONText(code) && strings.HasPrefix(strings.TrimSpace(code), "{")
		outside := b.section != secExamples && !inResponse && (b.ann == nil || b.ann.blockType != "request" && b.ann.blockType != "response")
		if !ok || b.section == secHTTP || outside {
			continue // outside the examples, only annotated examples count
		}
		kind := exampleKind(b.ann, code)
		if inResponse {
			kind = "response"
		}
		if n := len(out); kind == "" && b.section == secExamples && n > 0 && out[n-1].Response == nil && isJSONText(code) {
			kind = "response" // an unannotated JSON block after a request (Dynamics pages)
		}
		off := fenceStart(p, fcb)
		switch kind {
		case "request":
			req, ok := parseExampleRequest(codeText(p, fcb))
			if !ok {
				p.warnf(firstCodeLine(p, fcb), "example request has no \"METHOD URL\" line (its first line is %q); start it with one like \"GET https://graph.microsoft.com/v1.0/me\"; it is ignored", clip(firstLine(codeText(p, fcb)), 60))
				continue
			}
			out = append(out, ir.Example{Name: annName(b.ann), Source: p.pos(off), Request: req})
		case "response":
			resp := parseExampleResponse(codeText(p, fcb), b.ann)
			if n := len(out); n > 0 && out[n-1].Response == nil {
				out[n-1].Response = resp
			} else {
				out = append(out, ir.Example{Name: annName(b.ann), Source: p.pos(off), Response: resp})
			}
		}
	}
	return out
}

// firstCodeLine returns the offset of the first non-blank line of a code
// block, or of its opening fence when it has none.
func firstCodeLine(p *page, fcb *ast.FencedCodeBlock) int {
	for i := 0; i < fcb.Lines().Len(); i++ {
		seg := fcb.Lines().At(i)
		if strings.TrimSpace(string(seg.Value(p.src))) != "" {
			return seg.Start
		}
	}
	return fenceStart(p, fcb)
}

// isJSONText reports code that starts like a JSON object or array.
func isJSONText(code string) bool {
	t := strings.TrimSpace(code)
	return strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")
}

// annName returns the annotation's name, "" without one.
func annName(a *annotation) string {
	if a == nil {
		return ""
	}
	return a.name
}

// exampleKind says "request", "response" or "" for a code block: what its
// annotation says, else what its first line looks like (blocks annotated
// "ignored" in the examples are examples all the same).
func exampleKind(a *annotation, code string) string {
	if a != nil && (a.blockType == "request" || a.blockType == "response") {
		return a.blockType
	}
	first := firstLine(code)
	if strings.HasPrefix(first, "HTTP/") {
		return "response"
	}
	if _, ok := parseRequestLine(first); ok {
		return "request"
	}
	return ""
}

// firstLine returns the first non-blank line of s, trimmed.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			return t
		}
	}
	return ""
}

// parseExampleRequest reads "METHOD URL", header lines and a body.
func parseExampleRequest(code string) (*ir.ExampleRequest, bool) {
	lines := strings.Split(strings.ReplaceAll(code, "\r\n", "\n"), "\n")
	i := skipBlank(lines, 0)
	if i >= len(lines) {
		return nil, false
	}
	method, url, _, ok := splitRequestLine(lines[i])
	if !ok {
		return nil, false
	}
	rest, _ := stripHost(url)
	path, query := splitQuery(dropVersion(rest))
	req := &ir.ExampleRequest{Method: method, URL: url, Path: path, Query: query}
	req.Headers, req.Body = headersAndBody(lines[i+1:])
	if _, _, _, another := splitRequestLine(firstLine(req.Body)); another {
		req.Body = "" // a second request line (the same call on another path), not a body
	}
	return req, true
}

// parseExampleResponse reads "HTTP/1.1 NNN", header lines and a body; a
// block with only a body (an annotated JSON block) has status 0.
func parseExampleResponse(code string, a *annotation) *ir.ExampleResponse {
	lines := strings.Split(strings.ReplaceAll(code, "\r\n", "\n"), "\n")
	resp := &ir.ExampleResponse{}
	if a != nil {
		resp.Type, resp.IsCollection, resp.Truncated = a.odataType, a.isCollection, a.truncated
		if t := strings.TrimSpace(resp.Type); len(t) > len("Collection(") && strings.EqualFold(t[:len("Collection(")], "Collection(") {
			// Collection(x), as the CSDL writes it, or collection(x)
			resp.Type, resp.IsCollection = strings.TrimSuffix(t[len("Collection("):], ")"), true
		}
		if isPlaceholderType(resp.Type) {
			resp.Type = "" // "microsoft.graph.none": the author's way to say no type
		}
	}
	i := skipBlank(lines, 0)
	if i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "HTTP/") {
		f := strings.Fields(lines[i])
		if len(f) > 1 {
			resp.Status, _ = strconv.Atoi(f[1])
		}
		resp.Headers, resp.Body = headersAndBody(lines[i+1:])
		return resp
	}
	resp.Body = strings.TrimSpace(strings.Join(lines, "\n"))
	return resp
}

// isPlaceholderType reports an annotation type that names no type:
// "none" or "null", qualified or not ("microsoft.graph.None").
func isPlaceholderType(t string) bool {
	switch strings.ToLower(shortName(t)) {
	case "none", "null":
		return true
	}
	return false
}

// headersAndBody splits the lines after the first line of an HTTP message
// into "Name: value" header pairs and the body. Blank lines before the
// headers are tolerated; the body is what follows.
func headersAndBody(lines []string) (headers []string, body string) {
	i := skipBlank(lines, 0)
	for ; i < len(lines); i++ {
		name, value, ok := strings.Cut(lines[i], ":")
		name = strings.TrimSpace(name)
		if !ok || !isHeaderName(name) {
			break
		}
		headers = append(headers, name, strings.TrimSpace(value))
	}
	return headers, strings.TrimSpace(strings.Join(lines[i:], "\n"))
}

// isHeaderName reports the token shape of an HTTP header name.
func isHeaderName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// skipBlank returns the index of the first non-blank line from i.
func skipBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}
