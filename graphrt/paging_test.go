package graphrt_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// pagedItem is the item type of the paging tests.
type pagedItem struct {
	ID string `json:"id"`
}

// pageReply is a scripted answer; {URL} and {OTHER} in Body stand for the
// URLs of the paging server and of the other server.
type pageReply struct {
	Status int // 0: 200
	Body   string
}

// pageHit is what a paging server saw of one request.
type pageHit struct {
	Server, RequestURI, Authorization, Consistency string
}

// pagingLog records the requests of the paging servers.
type pagingLog struct {
	mu   sync.Mutex
	hits []pageHit
}

// get returns a copy of the hits so far.
func (l *pagingLog) get() []pageHit {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]pageHit(nil), l.hits...)
}

// maxPagingHits bounds the requests a paging server answers, so that a
// client that loops forever fails instead of hanging the test.
const maxPagingHits = 20

// pagingServers starts the paging server, which answers a request whose
// $skiptoken is k (empty for the first page) with replies[k], and another
// server on another port answering with replies["other"].
func pagingServers(t *testing.T, replies map[string]pageReply) (srv *httptest.Server, log *pagingLog) {
	t.Helper()
	log = &pagingLog{}
	var main, other *httptest.Server
	handler := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			log.mu.Lock()
			log.hits = append(log.hits, pageHit{name, r.RequestURI, r.Header.Get("Authorization"), r.Header.Get("ConsistencyLevel")})
			n := len(log.hits)
			log.mu.Unlock()
			if n > maxPagingHits { // a client that loops stops on this error
				http.Error(w, `{"error":{"code":"testLimit","message":"too many requests"}}`, http.StatusInternalServerError)
				return
			}
			key := r.URL.Query().Get("$skiptoken")
			if name == "other" {
				key = name
			}
			reply, ok := replies[key]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(max(reply.Status, http.StatusOK))
			body := strings.NewReplacer("{URL}", main.URL, "{OTHER}", other.URL).Replace(reply.Body)
			_, _ = w.Write([]byte(body))
		}
	}
	main = httptest.NewServer(handler("main"))
	other = httptest.NewServer(handler("other"))
	t.Cleanup(main.Close)
	t.Cleanup(other.Close)
	return main, log
}

// threePages is a collection of five items in pages of two; the next links
// carry $top like Graph's do.
var threePages = map[string]pageReply{
	"":   {Body: `{"@odata.count":5,"value":[{"id":"1"},{"id":"2"}],"@odata.nextLink":"{URL}/v1.0/users?$top=2&$skiptoken=p2"}`},
	"p2": {Body: `{"value":[{"id":"3"},{"id":"4"}],"@odata.nextLink":"{URL}/v1.0/users?$top=2&$skiptoken=p3"}`},
	"p3": {Body: `{"value":[{"id":"5"}],"@odata.deltaLink":"{URL}/v1.0/users/delta?$deltatoken=d1"}`},
}

// pagingClient returns a Client for srv that sends the token "tok" and
// never retries.
func pagingClient(srv *httptest.Server) *graphrt.Client {
	return graphrt.New(graphrt.Config{
		HTTPClient: srv.Client(),
		BaseURL:    srv.URL,
		Token:      graphrt.StaticToken("tok"),
		Retry:      graphrt.RetryPolicy{MaxAttempts: 1},
	})
}

// usersRequest asks for the first page of two users.
func usersRequest() *graphrt.Request {
	return &graphrt.Request{Method: "GET", Path: "/v1.0/users", Query: map[string][]string{"$top": {"2"}}}
}

// collectUsers runs All over the paging server and returns the ids and errors
// seen, stopping after stopAfter items when it is positive.
func collectUsers(ctx context.Context, srv *httptest.Server, stopAfter int) (ids []string, errs []error) {
	items := graphrt.All[pagedItem](ctx, pagingClient(srv), usersRequest(), graphrt.WithHeader("ConsistencyLevel", "eventual"))
	for item, err := range items {
		if err != nil {
			errs = append(errs, err)
			continue // All must stop by itself after an error
		}
		ids = append(ids, item.ID)
		if len(ids) == stopAfter {
			break
		}
	}
	return ids, errs
}

func TestAllFollowsNextLinks(t *testing.T) {
	srv, log := pagingServers(t, threePages)
	ids, errs := collectUsers(context.Background(), srv, 0)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if diff := cmp.Diff([]string{"1", "2", "3", "4", "5"}, ids); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	want := []pageHit{
		{"main", "/v1.0/users?$top=2", "Bearer tok", "eventual"},
		{"main", "/v1.0/users?$top=2&$skiptoken=p2", "Bearer tok", "eventual"},
		{"main", "/v1.0/users?$top=2&$skiptoken=p3", "Bearer tok", "eventual"},
	}
	if diff := cmp.Diff(want, log.get()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestAllStopsWhenTheLoopBreaks(t *testing.T) {
	tests := []struct {
		stopAfter int
		wantPages int
	}{{1, 1}, {2, 1}, {3, 2}, {5, 3}}
	for _, tt := range tests {
		srv, log := pagingServers(t, threePages)
		ids, errs := collectUsers(context.Background(), srv, tt.stopAfter)
		if len(ids) != tt.stopAfter || len(errs) != 0 {
			t.Errorf("break after %d: got %v, %v", tt.stopAfter, ids, errs)
		}
		if n := len(log.get()); n != tt.wantPages {
			t.Errorf("break after %d: %d pages fetched, want %d", tt.stopAfter, n, tt.wantPages)
		}
	}
}

func TestAllYieldsOneError(t *testing.T) {
	first := pageReply{Body: `{"value":[{"id":"1"},{"id":"2"}],"@odata.nextLink":"{URL}/v1.0/users?$skiptoken=p2"}`}
	tests := []struct {
		name      string
		second    pageReply
		wantGraph int // status of the *Error yielded; 0: not an *Error
		wantText  string
	}{
		{"Graph error", pageReply{Status: 500, Body: `{"error":{"code":"generalException","message":"boom"}}`}, 500, "generalException"},
		{"throttled without retries", pageReply{Status: 429, Body: `{"error":{"code":"TooManyRequests"}}`}, 429, "TooManyRequests"},
		{"not JSON", pageReply{Body: `<html>`}, 0, "response body is not valid JSON"},
		{"cut short", pageReply{Body: `{"value":[{"id":"3"}`}, 0, "response body cut short"},
		{"next link to itself", pageReply{Body: `{"value":[{"id":"3"}],"@odata.nextLink":"{URL}/v1.0/users?$skiptoken=p2"}`}, 0, "points to the page it is on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, log := pagingServers(t, map[string]pageReply{"": first, "p2": tt.second})
			ids, errs := collectUsers(context.Background(), srv, 0)
			wantIDs := []string{"1", "2"}
			if strings.Contains(tt.second.Body, `"id":"3"}]`) {
				wantIDs = append(wantIDs, "3")
			}
			if diff := cmp.Diff(wantIDs, ids); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.wantText) {
				t.Fatalf("errors = %v, want one containing %q", errs, tt.wantText)
			}
			var gerr *graphrt.Error
			if errors.As(errs[0], &gerr) != (tt.wantGraph != 0) || tt.wantGraph != 0 && gerr.StatusCode != tt.wantGraph {
				t.Errorf("error %v, want an *Error with status %d", errs[0], tt.wantGraph)
			}
			if n := len(log.get()); n != 2 {
				t.Errorf("%d pages fetched, want 2", n)
			}
		})
	}
}

func TestAllStopsWhenTheContextIsDone(t *testing.T) {
	srv, log := pagingServers(t, threePages)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ids []string
	var errs []error
	for item, err := range graphrt.All[pagedItem](ctx, pagingClient(srv), usersRequest()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, item.ID)
		cancel()
	}
	if len(ids) != 1 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("got items %v and errors %v, want one item and context.Canceled", ids, errs)
	}
	if n := len(log.get()); n != 1 {
		t.Errorf("%d pages fetched, want 1", n)
	}
}

// TestAllRefusesANextLinkToAnotherHost: a next link elsewhere is not
// followed at all (not even without the token): the items of the page
// that names it are yielded, then one error.
func TestAllRefusesANextLinkToAnotherHost(t *testing.T) {
	srv, log := pagingServers(t, map[string]pageReply{
		"":      {Body: `{"value":[{"id":"1"}],"@odata.nextLink":"{OTHER}/v1.0/users?$skiptoken=o2"}`},
		"other": {Body: `{"value":[{"id":"2"}]}`},
	})
	ids, errs := collectUsers(context.Background(), srv, 0)
	if diff := cmp.Diff([]string{"1"}, ids); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || !errors.Is(errs[0], graphrt.ErrOtherHost) || !strings.Contains(errs[0].Error(), "@odata.nextLink") {
		t.Errorf("errors = %v, want one wrapping ErrOtherHost that names the next link", errs)
	}
	want := []pageHit{{"main", "/v1.0/users?$top=2", "Bearer tok", "eventual"}}
	if diff := cmp.Diff(want, log.get()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

// TestAllStopsOnACycle: a next link that names a page already fetched,
// however it is spelled, ends All with an error instead of looping; no
// page is fetched twice.
func TestAllStopsOnACycle(t *testing.T) {
	tests := []struct {
		name    string
		replies map[string]pageReply
		wantIDs []string
		wantURI []string // requests seen, in order
		wantErr string   // "": repeats an earlier page
	}{{
		name:    "first page links to its own absolute URL",
		replies: map[string]pageReply{"": {Body: `{"value":[{"id":"1"}],"@odata.nextLink":"{URL}/v1.0/users?$top=2"}`}},
		wantIDs: []string{"1"},
		wantURI: []string{"/v1.0/users?$top=2"},
		wantErr: "@odata.nextLink points to the page it is on",
	}, {
		name:    "first page links to itself, spelled otherwise",
		replies: map[string]pageReply{"": {Body: `{"value":[{"id":"1"}],"@odata.nextLink":"{URL}/v1.0/users?%24top=2#x"}`}},
		wantIDs: []string{"1"},
		wantURI: []string{"/v1.0/users?$top=2"},
		wantErr: "@odata.nextLink points to the page it is on",
	}, {
		name: "two pages linking to each other",
		replies: map[string]pageReply{
			"":   {Body: `{"value":[{"id":"1"}],"@odata.nextLink":"{URL}/v1.0/users?$skiptoken=p2"}`},
			"p2": {Body: `{"value":[{"id":"2"}],"@odata.nextLink":"{URL}/v1.0/users?$skiptoken=p3"}`},
			"p3": {Body: `{"value":[{"id":"3"}],"@odata.nextLink":"{URL}/v1.0/users?$skiptoken=p2"}`},
		},
		wantIDs: []string{"1", "2", "3"},
		wantURI: []string{"/v1.0/users?$top=2", "/v1.0/users?$skiptoken=p2", "/v1.0/users?$skiptoken=p3"},
	}, {
		name: "second page links back to the first",
		replies: map[string]pageReply{
			"":   {Body: `{"value":[{"id":"1"}],"@odata.nextLink":"{URL}/v1.0/users?$skiptoken=p2"}`},
			"p2": {Body: `{"value":[{"id":"2"}],"@odata.nextLink":"{URL}/v1.0/users?$top=2"}`},
		},
		wantIDs: []string{"1", "2"},
		wantURI: []string{"/v1.0/users?$top=2", "/v1.0/users?$skiptoken=p2"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, log := pagingServers(t, tt.replies)
			ids, errs := collectUsers(context.Background(), srv, 0)
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			wantErr := tt.wantErr
			if wantErr == "" {
				wantErr = "@odata.nextLink repeats an earlier page"
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), wantErr) {
				t.Errorf("errors = %v, want one containing %q", errs, wantErr)
			}
			var uris []string
			for _, h := range log.get() {
				uris = append(uris, h.RequestURI)
			}
			if diff := cmp.Diff(tt.wantURI, uris); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAllResolvesARelativeNextLink: a next link relative to the page is
// resolved against the page's URL, as URL references are.
func TestAllResolvesARelativeNextLink(t *testing.T) {
	srv, log := pagingServers(t, map[string]pageReply{
		"":   {Body: `{"value":[{"id":"1"}],"@odata.nextLink":"/v1.0/users?$skiptoken=p2"}`},
		"p2": {Body: `{"value":[{"id":"2"}],"@odata.nextLink":"users?$skiptoken=p3"}`},
		"p3": {Body: `{"value":[{"id":"3"}]}`},
	})
	ids, errs := collectUsers(context.Background(), srv, 0)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if diff := cmp.Diff([]string{"1", "2", "3"}, ids); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if n := len(log.get()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

// TestAllSendsQueryHeadersWithEveryPage: the ConsistencyLevel header that
// an advanced query ($count, $search) needs is sent with every page, to a
// server that refuses a page without it as Graph does.
func TestAllSendsQueryHeadersWithEveryPage(t *testing.T) {
	var (
		mu   sync.Mutex
		seen []string
	)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.Query().Get("$skiptoken")+" "+r.Header.Get("ConsistencyLevel")+" "+r.Header.Get("X-Test"))
		mu.Unlock()
		if r.Header.Get("ConsistencyLevel") != "eventual" {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error":{"code":"Request_UnsupportedQuery","message":"ConsistencyLevel header is required"}}`)
			return
		}
		switch r.URL.Query().Get("$skiptoken") {
		case "":
			_, _ = io.WriteString(w, `{"@odata.count":3,"value":[{"id":"1"}],"@odata.nextLink":"`+srv.URL+`/v1.0/users?$skiptoken=p2"}`)
		case "p2":
			_, _ = io.WriteString(w, `{"value":[{"id":"2"}],"@odata.nextLink":"`+srv.URL+`/v1.0/users?$count=true&$skiptoken=p3"}`)
		default:
			_, _ = io.WriteString(w, `{"value":[{"id":"3"}]}`)
		}
	}))
	defer srv.Close()
	req := &graphrt.Request{Method: "GET", Path: "/v1.0/users", AdvancedQuery: true}
	var ids []string
	for item, err := range graphrt.All[pagedItem](context.Background(), pagingClient(srv), req, graphrt.Count(), graphrt.WithHeader("X-Test", "kept")) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, item.ID)
	}
	if diff := cmp.Diff([]string{"1", "2", "3"}, ids); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	want := []string{" eventual kept", "p2 eventual kept", "p3 eventual kept"}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("$skiptoken, ConsistencyLevel and X-Test of each request (-want +got):\n%s", diff)
	}
}

func TestGetPage(t *testing.T) {
	srv, _ := pagingServers(t, threePages)
	five := int64(5)
	tests := []struct {
		name string
		req  *graphrt.Request
		want *graphrt.Page[pagedItem]
	}{{
		name: "first page with count and next link",
		req:  usersRequest(),
		want: &graphrt.Page[pagedItem]{
			Value:    []pagedItem{{"1"}, {"2"}},
			NextLink: srv.URL + "/v1.0/users?$top=2&$skiptoken=p2",
			Count:    &five,
		},
	}, {
		name: "last page with delta link",
		req:  &graphrt.Request{Method: "GET", Path: srv.URL + "/v1.0/users?$top=2&$skiptoken=p3"},
		want: &graphrt.Page[pagedItem]{
			Value:     []pagedItem{{"5"}},
			DeltaLink: srv.URL + "/v1.0/users/delta?$deltatoken=d1",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := graphrt.GetPage[pagedItem](context.Background(), pagingClient(srv), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("page (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAllSendsTheJSONBodyOnlyWithTheFirstPage: a collection asked for with
// POST and a JSON body (getByIds) is continued with plain GETs.
func TestAllSendsTheJSONBodyOnlyWithTheFirstPage(t *testing.T) {
	var got []string
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got = append(got, r.Method+" "+r.URL.Path+" "+string(body))
		if r.URL.Query().Get("$skiptoken") == "" {
			_, _ = io.WriteString(w, `{"value":[{"id":"1"}],"@odata.nextLink":"`+srv.URL+`/v1.0/directoryObjects/getByIds?$skiptoken=2"}`)
			return
		}
		_, _ = io.WriteString(w, `{"value":[{"id":"2"}]}`)
	}))
	defer srv.Close()
	req := &graphrt.Request{Method: "POST", Path: "/v1.0/directoryObjects/getByIds", JSON: map[string][]string{"ids": {"1", "2"}}}
	for _, err := range graphrt.All[pagedItem](context.Background(), pagingClient(srv), req) {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := []string{`POST /v1.0/directoryObjects/getByIds {"ids":["1","2"]}`, "GET /v1.0/directoryObjects/getByIds "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

// TestGetPageChecksTheNextLink: a page fetched on its own gets the same
// checks of its next link as All makes, so that a caller paging by hand
// cannot be sent around in a circle or to another host; a relative next
// or delta link is handed back absolute.
func TestGetPageChecksTheNextLink(t *testing.T) {
	srv, _ := pagingServers(t, map[string]pageReply{
		"":      {Body: `{"value":[{"id":"1"}],"@odata.nextLink":"{URL}/v1.0/users?%24top=2"}`},
		"other": {Body: `{"value":[{"id":"2"}],"@odata.nextLink":"{OTHER}/v1.0/users?$skiptoken=o2"}`},
		"rel":   {Body: `{"value":[{"id":"3"}],"@odata.nextLink":"/v1.0/users?$skiptoken=p4"}`},
		"delta": {Body: `{"value":[],"@odata.deltaLink":"users/delta?$deltatoken=d2"}`},
	})
	tests := []struct {
		name      string
		skiptoken string
		wantErr   string
		wantNext  string
		wantDelta string
	}{
		{"next link to the page itself", "", "@odata.nextLink points to the page it is on", "", ""},
		{"next link to another host", "other", "another host", "", ""},
		{"relative next link", "rel", "", srv.URL + "/v1.0/users?$skiptoken=p4", ""},
		{"relative delta link", "delta", "", "", srv.URL + "/v1.0/users/delta?$deltatoken=d2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := usersRequest()
			if tt.skiptoken != "" {
				req.Query.Set("$skiptoken", tt.skiptoken)
			}
			page, err := graphrt.GetPage[pagedItem](context.Background(), pagingClient(srv), req)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("GetPage = %+v, %v; want an error containing %q", page, err, tt.wantErr)
				}
				return
			}
			if err != nil || page.NextLink != tt.wantNext || page.DeltaLink != tt.wantDelta {
				t.Errorf("GetPage = %+v, %v; want NextLink %q and DeltaLink %q", page, err, tt.wantNext, tt.wantDelta)
			}
		})
	}
}
