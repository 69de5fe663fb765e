package graphrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
)

// This file decodes and encodes the models of polymorphic families: a
// value whose declared type has derived types is decoded, by its
// "@odata.type", into the derived model, which its base model keeps (the
// generated Derived and As<Type> methods hand it out); the base model's
// own fields are copied from it. Copying goes by JSON member name, so
// that it needs no generated code per pair of types.

// UnmarshalPolymorphic decodes data into the struct v points to (a
// method-less copy of a base model), as UnmarshalModel does, unless the
// object's "@odata.type" names a type derived from v's: newDerived, given
// that qualified name without its "#", returns a new model of it (nil for
// the base type itself and for names it does not know, which decode as
// the base type). The object is then decoded once, into that model, which
// is stored in *derived; v's fields and *extra are copied from it (a
// shallow copy: the members the derived model declares are in its fields,
// not in *extra). Generated base models call it from UnmarshalJSON:
//
//	func (m *DirectoryObject) UnmarshalJSON(b []byte) error {
//		return graphrt.UnmarshalPolymorphic(b, m, &m.AdditionalData, &m.derived, func(name []byte) any {
//			switch string(name) {
//			case "microsoft.graph.user":
//				return new(User)
//			}
//			return nil
//		})
//	}
func UnmarshalPolymorphic(data []byte, v any, extra *map[string]json.RawMessage, derived *any, newDerived func(name []byte) any) error {
	*derived = nil
	var d any
	if name := odataTypeName(data); name != nil {
		d = newDerived(name)
	}
	u, ok := d.(json.Unmarshaler)
	if !ok {
		return UnmarshalModel(data, v, extra)
	}
	if err := u.UnmarshalJSON(data); err != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("graphrt.UnmarshalPolymorphic: %T is not a pointer to a struct", v)
	}
	rv.Elem().SetZero()
	if err := copyModel(v, d); err != nil {
		return err
	}
	*extra = additionalData(d)
	*derived = d
	return nil
}

// MarshalPolymorphic encodes a base model: v is the model (a pointer to
// it, as MarshalModel takes it), extra its AdditionalData and derived the derived model it holds (nil:
// it is encoded as MarshalModel encodes it). With a derived model, the
// object written is that model with the fields the base declares, and
// AdditionalData, taken from the base, so that a change made through
// either is sent.
func MarshalPolymorphic(v any, extra map[string]json.RawMessage, derived any) ([]byte, error) {
	if derived == nil {
		return MarshalModel(v, extra)
	}
	dv := reflect.ValueOf(derived)
	if dv.Kind() != reflect.Pointer || dv.IsNil() || dv.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("graphrt.MarshalPolymorphic: %T is not a pointer to a model", derived)
	}
	out := reflect.New(dv.Elem().Type())
	out.Elem().Set(dv.Elem())
	if err := copyModel(out.Interface(), v); err != nil {
		return nil, err
	}
	setAdditionalData(out.Elem(), extra)
	return json.Marshal(out.Interface())
}

// CopyModel sets each field of the struct dst points to from the field of
// src (a struct or a pointer to one) that has the same JSON name and Go
// type, and dst's AdditionalData from src's: it makes a base model's view
// of a derived one (a shallow copy). Fields src lacks are left as they
// are.
func CopyModel(dst, src any) {
	if copyModel(dst, src) == nil {
		setAdditionalData(reflect.ValueOf(dst).Elem(), additionalData(src))
	}
}

// copyModel sets the fields of dst that src has.
func copyModel(dst, src any) error {
	dv, sv := reflect.ValueOf(dst), reflect.Indirect(reflect.ValueOf(src))
	if dv.Kind() != reflect.Pointer || dv.IsNil() || dv.Elem().Kind() != reflect.Struct || sv.Kind() != reflect.Struct {
		return fmt.Errorf("graphrt: cannot copy a model from %T to %T", src, dst)
	}
	dv = dv.Elem()
	for _, p := range copyPlanOf(dv.Type(), sv.Type()).fields {
		dv.Field(p[0]).Set(sv.Field(p[1]))
	}
	return nil
}

// additionalData returns the AdditionalData of the model m (a struct or a
// pointer to one), nil when it has none.
func additionalData(m any) map[string]json.RawMessage {
	v := reflect.Indirect(reflect.ValueOf(m))
	if v.Kind() != reflect.Struct {
		return nil
	}
	if i := copyPlanOf(v.Type(), v.Type()).extra; i >= 0 {
		return v.Field(i).Interface().(map[string]json.RawMessage)
	}
	return nil
}

// setAdditionalData sets the AdditionalData field of the struct v, when
// it has one.
func setAdditionalData(v reflect.Value, extra map[string]json.RawMessage) {
	if i := copyPlanOf(v.Type(), v.Type()).extra; i >= 0 {
		v.Field(i).Set(reflect.ValueOf(extra))
	}
}

// additionalDataType is the type of a model's AdditionalData.
var additionalDataType = reflect.TypeFor[map[string]json.RawMessage]()

// copyPlan lists the fields a copy between two struct types sets: pairs
// of (destination, source) field indexes, and the index of the source's
// AdditionalData (-1: none).
type copyPlan struct {
	fields [][2]int
	extra  int
}

// copyPlans caches copy plans by destination type, then source type (two
// levels, so that a lookup boxes no pair of types).
var copyPlans sync.Map // reflect.Type → *sync.Map of reflect.Type → *copyPlan

// copyPlanOf returns the plan of a copy from src to dst.
func copyPlanOf(dst, src reflect.Type) *copyPlan {
	bySrc, ok := copyPlans.Load(dst)
	if !ok {
		bySrc, _ = copyPlans.LoadOrStore(dst, new(sync.Map))
	}
	if p, ok := bySrc.(*sync.Map).Load(src); ok {
		return p.(*copyPlan)
	}
	p := &copyPlan{extra: -1}
	from := planOf(src)
	for name, di := range planOf(dst).fields {
		if si, ok := from.fields[name]; ok && dst.Field(di).Type == src.Field(si).Type {
			p.fields = append(p.fields, [2]int{di, si})
		}
	}
	if f, ok := src.FieldByName("AdditionalData"); ok && f.Type == additionalDataType && len(f.Index) == 1 {
		p.extra = f.Index[0]
	}
	bySrc.(*sync.Map).Store(src, p)
	return p
}

// DefaultODataType sets *p to name when it is nil or empty: a model of a
// polymorphic family says which type it is when it is sent.
func DefaultODataType(p **string, name string) {
	if *p == nil || **p == "" {
		*p = &name
	}
}

// odataTypeName returns the "@odata.type" of the JSON object data, without
// its "#", or nil when it has none (or data is not an object). It reads
// the first member directly, where Graph puts it, and otherwise walks the
// object's members without decoding them.
func odataTypeName(data []byte) []byte {
	start := skipSpace(data, 0)
	if start >= len(data) || data[start] != '{' {
		return nil
	}
	var name []byte
	_, _ = forMembers(data, start, func(key []byte, escaped bool, at int) (int, error) {
		end, err := valueEnd(data, at)
		if err != nil || string(memberName(key, escaped)) != "@odata.type" || data[at] != '"' {
			return end, err
		}
		name = stringValue(data[at:end])
		return 0, errFound
	})
	return bytes.TrimPrefix(name, []byte("#"))
}

// errFound stops a walk over members once what it looks for is found.
var errFound = fmt.Errorf("found")

// stringValue returns the content of the valid JSON string quoted.
func stringValue(quoted []byte) []byte {
	if bytes.IndexByte(quoted, '\\') < 0 {
		return quoted[1 : len(quoted)-1]
	}
	var s string
	_ = json.Unmarshal(quoted, &s)
	return []byte(s)
}
