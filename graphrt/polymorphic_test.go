package graphrt

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The models below are written the way graphgen generates a family:
// polyShape is the base, polyCircle derives from it, polyPolygon too and
// polySquare from polyPolygon.

type polyShape struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
	derived        any
}

func (m *polyShape) UnmarshalJSON(b []byte) error {
	type plain polyShape
	return UnmarshalPolymorphic(b, (*plain)(m), &m.AdditionalData, &m.derived, func(name []byte) any {
		switch string(name) {
		case "test.circle":
			return new(polyCircle)
		case "test.polygon":
			return new(polyPolygon)
		case "test.square":
			return new(polySquare)
		}
		return nil
	})
}

func (m polyShape) MarshalJSON() ([]byte, error) {
	type plain polyShape
	if m.derived == nil {
		DefaultODataType(&m.ODataType, "#test.shape")
	}
	return MarshalPolymorphic(plain(m), m.AdditionalData, m.derived)
}

func (m polyShape) AsPolygon() (*polyPolygon, bool) {
	switch d := m.derived.(type) {
	case *polyPolygon:
		return d, true
	case *polySquare:
		v := &polyPolygon{derived: d}
		CopyModel(v, d)
		return v, true
	}
	return nil, false
}

type polyCircle struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	Radius         *float64                   `json:"radius,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m *polyCircle) UnmarshalJSON(b []byte) error {
	type plain polyCircle
	return UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
}

func (m polyCircle) MarshalJSON() ([]byte, error) {
	type plain polyCircle
	DefaultODataType(&m.ODataType, "#test.circle")
	return MarshalModel(plain(m), m.AdditionalData)
}

type polyPolygon struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	Sides          *int32                     `json:"sides,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
	derived        any
}

func (m *polyPolygon) UnmarshalJSON(b []byte) error {
	type plain polyPolygon
	return UnmarshalPolymorphic(b, (*plain)(m), &m.AdditionalData, &m.derived, func(name []byte) any {
		if string(name) == "test.square" {
			return new(polySquare)
		}
		return nil
	})
}

func (m polyPolygon) MarshalJSON() ([]byte, error) {
	type plain polyPolygon
	if m.derived == nil {
		DefaultODataType(&m.ODataType, "#test.polygon")
	}
	return MarshalPolymorphic(plain(m), m.AdditionalData, m.derived)
}

type polySquare struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	Sides          *int32                     `json:"sides,omitempty"`
	Side           *float64                   `json:"side,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m *polySquare) UnmarshalJSON(b []byte) error {
	type plain polySquare
	return UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
}

func (m polySquare) MarshalJSON() ([]byte, error) {
	type plain polySquare
	DefaultODataType(&m.ODataType, "#test.square")
	return MarshalModel(plain(m), m.AdditionalData)
}

// polyDrawing has a single property and a collection of the base type.
type polyDrawing struct {
	Main   *polyShape  `json:"main,omitempty"`
	Shapes []polyShape `json:"shapes,omitempty"`
}

func TestUnmarshalPolymorphicDecodesTheDerivedModel(t *testing.T) {
	var d polyDrawing
	in := `{"main":{"id":"m","radius":2,"@odata.type":"#test.circle"},"shapes":[
		{"@odata.type":"#test.circle","id":"c1","radius":1.5,"color":"red"},
		{"@odata.type":"test.square","id":"s1","sides":4,"side":3},
		{"@odata.type":"#test.hexagon","id":"h1","sides":6},
		{"id":"p1"}]}`
	if err := json.Unmarshal([]byte(in), &d); err != nil {
		t.Fatal(err)
	}
	c, ok := d.Main.derived.(*polyCircle)
	if !ok || *c.Radius != 2 || *d.Main.ID != "m" {
		t.Fatalf("main: derived %#v, id %v", d.Main.derived, d.Main.ID)
	}
	c, ok = d.Shapes[0].derived.(*polyCircle)
	if !ok || *c.Radius != 1.5 || *c.ID != "c1" || *d.Shapes[0].ID != "c1" || *d.Shapes[0].ODataType != "#test.circle" {
		t.Fatalf("shapes[0]: %#v", d.Shapes[0])
	}
	if got := string(d.Shapes[0].AdditionalData["color"]); got != `"red"` || len(d.Shapes[0].AdditionalData) != 1 {
		t.Errorf("shapes[0].AdditionalData = %s, want only color", d.Shapes[0].AdditionalData)
	}
	if s, ok := d.Shapes[1].derived.(*polySquare); !ok || *s.Side != 3 || *s.Sides != 4 {
		t.Errorf("shapes[1]: %#v", d.Shapes[1].derived)
	}
	// an unknown type and no type at all: the base model, nothing lost
	if d.Shapes[2].derived != nil || string(d.Shapes[2].AdditionalData["sides"]) != "6" || *d.Shapes[2].ODataType != "#test.hexagon" {
		t.Errorf("shapes[2]: %#v", d.Shapes[2])
	}
	if d.Shapes[3].derived != nil || *d.Shapes[3].ID != "p1" {
		t.Errorf("shapes[3]: %#v", d.Shapes[3])
	}
}

func TestUnmarshalPolymorphicViewOfAnIntermediateType(t *testing.T) {
	var s polyShape
	if err := json.Unmarshal([]byte(`{"@odata.type":"#test.square","id":"s1","sides":4,"side":3}`), &s); err != nil {
		t.Fatal(err)
	}
	p, ok := s.AsPolygon()
	if !ok || *p.Sides != 4 || *p.ID != "s1" {
		t.Fatalf("AsPolygon = %#v, %v", p, ok)
	}
	if sq, ok := p.derived.(*polySquare); !ok || *sq.Side != 3 {
		t.Errorf("the polygon view holds %#v, want the square", p.derived)
	}
	var c polyShape
	if err := json.Unmarshal([]byte(`{"@odata.type":"#test.circle","id":"c"}`), &c); err != nil {
		t.Fatal(err)
	}
	if p, ok := c.AsPolygon(); ok {
		t.Errorf("a circle is a polygon: %#v", p)
	}
}

func TestUnmarshalPolymorphicReusedValue(t *testing.T) {
	var s polyShape
	if err := json.Unmarshal([]byte(`{"@odata.type":"#test.circle","id":"c","radius":1}`), &s); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","extra":1}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.derived != nil || s.ODataType != nil || *s.ID != "x" || len(s.AdditionalData) != 1 {
		t.Errorf("second decode keeps the first: %#v", s)
	}
}

func TestUnmarshalPolymorphicErrors(t *testing.T) {
	for _, in := range []string{
		`{"@odata.type":"#test.circle","radius":"big"}`, // a derived member of the wrong type
		`{"@odata.type":"#test.circle","radius":1`,      // cut short
		`["@odata.type"]`,
		`{"@odata.type":"#test.circle","radius":1}}`,
	} {
		var s polyShape
		if err := json.Unmarshal([]byte(in), &s); err == nil {
			t.Errorf("%s: no error", in)
		}
	}
	var s polyShape
	err := json.Unmarshal([]byte(`{"@odata.type":"#test.circle","radius":"big"}`), &s)
	if te, ok := err.(*json.UnmarshalTypeError); !ok || te.Field != "radius" {
		t.Errorf("error %v (%T), want a type error naming radius", err, err)
	}
}

func TestMarshalPolymorphic(t *testing.T) {
	in := `{"@odata.type":"#test.circle","id":"c1","radius":1.5,"color":"red"}`
	var s polyShape
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(s)
	if err != nil || !jsonEqual(t, out, in) {
		t.Fatalf("round trip: %s, %v; want %s", out, err, in)
	}
	// the base's own fields count, and the derived model's
	id := "c2"
	s.ID = &id
	*s.derived.(*polyCircle).Radius = 2
	out, err = json.Marshal(s)
	if want := `{"@odata.type":"#test.circle","id":"c2","radius":2,"color":"red"}`; err != nil || !jsonEqual(t, out, want) {
		t.Errorf("after changes: %s, %v; want %s", out, err, want)
	}
}

func TestMarshalSendsTheODataTypeOfAFamily(t *testing.T) {
	r := 1.0
	for _, tc := range []struct {
		v    any
		want string
	}{
		{polyCircle{Radius: &r}, `{"@odata.type":"#test.circle","radius":1}`},
		{polyShape{}, `{"@odata.type":"#test.shape"}`},
		{&polySquare{}, `{"@odata.type":"#test.square"}`},
		{polyCircle{ODataType: ptr("#test.other")}, `{"@odata.type":"#test.other"}`},
		{polyCircle{ODataType: ptr("")}, `{"@odata.type":"#test.circle"}`},
	} {
		out, err := json.Marshal(tc.v)
		if err != nil || string(out) != tc.want {
			t.Errorf("%#v: %s, %v; want %s", tc.v, out, err, tc.want)
		}
	}
}

// jsonEqual reports whether got and want are the same JSON value.
func jsonEqual(t *testing.T, got []byte, want string) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s: %v", want, err)
	}
	return reflect.DeepEqual(g, w)
}

func ptr(s string) *string { return &s }

func TestODataTypeName(t *testing.T) {
	for in, want := range map[string]string{
		`{"@odata.type":"#microsoft.graph.user","id":"1"}`:    "microsoft.graph.user",
		` { "id":{"@odata.type":"#x"}, "@odata.type":"y" }`:   "y",
		`{"@odata.type":"\u0023microsoft.graph.user"}`:        "microsoft.graph.user",
		`{"@odata.type":null}`:                                "",
		`{"id":"1"}`:                                          "",
		`"@odata.type"`:                                       "",
		`{"@odata.type":"#a.b", "@odata.type":"#c.d"}`:        "a.b",
		`{"\u0040odata.type":"#microsoft.graph.group","x":1}`: "microsoft.graph.group",
	} {
		if got := string(odataTypeName([]byte(in))); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// TestUnmarshalPolymorphicDecodesOnce requires a derived object decoded
// through its base to cost no more allocations than decoding it as the
// derived model directly, beyond the derived model itself.
func TestUnmarshalPolymorphicDecodesOnce(t *testing.T) {
	in := []byte(`{"@odata.type":"#test.square","id":"s1","sides":4,"side":3,"color":"red"}`)
	direct := testing.AllocsPerRun(100, func() {
		var s polySquare
		if err := json.Unmarshal(in, &s); err != nil {
			t.Fatal(err)
		}
	})
	viaBase := testing.AllocsPerRun(100, func() {
		var s polyShape
		if err := json.Unmarshal(in, &s); err != nil {
			t.Fatal(err)
		}
	})
	if viaBase > direct+1 {
		t.Errorf("decoding through the base: %v allocations, directly: %v", viaBase, direct)
	}
}
