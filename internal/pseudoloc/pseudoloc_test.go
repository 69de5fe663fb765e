package pseudoloc

import (
	"strings"
	"testing"
)

// page is a small English page with every part a translator touches or
// keeps.
const page = "---\n" +
	"title: \"Get user\"\n" +
	"description: \"Retrieve the properties of a user.\"\n" +
	"doc_type: apiPageType\n" +
	"---\n\n" +
	"# Get user\n\n" +
	"Retrieve the properties of a [user](../resources/user.md) object. Use `$select` to choose.\n\n" +
	"## Permissions\n\n" +
	"|Permission type|Permissions (from least to most privileged)|\n" +
	"|:---|:---|\n" +
	"|Delegated (work or school account)|User.Read, User.ReadWrite.All|\n" +
	"|Delegated (personal Microsoft account)|Not supported.|\n" +
	"|Application|User.Read.All|\n\n" +
	"## HTTP request\n\n" +
	"<!-- { \"blockType\": \"ignored\" } -->\n" +
	"```http\n" +
	"GET /users/{id}\n" +
	"```\n\n" +
	"## Request headers\n\n" +
	"| Header | Value |\n" +
	"|:---|:---|\n" +
	"| Authorization | Bearer {token}. Required. |\n\n" +
	"## Request body\n\n" +
	"| Parameter | Type | Description |\n" +
	"|:---|:---|:---|\n" +
	"| displayName | String collection | The names. Optional. |\n"

// kept are the parts of page no translation may change.
var kept = []string{
	"doc_type: apiPageType",
	"](../resources/user.md)",
	"`$select`",
	"User.ReadWrite.All", // the comma may become "，"
	"User.Read.All",
	"<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /users/{id}\n```",
	"{token}",
	"| displayName |",
	"<a name=\"permissions\"></a>",
	"<a name=\"http-request\"></a>",
	"<a name=\"request-headers\"></a>",
}

// translated are English words a translator always translates here.
var translated = []string{"Retrieve", "Permission", "Delegated", "Application", "Not supported", "Authorization", "Bearer", "Required", "Optional", "String", "collection", "Microsoft"}

func TestPageKeepsStructureAndTranslatesWords(t *testing.T) {
	for _, script := range []Script{Latin, Cyrillic, CJK} {
		got := string(New(1, script).Page([]byte(page)))
		for _, k := range kept {
			if !strings.Contains(got, k) {
				t.Errorf("script %d: %q was not kept:\n%s", script, k, got)
			}
		}
		for _, w := range translated {
			if strings.Contains(got, w) {
				t.Errorf("script %d: %q was not translated:\n%s", script, w, got)
			}
		}
		if !strings.Contains(got, "ms.contentlocale: "+Locales[script]+"\n---\n") {
			t.Errorf("script %d: no locale line at the end of the front matter:\n%s", script, got)
		}
	}
}

func TestLanguagesDifferBySeedAndScript(t *testing.T) {
	a, b := New(1, Latin).Word("Required"), New(2, Latin).Word("Required")
	if a == b {
		t.Errorf("seeds 1 and 2 both translate Required as %q", a)
	}
	if New(1, Latin).Word("Required") != a {
		t.Errorf("a seed's translation changes between calls")
	}
	if New(1, Latin).Word("required") == a || strings.ToLower(a) != New(1, Latin).Word("required") {
		t.Errorf("capitalisation: %q vs %q", a, New(1, Latin).Word("required"))
	}
	if c := New(1, Cyrillic).Word("Required"); !strings.ContainsAny(c, "абвгдежзиклмнопрстуфхцчшщыэюяё") {
		t.Errorf("Cyrillic word %q has no Cyrillic letter", c)
	}
}

func TestCJKHasNoSpacesBetweenWords(t *testing.T) {
	got := New(1, CJK).Text("Delegated (work or school account)")
	if strings.Count(got, " ") > 1 || !strings.Contains(got, "（") {
		t.Errorf("CJK label %q: want words without spaces and a full-width parenthesis", got)
	}
	if got := New(1, CJK).Text("Bearer {token}. Required."); !strings.Contains(got, "{token}") || !strings.Contains(got, "。") {
		t.Errorf("CJK sentence %q: want {token} kept and full stops", got)
	}
}

func TestPlaceholdersAreKept(t *testing.T) {
	for _, s := range []string{"Bearer &lt;token&gt; Required.", "Bearer \\{token\\}. Required."} {
		got := New(3, Latin).Text(s)
		if !strings.Contains(got, "token") {
			t.Errorf("Text(%q) = %q: the placeholder was translated", s, got)
		}
	}
}
