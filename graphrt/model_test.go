package graphrt_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// user is a model the way graphgen generates one.
type user struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	DisplayName    *string                    `json:"displayName,omitempty"`
	BusinessPhones []string                   `json:"businessPhones,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m *user) UnmarshalJSON(b []byte) error {
	return graphrt.UnmarshalModel(b, m, &m.AdditionalData)
}

func (m user) MarshalJSON() ([]byte, error) {
	return graphrt.MarshalModel(&m, m.AdditionalData)
}

func TestModelRoundTripKeepsUnknownMembers(t *testing.T) {
	in := `{"@odata.type":"#microsoft.graph.user","displayName":"Adele","businessPhones":["+1 425"],"mobilePhone":null,"extension_x":{"a":1}}`
	// declared members sent as null or [] survive too
	in2 := `{"businessPhones":[],"displayName":null}`
	var n user
	if err := json.Unmarshal([]byte(in2), &n); err != nil {
		t.Fatal(err)
	}
	if out, _ := json.Marshal(n); string(out) != in2 {
		t.Errorf("null member: %s, want %s", out, in2)
	}
	var u user
	if err := json.Unmarshal([]byte(in), &u); err != nil {
		t.Fatal(err)
	}
	if u.DisplayName == nil || *u.DisplayName != "Adele" || len(u.AdditionalData) != 2 {
		t.Fatalf("decoded %+v", u)
	}
	out, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	json.Unmarshal([]byte(in), &want)
	json.Unmarshal(out, &got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-in +out):\n%s", diff)
	}
}

func TestDecodeCollection(t *testing.T) {
	users, err := graphrt.DecodeCollection[user](json.RawMessage(`{"@odata.context":"x","value":[{"displayName":"a"},{"displayName":"b","k":1}]}`))
	if err != nil || len(users) != 2 || *users[1].DisplayName != "b" || string(users[1].AdditionalData["k"]) != "1" {
		t.Fatalf("DecodeCollection = %+v, %v", users, err)
	}
	w, err := graphrt.Decode[user](json.RawMessage(`{"@odata.context":"x","value":{"displayName":"wrapped"}}`))
	if err != nil || w.DisplayName == nil || *w.DisplayName != "wrapped" {
		t.Errorf("Decode(Intune wrapper) = %+v, %v", w, err)
	}
	u, err := graphrt.Decode[user](nil)
	if u != nil || err != nil {
		t.Errorf("Decode(empty) = %v, %v; want nil, nil", u, err)
	}
}

// TestModelMembersMatchExactly: encoding/json matches member names without
// regard to case; models must not ("ApplicationId" is not "applicationId").
func TestModelMembersMatchExactly(t *testing.T) {
	var u user
	in := `{"DisplayName":"other case","displayName":"exact"}`
	if err := json.Unmarshal([]byte(in), &u); err != nil {
		t.Fatal(err)
	}
	if u.DisplayName == nil || *u.DisplayName != "exact" || string(u.AdditionalData["DisplayName"]) != `"other case"` {
		t.Fatalf("decoded %+v, %s", u, u.AdditionalData)
	}
	var only user
	if err := json.Unmarshal([]byte(`{"DISPLAYNAME":"x"}`), &only); err != nil {
		t.Fatal(err)
	}
	if only.DisplayName != nil {
		t.Errorf("DisplayName = %q from a member of another case", *only.DisplayName)
	}
	out, _ := json.Marshal(only)
	if string(out) != `{"DISPLAYNAME":"x"}` {
		t.Errorf("round trip = %s", out)
	}
}

func TestDecodeValue(t *testing.T) {
	n, err := graphrt.DecodeValue[int64](json.RawMessage(`{"@odata.context":"x","value":42}`))
	if err != nil || n != 42 {
		t.Errorf("wrapped = %d, %v", n, err)
	}
	s, err := graphrt.DecodeValue[string](json.RawMessage(`"bare"`))
	if err != nil || s != "bare" {
		t.Errorf("bare = %q, %v", s, err)
	}
	if _, err := graphrt.DecodeValue[int64](json.RawMessage(`{"value":"x"}`)); err == nil {
		t.Error("a string for an int64 decoded without error")
	}
}

// event is a generated-style model with the three shapes of timestamp
// fields graphgen emits: pointers (properties), values (required request
// parameters) and slices (collections).
type event struct {
	Created        *time.Time                 `json:"createdDateTime,omitempty"`
	Due            time.Time                  `json:"dueDateTime"`
	Reminders      []time.Time                `json:"reminderDateTimes,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m *event) UnmarshalJSON(b []byte) error {
	type plain event
	return graphrt.UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
}

// TestModelTimestampsWithoutZone: Graph sends some timestamps without a
// zone ("2019-02-07T21:57:05", also with 7 fractional digits); they are
// read as UTC instead of failing the whole object.
func TestModelTimestampsWithoutZone(t *testing.T) {
	in := `{"createdDateTime":"2019-02-07T21:57:05","dueDateTime":"2019-02-07T21:57:05.1234567",
		"reminderDateTimes":["2019-02-07T21:57:05","2019-02-07T22:57:05+01:00","2019-02-07T21:57:05.5Z"]}`
	var e event
	if err := json.Unmarshal([]byte(in), &e); err != nil {
		t.Fatal(err)
	}
	at := func(nsec int) time.Time { return time.Date(2019, 2, 7, 21, 57, 5, nsec, time.UTC) }
	if e.Created == nil || !e.Created.Equal(at(0)) || e.Created.Location() != time.UTC {
		t.Errorf("createdDateTime = %v, want %v", e.Created, at(0))
	}
	if !e.Due.Equal(at(123456700)) {
		t.Errorf("dueDateTime = %v, want %v", e.Due, at(123456700))
	}
	want := []time.Time{at(0), at(0), at(500000000)}
	if len(e.Reminders) != 3 || !e.Reminders[0].Equal(want[0]) || !e.Reminders[1].Equal(want[1]) || !e.Reminders[2].Equal(want[2]) {
		t.Errorf("reminderDateTimes = %v, want %v", e.Reminders, want)
	}
	for _, bad := range []string{`"yesterday"`, `"2019-02-07 21:57:05"`, `"2019-02-07T21:57"`, `"2019-02-07T21:57:05.Z"`, `5`} {
		var e event
		err := json.Unmarshal([]byte(`{"createdDateTime":`+bad+`}`), &e)
		if err == nil {
			t.Errorf("createdDateTime %s decoded as %v, want an error", bad, e.Created)
		}
	}
}

// TestDecodeTimestampWithoutZone: primitive responses and collections of
// timestamps read zone-less timestamps too.
func TestDecodeTimestampWithoutZone(t *testing.T) {
	want := time.Date(2019, 2, 7, 21, 57, 5, 0, time.UTC)
	v, err := graphrt.DecodeValue[time.Time](json.RawMessage(`{"@odata.context":"x","value":"2019-02-07T21:57:05"}`))
	if err != nil || !v.Equal(want) {
		t.Errorf("DecodeValue = %v, %v; want %v", v, err, want)
	}
	list, err := graphrt.DecodeCollection[time.Time](json.RawMessage(`{"value":["2019-02-07T21:57:05"]}`))
	if err != nil || len(list) != 1 || !list[0].Equal(want) {
		t.Errorf("DecodeCollection = %v, %v; want [%v]", list, err, want)
	}
	m, err := graphrt.Decode[generated.Message](json.RawMessage(`{"@odata.context":"x","id":"AAMk","createdDateTime":"2019-02-07T21:57:05.1234567","subject":"Hi"}`))
	if err != nil || m.CreatedDateTime == nil || !m.CreatedDateTime.Equal(want.Add(123456700)) || *m.Subject != "Hi" {
		t.Errorf("Decode[generated.Message] = %+v, %v", m, err)
	}
}

// node is a generated-style model that counts the calls of its
// UnmarshalJSON.
type node struct {
	Name           *string                    `json:"name,omitempty"`
	Child          *node                      `json:"child,omitempty"`
	Children       []node                     `json:"children,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

var nodeDecodes int

func (m *node) UnmarshalJSON(b []byte) error {
	nodeDecodes++
	type plain node
	return graphrt.UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
}

// TestNestedModelsDecodeOnce: each nested object is decoded once (each
// level used to decode its members twice, 2^depth calls in all).
func TestNestedModelsDecodeOnce(t *testing.T) {
	in := strings.Repeat(`{"name":"n","child":`, 12) + `{"name":"leaf","children":[{"name":"a"},{"name":"b"}]}` + strings.Repeat("}", 12)
	nodeDecodes = 0
	var n node
	if err := json.Unmarshal([]byte(in), &n); err != nil {
		t.Fatal(err)
	}
	if nodeDecodes != 15 {
		t.Errorf("UnmarshalJSON called %d times for 15 objects", nodeDecodes)
	}
	leaf := &n
	for range 12 {
		if leaf = leaf.Child; leaf == nil {
			t.Fatal("chain cut short")
		}
	}
	if *leaf.Name != "leaf" || len(leaf.Children) != 2 || *leaf.Children[1].Name != "b" {
		t.Errorf("leaf = %+v", leaf)
	}
}

// plainUser is user without its JSON methods.
type plainUser struct {
	ODataType      *string  `json:"@odata.type,omitempty"`
	DisplayName    *string  `json:"displayName,omitempty"`
	BusinessPhones []string `json:"businessPhones,omitempty"`
}

// TestUnmarshalModelAllocatesLikeJSON: the body is decoded once, so a
// 4 MB object costs about what a plain json.Unmarshal into the same
// struct costs (at most 1.2 times; decoding it four times cost about 7).
func TestUnmarshalModelAllocatesLikeJSON(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"@odata.context":"x","displayName":"` + strings.Repeat("abcdefgh", 250_000) + `","businessPhones":[`)
	for i := range 50_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"+1 425 555 %05d"`, i)
	}
	b.WriteString(`]}`)
	body := []byte(b.String())
	model := allocatedBytes(func() {
		var u user
		if err := json.Unmarshal(body, &u); err != nil || len(u.BusinessPhones) != 50_000 {
			t.Fatalf("decoded %d phones, %v", len(u.BusinessPhones), err)
		}
	})
	plain := allocatedBytes(func() {
		var u plainUser
		_ = json.Unmarshal(body, &u)
	})
	if model > plain*6/5 {
		t.Errorf("model decode allocated %d bytes, plain json.Unmarshal %d (%.2fx, want <= 1.2x)", model, plain, float64(model)/float64(plain))
	}
}

// allocatedBytes returns the bytes f allocates.
func allocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestModelMembersEdgeCases: what encoding/json does with keys and
// repeated members holds for models too, and a reused model is reset.
func TestModelMembersEdgeCases(t *testing.T) {
	tests := []struct {
		name, in string
		display  string // "" for nil
		extra    string // AdditionalData as JSON, "" for nil
	}{
		{"escaped key", `{"display\u004eame":"x"}`, "x", ""},
		{"escaped value", `{"displayName":"a\"b\u00e9"}`, `a"bé`, ""},
		{"invalid UTF-8 becomes U+FFFD", "{\"displayName\":\"a\xffb\"}", "a\ufffdb", ""},
		{"last of two wins", `{"displayName":"a","displayName":"b"}`, "b", ""},
		{"null then a value", `{"displayName":null,"displayName":"b"}`, "b", ""},
		{"a value then null", `{"displayName":"a","displayName":null}`, "", `{"displayName":null}`},
		{"spaces everywhere", " {\n\t\"displayName\" : \"a\" , \"businessPhones\" : [ ] ,\"x\" : { \"y\" : [ 1 , 2 ] } } ", "a", `{"businessPhones":[],"x":{"y":[1,2]}}`},
		{"null object", `null`, "", ""},
		{"empty object", `{}`, "", ""},
	}
	for _, tt := range tests {
		u := user{DisplayName: new(string), AdditionalData: map[string]json.RawMessage{"old": nil}}
		if err := json.Unmarshal([]byte(tt.in), &u); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got := ""
		if u.DisplayName != nil {
			got = *u.DisplayName
		}
		extra := ""
		if u.AdditionalData != nil {
			b, _ := json.Marshal(u.AdditionalData)
			extra = string(b)
		}
		if got != tt.display || extra != tt.extra {
			t.Errorf("%s: displayName %q, AdditionalData %s; want %q, %s", tt.name, got, extra, tt.display, tt.extra)
		}
	}
}

// manager is a model with a nested model, for error paths.
type manager struct {
	Report         *user                      `json:"directReport,omitempty"`
	Level          *int32                     `json:"level,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m *manager) UnmarshalJSON(b []byte) error {
	type plain manager
	return graphrt.UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
}

// TestUnmarshalModelErrors: bad input gives encoding/json's errors, a
// type error naming the member path, and never a panic.
func TestUnmarshalModelErrors(t *testing.T) {
	deep := strings.Repeat("[", 10_001) + strings.Repeat("]", 10_001)
	tests := []struct {
		in    string
		field string // the type error's member path; "" for a syntax error
	}{
		{`{"level":"high"}`, "level"},
		{`{"level":1.5}`, "level"},
		{`{"level":99999999999}`, "level"},
		{`{"directReport":{"displayName":5}}`, "directReport.displayName"},
		{`{"directReport":{"businessPhones":[1]}}`, "directReport.businessPhones"},
		{`[1]`, ""},
		{``, ""},
		{`{"level":1`, ""},
		{`{"level":1} x`, ""},
		{`{"level":01}`, ""},
		{`{"level":-}`, ""},
		{`{"x":"\u12"}`, ""},
		{"{\"x\":\"a\tb\"}", ""},
		{`{"x":[1,]}`, ""},
		{`{"x":1,}`, ""},
		{`{"x" 1}`, ""},
		{`{"x":tru}`, ""},
		{`{"x":` + deep + `}`, ""},
	}
	for _, tt := range tests {
		var m manager
		err := json.Unmarshal([]byte(tt.in), &m)
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case err == nil:
			t.Errorf("%.40s: no error", tt.in)
		case tt.field != "" && (!errors.As(err, &te) || te.Field != tt.field):
			t.Errorf("%.40s: %v, want a type error at %q", tt.in, err, tt.field)
		case tt.field == "" && tt.in != "[1]" && !errors.As(err, &se):
			t.Errorf("%.40s: %v (%T), want a syntax error", tt.in, err, err)
		}
	}
}

// TestDecodeUnwrapsOnlyAWrapper: Decode unwraps {"value": {...}} beside
// annotations only.
func TestDecodeUnwrapsOnlyAWrapper(t *testing.T) {
	tests := []struct{ in, display string }{
		{`{"@odata.context":"x","value":{"displayName":"w"},"@odata.etag":"e"}`, "w"},
		{`{"\u0076alue":{"displayName":"w"}}`, "w"},
		{`{"value":{"displayName":"w"},"displayName":"outer"}`, "outer"},
		{`{"displayName":"outer","value":{"displayName":"w"}}`, "outer"},
		{`{"value":[{"displayName":"w"}],"displayName":"outer"}`, "outer"},
	}
	for _, tt := range tests {
		u, err := graphrt.Decode[user](json.RawMessage(tt.in))
		if err != nil || u.DisplayName == nil || *u.DisplayName != tt.display {
			t.Errorf("Decode(%s) = %+v, %v; want displayName %q", tt.in, u, err, tt.display)
		}
	}
	if _, err := graphrt.Decode[user](json.RawMessage(`{"value":{"displayName":"w"}`)); err == nil {
		t.Error("Decode of truncated JSON: no error")
	}
}

// TestDecodeCollectionPages: the page's items, annotations and errors.
func TestDecodeCollectionPages(t *testing.T) {
	tests := []struct {
		in      string
		n       int
		wantErr bool
	}{
		{`{"@odata.nextLink":"https://x/next","value":[{"displayName":"a"},{"displayName":"b"}],"@odata.count":2}`, 2, false},
		{`{"value":[]}`, 0, false},
		{`{"value":null}`, 0, false},
		{`null`, 0, false},
		{`{}`, 0, false},
		{`[]`, 0, true},
		{`{"value":{}}`, 0, true},
		{`{"value":[{"displayName":5}]}`, 0, true},
		{`{"value":[{"displayName":"a"}`, 0, true},
		{`{"value":[{"displayName":"a"}]}}`, 0, true},
	}
	for _, tt := range tests {
		users, err := graphrt.DecodeCollection[user](json.RawMessage(tt.in))
		if (err != nil) != tt.wantErr || len(users) != tt.n {
			t.Errorf("DecodeCollection(%s) = %d items, %v; want %d, error %v", tt.in, len(users), err, tt.n, tt.wantErr)
		}
	}
	raw, err := graphrt.DecodeCollection[json.RawMessage](json.RawMessage(`{"value":[{"a": 1}, 2]}`))
	if err != nil || len(raw) != 2 || string(raw[0]) != `{"a": 1}` || string(raw[1]) != "2" {
		t.Errorf("DecodeCollection[json.RawMessage] = %s, %v", raw, err)
	}
}

// FuzzUnmarshalModel: any input decodes or fails without a panic; input
// that is not JSON fails; and of a decoded object, encoding/json's own
// reading of the members says which are kept in AdditionalData: the
// undeclared ones, as sent, and declared ones sent as null or [].
func FuzzUnmarshalModel(f *testing.F) {
	for _, s := range []string{
		`{"@odata.type":"#microsoft.graph.user","displayName":"Adele","businessPhones":["+1 425"],"x":{"a":[1,null]}}`,
		`{"businessPhones":[],"displayName":null,"DisplayName":"other case"}`,
		`{"display\u004eame":"x","displayName":"y","k":1,"k":2}`,
		`{"displayName":5}`, `{"businessPhones":[1]}`, `null`, `[]`, `{"a":1`, `{"a":01}`,
	} {
		f.Add([]byte(s))
	}
	declared := map[string]bool{"@odata.type": true, "displayName": true, "businessPhones": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		var u user
		err := json.Unmarshal(data, &u)
		if !json.Valid(data) {
			if err == nil {
				t.Fatalf("%q is not JSON and decoded", data)
			}
			return
		}
		var members map[string]json.RawMessage
		if err != nil || json.Unmarshal(data, &members) != nil {
			return
		}
		want := map[string]json.RawMessage{}
		for k, raw := range members {
			var compact bytes.Buffer
			_ = json.Compact(&compact, raw)
			if !declared[k] || compact.String() == "null" || compact.String() == "[]" {
				want[k] = raw
			}
		}
		if len(want) == 0 {
			want = nil
		}
		if diff := cmp.Diff(want, u.AdditionalData); diff != "" {
			t.Errorf("AdditionalData of %q (-encoding/json +model):\n%s", data, diff)
		}
	})
}
