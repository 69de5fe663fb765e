package graphrt

import (
	"encoding/json"
	"strings"
	"testing"
)

// scanSeeds are JSON texts at the edges of the grammar, valid or not.
var scanSeeds = []string{
	``, ` `, `0`, `-0`, `-`, `01`, `1.`, `1.5`, `.5`, `1e`, `1e+`, `1E-7`, `1e5x`,
	`""`, `"\u00e9"`, `"\u12"`, `"\x"`, "\"a\tb\"", "\"a\xffb\"", `"\/\b\f\n\r\t\\\""`,
	`true`, `tru`, `false`, `null`, `nul`, `[]`, `[1,]`, `[,1]`, `[1 2]`, `{}`,
	`{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1}}`, `{"a":[{"b":null}]} `, "\t[\n1\r]",
	strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000),
	strings.Repeat("[", 10_001) + strings.Repeat("]", 10_001),
	strings.Repeat(`{"a":`, 10_001) + "1" + strings.Repeat("}", 10_001),
}

// FuzzWholeValue: the scanner accepts exactly what encoding/json accepts.
func FuzzWholeValue(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, err := wholeValue(data)
		if valid := json.Valid(data); (err == nil) != valid {
			t.Errorf("wholeValue(%q) = %v, json.Valid = %v", data, err, valid)
		}
	})
}

func TestWholeValueAgreesWithJSONValid(t *testing.T) {
	for _, s := range scanSeeds {
		_, _, err := wholeValue([]byte(s))
		if valid := json.Valid([]byte(s)); (err == nil) != valid {
			t.Errorf("wholeValue(%.40q) = %v, json.Valid = %v", s, err, valid)
		}
	}
}
