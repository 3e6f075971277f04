package slack

import (
	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// fail is the error for the adapter's own catalog message id: its Message
// in English, as the grammar's are, since a payload that cannot be read
// says nothing of its author's language; whoever knows the language
// writes it again from Msg (bot.ErrorIn).
func fail(code, id string) *bot.Error {
	m := i18n.M(id)
	return &bot.Error{Code: code, Message: i18n.Default().Text(i18n.Source, m), Msg: m}
}

// unreadable is the reply to a line that could not be parsed and whose
// error carries no message for the author, in lang (the Source language
// for "").
func unreadable(lang string) *bot.Reply {
	return bot.Say("%s", i18n.Default().Printer(lang).T("slack.unreadable_command"))
}
