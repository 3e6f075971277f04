package slack

import (
	"strings"
	"testing"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// TestOwnSentencesInEveryLanguage checks that the adapter's sentences
// about payloads it cannot read are catalog messages, written in each of
// the catalog's languages rather than in English only.
func TestOwnSentencesInEveryLanguage(t *testing.T) {
	_, noSender := parseCommand(nil, slackapi.SlashCommand{Command: "/ask", Text: "hi"})
	_, unknown := parseAction(slackapi.InteractionCallback{Type: slackapi.InteractionTypeViewSubmission})
	press := func(user, value string) error {
		var cb slackapi.InteractionCallback
		cb.Type = slackapi.InteractionTypeBlockActions
		cb.Team.ID = "T1"
		cb.User.ID = user
		cb.ActionCallback.BlockActions = []*slackapi.BlockAction{{Value: value}}
		_, err := parseAction(cb)
		return err
	}
	errs := map[string]error{
		"no sender": noSender, "unknown interaction": unknown,
		"no presser": press("", "x"), "unsupported button": press("U1", "\x00not a button"),
	}
	words := i18n.Default()
	for name, err := range errs {
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		en := bot.ErrorIn(err, i18n.Source)
		for _, lang := range words.Languages() {
			got := bot.ErrorIn(err, lang)
			if got == "" || strings.HasPrefix(got, "slack.") || lang != i18n.Source && got == en {
				t.Errorf("%s in %s: %q (English %q)", name, lang, got, en)
			}
		}
	}
	en := bot.PlainText(unreadable(""))
	for _, lang := range words.Languages() {
		got := bot.PlainText(unreadable(lang))
		if !strings.Contains(got, "/help") || lang != i18n.Source && got == en {
			t.Errorf("unreadable in %s: %q", lang, got)
		}
	}
	if got := bot.PlainText(usage(nil)); got != en {
		t.Errorf("usage(nil) = %q, want %q", got, en)
	}
}
