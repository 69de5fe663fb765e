package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// firstInline parses md as the body of a page and reads the first
// paragraph or heading, however deeply nested.
func firstInline(t *testing.T, md string) inline {
	t.Helper()
	p := testPage(t, md)
	doc := markdown.Parser().Parse(text.NewReader(p.src))
	var found ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.Paragraph, *ast.Heading:
			if entering && found == nil {
				found = n
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	if found == nil {
		t.Fatalf("no paragraph or heading in %q", md)
	}
	return readInline(found, p.src)
}

func TestReadInline(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want inline
	}{
		{
			name: "side by side keeps the English",
			md:   `<span data-ttu-id="5c259-105">Recuperar as propriedades do objeto user.</span><span class="sxs-lookup"><span data-stu-id="5c259-105">Retrieve the properties of user object.</span></span>`,
			want: inline{Text: "Retrieve the properties of user object."},
		},
		{
			name: "side by side, several sentences",
			md:   `<span data-ttu-id="a-1">Primeira.</span><span class="sxs-lookup"><span data-stu-id="a-1">First.</span></span> <span data-ttu-id="a-2">Segunda.</span><span class="sxs-lookup"><span data-stu-id="a-2">Second.</span></span>`,
			want: inline{Text: "First. Second."},
		},
		{
			name: "side by side links once",
			md:   "<span data-ttu-id=\"x-1\">Use `$select` para o objeto [user](../resources/user.md).</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-1\">Use `$select` for the [user](../resources/user.md) object.</span></span>",
			want: inline{Text: "Use `$select` for the user object.", Links: []string{"../resources/user.md"}},
		},
		{
			name: "side by side heading with anchor",
			md:   `## <a name="permissions"></a><span data-ttu-id="5c259-108">Permissões</span><span class="sxs-lookup"><span data-stu-id="5c259-108">Permissions</span></span>`,
			want: inline{Text: "Permissions", Anchor: "permissions"},
		},
		{
			name: "side by side in a quote with emphasis",
			md:   `><span data-ttu-id="5c259-123">**Observação:**</span><span class="sxs-lookup"><span data-stu-id="5c259-123">**Note:**</span></span> x`,
			want: inline{Text: "Note: x"},
		},
		{
			name: "translated span alone",
			md:   `<span data-ttu-id="x-1">Só a tradução.</span>`,
			want: inline{Text: "Só a tradução."},
		},
		{
			name: "plain Portuguese",
			md:   "Obtenha as propriedades de um [usuário](../resources/user.md).",
			want: inline{Text: "Obtenha as propriedades de um usuário.", Links: []string{"../resources/user.md"}},
		},
		{
			name: "anchor by name",
			md:   `## <a name="request-headers"></a>Cabeçalhos de solicitação`,
			want: inline{Text: "Cabeçalhos de solicitação", Anchor: "request-headers"},
		},
		{
			name: "anchor by id, single quotes",
			md:   `## <a id='http-request'></a>HTTP request`,
			want: inline{Text: "HTTP request", Anchor: "http-request"},
		},
		{
			name: "first anchor wins",
			md:   `<a name="one"></a><a name="two"></a>Text`,
			want: inline{Text: "Text", Anchor: "one"},
		},
		{
			name: "br",
			md:   "User.Read<br>Mail.Send<br/>Mail.Read<BR />Files.Read",
			want: inline{Text: "User.Read\nMail.Send\nMail.Read\nFiles.Read"},
		},
		{
			name: "code span keeps backticks",
			md:   "Use the `$select` parameter.",
			want: inline{Text: "Use the `$select` parameter."},
		},
		{
			name: "soft line break is a space",
			md:   "one\ntwo",
			want: inline{Text: "one two"},
		},
		{
			name: "hard line break is a newline",
			md:   "one  \ntwo",
			want: inline{Text: "one\ntwo"},
		},
		{
			name: "entities and odd spaces",
			md:   "a &amp; b\u00a0\u00a0c\u202fd &lt;token&gt;",
			want: inline{Text: "a & b c d <token>"},
		},
		{
			name: "autolink",
			md:   "See <https://learn.microsoft.com/graph>.",
			want: inline{Text: "See https://learn.microsoft.com/graph."},
		},
		{
			name: "links in order",
			md:   "[a](a.md#x) and [b](../resources/b.md)",
			want: inline{Text: "a and b", Links: []string{"a.md#x", "../resources/b.md"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstInline(t, tt.md)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("readInline(%q) mismatch (-want +got):\n%s", tt.md, diff)
			}
		})
	}
}

func TestSideBySideTable(t *testing.T) {
	md := `## <a name="permissions"></a><span data-ttu-id="5c259-108">Permissões</span><span class="sxs-lookup"><span data-stu-id="5c259-108">Permissions</span></span>

|<span data-ttu-id="5c259-111">Tipo de permissão</span><span class="sxs-lookup"><span data-stu-id="5c259-111">Permission type</span></span>      | <span data-ttu-id="5c259-112">Permissões</span><span class="sxs-lookup"><span data-stu-id="5c259-112">Permissions</span></span>              |
|:--------------------|:---------------------------------------------------------|
|<span data-ttu-id="5c259-113">Delegado (conta corporativa ou de estudante)</span><span class="sxs-lookup"><span data-stu-id="5c259-113">Delegated (work or school account)</span></span> | <span data-ttu-id="5c259-114">User.Read, User.ReadWrite</span><span class="sxs-lookup"><span data-stu-id="5c259-114">User.Read, User.ReadWrite</span></span>    |
|<span data-ttu-id="5c259-115">Delegado (conta pessoal da Microsoft)</span><span class="sxs-lookup"><span data-stu-id="5c259-115">Delegated (personal Microsoft account)</span></span> | <span data-ttu-id="5c259-116">Não há suporte.</span><span class="sxs-lookup"><span data-stu-id="5c259-116">Not supported.</span></span>    |
|<span data-ttu-id="5c259-117">Aplicativo</span><span class="sxs-lookup"><span data-stu-id="5c259-117">Application</span></span> | <span data-ttu-id="5c259-118">User.Read.All</span><span class="sxs-lookup"><span data-stu-id="5c259-118">User.Read.All</span></span> |
`
	p := testPage(t, md)
	o := readOutline(p)
	var tab *table
	for _, b := range o.blocks {
		if tab = asTable(p, b.node); tab != nil {
			if b.section != secPermissions {
				t.Errorf("table in section %q, want %q", b.section, secPermissions)
			}
			break
		}
	}
	if tab == nil {
		t.Fatal("no table read")
	}
	texts := func(row []inline) []string {
		var out []string
		for _, c := range row {
			out = append(out, c.Text)
		}
		return out
	}
	got := [][]string{texts(tab.header)}
	for _, r := range tab.rows {
		got = append(got, texts(r))
	}
	want := [][]string{
		{"Permission type", "Permissions"},
		{"Delegated (work or school account)", "User.Read, User.ReadWrite"},
		{"Delegated (personal Microsoft account)", "Not supported."},
		{"Application", "User.Read.All"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("side-by-side table cells mismatch (-want +got):\n%s", diff)
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a   b  ", "a b"},
		{"a\tb\u2007c", "a b c"},
		{"line one  \n   line two\n", "line one\nline two"},
		{"&quot;x&quot; &#39;y&#39;", `"x" 'y'`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAttr(t *testing.T) {
	tests := []struct{ tag, name, want string }{
		{`<a name="x"></a>`, "name", "x"},
		{`<a name='x'>`, "name", "x"},
		{`<A NAME="Mixed">`, "name", "Mixed"},
		{`<a href="#y" id="z">`, "id", "z"},
		{`<a data-name="q">`, "name", ""},
		{`<a href="#y">`, "name", ""},
	}
	for _, tt := range tests {
		if got := attr(tt.tag, tt.name); got != tt.want {
			t.Errorf("attr(%q, %q) = %q, want %q", tt.tag, tt.name, got, tt.want)
		}
	}
}
