package graphtest

import (
	"fmt"
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

// deny returns why the token t may not call an operation with
// permissions p, or "" when it may: no permissions documented, a token
// that is not checked (kind ""), or no permission documented for its kind.
func (p *Permissions) deny(t tokenInfo) string {
	if p == nil || t.kind == "" {
		return ""
	}
	if slices.Contains(p.NotSupported, t.kind) {
		return fmt.Sprintf("%s permissions are not supported by this operation.", t.kind)
	}
	accepted := p.of(t.kind)
	if len(accepted) == 0 {
		return "" // the docs say nothing about this kind
	}
	for _, entry := range accepted {
		if hasAll(t.perms, strings.Split(entry, "+")) {
			return ""
		}
	}
	return fmt.Sprintf("Insufficient privileges to complete the operation: the token needs one of %s (%s).", strings.Join(accepted, ", "), t.kind)
}

// of returns the permissions documented for kind.
func (p *Permissions) of(kind string) []string {
	switch kind {
	case DelegatedWork:
		return p.DelegatedWork
	case DelegatedPersonal:
		return p.DelegatedPersonal
	case Application:
		return p.Application
	}
	return nil
}

// hasAll reports whether granted holds every name of need, compared
// without regard to case: the docs spell some names in more than one way
// (identityuserflowattribute-list has "IdentityUserflow.ReadWrite.All",
// other pages "IdentityUserFlow.ReadWrite.All").
func hasAll(granted, need []string) bool {
	for _, n := range need {
		if !slices.ContainsFunc(granted, func(g string) bool { return strings.EqualFold(g, strings.TrimSpace(n)) }) {
			return false
		}
	}
	return true
}
