// Package graphgen ties the pipeline together: it reads Microsoft Graph API
// reference pages into an IR (parser), names it (naming) and prints Go
// (emitter). It also embeds the bundled docs of testdata/docs, the default
// input of the graphgen command.
package graphgen

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"

	"github.com/graphgen-dev/graphgen/emitter"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
	"github.com/graphgen-dev/graphgen/parser"
)

//go:embed testdata/docs
var bundled embed.FS

// BundledDocs returns the docs of testdata/docs: real pages from the
// English and Brazilian-Portuguese Graph docs, the seed page and crafted
// bad pages.
func BundledDocs() fs.FS {
	sub, err := fs.Sub(bundled, "testdata/docs")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

// Load reads every docs tree and returns the named API. Positions are
// relative to each tree's root. An error is returned only when a tree
// cannot be read; problems in pages are diagnostics in the API.
func Load(roots ...fs.FS) (*ir.API, error) {
	trees := make([]Tree, len(roots))
	for i, r := range roots {
		trees[i] = Tree{FS: r}
	}
	return LoadTrees(trees...)
}

// Tree is a docs tree with the name its positions get when several trees
// are read together (the DOCS argument as given).
type Tree struct {
	Name string
	FS   fs.FS
	// Version is the API version of pages whose path inside FS names none
	// ("v1.0" when FS is api-reference/v1.0 itself); "" if unknown.
	Version string
}

// LoadTrees is Load for named trees: with more than one tree, every page
// path and position starts with its tree's name, so that the same page in
// two trees stays distinct.
func LoadTrees(trees ...Tree) (*ir.API, error) {
	api := &ir.API{Operations: []*ir.Operation{}, Types: []*ir.Type{}, Skipped: []ir.Skip{}, Diagnostics: []ir.Diagnostic{}}
	for _, tree := range trees {
		one, err := parser.ParseTree(tree.FS, tree.Version)
		if err != nil {
			return nil, err
		}
		if len(trees) > 1 && tree.Name != "" {
			prefixPositions(one, strings.TrimSuffix(tree.Name, "/")+"/")
		}
		api.Pages += one.Pages
		api.Operations = append(api.Operations, one.Operations...)
		api.Types = append(api.Types, one.Types...)
		api.Skipped = append(api.Skipped, one.Skipped...)
		api.Diagnostics = append(api.Diagnostics, one.Diagnostics...)
	}
	parser.Resolve(api)
	api.Diagnostics = append(api.Diagnostics, naming.Assign(api)...)
	api.Diagnostics = append(api.Diagnostics, dropUnroutable(api)...)
	api.Diagnostics = append(api.Diagnostics, naming.Own(api.Operations)...) // among the routes the mock can serve
	parser.SortDiagnostics(api.Diagnostics)
	for i, d := range api.Diagnostics { // names from file names can be invalid UTF-8 too
		api.Diagnostics[i].Pos, api.Diagnostics[i].Message = strings.ToValidUTF8(d.Pos, "\uFFFD"), strings.ToValidUTF8(d.Message, "\uFFFD")
	}
	return api, nil
}

// prefixPositions puts prefix before every page path and position of api.
func prefixPositions(api *ir.API, prefix string) {
	for _, op := range api.Operations {
		op.Page, op.Source = prefix+op.Page, prefix+op.Source
		for _, r := range op.Routes {
			r.Source = prefix + r.Source
		}
		for i := range op.Examples {
			op.Examples[i].Source = prefix + op.Examples[i].Source
		}
	}
	for _, t := range api.Types {
		t.Page, t.Source = prefix+t.Page, prefix+t.Source
	}
	for i := range api.Skipped {
		api.Skipped[i].Page = prefix + api.Skipped[i].Page
	}
	for i := range api.Diagnostics {
		api.Diagnostics[i].Pos = prefix + api.Diagnostics[i].Pos
		if api.Diagnostics[i].Page != "" {
			api.Diagnostics[i].Page = prefix + api.Diagnostics[i].Page
		}
	}
}

// dropUnroutable removes routes whose mock pattern the runtime would
// refuse (a template the parser let through but no URL can match), with a
// warning, and operations left without routes.
func dropUnroutable(api *ir.API) []ir.Diagnostic {
	var diags []ir.Diagnostic
	ops := api.Operations[:0]
	for _, op := range api.Operations {
		routes := op.Routes[:0]
		for _, r := range op.Routes {
			if err := graphtest.CheckPattern("/" + op.Version + r.Pattern); err != nil {
				diags = append(diags, ir.Diagnostic{Pos: op.Source, Severity: ir.Warning, Page: op.Page,
					Message: fmt.Sprintf("path %q cannot be routed (%v); its client method is not generated", r.Path, err)})
				continue
			}
			routes = append(routes, r)
		}
		op.Routes = routes
		if len(routes) > 0 {
			ops = append(ops, op)
		} else {
			api.Skipped = append(api.Skipped, ir.Skip{Page: op.Page, Reason: "no path of " + op.ID + " can be routed"})
		}
	}
	api.Operations = ops
	return diags
}

// MarshalIR is the JSON form of the IR printed by "graphgen ir": indented,
// with <, > and & kept as they are.
func MarshalIR(api *ir.API) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(api); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Errors counts the diagnostics of severity error.
func Errors(api *ir.API) int {
	n := 0
	for _, d := range api.Diagnostics {
		if d.Severity == ir.Error {
			n++
		}
	}
	return n
}

// Generate prints api as the Go package pkg. It refuses an API with error
// diagnostics: their output would be wrong.
func Generate(api *ir.API, opts emitter.Options) ([]emitter.File, error) {
	if n := Errors(api); n > 0 {
		return nil, fmt.Errorf("%d errors in the docs; nothing generated", n)
	}
	return emitter.Emit(api, opts)
}
