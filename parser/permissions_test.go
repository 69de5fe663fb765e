package parser

import (
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
		// machine translation breaks names after dots
		{"broken names", "GroupMember. Read. All, Group.Read.All", []string{"GroupMember.Read.All", "Group.Read.All"}},
		{"broken name after a word", "Bookings. Read.All", []string{"Bookings.Read.All"}},
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

func TestClassifyKind(t *testing.T) {
	tests := []struct {
		label string
		want  int
	}{
		{"Delegated (work or school account)", kindWork},
		{"Delegated (personal Microsoft account)", kindPersonal},
		{"Application", kindApplication},
		{"Delegated", kindWork},
		{"Delegado (conta corporativa ou de estudante)", kindWork},
		{"Delegada (conta pessoal da Microsoft)", kindPersonal},
		{"Delegado (conta pessoal da Microsoft)", kindPersonal},
		{"Aplicativo", kindApplication},
		{"Aplicação", kindApplication},
		{"Délégué (compte professionnel ou scolaire)", kindWork},
		{"Délégué (compte personnel Microsoft)", kindPersonal},
		{"Delegiert (persönliches Microsoft-Konto)", kindPersonal},
		// Unknown language (Dutch): by shape only.
		{"Gedelegeerd (werk- of schoolaccount)", kindWork},
		{"Gedelegeerd (persoonlijk Microsoft-account)", kindPersonal},
		{"(compte personnel Microsoft)", kindPersonal},
		{"Toepassing", kindUnknown},
		{"Permission type", kindUnknown},
		{"", kindUnknown},
	}
	for _, tt := range tests {
		if got := classifyKind(tt.label); got != tt.want {
			t.Errorf("classifyKind(%q) = %d, want %d", tt.label, got, tt.want)
		}
	}
}

func TestDedupe(t *testing.T) {
	got := dedupe([]string{"A.B", "C.D", "A.B", "C.D", "E.F"})
	if diff := cmp.Diff([]string{"A.B", "C.D", "E.F"}, got); diff != "" {
		t.Errorf("dedupe mismatch (-want +got):\n%s", diff)
	}
}
