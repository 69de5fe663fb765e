// Package parser reads Microsoft Graph API reference pages (markdown, in any
// language) into the ir model, with file:line:col positions, and owns the
// diagnostics about them.
//
// It keys on structure — heading anchors, code-block annotations, fenced
// http blocks, table shapes, the shape of permission names — and uses
// English (or other) words only as hints.
package parser

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/graphgen-dev/graphgen/internal/par"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/yuin/goldmark/ast"
)

// ParseFS reads every page below the root of fsys, in parallel, and
// returns the pages' results in path order; Resolve finishes the result
// (after merging several trees). Source paths are relative to the root.
// Files without front matter outside api/ directories (READMEs) are not
// documentation pages; directories named "includes" hold fragments.
func ParseFS(fsys fs.FS) (*ir.API, error) {
	return ParseTree(fsys, "")
}

// ParseTree is ParseFS for a tree whose own directory names the API
// version ("v1.0" or "beta"), as when graphgen is given
// api-reference/v1.0: pages whose path inside the tree names no version
// take that one.
func ParseTree(fsys fs.FS, version string) (*ir.API, error) {
	names, err := pageFiles(fsys)
	if err != nil {
		return nil, err
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) }
	results := make([]PageResult, len(names))
	errs := make([]error, len(names))
	headers := make([]treeNames, len(names))
	par.Each(len(names), func(i int) {
		src, err := fs.ReadFile(fsys, names[i])
		results[i], headers[i] = parsePage(names[i], version, src, read)
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	resolvePending(results, headers)
	api := &ir.API{Operations: []*ir.Operation{}, Types: []*ir.Type{}, Skipped: []ir.Skip{}, Diagnostics: []ir.Diagnostic{}}
	for i, res := range results {
		if res.IsPage {
			api.Pages++
		}
		api.Operations = append(api.Operations, res.Operations...)
		api.Types = append(api.Types, res.Types...)
		api.Diagnostics = append(api.Diagnostics, res.Diagnostics...)
		if res.Skip != "" {
			api.Skipped = append(api.Skipped, ir.Skip{Page: names[i], Reason: res.Skip})
		}
	}
	return api, nil
}

// pageFiles lists the .md files of fsys in lexical order, leaving out
// "includes" directories and hidden ones.
func pageFiles(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && name != "." && (d.Name() == "includes" || strings.HasPrefix(d.Name(), ".")) {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(name, ".md") {
			names = append(names, name)
		}
		return nil
	})
	// Sorted here, not trusted to the file system: the IR's order must not
	// depend on the order a directory lists its files in.
	slices.Sort(names)
	return names, err
}

// SkipResource is the skip reason of resource pages. They are expected in a
// docs tree and get no warning; types are not generated from them yet.
const SkipResource = "it describes a resource, not an operation"

// PageResult is what one page yields.
type PageResult struct {
	IsPage      bool // the file has front matter
	Operations  []*ir.Operation
	Types       []*ir.Type // of a resource page
	Skip        string     // why the page yielded no operation
	Diagnostics []ir.Diagnostic
}

// ParsePage reads one page; file is its path relative to the docs root and
// read reads other files of the tree (permission includes); with a nil read
// includes are reported as not read.
func ParsePage(file string, src []byte, read func(name string) ([]byte, error)) (res PageResult) {
	res, names := parsePage(file, "", src, read)
	results := []PageResult{res}
	resolvePending(results, []treeNames{names})
	return results[0]
}

// parsePage is ParsePage with the tree's version, "" if its path has none.
func parsePage(file, version string, src []byte, read func(name string) ([]byte, error)) (res PageResult, names treeNames) {
	defer func() {
		// A bug in graphgen is an error (the output would lack the page),
		// not a crash: the other pages are still read and reported, and
		// -exclude can leave the page out.
		if r := recover(); r != nil {
			msg := fmt.Sprintf("internal error while reading this page (please report it; -exclude the page to generate the rest): %v", r)
			res, names = PageResult{IsPage: true, Skip: "internal error", Diagnostics: []ir.Diagnostic{{Pos: file + ":1:1", Severity: ir.Error, Message: msg, Page: file}}}, treeNames{}
		}
	}()
	p, ok := newPage(file, src)
	p.treeVersion = version
	if !ok {
		if !inAPIDir(file) {
			return PageResult{}, names // a README or similar, not a page
		}
		reason := "no front matter (a leading block between --- lines): not a documentation page"
		p.warnf(0, "page skipped: %s", reason)
		return PageResult{IsPage: true, Skip: reason, Diagnostics: p.diags}, names
	}
	res = PageResult{IsPage: true}
	var skipOff int
	res.Operations, res.Types, res.Skip, skipOff = readPage(p, read)
	if res.Skip != "" && res.Skip != SkipResource {
		p.warnf(skipOff, "page skipped: %s", res.Skip)
	}
	res.Diagnostics = p.diags
	return res, treeNames{learned: p.learned, pending: p.pending, typeWords: p.typeWords, untyped: p.untyped, mark: p.requiredMark}
}

// inAPIDir reports a file in a directory named "api", where every file
// should be an API page.
func inAPIDir(file string) bool {
	return strings.HasPrefix(file, "api/") || strings.Contains(file, "/api/")
}

// readPage turns a page into operations, one per documented HTTP method,
// or says why it cannot, and where.
func readPage(p *page, read readFile) ([]*ir.Operation, []*ir.Type, string, int) {
	resource := isResourcePage(p)
	o := readOutline(p)
	var types []*ir.Type
	if resource {
		types = readTypes(p, o, pathVersion(p))
	}
	lines := syntaxLines(p, o)
	_, hasHTTP := o.sections[secHTTP]
	switch {
	case len(lines) == 0 && resource, resource && !hasHTTP:
		// request lines in a resource page's prose are examples, not syntax
		return nil, types, SkipResource, 0
	case len(lines) == 0:
		off := o.sections[secHTTP]
		if _, at, ok := plainRequestLine(p, o); ok {
			off = at // the line to put in a fenced block
		}
		return nil, nil, noSyntaxReason(p, o), off
	case resource:
		p.notef(o.sections[secHTTP], "this page is marked as a resource page (by its doc_type or a resources/ folder) but has request syntax under its HTTP request heading; it is read as an operation (mark it doc_type: apiPageType)")
	}
	examples := readExamples(p, o)
	version := pageVersion(p, lines, examples)
	headers := readHeaders(o, p, examples)
	perms := readPermissions(p, o, read)
	checkPermissions(p, o, perms, read)
	id := pageID(p)
	var ops []*ir.Operation
	for _, group := range byMethod(lines) {
		op := &ir.Operation{
			ID: id, Source: p.pos(group[0].off), Page: p.file, Version: version,
			Title: o.title, Summary: o.summary, Method: group[0].method,
			Permissions: perms, Headers: headers,
		}
		for _, rl := range group {
			if !slices.Contains(op.Paths, rl.path) {
				op.Paths = append(op.Paths, rl.path)
				op.Routes = append(op.Routes, &ir.Route{Path: rl.path, Query: rl.query, Source: p.pos(rl.off), Params: PathParams(rl.path), QueryParams: QueryParams(rl.query)})
			}
		}
		routePermissions(op)
		op.Examples = examplesFor(examples, op.Method)
		op.RequestBody = readRequestBody(p, o, op.Method, op.Paths, headers, op.Examples)
		op.Response = readResponse(p, o, op.Paths, op.Examples)
		routeResponses(op)
		ops = append(ops, op)
	}
	if len(ops) > 1 {
		for _, op := range ops {
			op.ID += "-" + strings.ToLower(op.Method)
		}
	}
	for _, op := range ops {
		op.DocsURL = docsURL(id, op.Version)
	}
	return ops, types, "", 0
}

// noSyntaxReason explains a page without request syntax, pointing at a
// request line written as plain text when there is one.
func noSyntaxReason(p *page, o *outline) string {
	if rl, off, ok := plainRequestLine(p, o); ok {
		return fmt.Sprintf("the request line %q at %s is plain text; write it in a fenced block (```http ... ```)", rl.method+" "+rl.path, p.pos(off))
	}
	return `no HTTP request syntax: expected a fenced block with lines like "GET /users/{id}" under the "HTTP request" heading`
}

// plainRequestLine finds a request line written as plain text in the HTTP
// request section, and the offset of its paragraph.
func plainRequestLine(p *page, o *outline) (requestLine, int, bool) {
	for _, b := range o.blocks {
		if b.section != secHTTP || !isProse(b.node) {
			continue
		}
		text := readInline(b.node, p.src).Text
		if rl, ok := parseRequestLine(strings.Trim(firstLine(text), "`")); ok {
			return rl, blockStart(p, b.node), true
		}
	}
	return requestLine{}, 0, false
}

// syntaxLines collects the request lines of the HTTP request section. When
// a page has no such section, fenced blocks before the examples whose
// lines are relative requests ("GET /me") are taken instead.
func syntaxLines(p *page, o *outline) []requestLine {
	lines := requestLinesIn(p, o, func(b block) bool { return b.section == secHTTP }, true)
	if len(lines) > 0 {
		return lines
	}
	return requestLinesIn(p, o, func(b block) bool {
		return b.section != secExamples && b.section != secResponse && (b.ann == nil || b.ann.blockType == "ignored")
	}, false)
}

// requestLinesIn reads the request lines of the fenced blocks keep selects.
// With report set, lines that start with a method but are no request
// template are reported.
func requestLinesIn(p *page, o *outline, keep func(block) bool, report bool) []requestLine {
	var out []requestLine
	for _, b := range o.blocks {
		fcb, ok := b.node.(*ast.FencedCodeBlock)
		if !ok || !keep(b) {
			continue
		}
		for i := 0; i < fcb.Lines().Len(); i++ {
			seg := fcb.Lines().At(i)
			text := string(seg.Value(p.src))
			rl, ok := parseRequestLine(text)
			if !ok {
				if report && startsWithMethod(text) {
					p.warnf(seg.Start, "not a request template: %q (expected \"METHOD /path\", like \"GET /users/{id}\"); the line is ignored", strings.TrimSpace(text))
				}
				continue
			}
			if !report && rl.version != "" {
				continue // an absolute example URL, not a syntax line
			}
			rl.off = seg.Start
			if report && len(rl.fixes) > 0 {
				p.notef(seg.Start, "malformed request template %q: %s; write it as %q", strings.TrimSpace(text), strings.Join(rl.fixes, "; "), rl.template())
			}
			out = append(out, rl)
		}
	}
	return out
}

// startsWithMethod reports a line that begins with an HTTP method word.
func startsWithMethod(line string) bool {
	f := strings.Fields(strings.Map(spaceMap, line))
	return len(f) > 0 && methods[f[0]]
}

// byMethod groups request lines by method, in order of first appearance.
func byMethod(lines []requestLine) [][]requestLine {
	var groups [][]requestLine
	index := map[string]int{}
	for _, rl := range lines {
		i, ok := index[rl.method]
		if !ok {
			i = len(groups)
			index[rl.method] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], rl)
	}
	return groups
}

// examplesFor keeps the examples whose request uses method (and those
// without a request). It returns a non-nil slice.
func examplesFor(examples []ir.Example, method string) []ir.Example {
	out := []ir.Example{}
	for _, e := range examples {
		if e.Request == nil || e.Request.Method == method {
			out = append(out, e)
		}
	}
	return out
}

// pageVersion reads the API version from the path (api-reference/beta/...),
// else from absolute URLs on the page, else assumes v1.0 and says so.
func pageVersion(p *page, lines []requestLine, examples []ir.Example) string {
	if v := pathVersion(p); v != "" {
		return v
	}
	for _, rl := range lines {
		if rl.version != "" {
			return rl.version
		}
	}
	for _, e := range examples {
		if e.Request != nil {
			if _, v := stripHost(e.Request.URL); v != "" {
				return v
			}
		}
	}
	p.warnf(0, "cannot tell the API version (no v1.0 or beta folder in the page's path, no version in an example URL); assuming v1.0 (put the page under api-reference/v1.0 or api-reference/beta)")
	return "v1.0"
}

// pathVersion is the version folder of the page's path, else the tree's,
// "" if none.
func pathVersion(p *page) string {
	if v := VersionOf(p.file); v != "" {
		return v
	}
	return p.treeVersion
}

// VersionOf is the last version folder ("v1.0" or "beta") in a slash
// path, "" if none.
func VersionOf(file string) string {
	segs := strings.Split(file, "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if segs[i] == "v1.0" || segs[i] == "beta" {
			return segs[i]
		}
	}
	return ""
}

// pageID is the file name without ".md" and without a ".<locale>" suffix.
func pageID(p *page) string {
	id := strings.TrimSuffix(path.Base(p.file), ".md")
	if loc := p.front["ms.contentlocale"]; loc != "" {
		id = strings.TrimSuffix(id, "."+loc)
	}
	return id
}

// docsURL is the page of operation id on learn.microsoft.com.
func docsURL(id, version string) string {
	view := "graph-rest-1.0"
	if version == "beta" {
		view = "graph-rest-beta"
	}
	return "https://learn.microsoft.com/graph/api/" + id + "?view=" + view
}

// isResourcePage reports a page marked as documenting a resource type (by
// doc_type or by its folder).
func isResourcePage(p *page) bool {
	dt := strings.ToLower(p.front["doc_type"])
	return strings.Contains(dt, "resource") || strings.Contains(p.file, "resources/")
}

// checkPermissions reports a page that documents no permission at all
// (includes that cannot be read are reported where they are read).
func checkPermissions(p *page, o *outline, perms ir.Permissions, read readFile) {
	if len(perms.DelegatedWork)+len(perms.DelegatedPersonal)+len(perms.Application)+len(perms.NotSupported) > 0 {
		return
	}
	off, ok := o.sections[secPermissions]
	if !ok {
		p.warnf(0, "no permissions section (expected a heading with anchor \"permissions\" or \"prerequisites\", like \"## Permissions\", above a permission table); the operation is generated without permissions")
		return
	}
	for _, b := range o.blocks {
		if b.section == secPermissions && isInclude(b.node, p.src) {
			if read == nil {
				p.warnf(blockStart(p, b.node), "permissions are in an include file, which is not read without the docs tree; the operation is generated without permissions")
			}
			return
		}
	}
	p.warnf(off, "the permissions section has no permission table (expected a table with a |:---|:---| delimiter row and a row per kind, like \"|Application|User.Read.All|\"); the operation is generated without permissions")
}

// includeTarget returns the file of a "[!INCLUDE [x](file)]" paragraph.
func includeTarget(t inline) string {
	if strings.HasPrefix(t.Text, "[!INCLUDE") && len(t.Links) > 0 {
		return t.Links[0]
	}
	return ""
}

// Resolve finishes a parsed API: it resolves type references, decides
// how the emulator answers each route (from every route of the API, so
// before any selection), and sorts operations and diagnostics. Which
// route the mock serves where several share a path is decided with the
// names (naming.Own).
func Resolve(api *ir.API) {
	resolveTypes(api)
	resolveRouteResponses(api)
	resolveEmulation(api)
	sort.SliceStable(api.Operations, func(i, j int) bool {
		a, b := api.Operations[i], api.Operations[j]
		if a.Version != b.Version {
			return a.Version > b.Version // v1.0 before beta
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Page < b.Page
	})
	SortDiagnostics(api.Diagnostics)
}

// Shape replaces every parameter of a path template by "{}", so that
// templates differing only in parameter names compare equal.
func Shape(path string) string {
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '{':
			if depth == 0 {
				b.WriteString("{}")
			}
			depth++
		case r == '}':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SortDiagnostics orders diagnostics by file, then line and column numbers.
func SortDiagnostics(ds []ir.Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		fi, li, ci := splitPos(ds[i].Pos)
		fj, lj, cj := splitPos(ds[j].Pos)
		if fi != fj {
			return fi < fj
		}
		if li != lj {
			return li < lj
		}
		return ci < cj
	})
}

// splitPos splits "file:line:col".
func splitPos(pos string) (file string, line, col int) {
	rest, c, _ := cutLast(pos, ":")
	file, l, _ := cutLast(rest, ":")
	line, _ = strconv.Atoi(l)
	col, _ = strconv.Atoi(c)
	return file, line, col
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
