package naming

import (
	"strconv"
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// A route's client method is named from its HTTP method and its path
// alone (plus the other paths of its operation, for the suffix of a
// variant), never from the page's file name, so that a reader can predict
// it from the HTTP line and so that adding or editing another page never
// renames it:
//
//	name    = verb + object + variant
//	verb    = List (a GET answering a collection), Get (other GETs),
//	          Create (a POST answering 201 Created, or the type its last
//	          segment names), Add (POST …/$ref), Update (PATCH), Set (PUT),
//	          Delete (DELETE); a POST of an action has no verb: the
//	          action's name is the name; a function named with its verb
//	          keeps it once (GetSchedule, not GetGetSchedule)
//	object  = the path's segments after the area's own segment (users or
//	          me for user, messages for message, items for driveitem, the
//	          collection of the resource's kind for an Intune view), as
//	          written; the last made singular when it names one item
//	          (GetMessage, DeleteMemberRef) or after Create
//	variant = only when the operation has several paths: In + the nearest
//	          segments before the area's segment that tell the paths apart,
//	          then Me for a /me path; a leading /users/{id} (Graph's default
//	          owner, like /me) is left out unless nothing else tells two
//	          paths apart (InUsers). The path with the fewest such words
//	          (the first documented, on a tie) has none.
//
// GET /users/{id} → Get, GET /me → GetMe, GET /users/{id}/memberOf →
// ListMemberOf, POST /me/sendMail → SendMailMe, POST /users → Create,
// DELETE /users/{id}/mailFolders/{id}/messages/{id} → DeleteInMailFolders.
// What still reads alike within one operation gets With and its query
// string's words, then By and its parameters; across operations of one
// package, see routeClashes.

// segment is one segment of a path template, read for naming.
type segment struct {
	words []string // the literal's words: "mailFolders" → mail, folders; $ref → ref
	param bool     // carries a parameter ({id}, range(address='{a}'), root:/{path}:)
	call  bool     // an OData function or key call: name(...)
	odata bool     // $ref, $value, $count: OData's own
}

// pathSegments reads path's segments; a segment that is only a parameter
// ("{id}") marks the segment before it as keyed and is not one of its own.
func pathSegments(path string) []segment {
	var out []segment
	for _, raw := range strings.Split(path, "/") {
		if raw == "" {
			continue
		}
		lit := raw
		if i := strings.IndexAny(lit, "({"); i >= 0 {
			lit = lit[:i]
		}
		lit = strings.Trim(lit, ":'")
		s := segment{param: strings.Contains(raw, "{"), call: strings.Contains(raw, "(")}
		if strings.HasPrefix(lit, "$") {
			s.odata = true
			lit = lit[1:]
		}
		lit = lit[strings.LastIndexByte(lit, '.')+1:] // microsoft.graph.user → user
		s.words = Words(lit)
		if looksLikeID(lit) {
			s.words, s.param = nil, true // an example's id written into the path
		}
		if len(s.words) == 0 {
			if s.param && len(out) > 0 {
				out[len(out)-1].param = true
			}
			continue
		}
		if s.param && !s.call && strings.HasSuffix(raw, ":") {
			s.param = false // root: of root:/{item-path}: is the literal; the path is its own
		}
		out = append(out, s)
	}
	return out
}

// looksLikeID reports whether a literal is an id written into a path
// (a GUID, or any word of 16 or more hexadecimal digits and dashes with a
// digit in it).
func looksLikeID(lit string) bool {
	if len(lit) < 16 || !strings.ContainsAny(lit, "0123456789") {
		return false
	}
	for _, c := range lit {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-') {
			return false
		}
	}
	return true
}

// key is the segment's literal as one lower-case word.
func (s segment) key() string { return strings.Join(s.words, "") }

// routeWords are the parts of a route's method name.
type routeWords struct {
	base   []string // verb and object
	prefix []segment
	me     bool
	owner  bool // a leading /users/{id} left out
}

// methodWords names route r of op, whose area's resource is subject. A
// leading /me or /users/{id} is the owner, not part of the name: me is
// remembered for the variant.
func methodWords(op *ir.Operation, r *ir.Route, subject string) routeWords {
	segs := pathSegments(r.Path)
	var rw routeWords
	switch {
	case len(segs) > 0 && segs[0].key() == "me":
		rw.me = true
		if subject != "user" {
			segs = segs[1:]
		}
	case len(segs) > 1 && segs[0].key() == "users" && segs[0].param && subject != "user":
		rw.owner, segs = true, segs[1:]
	}
	anchor, named := anchorAt(segs, subject)
	object := segs
	if anchor >= 0 {
		rw.prefix, object = segs[:anchor], segs[anchor+1:]
		if !named {
			rw.prefix = segs[:anchor+1] // not the resource's own name: exemptAppLockerFiles and protectedAppLockerFiles tell paths apart
		}
	}
	obj := wordsFrom(object)
	v := verb(op, r, object)
	if n := lastNoun(object); n >= 0 && (v == "create" || object[n].param && !object[n].call && v != "list") {
		k := len(obj) - len(wordsFrom(object[n+1:])) - 1
		obj[k] = singular(obj[k]) // CreateEvent, GetMessage, DeleteMemberRef
	}
	rw.base = withVerb(v, obj)
	return rw
}

// lastNoun returns the index of the last segment that is not OData's
// own ($ref, $value), -1 if none.
func lastNoun(segs []segment) int {
	for i := len(segs) - 1; i >= 0; i-- {
		if !segs[i].odata {
			return i
		}
	}
	return -1
}

// wordsFrom joins the words of segs.
func wordsFrom(segs []segment) []string {
	var out []string
	for _, s := range segs {
		out = append(out, s.words...)
	}
	return out
}

// anchorAt returns the index of the last segment naming the area's
// resource (users or user for user, items for driveitem, me for user),
// named true; else of the last collection of the resource's kind
// (deviceCompliancePolicies for androidcompliancepolicy), else of the last
// keyed segment before the end, named false; -1 if none.
func anchorAt(segs []segment, subject string) (int, bool) {
	last := -1
	for i := len(segs) - 1; i >= 0; i-- {
		if !segs[i].odata && namesResource(subject, segs[i]) {
			if segs[i].param || segs[i].key() == "me" || i < len(segs)-1 {
				return i, true // the item, or a singleton below it: /sectionGroups/{id}/sectionGroups lists the item's children
			}
			if last < 0 {
				last = i
			}
		}
	}
	if last >= 0 {
		return last, true
	}
	for i := len(segs) - 1; i >= 0; i-- {
		if !segs[i].odata && !segs[i].call && len(segs[i].words) > 1 && strings.HasSuffix(subject, singular(segs[i].words[len(segs[i].words)-1])) {
			return i, false // a collection of the resource's kind: deviceCompliancePolicies of androidcompliancepolicy
		}
	}
	for i := len(segs) - 2; i >= 0; i-- {
		if segs[i].param {
			return i, false
		}
	}
	return -1, false
}

// namesResource reports whether a segment names the resource subject (a
// page id's word): as written or singular, its tail (items of driveitem),
// its words in order (windowsHelloForBusinessMethods of
// windowshelloforbusinessauthenticationmethod), or me for user.
func namesResource(subject string, seg segment) bool {
	key := seg.key()
	if key == "me" {
		return subject == "user"
	}
	s := singular(key)
	if key == subject || s == subject || len(s) >= 4 && (strings.HasSuffix(subject, s) || strings.HasSuffix(subject, key) || strings.HasPrefix(subject, s)) {
		return true
	}
	last := singular(seg.words[len(seg.words)-1])
	if len(seg.words) < 2 || !strings.HasSuffix(subject, last) {
		return false
	}
	rest := subject
	for _, w := range seg.words[:len(seg.words)-1] {
		i := strings.Index(rest, w)
		if i < 0 {
			return false
		}
		rest = rest[i+len(w):]
	}
	return true
}

// verb returns the verb a route's name starts with, "" for an action.
func verb(op *ir.Operation, r *ir.Route, object []segment) string {
	last := segment{}
	if len(object) > 0 {
		last = object[len(object)-1]
	}
	ref := last.odata && last.key() == "ref"
	switch op.Method {
	case "GET":
		if routeResponse(op, r).Kind == ir.KindCollection {
			return "list"
		}
		return "get"
	case "PATCH":
		return "update"
	case "PUT":
		return "set"
	case "DELETE":
		return "delete"
	case "POST":
		switch {
		case ref:
			return "add"
		case len(object) == 0 || creates(op, r, last):
			return "create"
		}
		return ""
	}
	return strings.ToLower(op.Method)
}

// creates reports whether a POST creates an item of the collection its
// last segment names: it answers 201 Created, or an object of the type
// the segment names (calendarPermission for calendarPermissions), to a
// segment that is not a function call.
func creates(op *ir.Operation, r *ir.Route, last segment) bool {
	if last.call || last.odata {
		return false
	}
	resp := routeResponse(op, r)
	return resp.Status == 201 || resp.Kind == ir.KindObject && resp.Type != "" && typeName(resp.Type) == singular(last.key())
}

// routeResponse is the route's own response, else its operation's.
func routeResponse(op *ir.Operation, r *ir.Route) ir.Response {
	if r.Response != nil {
		return *r.Response
	}
	return op.Response
}

// withVerb puts verb before the object's words, once (Get + getSchedule
// → GetSchedule, Create + createReply → CreateReply), the object's last
// word singular after Create (CreateEvent).
func withVerb(verb string, obj []string) []string {
	obj = append([]string(nil), obj...)
	if verb == "create" && len(obj) > 0 {
		obj[len(obj)-1] = singular(obj[len(obj)-1])
	}
	if verb == "" || len(obj) > 1 && (obj[0] == verb || obj[0] == "get" && verb == "list") {
		return obj // a function named with its verb: getManagedAppPolicies
	}
	return append([]string{verb}, obj...)
}

// routeNames names the client method of each route of op (see the rule
// at the top of this file) and returns the name of its first path's
// method without variant, the operation's own name.
func routeNames(op *ir.Operation, subject string) {
	rws := make([]routeWords, len(op.Routes))
	for i, r := range op.Routes {
		rws[i] = methodWords(op, r, subject)
	}
	variants := variantWords(rws)
	bare := 0
	for i := range variants {
		if len(variants[i]) < len(variants[bare]) {
			bare = i
		}
	}
	suffix := make([]string, len(op.Routes))
	full := make([]string, len(op.Routes))
	for i := range op.Routes {
		if i != bare {
			suffix[i] = Exported(variants[i])
		}
		full[i] = Exported(rws[i].base) + suffix[i]
	}
	qualifyDuplicates(op.Routes, full, suffix, func(i, keep int) string {
		if op.Routes[i].Query == op.Routes[keep].Query {
			return ""
		}
		return withQuery(op.Routes[i])
	})
	qualifyDuplicates(op.Routes, full, suffix, func(i, keep int) string { return byOwnParams(op.Routes[i], op.Routes[keep]) })
	qualifyDuplicates(op.Routes, full, suffix, func(i, keep int) string { return "Path" + strconv.Itoa(i+1) })
	for i, r := range op.Routes {
		name := Exported(rws[i].base)
		if name == "" {
			name = Exported(Words(op.Method))
		}
		r.GoName = name + suffix[i]
		r.PageGoName = ""
		if routeResponse(op, r).Kind == ir.KindCollection && op.RequestBody.Kind == ir.KindNone {
			r.PageGoName = r.GoName + "Page"
		}
	}
	op.GoName, op.Primary = op.Routes[bare].GoName, bare
}

// byOwnParams is By and the Go names of r's path parameters that keep's
// path does not have (all of them if none), "" without parameters.
func byOwnParams(r, keep *ir.Route) string {
	has := map[string]bool{}
	for _, p := range keep.Params {
		has[p.GoName] = true
	}
	var ws []string
	for _, p := range r.Params {
		if !has[p.GoName] {
			ws = append(ws, Words(p.GoName)...)
		}
	}
	if len(ws) == 0 {
		return byParams(r)
	}
	return "By" + Exported(ws)
}

// withQuery is With and the words of r's query string ("$expand=manager"
// → WithExpandManager), "" without: a path documented with a query string
// gives way to the same path without.
func withQuery(r *ir.Route) string {
	if r.Query == "" {
		return ""
	}
	return "With" + Exported(Words(r.Query))
}

// variantWords returns, for each route, the words that tell it from the
// operation's other routes: In and the segments before the resource that
// not every route has, the nearest first, as few as tell the routes apart
// (the same number for every route), then me when not every route is on
// /me.
func variantWords(rws []routeWords) [][]string {
	out := make([][]string, len(rws))
	if len(rws) < 2 {
		return out
	}
	count := map[string]int{}
	mes := 0
	for _, rw := range rws {
		seen := map[string]bool{}
		for _, s := range rw.prefix {
			if !seen[s.key()] {
				seen[s.key()] = true
				count[s.key()]++
			}
		}
		if rw.me {
			mes++
		}
	}
	differing := make([][]segment, len(rws))
	most := 0
	for i, rw := range rws {
		for j := len(rw.prefix) - 1; j >= 0; j-- { // nearest first
			if count[rw.prefix[j].key()] < len(rws) {
				differing[i] = append(differing[i], rw.prefix[j])
			}
		}
		most = max(most, len(differing[i]))
	}
	for k := 0; k <= most; k++ {
		for i, rw := range rws {
			d := differing[i][:min(k, len(differing[i]))]
			var ws []string
			for j := len(d) - 1; j >= 0; j-- { // written in path order
				ws = append(ws, d[j].words...)
			}
			if len(ws) > 0 {
				ws = append([]string{"in"}, ws...)
			}
			if rw.me && mes < len(rws) {
				ws = append(ws, "me")
			}
			out[i] = ws
		}
		if distinct(rws, out) {
			return out
		}
	}
	owned := make([][]string, len(rws))
	for i, rw := range rws { // still alike: /users/{id}/chats/{id} beside /chats/{id}
		owned[i] = out[i]
		if rw.owner {
			rest := out[i]
			if len(rest) > 0 && rest[0] == "in" {
				rest = rest[1:]
			}
			owned[i] = append([]string{"in", "users"}, rest...)
		}
	}
	if distinct(rws, owned) {
		return owned
	}
	return out // what still reads alike is qualified by its query or parameters
}

// distinct reports whether base and variant words name every route apart.
func distinct(rws []routeWords, variants [][]string) bool {
	seen := map[string]bool{}
	for i, rw := range rws {
		k := strings.Join(rw.base, " ") + "|" + strings.Join(variants[i], " ")
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}
