package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPermissionNames(t *testing.T) {
	tests := []struct {
		name string
		cell string
		want []string
	}{
		{"comma separated", "User.Read, User.ReadWrite.All", []string{"User.Read", "User.ReadWrite.All"}},
		{"single", "Mail.Send", []string{"Mail.Send"}},
		{"not supported", "Not supported.", nil},
		{"pt-BR not supported", "Não há suporte.", nil},
		{"pt-BR without support", "Sem suporte.", nil},
		{"not applicable", "Not applicable", nil},
		{"empty", "", nil},
		{"br newline", "User.Read\nMail.Send", []string{"User.Read", "Mail.Send"}},
		{"or", "Mail.Read or Mail.ReadWrite", []string{"Mail.Read", "Mail.ReadWrite"}},
		{"pt-BR or", "Mail.Read ou Mail.ReadWrite", []string{"Mail.Read", "Mail.ReadWrite"}},
		{"ideographic comma", "User.Read、User.ReadWrite.All", []string{"User.Read", "User.ReadWrite.All"}},
		{"footnote star", "ChannelMessage.Read.Group*, ChannelMessage.Read.All", []string{"ChannelMessage.Read.Group", "ChannelMessage.Read.All"}},
		{"footnote superscript", "Sites.Read.All¹", []string{"Sites.Read.All"}},
		{"lower-case first letter", "eDiscovery.Read.All", []string{"eDiscovery.Read.All"}},
		{"sentence full stop", "Directory.Read.All.", []string{"Directory.Read.All"}},
		{"code spans", "`User.Read`, `User.ReadBasic.All`", []string{"User.Read", "User.ReadBasic.All"}},
		{"least privileged note", "User.Read (least privileged)", []string{"User.Read"}},
		{"e.g. is no name", "e.g. User.Read", []string{"User.Read"}},
		{"single letter first part", "A.B or C.D", nil},
		{"plain word", "microsoft", nil},
		{"number first", "1.0", nil},
		{"words joined by a dot", "User.Read.All, Group.Read.All, Directory.Read.All", []string{"User.Read.All", "Group.Read.All", "Directory.Read.All"}},
		// "and" joins permissions required together (application-delete-tokenlifetimepolicies).
		{"and groups", "Policy.Read.All and Application.ReadWrite.All, Policy.ReadWrite.ApplicationConfiguration and Application.ReadWrite.All",
			[]string{"Policy.Read.All+Application.ReadWrite.All", "Policy.ReadWrite.ApplicationConfiguration+Application.ReadWrite.All"}},
		{"translated and group", "Policy.Read.All e Application.ReadWrite.All", []string{"Policy.Read.All+Application.ReadWrite.All"}},
		{"or is an alternative", "Mail.Read or Mail.ReadWrite", []string{"Mail.Read", "Mail.ReadWrite"}},
		// A word inside a comma-separated list joins, in any language.
		{"unknown word in a list joins", "Policy.Read.All zøg Application.Read.All, Directory.Read.All", []string{"Policy.Read.All+Application.Read.All", "Directory.Read.All"}},
		{"CJK word in a list joins", "Policy.Read.All和Application.Read.All、Directory.Read.All", []string{"Policy.Read.All+Application.Read.All", "Directory.Read.All"}},
		{"plus in a list", "EduRoster.Read.All, EduRoster.ReadWrite.All plus Directory.Read.All", []string{"EduRoster.Read.All", "EduRoster.ReadWrite.All+Directory.Read.All"}},
		{"unknown word alone is an alternative", "Mail.Read zøg Mail.ReadWrite", []string{"Mail.Read", "Mail.ReadWrite"}},
		{"symbols join", "Mail.Read + Mail.Send & User.Read", []string{"Mail.Read+Mail.Send+User.Read"}},
		{"several words are no join", "Mail.Read plus either User.Read", []string{"Mail.Read", "User.Read"}},
		// machine translation breaks names: they are left out, not rewritten
		{"broken names", "GroupMember. Read. All, Group.Read.All", []string{"Group.Read.All"}},
		{"broken name after a word", "Bookings. Read.All", nil},
		{"space before a dot", "Directory .Read.All, User.Read", []string{"User.Read"}},
		{"leading dot", ".Read.All", nil},
		{"space inside a word", "OnPremises PublishingProfiles.ReadWrite.All", nil},
		{"names ending in All stay apart", "Directory.Read.All. User.Read", []string{"Directory.Read.All", "User.Read"}},
		{"sentence is not a name", "Not supported. Application", nil},
		{"underscore and dash", "Exchange_Manage.All, Team-Member.Read", []string{"Exchange_Manage.All", "Team-Member.Read"}},
		{"duplicates kept", "User.Read, User.Read", []string{"User.Read", "User.Read"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, permissionNames(tt.cell)); diff != "" {
				t.Errorf("permissionNames(%q) mismatch (-want +got):\n%s", tt.cell, diff)
			}
		})
	}
}

// TestLabelKinds gives the kind column of whole tables: kinds come from
// the labels' shapes and the canonical order, in any language.
func TestLabelKinds(t *testing.T) {
	const W, P, A, U = kindWork, kindPersonal, kindApplication, kindUnknown
	tests := []struct {
		name   string
		labels []string
		want   []int
		tied   []bool
	}{
		{"English", []string{"Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"}, []int{W, P, A}, nil},
		{"pt-BR", []string{"Delegado (conta corporativa ou de estudante)", "Delegada (conta pessoal da Microsoft)", "Aplicativo"}, []int{W, P, A}, nil},
		// Made-up words: only the shape and the order tell.
		{"unknown language", []string{"Båtokívi (ñågú fö pogäko kédušø)", "Båtokívi (namúpô Gétidúnö kédušø)", "Holäžósí"}, []int{W, P, A}, nil},
		{"Cyrillic", []string{"Щэрорёку (щоры що фипуси тириды)", "Щэрорёку (пязюфё Пибецюжы тириды)", "Мэпэдюжа"}, []int{W, P, A}, nil},
		{"CJK, full-width parentheses", []string{"怼蘟醸泧（美慰椛汜颏瞄嗳劌忳）", "怼蘟醸泧（椺絅鐆巄嗆甶抰嗳劌忳）", "迡姇蜷逗"}, []int{W, P, A}, nil},
		{"rows by resource and kind", []string{"Dlg (a)", "Dlg (b)", "App", "Dlg (a)", "Dlg (b)", "App"}, []int{W, P, A, W, P, A}, nil},
		{"Intune sub-rows are blank here", []string{"Dlg (a)", "", "", "Dlg (b)", "App"}, []int{W, U, U, P, A}, nil},
		// One delegated label: a tie that words break, or a warning.
		{"one delegated label, known words", []string{"Delegated (work or school account)", "Application"}, []int{W, A}, nil},
		{"one delegated label, unknown words", []string{"Båtokívi (ñågú fö pogäko kédušø)", "Holäžósí"}, []int{U, A}, []bool{true, false}},
		{"several plain labels, unknown words", []string{"Zig", "Zag"}, []int{U, U}, []bool{true, true}},
		{"sentences are no labels", []string{"App is calling on behalf of itself (application permission).\nNote: work accounts only."}, []int{U}, []bool{false}},
		{"empty", []string{""}, []int{U}, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kinds, tied := labelKinds(tt.labels)
			if diff := cmp.Diff(tt.want, kinds); diff != "" {
				t.Errorf("kinds of %q (-want +got):\n%s", tt.labels, diff)
			}
			if tt.tied == nil {
				tt.tied = make([]bool, len(tt.labels))
			}
			if diff := cmp.Diff(tt.tied, tied); diff != "" {
				t.Errorf("ties of %q (-want +got):\n%s", tt.labels, diff)
			}
		})
	}
}

// TestBrokenNames lists what readNames leaves out.
func TestBrokenNames(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"GroupMember. Read. All, Group.Read.All", "GroupMember. Read. All"},
		{"Directory .Read.All", "Directory .Read.All"},
		{"User.Read, .Read.All", ".Read.All"},
		{"OnPremises PublishingProfiles.ReadWrite.All", "OnPremises PublishingProfiles.ReadWrite.All"},
		{"Directory.Read.All. User.Read", ""},
		{"Not supported. Application", ""},
		{"e.g. User.Read", ""},
	}
	for _, tt := range tests {
		_, broken, _ := readNames(tt.cell)
		if got := strings.Join(broken, "|"); got != tt.want {
			t.Errorf("readNames(%q) broken = %q, want %q", tt.cell, got, tt.want)
		}
	}
}

// TestUnsureJoins lists the words between names that neither structure
// nor the word lists read.
func TestUnsureJoins(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"Mail.Read zøg Mail.ReadWrite", "zøg"},
		{"Mail.Read or Mail.ReadWrite", ""},
		{"Mail.Read and Mail.ReadWrite", ""},
		{"Mail.Read zøg Mail.ReadWrite, User.Read", ""},
	}
	for _, tt := range tests {
		_, _, unsure := readNames(tt.cell)
		if got := strings.Join(unsure, "|"); got != tt.want {
			t.Errorf("readNames(%q) unsure = %q, want %q", tt.cell, got, tt.want)
		}
	}
}

func TestDedupe(t *testing.T) {
	got := dedupe([]string{"A.B", "C.D", "A.B", "C.D", "E.F"})
	if diff := cmp.Diff([]string{"A.B", "C.D", "E.F"}, got); diff != "" {
		t.Errorf("dedupe mismatch (-want +got):\n%s", diff)
	}
}

// TestRowsOfKindsUnderParenthesisedHeaders reads a table whose rows are
// kinds by its rows, though its header cells have the shape of two
// delegated labels ("Permissions acting on self (…)" written without
// spaces, as CJK-like text is).
func TestRowsOfKindsUnderParenthesisedHeaders(t *testing.T) {
	page := "---\ntitle: x\nms.contentlocale: qps-plocm\n---\n\n# 甲\n\n## <a name=\"permissions\"></a>乙\n\n" +
		"|丙丁|戊己（庚辛）|壬癸（子丑）|\n|:--|:--|:--|\n" +
		"|寅卯（辰巳）|User.Read|User.Read.All|\n|寅卯（午未）|申酉。|申酉。|\n|戌亥|戌亥。|Directory.Read.All|\n\n" +
		"## <a name=\"http-request\"></a>HTTP\n\n```http\nGET /me/things\n```\n\n## <a name=\"response\"></a>應\n\n`200 OK`\n"
	res := ParsePage("api/x.md", []byte(page), nil)
	if len(res.Operations) != 1 {
		t.Fatalf("%d operations; diagnostics %v", len(res.Operations), res.Diagnostics)
	}
	p := res.Operations[0].Permissions
	want := "work [User.Read User.Read.All] personal [] app [Directory.Read.All] ns [delegatedPersonal]"
	if got := fmt.Sprintf("work %v personal %v app %v ns %v", p.DelegatedWork, p.DelegatedPersonal, p.Application, p.NotSupported); got != want {
		t.Errorf("permissions %s, want %s", got, want)
	}
}
