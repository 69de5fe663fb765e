package graphrt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
)

// Page is one page of a collection response.
//
// To fetch the next page by hand, send
// &Request{Method: "GET", Path: page.NextLink} with the same headers; All
// does this for you.
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
// response as one page of a collection of T.
func GetPage[T any](ctx context.Context, c *Client, req *Request, opts ...Option) (*Page[T], error) {
	resp, err := c.Do(ctx, req, opts...)
	if err != nil {
		return nil, err
	}
	var w wirePage[T]
	if err := json.Unmarshal(resp.Body, &w); err != nil {
		return nil, fmt.Errorf("graph: %s %s: decoding collection page: %w", req.Method, req.Path, err)
	}
	return &Page[T]{Value: w.Value, NextLink: w.NextLink, DeltaLink: w.DeltaLink, Count: w.Count}, nil
}

// All returns an iterator over the items of the collection that req
// (with opts applied) returns, fetching further pages as it goes by
// following @odata.nextLink with GET, the same headers and the link's own
// query (req's Query is not added again). It fetches a page only when the
// previous one is used up, stops when the loop body breaks, and on an
// error, including the context being done, yields (zero, err) once and
// stops.
func All[T any](ctx context.Context, c *Client, req *Request, opts ...Option) iter.Seq2[T, error] {
	first := req.clone()
	for _, opt := range opts {
		opt(first)
	}
	return func(yield func(T, error) bool) {
		var zero T
		for r := first; r != nil; {
			page, err := getPageIfLive[T](ctx, c, r)
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
			if r, err = nextPage(r, page.NextLink); err != nil {
				yield(zero, err)
				return
			}
		}
	}
}

// getPageIfLive is GetPage, except that it returns ctx.Err() without
// sending anything when ctx is already done.
func getPageIfLive[T any](ctx context.Context, c *Client, r *Request) (*Page[T], error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return GetPage[T](ctx, c, r)
}

// nextPage returns the request for the page at link after r, or nil when
// link is empty.
func nextPage(r *Request, link string) (*Request, error) {
	switch link {
	case "":
		return nil, nil
	case r.Path:
		return nil, errors.New("graph: @odata.nextLink points to the page it is on: " + link)
	}
	next := r.clone()
	next.Method, next.Path, next.Query = http.MethodGet, link, nil
	next.Body, next.JSON, next.ContentType = nil, nil, ""
	next.Header.Del("Content-Type")
	return next, nil
}
