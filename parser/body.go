package parser

import (
	"encoding/json"
	"path"
	"slices"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// binaryHints are lower-case words that say a request body is binary.
var binaryHints = []string{"binary", "stream", "binário", "binária", "fluxo", "binario", "binaire", "binär", "バイナリ", "二进制"}

// readRequestBody decides the request-body rule from the request-body
// section and the examples: a non-JSON content type (binary), a reference
// ($ref), a link to a resource (an object of that type), a parameter table
// (parameters, or an object when the example's @odata.type names what the
// table describes), or none.
func readRequestBody(p *page, o *outline, method string, paths []string, headers []ir.Header, examples []ir.Example) ir.RequestBody {
	sec := readBodySection(p, o)
	paramWireNames(p, o.sections[secBody], sec.params, exampleRequestBody(examples))
	typeFromExample(p, sec.params, sec.untyped, examples)
	if ct := documentedContentType(headers); ct != "" && !isJSONType(ct) {
		return ir.RequestBody{Kind: ir.KindBinary, ContentType: ct, From: "header"}
	}
	typ := firstResourceLink(sec.links)
	if from := referenceFrom(method, paths, examples); from != "" {
		return ir.RequestBody{Kind: ir.KindReference, Type: typ, From: from}
	}
	switch {
	case typ != "":
		return ir.RequestBody{Kind: ir.KindObject, Type: typ, Params: sec.params, From: "link"}
	case len(sec.params) > 0:
		if t := describedType(method, sec.params, examples); t != "" {
			return ir.RequestBody{Kind: ir.KindObject, Type: t, Params: sec.params, From: "example"}
		}
		return ir.RequestBody{Kind: ir.KindParameters, Params: sec.params, From: "table"}
	case containsAny(strings.ToLower(sec.prose), binaryHints):
		return ir.RequestBody{Kind: ir.KindBinary, ContentType: "application/octet-stream", From: "prose"}
	}
	return bodyFromExample(p, o, method, examples)
}

// bodySection is what the request-body section says: its prose, the
// links in it and the rows of its parameter tables.
type bodySection struct {
	prose   string
	links   []string
	params  []ir.BodyParam
	untyped []untypedParam // params whose type cell names no known type
}

// readBodySection reads the request-body section.
func readBodySection(p *page, o *outline) bodySection {
	var sec bodySection
	var prose strings.Builder
	for _, b := range o.blocks {
		if b.section != secBody {
			continue
		}
		if t := asTable(p, b.node); t != nil {
			ps, untyped := readParamTable(p, t)
			for _, u := range untyped {
				u.index += len(sec.params)
				sec.untyped = append(sec.untyped, u)
			}
			sec.params = append(sec.params, ps...)
			continue
		}
		if isProse(b.node) {
			t := readInline(b.node, p.src)
			prose.WriteString(t.Text + "\n")
			sec.links = append(sec.links, t.Links...)
		}
	}
	sec.prose = prose.String()
	return sec
}

// bodyFromExample decides the rule of a body the section does not
// describe: an object of unknown type when the example request has one
// (on GET or DELETE only a JSON one: other text there is a docs slip, like
// an unclosed code fence), else none.
func bodyFromExample(p *page, o *outline, method string, examples []ir.Example) ir.RequestBody {
	off, hasSection := o.sections[secBody]
	body := exampleRequestBody(examples)
	if body != "" && (bodyMethods[method] || isJSONText(body)) {
		if hasSection {
			p.warnf(off, "the request body section names no type or parameters, but the example request has a body; treated as a JSON object of unknown type (link the body's resource type or add a table of its parameters)")
		}
		return ir.RequestBody{Kind: ir.KindObject, Type: odataType(body), From: "example"}
	}
	switch {
	case hasSection:
		return ir.RequestBody{Kind: ir.KindNone, From: "prose"}
	case !bodyMethods[method]:
		return ir.RequestBody{Kind: ir.KindNone, From: "method"}
	}
	return ir.RequestBody{Kind: ir.KindNone, From: "default"}
}

// referenceFrom says why a body is a reference to an existing object,
// {"@odata.id": URL}: "example" when the example request body is just
// that, "path" for POST or PUT on a .../$ref path whose example, if any,
// is no object with properties; "" when it is not a reference.
func referenceFrom(method string, paths []string, examples []ir.Example) string {
	members := jsonMembers(exampleRequestBody(examples))
	if len(members) == 1 && members["@odata.id"] == '"' {
		return "example"
	}
	if method != "POST" && method != "PUT" || !slices.ContainsFunc(paths, isRefPath) {
		return ""
	}
	for name := range members {
		if !strings.HasPrefix(name, "@") {
			return "" // the example sends an object, whatever the path says
		}
	}
	return "path"
}

// isRefPath reports a path that addresses the references of a navigation
// property (/groups/{id}/members/$ref).
func isRefPath(path string) bool {
	return strings.HasSuffix(path, "/$ref")
}

// describedType returns the @odata.type of the example request of a POST
// when the body is an object of that type: the example answers 201 Created
// with an object of the same type, or the parameter table describes the
// object, at least half of the example's members being rows of the table
// (translations rename a few rows: "editor" for publisher). Intune create
// pages read like that ("In the request body, supply a JSON representation
// for the X object", then a table of X's properties), and Graph needs the
// @odata.type that the model carries on these polymorphic collections; ""
// otherwise.
func describedType(method string, params []ir.BodyParam, examples []ir.Example) string {
	body := exampleRequestBody(examples)
	t := odataType(body)
	switch {
	case method != "POST" || t == "":
		return ""
	case createsSame(examples, t):
		return t
	}
	rows := map[string]bool{}
	for _, bp := range params {
		rows[bp.Name] = true
	}
	members, matched := 0, 0
	for name := range jsonMembers(body) {
		if strings.Contains(name, "@") {
			continue // @odata.type, owner@odata.bind
		}
		members++
		if rows[name] {
			matched++
		}
	}
	if 2*matched < members {
		return ""
	}
	return t
}

// createsSame reports an example whose request sends an object of type t
// and whose response is 201 Created with an object of that type.
func createsSame(examples []ir.Example, t string) bool {
	for _, e := range examples {
		if e.Request != nil && e.Response != nil && e.Response.Status == 201 &&
			odataType(e.Request.Body) == t && odataType(e.Response.Body) == t {
			return true
		}
	}
	return false
}

// jsonMembers maps the top-level members of a JSON object body to the
// first byte of their values; nil when body is no valid JSON object.
func jsonMembers(body string) map[string]byte {
	body = strings.TrimSpace(body)
	if !strings.HasPrefix(body, "{") || !json.Valid([]byte(body)) {
		return nil
	}
	return topLevelMembers(body)
}

// bodyMethods are the methods that usually carry a request body.
var bodyMethods = map[string]bool{"POST": true, "PUT": true, "PATCH": true}

// odataType returns the "@odata.type" of a JSON object body without its
// leading "#", or "".
func odataType(body string) string {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &m) != nil {
		return ""
	}
	var t string
	if json.Unmarshal(m["@odata.type"], &t) != nil {
		return ""
	}
	return strings.TrimPrefix(t, "#")
}

// readParamTable reads "Parameter | Type | Description" rows, with an
// optional Required column; otherwise required-ness is read from the
// description.
func readParamTable(p *page, t *table) ([]ir.BodyParam, []untypedParam) {
	typeCol := t.column("type", "tipo", "typ", "型", "类型", "형식")
	if typeCol < 0 && len(t.header) > 2 {
		typeCol = 1
	}
	reqCol := t.column("required", "obrigatório", "obligatorio", "obligatoire", "erforderlich", "必須", "必需")
	descCol := len(t.header) - 1
	if descCol == reqCol {
		descCol--
	}
	var ps []ir.BodyParam
	var untyped []untypedParam
	for i, row := range t.rows {
		bp := ir.BodyParam{Name: strings.Trim(cell(row, 0), "`* "), Type: cell(row, typeCol)}
		if descCol > 0 && descCol != typeCol {
			bp.Description = cell(row, descCol)
		}
		if typeCol >= 0 && typeCol < len(row) {
			bp.TypeName, bp.Ref, bp.Collection = typeCell(p, row[typeCol])
		}
		if !isMemberName(bp.Name) {
			continue // a prose row, not a parameter
		}
		if reqCol >= 0 {
			bp.Required = isYes(cell(row, reqCol))
		} else {
			bp.Required = requiredByMark(bp.Description, p.requiredMark) || isRequired(bp.Description)
		}
		if typeCol >= 0 && typeCol < len(row) {
			if u, ok := untypedCell(row[typeCol], bp, len(ps), t.rowOff[i]); ok {
				untyped = append(untyped, u)
			}
		}
		ps = append(ps, bp)
	}
	return ps, untyped
}

// isYes reads a Required cell: yes, true, sim, sí, oui, ja, or a check mark.
func isYes(s string) bool {
	l := strings.ToLower(strings.Trim(s, " .*`"))
	switch l {
	case "yes", "true", "sim", "sí", "si", "oui", "ja", "はい", "是", "예", "✓", "✔", "x", "required":
		return true
	}
	return isRequired(l)
}

// firstResourceLink returns the type named by the first link to a resource
// page ("../resources/user.md" gives "user").
func firstResourceLink(links []string) string {
	for _, l := range links {
		l, _, _ = strings.Cut(l, "#")
		l, _, _ = strings.Cut(l, "?")
		if !strings.Contains(l, "resources/") {
			continue
		}
		return resourceName(strings.TrimSuffix(path.Base(l), ".md"))
	}
	return ""
}

// documentedContentType returns the media type of the documented
// Content-Type header, "" when there is none.
func documentedContentType(headers []ir.Header) string {
	for _, h := range headers {
		if h.Name == "Content-Type" {
			return mediaType(h.Value)
		}
	}
	return ""
}

// mediaType picks the first type/subtype token out of a description.
func mediaType(s string) string {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ,;`*()。，；（）", r) }) {
		f = strings.TrimRight(f, ".")
		if t, sub, ok := strings.Cut(f, "/"); ok && t != "" && sub != "" && !strings.ContainsAny(f, "{}<>") {
			return strings.ToLower(f)
		}
	}
	return ""
}

// isJSONType reports application/json and its relatives.
func isJSONType(ct string) bool {
	return strings.HasSuffix(ct, "/json") || strings.HasSuffix(ct, "+json")
}

// exampleRequestBody returns the first example request body.
func exampleRequestBody(examples []ir.Example) string {
	for _, e := range examples {
		if e.Request != nil && strings.TrimSpace(e.Request.Body) != "" {
			return e.Request.Body
		}
	}
	return ""
}

// resourceName drops the area prefix of Intune resource page names
// ("intune-shared-windowsupdatestate" documents windowsUpdateState).
func resourceName(page string) string {
	if rest, ok := strings.CutPrefix(page, "intune-"); ok {
		if _, name, ok := strings.Cut(rest, "-"); ok {
			return name
		}
	}
	return page
}
