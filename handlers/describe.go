package handlers

import (
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// describeCommands writes the description of every command, subcommand
// and option of cmds from the catalog, in each of its languages: the
// Source language's as Description, the others' in Localized beside the
// names there. The messages are command.<path> and option.<path>.<name>,
// with the words of a path joined by "_" ("command.order_add",
// "option.order_add.quantity"), so /help and Discord's registered tree
// read the same words.
func describeCommands(cmds []*bot.Command, words *i18n.Catalog) {
	for _, c := range cmds {
		describeCommand(c, strings.ReplaceAll(c.Name, " ", "_"), words)
	}
}

func describeCommand(c *bot.Command, path string, words *i18n.Catalog) {
	c.Description, c.Localized = describeIn(words, "command."+path, c.Localized)
	for i := range c.Options {
		o := &c.Options[i]
		o.Description, o.Localized = describeIn(words, "option."+path+"."+o.Name, o.Localized)
	}
	for _, s := range c.Subs {
		describeCommand(s, path+"_"+s.Name, words)
	}
}

// describeIn returns message id in the Source language, and loc with the
// message in each of the catalog's other languages added.
func describeIn(words *i18n.Catalog, id string, loc map[string]bot.Localized) (string, map[string]bot.Localized) {
	if loc == nil {
		loc = map[string]bot.Localized{}
	}
	for _, lang := range words.Languages() {
		if lang == i18n.Source {
			continue
		}
		l := loc[lang]
		l.Description = words.Printer(lang).T(id)
		loc[lang] = l
	}
	return words.Printer(i18n.Source).T(id), loc
}
