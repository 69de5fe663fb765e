package naming

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// assignPackages puts each operation in the package of its area: the first
// word of its page id ("user" for user-get, "driveitem" for
// driveitem-list-children), the first two for Intune pages
// ("intunedevices" for intune-devices-manageddevice-get), whose single
// area would hold most of the API. Names keep only ASCII letters and
// digits, lower-cased; a name Go or the go command gives a meaning to
// (keywords, predeclared identifiers, the packages generated code
// imports, testdata, vendor, internal) gets "api" added, one that starts
// with a digit gets "api" before it. When v1.0 and beta are generated
// together, beta's areas get "beta" after their name (userbeta), so that
// the two versions never share a package.
func assignPackages(ops []*ir.Operation) {
	both := false
	for _, op := range ops {
		both = both || op.Version != ops[0].Version
	}
	for _, op := range ops {
		area, _, _ := pageSubject(op.ID)
		if both && op.Version == "beta" {
			area += "beta"
		}
		op.Package = PackageName(area)
	}
}

// PackageName makes word a package and directory name that cannot clash
// with what Go or the go command reserve.
func PackageName(word string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(word) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	name := b.String()
	switch {
	case name != "" && name[0] >= '0' && name[0] <= '9':
		name = "api" + name // "1st" + "api" would still start with a digit
	case name == "" || token.IsKeyword(name) || reservedPackages[name] || types.Universe.Lookup(name) != nil:
		name += "api"
	}
	return name
}

// reservedPackages are directory names with a meaning to the go command
// and the names of packages generated code imports.
var reservedPackages = func() map[string]bool {
	m := map[string]bool{"testdata": true, "vendor": true, "internal": true, "main": true}
	for _, name := range Imports {
		m[name] = true
	}
	return m
}()
