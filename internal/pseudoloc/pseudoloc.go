// Package pseudoloc rewrites English Microsoft Graph reference pages the
// way a translator would, into made-up languages, so that tests can check
// that graphgen reads a page from its structure and not from its English
// words.
//
// What a translation changes, as the given pt-BR pages show: the title and
// description of the front matter (and an ms.contentlocale line added),
// every heading's text (an <a name="slug"></a> anchor keeps the English
// slug), prose, table headers, row labels ("Delegated (work or school
// account)"), "Not supported.", "Required."/"Optional.", type names in
// tables ("String collection") and header names in tables
// ("Authorization"). What it keeps: code blocks and code spans, HTML
// comments (annotations) and tags, link targets, URLs and paths,
// placeholders ({token}), permission names and other identifiers (words
// with inner capitals, digits, dots or underscores, and the lower-case
// names in a table's first column).
//
// Words are made up from a hash of the seed and the English word, so one
// word has one translation in a language (as in a real one) and another
// seed is another language.
package pseudoloc

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Script is the writing system of a made-up language.
type Script int

// The scripts of the made-up languages.
const (
	// Latin is accented Latin, words separated by spaces.
	Latin Script = iota
	// Cyrillic is Cyrillic-like, words separated by spaces.
	Cyrillic
	// CJK is CJK-like: ideographs without spaces between words,
	// full-width punctuation ("。", "，", "（", "）").
	CJK
)

// Locales are the ms.contentlocale values written for each script (the
// pseudo-locales Windows reserves).
var Locales = [...]string{Latin: "qps-ploc", Cyrillic: "qps-ploca", CJK: "qps-plocm"}

// Localizer translates pages into one made-up language.
type Localizer struct {
	seed   uint64
	script Script
}

// New returns the localizer of the language that seed and script name.
func New(seed uint64, script Script) *Localizer {
	return &Localizer{seed: seed, script: script}
}

// Script returns the script of l's language.
func (l *Localizer) Script() Script { return l.script }

// Word translates one English word (letters only), keeping its
// capitalisation where the script has one.
func (l *Localizer) Word(w string) string {
	h := fnv.New64a()
	var b [8]byte
	for i := range b {
		b[i] = byte(l.seed >> (8 * i))
	}
	h.Write(b[:])
	h.Write([]byte(strings.ToLower(w)))
	x := h.Sum64()
	out := l.syllables(x, utf8.RuneCountInString(w))
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && l.script != CJK {
		first, size := utf8.DecodeRuneInString(out)
		out = string(unicode.ToUpper(first)) + out[size:]
	}
	return out
}

var (
	latinConsonants    = []rune("bcdfghjklmnprstvzšžçñ")
	latinVowels        = []rune("aeiouáéíóúàèâêôäöüøå")
	cyrillicConsonants = []rune("бвгджзклмнпрстфхцчшщ")
	cyrillicVowels     = []rune("аеиоуыэюяё")
)

// syllables makes a word of about n letters' worth of syllables from x.
func (l *Localizer) syllables(x uint64, n int) string {
	count := min(1+n/3, 4)
	var b strings.Builder
	for range count {
		switch l.script {
		case CJK:
			b.WriteRune(rune(0x4E00 + x%0x51A5))
			x /= 0x51A5
			if x == 0 {
				x = 0x9E3779B97F4A7C15
			}
		case Cyrillic:
			b.WriteRune(cyrillicConsonants[x%uint64(len(cyrillicConsonants))])
			x /= uint64(len(cyrillicConsonants))
			b.WriteRune(cyrillicVowels[x%uint64(len(cyrillicVowels))])
			x /= uint64(len(cyrillicVowels))
		default:
			b.WriteRune(latinConsonants[x%uint64(len(latinConsonants))])
			x /= uint64(len(latinConsonants))
			b.WriteRune(latinVowels[x%uint64(len(latinVowels))])
			x /= uint64(len(latinVowels))
		}
	}
	return b.String()
}
