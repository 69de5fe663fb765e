package parser

import (
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// wellKnownHeaders maps the lower-case spellings of header names, English
// and translated, to their usual spelling.
var wellKnownHeaders = map[string]string{
	"authorization":       "Authorization",
	"autorização":         "Authorization",
	"autorización":        "Authorization",
	"autorisation":        "Authorization",
	"autorisierung":       "Authorization",
	"autorizzazione":      "Authorization",
	"承認":                  "Authorization",
	"授权":                  "Authorization",
	"accept":              "Accept",
	"aceitar":             "Accept",
	"aceptar":             "Accept",
	"accepter":            "Accept",
	"akzeptieren":         "Accept",
	"accetta":             "Accept",
	"content-type":        "Content-Type",
	"tipo de conteúdo":    "Content-Type",
	"tipo de contenido":   "Content-Type",
	"content-length":      "Content-Length",
	"prefer":              "Prefer",
	"preferir":            "Prefer",
	"prefira":             "Prefer",
	"préférer":            "Prefer",
	"if-match":            "If-Match",
	"if-none-match":       "If-None-Match",
	"consistencylevel":    "ConsistencyLevel",
	"workbook-session-id": "Workbook-Session-Id",
	"accept-language":     "Accept-Language",
	"user-agent":          "User-Agent",
}

// requiredHints are lower-case words that mark a header or parameter as
// required, in the languages the docs are translated to.
var requiredHints = []string{"required", "obrigatório", "obrigatória", "obligatorio", "obligatoire", "requis", "erforderlich", "obbligatorio", "必須", "必需", "必要", "필수"}

// negations turn a following required hint around ("not required").
var negations = map[string]bool{"not": true, "não": true, "no": true, "non": true, "nicht": true, "pas": true, "未": true}

// optionalHints mark something as optional; they win over requiredHints
// ("Optional. Required when ..." is optional).
var optionalHints = []string{"optional", "opcional", "facultatif", "optionnel", "オプション", "可选", "선택"}

// readHeaders reads the request-header tables.
func readHeaders(o *outline, p *page) []ir.Header {
	hs := []ir.Header{}
	for _, b := range o.blocks {
		if b.section != secHeaders {
			continue
		}
		t := asTable(p, b.node)
		if t == nil {
			continue
		}
		for _, row := range t.rows {
			if h, ok := readHeaderRow(row); ok {
				hs = append(hs, h)
			}
		}
	}
	return hs
}

// readHeaderRow reads "Name | Value" or "Name | Type | Description".
func readHeaderRow(row []inline) (ir.Header, bool) {
	name := strings.Trim(cell(row, 0), "`* ")
	value := cell(row, len(row)-1)
	if n, v, ok := strings.Cut(name, ":"); ok {
		name, value = strings.TrimSpace(n), strings.TrimSpace(v)+" "+value
	}
	if std, ok := wellKnownHeaders[strings.ToLower(name)]; ok {
		name = std
	}
	if name == "" || strings.ContainsAny(name, " \t") {
		return ir.Header{}, false
	}
	value = strings.TrimSpace(value)
	required := name == "Authorization" || isRequired(value)
	return ir.Header{Name: name, Value: value, Required: required}, true
}

// isRequired reads a required/optional note in a description: a sentence
// that is the hint alone ("Required."), or the first or last sentence when
// it starts with the hint and is short or ends with it ("Bearer {token}
// required."). A hint in the middle of a sentence is a condition
// ("required when using $search"), not a rule, and a longer sentence
// between others is about something else ("By default, a strong password
// is required." in user-update's passwordProfile).
func isRequired(desc string) bool {
	l := strings.ToLower(desc)
	if startsWithAny(l, optionalHints) {
		return false
	}
	var sentences [][]string
	for _, sentence := range strings.FieldsFunc(l, func(r rune) bool { return strings.ContainsRune(".;。\n", r) }) {
		if words := strings.Fields(strings.Trim(sentence, " *_`")); len(words) > 0 {
			sentences = append(sentences, words)
		}
	}
	for i, words := range sentences {
		n := len(words)
		first, last := strings.Trim(words[0], "*_`:,"), strings.Trim(words[n-1], "*_`:,")
		if n >= 2 && negations[strings.Trim(words[n-2], "*_`:,")] && isHint(last) {
			continue // "Not required.", "Não obrigatório.", "... are not required."
		}
		if n <= 2 && isHint(first) || (i == 0 || i == len(sentences)-1) && isHint(last) {
			return true
		}
	}
	return false
}

// isHint reports one of the requiredHints as a whole word.
func isHint(w string) bool {
	for _, h := range requiredHints {
		if w == h {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// startsWithAny reports whether s, past emphasis marks, starts with one of words.
func startsWithAny(s string, words []string) bool {
	s = strings.TrimLeft(s, "*_` ")
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
