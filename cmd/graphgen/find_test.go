package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// enV1 is the English v1.0 tree of graphgen's test pages.
const enV1 = "../../testdata/docs/en-2021/api-reference/v1.0"

// find runs graphgen find -json with args and decodes its answer.
func find(t *testing.T, args ...string) (findResult, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"find", "-json"}, args...), &stdout, &stderr)
	var res findResult
	if code != exitUsage {
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
			t.Fatalf("find %v: %v\nstdout: %s\nstderr: %s", args, err, &stdout, &stderr)
		}
	}
	return res, code
}

// TestFind looks up request lines in the test pages. Every expected value
// is written by hand: the route and line from the page's HTTP request
// block, the package and names from the README's naming rules, the result
// type from the page's response section (a user object; a collection of
// agreementAcceptance, which is a list; a property of mailboxSettings,
// typed string; a report answered as a download).
func TestFind(t *testing.T) {
	page := enV1 + "/api/" // positions print relative to the working directory
	tests := []struct {
		line string
		want findMatch
	}{
		{"GET /users/{id}", findMatch{
			Method: "GET", Path: "/v1.0/users/{id | userPrincipalName}", Operation: "user-get", Package: "user",
			GoName:     "Get",
			Signatures: []string{"func (c *Client) Get(ctx context.Context, userID string, opts ...graphrt.Option) (*graph.User, error)"},
			Page:       page + "user-get.md:33", MockHandler: "Get",
		}},
		{"get https://graph.microsoft.com/v1.0/users/42/agreementAcceptances?$top=5", findMatch{
			Method: "GET", Path: "/v1.0/users/{id | userPrincipalName}/agreementAcceptances", Operation: "user-list-agreementacceptances", Package: "user",
			GoName: "ListAgreementAcceptances",
			Signatures: []string{
				"func (c *Client) ListAgreementAcceptances(ctx context.Context, userID string, opts ...graphrt.Option) iter.Seq2[graph.AgreementAcceptance, error]",
				"func (c *Client) ListAgreementAcceptancesPage(ctx context.Context, userID string, opts ...graphrt.Option) (*graphrt.Page[graph.AgreementAcceptance], error)",
			},
			Page: page + "user-list-agreementacceptances.md:28", MockHandler: "ListAgreementAcceptances",
		}},
		{"GET /me/mailboxsettings/DateFormat HTTP/1.1", findMatch{
			Method: "GET", Path: "/v1.0/me/mailboxSettings/dateFormat", Operation: "user-get-mailboxsettings", Package: "user",
			GoName:     "GetMailboxSettingsDateFormatMe",
			Signatures: []string{"func (c *Client) GetMailboxSettingsDateFormatMe(ctx context.Context, opts ...graphrt.Option) (string, error)"},
			Page:       page + "user-get-mailboxsettings.md:56", MockHandler: "GetMailboxSettings",
		}},
		{"GET /reports/getEmailActivityUserDetail(period='D7')", findMatch{
			Method: "GET", Path: "/v1.0/reports/getEmailActivityUserDetail(period='{period_value}')", Operation: "reportroot-getemailactivityuserdetail", Package: "reportroot",
			GoName:     "GetEmailActivityUserDetail",
			Signatures: []string{"func (c *Client) GetEmailActivityUserDetail(ctx context.Context, period string, opts ...graphrt.Option) ([]byte, error)"},
			Page:       page + "reportroot-getemailactivityuserdetail.md:36", MockHandler: "GetEmailActivityUserDetail",
		}},
	}
	for _, tt := range tests {
		res, code := find(t, enV1, tt.line)
		if code != exitOK {
			t.Errorf("find %q: exit %d, want 0", tt.line, code)
		}
		if diff := cmp.Diff([]findMatch{tt.want}, res.Matches); diff != "" {
			t.Errorf("find %q (-want +got):\n%s", tt.line, diff)
		}
	}
}

// TestFindMethodApart: the method may be its own argument, as a shell
// splits an unquoted request line.
func TestFindMethodApart(t *testing.T) {
	res, code := find(t, enV1, "GET", "/v1.0/users/adele@contoso.com")
	if code != exitOK || len(res.Matches) != 1 || res.Matches[0].GoName != "Get" {
		t.Errorf("exit %d, matches %+v; want Get", code, res.Matches)
	}
}

// TestFindMiss: a request no route matches exits 1 and names the closest
// routes, nearest first: /userz/42 is one letter away from /users/{id}.
func TestFindMiss(t *testing.T) {
	res, code := find(t, enV1, "GET /userz/42")
	if code != exitError {
		t.Errorf("exit %d, want 1", code)
	}
	if len(res.Matches) != 0 || len(res.Closest) != closestShown {
		t.Fatalf("%d matches, %d closest; want 0 and %d", len(res.Matches), len(res.Closest), closestShown)
	}
	if got := res.Closest[0].Path; got != "/v1.0/users/{id | userPrincipalName}" {
		t.Errorf("closest route %s, want /v1.0/users/{id | userPrincipalName}", got)
	}
	// Another method on a documented path is a miss too.
	if res, code := find(t, enV1, "DELETE /users/42"); code != exitError || res.Closest[0].GoName != "Get" {
		t.Errorf("DELETE /users/42: exit %d, closest %+v; want 1 and Get first", code, res.Closest)
	}
}

// TestFindText prints a match as text: package, method, signature, page
// and mock handler, one per line.
func TestFindText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"find", enV1, "GET /me/agreementAcceptances"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, &stderr)
	}
	for _, want := range []string{
		"GET /v1.0/me/agreementAcceptances (user-list-agreementacceptances)\n",
		"  package    user\n",
		"  method     ListAgreementAcceptancesMe\n",
		"  signature  func (c *Client) ListAgreementAcceptancesMe(ctx context.Context, opts ...graphrt.Option) iter.Seq2[graph.AgreementAcceptance, error]\n",
		"  page       ../../testdata/docs/en-2021/api-reference/v1.0/api/user-list-agreementacceptances.md:27\n",
		"  mock       Handler.ListAgreementAcceptances\n",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, &stdout)
		}
	}
}

// TestFindUsage: a missing or malformed request line is a usage error
// (exit 2) saying what is wanted.
func TestFindUsage(t *testing.T) {
	for _, args := range [][]string{
		{"find", enV1},
		{"find", enV1, "GET users"},
		{"find", enV1, "   "},
		{"find", "-pkg", "func", enV1, "GET /me"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "graphgen find:") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a graphgen find: message", args, code, &stderr)
		}
	}
}

// TestParseRequestLine reads the forms a request line is written in, and
// refuses what has no path, without panicking.
func TestParseRequestLine(t *testing.T) {
	tests := []struct {
		line string
		want findRequest
		ok   bool
	}{
		{"GET /v1.0", findRequest{Method: "GET", Version: "v1.0", Path: "/"}, true},
		{"post /beta/me/sendMail?x=1#top", findRequest{Method: "POST", Version: "beta", Path: "/me/sendMail", Query: "x=1"}, true},
		{"/betamax/{id}", findRequest{Path: "/betamax/{id}"}, true},
		{"PATCH https://graph.microsoft.com/v1.0/users/{id | userPrincipalName} HTTP/1.1", findRequest{Method: "PATCH", Version: "v1.0", Path: "/users/{id | userPrincipalName}"}, true},
		{"GET", findRequest{}, false},
		{"https://", findRequest{}, false},
		{"GET users/42", findRequest{}, false},
	}
	for _, tt := range tests {
		got, err := parseRequestLine(tt.line)
		if (err == nil) != tt.ok {
			t.Errorf("parseRequestLine(%q): error %v, want ok=%v", tt.line, err, tt.ok)
			continue
		}
		if tt.ok && got != tt.want {
			t.Errorf("parseRequestLine(%q) = %+v, want %+v", tt.line, got, tt.want)
		}
	}
}

// TestFindTwoTrees: with several DOCS, a route's page is in its own tree
// (the seed page documents this request at its line 40).
func TestFindTwoTrees(t *testing.T) {
	res, code := find(t, enV1, "../../testdata/docs/seed", "POST /deviceAppManagement/vppTokens/syncLicenseCounts")
	if code != exitOK || len(res.Matches) != 1 {
		t.Fatalf("exit %d, %d matches; want 0 and 1", code, len(res.Matches))
	}
	if got, want := res.Matches[0].Page, "../../testdata/docs/seed/vpptoken-synclicensecounts.pt-BR.md:40"; got != want {
		t.Errorf("page %s, want %s", got, want)
	}
}

// TestFindNoRouteOfTheVersion: the English v1.0 tree has no beta route,
// so a beta request has nothing close either, and says so.
func TestFindNoRouteOfTheVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"find", enV1, "GET /beta/me"}, &stdout, &stderr)
	if want := "no documented route matches GET /beta/me: DOCS document no route of its version\n"; code != exitError || stdout.String() != want {
		t.Errorf("exit %d, stdout %q; want 1 and %q", code, &stdout, want)
	}
}
