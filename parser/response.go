package parser

import (
	"encoding/base64"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/yuin/goldmark/ast"
)

var (
	// tickedStatus finds a back-ticked success status: "`204 No Content`".
	// Error codes the prose mentions ("`507 Insufficient Storage` is
	// returned when...") are not the success status.
	tickedStatus = regexp.MustCompile("`([23][0-9][0-9])\\b")
	// bareStatus finds a success status written as a plain number.
	bareStatus = regexp.MustCompile(`\b([23][0-9][0-9])\b`)
)

// collectionHints are lower-case words that say a response is a collection.
var collectionHints = []string{"collection", "coleção", "colección", "sammlung", "コレクション", "集合", "컬렉션"}

// readResponse reads the success status and response shape from the
// response section's prose and the first example response, and reports
// where they disagree. Examples of /$value paths (streams) are left out
// when the operation has other paths: they answer those routes only.
func readResponse(p *page, o *outline, paths []string, examples []ir.Example) ir.Response {
	examples = withoutStreams(paths, examples)
	var prose strings.Builder
	var links []string
	for _, b := range o.blocks {
		if b.section == secResponse && isProse(b.node) {
			t := readInline(b.node, p.src)
			prose.WriteString(t.Text + "\n")
			links = append(links, t.Links...)
		}
	}
	off := o.sections[secResponse]
	r := ir.Response{}
	ex := firstExampleResponse(examples)
	r.Status, r.StatusFrom = firstStatus(tickedStatus, prose.String()), "prose"
	if r.Status == 0 && ex != nil && ex.Response.Status != 0 {
		r.Status, r.StatusFrom = ex.Response.Status, "example"
	}
	if r.Status == 0 {
		r.Status, r.StatusFrom = firstStatus(bareStatus, prose.String()), "prose"
	}
	if r.Status == 0 && (documentsBody(p, o) || ex != nil && strings.TrimSpace(ex.Response.Body) != "") {
		r.Status, r.StatusFrom = 200, "body" // a documented body without a status line
	}
	if r.Status == 0 {
		p.warnf(off, "no success status in the response section or the examples (expected one like \"returns a `200 OK` response code\" or an example response \"HTTP/1.1 200 OK\"); assuming 200")
		r.Status, r.StatusFrom = 200, "default"
	}
	if ex != nil && ex.Response.Status != 0 && ex.Response.Status != r.Status {
		_, line, _ := splitPos(ex.Source)
		p.notef(off, "the response section says %d but the first example (line %d) answers %d; using %d (correct whichever is wrong)", r.Status, line, ex.Response.Status, r.Status)
	}
	typ := firstResourceLink(links)
	if t := annotatedType(examples); t != "" {
		typ = t // annotations name the type; links only hint at it
	}
	r.Kind, r.Type = responseShape(r.Status, ex, prose.String(), typ)
	if r.Kind == ir.KindNone && r.Status != 204 && documentsBody(p, o) {
		r.Kind = ir.KindObject // a JSON body in the section, no example
	}
	r.Location = r.Kind == ir.KindNone && ex != nil && isAccepted(ex.Response)
	return r
}

// withoutStreams drops the examples of /$value paths unless every path is
// one.
func withoutStreams(paths []string, examples []ir.Example) []ir.Example {
	if !slices.ContainsFunc(paths, func(p string) bool { return !isValuePath(p) }) {
		return examples
	}
	return slices.DeleteFunc(slices.Clone(examples), func(e ir.Example) bool {
		return e.Request != nil && isValuePath(e.Request.Path)
	})
}

// isValuePath reports a path to the raw value of an entity or property:
// a media stream (/me/photo/$value) or a primitive's text.
func isValuePath(path string) bool {
	return strings.HasSuffix(path, "/$value")
}

// isAccepted reports a documented answer without a body whose Location
// header names the result (team-clone's 202 Accepted).
func isAccepted(r *ir.ExampleResponse) bool {
	return r.Status >= 200 && r.Status < 300 && isEmptyBody(r) && headerValue(r.Headers, "Location") != ""
}

// isEmptyBody reports an example response documented without content:
// no body, or Content-Length: 0.
func isEmptyBody(r *ir.ExampleResponse) bool {
	return strings.TrimSpace(r.Body) == "" || strings.TrimSpace(headerValue(r.Headers, "Content-Length")) == "0"
}

// documentsBody reports a JSON code block in the response section.
func documentsBody(p *page, o *outline) bool {
	for _, b := range o.blocks {
		if fcb, ok := b.node.(*ast.FencedCodeBlock); ok && b.section == secResponse {
			if isJSONText(codeText(p, fcb)) {
				return true
			}
		}
	}
	return false
}

// firstStatus returns the first status re finds in s, or 0.
func firstStatus(re *regexp.Regexp, s string) int {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// annotatedType is the @odata.type of the first example response that
// has one.
func annotatedType(examples []ir.Example) string {
	for _, e := range examples {
		if e.Response != nil && e.Response.Type != "" {
			return e.Response.Type
		}
	}
	return ""
}

// firstExampleResponse returns the first example with a response.
func firstExampleResponse(examples []ir.Example) *ir.Example {
	for i := range examples {
		if examples[i].Response != nil {
			return &examples[i]
		}
	}
	return nil
}

// responseShape decides the response kind and type: the example's
// annotation and body first (they are structure), then the prose.
func responseShape(status int, ex *ir.Example, prose, linkType string) (kind, typ string) {
	typ = linkType
	if ex != nil && ex.Response.Type != "" {
		typ = ex.Response.Type
	}
	lprose := strings.ToLower(prose)
	switch {
	case status == 204:
		return ir.KindNone, ""
	case ex != nil && ex.Response.IsCollection:
		return ir.KindCollection, typ
	case ex != nil && isAccepted(ex.Response):
		return ir.KindNone, "" // a 202 with a Location and no content is no stream
	case ex != nil && isBinaryResponse(ex.Response):
		return ir.KindBinary, ""
	case ex != nil && strings.TrimSpace(ex.Response.Body) != "":
		if k := jsonShape(ex.Response.Body); k != "" {
			if k == ir.KindPrimitive {
				return k, primitiveOf(ex.Response, prose)
			}
			return k, typ
		}
	}
	switch {
	case typ != "" && containsAny(lprose, collectionHints):
		return ir.KindCollection, typ
	case typ != "":
		return ir.KindObject, typ
	case ex != nil && strings.TrimSpace(ex.Response.Body) != "":
		return ir.KindObject, ""
	}
	return ir.KindNone, ""
}

// primitiveOf names the type of a primitive response: the annotation's or
// the prose's, unless the example's value is of another JSON kind (an
// annotation saying "string" over {"value": true}), then the value's.
func primitiveOf(r *ir.ExampleResponse, prose string) string {
	named := primitiveType(r.Type)
	if edm, ok := primitives[strings.ToLower(strings.TrimPrefix(named, "Edm."))]; ok {
		named = edm
	}
	if named == "" {
		named = primitiveIn(prose)
	}
	if named == "" && isBase64(stringValue(r.Body)) {
		named = "Edm.Stream" // the example's value is encoded bytes
	}
	v, _ := topLevelMembers(strings.TrimSpace(r.Body))["value"]
	var fromValue string
	switch {
	case v == 't' || v == 'f':
		fromValue = "Edm.Boolean"
	case v == '"':
		fromValue = "Edm.String"
	case v == '-' || v >= '0' && v <= '9':
		fromValue = "Edm.Double"
	}
	if fromValue == "" || jsonKindOf(named) == jsonKindOf(fromValue) {
		return named
	}
	return fromValue
}

// stringValue returns the string "value" of a JSON object body, or "".
func stringValue(body string) string {
	var v struct {
		Value string `json:"value"`
	}
	if json.Unmarshal([]byte(body), &v) != nil {
		return ""
	}
	return v.Value
}

// isBase64 reports a string that is padded standard base64 of at least
// 12 bytes: the JSON form of a stream, which prose may name in any
// language ("a Stream in the response body").
func isBase64(s string) bool {
	if len(s) < 16 || len(s)%4 != 0 || !strings.HasSuffix(s, "=") {
		return false
	}
	_, err := base64.StdEncoding.DecodeString(s)
	return err == nil
}

// jsonKindOf is the JSON kind an Edm primitive is written as.
func jsonKindOf(edm string) string {
	switch edm {
	case "Edm.Boolean":
		return "bool"
	case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Double", "Edm.Single", "Edm.Decimal", "Edm.Byte", "Edm.SByte":
		return "number"
	case "":
		return ""
	}
	return "string"
}

// primitiveIn finds the first primitive type name in prose ("returns an
// Int64 in the response body"), as an Edm name, or "".
func primitiveIn(prose string) string {
	for _, w := range strings.Fields(strings.ToLower(prose)) {
		if edm, ok := primitives[strings.Trim(w, "`*.,;:()")]; ok {
			return edm
		}
	}
	return ""
}

// primitiveType keeps Edm and plain primitive names.
func primitiveType(t string) string {
	if strings.Contains(t, ".") && !strings.HasPrefix(t, "Edm.") {
		return ""
	}
	return t
}

// isBinaryResponse reports a non-JSON content type or a redirect.
func isBinaryResponse(r *ir.ExampleResponse) bool {
	if r.Status >= 300 && r.Status < 400 {
		return true
	}
	ct := mediaType(headerValue(r.Headers, "Content-Type"))
	return ct != "" && !isJSONType(ct)
}

// jsonShape classifies a JSON response body: {"value": [...]} is a
// collection, {"value": scalar} a primitive, other objects objects. It
// returns "" when the body is not valid JSON (truncated examples).
func jsonShape(body string) string {
	body = strings.TrimSpace(body)
	if !json.Valid([]byte(body)) {
		return ""
	}
	switch {
	case strings.HasPrefix(body, "["):
		return ir.KindCollection
	case !strings.HasPrefix(body, "{"):
		return ir.KindPrimitive
	}
	members := topLevelMembers(body)
	v, ok := members["value"]
	if !ok || !onlyAnnotations(members) {
		return ir.KindObject // an entity, even one with a "value" property
	}
	switch v {
	case '[':
		return ir.KindCollection
	case '{':
		return ir.KindObject // Intune wraps single entities as {"value": {...}}
	}
	return ir.KindPrimitive
}

// onlyAnnotations reports an object whose members other than "value" are
// all OData annotations ("@odata.context", "@odata.nextLink").
func onlyAnnotations(members map[string]byte) bool {
	for k := range members {
		if k != "value" && !strings.HasPrefix(k, "@") {
			return false
		}
	}
	return true
}

// topLevelMembers maps the member names of the JSON object obj to the
// first byte of their values, without decoding the object.
func topLevelMembers(obj string) map[string]byte {
	m := map[string]byte{}
	for _, member := range orderedMembers(obj) {
		if member.first != 0 {
			m[member.name] = member.first
		}
	}
	return m
}

// headerValue finds a header in name, value pairs (case-insensitively).
func headerValue(pairs []string, name string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.EqualFold(pairs[i], name) {
			return pairs[i+1]
		}
	}
	return ""
}

// isProse reports paragraphs and plain text blocks.
func isProse(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return true
	}
	return false
}
