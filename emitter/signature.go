package emitter

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphgen-dev/graphgen/ir"
)

// Signatures returns the declarations of the client methods that route r
// of op has in its area package when Emit generates api with opts, e.g.
// "func (c *Client) UserGet(ctx context.Context, id string, opts
// ...graphrt.Option) (*graph.User, error)": one, or two for a paged
// collection (the list, then its Page method). Types of the root package
// are qualified by the name the area's files import it by.
func Signatures(api *ir.API, opts Options, op *ir.Operation, r *ir.Route) ([]string, error) {
	root := opts.ImportPath
	if root == "" {
		root = opts.Package
	}
	var area []*ir.Operation
	for _, o := range api.Operations {
		if o.Package == op.Package {
			area = append(area, o)
		}
	}
	rootName := rootAlias(area, opts.Package)
	methods := routeMethods(op, r, modelIndex(api, root)[op.Version], rootName, len(op.Routes) > 0 && op.Routes[primary(op)] == r)
	sigs := make([]string, len(methods))
	for i, m := range methods {
		f := jen.NewFilePathName(root+"/"+op.Package, op.Package)
		f.ImportName(RuntimePath, "graphrt")
		f.ImportAlias(root, rootName)
		f.Add(m.decl(false))
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			return nil, fmt.Errorf("signature of %s: %w", m.name, err)
		}
		sigs[i] = declLine(buf.String())
	}
	return sigs, nil
}

// declLine cuts the one function declaration, with an empty body, out of
// a rendered file: "func (c *Client) X(...) T".
func declLine(file string) string {
	decl := file[strings.Index(file, "\nfunc ")+1:]
	decl = strings.TrimSpace(decl)
	decl = strings.TrimSuffix(decl, "{}")
	decl = strings.TrimSuffix(decl, "{\n}")
	return strings.TrimSpace(decl)
}
