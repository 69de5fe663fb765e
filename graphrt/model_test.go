package graphrt_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
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
	type plain user
	return graphrt.UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
}

func (m user) MarshalJSON() ([]byte, error) {
	type plain user
	return graphrt.MarshalModel(plain(m), m.AdditionalData)
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
