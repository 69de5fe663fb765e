package graphtest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// node is one node of a parsed $filter expression.
type filterNode interface {
	// eval returns the node's value on obj: a bool for a condition, nil,
	// bool, float64, string, guid, time.Time or an unordered value for
	// an operand.
	eval(obj map[string]any) any
	// print writes the node in canonical form: every operator
	// parenthesised, so that the text parses back to the same tree.
	print(b *strings.Builder)
}

type (
	// logical is "l and r" or "l or r".
	logical struct {
		op   string
		l, r filterNode
	}
	// negation is "not x".
	negation struct{ x filterNode }
	// comparison is "l op r" with op eq, ne, gt, ge, lt or le.
	comparison struct {
		op   string
		l, r filterNode
	}
	// membership is "x in (a, b, ...)".
	membership struct {
		x    filterNode
		list []filterNode
	}
	// call is startswith(a, b), endswith(a, b) or contains(a, b).
	call struct {
		name string
		args []filterNode
	}
	// member is a member path: displayName, address/city.
	member struct{ path []string }
	// literal is a constant: its canonical text and its value.
	literal struct {
		text  string
		value any
	}
	// guid is the value of an unquoted GUID literal.
	guid string
)

// maxFilterDepth bounds the nesting of a $filter expression.
const maxFilterDepth = 100

// comparisons are the comparison operators.
var comparisons = map[string]bool{"eq": true, "ne": true, "gt": true, "ge": true, "lt": true, "le": true}

// unsupportedOperators are OData operators the emulator refuses by name.
var unsupportedOperators = map[string]bool{"has": true, "add": true, "sub": true, "mul": true, "div": true, "mod": true, "divby": true}

// functions are the functions of two arguments the emulator evaluates.
var functions = map[string]bool{"startswith": true, "endswith": true, "contains": true}

// filterParser reads one $filter expression.
type filterParser struct {
	src   string
	toks  []lexToken
	i     int
	depth int
}

// parseFilter parses a $filter expression; an error names what is wrong
// and its byte offset.
func parseFilter(src string) (filterNode, error) {
	toks, err := lexFilter(src)
	if err != nil {
		return nil, err
	}
	p := &filterParser{src: src, toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, p.errorf(t, "syntax error: unexpected '%s'", t.text)
	}
	if !isCondition(n) {
		return nil, p.errorf(toks[0], "the expression is not a condition")
	}
	return n, nil
}

// peek returns the next token.
func (p *filterParser) peek() lexToken { return p.toks[p.i] }

// next consumes and returns the next token.
func (p *filterParser) next() lexToken {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// errorf is a filterError at t.
func (p *filterParser) errorf(t lexToken, format string, args ...any) error {
	return &filterError{pos: t.pos, msg: fmt.Sprintf(format, args...), clause: p.src}
}

// isKeyword reports whether t is the name word.
func isKeyword(t lexToken, word string) bool { return t.kind == tokIdent && t.text == word }

// expect consumes the punctuation text or fails.
func (p *filterParser) expect(text string) error {
	t := p.next()
	if t.kind != tokPunct || t.text != text {
		return p.errorf(t, "syntax error: expected '%s', found %s", text, describe(t))
	}
	return nil
}

// describe names t in an error.
func describe(t lexToken) string {
	if t.kind == tokEOF {
		return "the end of the clause"
	}
	return "'" + t.text + "'"
}

// or reads "and-expression (or and-expression)*".
func (p *filterParser) or() (filterNode, error) {
	return p.chain("or", p.and)
}

// and reads "not-expression (and not-expression)*".
func (p *filterParser) and() (filterNode, error) {
	return p.chain("and", p.not)
}

// chain reads operands of the left-associative operator op.
func (p *filterParser) chain(op string, operand func() (filterNode, error)) (filterNode, error) {
	l, err := operand()
	for err == nil && isKeyword(p.peek(), op) {
		t := p.next()
		var r filterNode
		if r, err = operand(); err == nil {
			if !isCondition(l) || !isCondition(r) {
				return nil, p.errorf(t, "the operands of '%s' must be conditions", op)
			}
			l = &logical{op: op, l: l, r: r}
		}
	}
	return l, err
}

// not reads "not not-expression" or a comparison.
func (p *filterParser) not() (filterNode, error) {
	if !isKeyword(p.peek(), "not") {
		return p.comparison()
	}
	t := p.next()
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.not()
	if err == nil && !isCondition(x) {
		return nil, p.errorf(t, "the operand of 'not' must be a condition")
	}
	return &negation{x: x}, err
}

// enter counts one level of nesting at t, failing past maxFilterDepth.
func (p *filterParser) enter(t lexToken) error {
	if p.depth++; p.depth > maxFilterDepth {
		return p.errorf(t, "the clause nests deeper than %d levels", maxFilterDepth)
	}
	return nil
}

// leave ends one level of nesting.
func (p *filterParser) leave() { p.depth-- }

// comparison reads "operand [op operand | in (list)]".
func (p *filterParser) comparison() (filterNode, error) {
	l, err := p.operand()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	switch {
	case t.kind == tokIdent && comparisons[t.text]:
		p.next()
		r, err := p.operand()
		return &comparison{op: t.text, l: l, r: r}, err
	case isKeyword(t, "in"):
		p.next()
		list, err := p.list()
		return &membership{x: l, list: list}, err
	case t.kind == tokIdent && unsupportedOperators[t.text]:
		return nil, p.errorf(t, "the operator '%s' is not supported", t.text)
	}
	return l, nil
}

// list reads "(operand, ...)" after in.
func (p *filterParser) list() ([]filterNode, error) {
	if err := p.expect("("); err != nil {
		return nil, err
	}
	var list []filterNode
	for {
		x, err := p.operand()
		if err != nil {
			return nil, err
		}
		list = append(list, x)
		if t := p.peek(); t.kind != tokPunct || t.text != "," {
			return list, p.expect(")")
		}
		p.next()
	}
}

// operand reads a parenthesised expression, a function call, a member
// path or a literal.
func (p *filterParser) operand() (filterNode, error) {
	t := p.next()
	switch t.kind {
	case tokPunct:
		if t.text == "(" {
			return p.group(t)
		}
	case tokIdent:
		return p.name(t)
	case tokEOF:
		return nil, p.errorf(t, "syntax error: the clause ends where an operand is expected")
	default:
		return p.literal(t)
	}
	return nil, p.errorf(t, "syntax error: unexpected '%s'", t.text)
}

// group reads "( expression )" after its opening parenthesis t.
func (p *filterParser) group(t lexToken) (filterNode, error) {
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.or()
	if err != nil {
		return nil, err
	}
	return x, p.expect(")")
}

// name reads what starts with the name t: a keyword literal, a function
// call or a member path.
func (p *filterParser) name(t lexToken) (filterNode, error) {
	switch t.text {
	case "true", "false", "null":
		return p.literal(t)
	}
	if n := p.peek(); n.kind == tokPunct && n.text == "(" {
		return p.call(t)
	}
	if comparisons[t.text] || unsupportedOperators[t.text] || t.text == "and" || t.text == "or" || t.text == "in" {
		return nil, p.errorf(t, "syntax error: '%s' where an operand is expected", t.text)
	}
	return p.member(t)
}

// member reads a member path starting with the name t.
func (p *filterParser) member(t lexToken) (filterNode, error) {
	m := &member{path: []string{t.text}}
	for n := p.peek(); n.kind == tokPunct && n.text == "/"; n = p.peek() {
		p.next()
		seg := p.next()
		if seg.kind != tokIdent {
			return nil, p.errorf(seg, "syntax error: a member name is expected after '/', found %s", describe(seg))
		}
		if after := p.peek(); after.kind == tokPunct && after.text == "(" {
			return nil, p.errorf(seg, "the lambda or function '%s' on a member is not supported", seg.text)
		}
		m.path = append(m.path, seg.text)
	}
	return m, nil
}

// call reads the arguments of the function named t.
func (p *filterParser) call(t lexToken) (filterNode, error) {
	if !functions[t.text] {
		return nil, p.errorf(t, "the function '%s' is not supported (startswith, endswith and contains are)", t.text)
	}
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	args, err := p.list()
	if err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, p.errorf(t, "the function '%s' takes 2 arguments, not %d", t.text, len(args))
	}
	return &call{name: t.text, args: args}, nil
}

// literal is the literal token t.
func (p *filterParser) literal(t lexToken) (filterNode, error) {
	switch t.kind {
	case tokString:
		return &literal{text: quote(t.text), value: t.text}, nil
	case tokGUID:
		return &literal{text: t.text, value: guid(t.text)}, nil
	case tokNumber:
		f, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, p.errorf(t, "the number '%s' is out of range", t.text)
		}
		return &literal{text: t.text, value: f}, nil
	case tokDate:
		return p.date(t)
	}
	switch t.text {
	case "true":
		return &literal{text: t.text, value: true}, nil
	case "false":
		return &literal{text: t.text, value: false}, nil
	}
	return &literal{text: "null"}, nil
}

// date is the unquoted date or date-time literal t.
func (p *filterParser) date(t lexToken) (filterNode, error) {
	layout := time.RFC3339Nano
	if len(t.text) == len(time.DateOnly) {
		layout = time.DateOnly
	}
	v, err := time.Parse(layout, t.text)
	if err != nil {
		return nil, p.errorf(t, "'%s' is not a valid date", t.text)
	}
	return &literal{text: t.text, value: v}, nil
}

// quote spells s as an OData string literal.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// isCondition reports whether n yields a boolean: an operator, a function
// call, a member (a boolean property) or true/false.
func isCondition(n filterNode) bool {
	switch n := n.(type) {
	case *literal:
		_, ok := n.value.(bool)
		return ok
	}
	return true
}

// printNode returns the canonical text of n.
func printNode(n filterNode) string {
	var b strings.Builder
	n.print(&b)
	return b.String()
}

func (n *logical) print(b *strings.Builder) { printBinary(b, n.l, n.op, n.r) }

func (n *comparison) print(b *strings.Builder) { printBinary(b, n.l, n.op, n.r) }

// printBinary writes "(l op r)".
func printBinary(b *strings.Builder, l filterNode, op string, r filterNode) {
	b.WriteByte('(')
	l.print(b)
	b.WriteString(" " + op + " ")
	r.print(b)
	b.WriteByte(')')
}

func (n *negation) print(b *strings.Builder) {
	b.WriteString("not (")
	n.x.print(b)
	b.WriteByte(')')
}

func (n *membership) print(b *strings.Builder) {
	b.WriteByte('(')
	n.x.print(b)
	b.WriteString(" in ")
	printList(b, n.list)
	b.WriteByte(')')
}

func (n *call) print(b *strings.Builder) {
	b.WriteString(n.name)
	printList(b, n.args)
}

// printList writes "(a, b, ...)".
func printList(b *strings.Builder, list []filterNode) {
	b.WriteByte('(')
	for i, x := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		x.print(b)
	}
	b.WriteByte(')')
}

func (n *member) print(b *strings.Builder) { b.WriteString(strings.Join(n.path, "/")) }

func (n *literal) print(b *strings.Builder) { b.WriteString(n.text) }
