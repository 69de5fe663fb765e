// Package ir is graphgen's plain data model of a documented Microsoft Graph
// API: what the pages say, already carrying the Go names the emitter prints.
//
// The JSON form of API is the output of `graphgen ir`; its keys are a stable
// interface for other tools and are documented in the README.
package ir

// API is everything read from one or more documentation trees.
type API struct {
	// Operations in a deterministic order: by version, then id.
	Operations []*Operation `json:"operations"`
	// Types are the resource, complex and enum types of the resource pages,
	// by name.
	Types []*Type `json:"types"`
	// Skipped lists pages that yielded no operation, with the reason.
	Skipped []Skip `json:"skipped"`
	// Pages counts the documentation pages read (files with front matter).
	Pages int `json:"pages"`
	// Diagnostics are sorted by position.
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Operation is one HTTP method documented by one page, with all the path
// templates the page lists for it.
type Operation struct {
	// ID is the page's file name without ".md" (plus "-" and the lower-case
	// method when a page documents several methods).
	ID string `json:"id"`
	// GoName is the exported Go name of the operation, unique in its
	// package: the name of its primary route's client method (or of its
	// first route with a method of its own), the mock handler's method
	// name and the stem of its request struct's name.
	GoName string `json:"goName"`
	// Primary is the index in Routes of the route whose client method is
	// named without a variant suffix.
	Primary int `json:"primary"`
	// SameAs names the page of the operation whose methods make every call
	// of this one in the same package (the docs document them twice):
	// nothing is generated for this operation.
	SameAs string `json:"sameAs,omitempty"`
	// Package is the Go package (and directory) of the operation's client
	// methods: its area, the first word of the page id ("user" for
	// user-get; two for Intune: "intunedevices").
	Package string `json:"package"`
	// Source is the position of the first HTTP request syntax line.
	Source string `json:"source"`
	// Page is the page's path relative to its docs root.
	Page string `json:"page"`
	// DocsURL is the operation's page on learn.microsoft.com.
	DocsURL string `json:"docsUrl"`
	// Version is "v1.0" or "beta".
	Version string `json:"version"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Method  string `json:"method"`
	// Paths are the documented path templates, normalised
	// ("/users/{id | userPrincipalName}"), without query strings.
	Paths []string `json:"paths"`
	// Routes are Paths in parsed form, one client method each.
	Routes      []*Route    `json:"routes"`
	Permissions Permissions `json:"permissions"`
	Headers     []Header    `json:"headers"`
	RequestBody RequestBody `json:"requestBody"`
	Response    Response    `json:"response"`
	Examples    []Example   `json:"examples"`
}

// Route is one documented path template of an operation.
type Route struct {
	// Path is the template as documented (normalised), e.g.
	// "/users/{id | userPrincipalName}/messages/{id}".
	Path string `json:"path"`
	// Query is the query string the syntax line shows, if any.
	Query string `json:"query,omitempty"`
	// Source is the position of the route's request line (the
	// operation's Source is its first route's).
	Source string `json:"source,omitempty"`
	// QueryParams is Query parsed: options the client always sends, with
	// their placeholders as method arguments.
	QueryParams []QueryParam `json:"queryParams,omitempty"`
	// Pattern is Path with every parameter replaced by {name}, or by
	// {name...} for a parameter that spans segments, named from the path
	// alone (the mock's r.PathValue names, equal on every page that
	// documents the path), e.g. "/users/{userID}/messages/{messageID}".
	Pattern string `json:"pattern"`
	// GoName is the client method's name.
	GoName string `json:"goName"`
	// PageGoName is set for a paged collection, one fetched without a
	// request body: GoName then iterates over every member, following
	// @odata.nextLink page after page, and PageGoName (GoName + "Page")
	// names the method that returns one page with its @odata.count,
	// @odata.nextLink and @odata.deltaLink. "" for other responses.
	PageGoName string `json:"pageGoName,omitempty"`
	// Params in the order they appear in the path.
	Params []Param `json:"params"`
	// Permissions are the route's own, when a permission table is tied to
	// its request URL; otherwise the operation's apply.
	Permissions *PermissionSet `json:"permissions,omitempty"`
	// Response is the route's own success response when it is not the
	// operation's: a GET of a /$value path (a stream) or of a property
	// below the operation's other paths (/me/mailboxSettings/dateFormat).
	Response *Response `json:"response,omitempty"`
	// SameAs names the page of another operation of the same package whose
	// client method of the same name makes this route's call: this route
	// has no method of its own.
	SameAs string `json:"sameAs,omitempty"`
	// ShadowedBy names the operation whose route with the same method and
	// path shape the mock serves instead of this one, if any.
	ShadowedBy string `json:"shadowedBy,omitempty"`
	// Emulate is how the emulator answers the route from its stored state,
	// decided from the docs' structure (method, path shape, documented
	// response, what the whole API's routes say about each path prefix):
	// "list" or "create" on a collection, "count" on its /$count, "get",
	// "update" (PATCH), "replace" (PUT) or "delete" on one entity,
	// "addRef", "removeRef" or "listRefs" on a .../$ref path. "" leaves
	// the answer to the docs' example: actions, functions, properties,
	// casts, streams, drive item paths and anything unsure.
	Emulate string `json:"emulate,omitempty"`
	// Entity is the qualified OData name of the type stored at the route
	// ("microsoft.graph.user"), when Emulate is set and the docs name a
	// documented type.
	Entity string `json:"entity,omitempty"`
	// Stamps are the timestamps Entity (or one of its bases) documents,
	// which the emulator sets: "createdDateTime" (on create),
	// "lastModifiedDateTime" (on create and update).
	Stamps []string `json:"stamps,omitempty"`
}

// QueryParam is one option of a documented query string, e.g.
// startDateTime={start_datetime} or $filter=id eq '{id_value}'.
type QueryParam struct {
	// Name is the option's name ("startDateTime", "$filter").
	Name string `json:"name"`
	// Value is the decoded value template ("id eq '{id_value}'").
	Value string `json:"value"`
	// Params are the placeholders of Value, in order; their Go names share
	// the route's scope with the path parameters.
	Params []Param `json:"params,omitempty"`
}

// Param styles say how a path parameter is written into the URL.
const (
	StyleSegment = "segment" // the whole or part of one path segment
	StyleQuoted  = "quoted"  // inside '...' of an OData function or key
	StylePath    = "path"    // spans segments: root:/{item-path}:/
)

// Param is a path parameter.
type Param struct {
	// Name as documented, e.g. "id | userPrincipalName" or "user-id".
	Name string `json:"name"`
	// GoName is the Go parameter name, unique within the route.
	GoName string `json:"goName"`
	// Style is one of StyleSegment, StyleQuoted, StylePath.
	Style string `json:"style"`
}

// Permissions are the documented permissions by kind, in documented order.
// An empty list means the kind is not supported (or not documented).
type Permissions struct {
	PermissionSet
	// Tables counts the permission tables read (inline and included).
	Tables int `json:"tables"`
	// Scoped holds each table separately when a page has several tables
	// (one per resource or per heading) or a per-resource table.
	Scoped []ScopedPermissions `json:"scoped,omitempty"`
}

// PermissionSet lists permission names by kind. Each entry is one way to
// be allowed: a permission name, or names joined by "+" when the docs
// require them together ("Policy.Read.All and Application.ReadWrite.All").
type PermissionSet struct {
	DelegatedWork     []string `json:"delegatedWork"`
	DelegatedPersonal []string `json:"delegatedPersonal"`
	Application       []string `json:"application"`
	// NotSupported lists the kinds ("delegatedWork", "delegatedPersonal",
	// "application") the docs say are not supported; a kind with no names
	// that is not listed here is simply not documented.
	NotSupported []string `json:"notSupported,omitempty"`
}

// ScopedPermissions is the permission set of one resource or one table.
type ScopedPermissions struct {
	// Scope is the resource cell, the sub-row label, the column header or
	// the heading above the table.
	Scope string `json:"scope"`
	// RequestURLs are the requests the table is tied to by its
	// "blockType": "permissions" annotation, e.g. "GET /users/{id}".
	RequestURLs []string `json:"requestUrls,omitempty"`
	PermissionSet
}

// Header is a documented request header.
type Header struct {
	Name     string `json:"name"`
	Value    string `json:"value"`
	Required bool   `json:"required"`
}

// Body kinds.
const (
	KindNone       = "none"
	KindObject     = "object"
	KindParameters = "parameters"
	KindBinary     = "binary"
	KindCollection = "collection"
	KindPrimitive  = "primitive"
	// KindReference is a request body that refers to an existing object by
	// its URL, {"@odata.id": "https://graph.microsoft.com/v1.0/..."}: the
	// body of POST and PUT on a .../$ref path.
	KindReference = "reference"
)

// RequestBody is the documented request-body rule.
type RequestBody struct {
	// Kind is KindNone, KindObject, KindParameters, KindBinary or
	// KindReference.
	Kind string `json:"kind"`
	// Type is the resource type of an object body (from the link target or
	// the example's @odata.type), or the type of the object a reference
	// body refers to.
	Type string `json:"type,omitempty"`
	// ContentType is the documented content type of a binary body.
	ContentType string `json:"contentType,omitempty"`
	// Params are the rows of a parameter table.
	Params []BodyParam `json:"params,omitempty"`
	// GoName names the request struct of a parameters body.
	GoName string `json:"goName,omitempty"`
	// From says what decided Kind: "header" (a non-JSON Content-Type),
	// "link" (a resource link), "table", "prose" (the section's text),
	// "example" (only the example request has a body, or the example's
	// @odata.type names the object a table of its properties describes),
	// "path" (a .../$ref path), "method" (no section; GET, DELETE...) or
	// "default" (nothing; assumed none).
	From string `json:"from"`
}

// BodyParam is one row of a request-body parameter table.
type BodyParam struct {
	Name   string `json:"name"`
	GoName string `json:"goName"`
	// Type is the type cell as written. TypeName is what it names: an Edm
	// primitive or a documented type's qualified name; Ref is the link
	// target when that type is not documented in these docs.
	Type        string `json:"type"`
	TypeName    string `json:"typeName,omitempty"`
	Ref         string `json:"ref,omitempty"`
	Collection  bool   `json:"collection,omitempty"`
	Description string `json:"description"`
	Required    bool   `json:"required"`
}

// Response is the documented success response.
type Response struct {
	Status int `json:"status"`
	// StatusFrom says where Status was read: "prose", "example", "body"
	// (200 for a documented body without a status) or "default" (assumed).
	StatusFrom string `json:"statusFrom"`
	// Kind is KindNone, KindObject, KindCollection, KindBinary or KindPrimitive.
	Kind string `json:"kind"`
	// Type is the resource (or element) type as the docs name it: the
	// annotation's @odata.type ("microsoft.graph.user") or the linked
	// resource page ("user").
	Type string `json:"type,omitempty"`
	// Location marks an answer without a body whose Location header is the
	// result: the operation to poll of a 202 Accepted, the new object of a
	// 201 Created.
	Location bool `json:"location,omitempty"`
}

// Example is one documented request and its response.
type Example struct {
	// Name is the annotation's name, if any.
	Name     string           `json:"name,omitempty"`
	Source   string           `json:"source"`
	Request  *ExampleRequest  `json:"request,omitempty"`
	Response *ExampleResponse `json:"response,omitempty"`
}

// ExampleRequest is a documented example request.
type ExampleRequest struct {
	Method string `json:"method"`
	// URL as written in the docs.
	URL string `json:"url"`
	// Path is the URL's path without host and version, Query its query.
	Path    string   `json:"path"`
	Query   string   `json:"query,omitempty"`
	Headers []string `json:"headers,omitempty"` // name, value pairs
	Body    string   `json:"body,omitempty"`
}

// ExampleResponse is a documented example response.
type ExampleResponse struct {
	Status int `json:"status"`
	// Type, IsCollection and Truncated come from the block's annotation.
	Type         string   `json:"type,omitempty"`
	IsCollection bool     `json:"isCollection,omitempty"`
	Truncated    bool     `json:"truncated,omitempty"`
	Headers      []string `json:"headers,omitempty"` // name, value pairs
	Body         string   `json:"body,omitempty"`
}

// Severities of diagnostics.
const (
	Error   = "error"
	Warning = "warning"
	// Note is a remark for the docs' authors: the page is malformed or
	// disagrees with itself, and graphgen read it by a stated rule (the
	// output is what the rule gives). graphgen report lists notes; a
	// generation only counts them.
	Note = "note"
)

// Diagnostic is a message about the input, at a position.
type Diagnostic struct {
	// Pos is "file:line:col" with file relative to the docs root.
	Pos      string `json:"pos"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Page is the page the diagnostic is about (the including page for a
	// position in an include file), "" for the whole API; a generation
	// of a subset shows the diagnostics of the pages it generates.
	Page string `json:"-"`
}

// String formats d the way the Go toolchain does: "pos: message", with
// "warning: " or "note: " before the message of a warning or a note.
func (d Diagnostic) String() string {
	if d.Severity == Warning || d.Severity == Note {
		return d.Pos + ": " + d.Severity + ": " + d.Message
	}
	return d.Pos + ": " + d.Message
}

// Skip says why a page yielded no operation.
type Skip struct {
	Page   string `json:"page"`
	Reason string `json:"reason"`
}

// Type kinds.
const (
	TypeObject = "object" // an entity or complex type with properties
	TypeEnum   = "enum"
)

// Type is a documented type: the properties of a resource page, or the
// members of an enumeration.
type Type struct {
	// Name is the qualified name, e.g. "microsoft.graph.user": the
	// @odata.type of the page's JSON representation, else the page name.
	Name    string `json:"name"`
	GoName  string `json:"goName"`
	Kind    string `json:"kind"`
	Version string `json:"version"`
	// Page is the resource page; an enumeration adds "#" and its anchor.
	Page   string `json:"page"`
	Source string `json:"source"`
	// Base is the qualified name of the type this one inherits from.
	Base    string `json:"base,omitempty"`
	Summary string `json:"summary,omitempty"`
	// Open types accept properties beyond the documented ones.
	Open       bool         `json:"open,omitempty"`
	Properties []Property   `json:"properties,omitempty"`
	Members    []EnumMember `json:"members,omitempty"`
}

// Property is a row of a properties or relationships table.
type Property struct {
	Name   string `json:"name"`
	GoName string `json:"goName"`
	// Type is an Edm primitive ("Edm.String") or a qualified type name;
	// Ref is what the page linked to (a resource page name or an enum
	// anchor) when Type could not be resolved to a documented type.
	Type       string `json:"type"`
	Ref        string `json:"ref,omitempty"`
	Collection bool   `json:"collection,omitempty"`
	// Relationship marks navigation properties (the relationships table).
	Relationship bool   `json:"relationship,omitempty"`
	ReadOnly     bool   `json:"readOnly,omitempty"`
	Description  string `json:"description,omitempty"`
	// Unconfirmed is the position of a table row of a translated page
	// whose name no code of its page confirms; the parser's Resolve keeps
	// the property only when the docs' examples use the name. Not part of
	// the IR's JSON.
	Unconfirmed string `json:"-"`
}

// EnumMember is a row of an enumeration's table.
type EnumMember struct {
	Name        string `json:"name"`
	GoName      string `json:"goName"`
	Value       string `json:"value,omitempty"`
	Description string `json:"description,omitempty"`
	// Unconfirmed is the position of a table row of a translated page
	// whose name no code of its page confirms; the parser's Resolve matches
	// it with the values listed in code where the enumeration is used. Not
	// part of the IR's JSON.
	Unconfirmed string `json:"-"`
}
