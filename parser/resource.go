package parser

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/yuin/goldmark/ast"
)

// primitives maps the lower-case spellings of primitive types, English and
// translated, to their Edm names.
var primitives = map[string]string{
	"string": "Edm.String", "cadeia": "Edm.String", "cadena": "Edm.String", "chaîne": "Edm.String", "zeichenfolge": "Edm.String",
	"boolean": "Edm.Boolean", "booliano": "Edm.Boolean", "booleano": "Edm.Boolean", "bool": "Edm.Boolean", "booléen": "Edm.Boolean",
	"int16": "Edm.Int16", "int32": "Edm.Int32", "int64": "Edm.Int64", "integer": "Edm.Int32", "int": "Edm.Int32",
	"double": "Edm.Double", "single": "Edm.Single", "decimal": "Edm.Decimal", "byte": "Edm.Byte", "sbyte": "Edm.SByte",
	"guid": "Edm.Guid", "binary": "Edm.Binary", "stream": "Edm.Stream", "date": "Edm.Date", "timeofday": "Edm.TimeOfDay",
	"duration": "Edm.Duration", "datetimeoffset": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset",
}

// readOnlyHints mark read-only properties in descriptions.
var readOnlyHints = []string{"read-only", "read only", "somente leitura", "solo lectura", "lecture seule", "schreibgeschützt", "読み取り専用", "只读"}

// readTypes reads the types a resource page documents: the object type of
// its properties and relationships tables, and the enumerations of its
// "... values" sections (anchors ending in "-values").
func readTypes(p *page, o *outline, version string) []*ir.Type {
	var types []*ir.Type
	obj := &ir.Type{Kind: ir.TypeObject, Page: p.file, Source: p.pos(o.titleOff), Summary: o.summary}
	enums := map[string]*ir.Type{}
	var enumOrder []string
	var props []propTable
	for _, b := range o.blocks {
		if _, ok := b.node.(*ast.FencedCodeBlock); ok && b.ann != nil && b.ann.blockType == "resource" {
			obj.Name = qualified(b.ann.odataType)
			obj.Base, obj.Open = qualified(b.ann.baseType), b.ann.openType
			continue
		}
		if !strings.HasSuffix(b.key, "-values") && b.section != secProperties && b.section != secRelations && b.section != secMembers {
			continue // the Methods table and others are not read
		}
		t := asTable(p, b.node)
		switch {
		case t == nil:
		case strings.HasSuffix(b.key, "-values"):
			e, ok := enums[b.key]
			if !ok {
				e = &ir.Type{Kind: ir.TypeEnum, Name: enumName(b, pageNamespace(p)), Page: p.file + "#" + b.key, Source: p.pos(t.off)}
				enums[b.key] = e
				enumOrder = append(enumOrder, b.key)
			}
			e.Members = append(e.Members, readMembers(p, t)...)
		case b.section == secProperties || b.section == secRelations:
			t.scope = b.heading
			props = append(props, propTable{t: t, relationship: b.section == secRelations})
		case b.section == secMembers:
			obj.Kind = ir.TypeEnum // an enum page: its Members table
			obj.Members = append(obj.Members, readMembers(p, t)...)
		}
	}
	obj.Properties = readPropertyTables(p, props, readRepresentation(p, o))
	if obj.Name == "" {
		obj.Name = "microsoft.graph." + titleName(p, o)
	}
	if obj.Base == "" {
		obj.Base = inheritedFrom(p, o) // a page ref, resolved with the others
	}
	if len(obj.Properties)+len(obj.Members) > 0 || obj.Base != "" {
		types = append(types, obj)
	}
	for _, key := range enumOrder {
		types = append(types, enums[key])
	}
	for _, t := range types {
		t.Version = version
	}
	return types
}

// inheritHints are lower-case words that say a type inherits from another.
var inheritHints = []string{"inherit", "herda", "hereda", "hérite", "erbt", "eredita", "継承", "继承"}

// inheritedFrom reads "Inherits from [x](x.md)" above the first section:
// the first resource link of an intro paragraph with an inherit hint.
func inheritedFrom(p *page, o *outline) string {
	for _, b := range o.blocks {
		if b.section != secIntro || !isProse(b.node) {
			continue
		}
		t := readInline(b.node, p.src)
		if !containsAny(strings.ToLower(t.Text), inheritHints) {
			continue
		}
		for _, l := range t.Links {
			if strings.Contains(l, ".md") && !strings.Contains(l, "/api/") {
				return linkRef(p, l)
			}
		}
	}
	return ""
}

// qualified prefixes a bare type name with microsoft.graph; "" stays "".
func qualified(name string) string {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if name == "" || strings.Contains(name, ".") {
		return name
	}
	return "microsoft.graph." + name
}

// titleName finds the type's name in the title: the word that is the page
// name in another case ("user resource type", "tipo de recurso user"),
// else the page name.
func titleName(p *page, o *outline) string {
	base := strings.TrimSuffix(path.Base(p.file), ".md")
	for _, w := range strings.Fields(o.title) {
		w = strings.Trim(w, "`*:,()")
		if strings.EqualFold(w, base) || strings.EqualFold(w, resourceName(base)) {
			return w
		}
	}
	return resourceName(base)
}

// enumName finds the enumeration's name in its heading: the word that is
// the anchor's prefix ("ageGroup values" for "agegroup-values"), in the
// page's namespace ns ("microsoft.graph.callRecords" on enums-callrecords).
func enumName(b block, ns string) string {
	prefix := strings.TrimSuffix(b.key, "-values")
	name := prefix
	for _, w := range strings.Fields(b.heading) {
		if w = strings.Trim(w, "`*:,()"); strings.EqualFold(w, prefix) {
			name = w
			break
		}
	}
	if ns != "" && ns != "microsoft.graph" && !strings.Contains(name, ".") {
		return ns + "." + name
	}
	return qualified(name)
}

// pageNamespace is the namespace the page's "Namespace: ..." line (in any
// language) declares, "" when it has none.
func pageNamespace(p *page) string {
	for line := range strings.Lines(string(p.src)) {
		if t := strings.TrimSpace(line); isNamespaceLine(t) {
			_, ns, _ := strings.Cut(t, ":")
			return strings.TrimSpace(ns)
		}
		if strings.HasPrefix(line, "## ") {
			return "" // the namespace line is above the first section
		}
	}
	return ""
}

// readMembers reads "Member | Value | Description" rows. On a translated
// page, a member whose name no code of the page has is marked Unconfirmed
// (see confirmMembers).
func readMembers(p *page, t *table) []ir.EnumMember {
	valueCol := t.column("value", "valor", "valeur", "wert", "値", "值")
	descCol := t.columnOtherThan(descriptionHints, 0, valueCol)
	var code map[string]bool
	var out []ir.EnumMember
	for i, row := range t.rows {
		m := ir.EnumMember{Name: memberCell(cell(row, 0))}
		if valueCol > 0 {
			m.Value = cell(row, valueCol)
		}
		if last := len(row) - 1; descCol < 0 && last > 0 && last != valueCol {
			descCol = last
		}
		m.Description = cell(row, descCol)
		if m.Name == "" {
			continue
		}
		if isTranslation(p) {
			if code == nil {
				code = codeNames(p)
			}
			if !code[m.Name] {
				m.Unconfirmed = p.pos(t.rowOff[i])
			}
		}
		out = append(out, m)
	}
	return out
}

// typeCell reads a type cell: a link to a resource page or an enum anchor
// (kept as Ref, resolved later), or a primitive in any language; and
// whether it is a collection.
func typeCell(p *page, c inline) (typ, ref string, collection bool) {
	lower := strings.ToLower(c.Text)
	collection = containsAny(lower, collectionHints)
	if len(c.Links) > 0 {
		return "", linkRef(p, c.Links[0]), collection
	}
	text := strings.NewReplacer("collection(", " ", ")", " ", "`", " ").Replace(lower)
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ",.;:*")
		if edm, ok := primitives[strings.TrimPrefix(w, "edm.")]; ok {
			return edm, "", collection
		}
		if strings.HasPrefix(w, "microsoft.graph.") {
			return qualifiedCase(c.Text, w), "", collection
		}
	}
	return "", strings.TrimSpace(c.Text), collection
}

// qualifiedCase finds lower in text and returns it with its original case.
func qualifiedCase(text, lower string) string {
	if i := strings.Index(strings.ToLower(text), lower); i >= 0 {
		return text[i : i+len(lower)]
	}
	return lower
}

// linkRef turns a link into a reference: "page" for a resource page,
// "page#anchor" for an anchor (the current page when the link is only
// "#anchor").
func linkRef(p *page, link string) string {
	link, _, _ = strings.Cut(link, "?")
	target, anchor, _ := strings.Cut(link, "#")
	page := strings.TrimSuffix(path.Base(target), ".md")
	if target == "" {
		page = strings.TrimSuffix(path.Base(p.file), ".md")
	}
	if anchor != "" {
		return strings.ToLower(page) + "#" + strings.ToLower(anchor)
	}
	return strings.ToLower(page)
}

// resolveTypes sorts the types and resolves, within each version, the
// references of properties (resource page names, enum anchors) and the
// operation body and response types named by links to qualified names.
func resolveTypes(api *ir.API) {
	sort.SliceStable(api.Types, func(i, j int) bool {
		a, b := api.Types[i], api.Types[j]
		if a.Version != b.Version {
			return a.Version > b.Version
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Page < b.Page
	})
	pageRefs := map[string]string{} // version + " " + page ref → qualified name
	for _, t := range api.Types {   // before merging: a merged page keeps its ref
		addRef(pageRefs, t.Version, typePageRef(t.Page), t.Name)
	}
	api.Types = mergeTypes(api.Types)
	confirmWireNames(api)
	refs := map[string]string{} // version + " " + ref → qualified name
	for _, t := range api.Types {
		for _, key := range []string{typePageRef(t.Page), strings.ToLower(t.Name), strings.ToLower(shortName(t.Name))} {
			addRef(refs, t.Version, key, t.Name)
		}
	}
	for key, name := range pageRefs {
		if _, taken := refs[key]; !taken {
			refs[key] = name
		}
	}
	lookupIn := func(version, ns, ref string) (string, bool) {
		if name, ok := refs[version+" "+strings.ToLower(ref)]; ok {
			return name, true
		}
		word := typeWord(ref) // an unlinked "dayOfWeek collection"
		if word == "" {
			return "", false
		}
		if name, ok := refs[version+" "+strings.ToLower(ns+"."+word)]; ok {
			return name, true // the referring type's namespace first
		}
		name, ok := refs[version+" "+strings.ToLower(word)]
		return name, ok
	}
	lookup := func(version, ref string) (string, bool) {
		return lookupIn(version, "microsoft.graph", ref)
	}
	for _, t := range api.Types {
		if t.Base != "" && !strings.Contains(t.Base, ".") {
			t.Base, _ = lookup(t.Version, t.Base) // a page ref from "Inherits from"
		}
		for i := range t.Properties {
			pr := &t.Properties[i]
			if pr.Ref == "" {
				continue
			}
			if name, ok := lookupIn(t.Version, t.Name[:max(strings.LastIndexByte(t.Name, '.'), 0)], pr.Ref); ok {
				pr.Type, pr.Ref = name, ""
				continue
			}
			api.Diagnostics = append(api.Diagnostics, ir.Diagnostic{Pos: t.Source, Severity: ir.Warning,
				Message: fmt.Sprintf("property %s of %s has type %q, which these docs do not document; it is kept as raw JSON", pr.Name, t.Name, pr.Ref)})
		}
	}
	confirmMembers(api)
	for _, op := range api.Operations {
		for i := range op.RequestBody.Params {
			bp := &op.RequestBody.Params[i]
			if name, ok := lookup(op.Version, bp.Ref); ok && bp.Ref != "" {
				bp.TypeName, bp.Ref = name, ""
			}
		}
		if edm, ok := primitives[strings.ToLower(strings.TrimPrefix(op.Response.Type, "Edm."))]; ok {
			op.Response.Type = edm
		}
		if name, ok := lookup(op.Version, op.Response.Type); ok {
			op.Response.Type = name
		}
		if name, ok := lookup(op.Version, op.RequestBody.Type); ok {
			op.RequestBody.Type = name
		}
	}
}

// typePageRef is the ref a link to a type's page makes: "user", or
// "enums#dayofweek-values" for an enumeration.
func typePageRef(page string) string {
	if p, anchor, ok := strings.Cut(path.Base(page), "#"); ok {
		return strings.ToLower(strings.TrimSuffix(p, ".md")) + "#" + anchor
	}
	return strings.ToLower(strings.TrimSuffix(path.Base(page), ".md"))
}

// addRef maps key to name in version unless a type took the key first.
func addRef(refs map[string]string, version, key, name string) {
	if _, taken := refs[version+" "+key]; !taken {
		refs[version+" "+key] = name
	}
}

// typeWord is the one type name of an unlinked type cell once the words
// that say "collection" (in any language) and code marks are removed:
// "dayOfWeek collection", "Collection(riskLevel)", "`contactRelationship`";
// "" when not exactly one name is left.
func typeWord(cell string) string {
	text := strings.NewReplacer("collection(", " ", "Collection(", " ", ")", " ", "`", " ", "*", " ").Replace(cell)
	var words []string
	for _, w := range strings.Fields(text) {
		if !slices.Contains(collectionHints, strings.ToLower(w)) && w != "of" {
			words = append(words, w)
		}
	}
	if len(words) != 1 || !isMemberName(words[0]) {
		return ""
	}
	return words[0]
}

// shortName is the last dotted part of a qualified name.
func shortName(name string) string {
	return name[strings.LastIndexByte(name, '.')+1:]
}

// mergeTypes folds the types documented under one name on several pages
// (Intune pages document partial views of user) into the one whose page is
// named after the type, adding the properties the others have. Types must
// be sorted by version and name.
func mergeTypes(types []*ir.Type) []*ir.Type {
	out := []*ir.Type{}
	for i := 0; i < len(types); {
		j := i
		for j < len(types) && types[j].Version == types[i].Version && types[j].Name == types[i].Name && types[j].Kind == types[i].Kind {
			j++
		}
		group := types[i:j]
		primary := group[0]
		for _, t := range group {
			if strings.EqualFold(strings.TrimSuffix(path.Base(t.Page), ".md"), shortName(t.Name)) {
				primary = t
				break
			}
		}
		for _, t := range group {
			if t != primary {
				mergeInto(primary, t)
			}
		}
		out = append(out, primary)
		i = j
	}
	return out
}

// mergeInto adds to dst the properties, members and base of src it lacks.
func mergeInto(dst, src *ir.Type) {
	has := map[string]bool{}
	for _, p := range dst.Properties {
		has[p.Name] = true
	}
	for _, p := range src.Properties {
		if !has[p.Name] {
			dst.Properties = append(dst.Properties, p)
			has[p.Name] = true
		}
	}
	names := map[string]bool{}
	for _, m := range dst.Members {
		names[m.Name] = true
	}
	for _, m := range src.Members {
		if !names[m.Name] {
			dst.Members = append(dst.Members, m)
		}
	}
	if dst.Base == "" {
		dst.Base = src.Base
	}
}

// isMemberName reports the shape of a JSON member name as Graph uses them:
// letters, digits and _ @ . $ -, no spaces (machine translation sometimes
// translates names, "índice" for "index": letters of any script count).
func isMemberName(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '@' || r == '.' || r == '$' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

// clip shortens s to n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
