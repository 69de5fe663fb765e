package emitter

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/naming"
)

// clientFile emits the Client type and one method per route.
func clientFile(f *jen.File, api *ir.API) {
	ops, idx := api.Operations, modelIndex(api.Types)
	// type Client struct{ rt *graphrt.Client }
	f.Comment("Client calls the documented Microsoft Graph operations; its methods take")
	f.Comment("path parameters as arguments and options for headers and query options.")
	f.Type().Id("Client").Struct(jen.Id("rt").Op("*").Add(rt("Client")))
	// func NewClient(hc *http.Client, baseURL string) *Client
	f.Comment("NewClient returns a Client that sends requests with hc (nil:")
	f.Comment("http.DefaultClient) to baseURL (\"\": graphrt.DefaultBaseURL); hc is expected")
	f.Comment("to authenticate, e.g. with a graphrt.BearerTransport.")
	f.Func().Id("NewClient").Params(jen.Id("hc").Op("*").Qual("net/http", "Client"), jen.Id("baseURL").String()).Op("*").Id("Client").Block(
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("rt"): rt("NewClient").Call(jen.Id("hc"), jen.Id("baseURL"))})),
	)
	// func New(cfg graphrt.Config) *Client
	f.Comment("New returns a Client configured with cfg: base URL (national clouds), token")
	f.Comment("source, user agent and retry policy.")
	f.Func().Id("New").Params(jen.Id("cfg").Add(rt("Config"))).Op("*").Id("Client").Block(
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("rt"): rt("New").Call(jen.Id("cfg"))})),
	)
	for _, op := range ops {
		for _, r := range op.Routes {
			f.Line()
			clientMethod(f, op, r, idx[op.Version])
		}
	}
}

// clientMethod emits, e.g.:
//
//	func (c *Client) UserGet(ctx context.Context, id string, opts ...graphrt.Option) (json.RawMessage, error) {
//		if err := graphrt.NonEmpty("id", id); err != nil {
//			return nil, err
//		}
//		return c.rt.JSON(ctx, &graphrt.Request{Method: "GET", Path: "/v1.0/users/" + graphrt.PathSegment(id)}, opts...)
//	}
func clientMethod(f *jen.File, op *ir.Operation, r *ir.Route, types models) {
	scope := naming.NewScope(paramNames(r)...)
	recv, ctx, opts := scope.Name("c"), scope.Name("ctx"), scope.Name("opts")
	body, data := "", ""
	params := []jen.Code{jen.Id(ctx).Qual("context", "Context")}
	for _, p := range allParams(r) {
		params = append(params, jen.Id(p.GoName).String())
	}
	switch op.RequestBody.Kind {
	case ir.KindObject, ir.KindParameters:
		body, data = scope.Name("body"), scope.Name("data")
		params = append(params, jen.Id(body).Add(bodyType(op.RequestBody, types)))
	case ir.KindBinary:
		body = scope.Name("body")
		data = body
		params = append(params, jen.Id(body).Index().Byte())
	}
	params = append(params, jen.Id(opts).Op("...").Add(rt("Option")))
	call, results, zero := responseCall(op.Response.Kind)
	decode, typedResults, typedZero := typedResponse(op.Response, types)
	if decode != nil {
		results, zero = typedResults, typedZero
	}
	errName := scope.Name("err")

	req := jen.Dict{jen.Id("Method"): jen.Lit(op.Method), jen.Id("Path"): pathExpr(op.Version, r)}
	if len(r.QueryParams) > 0 {
		req[jen.Id("Query")] = queryExpr(r)
	}
	if documentsHeader(op, "ConsistencyLevel") {
		req[jen.Id("AdvancedQuery")] = jen.True()
	}
	if data != "" {
		req[jen.Id("Body")] = jen.Id(data)
		if op.RequestBody.Kind == ir.KindBinary {
			req[jen.Id("ContentType")] = jen.Lit(op.RequestBody.ContentType)
		}
	}
	var stmts []jen.Code
	if len(allParams(r)) > 0 {
		stmts = append(stmts, earlyReturn(errName, zero, rt("NonEmpty").Call(nonEmptyArgs(r)...)))
	}
	if data != "" && data != body {
		stmts = append(stmts,
			jen.List(jen.Id(data), jen.Id(errName)).Op(":=").Add(rt("MarshalBody")).Call(jen.Id(body)),
			jen.If(jen.Id(errName).Op("!=").Nil()).Block(jen.Return(append(zero, jen.Id(errName))...)),
		)
	}
	send := jen.Id(recv).Dot("rt").Dot(call).Call(jen.Id(ctx), jen.Op("&").Add(rt("Request")).Values(req), jen.Id(opts).Op("..."))
	if decode != nil {
		// raw, err := c.rt.JSON(...); if err != nil { return nil, err }; return graphrt.Decode[T](raw)
		raw := scope.Name("raw")
		stmts = append(stmts,
			jen.List(jen.Id(raw), jen.Id(errName)).Op(":=").Add(send),
			jen.If(jen.Id(errName).Op("!=").Nil()).Block(jen.Return(append(zero, jen.Id(errName))...)),
			jen.Return(decode.Call(jen.Id(raw))))
	} else {
		stmts = append(stmts, jen.Return(send))
	}

	f.Add(comments(methodDoc(op, r)).Func().Params(jen.Id(recv).Op("*").Id("Client")).Id(r.GoName).Params(params...).Add(results).Block(stmts...))
	if r.PagerGoName != "" {
		pagerMethod(f, op, r, types, params, recv, ctx, opts, errName, req)
	}
}

// pagerMethod emits the iterator over every page of a collection:
//
//	func (c *Client) UserListAll(ctx context.Context, opts ...graphrt.Option) iter.Seq2[User, error] {
//		return graphrt.All[User](ctx, c.rt, &graphrt.Request{...}, opts...)
//	}
func pagerMethod(f *jen.File, op *ir.Operation, r *ir.Route, types models, params []jen.Code, recv, ctx, opts, errName string, req jen.Dict) {
	elem := jen.Qual("encoding/json", "RawMessage")
	if t, ok := types[op.Response.Type]; ok {
		elem = jen.Id(t.GoName)
	} else if primitiveGo[op.Response.Type] != nil {
		elem = primitiveGo[op.Response.Type]()
	}
	var stmts []jen.Code
	if len(allParams(r)) > 0 {
		stmts = append(stmts, jen.If(jen.Id(errName).Op(":=").Add(rt("NonEmpty").Call(nonEmptyArgs(r)...)), jen.Id(errName).Op("!=").Nil()).Block(
			jen.Return(rt("Fail").Types(elem.Clone()).Call(jen.Id(errName)))))
	}
	stmts = append(stmts, jen.Return(rt("All").Types(elem.Clone()).Call(jen.Id(ctx), jen.Id(recv).Dot("rt"), jen.Op("&").Add(rt("Request")).Values(req), jen.Id(opts).Op("..."))))
	doc := docLines(r.PagerGoName + " iterates over every item of " + r.GoName + ", following @odata.nextLink from page to page; it stops at the first error, which it yields, or when the loop breaks.")
	f.Add(comments(doc).Func().Params(jen.Id(recv).Op("*").Id("Client")).Id(r.PagerGoName).Params(params...).Qual("iter", "Seq2").Types(elem, jen.Error()).Block(stmts...))

	// func (c *Client) UserListPage(ctx, ...) (*graphrt.Page[User], error) { return graphrt.GetPage[User](ctx, c.rt, &graphrt.Request{...}, opts...) }
	var pageStmts []jen.Code
	if len(allParams(r)) > 0 {
		pageStmts = append(pageStmts, earlyReturn(errName, []jen.Code{jen.Nil()}, rt("NonEmpty").Call(nonEmptyArgs(r)...)))
	}
	pageStmts = append(pageStmts, jen.Return(rt("GetPage").Types(elem.Clone()).Call(jen.Id(ctx), jen.Id(recv).Dot("rt"), jen.Op("&").Add(rt("Request")).Values(req), jen.Id(opts).Op("..."))))
	pageDoc := docLines(r.PageGoName + " returns one page of " + r.GoName + " with its @odata.count, @odata.nextLink and @odata.deltaLink; pass graphrt.Count() to get the count.")
	f.Add(comments(pageDoc).Func().Params(jen.Id(recv).Op("*").Id("Client")).Id(r.PageGoName).Params(params...).Params(jen.Op("*").Add(rt("Page")).Types(elem.Clone()), jen.Error()).Block(pageStmts...))
}

// earlyReturn emits: if err := call; err != nil { return zero..., err }
func earlyReturn(errName string, zero []jen.Code, call jen.Code) jen.Code {
	return jen.If(jen.Id(errName).Op(":=").Add(call), jen.Id(errName).Op("!=").Nil()).Block(
		jen.Return(append(append([]jen.Code{}, zero...), jen.Id(errName))...))
}

// nonEmptyArgs lists name, value pairs of the route's parameters.
func nonEmptyArgs(r *ir.Route) []jen.Code {
	var args []jen.Code
	for _, p := range allParams(r) {
		args = append(args, jen.Lit(p.GoName), jen.Id(p.GoName))
	}
	return args
}

// allParams are the route's method arguments: path parameters, then the
// placeholders of its documented query string.
func allParams(r *ir.Route) []ir.Param {
	ps := slices.Clone(r.Params)
	for _, q := range r.QueryParams {
		ps = append(ps, q.Params...)
	}
	return ps
}

// paramNames returns the Go names of the route's parameters.
func paramNames(r *ir.Route) []string {
	var names []string
	for _, p := range allParams(r) {
		names = append(names, p.GoName)
	}
	return names
}

// responseCall picks the runtime method, the result list and the zero
// values returned before the error for a response kind.
func responseCall(kind string) (call string, results jen.Code, zero []jen.Code) {
	switch kind {
	case ir.KindNone:
		return "Empty", jen.Error(), nil
	case ir.KindBinary:
		return "Bytes", jen.Params(jen.Index().Byte(), jen.Error()), []jen.Code{jen.Nil()}
	}
	return "JSON", jen.Params(jen.Qual("encoding/json", "RawMessage"), jen.Error()), []jen.Code{jen.Nil()}
}

// documentsHeader reports whether the operation's page lists header name.
func documentsHeader(op *ir.Operation, name string) bool {
	for _, h := range op.Headers {
		if strings.EqualFold(h.Name, name) {
			return true
		}
	}
	return false
}

// bodyType is the Go type of a JSON request body: the request struct of a
// parameter table, a pointer to a documented model, else any (a map, a
// json.RawMessage or any value that encodes to the documented JSON).
func bodyType(b ir.RequestBody, types models) jen.Code {
	if b.GoName != "" {
		return jen.Op("*").Id(b.GoName)
	}
	if t, ok := types[b.Type]; ok && t.Kind == ir.TypeObject {
		return jen.Op("*").Id(t.GoName)
	}
	return jen.Any()
}

// typedResponse returns the runtime decoder of a response of a documented
// type, the method's results and the zero values an error returns with:
// (*T, error) for an object, ([]T, error) for a collection of objects or
// primitives, (T, error) for a primitive; nil when the response stays raw
// JSON.
func typedResponse(r ir.Response, types models) (decode *jen.Statement, results jen.Code, zero []jen.Code) {
	var elem *jen.Statement
	switch t, ok := types[r.Type]; {
	case ok && t.Kind == ir.TypeObject:
		elem = jen.Id(t.GoName)
	case ok && t.Kind == ir.TypeEnum && r.Kind == ir.KindCollection:
		elem = jen.Id(t.GoName)
	case primitiveGo[r.Type] != nil && r.Kind == ir.KindCollection:
		elem = primitiveGo[r.Type]()
	case primitiveGo[r.Type] != nil && r.Kind == ir.KindPrimitive:
		// n, err := graphrt.DecodeValue[int64](raw); errors return *new(int64)
		return rt("DecodeValue").Types(primitiveGo[r.Type]()), jen.Params(primitiveGo[r.Type](), jen.Error()),
			[]jen.Code{jen.Op("*").New(primitiveGo[r.Type]())}
	default:
		return nil, nil, nil
	}
	switch r.Kind {
	case ir.KindObject:
		return rt("Decode").Types(elem), jen.Params(jen.Op("*").Add(elem.Clone()), jen.Error()), []jen.Code{jen.Nil()}
	case ir.KindCollection:
		return rt("DecodeCollection").Types(elem), jen.Params(jen.Index().Add(elem.Clone()), jen.Error()), []jen.Code{jen.Nil()}
	}
	return nil, nil, nil
}

// pathExpr builds the escaped request path: literal parts as strings,
// parameters through the runtime's escaper for their style.
func pathExpr(version string, r *ir.Route) *jen.Statement {
	return templateExpr("/"+version+r.Pattern, r.Params, func(p ir.Param) jen.Code {
		return rt(escaper(p.Style)).Call(jen.Id(p.GoName))
	})
}

// queryExpr builds the documented query options:
//
//	url.Values{"$filter": {"id eq '" + graphrt.ODataLiteral(idValue) + "'"}}
func queryExpr(r *ir.Route) *jen.Statement {
	d := jen.Dict{}
	for _, q := range r.QueryParams {
		value := templateExpr(q.Value, q.Params, func(p ir.Param) jen.Code {
			if p.Style == ir.StyleQuoted {
				return rt("ODataLiteral").Call(jen.Id(p.GoName))
			}
			return jen.Id(p.GoName)
		})
		d[jen.Lit(q.Name)] = jen.Values(value)
	}
	return jen.Qual("net/url", "Values").Values(d)
}

// templateExpr concatenates the literal text of template with the
// expression of each {placeholder}, taken in order from params.
func templateExpr(template string, params []ir.Param, expr func(ir.Param) jen.Code) *jen.Statement {
	var parts []jen.Code
	rest := template
	for _, p := range params {
		open := strings.IndexByte(rest, '{')
		end := open + strings.IndexByte(rest[open:], '}')
		if open > 0 {
			parts = append(parts, jen.Lit(rest[:open]))
		}
		parts = append(parts, expr(p))
		rest = rest[end+1:]
	}
	if rest != "" || len(parts) == 0 {
		parts = append(parts, jen.Lit(rest))
	}
	s := jen.Add(parts[0])
	for _, p := range parts[1:] {
		s.Op("+").Add(p)
	}
	return s
}

// escaper names the runtime function that escapes a parameter of style.
func escaper(style string) string {
	switch style {
	case ir.StyleQuoted:
		return "ODataString"
	case ir.StylePath:
		return "PathSegments"
	}
	return "PathSegment"
}

// methodDoc is the doc comment of a client method.
func methodDoc(op *ir.Operation, r *ir.Route) []string {
	first := r.GoName + " calls " + op.Method + " /" + op.Version + r.Path
	if r.Query != "" {
		first += " (documented with ?" + r.Query + ")"
	}
	lines := docLines(first + ": " + op.Title + ".")
	lines = para(lines, op.Summary)
	if op.RequestBody.Kind != ir.KindNone {
		lines = para(lines, bodyDoc(op.RequestBody))
	}
	lines = para(lines, responseDoc(op.Response))
	perms := op.Permissions.PermissionSet
	if r.Permissions != nil {
		perms = *r.Permissions // a table tied to this path
	}
	lines = append(append(lines, ""), permissionLines(perms)...)
	return para(lines, "Documentation: "+op.DocsURL+" ("+op.Page+").")
}

// bodyDoc describes the request body argument.
func bodyDoc(b ir.RequestBody) string {
	switch b.Kind {
	case ir.KindBinary:
		return "The request body is binary content (" + b.ContentType + ")."
	case ir.KindParameters:
		names := make([]string, len(b.Params))
		for i, p := range b.Params {
			names[i] = p.Name
			if p.Required {
				names[i] += " (required)"
			}
		}
		return "The request body is a JSON object with the parameters " + strings.Join(names, ", ") + "."
	}
	if b.Type != "" {
		return "The request body is a JSON " + b.Type + " object."
	}
	return "The request body is a JSON object."
}

// responseDoc describes the result.
func responseDoc(r ir.Response) string {
	s := "On success the service answers " + itoa(r.Status)
	switch r.Kind {
	case ir.KindNone:
		return s + " with no body."
	case ir.KindBinary:
		return s + "; the result is the binary content."
	case ir.KindCollection:
		return s + " with a collection of " + orUnknown(r.Type) + " in the JSON result."
	case ir.KindPrimitive:
		return s + " with a primitive value in the JSON result."
	}
	return s + " with a " + orUnknown(r.Type) + " object in the JSON result."
}

func orUnknown(t string) string {
	if t == "" {
		return "undocumented type"
	}
	return t
}
