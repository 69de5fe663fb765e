package graphrt_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/graphgen-dev/graphgen/graphrt"
)

// message has a field of every kind a generated model has; its methods
// hand the model itself to the runtime, as generated models do.
type message struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	Subject        *string                    `json:"subject,omitempty"`
	Importance     *importance                `json:"importance,omitempty"`
	IsRead         *bool                      `json:"isRead,omitempty"`
	Size           *int32                     `json:"size,omitempty"`
	Weight         *float64                   `json:"weight,omitempty"`
	Received       *time.Time                 `json:"receivedDateTime,omitempty"`
	Due            *graphrt.Date              `json:"dueDate,omitempty"`
	Categories     []string                   `json:"categories,omitempty"`
	From           *user                      `json:"from,omitempty"`
	To             []user                     `json:"toRecipients,omitempty"`
	Raw            json.RawMessage            `json:"raw,omitempty"`
	Count          int                        `json:"count"`
	Note           string                     `json:"note"`
	Untagged       *string                    // encoding/json names it after the field
	AdditionalData map[string]json.RawMessage `json:"-"`
	hidden         string
}

type importance string

func (m *message) UnmarshalJSON(b []byte) error {
	return graphrt.UnmarshalModel(b, m, &m.AdditionalData)
}

func (m message) MarshalJSON() ([]byte, error) {
	return graphrt.MarshalModel(&m, m.AdditionalData)
}

// plainMessage is message without methods: what encoding/json writes for
// it is what MarshalModel must write for a message without
// AdditionalData.
type plainMessage message

func ptr[T any](v T) *T { return &v }

// TestMarshalModelEncodesAsEncodingJSON: encoding/json is the oracle.
// Without AdditionalData a model encodes byte for byte as encoding/json
// encodes the same struct without methods, through the model's own
// MarshalJSON (which must not call itself again).
func TestMarshalModelEncodesAsEncodingJSON(t *testing.T) {
	when := time.Date(2021, 7, 16, 9, 30, 0, 0, time.UTC)
	due, err := graphrt.ParseDate("2021-07-31")
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]message{
		"zero": {},
		"full": {
			ODataType: ptr("#microsoft.graph.message"), ID: ptr("AAMk="), Subject: ptr(`<b>"Q3" & more</b>`),
			Importance: ptr(importance("high")), IsRead: ptr(false), Size: ptr(int32(0)), Weight: ptr(0.5),
			Received: &when, Due: &due, Categories: []string{"Red", ""},
			From:  &user{DisplayName: ptr("Adele"), AdditionalData: map[string]json.RawMessage{"x": json.RawMessage(`1`)}},
			To:    []user{{DisplayName: ptr("Alex")}, {}},
			Raw:   json.RawMessage(` { "a" : [1, 2] } `),
			Count: 3, Note: "ü\u2028", Untagged: ptr("u"), hidden: "not sent",
		},
		"empty but set": {Categories: []string{}, To: []user{}, Raw: json.RawMessage{}},
	} {
		want, err := json.Marshal(plainMessage(m))
		if err != nil {
			t.Fatal(err)
		}
		for how, v := range map[string]any{"value": m, "pointer": &m} {
			got, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%s, %s: %v", name, how, err)
			}
			if string(got) != string(want) {
				t.Errorf("%s, %s:\n got %s\nwant %s", name, how, got, want)
			}
		}
		// what older generated code passes: a method-less copy, by value
		old, err := graphrt.MarshalModel(plainMessage(m), nil)
		if err != nil || string(old) != string(want) {
			t.Errorf("%s, method-less value: %s, %v\nwant %s", name, old, err, want)
		}
	}
}

// TestMarshalModelRefusesWhatIsNoModel: a struct that embeds another (no
// generated model does) and a value that is no struct are errors, not a
// guess.
func TestMarshalModelRefusesWhatIsNoModel(t *testing.T) {
	type embeds struct {
		plainMessage
		Extra string `json:"extra"`
	}
	for _, v := range []any{embeds{}, &embeds{}, "text", (*message)(nil), nil} {
		if out, err := graphrt.MarshalModel(v, nil); err == nil {
			t.Errorf("MarshalModel(%T) = %s, want an error", v, out)
		}
	}
}

// TestMarshalModelAddsAdditionalData: the members a model does not
// declare follow its fields, by name; one named like a declared field
// that was not written (sent as null, kept by UnmarshalModel) is written,
// one the fields wrote is not written twice.
func TestMarshalModelAddsAdditionalData(t *testing.T) {
	m := message{Subject: ptr("Hi"), Count: 1, AdditionalData: map[string]json.RawMessage{
		"alpha":     json.RawMessage(` [ 1 ] `),
		"isRead":    json.RawMessage(`null`),
		"subject":   json.RawMessage(`"shadowed"`),
		"html<&>":   json.RawMessage(`"<&>"`),
		"extension": json.RawMessage(`{"a":"b"}`),
	}}
	got, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"subject":"Hi","count":1,"note":"","Untagged":null,"alpha":[1],"extension":{"a":"b"},"html\u003c\u0026\u003e":"\u003c\u0026\u003e","isRead":null}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// the round trip keeps the null
	var back message
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if string(back.AdditionalData["isRead"]) != "null" || *back.Subject != "Hi" {
		t.Errorf("round trip: %+v", back)
	}
	m.AdditionalData = map[string]json.RawMessage{"bad": json.RawMessage(`{`)}
	if _, err := json.Marshal(m); err == nil {
		t.Error("invalid AdditionalData encoded without error")
	}
}

// TestUnmarshalModelNotAnObject: a value that is not an object gives
// encoding/json's errors, naming the model's own type, and does not call
// the model's UnmarshalJSON again. (encoding/json hands UnmarshalJSON
// the value without the spaces around it, so offsets count from there.)
func TestUnmarshalModelNotAnObject(t *testing.T) {
	for _, in := range []string{`"text"`, `[1,2]`, `12`, `true`, `"unterminated`, `[1,`, `12 13`} {
		var m message
		got := json.Unmarshal([]byte(in), &m)
		var p plainMessage
		want := json.Unmarshal([]byte(in), &p)
		if got == nil || want == nil {
			t.Errorf("%s: got %v, encoding/json %v", in, got, want)
			continue
		}
		w := strings.ReplaceAll(want.Error(), "plainMessage", "message")
		if got.Error() != w {
			t.Errorf("%s:\n got %v\nwant %v", in, got, w)
		}
		var gs, ws *json.SyntaxError
		var gt, wt *json.UnmarshalTypeError
		if errors.As(got, &gs) != errors.As(want, &ws) || errors.As(got, &gt) != errors.As(want, &wt) {
			t.Errorf("%s: error types %T, encoding/json %T", in, got, want)
		}
		if gt != nil && wt != nil && gt.Offset != wt.Offset {
			t.Errorf("%s: offset %d, encoding/json %d", in, gt.Offset, wt.Offset)
		}
	}
}

// FuzzMarshalModel: whatever a message holds after encoding/json decodes
// some JSON into it, MarshalModel writes what encoding/json writes for the
// same struct without methods (the nested users encode through their own
// methods either way).
func FuzzMarshalModel(f *testing.F) {
	f.Add(`{"subject":"<b>hi</b>","size":3,"toRecipients":[{"displayName":"A"}],"raw":{"a":[1,2.5e3]},"count":-1}`)
	f.Add(`{"receivedDateTime":"2021-07-16T09:30:00.5+02:00","dueDate":"2021-07-31","weight":1e-7,"Untagged":"\u2028"}`)
	f.Add(`{"categories":[],"isRead":false,"note":"\ud83d\ude00"}`)
	f.Fuzz(func(t *testing.T, in string) {
		var p plainMessage
		if json.Unmarshal([]byte(in), &p) != nil {
			return
		}
		want, err := json.Marshal(p)
		if err != nil {
			return
		}
		got, err := json.Marshal(message(p))
		if err != nil {
			t.Fatalf("MarshalModel: %v (encoding/json wrote %s)", err, want)
		}
		if string(got) != string(want) {
			t.Errorf("MarshalModel wrote\n%s\nencoding/json\n%s", got, want)
		}
	})
}
