package graphrt

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is an Edm.Duration: an ISO 8601 duration such as "PT1H30M" or
// "P1DT2H30M", kept as written. The zero Duration is no duration (it
// encodes as null); no time at all is "PT0S".
type Duration struct {
	text  string
	neg   bool
	parts [7]int64 // years, months, weeks, days, hours, minutes, seconds
	nsec  int64    // fraction of the seconds
}

// The parts of a Duration, in the order they are written.
const (
	partYears = iota
	partMonths
	partWeeks
	partDays
	partHours
	partMinutes
	partSeconds
)

// partUnits are the designators of the parts before and after "T".
var partUnits = [2]string{"YMWD", "HMS"}

// partLengths are the lengths of the parts that have one; years and
// months have none.
var partLengths = [7]time.Duration{0, 0, 7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second}

// maxPartDigits bounds each number of a Duration.
const maxPartDigits = 18

// ErrCalendarDuration is wrapped by Duration.Duration for a duration with
// years or months, whose length depends on the date it starts from.
var ErrCalendarDuration = errors.New("graphrt: years and months have no fixed length")

// DurationOf writes d as an Edm.Duration: days, hours, minutes and
// seconds with their fraction, each only when not zero ("P1DT2H30M",
// "-PT0.5S", "PT0S").
func DurationOf(d time.Duration) Duration {
	var b strings.Builder
	u := uint64(d)
	if d < 0 {
		b.WriteByte('-')
		u = -u
	}
	b.WriteByte('P')
	day := uint64(24 * time.Hour)
	if u >= day {
		b.WriteString(strconv.FormatUint(u/day, 10) + "D")
		u %= day
	}
	if u > 0 || b.Len() <= 2 {
		b.WriteString("T" + clockParts(u))
	}
	v, _ := ParseDuration(b.String())
	return v
}

// clockParts writes hours, minutes and seconds of u nanoseconds (less
// than a day), "0S" when all are zero.
func clockParts(u uint64) string {
	h, m := u/uint64(time.Hour), u%uint64(time.Hour)/uint64(time.Minute)
	s := u % uint64(time.Minute)
	out := ""
	if h > 0 {
		out += strconv.FormatUint(h, 10) + "H"
	}
	if m > 0 {
		out += strconv.FormatUint(m, 10) + "M"
	}
	if s > 0 || out == "" {
		out += strconv.FormatUint(s/uint64(time.Second), 10)
		if ns := s % uint64(time.Second); ns != 0 {
			out += "." + strings.TrimRight(strconv.FormatUint(ns+1e9, 10)[1:], "0")
		}
		out += "S"
	}
	return out
}

// ParseDuration reads an ISO 8601 duration: an optional "-", "P", then
// numbers with designators in order, years "Y", months "M", weeks "W" and
// days "D", then "T" and hours "H", minutes "M" and seconds "S" (the
// seconds may have "." and 1 to 12 digits). At least one part is needed,
// and one after "T" when there is a "T".
func ParseDuration(s string) (Duration, error) {
	v := Duration{text: s}
	rest, neg := strings.CutPrefix(s, "-")
	v.neg = neg
	rest, ok := strings.CutPrefix(rest, "P")
	if !ok {
		return Duration{}, edmErr("Edm.Duration", s, `it does not start with "P" (ISO 8601, e.g. "PT1H30M")`)
	}
	date, clock, hasT := strings.Cut(rest, "T")
	n, err := v.readParts(s, date, 0)
	if err != nil {
		return Duration{}, err
	}
	m, err := v.readParts(s, clock, 1)
	switch {
	case err != nil:
		return Duration{}, err
	case n+m == 0, hasT && m == 0:
		return Duration{}, edmErr("Edm.Duration", s, `no part, or none after "T"`)
	}
	return v, nil
}

// readParts reads the parts of one side of "T" (half 0 before, 1 after)
// into v, returning how many it read.
func (v *Duration) readParts(s, side string, half int) (int, error) {
	units, first, n := partUnits[half], half*4, 0
	for side != "" {
		end := digits(side, 0)
		num, frac := side[:end], ""
		if half == 1 && end < len(side) && side[end] == '.' {
			fracEnd := digits(side, end+1)
			num, frac, end = side[:end], side[end:fracEnd], fracEnd
		}
		if num == "" || len(num) > maxPartDigits || end == len(side) {
			return 0, edmErr("Edm.Duration", s, "a part is not a number of at most 18 digits and a designator")
		}
		k := strings.IndexByte(units, side[end])
		if k < 0 || frac != "" && units[k] != 'S' {
			return 0, edmErr("Edm.Duration", s, "a designator is not one of "+units+", or a fraction is not on the seconds")
		}
		if err := v.setPart(s, first+k, num, frac); err != nil {
			return 0, err
		}
		units, first, side, n = units[k+1:], first+k+1, side[end+1:], n+1
	}
	return n, nil
}

// setPart stores one number, and the fraction of the seconds.
func (v *Duration) setPart(s string, part int, num, frac string) error {
	v.parts[part], _ = strconv.ParseInt(num, 10, 64)
	if frac == "" {
		return nil
	}
	ns, ok := fraction(frac)
	if !ok {
		return edmErr("Edm.Duration", s, "the fraction of a second is not '.' and 1 to 12 digits")
	}
	v.nsec = int64(ns)
	return nil
}

// Duration converts d to a time.Duration, a week being 7 days and a day
// 24 hours. Years and months have no fixed length: a duration with them
// is an error wrapping ErrCalendarDuration, as is one beyond the range
// of time.Duration.
func (d Duration) Duration() (time.Duration, error) {
	if d.parts[partYears] != 0 || d.parts[partMonths] != 0 {
		return 0, &edmConvError{d.text, ErrCalendarDuration}
	}
	total := d.nsec
	for p := partWeeks; p <= partSeconds; p++ {
		unit := int64(partLengths[p])
		if d.parts[p] > (math.MaxInt64-total)/unit {
			return 0, &edmConvError{d.text, errDurationRange}
		}
		total += d.parts[p] * unit
	}
	if d.neg {
		total = -total
	}
	return time.Duration(total), nil
}

// errDurationRange is the cause of a duration too long for time.Duration.
var errDurationRange = errors.New("graphrt: longer than a time.Duration holds (about 292 years)")

// edmConvError is the error of converting a Duration; it names the text.
type edmConvError struct {
	text string
	err  error
}

// Error names the duration and the cause.
func (e *edmConvError) Error() string {
	return "graphrt: duration " + strconv.Quote(e.text) + ": " + strings.TrimPrefix(e.err.Error(), "graphrt: ")
}

// Unwrap returns the cause.
func (e *edmConvError) Unwrap() error { return e.err }

// Years is the number of years written, Months that of months: they have
// no fixed length, so Duration refuses them.
func (d Duration) Years() int64 { return d.parts[partYears] }

// Months is the number of months written.
func (d Duration) Months() int64 { return d.parts[partMonths] }

// IsZero reports the zero Duration, which is no duration.
func (d Duration) IsZero() bool { return d.text == "" }

// String is the duration as written; "" for the zero Duration.
func (d Duration) String() string { return d.text }

// MarshalJSON encodes the text as written, the zero Duration as null.
func (d Duration) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return quoteJSON(d.text), nil
}

// UnmarshalJSON decodes a JSON string holding an Edm.Duration (null
// leaves d unchanged); any other text is an *EdmError naming it.
func (d *Duration) UnmarshalJSON(b []byte) error {
	s, isNull, err := jsonText("Edm.Duration", b)
	if isNull || err != nil {
		return err
	}
	v, err := ParseDuration(s)
	if err == nil {
		*d = v
	}
	return err
}
