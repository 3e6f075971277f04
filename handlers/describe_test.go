package handlers

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// TestHelpDescribesInEveryLanguage checks that /help lists every command
// with its description in the author's language, for each language of the
// catalog: the descriptions come from command.<name> there.
func TestHelpDescribesInEveryLanguage(t *testing.T) {
	r := askRouter(t)
	words := i18n.Default()
	for _, lang := range words.Languages() {
		text := bot.PlainText(askLine(t, r, lang, "/help"))
		for _, c := range r.Commands() {
			want := words.Printer(lang).T("command." + c.Name)
			if !strings.Contains(text, want) {
				t.Errorf("/help in %s lacks the description of /%s, %q:\n%s", lang, c.Name, want, text)
			}
		}
	}
}

// TestCommandDescriptionsFromTheCatalog checks that every command,
// subcommand and option has a description of its own in every language
// of the catalog, short enough for Discord (100 UTF-16 units), and that
// the Source language's is its Description.
func TestCommandDescriptionsFromTheCatalog(t *testing.T) {
	words := i18n.Default()
	check := func(what, id, desc string, loc map[string]bot.Localized) {
		if en := words.Printer(i18n.Source).T(id); desc != en || desc == id {
			t.Errorf("%s: description %q, want the catalog's %s %q", what, desc, id, en)
		}
		for _, lang := range words.Languages() {
			d := desc
			if lang != i18n.Source {
				d = loc[lang].Description
			}
			if d == "" || d == id {
				t.Errorf("%s: no %s description (%s)", what, lang, id)
			}
			if n := len(utf16.Encode([]rune(d))); n > 100 {
				t.Errorf("%s: the %s description is %d characters, over Discord's 100: %q", what, lang, n, d)
			}
		}
	}
	var walk func(path string, c *bot.Command)
	walk = func(path string, c *bot.Command) {
		id := strings.ReplaceAll(path, " ", "_")
		check("/"+path, "command."+id, c.Description, c.Localized)
		for _, o := range c.Options {
			check("/"+path+" "+o.Name, "option."+id+"."+o.Name, o.Description, o.Localized)
		}
		for _, s := range c.Subs {
			walk(path+" "+s.Name, s)
		}
	}
	for _, c := range Commands() {
		walk(c.Name, c)
	}
}
