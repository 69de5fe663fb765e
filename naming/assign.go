package naming

import (
	"github.com/graphgen-dev/graphgen/internal/par"
	"github.com/graphgen-dev/graphgen/ir"
)

// Assign computes every Go name of api: client method names, operation
// names, path parameter names and mock patterns, packages and types. A
// method's name comes from its route alone (see methods.go and the README's
// naming rule), so that adding or editing one page never renames the
// method of another; what two pages still name alike is resolved by
// routeClashes and, after ownership is decided, by Own.
func Assign(api *ir.API) []ir.Diagnostic {
	par.Each(len(api.Operations), func(i int) { // each operation's own names
		op := api.Operations[i]
		for _, r := range op.Routes {
			nameParams(r)
		}
		subject, _, _ := pageSubject(op.ID)
		routeNames(op, subject)
	})
	assignPackages(api.Operations)
	routeClashes(api.Operations)
	diags := assignTypes(api.Types)
	assignBodies(api.Operations, api.Types)
	return diags
}
