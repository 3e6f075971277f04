package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/authorbot/authorbot/bot"
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
			Name:        "mydata",
			Description: "See or delete everything the bot stores about you",
			Example:     "/mydata export",
			Localized: localized("mes-données", "Voir ou supprimer tout ce que le bot garde sur vous",
				"meine-daten", "mis-datos", "miei-dati", "meus-dados", "mijn-gegevens"),
			Subs: []*bot.Command{
				{
					Name: "export", Description: "Everything stored about you, as JSON (only you see it)",
					Example: "/mydata export",
					Localized: localized("exporter", "Tout ce qui est gardé sur vous, en JSON (vous seul le voyez)",
						"exportieren", "exportar", "esporta", "exportar", "exporteren"),
				},
				{
					Name: "forget", Description: "Delete everything stored about you",
					Example:   "/mydata forget confirm:yes",
					Localized: localized("oublier", "Supprimer tout ce qui est gardé sur vous", "vergessen", "olvidar", "dimentica", "esquecer", "vergeten"),
					Options: []bot.Option{{
						Name: "confirm", Description: "yes to delete at once, without asking again", Positional: true,
						Choices: []bot.Choice{{Name: "yes", Value: "yes", Localized: choiceNames("oui", "ja", "sí", "sì", "sim", "ja", "はい")}},
						Localized: localized("confirmer", "yes (oui) pour supprimer tout de suite, sans autre question",
							"bestätigen", "confirmar", "conferma", "confirmar", "bevestigen"),
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
	user, err := r.ledgerUser(req, lang)
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
		Title:     tr(lang, "Your data", "Vos données"),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: tr(lang,
				fmt.Sprintf("Everything I store about you (%s) is in the file %s: %s. Your questions themselves are not stored.", safeText(user), name, dataSummary(d, lang)),
				fmt.Sprintf("Tout ce que je garde sur vous (%s) est dans le fichier %s : %s. Vos questions elles-mêmes ne sont pas conservées.", safeText(user), name, dataSummary(d, lang)))},
			&bot.Text{Note: true, Text: tr(lang,
				"To delete all of it: /mydata forget", "Pour tout supprimer : /mydata forget")},
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
func dataSummary(d ledger.UserData, lang string) string {
	var parts []string
	parts = append(parts, tr(lang, plural(len(d.Orders), "order", "orders"), plural(len(d.Orders), "commande", "commandes")))
	if d.LastOrder > 0 {
		parts[0] += tr(lang,
			fmt.Sprintf(" (the next would be #%d)", d.LastOrder+1),
			fmt.Sprintf(" (la prochaine serait la #%d)", d.LastOrder+1))
	}
	parts = append(parts, tr(lang, plural(len(d.Votes), "answer vote", "answer votes"), plural(len(d.Votes), "vote sur une réponse", "votes sur des réponses")))
	if len(d.Reminders) > 0 {
		parts = append(parts, tr(lang, plural(len(d.Reminders), "reminder", "reminders"), plural(len(d.Reminders), "rappel", "rappels")))
	}
	if d.ReminderSettings != nil {
		parts = append(parts, tr(lang, "your reminder settings", "vos réglages de rappels"))
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
	user, err := r.ledgerUser(req, lang)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(req.Option("confirm")) {
	case "yes", "oui":
		return r.forget(ctx, user, lang)
	case "":
	default:
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"To delete everything, type /mydata forget confirm:yes",
			"Pour tout supprimer, tapez /mydata forget confirm:yes"))
	}
	d, err := r.ledger.Export(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("mydata forget: %w", err)
	}
	if empty(d) {
		return bot.Say("%s", tr(lang, "I have nothing stored about you.", "Je ne garde rien sur vous.")), nil
	}
	return &bot.Reply{
		Title:     tr(lang, "Delete all your data?", "Supprimer toutes vos données ?"),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: tr(lang,
				fmt.Sprintf("This deletes, for good, everything I keep about you: %s. Your order numbers start again at #1. Your orders on Amazon are not touched.", dataSummary(d, lang)),
				fmt.Sprintf("Ceci supprime définitivement tout ce que je garde sur vous : %s. Vos numéros de commande repartiront de #1. Vos commandes sur Amazon ne sont pas touchées.", dataSummary(d, lang)))},
			&bot.Text{Note: true, Text: tr(lang,
				"Press the button, or type /mydata forget confirm:yes",
				"Appuyez sur le bouton, ou tapez /mydata forget confirm:yes")},
		},
		// The button carries the user it was shown to, so that nobody
		// else can press it (see forgetConfirmed).
		Buttons: []bot.Button{{Action: bot.ActionForget, Value: user, Style: bot.Danger,
			Label: tr(lang, "Delete all my data", "Supprimer toutes mes données")}},
		ButtonPrompt: tr(lang, "Delete everything?", "Tout supprimer ?"),
	}, nil
}

// forgetConfirmed answers the delete button of /mydata forget.
func (r *Router) forgetConfirmed(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	user, err := r.ledgerUser(req, lang)
	if err != nil {
		return nil, err
	}
	if req.Option("value") != user {
		return nil, bot.Errorf(bot.Forbidden, "%s", tr(lang,
			"That button was for someone else. To delete your own data: /mydata forget",
			"Ce bouton était destiné à quelqu'un d'autre. Pour supprimer vos propres données : /mydata forget"))
	}
	return r.forget(ctx, user, lang)
}

func (r *Router) forget(ctx context.Context, user, lang string) (*bot.Reply, error) {
	d, err := r.ledger.Export(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("mydata forget: %w", err)
	}
	if err := r.ledger.Forget(ctx, user); err != nil {
		return nil, fmt.Errorf("mydata forget: %w", err)
	}
	if empty(d) {
		return bot.Say("%s", tr(lang, "I had nothing stored about you, and still have nothing.", "Je ne gardais rien sur vous, et je ne garde toujours rien.")), nil
	}
	return bot.Say("%s", tr(lang,
		fmt.Sprintf("Done: I deleted everything I kept about you (%s). Nothing about you is stored any more.", dataSummary(d, lang)),
		fmt.Sprintf("C'est fait : j'ai supprimé tout ce que je gardais sur vous (%s). Plus rien vous concernant n'est conservé.", dataSummary(d, lang)))), nil
}
