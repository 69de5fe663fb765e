package graphrt

import (
	"strings"
	"time"
)

// TimeOfDay is an Edm.TimeOfDay: a time of the day without date or zone,
// kept as written ("08:30", "08:30:00", "08:30:00.0000000"). The zero
// TimeOfDay is no time (it encodes as null); midnight is "00:00:00".
type TimeOfDay struct {
	text string
	nsec time.Duration // since midnight
}

// maxFractionDigits bounds the fractional seconds TimeOfDay and Duration
// accept (OData allows 12; digits past the ninth are below a nanosecond).
const maxFractionDigits = 12

// TimeOfDayOf returns the time of day of t in t's location, written
// "15:04:05" with the fraction of a second, when there is one, in as few
// digits as it needs.
func TimeOfDayOf(t time.Time) TimeOfDay {
	text := t.Format("15:04:05.999999999")
	v, _ := ParseTimeOfDay(text)
	return v
}

// ParseTimeOfDay reads an Edm.TimeOfDay: hours (00-23) and minutes
// (00-59), then optionally ":" and seconds (00-59), then optionally "."
// and 1 to 12 digits of a second.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	h, ok1 := twoDigits(s, 0, 23)
	m, ok2 := twoDigits(s, 3, 59)
	if !ok1 || !ok2 || s[2] != ':' {
		return TimeOfDay{}, edmErr("Edm.TimeOfDay", s, "not of the form hh:mm[:ss[.fffffff]]")
	}
	ns := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	rest := s[5:]
	if rest != "" {
		sec, err := parseSeconds(s, rest)
		if err != nil {
			return TimeOfDay{}, err
		}
		ns += sec
	}
	return TimeOfDay{text: s, nsec: ns}, nil
}

// parseSeconds reads ":ss[.f...]", the end of the Edm.TimeOfDay s.
func parseSeconds(s, rest string) (time.Duration, error) {
	sec, ok := twoDigits(rest, 1, 59)
	if !ok || rest[0] != ':' {
		return 0, edmErr("Edm.TimeOfDay", s, "the seconds are not :00 to :59")
	}
	frac, ok := fraction(rest[3:])
	if !ok {
		return 0, edmErr("Edm.TimeOfDay", s, "the fraction of a second is not '.' and 1 to 12 digits")
	}
	return time.Duration(sec)*time.Second + frac, nil
}

// fraction reads "" or "." and 1 to 12 digits as a part of a second.
func fraction(s string) (time.Duration, bool) {
	if s == "" {
		return 0, true
	}
	if s[0] != '.' || len(s) < 2 || len(s) > 1+maxFractionDigits || digits(s, 1) != len(s) {
		return 0, false
	}
	d := s[1:min(len(s), 10)] + strings.Repeat("0", 10-min(len(s), 10))
	var ns time.Duration
	for _, c := range d {
		ns = ns*10 + time.Duration(c-'0')
	}
	return ns, true
}

// Hour is the hour, 0 to 23.
func (t TimeOfDay) Hour() int { return int(t.nsec / time.Hour) }

// Minute is the minute of the hour, 0 to 59.
func (t TimeOfDay) Minute() int { return int(t.nsec % time.Hour / time.Minute) }

// Second is the second of the minute, 0 to 59.
func (t TimeOfDay) Second() int { return int(t.nsec % time.Minute / time.Second) }

// Nanosecond is the fraction of the second in nanoseconds (digits past
// the ninth are dropped).
func (t TimeOfDay) Nanosecond() int { return int(t.nsec % time.Second) }

// SinceMidnight is the time elapsed since the start of the day.
func (t TimeOfDay) SinceMidnight() time.Duration { return t.nsec }

// IsZero reports the zero TimeOfDay, which is no time.
func (t TimeOfDay) IsZero() bool { return t.text == "" }

// On is the instant of this time of day on date d in loc (UTC when loc
// is nil), as time.Date reckons it.
func (t TimeOfDay) On(d Date, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.year, d.month, d.day, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// String is the time of day as written; "" for the zero TimeOfDay.
func (t TimeOfDay) String() string { return t.text }

// MarshalJSON encodes the text as written, the zero TimeOfDay as null.
func (t TimeOfDay) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return quoteJSON(t.text), nil
}

// UnmarshalJSON decodes a JSON string holding an Edm.TimeOfDay (null
// leaves t unchanged); any other text is an *EdmError naming it.
func (t *TimeOfDay) UnmarshalJSON(b []byte) error {
	s, isNull, err := jsonText("Edm.TimeOfDay", b)
	if isNull || err != nil {
		return err
	}
	v, err := ParseTimeOfDay(s)
	if err == nil {
		*t = v
	}
	return err
}
