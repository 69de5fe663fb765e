package graphrt

import (
	"strconv"
	"strings"
)

// Select returns an Option that sets $select to the given properties.
func Select(properties ...string) Option {
	return WithQuery("$select", strings.Join(properties, ","))
}

// Expand returns an Option that sets $expand to the given relationships.
func Expand(relationships ...string) Option {
	return WithQuery("$expand", strings.Join(relationships, ","))
}

// Filter returns an Option that sets $filter to an OData expression, such
// as "startswith(displayName,'a')".
func Filter(expression string) Option {
	return WithQuery("$filter", expression)
}

// OrderBy returns an Option that sets $orderby, e.g. "displayName desc".
func OrderBy(keys ...string) Option {
	return WithQuery("$orderby", strings.Join(keys, ","))
}

// Top returns an Option that sets $top, the page size.
func Top(n int) Option {
	return WithQuery("$top", strconv.Itoa(n))
}

// Skip returns an Option that sets $skip.
func Skip(n int) Option {
	return WithQuery("$skip", strconv.Itoa(n))
}

// Search returns an Option that sets $search; Graph expects the terms in
// double quotes, e.g. Search(`"displayName:Adele"`). On operations whose
// docs ask for it, the client adds "ConsistencyLevel: eventual".
func Search(terms string) Option {
	return WithQuery("$search", terms)
}

// Count returns an Option that asks for @odata.count ($count=true).
func Count() Option {
	return WithQuery("$count", "true")
}
