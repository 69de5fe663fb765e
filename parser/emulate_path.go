package parser

import "strings"

// segKind is what one segment of a documented path is, as far as its
// spelling says: the emulation pass decides the rest from the whole API.
type segKind int

const (
	// segName is a literal name: an entity set, a singleton, a
	// navigation or structural property, a key written as a value
	// (mailFolders/inbox) or an action or function named without
	// parentheses (/users/delta, /messages/{id}/move).
	segName segKind = iota
	// segParam is a parameter segment, {id}: a key.
	segParam
	// segKeyParens is a name with a key in parentheses:
	// messages('{id}'), users(id='{id}').
	segKeyParens
	segRef   // $ref
	segCount // $count
	segValue // $value
	// segOpaque is a segment nothing is emulated after: a call with
	// arguments (delta(), range(address='{a}')), a cast or qualified
	// name (microsoft.graph.group), a drive item path (root:/{path}:),
	// another $ segment.
	segOpaque
)

// pathSeg is one segment of a route's path.
type pathSeg struct {
	kind segKind
	// name is the lower-cased literal of a segName, or the name before
	// the parentheses of a segKeyParens.
	name string
}

// emulationSegments splits a normalised path template into its segments,
// at slashes outside braces and parentheses.
func emulationSegments(path string) []pathSeg {
	var segs []pathSeg
	for _, raw := range splitTop(path, '/') {
		if raw != "" {
			segs = append(segs, readSegment(raw))
		}
	}
	return segs
}

// readSegment classifies one segment by its spelling.
func readSegment(raw string) pathSeg {
	switch {
	case raw == "$ref":
		return pathSeg{kind: segRef}
	case raw == "$count":
		return pathSeg{kind: segCount}
	case raw == "$value":
		return pathSeg{kind: segValue}
	case isParam(raw), isKeyArgs(raw) && strings.Contains(raw, "="):
		return pathSeg{kind: segParam} // {id}, or roleTemplateId={id}
	case strings.ContainsAny(raw, "$:"):
		return pathSeg{kind: segOpaque}
	}
	if name, args, ok := strings.Cut(raw, "("); ok {
		args, closed := strings.CutSuffix(args, ")")
		if closed && isPropertyName(name) && isKeyArgs(args) {
			return pathSeg{kind: segKeyParens, name: strings.ToLower(name)}
		}
		return pathSeg{kind: segOpaque}
	}
	if isQualifiedName(raw) || !isSegmentName(raw) && !isKeyValue(raw) {
		return pathSeg{kind: segOpaque} // a cast, "...", "*", a name with spaces
	}
	return pathSeg{kind: segName, name: strings.ToLower(raw)}
}

// isSegmentName reports a plain name: an ASCII letter, then letters,
// digits and underscores (alerts_v2).
func isSegmentName(s string) bool {
	return s != "" && isLetter(s[0]) && strings.Trim(strings.ToLower(s), "abcdefghijklmnopqrstuvwxyz0123456789_") == ""
}

// isKeyArgs reports the arguments of a key in parentheses: one parameter,
// quoted or not, alone or as the value of an id ('{id}', {id},
// id='{id}', userId='{id}').
func isKeyArgs(args string) bool {
	name, value, named := strings.Cut(args, "=")
	if !named {
		value = name
	} else if l := strings.ToLower(name); !isPropertyName(name) || !strings.HasSuffix(l, "id") {
		return false
	}
	return isParam(strings.TrimSuffix(strings.TrimPrefix(value, "'"), "'"))
}

// isParam reports one parameter and nothing else: {id}.
func isParam(s string) bool {
	return strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && strings.Count(s, "{") == 1 && !strings.Contains(s, ":")
}

// isKeyValue reports a literal that can only be a key's value: an id
// written into the path (hex digits and dashes, at least 16, a digit
// among them), a host name or an e-mail address.
func isKeyValue(s string) bool {
	if strings.ContainsAny(s, ".@") {
		return isHostOrMail(s)
	}
	if len(s) < 16 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	return strings.Trim(strings.ToLower(s), "0123456789abcdef-") == ""
}

// isQualifiedName reports a dotted name of plain words in Graph's
// namespace or its alias ("microsoft.graph.group", "graph.user"): a cast
// or a qualified action, not a key value such as a host name.
func isQualifiedName(s string) bool {
	parts := strings.Split(s, ".")
	if parts[0] != "microsoft" && parts[0] != "graph" {
		return false
	}
	for _, part := range parts {
		if !isPropertyName(part) {
			return false
		}
	}
	return true
}

// isHostOrMail reports a host name or an e-mail address: dot-separated
// labels of letters, digits and dashes, one '@' at most before them.
func isHostOrMail(s string) bool {
	_, host, _ := strings.Cut(s, "@")
	if host == "" {
		host = s
	}
	for _, label := range strings.Split(host, ".") {
		if label == "" || strings.Trim(strings.ToLower(label), "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return false
		}
	}
	return strings.Contains(host, ".")
}
