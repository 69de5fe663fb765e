package graphrt

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// edmRecord holds one field of each Edm type, as a generated model does.
type edmRecord struct {
	D *Date      `json:"d,omitempty"`
	T *TimeOfDay `json:"t,omitempty"`
	P *Duration  `json:"p,omitempty"`
}

// TestEdmRoundTripKeepsText: values as Graph and its docs write them
// decode and encode to the same bytes.
func TestEdmRoundTripKeepsText(t *testing.T) {
	for _, body := range []string{
		`{"d":"2017-08-15","t":"08:00:00.0000000","p":"PT1H30M"}`,
		`{"d":"0001-01-01","t":"17:30","p":"P1DT2H30M"}`,
		`{"d":"2024-02-29","t":"23:59:59.123456789012","p":"-PT0.5S"}`,
		`{"d":"-0044-03-15","t":"00:00:00","p":"P1Y2M3W4DT5H6M7.25S"}`,
		`{"d":"12345-06-07","p":"PT0S"}`,
	} {
		var r edmRecord
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			t.Errorf("decode %s: %v", body, err)
			continue
		}
		if got, err := json.Marshal(r); err != nil || string(got) != body {
			t.Errorf("round trip of %s = %s, %v", body, got, err)
		}
	}
}

// TestEdmInvalidTextIsAnErrorNamingIt: text that is not a value of the
// field's type fails decoding, and the error names the type and the value.
func TestEdmInvalidTextIsAnErrorNamingIt(t *testing.T) {
	for _, c := range []struct{ body, typ, text string }{
		{`{"d":"2001-01-01T00:00:00Z"}`, "Edm.Date", "2001-01-01T00:00:00Z"}, // educationclass-list-members' example
		{`{"d":"Date"}`, "Edm.Date", "Date"},                                 // printusagebyuser-get's placeholder
		{`{"d":"2023-02-29"}`, "Edm.Date", "2023-02-29"},
		{`{"d":"2023-1-05"}`, "Edm.Date", "2023-1-05"},
		{`{"d":"02023-01-05"}`, "Edm.Date", "02023-01-05"},
		{`{"d":20230105}`, "Edm.Date", "20230105"},
		{`{"t":"24:00:00"}`, "Edm.TimeOfDay", "24:00:00"},
		{`{"t":"8:00"}`, "Edm.TimeOfDay", "8:00"},
		{`{"t":"08:00:00."}`, "Edm.TimeOfDay", "08:00:00."},
		{`{"t":"08:00:00Z"}`, "Edm.TimeOfDay", "08:00:00Z"},
		{`{"p":"1H"}`, "Edm.Duration", "1H"},
		{`{"p":"P"}`, "Edm.Duration", "P"},
		{`{"p":"PT"}`, "Edm.Duration", "PT"},
		{`{"p":"P1H"}`, "Edm.Duration", "P1H"},
		{`{"p":"PT1M1H"}`, "Edm.Duration", "PT1M1H"},
		{`{"p":"P1.5D"}`, "Edm.Duration", "P1.5D"},
	} {
		var r edmRecord
		err := json.Unmarshal([]byte(c.body), &r)
		var ee *EdmError
		if !errors.As(err, &ee) || ee.Type != c.typ || ee.Text != c.text || !strings.Contains(err.Error(), c.text) {
			t.Errorf("decode %s: %v; want an *EdmError of %s naming %q", c.body, err, c.typ, c.text)
		}
	}
}

// TestEdmNullAndZero: null decodes to nil (pointer) or leaves a value
// zero; a zero value encodes as null.
func TestEdmNullAndZero(t *testing.T) {
	var r edmRecord
	if err := json.Unmarshal([]byte(`{"d":null,"t":null,"p":null}`), &r); err != nil || r.D != nil || r.T != nil || r.P != nil {
		t.Fatalf("null members: %+v, %v", r, err)
	}
	var v struct {
		D Date      `json:"d"`
		T TimeOfDay `json:"t"`
		P Duration  `json:"p"`
	}
	if b, err := json.Marshal(v); err != nil || string(b) != `{"d":null,"t":null,"p":null}` {
		t.Errorf("zero values encode as %s, %v", b, err)
	}
	if err := json.Unmarshal([]byte(`null`), &v.D); err != nil || !v.D.IsZero() {
		t.Errorf("null into a Date: %v, %v", v.D, err)
	}
}

// TestDateAccessorsAndTime: the parts of "2017-08-15" and its start in a
// location; DateOf takes the day in t's own location.
func TestDateAccessorsAndTime(t *testing.T) {
	d, err := ParseDate("2017-08-15")
	if err != nil || d.Year() != 2017 || d.Month() != time.August || d.Day() != 15 || d.String() != "2017-08-15" {
		t.Fatalf("ParseDate = %v (%d %v %d), %v", d, d.Year(), d.Month(), d.Day(), err)
	}
	tokyo := time.FixedZone("JST", 9*3600)
	if got := d.Time(tokyo); !got.Equal(time.Date(2017, 8, 14, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("Time(JST) = %v, want 2017-08-14 15:00 UTC", got)
	}
	if got := d.Time(nil); !got.Equal(time.Date(2017, 8, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time(nil) = %v, want midnight UTC", got)
	}
	late := time.Date(2017, 8, 15, 23, 30, 0, 0, time.UTC) // 08:30 on the 16th in Tokyo
	if got := DateOf(late.In(tokyo)).String(); got != "2017-08-16" {
		t.Errorf("DateOf(Tokyo) = %s, want 2017-08-16", got)
	}
	if got := DateOf(late).String(); got != "2017-08-15" {
		t.Errorf("DateOf(UTC) = %s, want 2017-08-15", got)
	}
}

// TestTimeOfDayFractionalSeconds: "08:00:00.0000000" (workingHours in the
// docs) and a time with a fraction keep their text and read their parts.
func TestTimeOfDayFractionalSeconds(t *testing.T) {
	v, err := ParseTimeOfDay("13:45:07.1250000")
	if err != nil || v.Hour() != 13 || v.Minute() != 45 || v.Second() != 7 || v.Nanosecond() != 125000000 || v.String() != "13:45:07.1250000" {
		t.Fatalf("ParseTimeOfDay = %v %d:%d:%d.%d, %v", v, v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), err)
	}
	want := 13*time.Hour + 45*time.Minute + 7125*time.Millisecond
	if v.SinceMidnight() != want {
		t.Errorf("SinceMidnight = %v, want %v", v.SinceMidnight(), want)
	}
	d, _ := ParseDate("2021-07-16")
	if got := v.On(d, time.UTC); !got.Equal(time.Date(2021, 7, 16, 13, 45, 7, 125000000, time.UTC)) {
		t.Errorf("On = %v", got)
	}
	if got := TimeOfDayOf(time.Date(2021, 1, 1, 8, 5, 0, 500000000, time.UTC)).String(); got != "08:05:00.5" {
		t.Errorf("TimeOfDayOf = %q, want 08:05:00.5", got)
	}
	if m, err := ParseTimeOfDay("00:00:00"); err != nil || m.IsZero() || m.SinceMidnight() != 0 {
		t.Errorf("midnight = %v (zero %v), %v", m, m.IsZero(), err)
	}
}

// TestDurationToTimeDuration: "PT1H30M" is 90 minutes; days are 24 hours
// and weeks 7 days; years and months have no fixed length.
func TestDurationToTimeDuration(t *testing.T) {
	for text, want := range map[string]time.Duration{
		"PT1H30M":     90 * time.Minute,
		"P1DT2H30M":   26*time.Hour + 30*time.Minute,
		"P2W":         14 * 24 * time.Hour,
		"-PT0.5S":     -500 * time.Millisecond,
		"PT0S":        0,
		"PT36H":       36 * time.Hour,
		"PT0.000001S": time.Microsecond,
	} {
		d, err := ParseDuration(text)
		if err != nil {
			t.Errorf("ParseDuration(%q): %v", text, err)
			continue
		}
		if got, err := d.Duration(); err != nil || got != want {
			t.Errorf("%q.Duration() = %v, %v; want %v", text, got, err, want)
		}
	}
	for _, text := range []string{"P1M", "P1Y", "P1Y2M3DT4H"} {
		d, err := ParseDuration(text)
		if err != nil {
			t.Fatalf("ParseDuration(%q): %v", text, err)
		}
		if _, err := d.Duration(); !errors.Is(err, ErrCalendarDuration) || !strings.Contains(err.Error(), text) {
			t.Errorf("%q.Duration() error = %v; want ErrCalendarDuration naming the value", text, err)
		}
	}
	if d, _ := ParseDuration("P999999999999999999D"); d.Years() != 0 {
		if _, err := d.Duration(); err == nil {
			t.Error("P999999999999999999D converted without error")
		}
	}
}

// TestDurationOf writes time.Durations as ISO 8601 durations.
func TestDurationOf(t *testing.T) {
	for d, want := range map[time.Duration]string{
		90 * time.Minute:                  "PT1H30M",
		26*time.Hour + 30*time.Minute:     "P1DT2H30M",
		48 * time.Hour:                    "P2D",
		0:                                 "PT0S",
		-1500 * time.Millisecond:          "-PT1.5S",
		time.Nanosecond:                   "PT0.000000001S",
		time.Hour + 2*time.Second + 30000: "PT1H2.00003S",
	} {
		got := DurationOf(d)
		if got.String() != want {
			t.Errorf("DurationOf(%v) = %q, want %q", d, got, want)
		}
		if back, err := got.Duration(); err != nil || back != d {
			t.Errorf("DurationOf(%v).Duration() = %v, %v", d, back, err)
		}
	}
}

// edmModel is a model as graphgen generates it, decoded by UnmarshalModel.
type edmModel struct {
	Start          *Date                      `json:"start,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the model as generated code does.
func (m *edmModel) UnmarshalJSON(b []byte) error {
	type plain edmModel
	return UnmarshalModel(b, (*plain)(m), &m.AdditionalData)
}

// TestEdmInModels: a model's decoding error names the member and the
// value (graphtest's TestEdmInBodyChecks: the mock refuses the same text).
func TestEdmInModels(t *testing.T) {
	m, err := Decode[edmModel]([]byte(`{"start":"2017-08-15"}`))
	if err != nil || m.Start.String() != "2017-08-15" || len(m.AdditionalData) != 0 {
		t.Fatalf("Decode = %+v, %v", m, err)
	}
	_, err = Decode[edmModel]([]byte(`{"start":"2017-08-15T00:00:00Z"}`))
	if err == nil || !strings.Contains(err.Error(), "start") || !strings.Contains(err.Error(), "2017-08-15T00:00:00Z") {
		t.Errorf("Decode of a timestamp into a Date: %v; want the member and the value named", err)
	}
}

// FuzzParseDate: ParseDate never panics, and a date it accepts is written
// back as the same text, through JSON too, and survives time.Time.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2017-08-15", "0001-01-01", "-0044-03-15", "12345-06-07", "2024-02-29", "2023-02-29", "2001-01-01T00:00:00Z", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d)
		}
		checkJSONRoundTrip(t, s, &d)
		if back := DateOf(d.Time(time.UTC)); back != d {
			t.Fatalf("DateOf(%q.Time) = %q", s, back)
		}
	})
}

// FuzzParseTimeOfDay: ParseTimeOfDay never panics, keeps what it accepts
// as written, and its parts are in range.
func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"08:00:00.0000000", "17:30", "23:59:59.123456789012", "24:00", "08:00:00.", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseTimeOfDay(s)
		if err != nil {
			return
		}
		if v.String() != s || v.SinceMidnight() < 0 || v.SinceMidnight() >= 24*time.Hour {
			t.Fatalf("ParseTimeOfDay(%q) = %q, %v since midnight", s, v, v.SinceMidnight())
		}
		checkJSONRoundTrip(t, s, &v)
	})
}

// FuzzParseDuration: ParseDuration never panics, keeps what it accepts as
// written, and a duration without years or months that converts comes
// back the same through DurationOf.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"PT1H30M", "P1DT2H30M", "-PT0.5S", "P1M", "P1Y2M3W4DT5H6M7.25S", "PT", "P", "P999999999999999999W"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseDuration(s)
		if err != nil {
			return
		}
		if v.String() != s {
			t.Fatalf("ParseDuration(%q).String() = %q", s, v)
		}
		checkJSONRoundTrip(t, s, &v)
		d, err := v.Duration()
		if err != nil {
			return
		}
		if back, err := DurationOf(d).Duration(); err != nil || back != d {
			t.Fatalf("%q is %v; DurationOf gives %q, which is %v, %v", s, d, DurationOf(d), back, err)
		}
	})
}

// checkJSONRoundTrip encodes v and decodes it into a new value of its
// type, requiring the text s both ways.
func checkJSONRoundTrip[T any, P interface {
	*T
	json.Marshaler
	json.Unmarshaler
}](t *testing.T, s string, v P) {
	t.Helper()
	b, err := v.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON(%q): %v", s, err)
	}
	var back T
	if err := P(&back).UnmarshalJSON(b); err != nil {
		t.Fatalf("UnmarshalJSON(%s): %v", b, err)
	}
	if b2, _ := P(&back).MarshalJSON(); string(b2) != string(b) {
		t.Fatalf("%q encodes as %s, then %s", s, b, b2)
	}
}
