package parser

import (
	"encoding/json"
	"html"
	"strings"
)

// annotation is a code-block annotation: the HTML comment holding JSON such
// as <!-- { "blockType": "request", "name": "get_user" } --> that the docs
// put right above an example.
type annotation struct {
	start, end   int // offsets of the comment in the page
	blockType    string
	name         string
	odataType    string
	isCollection bool
	truncated    bool
	requestURLs  []string // of a "permissions" annotation
	baseType     string   // of a "resource" annotation
	openType     bool
}

// parseAnnotation reads comment (the whole HTML block). It returns nil for
// comments that are not block annotations, and reports invalid JSON.
func parseAnnotation(p *page, comment string, start, end int) *annotation {
	body, ok := strings.CutPrefix(strings.TrimSpace(comment), "<!--")
	if !ok {
		return nil
	}
	body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(body), "-->"))
	if !strings.HasPrefix(body, "{") {
		return nil
	}
	if strings.Contains(body, "&quot;") {
		body = html.UnescapeString(body) // translation tools escape quotes
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lenientJSON(body)), &m); err != nil {
		if strings.Contains(body, "blockType") {
			p.notef(start, "invalid code-block annotation JSON (%v); the annotation is ignored and the block is read by its content", err)
		}
		return nil // page annotations ("#page.annotation") are not read
	}
	a := &annotation{start: start, end: end}
	a.blockType = strings.ToLower(str(m["blockType"]))
	a.name = str(m["name"])
	a.odataType = str(m["@odata.type"])
	a.isCollection = truthy(m["isCollection"])
	a.truncated = truthy(m["truncated"])
	a.baseType, a.openType = str(m["baseType"]), truthy(m["openType"])
	if urls, ok := m["requestUrls"].([]any); ok {
		for _, u := range urls {
			if s := str(u); s != "" {
				a.requestURLs = append(a.requestURLs, s)
			}
		}
	}
	if a.blockType == "" {
		return nil // a page annotation ("type": "#page.annotation") or similar
	}
	return a
}

// str returns v if it is a string, else "".
func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// truthy accepts true and the string "true", which the docs also use.
func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(strings.TrimSpace(v), "true")
	}
	return false
}

// lenientJSON removes what hand-written annotations add to JSON: // line
// comments, then trailing commas before } or ].
func lenientJSON(s string) string {
	noComments := scanJSON(s, func(s string, i int, b *strings.Builder) int {
		if s[i] == '/' && i+1 < len(s) && s[i+1] == '/' {
			for i < len(s) && s[i] != '\n' {
				i++
			}
			b.WriteByte('\n')
			return i
		}
		b.WriteByte(s[i])
		return i
	})
	return scanJSON(noComments, func(s string, i int, b *strings.Builder) int {
		if s[i] != ',' || !closesNext(s[i+1:]) {
			b.WriteByte(s[i])
		}
		return i
	})
}

// scanJSON copies s, passing each byte outside string literals to outside,
// which writes what it wants and returns the index of the last byte it
// consumed.
func scanJSON(s string, outside func(s string, i int, b *strings.Builder) int) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			end := stringEnd(s, i)
			b.WriteString(s[i:end])
			i = end - 1
			continue
		}
		i = outside(s, i, &b)
	}
	return b.String()
}

// stringEnd returns the offset just past the JSON string literal that
// starts at s[i] == '"' (len(s) when it is not closed).
func stringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

// closesNext reports whether the next non-space character of s closes an
// object or array.
func closesNext(s string) bool {
	t := strings.TrimLeft(s, " \t\r\n")
	return t != "" && (t[0] == '}' || t[0] == ']')
}
