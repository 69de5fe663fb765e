package parser

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
)

func TestIsRequired(t *testing.T) {
	tests := []struct {
		desc string
		want bool
	}{
		{desc: "Bearer {token}. Required.", want: true},
		{desc: "{token} de portador. Obrigatório.", want: true},
		{desc: "&lt;Token&gt; de portador obrigatório.", want: true},
		{desc: "Bearer <token> Required.", want: true},
		{desc: "Required.", want: true},
		{desc: "**Required.**", want: true},
		{desc: "Required", want: true},
		{desc: "application/json. Required.", want: true},
		{desc: "eventualmente. Obrigatório.", want: true},
		{desc: "Nature of the data in the body of an entity; required", want: true},
		{desc: "Required. The ID of the user.", want: true},
		{desc: "eventual. This header and $count are required when using $search, $filter, $orderby, or the OData cast query parameters.", want: false},
		{desc: "Optional. Required when the item is a folder.", want: false},
		{desc: "Opcional. Obrigatório para pastas.", want: false},
		{desc: "*Optional*. Required if x.", want: false},
		{desc: "Use this to specify the time zone. Optional.", want: false},
		{desc: "Bearer {token}", want: false},
		{desc: "", want: false},
		{desc: "The required attendees of the event.", want: false},
		{desc: "A valid smtp email address for the privacy statement contact. Not required.", want: false},
		{desc: "Um endereço de email smtp válido. Não obrigatório.", want: false},
		{desc: "Who must review the assignments. This property is null if reviews are not required.", want: false},
		// user-update.md (en-2021 v1.0), passwordProfile: only the permission
		// and the strong password are "required"
		{desc: "Specifies the password profile for the user. The profile contains the user’s password. This property is required when a user is created. The password in the profile must satisfy minimum requirements as specified by the **passwordPolicies** property. By default, a strong password is required. This cannot be used for federated users. The *Directory.AccessAsUser.All* permission is required to update this property.", want: false},
		// identityapiconnector-uploadclientcertificate.md, password
		{desc: "This is the password for the pfx file. Required. If no password is used, must still provide a value of `\"\"`.", want: true},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := isRequired(tt.desc); got != tt.want {
				t.Errorf("isRequired(%q) = %v, want %v", tt.desc, got, tt.want)
			}
		})
	}
}

// cells makes a table row of plain cells.
func cells(texts ...string) []inline {
	row := make([]inline, len(texts))
	for i, s := range texts {
		row[i] = inline{Text: s}
	}
	return row
}

func TestReadHeaderRow(t *testing.T) {
	tests := []struct {
		name   string
		row    []inline
		want   ir.Header
		wantOK bool
		sent   []string // the examples' request headers
		mark   string   // the page's word for required
	}{
		// Made-up language: the name is read from structure.
		{
			name:   "translated authorization by its token",
			row:    cells("Šitédäžà", "Túdåsü {token}. Núšóžå."),
			want:   ir.Header{Name: "Authorization", Value: "Túdåsü {token}. Núšóžå.", Required: true},
			wantOK: true,
		},
		{
			name:   "translated content type by the example's value, required by the page's word",
			row:    cells("Lodètå-Šehô", "application/json. Núšóžå."),
			sent:   []string{"Content-type", "application/json"},
			mark:   "núšóžå",
			want:   ir.Header{Name: "Content-Type", Value: "application/json. Núšóžå.", Required: true},
			wantOK: true,
		},
		{
			name:   "translated header sent by the examples",
			row:    cells("Пибецюжы", "eventual. Дывезу."),
			sent:   []string{"ConsistencyLevel", "eventual"},
			mark:   "núšóžå",
			want:   ir.Header{Name: "ConsistencyLevel", Value: "eventual. Дывезу."},
			wantOK: true,
		},
		{
			name:   "translated name: value whose first word the example's value starts with",
			row:    cells("觿惓唝", "outlook.timezone 嘪篬。"),
			sent:   []string{"Prefer", `outlook.timezone="Pacific Standard Time"`},
			want:   ir.Header{Name: "Prefer", Value: "outlook.timezone 嘪篬。"},
			wantOK: true,
		},
		{name: "translated name nothing tells", row: cells("Пибецюжы", "Дывезу.")},
		{
			name: "two example headers with the value: a tie",
			row:  cells("Пибецюжы", "application/json"),
			sent: []string{"Content-Type", "application/json", "Accept", "application/json"},
		},
		{
			name:   "authorization",
			row:    cells("Authorization", "Bearer {token}. Required."),
			want:   ir.Header{Name: "Authorization", Value: "Bearer {token}. Required.", Required: true},
			wantOK: true,
		},
		{
			name:   "authorization is always required",
			row:    cells("Authorization", "Bearer {token}"),
			want:   ir.Header{Name: "Authorization", Value: "Bearer {token}", Required: true},
			wantOK: true,
		},
		{
			name:   "lower-case and code span",
			row:    cells("`authorization`", "Bearer {token}."),
			want:   ir.Header{Name: "Authorization", Value: "Bearer {token}.", Required: true},
			wantOK: true,
		},
		{
			name:   "pt-BR authorization",
			row:    cells("Autorização", "{token} de portador. Obrigatório."),
			want:   ir.Header{Name: "Authorization", Value: "{token} de portador. Obrigatório.", Required: true},
			wantOK: true,
		},
		{
			name:   "pt-BR accept",
			row:    cells("Aceitar", "application/json"),
			want:   ir.Header{Name: "Accept", Value: "application/json"},
			wantOK: true,
		},
		{
			name:   "pt-BR prefer",
			row:    cells("Preferir", "return=minimal. Opcional."),
			want:   ir.Header{Name: "Prefer", Value: "return=minimal. Opcional."},
			wantOK: true,
		},
		{
			name:   "pt-BR content type with spaces",
			row:    cells("Tipo de conteúdo", "application/json. Obrigatório."),
			want:   ir.Header{Name: "Content-Type", Value: "application/json. Obrigatório.", Required: true},
			wantOK: true,
		},
		{
			name:   "name: value in the name cell",
			row:    cells("Prefira: outlook.timezone", "string", "Use isso para especificar o fuso horário. Opcional."),
			want:   ir.Header{Name: "Prefer", Value: "outlook.timezone Use isso para especificar o fuso horário. Opcional."},
			wantOK: true,
		},
		{
			name:   "English name: value",
			row:    cells("Prefer: outlook.timezone", "Optional. Time zone of the response."),
			want:   ir.Header{Name: "Prefer", Value: "outlook.timezone Optional. Time zone of the response."},
			wantOK: true,
		},
		{
			name:   "three columns, bold name",
			row:    cells("**Content-Type**", "string", "application/json. Required."),
			want:   ir.Header{Name: "Content-Type", Value: "application/json. Required.", Required: true},
			wantOK: true,
		},
		{
			name:   "consistency level is conditional",
			row:    cells("ConsistencyLevel", "eventual. This header and $count are required when using $search"),
			want:   ir.Header{Name: "ConsistencyLevel", Value: "eventual. This header and $count are required when using $search"},
			wantOK: true,
		},
		{
			name:   "unknown header kept as written",
			row:    cells("X-Custom-Header", "Required."),
			want:   ir.Header{Name: "X-Custom-Header", Value: "Required.", Required: true},
			wantOK: true,
		},
		{name: "empty name", row: cells("", "x")},
		{name: "prose name", row: cells("Some header name", "x")},
		{name: "short row", row: cells("")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, _ := readHeaderRow(tt.row, tt.sent, tt.mark)
			if ok != tt.wantOK {
				t.Fatalf("readHeaderRow ok = %v, want %v (got %+v)", ok, tt.wantOK, got)
			}
			if diff := cmp.Diff(tt.want, got); ok && diff != "" {
				t.Errorf("readHeaderRow mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLearnRequired(t *testing.T) {
	tests := []struct {
		row  []inline
		want string
	}{
		{cells("Authorization", "Bearer {token}. Required."), "required"},
		{cells("Autorização", "{token} de portador. Obrigatório."), "obrigatório"},
		{cells("Šitédäžà", "Túdåsü {token}. Núšóžå."), "núšóžå"},
		{cells("軮屶幉镠", "诮鋋紹 {token}。 熏垥尰。"), "熏垥尰"},
		{cells("Authorization", "Bearer <token> Required."), "required"},
		{cells("Autorização", "<Token> de portador obrigatório."), "obrigatório"},
		{cells("Authorization", "Bearer {token}"), ""},
		{cells("Accept", "application/json"), ""},
	}
	for _, tt := range tests {
		if got := learnRequired([][]inline{tt.row}); got != tt.want {
			t.Errorf("learnRequired(%q) = %q, want %q", tt.row[1].Text, got, tt.want)
		}
	}
}

func TestMediaType(t *testing.T) {
	tests := []struct{ in, want string }{
		{"application/json. Required.", "application/json"},
		{"application/json", "application/json"},
		{"Application/JSON", "application/json"},
		{"`image/jpeg`", "image/jpeg"},
		{"text/plain; charset=utf-8", "text/plain"},
		{"multipart/form-data; boundary=xyz", "multipart/form-data"},
		{"Nature of the data (text/plain).", "text/plain"},
		{"Bearer {token}. Required.", ""},
		{"{content-type}/{subtype}", ""},
		{"<type>/<subtype>", ""},
		{"/", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := mediaType(tt.in); got != tt.want {
			t.Errorf("mediaType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// headerPage is a page in a made-up language with a translated header
// name; example is its example request's header lines.
func headerPage(example string) string {
	return "---\ntitle: x\nms.contentlocale: qps-ploc\n---\n\n# Zø\n\n## <a name=\"http-request\"></a>Hø\n\n```http\nPATCH /things/{id}\n```\n\n" +
		"## <a name=\"request-headers\"></a>Cø\n\n| Nø | Vø |\n|:--|:--|\n| Šitédäžà | Túdåsü {token}. Núšóžå. |\n| Çâsi-Bøzitá | Lø ETag. Núšóžå. |\n\n" +
		"## <a name=\"response\"></a>Rø\n\n`204 No Content`\n\n## <a name=\"examples\"></a>Eø\n\n<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nPATCH https://graph.microsoft.com/v1.0/things/1\n" + example + "\n```\n"
}

// TestHeaderNamesFromTheTree names a translated header by elimination on
// the page whose example sends it, and by that on the page whose example
// does not.
func TestHeaderNamesFromTheTree(t *testing.T) {
	fsys := fstest.MapFS{
		"api/a.md": {Data: []byte(headerPage("If-Match: W/\"1\"\n"))},
		"api/b.md": {Data: []byte(headerPage(""))},
	}
	api, err := ParseFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range api.Operations {
		want := []ir.Header{
			{Name: "Authorization", Value: "Túdåsü {token}. Núšóžå.", Required: true},
			{Name: "If-Match", Value: "Lø ETag. Núšóžå.", Required: true},
		}
		if diff := cmp.Diff(want, op.Headers); diff != "" {
			t.Errorf("%s headers (-want +got):\n%s", op.Page, diff)
		}
	}
	for _, d := range api.Diagnostics {
		if strings.Contains(d.Message, "header") {
			t.Errorf("diagnostic: %v", d)
		}
	}
}
