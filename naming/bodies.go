package naming

import (
	"strconv"

	"github.com/graphgen-dev/graphgen/ir"
)

// assignBodies names the request structs of parameter-table bodies
// (UserAssignLicense → UserAssignLicenseRequest, or ...RequestBody when a
// documented type already has that name) and their fields.
func assignBodies(ops []*ir.Operation, types []*ir.Type) {
	taken := map[string]bool{}
	for _, t := range types {
		taken[t.GoName] = true
	}
	for _, op := range ops {
		b := &op.RequestBody
		if b.Kind != ir.KindParameters {
			continue
		}
		b.GoName = op.GoName + "Request"
		if taken[b.GoName] {
			b.GoName = op.GoName + "RequestBody"
		}
		used := map[string]string{"AdditionalData": "\x00"}
		for i := range b.Params {
			p := &b.Params[i]
			base := Exported(Words(p.Name))
			if base == "" || !(base[0] >= 'A' && base[0] <= 'Z') {
				base = "P" + base
			}
			name := base
			for n := 2; used[name] != "" && used[name] != p.Name; n++ {
				name = base + strconv.Itoa(n)
			}
			used[name] = p.Name
			p.GoName = name
		}
	}
}
