package graphrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// The benchmarks below decode large bodies through the models' runtime
// (UnmarshalModel, Decode, DecodeCollection, GetPage's wirePage) and, for
// comparison, with a plain json.Unmarshal into method-less copies of the
// same structs, which keep no undeclared members and match case-blindly:
//
//	go test -run '^$' -bench 'Large' -benchmem -count 6 ./graphrt/

// benchUser is a model the way graphgen generates one.
type benchUser struct {
	ODataType       *string                    `json:"@odata.type,omitempty"`
	ID              *string                    `json:"id,omitempty"`
	DisplayName     *string                    `json:"displayName,omitempty"`
	Mail            *string                    `json:"mail,omitempty"`
	AccountEnabled  *bool                      `json:"accountEnabled,omitempty"`
	Age             *int32                     `json:"age,omitempty"`
	CreatedDateTime *time.Time                 `json:"createdDateTime,omitempty"`
	LastSignIn      *time.Time                 `json:"lastSignInDateTime,omitempty"`
	BusinessPhones  []string                   `json:"businessPhones,omitempty"`
	ProxyAddresses  []string                   `json:"proxyAddresses,omitempty"`
	Notes           *string                    `json:"notes,omitempty"`
	Settings        json.RawMessage            `json:"settings,omitempty"`
	Manager         *benchItem                 `json:"manager,omitempty"`
	Items           []benchItem                `json:"items,omitempty"`
	AdditionalData  map[string]json.RawMessage `json:"-"`
}

func (m *benchUser) UnmarshalJSON(b []byte) error {
	return UnmarshalModel(b, m, &m.AdditionalData)
}

func (m benchUser) MarshalJSON() ([]byte, error) {
	return MarshalModel(&m, m.AdditionalData)
}

// benchItem is a small nested model.
type benchItem struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	Name           *string                    `json:"name,omitempty"`
	Size           *int64                     `json:"size,omitempty"`
	Modified       *time.Time                 `json:"lastModifiedDateTime,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m *benchItem) UnmarshalJSON(b []byte) error {
	return UnmarshalModel(b, m, &m.AdditionalData)
}

func (m benchItem) MarshalJSON() ([]byte, error) {
	return MarshalModel(&m, m.AdditionalData)
}

// benchUserPlain is benchUser without its JSON methods, nested types
// included.
type benchUserPlain struct {
	ODataType       *string                    `json:"@odata.type,omitempty"`
	ID              *string                    `json:"id,omitempty"`
	DisplayName     *string                    `json:"displayName,omitempty"`
	Mail            *string                    `json:"mail,omitempty"`
	AccountEnabled  *bool                      `json:"accountEnabled,omitempty"`
	Age             *int32                     `json:"age,omitempty"`
	CreatedDateTime *time.Time                 `json:"createdDateTime,omitempty"`
	LastSignIn      *time.Time                 `json:"lastSignInDateTime,omitempty"`
	BusinessPhones  []string                   `json:"businessPhones,omitempty"`
	ProxyAddresses  []string                   `json:"proxyAddresses,omitempty"`
	Notes           *string                    `json:"notes,omitempty"`
	Settings        json.RawMessage            `json:"settings,omitempty"`
	Manager         *benchItemPlain            `json:"manager,omitempty"`
	Items           []benchItemPlain           `json:"items,omitempty"`
	AdditionalData  map[string]json.RawMessage `json:"-"`
}

// benchItemPlain is benchItem without its JSON methods.
type benchItemPlain struct {
	ODataType      *string                    `json:"@odata.type,omitempty"`
	ID             *string                    `json:"id,omitempty"`
	Name           *string                    `json:"name,omitempty"`
	Size           *int64                     `json:"size,omitempty"`
	Modified       *time.Time                 `json:"lastModifiedDateTime,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

// plainPage is wirePage[benchUserPlain] without its JSON method.
type plainPage struct {
	Value     []benchUserPlain `json:"value"`
	NextLink  string           `json:"@odata.nextLink"`
	DeltaLink string           `json:"@odata.deltaLink"`
	Count     *int64           `json:"@odata.count"`
}

// benchItemJSON writes the JSON of the i-th small item, with an
// undeclared member when undeclared is set.
func benchItemJSON(w *bytes.Buffer, i int, undeclared bool) {
	fmt.Fprintf(w, `{"@odata.type":"#microsoft.graph.driveItem","id":"01BYE5RZ%08d","name":"Report %d.docx","size":%d,"lastModifiedDateTime":"2019-02-07T21:57:05Z"`, i, i, 1000+i*7)
	if undeclared {
		fmt.Fprintf(w, `,"eTag":"\"{%08X},1\""`, i)
	}
	w.WriteByte('}')
}

// largeObject is one object of about 30 MB: a 16 MiB string with escapes,
// 200,000 proxy addresses, 40,000 nested items, a raw JSON member of
// about 1 MB and 1,000 undeclared members (the nested items declare all
// theirs).
var largeObject = sync.OnceValue(func() []byte {
	var w bytes.Buffer
	w.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity","@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance","mail":"AdeleV@contoso.com","accountEnabled":true,"age":42,"createdDateTime":"2019-02-07T21:57:05Z","lastSignInDateTime":"2024-05-01T08:00:00.1234567Z","businessPhones":["+1 425 555 0109"],"notes":"`)
	line := strings.Repeat("lorem ipsum dolor sit amet ", 4)[:99]
	for w.Len() < 16<<20 {
		w.WriteString(line)
		w.WriteString(`\n`)
	}
	w.WriteString(`","proxyAddresses":[`)
	for i := range 200_000 {
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(&w, `"smtp:user%06d@contoso.onmicrosoft.com"`, i)
	}
	w.WriteString(`],"settings":{"rows":[`)
	for i := range 20_000 {
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(&w, `{"k":%d,"v":[true,null,1.5e3]}`, i)
	}
	w.WriteString(`]},"manager":`)
	benchItemJSON(&w, 0, false)
	w.WriteString(`,"items":[`)
	for i := range 40_000 {
		if i > 0 {
			w.WriteByte(',')
		}
		benchItemJSON(&w, i, false)
	}
	w.WriteString(`]`)
	for i := range 1000 {
		fmt.Fprintf(&w, `,"extension_%d_color":"blue %d"`, i, i)
	}
	w.WriteString(`}`)
	return w.Bytes()
})

// benchPage makes a collection page of about 40 MB: 60,000 users of
// about 700 bytes, each with two nested items; with undeclared set, each
// user and item also has a member its model does not declare.
func benchPage(undeclared bool) []byte {
	var w bytes.Buffer
	w.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=X","value":[`)
	for i := range 60_000 {
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(&w, `{"@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-%012d","displayName":"User %d","mail":"user%d@contoso.com","accountEnabled":true,"age":%d,"createdDateTime":"2019-02-07T21:57:05Z","businessPhones":["+1 425 555 %04d"],"proxyAddresses":["SMTP:user%d@contoso.com","smtp:u%d@contoso.onmicrosoft.com"],`, i, i, i, 20+i%50, i%10000, i, i)
		if undeclared {
			w.WriteString(`"employeeType":"staff",`)
		}
		w.WriteString(`"items":[`)
		benchItemJSON(&w, 2*i, undeclared)
		w.WriteByte(',')
		benchItemJSON(&w, 2*i+1, undeclared)
		w.WriteString(`]}`)
	}
	w.WriteString(`]}`)
	return w.Bytes()
}

// largePage and largePageUndeclared are benchPage's two pages.
var (
	largePage           = sync.OnceValue(func() []byte { return benchPage(false) })
	largePageUndeclared = sync.OnceValue(func() []byte { return benchPage(true) })
)

// benchDecode runs decode over data b.N times.
func benchDecode(b *testing.B, data []byte, decode func([]byte) error) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLargeObject(b *testing.B) {
	data := largeObject()
	b.Run("Decode", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			u, err := Decode[benchUser](d)
			if err == nil && len(u.Items) != 40_000 {
				err = fmt.Errorf("%d items", len(u.Items))
			}
			return err
		})
	})
	b.Run("plain", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			var u benchUserPlain
			return json.Unmarshal(d, &u)
		})
	})
}

func BenchmarkLargePage(b *testing.B) {
	benchPageDecoders(b, largePage())
}

// BenchmarkLargePageUndeclared is BenchmarkLargePage with an undeclared
// member in every user and item: the models keep them in AdditionalData
// (a map each), the plain structs drop them.
func BenchmarkLargePageUndeclared(b *testing.B) {
	benchPageDecoders(b, largePageUndeclared())
}

// benchPageDecoders decodes the page data as DecodeCollection does, as
// GetPage does (json.Unmarshal into wirePage) and with a plain
// json.Unmarshal.
func benchPageDecoders(b *testing.B, data []byte) {
	b.Run("DecodeCollection", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			_, err := DecodeCollection[benchUser](d)
			return err
		})
	})
	b.Run("GetPage", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			var w wirePage[benchUser]
			return json.Unmarshal(d, &w)
		})
	})
	b.Run("plain", func(b *testing.B) {
		benchDecode(b, data, func(d []byte) error {
			var w plainPage
			return json.Unmarshal(d, &w)
		})
	})
}

// BenchmarkEncodePage encodes the users of largePage (decoded once) through
// the models' MarshalJSON (MarshalModel, field by field) and, for
// comparison, the same values as the method-less structs with a plain
// json.Marshal:
//
//	go test -run '^$' -bench 'EncodePage' -benchmem -count 6 ./graphrt/
func BenchmarkEncodePage(b *testing.B) {
	data := largePage()
	users, err := DecodeCollection[benchUser](data)
	if err != nil {
		b.Fatal(err)
	}
	var plain plainPage
	if err := json.Unmarshal(data, &plain); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		v    any
	}{{"MarshalModel", users}, {"plain", plain.Value}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			size := 0
			for b.Loop() {
				out, err := json.Marshal(c.v)
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.SetBytes(int64(size))
		})
	}
}
