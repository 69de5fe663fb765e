package parser

import (
	"encoding/json"
	"path"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// binaryHints are lower-case words that say a request body is binary.
var binaryHints = []string{"binary", "stream", "binário", "binária", "fluxo", "binario", "binaire", "binär", "バイナリ", "二进制"}

// readRequestBody decides the request-body rule from the request-body
// section: a parameter table, a link to a resource (an object of that
// type), a binary content type, or none.
func readRequestBody(p *page, o *outline, method string, headers []ir.Header, examples []ir.Example) ir.RequestBody {
	var prose strings.Builder
	var links []string
	var params []ir.BodyParam
	off := o.sections[secBody]
	for _, b := range o.blocks {
		if b.section != secBody {
			continue
		}
		if t := asTable(p, b.node); t != nil {
			params = append(params, readParamTable(p, t)...)
			continue
		}
		if isProse(b.node) {
			t := readInline(b.node, p.src)
			prose.WriteString(t.Text + "\n")
			links = append(links, t.Links...)
		}
	}
	if ct := documentedContentType(headers); ct != "" && !isJSONType(ct) {
		return ir.RequestBody{Kind: ir.KindBinary, ContentType: ct, From: "header"}
	}
	typ := firstResourceLink(links)
	switch {
	case typ != "":
		return ir.RequestBody{Kind: ir.KindObject, Type: typ, Params: params, From: "link"}
	case len(params) > 0:
		return ir.RequestBody{Kind: ir.KindParameters, Params: params, From: "table"}
	case containsAny(strings.ToLower(prose.String()), binaryHints):
		return ir.RequestBody{Kind: ir.KindBinary, ContentType: "application/octet-stream", From: "prose"}
	}
	_, hasSection := o.sections[secBody]
	if body := exampleRequestBody(examples); body != "" {
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
func readParamTable(p *page, t *table) []ir.BodyParam {
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
	for _, row := range t.rows {
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
			bp.Required = isRequired(bp.Description)
		}
		ps = append(ps, bp)
	}
	return ps
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
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ,;`*()", r) }) {
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
