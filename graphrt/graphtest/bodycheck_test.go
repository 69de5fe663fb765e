package graphtest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/graphgen-dev/graphgen/graphrt"
	"github.com/graphgen-dev/graphgen/graphrt/graphtest"
)

// The types below are written as graphgen writes models and request
// bodies (see generated/models_*.go): the "@odata.type" field carries the
// OData type name in its "odata" tag.

type emailAddress struct {
	ODataType      *string                    `json:"@odata.type,omitempty" odata:"microsoft.graph.emailAddress"`
	Address        *string                    `json:"address,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

type recipient struct {
	ODataType      *string                    `json:"@odata.type,omitempty" odata:"microsoft.graph.recipient"`
	EmailAddress   *emailAddress              `json:"emailAddress,omitempty"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

type importance string

// level is a type with its own JSON decoding: the numbers 1 to 3.
type level int

func (l *level) UnmarshalJSON(b []byte) error {
	n, err := strconv.Atoi(string(b))
	if err != nil || n < 1 || n > 3 {
		return fmt.Errorf("bad level %s", b)
	}
	*l = level(n)
	return nil
}

type message struct {
	ODataType        *string                    `json:"@odata.type,omitempty" odata:"microsoft.graph.message"`
	Subject          *string                    `json:"subject,omitempty"`
	ToRecipients     []recipient                `json:"toRecipients,omitempty"`
	Importance       *importance                `json:"importance,omitempty"`
	ReceivedDateTime *time.Time                 `json:"receivedDateTime,omitempty"`
	Size             *int32                     `json:"size,omitempty"`
	ContentBytes     []byte                     `json:"contentBytes,omitempty"`
	Weight           *float64                   `json:"weight,omitempty"`
	Undocumented     json.RawMessage            `json:"undocumented,omitempty"`
	Level            *level                     `json:"level,omitempty"`
	Checksum         *[2]uint8                  `json:"checksum,omitempty"`
	AdditionalData   map[string]json.RawMessage `json:"-"`
}

type sendMailRequest struct {
	Message         message                    `json:"message"`
	SaveToSentItems *bool                      `json:"saveToSentItems,omitempty"`
	AdditionalData  map[string]json.RawMessage `json:"-"`
}

// TestCheckJSONSpeaksTheAPI: every problem is named by its member path,
// the JSON kind expected and sent and the OData type, never by Go names.
func TestCheckJSONSpeaksTheAPI(t *testing.T) {
	check := graphtest.CheckJSON[sendMailRequest]("message")
	tests := []struct{ body, want string }{
		{`{"message":{"subject":"Hi","toRecipients":[{"emailAddress":{"address":"a@contoso.com"}}]},"saveToSentItems":true}`, ""},
		{`{"message":5}`, `member "message" must be an object (microsoft.graph.message), got a number`},
		{`{"message":{},"saveToSentItems":"false"}`, `member "saveToSentItems" must be a boolean, got a string`},
		{`{"message":{"toRecipients":{}}}`, `member "message.toRecipients" must be an array, got an object`},
		{`{"message":{"toRecipients":[{"emailAddress":{}},{"emailAddress":"a@contoso.com"}]}}`,
			`member "message.toRecipients[1].emailAddress" must be an object (microsoft.graph.emailAddress), got a string`},
		{`{"message":{"toRecipients":[{"emailAddress":{"address":true}}]}}`,
			`member "message.toRecipients[0].emailAddress.address" must be a string, got a boolean`},
		{`{"message":{"toRecipients":["a@contoso.com"]}}`, `member "message.toRecipients[0]" must be an object (microsoft.graph.recipient), got a string`},
		{`{"message":{"importance":1}}`, `member "message.importance" must be a string, got a number`},
		{`{"message":{"size":"12"}}`, `member "message.size" must be an integer (Edm.Int32), got a string`},
		{`{"message":{"size":1.5}}`, `member "message.size" must be an integer (Edm.Int32), got 1.5`},
		{`{"message":{"size":3000000000}}`, `member "message.size" must be an integer (Edm.Int32), got 3000000000`},
		{`{"message":{"weight":1e999}}`, `member "message.weight" must be a number, got 1e999`},
		{`{"message":{"weight":[]}}`, `member "message.weight" must be a number, got an array`},
		{`{"message":{"receivedDateTime":"yesterday"}}`, `member "message.receivedDateTime" must be a timestamp such as "2024-01-31T09:30:00Z" (Edm.DateTimeOffset), got "yesterday"`},
		{`{"message":{"receivedDateTime":"2019-02-07T21:57:05Z"}}`, ""},
		{`{"message":{"receivedDateTime":"2019-02-07T21:57:05"}}`, ""}, // no zone: Graph sends these
		{`{"message":{"contentBytes":"not base64!"}}`, `member "message.contentBytes" must be a base64-encoded string (Edm.Binary), got "not base64!"`},
		{`{"message":{"contentBytes":"aGVsbG8="}}`, ""},
		{`{"message":{"undocumented":{"any":[1,"x"]}}}`, ""},
		{`{"message":{"level":2}}`, ""},
		{`{"message":{"level":null}}`, ""},
		{`{"message":{"level":7}}`, `member "message.level" has an invalid value: 7`},
		{`{"message":{"level":"a string much longer than forty bytes in all"}}`, `member "message.level" has an invalid value: "a string much longer than forty byte...`},
		{`{"message":{"checksum":[1,2]}}`, ""}, // an array of bytes is not base64
		{`{"message":{"checksum":[1,256]}}`, `member "message.checksum[1]" must be an integer (Edm.Byte), got 256`},
		{`{"message":{"subject":null,"toRecipients":null}}`, ""},
		// members of nested objects that the type does not declare are kept
		// by models (derived types, annotations), as is a member whose
		// name differs only in case
		{`{"message":{"@odata.type":"#microsoft.graph.eventMessage","meetingMessageType":"meetingRequest","Subject":5}}`, ""},
		{`{"message":{},"colour":"red"}`, `unknown member "colour" in the request body`},
		{`{"message":{},"Message":{}}`, `unknown member "Message" in the request body`},
		{`{"message":{},"@odata.type":"#x","message@odata.context":"y"}`, ""},
		{`{"saveToSentItems":true}`, `required member "message" is missing`},
		{`{"message":null}`, `required member "message" is missing`},
		{`[1,2]`, `request body must be a JSON object, got an array`},
		{`null`, `request body must be a JSON object, got null`},
		{`"message"`, `request body must be a JSON object, got a string`},
		{`{"message":`, `request body is not valid JSON: unexpected end of JSON input at offset 11`},
		{`{"message":{}} x`, `request body is not valid JSON: invalid character 'x' after top-level value at offset 15`},
		{`{"message":{},}`, `request body is not valid JSON: invalid character '}' looking for beginning of object key string at offset 14`},
	}
	for _, tt := range tests {
		err := check([]byte(tt.body))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckJSON(%s)\n got  %q\n want %q", tt.body, got, tt.want)
		}
		for _, leak := range []string{"Go ", "struct", "graphrt", "sendMailRequest", "plain", "json:", "int32", "float64"} {
			if strings.Contains(got, leak) {
				t.Errorf("CheckJSON(%s) = %q names a Go internal (%q)", tt.body, got, leak)
			}
		}
	}
}

// TestCheckTypes: a resource body lets undeclared members through at
// every level but checks the declared ones.
func TestCheckTypes(t *testing.T) {
	check := graphtest.CheckTypes[message]()
	tests := []struct{ body, want string }{
		{`{"subject":"Hi","categories":["x"],"toRecipients":[]}`, ""},
		{`{"subject":5}`, `member "subject" must be a string, got a number`},
		{`{"toRecipients":[{"emailAddress":[]}]}`, `member "toRecipients[0].emailAddress" must be an object (microsoft.graph.emailAddress), got an array`},
		{`[]`, `request body must be a JSON object (microsoft.graph.message), got an array`},
	}
	for _, tt := range tests {
		err := check([]byte(tt.body))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckTypes(%s)\n got  %q\n want %q", tt.body, got, tt.want)
		}
	}
}

type resetRequest struct {
	Mode     string `json:"mode"`
	KeepName *bool  `json:"keepName,omitempty"`
}

// TestMuxBodyCheckErrors: a failing check is a 400 BadRequest whose
// message names the operation and the problem in the API's terms.
func TestMuxBodyCheckErrors(t *testing.T) {
	m := graphtest.NewMux()
	m.Handle(graphtest.Route{Operation: "widget-reset", Method: "POST", Pattern: "/v1.0/widgets/{id}/reset", Body: graphtest.BodyJSON,
		Check: graphtest.CheckJSON[resetRequest]("mode")}, func(w http.ResponseWriter, r *http.Request) {})
	tests := []struct{ body, want string }{
		{`{"colour":"red"}`, `widget-reset: unknown member "colour" in the request body.`},
		{`{"mode":"full","keepName":"yes"}`, `widget-reset: member "keepName" must be a boolean, got a string.`},
		{`{"mode":`, `widget-reset: request body is not valid JSON: unexpected end of JSON input at offset 8.`},
		{`{"mode":1}`, `widget-reset: member "mode" must be a string, got a number.`},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("POST", "/v1.0/widgets/w/reset", strings.NewReader(tt.body))
		req.Header.Set("Authorization", "Bearer t")
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		m.ServeHTTP(rec, req)
		var e struct {
			Error struct{ Code, Message string }
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &e)
		if rec.Code != 400 || e.Error.Code != "BadRequest" || e.Error.Message != tt.want {
			t.Errorf("%s: %d %s %q, want 400 BadRequest %q", tt.body, rec.Code, e.Error.Code, e.Error.Message, tt.want)
		}
	}
}

// TestMuxSyntaxErrorWithoutCheck: a route without a typed check still
// says where the JSON breaks.
func TestMuxSyntaxErrorWithoutCheck(t *testing.T) {
	for _, rule := range []graphtest.BodyRule{graphtest.BodyJSON, graphtest.BodyOptional} {
		m := graphtest.NewMux()
		m.Handle(graphtest.Route{Operation: "op", Method: "POST", Pattern: "/v1.0/x", Body: rule}, func(w http.ResponseWriter, r *http.Request) {})
		rec := call(m, "POST", "/v1.0/x", "", http.Header{"Content-Type": {"application/json"}}, `{"a":1,}`)
		want := `"op: request body is not valid JSON: invalid character '}' looking for beginning of object key string at offset 7."`
		if rec.Code != 400 || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("rule %d: %d %s, want 400 with %s", rule, rec.Code, rec.Body, want)
		}
	}
}

// dashRequest has a member named "-", which encoding/json spells "-,".
type dashRequest struct {
	Dash    string `json:"-,"`
	Skipped string `json:"-"`
}

// TestCheckJSONMemberNamedDash: the tag "-," declares the member "-"; only
// the tag "-" skips a field.
func TestCheckJSONMemberNamedDash(t *testing.T) {
	check := graphtest.CheckJSON[dashRequest]("-")
	if err := check([]byte(`{"-":"x"}`)); err != nil {
		t.Errorf(`CheckJSON({"-":"x"}) = %v, want nil`, err)
	}
	if err := check([]byte(`{}`)); err == nil || !strings.Contains(err.Error(), `required member "-"`) {
		t.Errorf("CheckJSON({}) = %v, want the missing member", err)
	}
	if err := check([]byte(`{"-":"x","Skipped":"y"}`)); err == nil || !strings.Contains(err.Error(), "unknown member") {
		t.Errorf("CheckJSON with a skipped field's name = %v, want an unknown member", err)
	}
}

// FuzzCheckJSON: any body gets an answer, never a panic; a body the check
// accepts has no syntax error, and one that encoding/json decodes into the
// type (an object) passes CheckTypes.
func FuzzCheckJSON(f *testing.F) {
	for _, seed := range []string{`{"message":{"toRecipients":[{"emailAddress":{"address":"a"}}]}}`, `[`, `{"message":{"size":1e3}}`, `null`, `{"message":{"level":"x"}}`} {
		f.Add([]byte(seed))
	}
	strict, loose := graphtest.CheckJSON[sendMailRequest]("message"), graphtest.CheckTypes[message]()
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, check := range []func([]byte) error{strict, loose} {
			if err := check(body); err == nil && !json.Valid(body) {
				t.Errorf("accepted invalid JSON %q", body)
			}
		}
		var m *message
		if json.Unmarshal(body, &m) == nil && m != nil {
			if err := loose(body); err != nil {
				t.Errorf("encoding/json decodes %q, CheckTypes says %v", body, err)
			}
		}
	})
}

// BenchmarkCheckJSON checks a 0.7 MB sendMail-like body with 10,000
// recipients, the size of the largest bodies a mock test sends.
func BenchmarkCheckJSON(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"message":{"subject":"Hi","size":12,"receivedDateTime":"2019-02-07T21:57:05Z","toRecipients":[`)
	for i := range 10000 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"emailAddress":{"address":"user%d@contoso.com","name":"User %d"}}`, i, i)
	}
	sb.WriteString(`]},"saveToSentItems":true}`)
	body := []byte(sb.String())
	check := graphtest.CheckJSON[sendMailRequest]("message")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := check(body); err != nil {
			b.Fatal(err)
		}
	}
}

// edmRecord holds one field of each Edm type, as a generated model does.
type edmRecord struct {
	D *graphrt.Date      `json:"d,omitempty"`
	T *graphrt.TimeOfDay `json:"t,omitempty"`
	P *graphrt.Duration  `json:"p,omitempty"`
}

// TestEdmInBodyChecks: the mock's body check takes Graph's Edm texts and
// refuses the text a model refuses (graphrt's TestEdmInModels).
func TestEdmInBodyChecks(t *testing.T) {
	check := graphtest.CheckJSON[edmRecord]()
	if err := check([]byte(`{"d":"2017-08-15","t":"08:00","p":"PT1H"}`)); err != nil {
		t.Errorf("body check of valid values: %v", err)
	}
	if err := check([]byte(`{"p":"1 hour"}`)); err == nil || !strings.Contains(err.Error(), `"p"`) {
		t.Errorf("body check of \"1 hour\" as a duration: %v; want member \"p\" refused", err)
	}
}
