package parser_test

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen-dev/graphgen/ir"
	"github.com/graphgen-dev/graphgen/parser"
)

// fence is a Markdown code fence, which a Go raw string cannot hold.
const fence = "```"

// parseDocs parses and resolves pages given by path, like a docs tree.
func parseDocs(t *testing.T, pages map[string]string) *ir.API {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range pages {
		fsys[name] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(src, "~~~", fence))}
	}
	api, err := parser.ParseFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	parser.Resolve(api)
	return api
}

// typeNamed returns the type of api with the qualified name.
func typeNamed(t *testing.T, api *ir.API, name string) *ir.Type {
	t.Helper()
	for _, typ := range api.Types {
		if typ.Name == name {
			return typ
		}
	}
	t.Fatalf("no type %s among %d types (diagnostics %v)", name, len(api.Types), api.Diagnostics)
	return nil
}

// diagnosticsAt returns the messages of the diagnostics at file:line.
func diagnosticsAt(api *ir.API, fileLine string) []string {
	var out []string
	for _, d := range api.Diagnostics {
		if strings.HasPrefix(d.Pos, fileLine+":") {
			out = append(out, d.Message)
		}
	}
	return out
}

// subscriptionPage is the shape of the English subscription page: a
// fourth column after the description, then a table of expiration limits
// under the properties heading.
const subscriptionPage = `---
title: subscription resource type
doc_type: resourcePageType
---
# subscription resource type

## Properties

| Property | Type | Description | Supported Resources |
|:---------|:-----|:------------|:--------------|
| applicationId | string | Identifier of the application used to create the subscription. Read-only. | All |
| resource | string | Required. Specifies the resource that will be monitored for changes. | All |

### Maximum length of subscription per resource type

| Resource            | Maximum expiration time  |
|:--------------------|:-------------------------|
| Security **alert**  | 43200 minutes (under 30 days)  |
| presence            | 60 minutes (1 hour) |
| todoTask            | 4230 minutes (under 3 days)    |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.subscription" } -->
~~~json
{
  "applicationId": "string",
  "resource": "string"
}
~~~
`

// TestPropertiesTableColumnsByMeaning: the description is the column
// whose header says so (not the last, "All"), so the read-only flag is
// read; a table of limits under the properties heading is not read as
// properties. Expected values written by hand from the page above.
func TestPropertiesTableColumnsByMeaning(t *testing.T) {
	api := parseDocs(t, map[string]string{"v1.0/resources/subscription.md": subscriptionPage})
	got := typeNamed(t, api, "microsoft.graph.subscription").Properties
	want := []ir.Property{
		{Name: "applicationId", Type: "Edm.String", ReadOnly: true,
			Description: "Identifier of the application used to create the subscription. Read-only."},
		{Name: "resource", Type: "Edm.String",
			Description: "Required. Specifies the resource that will be monitored for changes."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	if msgs := diagnosticsAt(api, "v1.0/resources/subscription.md:"+strconv.Itoa(lineOf(subscriptionPage, "| Resource "))); len(msgs) != 1 || !strings.Contains(msgs[0], "is not a properties table") {
		t.Errorf("diagnostics at the limits table: %q, want one saying it is not a properties table", msgs)
	}
}

// messagePage is a translated resource page: some names of its tables
// are translated, its JSON representation is not.
const messagePage = `---
title: tipo de recurso de mensagem
doc_type: resourcePageType
ms.contentlocale: pt-BR
---
# tipo de recurso de mensagem

## <a name="properties"></a>Propriedades

| Propriedade | Tipo | Descrição |
|:--|:--|:--|
| body | [itemBody](itembody.md) | O corpo. |
| importância | [importance](#importance-values) | A importância. Os valores possíveis são: ` + "`low`, `normal`, `high`, `unknownFutureValue`" + `. |
| IsDraft | Booliano | Se é um rascunho. |
| sentDateTime | DateTimeOffset | Quando foi enviada. |
| assunto | String | O assunto. |
| toRecipients | Coleção [recipient](recipient.md) | Os destinatários. |
| nome | String | Um nome que nenhum código tem. |

### importance values

| Member | Descrição |
|:--|:--|
| Baixa | Baixa. |
| normal | Normal. |
| Alta | Alta. |
| unknownFutureValue | Valor futuro. |

## <a name="relationships"></a>Relações

| Relação | Tipo | Descrição |
|:--|:--|:--|
| attachments | Coleção [attachment](attachment.md) | Os anexos. |
| Respostas | Coleção [message](message.md) | As respostas. |

## <a name="json-representation"></a>Representação JSON

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.message" } -->
~~~json
{
  "body": {"@odata.type": "microsoft.graph.itemBody"},
  "importance": "String",
  "isDraft": true,
  "sentDateTime": "String (timestamp)",
  "subject": "string",
  "toRecipients": [{"@odata.type": "microsoft.graph.recipient"}]
}
~~~
`

// messageGetPage is an API page whose example uses "attachments", a
// member the JSON representation above leaves out.
const messageGetPage = `---
title: Obter mensagem
doc_type: apiPageType
---
# Obter mensagem

## <a name="http-request"></a>Solicitação HTTP

~~~http
GET /me/messages/{id}
~~~

## <a name="response"></a>Resposta

Se bem-sucedido, este método retorna um código de resposta ` + "`200 OK`" + `.

## <a name="examples"></a>Exemplo

<!-- { "blockType": "request", "name": "get_message" } -->
~~~http
GET https://graph.microsoft.com/v1.0/me/messages/AAMk
~~~

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.message" } -->
~~~http
HTTP/1.1 200 OK
Content-type: application/json

{"subject": "Olá", "attachments": []}
~~~
`

// TestWireNamesFromCode: the wire names of a translated page come from
// its JSON representation (case, place), from its code spans and from the
// docs' examples; translated names that no code has are left out with a
// warning at their row; translated enumeration members take the values
// their property lists in code, in the table's order (two members,
// normal and unknownFutureValue, show that the list follows it). Expected names written by hand from the
// pages above.
func TestWireNamesFromCode(t *testing.T) {
	api := parseDocs(t, map[string]string{
		"v1.0/resources/message.md": messagePage,
		"v1.0/api/message-get.md":   messageGetPage,
	})
	var names []string
	for _, p := range typeNamed(t, api, "microsoft.graph.message").Properties {
		names = append(names, p.Name)
	}
	want := []string{"body", "importance", "isDraft", "sentDateTime", "subject", "toRecipients", "attachments"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("property names (-want +got):\n%s", diff)
	}
	var members []string
	for _, m := range typeNamed(t, api, "microsoft.graph.importance").Members {
		members = append(members, m.Name)
	}
	if diff := cmp.Diff([]string{"low", "normal", "high", "unknownFutureValue"}, members); diff != "" {
		t.Errorf("enumeration members (-want +got):\n%s", diff)
	}
	for row, says := range map[string]string{
		"| IsDraft":     `"IsDraft" of the table is "isDraft"`,
		"| importância": `"importância" of the table is "importance"`,
		"| assunto":     `"assunto" of the table is "subject"`,
		"| nome":        `"nome" of this translated page's table is named by no code`,
		"| Baixa":       `"Baixa" of this translated page's table is "low" in code`,
		"| Alta":        `"Alta" of this translated page's table is "high" in code`,
		"| Respostas":   `"Respostas" of this translated page's table is named by no code`,
	} {
		at := "v1.0/resources/message.md:" + strconv.Itoa(lineOf(messagePage, row))
		if msgs := diagnosticsAt(api, at); len(msgs) != 1 || !strings.Contains(msgs[0], says) {
			t.Errorf("diagnostics at %s: %q, want one with %q", at, msgs, says)
		}
	}
}

// lineOf is the 1-based line of src that starts with prefix.
func lineOf(src, prefix string) int {
	for i, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	return 0
}

// agePage lists an enumeration's values in another order than its
// translated table, with only one member (null) to show it: the list must
// not be used to rename the others (the pt-BR user page's
// legalAgeGroupClassification).
const agePage = `---
title: tipo de recurso de usuário
doc_type: resourcePageType
ms.contentlocale: pt-BR
---
# tipo de recurso de usuário

## <a name="properties"></a>Propriedades

| Propriedade | Tipo | Descrição |
|:--|:--|:--|
| ageGroup | [ageGroup](#agegroup-values) | Os valores possíveis são: ` + "`null`, `minor`, `adult`" + `. |

### <a name="agegroup-values"></a>ageGroup values

| Member | Descrição |
|:--|:--|
| null | Nenhum. |
| Adulto | Um adulto. |
| Menor | Um menor. |

## <a name="json-representation"></a>Representação JSON

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.user" } -->
~~~json
{"ageGroup": "String"}
~~~
`

// TestEnumListOutOfOrderIsNotUsed: with one member to anchor it, a list of
// values is not taken to follow the table; the translated members no code
// names are left out.
func TestEnumListOutOfOrderIsNotUsed(t *testing.T) {
	api := parseDocs(t, map[string]string{"v1.0/resources/user.md": agePage})
	var members []string
	for _, m := range typeNamed(t, api, "microsoft.graph.ageGroup").Members {
		members = append(members, m.Name)
	}
	if diff := cmp.Diff([]string{"null"}, members); diff != "" {
		t.Errorf("enumeration members (-want +got):\n%s", diff)
	}
}
