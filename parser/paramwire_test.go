package parser

import (
	"strings"
	"testing"
)

// TestParamWireNames: a translated parameter table's names give way to
// the example request's (at their place, or in another case); an English
// table keeps names the example lacks. The names are those of the pt-BR
// page securescorecontrolprofile-update ("estado" for state).
func TestParamWireNames(t *testing.T) {
	page := func(locale string) string {
		return "---\ntitle: Atualizar\nms.contentlocale: " + locale + "\n---\n\n# Atualizar\n\n" +
			"## <a name=\"http-request\"></a>Solicitação HTTP\n\n```http\nPATCH /security/secureScoreControlProfiles/{id}\n```\n\n" +
			"## <a name=\"request-body\"></a>Corpo da solicitação\n\n| Propriedade | Tipo | Descrição |\n|:--|:--|:--|\n" +
			"|assignedTo|String|Analista.|\n|Comment|String|Comentários.|\n|estado|String|Configuração.|\n|vendorInformation|String|Fornecedor.|\n\n" +
			"## <a name=\"response\"></a>Resposta\n\nRetorna `204 No Content`.\n\n## <a name=\"example\"></a>Exemplo\n\n" +
			"```http\nPATCH https://graph.microsoft.com/v1.0/security/secureScoreControlProfiles/x\nContent-type: application/json\n\n" +
			"{\"assignedTo\": \"a\", \"comment\": \"c\", \"state\": \"Default\", \"vendorInformation\": \"v\"}\n```\n"
	}
	names := func(locale string) string {
		res := ParsePage("api-reference/v1.0/api/x-update.md", []byte(page(locale)), nil)
		if len(res.Operations) != 1 {
			t.Fatalf("%s: %d operations", locale, len(res.Operations))
		}
		var out []string
		for _, bp := range res.Operations[0].RequestBody.Params {
			out = append(out, bp.Name)
		}
		return strings.Join(out, ",")
	}
	if got := names("pt-br"); got != "assignedTo,comment,state,vendorInformation" {
		t.Errorf("translated page: parameters %s, want the example's names", got)
	}
	if got := names("en-us"); got != "assignedTo,comment,estado,vendorInformation" {
		t.Errorf("English page: parameters %s, want the table's names but the case", got)
	}
}
