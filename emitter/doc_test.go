package emitter

import (
	"slices"
	"strings"
	"testing"
)

// TestDocLinesSanitises: what a comment line may not hold becomes a space
// (controls, DEL, format characters) or a line break (U+2028, U+2029),
// whether the text is ASCII or not; words are wrapped at 76 bytes.
func TestDocLinesSanitises(t *testing.T) {
	long := strings.Repeat("word ", 20)
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"plain text", []string{"plain text"}},
		{"tab\there\r\nnext\x7fDEL", []string{"tab here", "next DEL"}},
		{"nul\x00byte", []string{"nul byte"}},
		{"é\u200ebidi\u2028line\u2029para", []string{"é bidi", "line", "para"}},
		{"\x1b[31mred", []string{"[31mred"}},
		{"- not a list", []string{"(-) not a list"}},
		{long, []string{strings.TrimSpace(strings.Repeat("word ", 15)), strings.TrimSpace(strings.Repeat("word ", 5))}},
	} {
		if got := docLines(c.in); !slices.Equal(got, c.want) {
			t.Errorf("docLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
