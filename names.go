package graphgen

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// NameStats measures the client method names of an API: what a reader
// types after the package name.
type NameStats struct {
	Methods     int
	Median, Max int
	Longest     []string // package.Method of the longest names, longest first
}

// MeasureNames measures the method names generated for api: every route
// with a method of its own, and its one-page variant.
func MeasureNames(api *ir.API) *NameStats {
	var names []string
	for _, op := range api.Operations {
		if op.SameAs != "" {
			continue
		}
		for _, r := range op.Routes {
			if r.SameAs != "" {
				continue
			}
			for _, n := range []string{r.GoName, r.PageGoName} {
				if n != "" {
					names = append(names, op.Package+"."+n)
				}
			}
		}
	}
	s := &NameStats{Methods: len(names)}
	if len(names) == 0 {
		return s
	}
	length := func(n string) int { return len(n) - strings.IndexByte(n, '.') - 1 }
	slices.SortStableFunc(names, func(a, b string) int { return length(b) - length(a) })
	s.Max, s.Median = length(names[0]), length(names[len(names)/2])
	s.Longest = names[:min(5, len(names))]
	return s
}

// Print writes the measure in one line and the longest names.
func (s *NameStats) Print(w io.Writer) {
	fmt.Fprintf(w, "  client method names: %d, median %d characters, longest %d (%s)\n", s.Methods, s.Median, s.Max, strings.Join(s.Longest, ", "))
}
