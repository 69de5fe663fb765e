package graphrt

import (
	"encoding/json"
	"fmt"
	"testing"
)

// The benchmarks below decode largePage (60,000 users, each with
// "@odata.type": "#microsoft.graph.user") as a collection of their base
// model, as a group's members list is decoded:
//
//	go test -run '^$' -bench 'Polymorphic' -benchmem -count 6 ./graphrt/
//
// Derived decodes each user into its derived model through the base,
// DerivedDirectly decodes a collection of the derived model itself (the
// work Derived cannot avoid), BaseOnly is the base model without derived
// types (the users' own members land in AdditionalData, as before
// polymorphic decoding), plain is json.Unmarshal into method-less users.

// benchBaseOnly is a base model that knows no derived types.
type benchBaseOnly struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m *benchBaseOnly) UnmarshalJSON(b []byte) error {
	return UnmarshalModel(b, m, &m.AdditionalData)
}

// benchBase is the same base model with benchUser as a derived type.
type benchBase struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
	derived        any
}

func (m *benchBase) UnmarshalJSON(b []byte) error {
	return UnmarshalPolymorphic(b, m, &m.AdditionalData, &m.derived, func(name []byte) any {
		switch string(name) {
		case "microsoft.graph.user":
			return new(benchUser)
		}
		return nil
	})
}

func BenchmarkLargePagePolymorphic(b *testing.B) {
	data := largePage()
	b.Run("Derived", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			v, err := DecodeCollection[benchBase](d)
			if u, ok := v[len(v)-1].derived.(*benchUser); err == nil && (!ok || len(u.Items) != 2) {
				err = fmt.Errorf("not decoded as a user: %#v", v[len(v)-1])
			}
			return err
		})
	})
	b.Run("DerivedDirectly", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			_, err := DecodeCollection[benchUser](d)
			return err
		})
	})
	b.Run("BaseOnly", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			v, err := DecodeCollection[benchBaseOnly](d)
			if err == nil && len(v[0].AdditionalData) == 0 {
				err = fmt.Errorf("no additional data")
			}
			return err
		})
	})
	b.Run("plain", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			var w plainPage
			return json.Unmarshal(d, &w)
		})
	})
}
