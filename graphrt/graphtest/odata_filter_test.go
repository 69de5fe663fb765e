package graphtest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// filterObjects are the objects the filter table runs over.
const filterObjects = `[
 {"id":"a","displayName":"Ada Lovelace","age":36,"enabled":true,"mail":null,"address":{"city":"London"},
  "created":"2024-01-15T10:00:00Z","guid":"6f9619ff-8b86-d011-b42d-00c04fc964ff","tags":["x"]},
 {"id":"b","displayName":"Bob","age":17,"enabled":false,"address":{"city":"Paris"},"created":"2023-06-01T00:00:00Z"},
 {"id":"c","displayName":"O'Brien","age":36.5,"mail":"ob@contoso.com"}
]`

// decodeObjects decodes a JSON array of objects as the store holds them.
func decodeObjects(t testing.TB, text string) []map[string]any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	var objs []map[string]any
	if err := d.Decode(&objs); err != nil {
		t.Fatal(err)
	}
	return objs
}

func TestFilterMatches(t *testing.T) {
	objs := decodeObjects(t, filterObjects)
	cases := []struct{ expr, want string }{
		{"displayName eq 'bob'", "b"},
		{"displayName eq 'O''Brien'", "c"},
		{"displayName ne 'Bob'", "a c"},
		{"age gt 30", "a c"},
		{"age ge 36 and age lt 36.5", "a"},
		{"age le 17 or enabled eq true", "a b"},
		{"not (age gt 30)", "b"},
		{"not startswith(displayName,'B')", "a c"},
		{"mail eq null", "a b"},
		{"mail ne null", "c"},
		{"startswith(displayName,'a')", "a"},
		{"endswith(displayName,'BRIEN')", "c"},
		{"contains(displayName,'ove')", "a"},
		{"address/city eq 'London'", "a"},
		{"address/zip eq null", "a b c"},
		{"guid eq 6F9619FF-8B86-D011-B42D-00C04FC964FF", "a"},
		{"created ge 2024-01-01T00:00:00Z", "a"},
		{"created lt 2024-01-01", "b"},
		{"enabled", "a"},
		{"enabled eq false", "b"},
		{"id in ('a', 'c')", "a c"},
		{"(age eq 36 or age eq 17) and not startswith(displayName,'B')", "a"},
		{"age eq -1", ""},
		{"age eq 3.6e1", "a"},
		{"tags eq 'x'", ""},
		{"age gt 'x'", ""},
		{"displayName gt 'B'", "b c"},
		{"true", "a b c"},
		{"false", ""},
		{"1 eq 1", "a b c"},
		{"'x' eq displayName", ""},
		{"a eq 1 or b eq 2 and c eq 3", ""},
	}
	for _, tc := range cases {
		n, err := parseFilter(tc.expr)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		var got []string
		for _, obj := range objs {
			if matches(n, obj) {
				got = append(got, obj["id"].(string))
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s: matched %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func TestFilterPrint(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"a eq 1 and not b", "((a eq 1) and not (b))"},
		{"a eq 1 or b eq 2 and c eq 3", "((a eq 1) or ((b eq 2) and (c eq 3)))"},
		{"not a eq 'it''s'", "not ((a eq 'it''s'))"},
		{"x/y in (1, 'z', null)", "(x/y in (1, 'z', null))"},
		{"startswith( displayName , 'A' )", "startswith(displayName, 'A')"},
	}
	for _, tc := range cases {
		n, err := parseFilter(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if got := printNode(n); got != tc.want {
			t.Errorf("%s printed %q, want %q", tc.expr, got, tc.want)
		}
	}
}

func TestFilterErrors(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"displayName eq", "syntax error: the clause ends where an operand is expected at position 14"},
		{"displayName eq 'x", "unterminated string literal at position 15"},
		{"tolower(displayName) eq 'a'", "the function 'tolower' is not supported (startswith, endswith and contains are) at position 0"},
		{"assignedLicenses/any(x:x/skuId eq 1)", "the lambda or function 'any' on a member is not supported at position 17"},
		{"age add 1 eq 2", "the operator 'add' is not supported at position 4"},
		{"'abc'", "the expression is not a condition at position 0"},
		{"a eq 1 b", "syntax error: unexpected 'b' at position 7"},
		{"a eq 1 and 'x'", "the operands of 'and' must be conditions at position 7"},
		{"(a eq 1", "syntax error: expected ')', found the end of the clause at position 7"},
		{"a # 1", `unexpected character '#' at position 2`},
		{"startswith(a)", "the function 'startswith' takes 2 arguments, not 1 at position 0"},
		{strings.Repeat("(", 200) + "a", "the clause nests deeper than 100 levels at position 100"},
		{"not 'x'", "the operand of 'not' must be a condition at position 0"},
		{"eq eq 1", "syntax error: 'eq' where an operand is expected at position 0"},
		{"created gt 2024-13-45", "'2024-13-45' is not a valid date at position 11"},
		{"", "syntax error: the clause ends where an operand is expected at position 0"},
		{"a eq ,", "syntax error: unexpected ',' at position 5"},
	}
	for _, tc := range cases {
		_, err := parseFilter(tc.expr)
		want := "Invalid filter clause: " + tc.want + " in '" + tc.expr + "'."
		if err == nil || err.Error() != want {
			t.Errorf("%.40s: error %v\nwant %s", tc.expr, err, want)
		}
	}
}

// FuzzFilter parses any clause without panicking; a clause that parses
// prints to a clause that parses to the same print, and evaluates on an
// object without panicking.
func FuzzFilter(f *testing.F) {
	for _, seed := range []string{"displayName eq 'bob'", "not (age gt 30) and x/y in (1, 'a''b', null)", "startswith(a,'x') or created ge 2024-01-01T00:00:00Z",
		"guid eq 6F9619FF-8B86-D011-B42D-00C04FC964FF", "((a))", "a eq -1.5e3", "any(x:x/y eq 1)", "'"} {
		f.Add(seed)
	}
	objs := decodeObjects(f, filterObjects)
	f.Fuzz(func(t *testing.T, expr string) {
		n, err := parseFilter(expr)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "Invalid filter clause: ") {
				t.Fatalf("%q: error %v", expr, err)
			}
			return
		}
		text := printNode(n)
		again, err := parseFilter(text)
		if err != nil {
			t.Fatalf("%q printed %q, which does not parse: %v", expr, text, err)
		}
		if printNode(again) != text {
			t.Fatalf("%q printed %q, then %q", expr, text, printNode(again))
		}
		for _, obj := range objs {
			if matches(n, obj) != matches(again, obj) {
				t.Fatalf("%q and its print %q disagree on %v", expr, text, obj["id"])
			}
		}
	})
}

// TestOrderValues checks $orderby's order of values of mixed types.
func TestOrderValues(t *testing.T) {
	values := []any{"b", nil, 2.0, true, "A", false, map[string]any{}}
	slices.SortStableFunc(values, orderValues)
	want := []any{nil, false, true, 2.0, "A", "b"}
	for i, w := range want {
		if values[i] != w {
			t.Fatalf("sorted %v, want %v then an object", values, want)
		}
	}
}
