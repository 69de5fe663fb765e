package graphrt

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"time"
)

// This file decodes one JSON value into a Go value in a single pass over
// the input, the way encoding/json would, with two differences that
// models need: timestamps without a zone are read as UTC (decodeTime),
// and models nested in the value are decoded by their own UnmarshalJSON
// from a sub-slice of the input. The types models use (strings, bools,
// numbers, timestamps, string slices, raw JSON, named strings, pointers
// and slices of these) are decoded here; any other value is handed to
// json.Unmarshal, which then gives encoding/json's result and error.

// unmarshalerType and textUnmarshalerType are the interfaces that take a
// value out of the fast paths.
var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decodeWhole decodes data, which must hold exactly one JSON value, into
// the value ptr points to.
func decodeWhole(ptr any, data []byte) error {
	start := skipSpace(data, 0)
	end, err := decodeAt(ptr, data, start)
	if err == nil && skipSpace(data, end) != len(data) {
		err = errSyntax
	}
	if errors.Is(err, errSyntax) {
		return syntaxError(data)
	}
	return err
}

// decodeAt decodes the JSON value that starts at data[i] into the value
// ptr points to and returns where the value ends. Invalid JSON gives
// errSyntax.
func decodeAt(ptr any, data []byte, i int) (int, error) {
	if i >= len(data) {
		return 0, errSyntax
	}
	if end, done, err := decodeFast(ptr, data, i); done {
		return end, err
	}
	return decodeSlow(ptr, data, i)
}

// decodeSlow hands the value at data[i] to ptr's UnmarshalJSON, or to
// json.Unmarshal.
func decodeSlow(ptr any, data []byte, i int) (int, error) {
	end, err := valueEnd(data, i)
	if err != nil {
		return 0, err
	}
	if u, ok := ptr.(json.Unmarshaler); ok {
		return end, u.UnmarshalJSON(data[i:end])
	}
	return end, json.Unmarshal(data[i:end], ptr)
}

// decodeFast decodes the value at data[i] when ptr's type and the value's
// kind have a fast path here (done); otherwise the caller uses decodeSlow.
func decodeFast(ptr any, data []byte, i int) (end int, done bool, err error) {
	switch p := ptr.(type) {
	case *string:
		return decodeString(p, data, i)
	case **string:
		if data[i] == 'n' { // stays nil
			end, err = literalEnd(data, i, "null")
			return end, true, err
		}
		s := new(string)
		if end, done, err = decodeString(s, data, i); done && err == nil {
			*p = s
		}
		return end, done, err
	case *json.RawMessage:
		if end, err = valueEnd(data, i); err == nil {
			*p = append((*p)[:0], data[i:end]...)
		}
		return end, true, err
	case *time.Time:
		return decodeTime(p, data, i)
	case **time.Time:
		return decodePointer(reflect.ValueOf(p).Elem(), data, i)
	case *[]string:
		return decodeSlice(reflect.ValueOf(p).Elem(), data, i)
	case *[]time.Time:
		return decodeSlice(reflect.ValueOf(p).Elem(), data, i)
	}
	return decodeByKind(reflect.ValueOf(ptr).Elem(), data, i)
}

// decodeByKind decodes into v (addressable) by its kind: bools, numbers,
// strings, pointers and slices without JSON methods of their own.
func decodeByKind(v reflect.Value, data []byte, i int) (int, bool, error) {
	if t := reflect.PointerTo(v.Type()); t.Implements(unmarshalerType) || t.Implements(textUnmarshalerType) {
		return 0, false, nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		return decodePointer(v, data, i)
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Uint8 { // []byte is base64
			return decodeSlice(v, data, i)
		}
	case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if data[i] == 'n' { // encoding/json leaves the value as it is
			end, err := literalEnd(data, i, "null")
			return end, true, err
		}
		return decodeScalar(v, data, i)
	}
	return 0, false, nil
}

// decodeScalar decodes a bool, a string or a number into v, of that kind.
func decodeScalar(v reflect.Value, data []byte, i int) (int, bool, error) {
	switch v.Kind() {
	case reflect.Bool:
		return decodeBool(v, data, i)
	case reflect.String:
		var s string
		end, done, err := decodeString(&s, data, i)
		if done && err == nil {
			v.SetString(s)
		}
		return end, done, err
	}
	if data[i] != '-' && !isDigit(data[i]) {
		return 0, false, nil
	}
	end, err := numberEnd(data, i)
	if err != nil {
		return 0, true, err
	}
	return end, setNumber(v, data[i:end]), nil
}

// decodeString decodes a JSON string that needs no unescaping into *p;
// null leaves *p as it is.
func decodeString(p *string, data []byte, i int) (int, bool, error) {
	switch data[i] {
	case 'n':
		end, err := literalEnd(data, i, "null")
		return end, true, err
	case '"':
		end, decode, err := stringEnd(data, i)
		if err != nil || decode {
			return end, err != nil, err // escapes: encoding/json unquotes them
		}
		*p = string(data[i+1 : end-1])
		return end, true, nil
	}
	return 0, false, nil
}

// decodeBool decodes true or false into v.
func decodeBool(v reflect.Value, data []byte, i int) (int, bool, error) {
	word := "true"
	switch data[i] {
	case 't':
	case 'f':
		word = "false"
	default:
		return 0, false, nil
	}
	end, err := literalEnd(data, i, word)
	if err == nil {
		v.SetBool(word == "true")
	}
	return end, true, err
}

// setNumber sets v (an integer or a float) to the JSON number num when
// it fits; a fraction or an exponent for an integer, or an overflow, is
// left to encoding/json and its error (false).
func setNumber(v reflect.Value, num []byte) bool {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(string(num), v.Type().Bits())
		if err != nil || v.OverflowFloat(f) {
			return false
		}
		v.SetFloat(f)
		return true
	}
	n, ok := smallInt(num)
	switch {
	case !ok:
		return false
	case v.CanInt() && !v.OverflowInt(n):
		v.SetInt(n)
	case v.CanUint() && n >= 0 && !v.OverflowUint(uint64(n)):
		v.SetUint(uint64(n))
	default:
		return false
	}
	return true
}

// smallInt reads an integer of at most 18 digits, which an int64 always
// holds, without allocating; other numbers are not read (false).
func smallInt(num []byte) (int64, bool) {
	neg := len(num) > 0 && num[0] == '-'
	if neg {
		num = num[1:]
	}
	if len(num) == 0 || len(num) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range num {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// isDigit reports a decimal digit.
func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// decodePointer decodes into a new value for the nil pointer v; null
// leaves it nil.
func decodePointer(v reflect.Value, data []byte, i int) (int, bool, error) {
	if data[i] == 'n' {
		end, err := literalEnd(data, i, "null")
		if err == nil {
			v.SetZero()
		}
		return end, true, err
	}
	p := reflect.New(v.Type().Elem())
	end, err := decodeAt(p.Interface(), data, i)
	if err == nil {
		v.Set(p)
	}
	return end, true, err
}

// decodeSlice decodes an array into the slice v, element by element;
// null leaves it nil and [] makes it empty (not nil), as encoding/json
// does.
func decodeSlice(v reflect.Value, data []byte, i int) (int, bool, error) {
	switch data[i] {
	case 'n':
		end, err := literalEnd(data, i, "null")
		if err == nil {
			v.SetZero()
		}
		return end, true, err
	case '[':
	default:
		return 0, false, nil
	}
	v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	n := 0
	end, err := forElements(data, i, func(e int) (int, error) {
		if n == v.Cap() {
			v.Grow(1)
		}
		v.SetLen(n + 1)
		n++
		return decodeAt(v.Index(n-1).Addr().Interface(), data, e)
	})
	return end, true, err
}

// zonelessLayout is the form of the timestamps without a zone that Graph
// returns for some properties ("2019-02-07T21:57:05", also with up to 7
// fractional digits); they are read as UTC.
const zonelessLayout = "2006-01-02T15:04:05"

// decodeTime decodes a timestamp into *p: RFC 3339 as time.Time reads it,
// else a timestamp without a zone, as UTC. Other values (null, numbers)
// are left to time.Time's UnmarshalJSON.
func decodeTime(p *time.Time, data []byte, i int) (int, bool, error) {
	if data[i] != '"' {
		return 0, false, nil
	}
	end, decode, err := stringEnd(data, i)
	if err != nil {
		return 0, true, err
	}
	if err = p.UnmarshalJSON(data[i:end]); err != nil {
		if t, ok := zonelessTime(data[i:end], decode); ok {
			*p, err = t, nil
		}
	}
	return end, true, err
}

// zonelessTime reads the JSON string quoted as a timestamp without a zone,
// in UTC.
func zonelessTime(quoted []byte, decode bool) (time.Time, bool) {
	s := string(quoted[1 : len(quoted)-1])
	if decode && json.Unmarshal(quoted, &s) != nil {
		return time.Time{}, false
	}
	t, err := time.Parse(zonelessLayout, s)
	return t, err == nil
}
