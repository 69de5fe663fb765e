package graphgen

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

// Rate is one measured share: how many of Of pages or operations passed,
// with the positions of those that did not.
type Rate struct {
	Name      string
	Floor     float64 // the share the corpus test requires
	OK, Of    int
	Offenders []string // "file:line:col: what", sorted
}

// Share is OK/Of (1 when there is nothing to measure).
func (r *Rate) Share() float64 {
	if r.Of == 0 {
		return 1
	}
	return float64(r.OK) / float64(r.Of)
}

// count records one case; what describes a failure at pos.
func (r *Rate) count(ok bool, pos, what string) {
	r.Of++
	if ok {
		r.OK++
		return
	}
	r.Offenders = append(r.Offenders, pos+": "+what)
}

// Report measures how completely a docs tree was read.
type Report struct {
	Pages, APIPages, Operations int
	Rates                       []*Rate
	Skipped                     []ir.Skip // API pages that yielded nothing
	Names                       *NameStats
	RawFields                   []*RawFields // per version
	Emulation                   *EmulationCounts
}

// EmulationCounts counts the routes by how the emulator answers them
// (ir.Route.Emulate).
type EmulationCounts struct {
	Routes, Emulated int
	By               map[string]int // by Emulate, "" not counted
}

// emulateKinds are the values of ir.Route.Emulate in the order the report
// prints them.
var emulateKinds = []string{"list", "get", "create", "update", "replace", "delete", "count", "addRef", "removeRef", "listRefs"}

// MeasureEmulation counts the routes of api by how the emulator answers
// them.
func MeasureEmulation(api *ir.API) *EmulationCounts {
	c := &EmulationCounts{By: map[string]int{}}
	for _, op := range api.Operations {
		for _, r := range op.Routes {
			c.Routes++
			if r.Emulate != "" {
				c.Emulated++
				c.By[r.Emulate]++
			}
		}
	}
	return c
}

// Print writes the counts as one line.
func (c *EmulationCounts) Print(w io.Writer) {
	parts := make([]string, len(emulateKinds))
	for i, k := range emulateKinds {
		parts[i] = fmt.Sprintf("%s %d", k, c.By[k])
	}
	fmt.Fprintf(w, "  emulated routes: %d of %d (%s); the others answer with the docs' example\n", c.Emulated, c.Routes, strings.Join(parts, ", "))
}

// APIFiles lists the API pages of a docs tree as they are on disk: the
// .md files whose folder is named "api", by slash path. It is the count
// "API pages accounted for" is measured against, found without the parser.
func APIFiles(fsys fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && path.Base(path.Dir(p)) == "api" {
			files = append(files, p)
		}
		return err
	})
	return files, err
}

// Measure computes the report of an API read from one docs tree, whose
// API pages on disk are apiFiles (APIFiles).
func Measure(api *ir.API, apiFiles []string) *Report {
	accounted := &Rate{Name: "API pages on disk accounted for (operations or a reason)", Floor: 1}
	syntax := &Rate{Name: "pages with syntax: method, paths and status read", Floor: 0.995}
	perms := &Rate{Name: "operations with a permission table: every kind read", Floor: 0.99}
	body := &Rate{Name: "operations: request body rule classified", Floor: 0.98}
	resp := &Rate{Name: "200/201 responses with a body: type and shape read", Floor: 0.95}
	typed := &Rate{Name: "v1.0 operations: body and response types documented", Floor: 0.97}
	rep := &Report{Pages: api.Pages, Operations: len(api.Operations), Rates: []*Rate{accounted, syntax, perms, body, resp, typed}}
	byPage := map[string][]*ir.Operation{}
	for _, op := range api.Operations {
		byPage[op.Page] = append(byPage[op.Page], op)
	}
	for _, page := range sortedPages(byPage) {
		ops := byPage[page]
		syntax.count(syntaxRead(ops), ops[0].Source, "no success status in prose or examples")
	}
	reason := map[string]bool{}
	for _, s := range api.Skipped {
		reason[s.Page] = true
		if s.Reason == parser.SkipResource || !strings.Contains("/"+s.Page, "/api/") {
			continue
		}
		rep.Skipped = append(rep.Skipped, s)
		if strings.Contains(s.Reason, "HTTP request syntax") || strings.Contains(s.Reason, "plain text") {
			syntax.count(false, s.Page+":1:1", s.Reason)
		}
	}
	for _, f := range apiFiles {
		accounted.count(byPage[f] != nil || reason[f], f+":1:1", "yielded neither an operation nor the reason why not")
	}
	rep.APIPages = accounted.Of
	undocumented := undocumentedKinds(api.Diagnostics)
	known := map[string]bool{}
	for _, t := range api.Types {
		known[t.Version+" "+t.Name] = true
	}
	for _, op := range api.Operations {
		if op.Permissions.Tables > 0 {
			perms.count(kindsRead(op.Permissions, undocumented[op.Page]), op.Source, "a permission kind is missing")
		}
		body.count(op.RequestBody.From != "default", op.Source, op.Method+" with no request-body section or example")
		if (op.Response.Status == 200 || op.Response.Status == 201) && op.Response.Kind != ir.KindNone {
			resp.count(responseRead(op.Response), op.Source, op.Response.Kind+" of unknown type")
		}
		if op.Version == "v1.0" {
			typed.count(typesDocumented(op, known), op.Source, "body "+op.RequestBody.Type+" or response "+op.Response.Type+" is not a documented type")
		}
	}
	rep.Names = MeasureNames(api)
	rep.RawFields = MeasureRawFields(api)
	rep.Emulation = MeasureEmulation(api)
	return rep
}

func sortedPages(m map[string][]*ir.Operation) []string {
	pages := make([]string, 0, len(m))
	for p := range m {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	return pages
}

// syntaxRead: every operation of the page has a method, a path and a
// documented (not assumed) status.
func syntaxRead(ops []*ir.Operation) bool {
	for _, op := range ops {
		if op.Method == "" || len(op.Paths) == 0 || op.Response.StatusFrom == "default" {
			return false
		}
	}
	return true
}

// undocumentedKinds maps each page to the kinds its permission tables have
// no row for (reported by the parser): a gap in the docs, not in reading.
func undocumentedKinds(ds []ir.Diagnostic) map[string][]string {
	m := map[string][]string{}
	for _, d := range ds {
		rest, ok := strings.CutPrefix(d.Message, "the permission table has no row for ")
		if !ok {
			continue
		}
		page, _, _ := strings.Cut(d.Pos, ".md:")
		kind, _, _ := strings.Cut(rest, " ")
		m[page+".md"] = append(m[page+".md"], kind)
	}
	return m
}

// kindsRead: each kind has names, is documented as not supported or has no
// row in the table, in the whole set or in every per-resource entry.
func kindsRead(p ir.Permissions, undocumented []string) bool {
	if complete(p.PermissionSet, undocumented) {
		return true
	}
	if len(p.Scoped) == 0 {
		return false
	}
	for _, s := range p.Scoped {
		if !complete(s.PermissionSet, undocumented) {
			return false
		}
	}
	return true
}

// complete reports a set that says something about every kind.
func complete(s ir.PermissionSet, undocumented []string) bool {
	lists := map[string][]string{"delegatedWork": s.DelegatedWork, "delegatedPersonal": s.DelegatedPersonal, "application": s.Application}
	for kind, names := range lists {
		if len(names) == 0 && !slices.Contains(s.NotSupported, kind) && !slices.Contains(undocumented, kind) {
			return false
		}
	}
	return true
}

// typesDocumented: the request body and the response are either untyped
// by nature (none, binary, parameters, primitives) or of a type some
// resource page of the same version documents.
func typesDocumented(op *ir.Operation, known map[string]bool) bool {
	r, b := op.Response, op.RequestBody
	respOK := r.Kind == ir.KindNone || r.Kind == ir.KindBinary || r.Kind == ir.KindPrimitive ||
		strings.HasPrefix(r.Type, "Edm.") || known[op.Version+" "+r.Type]
	bodyOK := b.Kind != ir.KindObject || known[op.Version+" "+b.Type]
	return respOK && bodyOK
}

// responseRead: a typed object or collection, a primitive or binary.
func responseRead(r ir.Response) bool {
	switch r.Kind {
	case ir.KindPrimitive, ir.KindBinary:
		return true
	}
	return r.Type != ""
}

// Print writes the report as a table, with up to worst offenders per rate
// (every one when worst is negative), the raw JSON fields per version and
// the skipped API pages.
func (r *Report) Print(w io.Writer, title string, worst int) {
	fmt.Fprintf(w, "%s: %d pages, %d API pages, %d operations\n", title, r.Pages, r.APIPages, r.Operations)
	fmt.Fprintf(w, "  %-55s %8s %8s %8s %7s\n", "measure", "ok", "of", "rate", "floor")
	for _, rate := range r.Rates {
		fmt.Fprintf(w, "  %-55s %8d %8d %7.2f%% %6.1f%%\n", rate.Name, rate.OK, rate.Of, 100*rate.Share(), 100*rate.Floor)
	}
	if r.Names != nil {
		r.Names.Print(w)
	}
	if r.Emulation != nil {
		r.Emulation.Print(w)
	}
	for _, rate := range r.Rates {
		if len(rate.Offenders) == 0 || worst == 0 {
			continue
		}
		fmt.Fprintf(w, "  not read (%s), first %d of %d:\n", rate.Name, upTo(worst, len(rate.Offenders)), len(rate.Offenders))
		for _, o := range rate.Offenders[:upTo(worst, len(rate.Offenders))] {
			fmt.Fprintf(w, "    %s\n", o)
		}
	}
	PrintRawFields(w, r.RawFields, worst)
	if len(r.Skipped) > 0 {
		fmt.Fprintf(w, "  API pages skipped: %d\n", len(r.Skipped))
		for _, s := range r.Skipped[:upTo(worst, len(r.Skipped))] {
			fmt.Fprintf(w, "    %s: %s\n", s.Page, s.Reason)
		}
	}
}

// upTo is how many of n entries a list of at most worst shows: all of
// them when worst is negative.
func upTo(worst, n int) int {
	if worst < 0 {
		return n
	}
	return min(worst, n)
}

// Essentials is the part of an operation two translations of one page must
// agree on: method, paths, permissions, status, body kind, response type.
func Essentials(op *ir.Operation) string {
	p := op.Permissions
	return fmt.Sprintf("%s %v work=%v personal=%v app=%v ns=%v status=%d body=%s resp=%s %s",
		op.Method, op.Paths, p.DelegatedWork, p.DelegatedPersonal, p.Application, p.NotSupported,
		op.Response.Status, op.RequestBody.Kind, op.Response.Kind, op.Response.Type)
}
