package naming

import (
	"fmt"
	"github.com/graphgen-dev/graphgen/parser"
	"sort"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// Own decides which operation the mock serves for every method and path
// shape that several routes document (README, naming rule 6), and marks
// the other routes ShadowedBy the owner's page; a route documented once is
// its own owner. The owner is the first route by:
//
//  1. documented without a query string (/users/{id}?$expand=extensions is
//     a variant of the user's GET, not the GET);
//  2. on a page that is not a product view (intune-<area>-..., whose
//     area is two words, see assignPackages);
//  3. on the page named after the resource the route addresses: its page
//     id (after a product view's prefix) starts with the path's last
//     segment (user-get for /users/{id}); then on the page named after
//     the type that every route documented without a query string returns
//     (conversationmember-list rather than chat-list-members for
//     /chats/{id}/members); then on the page named after the entity set
//     or singleton its paths start from (group-list-events rather than
//     calendar-list-events for /groups/{id}/calendar/events;
//     user-post-events, whose paths include /users/{id}/events, rather
//     than a page of extended properties for POST /me/events); then on the
//     page whose id ends with the path's last segment (todo-post-lists for
//     POST /users/{id}/todo/lists);
//  4. on a page whose id is that name and the method's own verb
//     (driveitem-update rather than driveitem-move for PATCH);
//  5. the first by version, page id, page and document order.
//
// It warns, once per page and owner, when a page that is not a product
// view loses routes to another such page: the docs document the routes
// twice. Own reads only the operations given, so a selection is decided
// among the selected operations.
func Own(ops []*ir.Operation) []ir.Diagnostic {
	type at struct {
		op *ir.Operation
		i  int
	}
	groups := map[string][]at{}
	for _, op := range ops {
		for i, r := range op.Routes {
			r.ShadowedBy = ""
			key := op.Method + " /" + op.Version + parser.Shape(r.Path)
			groups[key] = append(groups[key], at{op, i})
		}
	}
	keys := make([]string, 0, len(groups))
	for k, g := range groups {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var lost []loss
	for _, k := range keys { // claims are ranked only where routes contend
		claims := make([]claim, len(groups[k]))
		for j, a := range groups[k] {
			claims[j] = newClaim(a.op, a.op.Routes[a.i], a.i)
		}
		lost = append(lost, decide(claims)...)
	}
	sameCalls(ops)
	return warnLosses(lost)
}

// claim is one route's claim to a method and path shape, with what ranks
// it.
type claim struct {
	op    *ir.Operation
	route *ir.Route
	index int  // the route's position in its operation
	query bool // documented with a query string
	view  bool // on a product view's page
	// about ranks how the page id names what the route addresses: 0 its
	// subject is the path's last segment, 1 the type the route returns,
	// 2 the entity set its paths start from; 3 its id ends with the last
	// segment; 4 none of these.
	about int
	verb  bool // the page id is its subject and the method's own verb
	// subject is the word of the page id naming what the page is about.
	subject string
}

// newClaim ranks route r (the i-th) of op.
func newClaim(op *ir.Operation, r *ir.Route, i int) claim {
	subject, view, rest := pageSubject(op.ID)
	about := 4
	switch seg := lastSegment(r.Path); {
	case subject == "":
	case namesSegment(subject, seg):
		about = 0
	case startsFrom(op, subject):
		about = 2
	case len(rest) > 0 && namesSegment(rest[len(rest)-1], seg):
		about = 3
	}
	return claim{op: op, route: r, index: i, query: r.Query != "", view: view, about: about,
		subject: subject, verb: len(rest) == 1 && methodVerbs[op.Method][rest[0]]}
}

// rankByType moves the claims of pages named after the type every plain
// claim of g returns (the response type they agree on) to rank 1:
// conversationmember-list and chat-list-members both return a
// conversationMember for /chats/{id}/members. Pages that return each its
// own type (the views of mobileApps, an extension page beside
// todo-post-lists) say nothing about the route.
func rankByType(g []claim) {
	agreed := ""
	for _, c := range g {
		t := typeName(c.op.Response.Type)
		switch {
		case c.query || t == "":
		case agreed == "":
			agreed = t
		case agreed != t:
			return
		}
	}
	for i, c := range g {
		if c.about > 1 && agreed != "" && c.subject == agreed {
			g[i].about = 1
		}
	}
}

// methodVerbs are the words page ids use for what each method does
// (user-get, user-list, user-post-users, user-update, user-delete): a tie
// breaker between pages about the same resource, never the only clue.
var methodVerbs = map[string]map[string]bool{
	"GET":    {"get": true, "list": true},
	"POST":   {"post": true, "create": true, "add": true},
	"PATCH":  {"update": true},
	"PUT":    {"update": true, "put": true},
	"DELETE": {"delete": true},
}

// before reports whether a ranks before b.
func (a claim) before(b claim) bool {
	switch {
	case a.query != b.query:
		return !a.query
	case a.view != b.view:
		return !a.view
	case a.about != b.about:
		return a.about < b.about
	case a.verb != b.verb:
		return a.verb
	case a.op.Version != b.op.Version:
		return a.op.Version > b.op.Version // v1.0 before beta
	case a.op.ID != b.op.ID:
		return a.op.ID < b.op.ID
	case a.op.Page != b.op.Page:
		return a.op.Page < b.op.Page
	}
	return a.index < b.index
}

// loss is a route that a page documents as plainly as the page that owns
// it.
type loss struct {
	lost, owner claim
}

// decide gives the routes of one method and path shape to the first claim
// and returns the routes of other pages that document it as plainly (not
// a variant with a query, not a product view, not the same page in
// another tree).
func decide(g []claim) []loss {
	rankByType(g)
	sort.SliceStable(g, func(i, j int) bool { return g[i].before(g[j]) })
	owner := g[0]
	var lost []loss
	for _, c := range g[1:] {
		c.route.ShadowedBy = owner.op.Page
		if !c.query && !c.view && c.op.ID != owner.op.ID {
			lost = append(lost, loss{c, owner})
		}
	}
	return lost
}

// warnLosses gives one warning per operation and owner, at the
// operation's position, listing the routes it lost; by position.
func warnLosses(lost []loss) []ir.Diagnostic {
	type pair struct {
		op    *ir.Operation
		owner string
	}
	paths := map[pair][]string{}
	var order []loss
	for _, l := range lost {
		p := pair{l.lost.op, l.owner.op.Page}
		if paths[p] == nil {
			order = append(order, l)
		}
		paths[p] = append(paths[p], "/"+l.lost.op.Version+l.lost.route.Path)
	}
	var diags []ir.Diagnostic
	for _, l := range order {
		op := l.lost.op
		diags = append(diags, ir.Diagnostic{Pos: op.Source, Severity: ir.Note, Page: op.Page,
			Message: fmt.Sprintf("%s %s: also documented by %s; the mock serves that page's operation there (%s), this one has only its client method",
				op.Method, strings.Join(paths[pair{op, l.owner.op.Page}], ", "), l.owner.op.Page, l.owner.reason(l.lost))})
	}
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].Pos < diags[j].Pos })
	return diags
}

// reason says which step of the rule made a the owner rather than b.
func (a claim) reason(b claim) string {
	switch {
	case a.about < b.about:
		return [...]string{"named after the resource the path addresses", "named after the type the route returns", "named after the entity set its paths start from", "its id ends with the path's last segment"}[a.about]
	case a.verb && !b.verb:
		return "named after the resource and the method's verb"
	}
	return "both pages are named alike; its id sorts first"
}

// pageSubject returns the word of a page id that names the resource the
// page is about, lower-cased: the first ("user" of user-get), or, on a
// product view, the first after the product's prefix ("user" of
// intune-devices-user-get, view true); rest are the words after it.
func pageSubject(id string) (subject string, view bool, rest []string) {
	words := strings.Split(id, "-")
	n := productPrefix(words)
	return norm(words[n]), n > 0, words[n+1:]
}

// productPrefix returns how many leading words of a page id name a
// product's area rather than a resource: two for Intune pages
// (intune-devices-user-get), whose ids are intune-<area>-<resource>-...,
// none for others.
func productPrefix(words []string) int {
	if words[0] == "intune" && len(words) > 2 {
		return 2
	}
	return 0
}

// typeName returns the name of a qualified type, lower-cased letters and
// digits: "microsoft.graph.conversationMember" → "conversationmember".
func typeName(t string) string {
	t = strings.TrimSuffix(t, ")")
	return norm(t[strings.LastIndexByte(t, '.')+1:])
}

// namesSegment reports whether a page-id word names a path segment, as
// written or made singular ("users" or "user" for users).
func namesSegment(word, seg string) bool {
	return seg != "" && (word == norm(seg) || word == norm(singular(strings.ToLower(seg))))
}

// startsFrom reports whether one of op's paths starts from the entity set
// or singleton named subject: user-list-events, with /users/{id}/events
// beside /me/events, starts from users.
func startsFrom(op *ir.Operation, subject string) bool {
	for _, r := range op.Routes {
		if subject == norm(singular(strings.ToLower(firstSegment(r.Path)))) {
			return true
		}
	}
	return false
}

// firstSegment returns the literal part of the first segment of path:
// the entity set or singleton it starts from ("users" of /users/{id}).
func firstSegment(path string) string {
	segs := routeSegments(path)
	if len(segs) == 0 {
		return ""
	}
	return segs[0]
}

// lastSegment returns the literal part of the last segment of path that
// names a resource: "members" of /groups/{id}/members/{id}/$ref (segments
// starting with "$" are OData's own).
func lastSegment(path string) string {
	segs := routeSegments(path)
	if len(segs) == 0 {
		return ""
	}
	return segs[len(segs)-1]
}

// routeSegments returns the literal parts of path's segments without
// parameters, function arguments, "$" segments, casts' namespaces and
// ":" of path-style addressing: /users/{id}/microsoft.graph.user/$ref →
// users, user.
func routeSegments(path string) []string {
	var out []string
	for _, s := range pathSegments(path) {
		if !s.odata {
			out = append(out, s.key())
		}
	}
	return out
}

// norm keeps the ASCII letters and digits of s, lower-cased, so that
// "deviceConfiguration", "deviceconfiguration" and "device-configuration"
// compare equal.
func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
