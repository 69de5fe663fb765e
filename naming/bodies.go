package naming

import "github.com/graphgen-dev/graphgen/ir"

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
		used := modelFields()
		delete(used, "ODataType") // request structs have no ODataType field
		for i := range b.Params {
			b.Params[i].GoName = fieldName(used, b.Params[i].Name)
		}
	}
}
