package discord

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/i18n"
)

// kdpLocales are the Discord locales every description is translated
// into: the languages of the KDP marketplaces.
var kdpLocales = []discordgo.Locale{
	discordgo.French, discordgo.German, discordgo.SpanishES, discordgo.SpanishLATAM,
	discordgo.Italian, discordgo.PortugueseBR, discordgo.Dutch, discordgo.Japanese,
}

func routerCommands(t *testing.T) []*bot.Command {
	t.Helper()
	return handlers.Commands()
}

// TestRegisteredTree renders the command tree the bot registers, from the
// router's commands, to testdata/commands-registered.golden, checks it
// against Discord's rules, and checks that every command, subcommand and
// option is described in every KDP language, with no translation left
// over from a description that has changed.
func TestRegisteredTree(t *testing.T) {
	cmds := routerCommands(t)
	tree, err := ApplicationCommands(cmds)
	if err != nil {
		t.Fatal(err)
	}
	checkTree(t, tree)
	golden(t, "commands-registered", indentJSON(t, tree))

	used := map[string]bool{}
	var walk func(path string, c *bot.Command)
	walk = func(path string, c *bot.Command) {
		used[path] = true
		for _, o := range c.Options {
			used[path+":"+o.Name] = true
			for _, ch := range o.Choices {
				used[path+":"+o.Name+"="+ch.Value] = true
			}
		}
		for _, s := range c.Subs {
			walk(path+" "+s.Name, s)
		}
	}
	for _, c := range cmds {
		walk(c.Name, c)
	}
	for key := range descriptionTable() {
		if !used[key] {
			t.Errorf("localizations.go describes %q, which is no longer a command or option", key)
		}
	}

	for _, c := range tree {
		if c.Type == discordgo.MessageApplicationCommand {
			continue // a message command has no description
		}
		checkDescribed(t, "/"+c.Name, deref(c.DescriptionLocalizations))
		checkOptionsDescribed(t, "/"+c.Name, c.Options)
	}
	checkAllNamed(t, cmds, tree)
}

// nameLocales are the Discord locales of the languages the bot speaks
// besides English, by the language key of the command tree.
var nameLocales = map[string][]discordgo.Locale{
	"fr": {discordgo.French}, "de": {discordgo.German}, "es": {discordgo.SpanishES, discordgo.SpanishLATAM},
	"it": {discordgo.Italian}, "pt": {discordgo.PortugueseBR}, "nl": {discordgo.Dutch},
}

// checkAllNamed checks that every command, subcommand, option and choice
// of the registered tree is named in each of the bot's languages, as the
// command tree names it: none is missing from the tree, and none was left
// out for breaking Discord's rules or clashing with a sibling.
func checkAllNamed(t *testing.T, cmds []*bot.Command, tree []*ApplicationCommand) {
	t.Helper()
	for i, c := range cmds {
		checkNames(t, "/"+c.Name, c.Name, c.Localized, deref(tree[i].NameLocalizations), true)
		checkSubNames(t, "/"+c.Name, c, tree[i].Options)
	}
}

func checkSubNames(t *testing.T, path string, c *bot.Command, opts []*discordgo.ApplicationCommandOption) {
	t.Helper()
	byName := map[string]*discordgo.ApplicationCommandOption{}
	for _, o := range opts {
		byName[o.Name] = o
	}
	for _, s := range c.Subs {
		o := byName[s.Name]
		checkNames(t, path+" "+s.Name, s.Name, s.Localized, o.NameLocalizations, true)
		checkSubNames(t, path+" "+s.Name, s, o.Options)
	}
	for _, bo := range c.Options {
		o := byName[bo.Name]
		p := path + " " + bo.Name
		checkNames(t, p, bo.Name, bo.Localized, o.NameLocalizations, true)
		for j, ch := range bo.Choices {
			if ch.Localized == nil {
				continue // a name of its own in every language (kdp, advantage)
			}
			loc := map[string]bot.Localized{}
			for lang, n := range ch.Localized {
				loc[lang] = bot.Localized{Name: n}
			}
			checkNames(t, p+"="+ch.Value, o.Choices[j].Name, loc, o.Choices[j].NameLocalizations, false)
		}
	}
}

// checkNames checks the names registered for one command, option or
// choice. A command's or option's name that is the English one is not
// registered again (dropSame); a choice's is.
func checkNames(t *testing.T, path, name string, spec map[string]bot.Localized, got map[discordgo.Locale]string, dropSame bool) {
	t.Helper()
	for lang, locales := range nameLocales {
		want := spec[lang].Name
		if want == "" {
			t.Errorf("%s has no name in %s", path, lang)
			continue
		}
		if dropSame && want == name {
			want = ""
		}
		for _, l := range locales {
			if got[l] != want {
				t.Errorf("%s: registered %s name %q, want %q", path, l, got[l], want)
			}
		}
	}
}

func checkOptionsDescribed(t *testing.T, path string, opts []*discordgo.ApplicationCommandOption) {
	t.Helper()
	for _, o := range opts {
		p := path + " " + o.Name
		checkDescribed(t, p, o.DescriptionLocalizations)
		checkOptionsDescribed(t, p, o.Options)
	}
}

func checkDescribed(t *testing.T, path string, descs map[discordgo.Locale]string) {
	t.Helper()
	var missing []string
	for _, l := range kdpLocales {
		if descs[l] == "" {
			missing = append(missing, string(l))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%s has no description in %s: add it to i18n/locales (command.* and option.*), or for Japanese to localizations.go (or its English changed)", path, strings.Join(missing, ", "))
	}
}

// TestMessageCommandNamedInEveryLanguage checks that the message command
// is named in the Discord locales of every language the bot speaks, from
// the catalog, within Discord's 32 characters, and that the catalog's
// English is the name the interactions are read by.
func TestMessageCommandNamedInEveryLanguage(t *testing.T) {
	if en := i18n.Default().Printer(i18n.Source).T("message_command.name"); en != bot.MessageCommand {
		t.Errorf("the catalog names the message command %q, the adapters %q", en, bot.MessageCommand)
	}
	tree, err := ApplicationCommands(routerCommands(t))
	if err != nil {
		t.Fatal(err)
	}
	var names map[discordgo.Locale]string
	for _, c := range tree {
		if c.Type == discordgo.MessageApplicationCommand {
			names = deref(c.NameLocalizations)
		}
	}
	for lang, locales := range nameLocales {
		for _, l := range locales {
			n := names[l]
			if n == "" || n == bot.MessageCommand || utf16Len(n) > maxNameLen {
				t.Errorf("%s (%s): message command named %q", l, lang, n)
			}
		}
	}
}
