package generated

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/graphgen-dev/graphgen"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// TestEdmDateFieldKeepsTheDocsText: recurrenceRange documents startDate
// and endDate as Date; the range that api/group-get-event.md (English
// v1.0, 2021-07-16, lines 152-158) answers, copied here by hand, decodes
// into graphrt.Date fields and encodes back to the same text.
func TestEdmDateFieldKeepsTheDocsText(t *testing.T) {
	const example = `{"type":"noEnd","startDate":"2017-08-15","endDate":"0001-01-01","recurrenceTimeZone":"Eastern Standard Time","numberOfOccurrences":0}`
	r, err := graphrt.Decode[RecurrenceRange]([]byte(example))
	if err != nil {
		t.Fatal(err)
	}
	var start graphrt.Date = *r.StartDate // the field's type is the runtime's date
	if start.Year() != 2017 || start.Month() != time.August || start.Day() != 15 {
		t.Errorf("startDate = %d-%v-%d, want 2017 August 15", start.Year(), start.Month(), start.Day())
	}
	if r.EndDate.String() != "0001-01-01" {
		t.Errorf("endDate = %q, want 0001-01-01", r.EndDate)
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, member := range []string{`"startDate":"2017-08-15"`, `"endDate":"0001-01-01"`} {
		if !strings.Contains(string(out), member) {
			t.Errorf("re-encoded range %s lacks %s", out, member)
		}
	}
}

// TestEdmTimeOfDayFromTheDocsExample: the answer of
// user-get-mailboxsettings.md sends workingHours' startTime and endTime
// (documented as TimeOfDay) with seven fraction digits, "08:00:00.0000000";
// they decode into graphrt.TimeOfDay, read 8:00 and 17:00, and keep their
// text.
func TestEdmTimeOfDayFromTheDocsExample(t *testing.T) {
	page, err := fs.ReadFile(graphgen.BundledDocs(), "en-2021/api-reference/v1.0/api/user-get-mailboxsettings.md")
	if err != nil {
		t.Fatal(err)
	}
	_, answer, _ := strings.Cut(string(page), "HTTP/1.1 200 OK")
	body := answer[strings.Index(answer, "{"):]
	body = body[:strings.Index(body, "```")]
	m, err := graphrt.Decode[MailboxSettings]([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	var start, end graphrt.TimeOfDay = *m.WorkingHours.StartTime, *m.WorkingHours.EndTime
	if start.Hour() != 8 || start.Minute() != 0 || end.Hour() != 17 || end.SinceMidnight() != 17*time.Hour {
		t.Errorf("working hours %v to %v; want 08:00 to 17:00", start, end)
	}
	out, err := json.Marshal(m.WorkingHours)
	if err != nil {
		t.Fatal(err)
	}
	for _, member := range []string{`"startTime":"08:00:00.0000000"`, `"endTime":"17:00:00.0000000"`} {
		if !strings.Contains(string(out), member) {
			t.Errorf("re-encoded workingHours %s lacks %s", out, member)
		}
	}
}
