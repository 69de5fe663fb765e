package graphrt

import (
	"fmt"
	"strconv"
	"time"
)

// Date is an Edm.Date: a day of the calendar without time or zone, sent
// as "2006-01-02". The zero Date is no date (it encodes as null).
type Date struct {
	year  int
	month time.Month
	day   int
}

// maxYearDigits bounds the years Date accepts (OData allows more than
// four digits; nine keep every year within an int).
const maxYearDigits = 9

// DateOf returns the day t falls on in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{year: y, month: m, day: d}
}

// ParseDate reads an Edm.Date: an optional "-", a year of four digits
// (more without a leading zero), "-", month and day of two digits, a day
// that exists. Those are the forms String writes back unchanged.
func ParseDate(s string) (Date, error) {
	i := 0
	if len(s) > 0 && s[0] == '-' {
		i = 1
	}
	end := digits(s, i)
	switch n := end - i; {
	case n < 4 || n > maxYearDigits:
		return Date{}, edmErr("Edm.Date", s, "the year needs 4 to 9 digits (YYYY-MM-DD)")
	case n > 4 && s[i] == '0', i == 1 && s[1:end] == "0000":
		return Date{}, edmErr("Edm.Date", s, "the year has a leading zero or a sign too many")
	}
	year, _ := strconv.Atoi(s[i:end])
	if i == 1 {
		year = -year
	}
	return parseMonthDay(s, end, year)
}

// parseMonthDay reads "-MM-DD" at the end of s from i.
func parseMonthDay(s string, i, year int) (Date, error) {
	if len(s) != i+6 || s[i] != '-' || s[i+3] != '-' {
		return Date{}, edmErr("Edm.Date", s, "not of the form YYYY-MM-DD")
	}
	month, ok1 := twoDigits(s, i+1, 12)
	day, ok2 := twoDigits(s, i+4, 31)
	if !ok1 || !ok2 || month == 0 || day == 0 || day > daysIn(time.Month(month), year) {
		return Date{}, edmErr("Edm.Date", s, "no such day")
	}
	return Date{year: year, month: time.Month(month), day: day}, nil
}

// daysIn is the number of days of month in year (proleptic Gregorian).
func daysIn(m time.Month, year int) int {
	if m == time.February {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 31 - int(m-1)%7%2
}

// Year is the date's year.
func (d Date) Year() int { return d.year }

// Month is the date's month.
func (d Date) Month() time.Month { return d.month }

// Day is the date's day of the month.
func (d Date) Day() int { return d.day }

// IsZero reports the zero Date, which is no date.
func (d Date) IsZero() bool { return d.month == 0 }

// Time is the start of the day in loc (UTC when loc is nil).
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, loc)
}

// String is the date as Graph sends it, "2006-01-02"; "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.year < 0:
		return fmt.Sprintf("-%04d-%02d-%02d", -d.year, int(d.month), d.day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, int(d.month), d.day)
}

// MarshalJSON encodes the date as a JSON string, the zero Date as null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return quoteJSON(d.String()), nil
}

// UnmarshalJSON decodes a JSON string holding an Edm.Date (null leaves d
// unchanged); any other text is an *EdmError naming it.
func (d *Date) UnmarshalJSON(b []byte) error {
	s, isNull, err := jsonText("Edm.Date", b)
	if isNull || err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err == nil {
		*d = v
	}
	return err
}
