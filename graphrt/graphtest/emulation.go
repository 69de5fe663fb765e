package graphtest

import (
	"net/http"
	"strings"
)

// SignedInUser is the object id of the user a delegated TestToken signs
// in ("oid"), and of the user /me names on an Emulator when the token
// does not say (an opaque token).
const SignedInUser = "00000000-0000-0000-0000-000000000003"

// EmulatedHeader is the response header that tells an Emulator's answers
// apart: "state" for those of its Store, "example" for the documented
// examples of the operations it does not emulate (actions and functions
// whose effect the docs describe only in prose).
const EmulatedHeader = "X-Graphgen-Emulated"

// Emulator is a Mux that keeps state: the routes with an Emulate
// behaviour answer from its Store (a POST to a collection creates what a
// GET then reads, a PATCH merges, a DELETE removes, $ref adds members),
// after the same checks as the Mux's (permissions, headers, bodies); the
// other routes answer with their handlers, the documented examples,
// marked "X-Graphgen-Emulated: example" (the handler of a route with a
// behaviour is not called: to answer such a route otherwise, register it
// without one). Handle more routes on Mux as before.
type Emulator struct {
	*Mux
	// Store holds the state: seed it with Store.Load, read it with
	// Store.Dump.
	Store *Store
}

// Emulate turns m into an Emulator whose Store is configured by opt: from
// then on m answers its routes as the Emulator does.
func Emulate(m *Mux, opt StoreOptions) *Emulator {
	e := &Emulator{Mux: m, Store: NewStore(opt)}
	m.emu.Store(e)
	return e
}

// serve answers an admitted request of rt: from the store when rt has a
// behaviour, with rt's handler otherwise.
func (e *Emulator) serve(rt *route, tok tokenInfo, w http.ResponseWriter, r *http.Request) {
	if rt.Emulate == Canned {
		w.Header().Set(EmulatedHeader, "example")
		rt.h(w, r)
		return
	}
	e.Store.Serve(w, r, Call{
		Behavior: rt.Emulate,
		Status:   rt.Status,
		Type:     rt.Entity,
		Stamps:   rt.Stamps,
		Me:       signedIn(tok),
		Shape:    rt.shape(),
	})
}

// signedIn is the user /me names for a token: its oid when delegated,
// none for an application (Graph refuses /me), SignedInUser for a token
// the Mux does not read.
func signedIn(tok tokenInfo) string {
	switch {
	case tok.kind == Application:
		return ""
	case tok.oid != "":
		return tok.oid
	}
	return SignedInUser
}

// shape is what rt's path names: an item when its last segment before a
// /$ref is a key ({id}, ('{id}')), a single value (singleton,
// single-valued navigation) otherwise.
func (rt *route) shape() Shape {
	p := strings.TrimSuffix(rt.Pattern, "/$ref")
	last := p[strings.LastIndexByte(p, '/')+1:]
	if strings.Contains(last, "{") {
		return ShapeItem
	}
	return ShapeSlot
}
