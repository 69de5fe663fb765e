package graphtest

import (
	"reflect"
	"slices"
)

// anyObject is the type CheckRequired checks a body against: a JSON object
// with any members.
var anyObject = reflect.TypeFor[struct{}]()

// CheckRequired returns a body check for a mock without the generated Go
// types (graphgen serve): the body must be a JSON object in which every
// required member is present and not null. Unlike CheckJSON, it lets
// through members the docs do not declare and values of any type.
func CheckRequired(required ...string) func(body []byte) error {
	required = slices.Clone(required)
	return func(body []byte) error {
		return checkBody(body, anyObject, false, required)
	}
}
