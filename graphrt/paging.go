package graphrt

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"

	"github.com/graphgen-dev/graphgen/graphrt/internal/escape"
)

// Page is one page of a collection response.
//
// To fetch the next page by hand, send
// &Request{Method: "GET", Path: page.NextLink} with GetPage and the same
// headers, "ConsistencyLevel: eventual" included when the first request
// had $search or $count on an operation that needs it, and stop at a link
// already fetched; All does all this for you.
type Page[T any] struct {
	Value     []T
	NextLink  string // @odata.nextLink: absolute URL of the next page; empty on the last one
	DeltaLink string // @odata.deltaLink: absolute URL for the next delta query, on the last page of a delta round
	Count     *int64 // @odata.count, when asked for with $count=true
}

// wirePage is the JSON shape of a collection response.
type wirePage[T any] struct {
	Value     []T    `json:"value"`
	NextLink  string `json:"@odata.nextLink"`
	DeltaLink string `json:"@odata.deltaLink"`
	Count     *int64 `json:"@odata.count"`
}

// GetPage applies opts to a copy of req, sends it with c and decodes the
// response as one page of a collection of T. A relative NextLink or
// DeltaLink is made absolute. A page whose @odata.nextLink points to the page itself, or to
// another scheme or host than the base URL's (an error wrapping
// ErrOtherHost), is an error, so that a caller following NextLink by hand
// cannot loop on one page or send the request elsewhere; only All sees
// longer cycles.
func GetPage[T any](ctx context.Context, c *Client, req *Request, opts ...Option) (*Page[T], error) {
	r := req.clone()
	for _, opt := range opts {
		opt(r)
	}
	page, self, err := getPage[T](ctx, c, r)
	if err != nil {
		return nil, err
	}
	if err := c.checkNextLink(r, self, page.NextLink, nil); err != nil {
		return nil, err
	}
	return page, nil
}

// getPage sends r with c and decodes the page it answers, returning the
// URL r went to, against which a relative NextLink or DeltaLink is
// resolved.
func getPage[T any](ctx context.Context, c *Client, r *Request) (*Page[T], *url.URL, error) {
	self, err := c.requestURL(r)
	if err != nil {
		return nil, nil, err
	}
	raw, err := c.decodable(ctx, r, nil)
	if err != nil {
		return nil, nil, err
	}
	var w wirePage[T]
	if err := decodeWhole(&w, raw); err != nil {
		return nil, nil, decodingError(r.Method, self.Redacted(), err)
	}
	next, err := resolveLink(self, w.NextLink)
	if err != nil {
		return nil, nil, fmt.Errorf("graph: %s %s: @odata.nextLink: %w", r.Method, self.Redacted(), err)
	}
	delta, err := resolveLink(self, w.DeltaLink)
	if err != nil {
		return nil, nil, fmt.Errorf("graph: %s %s: @odata.deltaLink: %w", r.Method, self.Redacted(), err)
	}
	return &Page[T]{Value: w.Value, NextLink: next, DeltaLink: delta, Count: w.Count}, self, nil
}

// resolveLink returns link, or the absolute URL it names relative to base
// when it is relative; empty stays empty.
func resolveLink(base *url.URL, link string) (string, error) {
	if link == "" {
		return "", nil
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", err
	}
	if u.IsAbs() {
		return link, nil
	}
	return base.ResolveReference(u).String(), nil
}

// All returns an iterator over the items of the collection that req
// (with opts applied) returns, fetching further pages as it goes by
// following @odata.nextLink with GET, the same headers (those options set
// and the ConsistencyLevel an advanced query needs) and the link's own
// query (req's Query is not added again). It fetches a page only when the
// previous one is used up, stops when the loop body breaks, and on an
// error, including the context being done, yields (zero, err) once and
// stops. A next link is not followed, and is an error once the items of
// its page are yielded, when it names a page already fetched (however
// spelled) or another scheme or host than the base URL's (wrapping
// ErrOtherHost: the request would carry the query's headers and, through
// an authenticating http.Client, credentials there).
func All[T any](ctx context.Context, c *Client, req *Request, opts ...Option) iter.Seq2[T, error] {
	first := req.clone()
	for _, opt := range opts {
		opt(first)
	}
	first.addQueryHeaders()
	return func(yield func(T, error) bool) {
		var zero T
		seen := map[string]bool{}
		for r := first; r != nil; {
			page, self, err := getPageIfLive[T](ctx, c, r)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, v := range page.Value {
				if err := ctx.Err(); err != nil {
					yield(zero, err)
					return
				}
				if !yield(v, nil) {
					return
				}
			}
			seen[pageKey(self)] = true
			if r, err = c.nextPage(r, self, page.NextLink, seen); err != nil {
				yield(zero, err)
				return
			}
		}
	}
}

// getPageIfLive is getPage, except that it returns ctx.Err() without
// sending anything when ctx is already done.
func getPageIfLive[T any](ctx context.Context, c *Client, r *Request) (*Page[T], *url.URL, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return getPage[T](ctx, c, r)
}

// nextPage returns the request for the page at link, which the page of r
// at self named, or nil when link is empty; seen holds the pageKey of
// each page fetched.
func (c *Client) nextPage(r *Request, self *url.URL, link string, seen map[string]bool) (*Request, error) {
	if link == "" {
		return nil, nil
	}
	if err := c.checkNextLink(r, self, link, seen); err != nil {
		return nil, err
	}
	next := r.clone()
	next.Method, next.Path, next.Query = http.MethodGet, link, nil
	next.Body, next.JSON, next.ContentType = nil, nil, ""
	next.Header.Del("Content-Type")
	return next, nil
}

// checkNextLink returns an error when the absolute link, found on the
// page of r at self, is on another origin than c's base URL, names that
// page itself or one in seen.
func (c *Client) checkNextLink(r *Request, self *url.URL, link string, seen map[string]bool) error {
	if link == "" {
		return nil
	}
	u, err := url.Parse(link)
	if err != nil {
		return fmt.Errorf("graph: %s %s: @odata.nextLink: %w", r.Method, self.Redacted(), err)
	}
	switch key := pageKey(u); {
	case !c.sameOrigin(u):
		return fmt.Errorf("graph: %s %s: @odata.nextLink %s is on %w: not followed", r.Method, self.Redacted(), link, ErrOtherHost)
	case key == pageKey(self):
		return fmt.Errorf("graph: %s %s: @odata.nextLink points to the page it is on (%s)", r.Method, self.Redacted(), link)
	case seen[key]:
		return fmt.Errorf("graph: %s %s: @odata.nextLink repeats an earlier page (%s)", r.Method, self.Redacted(), link)
	}
	return nil
}

// pageKey spells the URL of a page so that the spellings of one URL are
// equal: scheme and host in lower case, no default port, escapes in the
// path normalised, query options sorted and escaped alike, no fragment
// and no user information.
func pageKey(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	query := u.RawQuery
	if q, err := url.ParseQuery(query); err == nil {
		query = q.Encode()
	}
	return strings.ToLower(u.Scheme) + "://" + host + ":" + port(u) + escape.Canonical(u.EscapedPath()) + "?" + query
}
