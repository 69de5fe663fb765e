package graphtest

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/graphgen-dev/graphgen/graphrt/internal/wire"
)

// CheckJSON returns a body check for mocks of actions (parameter tables):
// the body must be a JSON object whose members T declares (OData
// annotations aside), of the types T declares, with every required member
// present and not null. Its errors speak the API's terms: member paths
// such as "addLicenses[0].skuId", JSON kinds and OData type names.
func CheckJSON[T any](required ...string) func(body []byte) error {
	t := reflect.TypeFor[T]()
	return func(body []byte) error {
		return checkBody(body, t, true, required)
	}
}

// CheckTypes returns a body check for mocks of resource bodies: members T
// declares must have T's types; other members are let through (the service
// accepts navigation bindings and properties of derived types).
func CheckTypes[T any]() func(body []byte) error {
	t := reflect.TypeFor[T]()
	return func(body []byte) error {
		return checkBody(body, t, false, nil)
	}
}

// checkBody checks a JSON body against the struct type t; strict refuses
// top-level members t does not declare, required lists members that must
// be present and not null.
func checkBody(body []byte, t reflect.Type, strict bool, required []string) error {
	if err := bodySyntaxError(body); err != nil {
		return err
	}
	c := &bodyChecker{scan: bodyScanner{b: body}, strict: strict, top: map[string]bool{}}
	if err := c.value(make(jsonPath, 0, 16), t); err != nil {
		return err
	}
	for _, name := range required {
		if !c.top[name] {
			return fmt.Errorf("required member %q is missing", name)
		}
	}
	return nil
}

// bodySyntaxError describes where body is not valid JSON, or returns nil. The
// offset is that of the offending byte, counted from 0, or the length of
// the body when it ends too soon.
func bodySyntaxError(body []byte) error {
	if json.Valid(body) {
		return nil
	}
	var se *json.SyntaxError
	if err := json.Unmarshal(body, new(json.RawMessage)); errors.As(err, &se) {
		offset := se.Offset // bytes read, the offending one included
		if offset > 0 && !strings.HasPrefix(se.Error(), "unexpected end") {
			offset--
		}
		return fmt.Errorf("request body is not valid JSON: %s at offset %d", se.Error(), offset)
	}
	return errors.New("request body is not valid JSON")
}

// bodyChecker walks a JSON body token by token beside the Go type it must
// fit, stopping at the first member that does not.
type bodyChecker struct {
	scan   bodyScanner
	strict bool
	top    map[string]bool // top-level members present and not null
	null   bool            // the last value checked was null
}

// Types the checker treats specially.
var (
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	timeType       = reflect.TypeFor[time.Time]()
)

// value checks the next JSON value against t; path names it (empty for
// the whole body).
func (c *bodyChecker) value(path jsonPath, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == rawMessageType || t.Kind() == reflect.Interface || decodesItself(t) {
		raw := c.scan.skip()
		c.null = string(raw) == "null"
		return checkDecodes(path, t, raw)
	}
	tok := c.scan.next()
	if c.null = tok.kind == 'n'; c.null && len(path) > 0 {
		return nil // null: unset
	}
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType {
			return checkTime(path, tok)
		}
		return c.object(path, t, tok)
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return checkBinary(path, tok)
		}
		return c.array(path, t.Elem(), tok)
	case reflect.Map:
		return c.mapValue(path, t.Elem(), tok)
	}
	return checkPrimitive(path, t, tok)
}

// jsonUnmarshaler is the type json.Unmarshaler.
var jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()

// decodesItself reports whether t has its own JSON decoding that the
// checker cannot follow member by member: an Unmarshaler other than
// time.Time that is not a struct of JSON members (models are).
func decodesItself(t reflect.Type) bool {
	if t == timeType || !reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return false
	}
	return t.Kind() != reflect.Struct || len(structInfoOf(t).fields) == 0
}

// checkDecodes checks a value of a type that decodes itself by decoding
// it; anything decodes into raw JSON and interfaces.
func checkDecodes(path jsonPath, t reflect.Type, raw json.RawMessage) error {
	if t == rawMessageType || t.Kind() == reflect.Interface || string(raw) == "null" && len(path) > 0 {
		return nil
	}
	if json.Unmarshal(raw, reflect.New(t).Interface()) == nil {
		return nil
	}
	got := string(raw)
	if len(got) > 40 {
		cut := 37
		for cut > 0 && !utf8.RuneStart(got[cut]) {
			cut--
		}
		got = got[:cut] + "..."
	}
	return fmt.Errorf("%s has an invalid value: %s", subject(path), got)
}

// object checks a JSON object against the struct type t, after its first
// token tok.
func (c *bodyChecker) object(path jsonPath, t reflect.Type, tok token) error {
	info := structInfoOf(t)
	if tok.kind != '{' {
		want := "an object"
		if len(path) == 0 {
			want = "a JSON object"
		}
		return mismatch(path, want, info.odataName, tok.kindName())
	}
	for c.scan.more() {
		key := c.scan.key()
		member := append(path, pathElem{key: key})
		ft, known := info.fields[string(key.text)]
		if key.escaped {
			ft, known = info.fields[key.str()]
		}
		var err error
		switch {
		case known:
			err = c.value(member, ft)
		case len(path) == 0 && c.strict && !key.hasByte('@'): // annotations: "@odata.type", "user@odata.bind"
			return fmt.Errorf("unknown member %q in the request body", key.str())
		default:
			err = c.value(member, rawMessageType)
		}
		if err != nil {
			return err
		}
		if len(path) == 0 {
			c.top[key.str()] = !c.null
		}
	}
	c.null = false
	return nil
}

// array checks a JSON array whose elements must fit elem.
func (c *bodyChecker) array(path jsonPath, elem reflect.Type, tok token) error {
	if tok.kind != '[' {
		return mismatch(path, "an array", "", tok.kindName())
	}
	for i := 0; c.scan.more(); i++ {
		if err := c.value(append(path, pathElem{index: i, isIndex: true}), elem); err != nil {
			return err
		}
	}
	c.null = false
	return nil
}

// mapValue checks a JSON object whose member values must fit elem.
func (c *bodyChecker) mapValue(path jsonPath, elem reflect.Type, tok token) error {
	if tok.kind != '{' {
		return mismatch(path, "an object", "", tok.kindName())
	}
	for c.scan.more() {
		if err := c.value(append(path, pathElem{key: c.scan.key()}), elem); err != nil {
			return err
		}
	}
	c.null = false
	return nil
}

// jsonPath is where a value sits in the body, spelled only when a message
// needs it: member names and array indexes from the top (empty for the
// body itself). Children append to their parent's path, reusing its array.
type jsonPath []pathElem

// pathElem is a member name or an array index.
type pathElem struct {
	key     token
	index   int
	isIndex bool
}

// String spells the path as "message.toRecipients[0].emailAddress".
func (p jsonPath) String() string {
	var b strings.Builder
	for i, e := range p {
		switch {
		case e.isIndex:
			b.WriteString("[" + strconv.Itoa(e.index) + "]")
		case i > 0:
			b.WriteString("." + e.key.str())
		default:
			b.WriteString(e.key.str())
		}
	}
	return b.String()
}

// checkPrimitive checks a string, boolean or number token against t.
func checkPrimitive(path jsonPath, t reflect.Type, tok token) error {
	var want string
	switch k := t.Kind(); {
	case k == reflect.String && tok.kind != '"':
		want = "a string"
	case k == reflect.Bool && tok.kind != 'b':
		want = "a boolean"
	case k == reflect.Float32 || k == reflect.Float64:
		if !numberFits(tok, func(n string) error { _, err := strconv.ParseFloat(n, t.Bits()); return err }) {
			want = "a number"
		}
	case reflect.Int <= k && k <= reflect.Int64:
		if !numberFits(tok, func(n string) error { _, err := strconv.ParseInt(n, 10, t.Bits()); return err }) {
			want = "an integer"
		}
	case reflect.Uint <= k && k <= reflect.Uint64:
		if !numberFits(tok, func(n string) error { _, err := strconv.ParseUint(n, 10, t.Bits()); return err }) {
			want = "an integer"
		}
	}
	if want == "" {
		return nil
	}
	got := tok.kindName()
	if tok.kind == '0' && want != "a string" && want != "a boolean" {
		got = tok.valueText() // out of range or not an integer
	}
	return mismatch(path, want, edmNames[t.Kind()], got)
}

// numberFits reports whether tok is a number that parse accepts.
func numberFits(tok token, parse func(string) error) bool {
	return tok.kind == '0' && parse(string(tok.text)) == nil
}

// edmNames are the OData primitive types that generated code declares
// with each Go integer kind (floats stand for several).
var edmNames = map[reflect.Kind]string{
	reflect.Int8: "Edm.SByte", reflect.Int16: "Edm.Int16", reflect.Int32: "Edm.Int32",
	reflect.Int64: "Edm.Int64", reflect.Uint8: "Edm.Byte",
}

// checkTime checks an Edm.DateTimeOffset: an RFC 3339 timestamp, or one
// without a zone offset (read as UTC), which Graph sends for some
// properties.
func checkTime(path jsonPath, tok token) error {
	if tok.kind == '"' {
		s := tok.str()
		if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return nil
		}
		if _, err := time.Parse("2006-01-02T15:04:05.999999999", s); err == nil {
			return nil
		}
	}
	return mismatch(path, "a timestamp such as \"2024-01-31T09:30:00Z\"", "Edm.DateTimeOffset", tok.valueText())
}

// checkBinary checks an Edm.Binary: a base64-encoded string.
func checkBinary(path jsonPath, tok token) error {
	if tok.kind == '"' {
		if _, err := base64.StdEncoding.DecodeString(tok.str()); err == nil {
			return nil
		}
	}
	return mismatch(path, "a base64-encoded string", "Edm.Binary", tok.valueText())
}

// mismatch describes a value that does not fit: `member "message" must be
// an object (microsoft.graph.message), got a number`.
func mismatch(path jsonPath, want, typeName, got string) error {
	if typeName != "" {
		want += " (" + typeName + ")"
	}
	return fmt.Errorf("%s must be %s, got %s", subject(path), want, got)
}

// subject names a path in a message: `member "a.b[0]"`, or the request
// body for the empty path.
func subject(path jsonPath) string {
	if len(path) == 0 {
		return "request body"
	}
	return fmt.Sprintf("member %q", path.String())
}

// structInfo is what the checker needs of a struct type: the types of its
// JSON members and the OData type it models.
type structInfo struct {
	fields    map[string]reflect.Type
	odataName string
}

// structInfos caches structInfo by type.
var structInfos sync.Map // reflect.Type → *structInfo

// structInfoOf returns the JSON members of struct type t and the OData
// name that generated models carry in the "odata" tag of their
// "@odata.type" field.
func structInfoOf(t reflect.Type) *structInfo {
	if v, ok := structInfos.Load(t); ok {
		return v.(*structInfo)
	}
	info := &structInfo{fields: map[string]reflect.Type{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := wire.JSONName(f)
		if name == "" || !f.IsExported() {
			continue
		}
		info.fields[name] = f.Type
		if name == "@odata.type" {
			info.odataName = f.Tag.Get("odata")
		}
	}
	structInfos.Store(t, info)
	return info
}
