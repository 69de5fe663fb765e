package parser

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/graphgen-dev/graphgen/ir"
)

// standardHeaders are the HTTP header names the docs use, by their
// lower-case spelling: wire names, the same in every language.
var standardHeaders = map[string]string{
	"authorization": "Authorization", "accept": "Accept", "content-type": "Content-Type",
	"content-length": "Content-Length", "content-range": "Content-Range", "content-encoding": "Content-Encoding",
	"prefer": "Prefer", "if-match": "If-Match", "if-none-match": "If-None-Match",
	"consistencylevel": "ConsistencyLevel", "workbook-session-id": "Workbook-Session-Id",
	"accept-language": "Accept-Language", "user-agent": "User-Agent", "client-request-id": "client-request-id",
}

// translatedHeaders are header names as translators of the given corpora
// wrote them. They break the tie that structure leaves for a row whose
// name is no header name: the examples' request lines have no header with
// its value and the value holds no {token} (resolveHeader).
var translatedHeaders = map[string]string{
	"autorização": "Authorization", "autorización": "Authorization", "autorisation": "Authorization",
	"autorisierung": "Authorization", "autorizzazione": "Authorization", "承認": "Authorization", "授权": "Authorization",
	"aceitar": "Accept", "aceptar": "Accept", "accepter": "Accept", "akzeptieren": "Accept", "accetta": "Accept",
	"tipo de conteúdo": "Content-Type", "tipo de contenido": "Content-Type",
	"preferir": "Prefer", "prefira": "Prefer", "préférer": "Prefer",
}

// requiredHints are lower-case words that mark a header or parameter as
// required, in the languages of the given corpora. The page's own word,
// learned from its Authorization row (learnRequired), comes first; these
// serve pages whose Authorization row does not say it.
var requiredHints = []string{"required", "obrigatório", "obrigatória", "obligatorio", "obligatoire", "requis", "erforderlich", "obbligatorio", "必須", "必需", "必要", "필수"}

// negations turn a following required hint around ("not required").
var negations = map[string]bool{"not": true, "não": true, "no": true, "non": true, "nicht": true, "pas": true, "未": true}

// optionalHints mark something as optional; they win over requiredHints
// ("Optional. Required when ..." is optional).
var optionalHints = []string{"optional", "opcional", "facultatif", "optionnel", "オプション", "可选", "선택"}

// readHeaders reads the request-header tables. Names come from
// structure (resolveHeader); a header is required when it is
// Authorization, when its value says so in the page's own word for
// "required" (learnRequired), or by the requiredHints. A row whose name
// the page cannot settle waits for the tree (resolvePending).
func readHeaders(o *outline, p *page, examples []ir.Example) []ir.Header {
	var rows [][]inline
	var offs []int
	for _, b := range o.blocks {
		if b.section != secHeaders {
			continue
		}
		if t := asTable(p, b.node); t != nil {
			rows, offs = append(rows, t.rows...), append(offs, t.rowOff...)
		}
	}
	sent := unnamed(exampleHeaders(examples), rows)
	p.requiredMark = learnRequired(rows)
	hs := []ir.Header{}
	var claimed []string
	pending := len(p.pending)
	for i, row := range rows {
		h, ok, why := readHeaderRow(row, sent, p.requiredMark)
		switch {
		case why != "":
			p.pending = append(p.pending, pendingHeader{name: h.Name, header: h, diag: p.diagnostic(ir.Warning, offs[i], why)})
		case ok:
			claimed = append(claimed, h.Name)
			if h.Name != strings.Trim(cell(row, 0), "`* ") && !isHeaderName(strings.Trim(cell(row, 0), "`* ")) {
				p.learned = append(p.learned, [2]string{strings.Trim(cell(row, 0), "`* "), h.Name})
			}
			hs = append(hs, h)
		}
	}
	if len(p.pending) == pending+1 {
		p.pending[pending].left = unclaimed(sent, claimed)
	}
	return hs
}

// unclaimed returns the one header the examples send that no row of the
// table names (Content-Length aside, which tables leave out), "" when
// there is not exactly one: the one row left unnamed is that header.
func unclaimed(sent, claimed []string) string {
	var left []string
	for i := 0; i < len(sent); i += 2 {
		name := sent[i]
		if s, ok := standardHeaders[strings.ToLower(name)]; ok {
			name = s
		}
		if name != "Content-Length" && !slices.ContainsFunc(claimed, func(c string) bool { return strings.EqualFold(c, name) }) && !slices.Contains(left, name) {
			left = append(left, name)
		}
	}
	if len(left) != 1 {
		return ""
	}
	return left[0]
}

// pendingHeader is a header row whose name its page cannot settle: the
// tree may (resolvePending).
type pendingHeader struct {
	name   string    // as the table writes it
	header ir.Header // its value and required-ness
	// left is the one header the examples send that no other row names,
	// when this is the one row left unnamed
	left string
	diag ir.Diagnostic // the warning if the tree cannot settle it either
}

// treeNames are what a page leaves for its tree to settle: its translated
// header names, settled (learned) and not (pending), and its body
// parameters' type cells (resolvePending).
type treeNames struct {
	learned [][2]string
	pending []pendingHeader
	// typeWords pair parameter type cells with the types the examples
	// gave; untyped are the parameters whose cells name no known type.
	typeWords [][2]string
	untyped   []pendingParam
	mark      string // the page's word for required, "" if it has none
}

// resolvePending settles the header rows no page could: a translated name
// means, on every page of the tree, the header it was found to be where
// the examples or a {token} told (the most frequent one); a name they
// never settle, the header that rows of that name were by elimination
// (the one header a page's examples send that no other row names); rows
// still unknown are left out with their warning.
func resolvePending(results []PageResult, names []treeNames) {
	resolveParamTypes(results, names)
	defer treeRequired(results, names)
	votes, weak := map[string]map[string]int{}, map[string]map[string]int{}
	vote := func(m map[string]map[string]int, name, std string) {
		if m[name] == nil {
			m[name] = map[string]int{}
		}
		m[name][std]++
	}
	for _, r := range names {
		for _, l := range r.learned {
			vote(votes, l[0], l[1])
		}
		for _, ph := range r.pending {
			if ph.left != "" {
				vote(weak, ph.name, ph.left) // by elimination: weaker
			}
		}
	}
	for i := range results {
		for _, ph := range names[i].pending {
			std := majority(votes[ph.name])
			if len(votes[ph.name]) == 0 {
				std = majority(weak[ph.name])
			}
			if std == "" {
				results[i].Diagnostics = append(results[i].Diagnostics, ph.diag)
				continue
			}
			h := ph.header
			h.Name, h.Required = std, h.Required || std == "Authorization"
			for _, op := range results[i].Operations {
				op.Headers = append(slices.Clip(op.Headers), h)
			}
		}
	}
}

// treeRequired reads, on pages whose Authorization row does not give
// their word for required, the headers and body parameters with the word
// most pages of the tree give.
func treeRequired(results []PageResult, names []treeNames) {
	marks := map[string]int{}
	for _, n := range names {
		if n.mark != "" {
			marks[n.mark]++
		}
	}
	mark := majority(marks)
	if mark == "" {
		return
	}
	for i, n := range names {
		if n.mark != "" {
			continue
		}
		for _, op := range results[i].Operations {
			for j, h := range op.Headers {
				op.Headers[j].Required = h.Required || requiredByMark(h.Value, mark)
			}
			for j, bp := range op.RequestBody.Params {
				op.RequestBody.Params[j].Required = bp.Required || requiredByMark(bp.Description, mark)
			}
		}
	}
}

// majority returns the name with the most votes, "" on a tie or none.
func majority(votes map[string]int) string {
	best, n, tie := "", 0, false
	for name, v := range votes {
		switch {
		case v > n:
			best, n, tie = name, v, false
		case v == n:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// exampleHeaders are the headers of the examples' requests, as name,
// value pairs: names as the request lines spell them.
func exampleHeaders(examples []ir.Example) []string {
	var pairs []string
	for _, e := range examples {
		if e.Request != nil {
			pairs = append(pairs, e.Request.Headers...)
		}
	}
	return pairs
}

// unnamed drops from the examples' headers those a row names as they are
// (by a standard name), so that another row's value cannot claim them.
func unnamed(sent []string, rows [][]inline) []string {
	named := map[string]bool{}
	for _, row := range rows {
		named[strings.ToLower(strings.Trim(cell(row, 0), "`* "))] = true
	}
	var out []string
	for i := 0; i+1 < len(sent); i += 2 {
		if !named[strings.ToLower(sent[i])] {
			out = append(out, sent[i], sent[i+1])
		}
	}
	return out
}

// readHeaderRow reads "Name | Value" or "Name | Type | Description"; why
// explains a row that is left out for a reason the docs can fix.
func readHeaderRow(row []inline, sent []string, mark string) (h ir.Header, ok bool, why string) {
	name := strings.Trim(cell(row, 0), "`* ")
	value := cell(row, len(row)-1)
	if n, v, ok := strings.Cut(name, ":"); ok {
		name, value = strings.TrimSpace(n), strings.TrimSpace(v)+" "+value
	}
	value = strings.TrimSpace(value)
	if name == "" {
		return ir.Header{}, false, ""
	}
	std, why := resolveHeader(name, value, sent)
	required := std == "Authorization" || requiredByMark(value, mark) || isRequired(value)
	if std == "" {
		return ir.Header{Name: name, Value: value, Required: required}, false, why
	}
	return ir.Header{Name: std, Value: value, Required: required}, true, ""
}

// resolveHeader finds the header a row names: a standard name, or one the
// examples' request lines send, as it is; else (a translated name) the
// header whose value the row's value holds: {token} is Authorization, and
// so is a header the examples send with this value; translatedHeaders
// break a tie. A name that stays unknown is kept when it has the shape of
// a header name (a custom header); otherwise why says it is left out.
func resolveHeader(name, value string, sent []string) (std, why string) {
	lower := strings.ToLower(name)
	if s, ok := standardHeaders[lower]; ok {
		return s, ""
	}
	if headerValue(sent, name) != "" {
		return name, ""
	}
	if hasTokenPlaceholder(value) {
		return "Authorization", ""
	}
	if s, ok := translatedHeaders[lower]; ok && mediaType(value) != "" {
		return s, "" // a media type is Accept's or Content-Type's: a tie
	}
	if s := sentWithValue(sent, value); s != "" {
		return s, ""
	}
	if s, ok := translatedHeaders[lower]; ok {
		return s, ""
	}
	if isHeaderName(name) {
		return name, ""
	}
	if strings.ContainsAny(name, " \t") && !strings.ContainsAny(name, "-") && len(strings.Fields(name)) > 3 {
		return "", "" // a sentence, not a header row
	}
	return "", fmt.Sprintf("request header %q is no header name (a translation?), and neither the examples' request lines nor its value (%q) tell which header it is; the row is ignored (write the header's name, like Authorization)", clip(name, 40), clip(value, 40))
}

// tokenPlaceholder finds the placeholder of a bearer token ({token},
// <token>, {code}, &lt;Token&gt;), which translators keep.
var tokenPlaceholder = regexp.MustCompile(`(?i)[{<](access[-_ ]?)?(token|code)\\?[}>]`)

// hasTokenPlaceholder reports a value holding a token placeholder.
func hasTokenPlaceholder(value string) bool {
	return strings.ContainsAny(value, "{<") && tokenPlaceholder.MatchString(value)
}

// sentWithValue returns the one header the examples send whose value
// the row's value starts with ("application/json. Required." and
// Content-type: application/json), or whose value starts with the row's
// first word when that is code-like ("outlook.timezone" and Prefer:
// outlook.timezone="Pacific Standard Time"); "" when none or several are.
func sentWithValue(sent []string, value string) string {
	found := ""
	v := strings.ToLower(strings.Trim(value, "`* "))
	first := ""
	if f := strings.Fields(v); len(f) > 0 && strings.ContainsAny(f[0], "./=") {
		first = strings.TrimRight(strings.Trim(f[0], "`*"), ".,;。")
	}
	for i := 0; i+1 < len(sent); i += 2 {
		ev := strings.ToLower(strings.TrimSpace(sent[i+1]))
		if ev == "" || !strings.HasPrefix(v, ev) && (len(first) < 4 || !strings.HasPrefix(ev, first)) {
			continue
		}
		name := sent[i]
		if s, ok := standardHeaders[strings.ToLower(name)]; ok {
			name = s
		}
		if found != "" && found != name {
			return ""
		}
		found = name
	}
	return found
}

// learnRequired finds the page's own word for "required": the
// Authorization row (by name or by its {token}) is required by the
// protocol, so the last sentence of its value, when that is not the token
// ("Bearer {token}. Required.", "{token} de portador. Obrigatório."), or
// else the last word of a longer one ("Bearer <token> Required"), is what
// the page writes for required headers and parameters. "" when the page
// has no such row.
func learnRequired(rows [][]inline) string {
	for _, row := range rows {
		name, value := strings.ToLower(strings.Trim(cell(row, 0), "`* ")), cell(row, len(row)-1)
		if standardHeaders[name] != "Authorization" && !hasTokenPlaceholder(value) || len(row) < 2 {
			continue
		}
		sentences := splitSentences(value)
		if len(sentences) == 0 {
			return ""
		}
		last := sentences[len(sentences)-1]
		if !hasTokenPlaceholder(last) {
			return last
		}
		if words := strings.Fields(last); len(words) >= 3 && !hasTokenPlaceholder(words[len(words)-1]) {
			return strings.Trim(words[len(words)-1], "*_`:,")
		}
		return ""
	}
	return ""
}

// splitSentences splits a description into lower-case sentences without
// emphasis marks.
func splitSentences(desc string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(strings.ToLower(desc), func(r rune) bool { return strings.ContainsRune(".;。\n", r) }) {
		if s = strings.Trim(s, " *_`:,"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// requiredByMark reports a description with a sentence that is the
// page's word for required (learnRequired) alone.
func requiredByMark(desc, mark string) bool {
	if mark == "" {
		return false
	}
	_, size := utf8.DecodeRuneInString(mark)
	if !strings.Contains(desc, mark[size:]) {
		return false // a cheap test first: all but its first letter, in any case
	}
	return slices.Contains(splitSentences(desc), mark)
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
