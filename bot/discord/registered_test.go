package discord

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
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
	for key := range choiceTable() {
		if !used[key] {
			t.Errorf("localizations.go names the choice %q, which no longer exists", key)
		}
	}

	for _, c := range tree {
		if c.Type == discordgo.MessageApplicationCommand {
			continue // a message command has no description
		}
		checkDescribed(t, "/"+c.Name, deref(c.DescriptionLocalizations))
		checkOptionsDescribed(t, "/"+c.Name, c.Options)
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
		t.Errorf("%s has no description in %s: add it to localizations.go (or its English changed)", path, strings.Join(missing, ", "))
	}
}
