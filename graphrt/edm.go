package graphrt

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Edm.Date, Edm.TimeOfDay and Edm.Duration values keep the text Graph
// sent: each type accepts only the forms whose text it writes back
// unchanged (Date) or keeps the text as written (TimeOfDay, Duration), so
// decoding and encoding a model reproduces the server's bytes. Text that
// is not such a value fails the decoding with an *EdmError naming it:
// a field that promises a date does not silently hold something else.

// EdmError is the error of a text that is not a value of an Edm type.
type EdmError struct {
	Type   string // "Edm.Date", "Edm.TimeOfDay" or "Edm.Duration"
	Text   string // the value as sent, without its JSON quotes
	Reason string // what is wrong with it
	// Member is the path of the member that held it in a decoded model
	// ("recurrence.range.startDate"), when there is one.
	Member string
}

// Error names the member, the type, the value and the reason.
func (e *EdmError) Error() string {
	where := ""
	if e.Member != "" {
		where = "member " + strconv.Quote(e.Member) + ": "
	}
	return fmt.Sprintf("graphrt: %s%q is not an %s: %s", where, e.Text, e.Type, e.Reason)
}

// joinMember puts the member name in front of the path inner.
func joinMember(name, inner string) string {
	if inner == "" {
		return name
	}
	return name + "." + inner
}

// edmErr returns an *EdmError.
func edmErr(typ, text, reason string) error {
	return &EdmError{Type: typ, Text: text, Reason: reason}
}

// jsonText returns the string a JSON value holds; null is ok with isNull
// set, anything but a string is an *EdmError of typ.
func jsonText(typ string, b []byte) (s string, isNull bool, err error) {
	if string(b) == "null" {
		return "", true, nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return "", false, edmErr(typ, string(b), "not a JSON string")
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return "", false, edmErr(typ, string(b), "not a JSON string")
	}
	return s, false, nil
}

// quoteJSON renders s as a JSON string.
func quoteJSON(s string) []byte {
	return strconv.AppendQuote(nil, s) // the forms accepted are ASCII digits and letters
}

// digits reads a run of ASCII digits of s from i, returning its end.
func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// twoDigits reads exactly two digits of s at i, at most max.
func twoDigits(s string, i, max int) (int, bool) {
	if i+2 > len(s) || digits(s, i) < i+2 {
		return 0, false
	}
	n := int(s[i]-'0')*10 + int(s[i+1]-'0')
	return n, n <= max
}
