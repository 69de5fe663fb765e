package graphrt

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// knownFields caches, per struct type, the JSON names of its fields.
var knownFields sync.Map // reflect.Type → map[string]bool

// fieldNames returns the JSON member names a struct type declares.
func fieldNames(t reflect.Type) map[string]bool {
	if v, ok := knownFields.Load(t); ok {
		return v.(map[string]bool)
	}
	names := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		if name := jsonName(t.Field(i)); name != "" {
			names[name] = true
		}
	}
	knownFields.Store(t, names)
	return names
}

// jsonName is the JSON member name of a field with a json tag, "" for
// fields without one or tagged "-" (encoding/json's rule: the tag "-"
// skips the field, "-," names the member "-").
func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	return name
}

// UnmarshalModel decodes data into the struct v points to and keeps every
// member v does not declare in *extra, so that nothing the service sends is
// lost. Generated models call it from UnmarshalJSON with a method-less copy
// of their own type:
//
//	func (m *User) UnmarshalJSON(b []byte) error {
//		type plain User
//		return graphrt.UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
//	}
func UnmarshalModel(data []byte, v any, extra *map[string]json.RawMessage) error {
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return err
	}
	known := fieldNames(reflect.TypeOf(v).Elem())
	exactMembers(reflect.ValueOf(v).Elem(), all)
	*extra = nil
	for k, raw := range all {
		// Undeclared members, and declared ones sent as null or [] (which
		// the model's omitempty field cannot repeat), are kept.
		if !known[k] || isNullOrEmptyArray(raw) {
			if *extra == nil {
				*extra = map[string]json.RawMessage{}
			}
			(*extra)[k] = raw
		}
	}
	return nil
}

// isNullOrEmptyArray reports the JSON values null and [].
func isNullOrEmptyArray(raw json.RawMessage) bool {
	t := strings.Join(strings.Fields(string(raw)), "")
	return t == "null" || t == "[]"
}

// MarshalModel encodes the struct v (a method-less copy of a model) and
// adds the members of extra it does not declare.
func MarshalModel(v any, extra map[string]json.RawMessage) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return data, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	for k, raw := range extra {
		if _, declared := all[k]; !declared {
			all[k] = raw
		}
	}
	return json.Marshal(all)
}

// exactMembers undoes encoding/json's case-insensitive matching: a field
// gets the member with exactly its name, or stays zero when only a member
// with another case was sent (that member is kept as undeclared).
func exactMembers(v reflect.Value, all map[string]json.RawMessage) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name := jsonName(t.Field(i))
		if name == "" {
			continue
		}
		f := v.Field(i)
		if raw, ok := all[name]; ok {
			f.Set(reflect.Zero(f.Type()))
			_ = json.Unmarshal(raw, f.Addr().Interface()) // decoded once already without error
			continue
		}
		f.Set(reflect.Zero(f.Type()))
	}
}

// Decode decodes a JSON response body into a new T; an empty body gives
// nil. A body that only wraps an object in "value" beside OData
// annotations (as Intune answers) is unwrapped.
func Decode[T any](body json.RawMessage) (*T, error) {
	if len(body) == 0 {
		return nil, nil
	}
	body = unwrapValue(body)
	v := new(T)
	if err := json.Unmarshal(body, v); err != nil {
		return nil, err
	}
	return v, nil
}

// Object sends req with c and decodes the response into a new T (nil for
// an empty body): the call of an operation documented to return an object.
func Object[T any](ctx context.Context, c *Client, req *Request, opts ...Option) (*T, error) {
	raw, err := c.JSON(ctx, req, opts...)
	if err != nil {
		return nil, err
	}
	return Decode[T](raw)
}

// Collection sends req with c and decodes the "value" array of the
// response: the first page of a collection.
func Collection[T any](ctx context.Context, c *Client, req *Request, opts ...Option) ([]T, error) {
	raw, err := c.JSON(ctx, req, opts...)
	if err != nil {
		return nil, err
	}
	return DecodeCollection[T](raw)
}

// Value sends req with c and decodes a primitive response ({"value": x}
// or a bare x).
func Value[T any](ctx context.Context, c *Client, req *Request, opts ...Option) (T, error) {
	raw, err := c.JSON(ctx, req, opts...)
	if err != nil {
		var zero T
		return zero, err
	}
	return DecodeValue[T](raw)
}

// DecodeCollection decodes the "value" array of a collection response.
func DecodeCollection[T any](body json.RawMessage) ([]T, error) {
	if len(body) == 0 {
		return nil, nil
	}
	var page struct {
		Value []T `json:"value"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return nil, err
	}
	return page.Value, nil
}

// unwrapValue returns the object in {"value": {...}} when "value" is the
// only member besides "@..." annotations, else body.
func unwrapValue(body json.RawMessage) json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return body
	}
	v, ok := m["value"]
	if !ok || len(v) == 0 || v[0] != '{' {
		return body
	}
	for k := range m {
		if k != "value" && !strings.HasPrefix(k, "@") {
			return body
		}
	}
	return v
}

// DecodeValue decodes a primitive response: {"value": x} or a bare x.
func DecodeValue[T any](body json.RawMessage) (T, error) {
	var v T
	if len(body) == 0 {
		return v, nil
	}
	var wrapped struct {
		Value *T `json:"value"`
	}
	if json.Unmarshal(body, &wrapped) == nil && wrapped.Value != nil {
		return *wrapped.Value, nil
	}
	err := json.Unmarshal(body, &v)
	return v, err
}
