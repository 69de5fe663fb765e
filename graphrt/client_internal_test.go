package graphrt

import (
	"context"
	"net/http"
	"testing"
	"time"
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

func TestNewConfigDefaults(t *testing.T) {
	tests := []struct {
		name       string
		cfg        Config
		wantBase   string
		wantOrigin string // "" when the base URL has no host
		wantAgent  string
		wantRetry  RetryPolicy
	}{{
		name:       "zero config",
		wantBase:   DefaultBaseURL,
		wantOrigin: DefaultBaseURL,
		wantAgent:  DefaultUserAgent,
		wantRetry:  RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second},
	}, {
		name:       "national cloud with a path",
		cfg:        Config{BaseURL: "https://microsoftgraph.chinacloudapi.cn/proxy/", UserAgent: "app/1.0"},
		wantBase:   "https://microsoftgraph.chinacloudapi.cn/proxy",
		wantOrigin: "https://microsoftgraph.chinacloudapi.cn",
		wantAgent:  "app/1.0",
		wantRetry:  RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second},
	}, {
		name:       "explicit retry policy",
		cfg:        Config{BaseURL: "https://graph.microsoft.us", Retry: RetryPolicy{MaxAttempts: 1, BaseDelay: time.Second, MaxDelay: time.Minute, NonIdempotent: true}},
		wantBase:   "https://graph.microsoft.us",
		wantOrigin: "https://graph.microsoft.us",
		wantAgent:  DefaultUserAgent,
		wantRetry:  RetryPolicy{MaxAttempts: 1, BaseDelay: time.Second, MaxDelay: time.Minute, NonIdempotent: true},
	}, {
		name:      "negative values pick defaults",
		cfg:       Config{BaseURL: "/relative", Retry: RetryPolicy{MaxAttempts: -1, BaseDelay: -1, MaxDelay: -1}},
		wantBase:  "/relative",
		wantAgent: DefaultUserAgent,
		wantRetry: RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.cfg)
			origin := ""
			if c.origin != nil {
				origin = c.origin.String()
			}
			if c.hc != http.DefaultClient || c.base != tt.wantBase || origin != tt.wantOrigin || c.agent != tt.wantAgent || c.retry != tt.wantRetry {
				t.Errorf("New(%+v) = {hc %p, base %q, origin %q, agent %q, retry %+v}, want {%p, %q, %q, %q, %+v}",
					tt.cfg, c.hc, c.base, origin, c.agent, c.retry, http.DefaultClient, tt.wantBase, tt.wantOrigin, tt.wantAgent, tt.wantRetry)
			}
		})
	}
}

// recordSleeps makes c's retries wait for nothing: each requested wait is
// recorded in the returned slice, and backoff jitter picks its ceiling.
func recordSleeps(c *Client) *[]time.Duration {
	var waits []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}
	c.jitter = func(ceiling time.Duration) time.Duration { return ceiling }
	return &waits
}

// TestLooksWhole: the cheap check catches bodies cut inside a string or a
// nested value, and leaves brackets inside strings alone.
func TestLooksWhole(t *testing.T) {
	for body, want := range map[string]bool{
		``:                             true,
		`{"value":[{"id":"3"}]}`:       true,
		`{"a":"}]\"{["}`:               true,
		`"text"`:                       true,
		`42`:                           true,
		`{"value":[{"id":"3"}`:         false,
		`{"value":[{"id":"3"}],"n":"x`: false,
		`{"a":"\"}`:                    false,
		`[1,2`:                         false,
	} {
		if got := looksWhole([]byte(body)); got != want {
			t.Errorf("looksWhole(%s) = %v, want %v", body, got, want)
		}
	}
}
