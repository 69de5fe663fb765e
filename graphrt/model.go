package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/graphgen-dev/graphgen/graphrt/internal/wire"
)

// modelPlan is what UnmarshalModel needs to know of a struct type: its
// name (for errors) and the field of each JSON member name it declares.
type modelPlan struct {
	name   string
	fields map[string]int // JSON member name → field index
}

// modelPlans caches the plan of each struct type.
var modelPlans sync.Map // reflect.Type → *modelPlan

// planOf returns the plan of the struct type t.
func planOf(t reflect.Type) *modelPlan {
	if p, ok := modelPlans.Load(t); ok {
		return p.(*modelPlan)
	}
	p := &modelPlan{name: t.Name(), fields: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		if name := wire.JSONName(t.Field(i)); name != "" {
			if _, dup := p.fields[name]; !dup {
				p.fields[name] = i
			}
		}
	}
	modelPlans.Store(t, p)
	return p
}

// UnmarshalModel decodes data into the struct v points to and keeps every
// member v does not declare in *extra, so that nothing the service sends is
// lost. It never calls v's own UnmarshalJSON, so generated models call it
// from theirs with themselves:
//
//	func (m *User) UnmarshalJSON(b []byte) error {
//		return graphrt.UnmarshalModel(b, m, &m.AdditionalData)
//	}
//
// (A method-less copy of the type, which older generated code passes,
// decodes the same.)
//
// It reads data once. A member fills the field whose json tag names it
// exactly (unlike encoding/json, "DisplayName" is not "displayName");
// every other member, and a declared one sent as null or [] (which the
// field's omitempty could not repeat), is kept in *extra as sent. Fields
// absent from data are zero. Timestamps without a zone
// ("2019-02-07T21:57:05", as Graph sends for some properties) are read as
// UTC; nested models decode through their own UnmarshalJSON. Errors are
// encoding/json's (*json.SyntaxError, *json.UnmarshalTypeError naming the
// member).
func UnmarshalModel(data []byte, v any, extra *map[string]json.RawMessage) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("graphrt.UnmarshalModel: %T is not a pointer to a struct", v)
	}
	start := skipSpace(data, 0)
	if start < len(data) && data[start] != '{' && data[start] != 'n' {
		return notAnObject(data, start, rv.Elem().Type())
	}
	end, err := decodeModel(rv.Elem(), extra, data, start)
	if err == nil && skipSpace(data, end) != len(data) {
		err = errSyntax
	}
	if errors.Is(err, errSyntax) {
		return syntaxError(data)
	}
	return err
}

// decodeModel decodes the object (or null) at data[i] into the struct v
// and *extra, and returns where it ends.
func decodeModel(v reflect.Value, extra *map[string]json.RawMessage, data []byte, i int) (int, error) {
	v.SetZero()
	*extra = nil
	if i < len(data) && data[i] == 'n' {
		return literalEnd(data, i, "null")
	}
	if i >= len(data) || data[i] != '{' {
		return 0, errSyntax
	}
	plan := planOf(v.Type())
	return forMembers(data, i, func(key []byte, escaped bool, at int) (int, error) {
		return plan.member(v, extra, data, memberName(key, escaped), at)
	})
}

// member decodes the member name whose value starts at data[i] into its
// field of v, or keeps it in *extra, and returns where the value ends.
func (p *modelPlan) member(v reflect.Value, extra *map[string]json.RawMessage, data, name []byte, i int) (int, error) {
	index, declared := p.fields[string(name)]
	if !declared {
		end, err := valueEnd(data, i)
		if err == nil {
			keep(extra, name, data[i:end])
		}
		return end, err
	}
	f := v.Field(index)
	f.SetZero() // a member sent twice: the last one counts
	end, err := decodeAt(f.Addr().Interface(), data, i)
	if err != nil {
		return 0, p.memberError(err, name, i)
	}
	if isNullOrEmptyArray(data[i:end]) {
		keep(extra, name, data[i:end])
	} else if _, kept := (*extra)[string(name)]; kept {
		forget(extra, name) // sent as null before
	}
	return end, nil
}

// forget removes the member name from *extra, leaving nil rather than an
// empty map.
func forget(extra *map[string]json.RawMessage, name []byte) {
	if delete(*extra, string(name)); len(*extra) == 0 {
		*extra = nil
	}
}

// keep stores a copy of the member name's raw value in *extra.
func keep(extra *map[string]json.RawMessage, name, raw []byte) {
	if *extra == nil {
		*extra = map[string]json.RawMessage{}
	}
	(*extra)[string(name)] = append(json.RawMessage(nil), raw...)
}

// memberError adds to a type error from the value of member name, which
// starts at offset i, the member and the struct, as encoding/json does
// ("Go struct field plain.message.subject").
func (p *modelPlan) memberError(err error, name []byte, i int) error {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		if te.Struct == "" {
			te.Struct = p.name
		}
		if te.Field == "" {
			te.Field = string(name)
		} else {
			te.Field = string(name) + "." + te.Field
		}
		te.Offset += int64(i)
	}
	var ee *EdmError
	if errors.As(err, &ee) {
		ee.Member = joinMember(string(name), ee.Member)
	}
	return err
}

// notAnObject is encoding/json's error for data, a JSON value other than
// an object or null that starts at data[start], decoded into the struct
// type t: a syntax error if data is not JSON, else a type error.
func notAnObject(data []byte, start int, t reflect.Type) error {
	if !json.Valid(data) {
		return syntaxError(data)
	}
	offset := start + 1 // where encoding/json stops: past "[" of an array, past a literal
	if data[start] != '[' {
		end, err := valueEnd(data, start)
		if err != nil {
			return syntaxError(data)
		}
		offset = end
	}
	return &json.UnmarshalTypeError{Value: jsonKind(data[start]), Type: t, Offset: int64(offset)}
}

// MarshalModel encodes the struct v points to (or v, a struct) exactly as
// encoding/json encodes a struct, but without calling v's own
// MarshalJSON, and then the members of extra it did not write, by name.
// Generated models call it from their MarshalJSON with themselves:
//
//	func (m User) MarshalJSON() ([]byte, error) {
//		return graphrt.MarshalModel(&m, m.AdditionalData)
//	}
//
// (A method-less copy of the type, which older generated code passes,
// encodes the same.) The struct is encoded by encoding/json as a twin
// type without methods, with the same fields in the same memory, made
// once per type at run time: a generated package of thousands of models
// declares no such copy of each. Models do not embed structs; one that
// does is an error.
func MarshalModel(v any, extra map[string]json.RawMessage) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Struct {
		c := reflect.New(rv.Type()) // addressable, to be seen as its twin
		c.Elem().Set(rv)
		rv = c
	}
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("graphrt.MarshalModel: %T is not a struct or a pointer to one", v)
	}
	t := rv.Elem().Type()
	plan, err := encodePlanOf(t)
	if err != nil {
		return nil, err
	}
	out, err := json.Marshal(reflect.NewAt(plan.twin, rv.UnsafePointer()).Interface())
	if err != nil || len(extra) == 0 {
		return out, err
	}
	written := make(map[string]bool, len(plan.fields))
	for _, f := range plan.fields {
		if !f.omitEmpty || !isEmptyValue(rv.Elem().Field(f.index)) {
			written[f.name] = true
		}
	}
	names := make([]string, 0, len(extra))
	for k := range extra {
		if !written[k] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	out = out[:len(out)-1] // the closing brace, written again below
	for _, k := range names {
		key, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		data, err := json.Marshal(extra[k]) // compacted and checked as encoding/json does
		if err != nil {
			return nil, err
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(append(append(out, key...), ':'), data...)
	}
	return append(out, '}'), nil
}

// encodePlan is what MarshalModel needs to know of a struct type: a twin
// type without methods, and the fields encoding/json writes.
type encodePlan struct {
	twin   reflect.Type
	fields []encodeField
}

// encodeField is a field encoding/json writes.
type encodeField struct {
	index     int
	name      string // the member's name
	omitEmpty bool
}

// encodePlans caches the plan of each struct type, or why it has none.
var encodePlans sync.Map // reflect.Type → *encodePlan or error

// encodePlanOf returns the plan of the struct type t.
func encodePlanOf(t reflect.Type) (*encodePlan, error) {
	if p, ok := encodePlans.Load(t); ok {
		if err, bad := p.(error); bad {
			return nil, err
		}
		return p.(*encodePlan), nil
	}
	p, err := newEncodePlan(t)
	if err != nil {
		encodePlans.Store(t, err)
		return nil, err
	}
	encodePlans.Store(t, p)
	return p, nil
}

// newEncodePlan makes the plan of the struct type t. The twin has t's
// fields, names, types and tags; an unexported field becomes an exported
// one that encoding/json leaves out, so that each field keeps its offset.
func newEncodePlan(t reflect.Type) (*encodePlan, error) {
	p := &encodePlan{}
	fields := make([]reflect.StructField, t.NumField())
	seen := map[string]bool{}
	for i := range fields {
		f := t.Field(i)
		if f.Anonymous {
			return nil, fmt.Errorf("graphrt.MarshalModel: %v embeds %v; a model declares its fields", t, f.Type)
		}
		fields[i] = reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag}
		tag := f.Tag.Get("json")
		if !f.IsExported() {
			fields[i].Name = fmt.Sprintf("Unexported%d_%s", i, f.Name)
			fields[i].Tag = `json:"-"`
			continue
		}
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		if !seen[name] { // two fields named alike: graphgen declares none
			seen[name] = true
			p.fields = append(p.fields, encodeField{index: i, name: name, omitEmpty: hasOption(opts, "omitempty")})
		}
	}
	p.twin = reflect.StructOf(fields)
	if p.twin.Size() != t.Size() {
		return nil, fmt.Errorf("graphrt.MarshalModel: %v has no twin of its layout", t)
	}
	for i := range fields {
		if p.twin.Field(i).Offset != t.Field(i).Offset {
			return nil, fmt.Errorf("graphrt.MarshalModel: %v has no twin of its layout", t)
		}
	}
	return p, nil
}

// hasOption reports whether the comma-separated options of a json tag
// include opt.
func hasOption(opts, opt string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == opt {
			return true
		}
	}
	return false
}

// isEmptyValue is encoding/json's omitempty test.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// Decode decodes a JSON response body into a new T; an empty body gives
// nil. A body that only wraps an object in "value" beside OData
// annotations (as Intune answers) is unwrapped.
func Decode[T any](body json.RawMessage) (*T, error) {
	if len(body) == 0 {
		return nil, nil
	}
	v := new(T)
	if err := decodeWhole(v, unwrapValue(body)); err != nil {
		return nil, err
	}
	return v, nil
}

// Object sends req with c and decodes the response into a new T (nil for
// an empty body): the call of an operation documented to return an object.
func Object[T any](ctx context.Context, c *Client, req *Request, opts ...Option) (*T, error) {
	raw, err := c.decodable(ctx, req, opts)
	if err != nil {
		return nil, err
	}
	v, err := Decode[T](raw)
	return v, decodingError(req.Method, c.where(req), err)
}

// Collection sends req with c and decodes the "value" array of the
// response: the first page of a collection.
func Collection[T any](ctx context.Context, c *Client, req *Request, opts ...Option) ([]T, error) {
	raw, err := c.decodable(ctx, req, opts)
	if err != nil {
		return nil, err
	}
	v, err := DecodeCollection[T](raw)
	return v, decodingError(req.Method, c.where(req), err)
}

// Value sends req with c and decodes a primitive response ({"value": x}
// or a bare x).
func Value[T any](ctx context.Context, c *Client, req *Request, opts ...Option) (T, error) {
	raw, err := c.decodable(ctx, req, opts)
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := DecodeValue[T](raw)
	return v, decodingError(req.Method, c.where(req), err)
}

// decodable sends req for a JSON body that the caller decodes at once:
// the decoder checks the JSON as it goes, so the body is not checked
// twice (Client.JSON checks it, since it hands it back as it is). A body
// of white space only is no body.
func (c *Client) decodable(ctx context.Context, req *Request, opts []Option) (json.RawMessage, error) {
	resp, err := c.do(ctx, req, decodedJSON, opts)
	if err != nil || len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil, err
	}
	return json.RawMessage(resp.Body), nil
}

// where is the URL req goes to, for messages (its path if it has none).
func (c *Client) where(req *Request) string {
	if u, err := c.requestURL(req); err == nil {
		return u.Redacted()
	}
	return req.Path
}

// decodingError says which call's answer did not decode: it was not JSON,
// or not of the documented shape.
func decodingError(method, where string, err error) error {
	var syntax *json.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		return fmt.Errorf("graph: %s %s: response body is not valid JSON: %w", method, where, err)
	}
	return fmt.Errorf("graph: %s %s: decoding the response: %w", method, where, err)
}

// DecodeCollection decodes the "value" array of a collection response.
func DecodeCollection[T any](body json.RawMessage) ([]T, error) {
	if len(body) == 0 {
		return nil, nil
	}
	var page wirePage[T]
	if err := decodeWhole(&page, body); err != nil {
		return nil, err
	}
	return page.Value, nil
}

// UnmarshalJSON decodes a collection page in one pass over b: the items
// of "value" (a model by its own UnmarshalJSON, from its part of b) and
// the paging annotations; other members are skipped. Member names match
// without regard to case, as encoding/json matches them.
func (w *wirePage[T]) UnmarshalJSON(b []byte) error {
	*w = wirePage[T]{}
	start := skipSpace(b, 0)
	if start < len(b) && b[start] != '{' && b[start] != 'n' {
		end, err := valueEnd(b, start)
		if err != nil {
			return syntaxError(b)
		}
		return &json.UnmarshalTypeError{Value: jsonKind(b[start]), Type: reflect.TypeOf(w).Elem(), Offset: int64(end)}
	}
	end, err := decodePage(w, b, start)
	if err == nil && skipSpace(b, end) != len(b) {
		err = errSyntax
	}
	if errors.Is(err, errSyntax) {
		return syntaxError(b)
	}
	return err
}

// decodePage decodes the object (or null) at data[i] into w.
func decodePage[T any](w *wirePage[T], data []byte, i int) (int, error) {
	if i < len(data) && data[i] == 'n' {
		return literalEnd(data, i, "null")
	}
	if i >= len(data) {
		return 0, errSyntax
	}
	return forMembers(data, i, func(key []byte, escaped bool, at int) (int, error) {
		name := memberName(key, escaped)
		switch {
		case bytes.EqualFold(name, []byte("value")):
			return decodeAt(&w.Value, data, at)
		case bytes.EqualFold(name, []byte("@odata.nextLink")):
			return decodeAt(&w.NextLink, data, at)
		case bytes.EqualFold(name, []byte("@odata.deltaLink")):
			return decodeAt(&w.DeltaLink, data, at)
		case bytes.EqualFold(name, []byte("@odata.count")):
			return decodeAt(&w.Count, data, at)
		}
		return valueEnd(data, at)
	})
}

// jsonKind names the kind of JSON value that starts with c, in
// encoding/json's words.
func jsonKind(c byte) string {
	switch c {
	case '"':
		return "string"
	case '[':
		return "array"
	case '{':
		return "object"
	case 't', 'f':
		return "bool"
	}
	return "number"
}

// errNotWrapped stops unwrapValue's walk at the first member that is
// neither "value" nor an annotation.
var errNotWrapped = errors.New("not a value wrapper")

// unwrapValue returns the object in {"value": {...}} when "value" is the
// only member besides "@..." annotations, else body. It walks the
// members without decoding them and stops at the first that rules the
// wrapper out.
func unwrapValue(body json.RawMessage) json.RawMessage {
	start := skipSpace(body, 0)
	if start >= len(body) || body[start] != '{' {
		return body
	}
	var value []byte
	_, err := forMembers(body, start, func(key []byte, escaped bool, at int) (int, error) {
		name := memberName(key, escaped)
		if string(name) != "value" && !bytes.HasPrefix(name, []byte("@")) {
			return 0, errNotWrapped
		}
		end, err := valueEnd(body, at)
		if string(name) == "value" {
			value = body[at:end]
		}
		return end, err
	})
	if err != nil || len(value) == 0 || value[0] != '{' {
		return body
	}
	return value
}

// DecodeValue decodes a primitive response: {"value": x} or a bare x.
func DecodeValue[T any](body json.RawMessage) (T, error) {
	var v T
	if len(body) == 0 {
		return v, nil
	}
	if raw, ok := valueMember(body); ok {
		var w T
		if decodeWhole(&w, raw) == nil {
			return w, nil
		}
	}
	err := decodeWhole(&v, body)
	return v, err
}

// valueMember returns the "value" member of the object body, when it has
// one that is not null (matched without regard to case, the last one
// sent, as encoding/json would).
func valueMember(body []byte) ([]byte, bool) {
	start := skipSpace(body, 0)
	if start >= len(body) || body[start] != '{' {
		return nil, false
	}
	var value []byte
	_, err := forMembers(body, start, func(key []byte, escaped bool, at int) (int, error) {
		end, err := valueEnd(body, at)
		if bytes.EqualFold(memberName(key, escaped), []byte("value")) {
			value = body[at:end]
		}
		return end, err
	})
	return value, err == nil && value != nil && string(value) != "null"
}
