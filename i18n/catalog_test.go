package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// entry is one message of one file: its text per plural form.
type entry map[string]string

// readFile reads one message file into its messages by id.
func readFile(fsys fs.FS, name string) (map[string]entry, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	msgs, err := readMessages(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make(map[string]entry, len(msgs))
	for id, forms := range msgs {
		out[id] = forms
	}
	return out, nil
}

// placeholders returns the placeholders of every form of e, sorted.
func (e entry) placeholders() []string { return placeholders(e) }

// plural reports whether a message has a form chosen by a count.
func (e entry) plural() bool {
	return len(e) > 1 || slices.Contains(e.placeholders(), CountArg)
}

// formsUsed returns the plural forms lang's CLDR rule picks for the counts
// the bot shows (0 to 1,000). Forms it keeps for larger numbers (French
// "many", for millions) fall back to "other".
func formsUsed(t *testing.T, lang string) []string {
	t.Helper()
	b := goi18n.NewBundle(language.MustParse(lang))
	m := &goi18n.Message{ID: "forms", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(language.MustParse(lang), m); err != nil {
		t.Fatal(err)
	}
	loc := goi18n.NewLocalizer(b, lang)
	set := map[string]bool{}
	for n := 0; n <= 1000; n++ {
		s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: "forms", PluralCount: n})
		if err != nil {
			t.Fatal(err)
		}
		set[s] = true
	}
	var out []string
	for _, f := range pluralForms {
		if set[f] {
			out = append(out, f)
		}
	}
	return out
}

// checkCatalog returns what is wrong with the message files of fsys: a
// message of the source language missing in another, one that only
// another has, placeholders that differ, a plural form a language needs
// and lacks.
func checkCatalog(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	names, err := fs.Glob(fsys, "locales/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]map[string]entry{}
	for _, name := range names {
		msgs, err := readFile(fsys, name)
		if err != nil {
			return []string{err.Error()}
		}
		files[strings.TrimSuffix(path.Base(name), ".toml")] = msgs
	}
	src, ok := files[Source]
	if !ok {
		return []string{"no locales/" + Source + ".toml"}
	}
	var problems []string
	for lang, msgs := range files {
		if lang == Source {
			continue
		}
		forms := formsUsed(t, lang)
		for id, want := range src {
			got, ok := msgs[id]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s.toml: message %s is missing", lang, id))
				continue
			}
			if g, w := got.placeholders(), want.placeholders(); !slices.Equal(g, w) {
				problems = append(problems, fmt.Sprintf("%s.toml: %s has placeholders %v, %s.toml has %v", lang, id, g, Source, w))
			}
			need := []string{"other"}
			if want.plural() {
				need = forms
			}
			for _, f := range need {
				if got[f] == "" {
					problems = append(problems, fmt.Sprintf("%s.toml: %s has no %q form", lang, id, f))
				}
			}
		}
		for id := range msgs {
			if _, ok := src[id]; !ok {
				problems = append(problems, fmt.Sprintf("%s.toml: message %s is not in %s.toml", lang, id, Source))
			}
		}
	}
	for id, e := range src {
		if e["other"] == "" {
			problems = append(problems, fmt.Sprintf("%s.toml: %s has no \"other\" form", Source, id))
		}
	}
	sort.Strings(problems)
	return problems
}

// TestEveryMessageInEveryLanguage fails when a language's file lacks a
// message of the English one, has one English does not, or writes a
// message with other placeholders or without the plural forms its
// language needs.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	for _, p := range checkCatalog(t, files) {
		t.Error(p)
	}
}

// TestCheckCatalogFindsProblems shows that the check above sees each kind
// of problem.
func TestCheckCatalogFindsProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/en.toml": {Data: []byte(`
[a.greet]
other = "Hello {{.Name}}."
[a.copies]
one = "{{.Count}} copy"
other = "{{.Count}} copies"
[a.gone]
other = "Gone."
`)},
		"locales/fr.toml": {Data: []byte(`
[a.greet]
other = "Bonjour {{.Nom}}."
[a.copies]
other = "{{.Count}} exemplaires"
[a.stale]
other = "Périmé."
`)},
	}
	got := checkCatalog(t, fsys)
	want := []string{
		`fr.toml: a.copies has no "one" form`,
		"fr.toml: a.greet has placeholders [Nom], en.toml has [Name]",
		"fr.toml: message a.gone is missing",
		"fr.toml: message a.stale is not in en.toml",
	}
	if !slices.Equal(got, want) {
		t.Errorf("checkCatalog:\n got %q\nwant %q", got, want)
	}
}

// TestCatalogLoads loads the embedded files as the bot does, and writes
// every message of every language with its placeholders filled: a
// template that does not parse or run fails here.
func TestCatalogLoads(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	src, err := readFile(files, "locales/"+Source+".toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range c.Languages() {
		p := c.Printer(lang)
		if p.Lang() != lang {
			t.Errorf("Printer(%q).Lang() = %q", lang, p.Lang())
		}
		for id, e := range src {
			var args []any
			for _, name := range e.placeholders() {
				var v any = "x"
				if name == CountArg {
					v = 2
				}
				args = append(args, name, v)
			}
			if _, err := p.Localize(M(id, args...)); err != nil {
				t.Errorf("%s: %v", lang, err)
			}
		}
	}
}

// frenchTypography returns what s does against French typography: a
// colon, semicolon, question or exclamation mark without a space before
// it, and quotes other than « » (with their spaces inside). A colon
// between two words is command syntax (tz:Europe/Paris, https://…), not
// punctuation, and a quotation keeps the punctuation of what it quotes
// (« Cancelled: Not yet available », a label of Amazon's English pages).
func frenchTypography(s string) []string {
	var problems []string
	s = placeholderRE.ReplaceAllString(s, "X")
	spaced := func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }
	prev := rune(0)
	quoted := false
	for i, r := range s {
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		switch {
		case quoted && r != '»':
		case r == ':':
			if next != utf8.RuneError && !spaced(next) && next != '\n' {
				break // name:value, a URL, a time
			}
			fallthrough
		case r == ';' || r == '?' || r == '!':
			if r != ';' && prev != 0 && !spaced(prev) && next != utf8.RuneError && !spaced(next) {
				break // inside a URL or a command (?q=…)
			}
			if !spaced(prev) {
				problems = append(problems, fmt.Sprintf("no space before %q in %q", r, s))
			}
		case r == '"' || r == '“' || r == '”':
			problems = append(problems, fmt.Sprintf("quote %q instead of « » in %q", r, s))
		case r == '«':
			quoted = true
			if !spaced(next) {
				problems = append(problems, fmt.Sprintf("no space after « in %q", s))
			}
		case r == '»':
			quoted = false
			if !spaced(prev) {
				problems = append(problems, fmt.Sprintf("no space before » in %q", s))
			}
		}
		prev = r
	}
	return problems
}

func TestFrenchTypographyCheck(t *testing.T) {
	good := []string{
		"Merci ! Ravi que cela vous ait aidé.",
		"Exemple : /order add 25 amazon.fr title:« Le Long Chemin » tz:Europe/Paris",
		"Suivez « Suivre votre colis » ; à 14:30 ? Oui\u00a0!",
		"Voir https://kdp.amazon.com/fr_FR/help",
		"Commandes :\n/aide",
		"(sur Amazon.co.uk : « Cancelled: Not yet available »)",
	}
	for _, s := range good {
		if p := frenchTypography(s); len(p) > 0 {
			t.Errorf("frenchTypography(%q) = %q, want none", s, p)
		}
	}
	bad := []string{"Merci!", "Exemple: /aide", "ceci; cela", "Quoi?", `title:"Le Long Chemin"`, "«Suivre»", "« Suivre » ; oui: non"}
	for _, s := range bad {
		if p := frenchTypography(s); len(p) == 0 {
			t.Errorf("frenchTypography(%q) found nothing", s)
		}
	}
}

// TestFrenchTypography checks every French message against French
// typography: a space before : ; ? ! and quotes « ».
func TestFrenchTypography(t *testing.T) {
	msgs, err := readFile(files, "locales/fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	for id, e := range msgs {
		for form, s := range e {
			for _, p := range frenchTypography(s) {
				t.Errorf("fr.toml %s (%s): %s", id, form, p)
			}
		}
	}
}
