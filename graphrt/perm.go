package graphrt

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Permission kinds, as the IR and test tokens name them.
const (
	DelegatedWork     = "delegatedWork"
	DelegatedPersonal = "delegatedPersonal"
	Application       = "application"
)

// consumerTenant is the tenant id of personal Microsoft accounts in tokens.
const consumerTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

// Permissions are an operation's documented permissions by kind. An entry
// "A+B" needs both A and B.
type Permissions struct {
	DelegatedWork, DelegatedPersonal, Application []string
	// NotSupported lists the kinds the docs say are not supported.
	NotSupported []string
}

// TestToken returns an unsigned JWT for mock tests: for kind DelegatedWork
// or DelegatedPersonal its "scp" claim lists perms (space-separated; the
// personal kind carries the consumer tenant in "tid"), for Application its
// "roles" claim does. A mock checks such tokens against the operation's
// documented permissions; any other bearer token is let through.
func TestToken(kind string, perms ...string) string {
	claims := map[string]any{"tid": "00000000-0000-0000-0000-000000000001"}
	switch kind {
	case Application:
		claims["roles"] = perms
	case DelegatedPersonal:
		claims["scp"], claims["tid"] = strings.Join(perms, " "), consumerTenant
	default:
		claims["scp"] = strings.Join(perms, " ")
	}
	payload, _ := json.Marshal(claims)
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc.EncodeToString(payload) + "."
}

// tokenClaims reads the kind and permissions of a test token; ok is false
// for a token that is not an unsigned JWT with "scp" or "roles".
func tokenClaims(token string) (kind string, perms []string, ok bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", nil, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", nil, false
	}
	var c struct {
		Scp   *string  `json:"scp"`
		Roles []string `json:"roles"`
		Tid   string   `json:"tid"`
	}
	if json.Unmarshal(payload, &c) != nil {
		return "", nil, false
	}
	switch {
	case c.Roles != nil:
		return Application, c.Roles, true
	case c.Scp != nil && c.Tid == consumerTenant:
		return DelegatedPersonal, strings.Fields(*c.Scp), true
	case c.Scp != nil:
		return DelegatedWork, strings.Fields(*c.Scp), true
	}
	return "", nil, false
}

// deny returns why token may not call an operation with permissions p,
// or "" when it may (no permissions documented, or an opaque token).
func (p *Permissions) deny(token string) string {
	if p == nil {
		return ""
	}
	kind, granted, ok := tokenClaims(token)
	if !ok {
		return ""
	}
	var accepted []string
	switch kind {
	case DelegatedWork:
		accepted = p.DelegatedWork
	case DelegatedPersonal:
		accepted = p.DelegatedPersonal
	case Application:
		accepted = p.Application
	}
	if slices.Contains(p.NotSupported, kind) {
		return fmt.Sprintf("%s permissions are not supported by this operation.", kind)
	}
	if len(accepted) == 0 {
		return "" // the docs say nothing about this kind
	}
	for _, entry := range accepted {
		if hasAll(granted, strings.Split(entry, "+")) {
			return ""
		}
	}
	return fmt.Sprintf("Insufficient privileges to complete the operation: the token needs one of %s (%s).", strings.Join(accepted, ", "), kind)
}

// hasAll reports whether granted holds every name of need.
func hasAll(granted, need []string) bool {
	for _, n := range need {
		if !slices.Contains(granted, n) {
			return false
		}
	}
	return true
}

// CheckJSON returns a body check for mocks of actions (parameter tables):
// the body must be a JSON object whose members T declares (OData
// annotations aside), of the types T declares, with every required member
// present and not null.
func CheckJSON[T any](required ...string) func(body []byte) error {
	known := fieldNames(reflect.TypeOf((*T)(nil)).Elem())
	return func(body []byte) error {
		var members map[string]json.RawMessage
		if err := json.Unmarshal(body, &members); err != nil {
			return fmt.Errorf("not a JSON object")
		}
		for name := range members {
			if !known[name] && !strings.Contains(name, "@") { // annotations: "@odata.type", "user@odata.bind"
				return fmt.Errorf("unknown member %q", name)
			}
		}
		for _, name := range required {
			if v, ok := members[name]; !ok || string(v) == "null" {
				return fmt.Errorf("required member %q is missing", name)
			}
		}
		if err := json.Unmarshal(body, new(T)); err != nil {
			return err
		}
		return nil
	}
}

// CheckTypes returns a body check for mocks of resource bodies: members T
// declares must have T's types; other members are let through (the service
// accepts navigation bindings and properties of derived types).
func CheckTypes[T any]() func(body []byte) error {
	return func(body []byte) error {
		return json.Unmarshal(body, new(T))
	}
}
