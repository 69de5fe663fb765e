package graphrt

import (
	"net/http"
	"testing"
)

func TestNewClientDefaults(t *testing.T) {
	tests := []struct {
		hc       *http.Client
		base     string
		wantHC   *http.Client
		wantBase string
	}{
		{nil, "", http.DefaultClient, DefaultBaseURL},
		{&http.Client{}, "http://x/", nil, "http://x"},
		{nil, "http://x/api///", http.DefaultClient, "http://x/api"},
	}
	for _, tt := range tests {
		c := NewClient(tt.hc, tt.base)
		want := tt.wantHC
		if want == nil {
			want = tt.hc
		}
		if c.hc != want || c.base != tt.wantBase {
			t.Errorf("NewClient(%v, %q) = {%p, %q}, want {%p, %q}", tt.hc, tt.base, c.hc, c.base, want, tt.wantBase)
		}
	}
}
