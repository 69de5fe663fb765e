package graphtest

import (
	"cmp"
	"encoding/json"
	"strings"
	"time"
)

// matches reports whether obj satisfies the condition n.
func matches(n filterNode, obj map[string]any) bool {
	v, _ := n.eval(obj).(bool)
	return v
}

func (n *logical) eval(obj map[string]any) any {
	if n.op == "and" {
		return matches(n.l, obj) && matches(n.r, obj)
	}
	return matches(n.l, obj) || matches(n.r, obj)
}

func (n *negation) eval(obj map[string]any) any { return !matches(n.x, obj) }

func (n *comparison) eval(obj map[string]any) any {
	l, r := n.l.eval(obj), n.r.eval(obj)
	if n.op == "eq" || n.op == "ne" {
		return equal(l, r) == (n.op == "eq")
	}
	c, ok := compareValues(l, r)
	if !ok {
		return false // null and values of other types are not ordered
	}
	switch n.op {
	case "gt":
		return c > 0
	case "ge":
		return c >= 0
	case "lt":
		return c < 0
	}
	return c <= 0
}

func (n *membership) eval(obj map[string]any) any {
	x := n.x.eval(obj)
	for _, item := range n.list {
		if equal(x, item.eval(obj)) {
			return true
		}
	}
	return false
}

func (n *call) eval(obj map[string]any) any {
	s, ok1 := text(n.args[0].eval(obj))
	sub, ok2 := text(n.args[1].eval(obj))
	if !ok1 || !ok2 {
		return false
	}
	s, sub = strings.ToLower(s), strings.ToLower(sub)
	switch n.name {
	case "startswith":
		return strings.HasPrefix(s, sub)
	case "endswith":
		return strings.HasSuffix(s, sub)
	}
	return strings.Contains(s, sub)
}

func (n *member) eval(obj map[string]any) any {
	var v any = obj
	for _, name := range n.path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[name]
	}
	return normalise(v)
}

func (n *literal) eval(map[string]any) any { return n.value }

// normalise turns a stored JSON value into a filter value: numbers to
// float64; objects and arrays stay as they are (they compare with
// nothing).
func normalise(v any) any {
	if n, ok := v.(json.Number); ok {
		if f, err := n.Float64(); err == nil {
			return f
		}
		return string(n)
	}
	return v
}

// text returns v as a string when it is one (a GUID included).
func text(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case guid:
		return string(v), true
	}
	return "", false
}

// equal is OData's eq: null equals only null; strings (and GUIDs)
// compare with case ignored, as Graph's directory does.
func equal(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	c, ok := compareValues(a, b)
	return ok && c == 0
}

// compareValues orders two non-null values of comparable types: numbers,
// booleans, strings and GUIDs (case ignored), and date-times (a string
// read as RFC 3339 when the other side is a date literal).
func compareValues(a, b any) (int, bool) {
	if t, ok := b.(time.Time); ok {
		return compareTime(a, t)
	}
	if t, ok := a.(time.Time); ok {
		c, ok := compareTime(b, t)
		return -c, ok
	}
	switch a := a.(type) {
	case float64:
		b, ok := b.(float64)
		return cmp.Compare(a, b), ok
	case bool:
		b, ok := b.(bool)
		return compareBool(a, b), ok
	}
	sa, ok1 := text(a)
	sb, ok2 := text(b)
	return compareFold(sa, sb), ok1 && ok2
}

// compareTime orders the value v, a date-time string, against t.
func compareTime(v any, t time.Time) (int, bool) {
	switch v := v.(type) {
	case time.Time:
		return v.Compare(t), true
	case string:
		layout := time.RFC3339Nano
		if len(v) == len(time.DateOnly) {
			layout = time.DateOnly
		}
		parsed, err := time.Parse(layout, v)
		return parsed.Compare(t), err == nil
	}
	return 0, false
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}

// compareFold orders two strings with case ignored.
func compareFold(a, b string) int {
	if strings.EqualFold(a, b) {
		return 0
	}
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}
