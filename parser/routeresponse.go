package parser

import (
	"strings"

	"github.com/graphgen-dev/graphgen/ir"
)

// routeResponses gives the GET routes that answer otherwise than their
// operation a response of their own: a /$value path returns the stream
// (and an operation with only such paths is a stream); a path that is
// another documented path plus a property name
// (/me/mailboxSettings/dateFormat below /me/mailboxSettings) returns that
// property, shaped by its own example when it has one; Resolve types the
// others from the properties of the operation's response type.
func routeResponses(op *ir.Operation) {
	if op.Method != "GET" {
		return
	}
	if allStreams(op.Routes) {
		if op.Response.Status != 204 {
			op.Response.Kind, op.Response.Type = ir.KindBinary, ""
		}
		return
	}
	for _, r := range op.Routes {
		switch {
		case isValuePath(r.Path):
			r.Response = &ir.Response{Status: op.Response.Status, StatusFrom: op.Response.StatusFrom, Kind: ir.KindBinary}
		case propertyBelow(op.Routes, r) != "":
			r.Response = propertyExample(op, r)
		}
	}
}

// allStreams reports routes that all end in /$value.
func allStreams(routes []*ir.Route) bool {
	for _, r := range routes {
		if !isValuePath(r.Path) {
			return false
		}
	}
	return len(routes) > 0
}

// propertyBelow returns the property name r's path adds to another route
// of the same operation (".../mailboxSettings" + "/dateFormat"), "" when
// it is no such path.
func propertyBelow(routes []*ir.Route, r *ir.Route) string {
	i := strings.LastIndexByte(r.Path, '/')
	parent, name := r.Path[:max(i, 0)], r.Path[i+1:]
	if !isPropertyName(name) {
		return ""
	}
	for _, other := range routes {
		if other != r && other.Path == parent {
			return name
		}
	}
	return ""
}

// isPropertyName reports a plain member name: an ASCII letter, then letters
// and digits (not $value, a cast, a function call or a parameter).
func isPropertyName(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) && !(s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}

// propertyExample shapes the answer of a property route from the first
// example whose request path fits the route; without one it is an object
// of unknown type until Resolve finds the property's type.
func propertyExample(op *ir.Operation, r *ir.Route) *ir.Response {
	resp := &ir.Response{Status: op.Response.Status, StatusFrom: op.Response.StatusFrom, Kind: ir.KindObject}
	for i, e := range op.Examples {
		if e.Request != nil && e.Response != nil && fitsTemplate(e.Request.Path, r.Path) {
			resp.Kind, resp.Type = responseShape(resp.Status, &op.Examples[i], "", "")
			break
		}
	}
	return resp
}

// fitsTemplate reports whether a concrete path has the segments of a path
// template: as many, and equal (ignoring case) where the template has no
// parameter.
func fitsTemplate(path, template string) bool {
	ps, ts := strings.Split(path, "/"), strings.Split(template, "/")
	if len(ps) != len(ts) {
		return false
	}
	for i, t := range ts {
		if !strings.Contains(t, "{") && !strings.EqualFold(t, ps[i]) {
			return false
		}
	}
	return true
}

// resolveRouteResponses names the types of the routes' own responses as
// resolveTypes names the operations', and types a property route that no
// example shaped by the property of the operation's response type.
func resolveRouteResponses(api *ir.API) {
	byName := map[string]*ir.Type{}
	for _, t := range api.Types {
		for _, key := range []string{strings.ToLower(t.Name), strings.ToLower(shortName(t.Name))} {
			if _, taken := byName[t.Version+" "+key]; !taken {
				byName[t.Version+" "+key] = t
			}
		}
	}
	lookup := func(version, name string) *ir.Type { return byName[version+" "+strings.ToLower(name)] }
	for _, op := range api.Operations {
		for _, r := range op.Routes {
			if r.Response == nil || r.Response.Kind == ir.KindBinary {
				continue
			}
			resolveRouteType(r.Response, op.Version, lookup)
			if r.Response.Type == "" {
				typeFromProperty(r.Response, lookup(op.Version, op.Response.Type), r.Path[strings.LastIndexByte(r.Path, '/')+1:], op.Version, lookup)
			}
		}
	}
}

// resolveRouteType turns the type an example named into an Edm or
// qualified documented name.
func resolveRouteType(resp *ir.Response, version string, lookup func(version, name string) *ir.Type) {
	if edm, ok := primitives[strings.ToLower(strings.TrimPrefix(resp.Type, "Edm."))]; ok {
		resp.Type = edm
	} else if t := lookup(version, resp.Type); t != nil && resp.Type != "" {
		resp.Type = t.Name
	}
}

// typeFromProperty shapes resp after property name of type t (or of its
// base types): a primitive or enumeration value, an object, or a
// collection of them. Nothing is known when t or the property is not
// documented.
func typeFromProperty(resp *ir.Response, t *ir.Type, name, version string, lookup func(version, name string) *ir.Type) {
	for seen := 0; t != nil && seen < 16; seen++ {
		for _, p := range t.Properties {
			if p.Name != name || p.Ref != "" {
				continue
			}
			resp.Type, resp.Kind = p.Type, ir.KindObject
			if pt := lookup(version, p.Type); strings.HasPrefix(p.Type, "Edm.") || pt != nil && pt.Kind == ir.TypeEnum {
				resp.Kind = ir.KindPrimitive
			}
			if p.Collection {
				resp.Kind = ir.KindCollection
			}
			return
		}
		t = lookup(version, t.Base)
	}
}
