package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// PersonalData answers for everything stored about an author, whatever
// the table. user is bot.User.Key().
type PersonalData interface {
	// Export returns everything stored about user. Errors are internal.
	Export(ctx context.Context, user string) (ledger.UserData, error)
	// Forget deletes everything stored about user, in one transaction.
	// Errors are internal.
	Forget(ctx context.Context, user string) error
}

func (r *Router) mydataFamily() family {
	return family{
		cmd: &bot.Command{
			Name:      "mydata",
			Example:   "/mydata export",
			Localized: localized("mes-données", "meine-daten", "mis-datos", "miei-dati", "meus-dados", "mijn-gegevens"),
			Subs: []*bot.Command{
				{
					Name:      "export",
					Example:   "/mydata export",
					Localized: localized("exporter", "exportieren", "exportar", "esporta", "exportar", "exporteren"),
				},
				{
					Name:      "forget",
					Example:   "/mydata forget confirm:yes",
					Localized: localized("oublier", "vergessen", "olvidar", "dimentica", "esquecer", "vergeten"),
					Options: []bot.Option{{
						Name: "confirm", Positional: true,
						Choices:   []bot.Choice{{Name: "yes", Value: "yes", Localized: choiceNames("oui", "ja", "sí", "sì", "sim", "ja", "はい")}},
						Localized: localized("confirmer", "bestätigen", "confirmar", "conferma", "confirmar", "bevestigen"),
					}},
				},
			},
		},
		handlers: map[string]bot.HandlerFunc{"export": r.mydataExport, "forget": r.mydataForget},
	}
}

// mydataExport delivers everything stored about the author as one JSON
// file; the reply itself only says what the file holds. A chat message
// has room for a few dozen orders, a file for all of them.
func (r *Router) mydataExport(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	user, err := r.ledgerUser(req, p)
	if err != nil {
		return nil, err
	}
	d, err := r.ledger.Export(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("mydata export: %w", err)
	}
	js, err := exportJSON(d)
	if err != nil {
		return nil, fmt.Errorf("mydata export: %w", err)
	}
	name := "authorbot-data-" + r.now().UTC().Format(dateLayout) + ".json"
	return &bot.Reply{
		Title:     p.T("mydata.your_data"),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: p.T("mydata.everything_i_store_about_you", "User", safeText(user), "Name", name, "DataSummary", dataSummary(d, p))},
			&bot.Text{Note: true, Text: p.T("mydata.to_delete_all_of_it")},
		},
		File: &bot.File{Name: name, ContentType: "application/json", Data: js},
	}, nil
}

// exportJSON writes d as indented JSON; its time grows with the size of
// the data and nothing else. Every @ is written \u0040 and every <
// \u003c, which decode to the same text: the export stays exact, yet no
// chat reads a mention in it, should a platform show the file's text.
func exportJSON(d ledger.UserData) ([]byte, error) {
	js, err := json.MarshalIndent(d, "", "  ") // escapes <, > and & as \u003c…
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(js, '@') < 0 {
		return js, nil
	}
	// Outside strings JSON has no @, so this only touches string contents.
	return bytes.ReplaceAll(js, []byte("@"), []byte(`\u0040`)), nil
}

// dataSummary counts what is stored: "3 orders (the next would be #4), 2
// answer votes, 1 reminder, your reminder settings".
func dataSummary(d ledger.UserData, p *i18n.Printer) string {
	var parts []string
	parts = append(parts, p.T("mydata.orders", "Count", len(d.Orders)))
	if d.LastOrder > 0 {
		parts[0] += p.T("mydata.the_next_would_be", "Number", d.LastOrder+1)
	}
	parts = append(parts, p.T("mydata.votes", "Count", len(d.Votes)))
	if len(d.Reminders) > 0 {
		parts = append(parts, p.T("mydata.reminders", "Count", len(d.Reminders)))
	}
	if d.ReminderSettings != nil {
		parts = append(parts, p.T("mydata.your_reminder_settings"))
	}
	return strings.Join(parts, ", ")
}

// empty reports whether nothing at all is stored about the user.
func empty(d ledger.UserData) bool {
	return len(d.Orders) == 0 && len(d.Votes) == 0 && d.LastOrder == 0 &&
		len(d.Reminders) == 0 && d.ReminderSettings == nil
}

func (r *Router) mydataForget(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	user, err := r.ledgerUser(req, p)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(req.Option("confirm")) {
	case "yes", "oui":
		return r.forget(ctx, user, p)
	case "":
	default:
		return nil, fail(p, bot.Invalid, "mydata.to_delete_everything_type_mydata")
	}
	d, err := r.ledger.Export(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("mydata forget: %w", err)
	}
	if empty(d) {
		return bot.Say("%s", p.T("mydata.i_have_nothing_stored_about")), nil
	}
	return &bot.Reply{
		Title:     p.T("mydata.delete_all_your_data"),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: p.T("mydata.this_deletes_for_good_everything", "DataSummary", dataSummary(d, p))},
			&bot.Text{Note: true, Text: p.T("mydata.press_the_button_or_type")},
		},
		// The button carries the user it was shown to, so that nobody
		// else can press it (see forgetConfirmed).
		Buttons: []bot.Button{{Action: bot.ActionForget, Value: user, Style: bot.Danger,
			Label: p.T("mydata.delete_all_my_data")}},
		ButtonPrompt: p.T("mydata.delete_everything"),
	}, nil
}

// forgetConfirmed answers the delete button of /mydata forget.
func (r *Router) forgetConfirmed(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	user, err := r.ledgerUser(req, p)
	if err != nil {
		return nil, err
	}
	if req.Option("value") != user {
		return nil, fail(p, bot.Forbidden, "mydata.that_button_was_for_someone")
	}
	return r.forget(ctx, user, p)
}

func (r *Router) forget(ctx context.Context, user string, p *i18n.Printer) (*bot.Reply, error) {
	d, err := r.ledger.Export(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("mydata forget: %w", err)
	}
	if err := r.ledger.Forget(ctx, user); err != nil {
		return nil, fmt.Errorf("mydata forget: %w", err)
	}
	if empty(d) {
		return bot.Say("%s", p.T("mydata.i_had_nothing_stored_about")), nil
	}
	return bot.Say("%s", p.T("mydata.done_i_deleted_everything_i", "DataSummary", dataSummary(d, p))), nil
}
