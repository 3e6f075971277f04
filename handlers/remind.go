package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// Reminders keeps the reminders authors set and their settings; the
// scheduler in package remind delivers them. *ledger.Service is one.
// user is always bot.User.Key().
type Reminders interface {
	// Remind sets the author's reminders rs, all or none, and stores zone
	// as their time zone unless it is "", in one transaction. Reminders
	// past ledger.MaxOpenReminders give a ledger.TooManyReminders.
	Remind(ctx context.Context, a ledger.Author, zone string, rs []ledger.Reminder) ([]ledger.Reminder, error)
	// SaveZone stores the user's time zone.
	SaveZone(ctx context.Context, user, zone string) error
	// Reminders lists all of a user's reminders by number.
	Reminders(ctx context.Context, user string) ([]ledger.Reminder, error)
	// ReminderSettings returns the user's settings, the defaults for one
	// who never changed them.
	ReminderSettings(ctx context.Context, user string) (ledger.ReminderSettings, error)
	// CancelReminder fails with ledger.ErrNotFound for a number the user
	// does not have and ledger.ErrNotPending for one no longer pending.
	CancelReminder(ctx context.Context, user string, number int) (ledger.Reminder, error)
	// SetAutomatic switches the user's automatic reminders on or off.
	SetAutomatic(ctx context.Context, user string, on bool) error
}

// Reminder limits, in the author's interest: a reminder two years out is
// a calendar's job, and a long list stops being read (the store keeps at
// most ledger.MaxOpenReminders to come).
const (
	maxReminderText = 300
	// reminderHour is the time of day a reminder set for a date alone goes out.
	reminderHour = ledger.ReminderHour
)

var (
	optWhen = bot.Option{
		Name: "when", Description: "A date (YYYY-MM-DD), date and time (YYYY-MM-DD HH:MM) or delay (90m, 2h, 3d, 1w)",
		Type: bot.String, Required: true, Placeholder: "date, date time or 3d",
		Localized: localized("quand", "Une date (AAAA-MM-JJ), une date et une heure (AAAA-MM-JJ HH:MM) ou un délai (90m, 2h, 3d, 1w)",
			"wann", "cuándo", "quando", "quando", "wanneer"),
	}
	optZone = bot.Option{
		Name: "tz", Description: "Your time zone, e.g. Europe/Paris or America/New_York (default UTC)",
		Type: bot.String, Placeholder: "zone", MaxLength: 64,
		Localized: localized("fuseau", "Votre fuseau horaire, par ex. Europe/Paris (UTC par défaut)",
			"zeitzone", "zona-horaria", "fuso-orario", "fuso-horário", "tijdzone"),
	}
)

func (r *Router) remindFamily() family {
	handlers := map[string]bot.HandlerFunc{
		"add":    r.remindAdd,
		"list":   r.remindList,
		"cancel": r.remindCancel,
		"auto":   r.remindAuto,
	}
	if !r.keepsReminders {
		for sub := range handlers {
			handlers[sub] = r.remindUnavailable
		}
	}
	return family{
		cmd: &bot.Command{
			Name:        "remind",
			Description: "Reminders sent to you as a direct message: add, list, cancel, automatic ones on or off",
			Example:     "/remind add when:3d text:Check the proof copy",
			Localized: localized("rappel", "Des rappels envoyés en message privé : ajouter, lister, annuler, automatiques ou non",
				"erinnerung", "recordatorio", "promemoria", "lembrete", "herinnering"),
			Subs: []*bot.Command{
				{
					Name: "add", Description: "Set a reminder",
					Example: "/remind add when:{today+7} 09:00 tz:Europe/Paris text:Publish the paperback on KDP",
					// text is not Required so that bare words after the date
					// (a time, as in when:2026-12-16 09:00) continue when
					// instead of starting text; remindAdd splits them.
					Options: []bot.Option{optWhen, optZone, {
						Name: "text", Description: "What to remind you of (300 characters at most)",
						Type: bot.String, Rest: true, MaxLength: maxReminderText,
						Localized: localized("texte", "Le rappel (300 caractères au plus)", "text", "texto", "testo", "texto", "tekst"),
					}},
					Localized: localized("ajouter", "Créer un rappel", "hinzufügen", "añadir", "aggiungi", "adicionar", "toevoegen"),
				},
				{
					Name: "list", Description: "Your reminders still to come",
					Example:   "/remind list",
					Localized: localized("liste", "Vos rappels à venir", "liste", "lista", "elenco", "lista", "lijst"),
				},
				{
					Name: "cancel", Description: "Cancel one of your reminders",
					Example: "/remind cancel 3",
					Options: []bot.Option{{
						Name: "number", Description: "The reminder's number, from /remind list",
						Type: bot.Integer, Required: true, Min: 1,
						Localized: localized("numero", "Le numéro du rappel (voir /remind list)", "nummer", "número", "numero", "número", "nummer"),
					}},
					Localized: localized("annuler", "Annuler un de vos rappels", "entfernen", "cancelar", "annulla", "cancelar", "annuleren"),
				},
				{
					Name: "auto", Description: "Switch the automatic reminders about your orders on or off",
					Example: "/remind auto off",
					Options: []bot.Option{{
						Name: "state", Description: "on or off", Required: true,
						Choices: []bot.Choice{
							{Name: "on", Value: "on", Localized: choiceNames("activés", "an", "activados", "attivi", "ligados", "aan", "オン")},
							{Name: "off", Value: "off", Localized: choiceNames("désactivés", "aus", "desactivados", "disattivati", "desligados", "uit", "オフ")},
						},
						Localized: localized("etat", "on ou off", "status", "estado", "stato", "estado", "status"),
					}},
					Localized: localized("auto", "Activer ou non les rappels automatiques sur vos commandes", "auto", "auto", "auto", "auto", "auto"),
				},
			},
		},
		handlers: handlers,
	}
}

// remindUnavailable answers /remind where the ledger keeps no reminders.
func (r *Router) remindUnavailable(_ context.Context, req *bot.Request) (*bot.Reply, error) {
	return nil, noReminders(r.lang(req, req.Option("text")))
}

// withoutReminders is the Reminders of a ledger that keeps none: the
// settings read as the defaults, a time zone is not remembered, and a
// reminder is refused. The router answers /remind without it
// (remindUnavailable) and /preorder plans without remind:yes.
type withoutReminders struct{}

var errNoReminders = errors.New("this ledger keeps no reminders")

func (withoutReminders) Remind(context.Context, ledger.Author, string, []ledger.Reminder) ([]ledger.Reminder, error) {
	return nil, errNoReminders
}
func (withoutReminders) SaveZone(context.Context, string, string) error { return nil }
func (withoutReminders) Reminders(context.Context, string) ([]ledger.Reminder, error) {
	return nil, nil
}
func (withoutReminders) ReminderSettings(context.Context, string) (ledger.ReminderSettings, error) {
	return ledger.ReminderSettings{Automatic: true}, nil
}
func (withoutReminders) CancelReminder(context.Context, string, int) (ledger.Reminder, error) {
	return ledger.Reminder{}, errNoReminders
}
func (withoutReminders) SetAutomatic(context.Context, string, bool) error { return errNoReminders }

// noDM is the answer where reminders could not reach the author: this
// installation has no way to send a direct message on their platform.
// Nothing is set that would never arrive.
func noDM(p bot.Platform, lang string) error {
	setting := tr(lang, "the bot token of this platform", "le jeton du bot pour cette plateforme")
	switch p {
	case bot.Slack:
		setting = "AUTHORBOT_SLACK_BOT_TOKEN"
	case bot.Discord:
		setting = "AUTHORBOT_DISCORD_TOKEN"
	}
	name := string(p)
	if name != "" {
		name = strings.ToUpper(name[:1]) + name[1:]
	}
	return bot.Errorf(bot.Conflict, "%s", tr(lang,
		fmt.Sprintf("Reminders are sent as direct messages, and this installation of the bot can't send direct messages on %s, so I haven't set any: it would never reach you. The bot's operator can make it possible by setting %s.", name, setting),
		fmt.Sprintf("Les rappels sont envoyés en message privé, et cette installation du bot ne peut pas envoyer de messages privés sur %s : je n'en ai donc créé aucun, il ne vous parviendrait jamais. L'opérateur du bot peut le permettre en définissant %s.", name, setting)))
}

// noReminders is the answer where the ledger keeps no reminders.
func noReminders(lang string) error {
	return bot.Errorf(bot.Conflict, "%s", tr(lang,
		"Reminders need the bot's database, which this mode does not open. Use the console or the chat bot.",
		"Les rappels ont besoin de la base de données du bot, que ce mode n'ouvre pas. Utilisez la console ou le bot de discussion."))
}

func (r *Router) remindAdd(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	when, rest := splitWhen(req.Option("when"))
	lang := r.lang(req, req.Option("text"))
	if !r.canDM(req.User.Platform) {
		return nil, noDM(req.User.Platform, lang)
	}
	// A zone has no spaces: words after it are the text, as after when.
	zone, more, _ := strings.Cut(req.Option("tz"), " ")
	var parts []string
	for _, p := range []string{rest, more, req.Options["text"]} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	text, err := cleanText(strings.Join(parts, " "), tr(lang, "reminder", "rappel"), maxReminderText, lang)
	if err != nil {
		return nil, err
	}
	if text == "" {
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"What should I remind you of? For example: /remind add when:3d text:Check the proof copy",
			"De quoi dois-je vous rappeler ? Par exemple : /remind add when:3d text:Vérifier l'épreuve"))
	}
	z, err := r.zoneFor(ctx, req.User.Key(), zone, lang)
	if err != nil {
		return nil, err
	}
	loc := z.loc
	now := r.now()
	due, ok := parseWhen(when, now, loc)
	if !ok {
		ex := now.In(loc).AddDate(0, 0, 7).Format(dateLayout)
		return nil, bot.Errorf(bot.Invalid, tr(lang,
			"I can't read when: %s. Use a date (%s, sent at %02d:00), a date and time (%s 14:30) or a delay (90m, 2h, 3d, 1w).",
			"Je ne comprends pas when : %s. Indiquez une date (%s, envoyé à %02d:00), une date et une heure (%s 14:30) ou un délai (90m, 2h, 3d, 1w)."),
			safeQuote(when), ex, reminderHour, ex)
	}
	if err := checkDue(due, now, lang); err != nil {
		return nil, err
	}
	set, err := r.reminders.Remind(ctx, r.author(req, lang), z.save(), []ledger.Reminder{{
		Kind: ledger.ReminderNote, Due: due, Zone: z.name(), Text: text,
	}})
	if err != nil {
		return nil, reminderErr("remind add", err, lang)
	}
	rem := set[0]
	reply := &bot.Reply{Ephemeral: true, Lang: lang}
	reply.Blocks = append(reply.Blocks,
		&bot.Text{Text: fmt.Sprintf(tr(lang, "Reminder #%d set for %s.", "Rappel n°%d prévu pour le %s."),
			rem.Number, fmtWhen(due.In(loc), lang))},
		&bot.Text{Text: deliveryNote(req.User.Platform, false, lang), Note: true})
	return reply, nil
}

// checkDue rejects a reminder time in the past or more than two years away.
func checkDue(due, now time.Time, lang string) error {
	if !due.After(now) {
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			"That time has already passed. Give a time in the future, or a delay such as 2h or 3d.",
			"Ce moment est déjà passé. Indiquez un moment à venir, ou un délai comme 2h ou 3d."))
	}
	if due.After(now.AddDate(2, 0, 0)) {
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			"Reminders can be set up to two years ahead.",
			"Les rappels peuvent être fixés jusqu'à deux ans à l'avance."))
	}
	return nil
}

// reminderErr turns an error from adding reminders into one for the
// author: the cap on open reminders, which the store checks in the same
// transaction as the addition, or an internal fault.
func reminderErr(what string, err error, lang string) error {
	var full ledger.TooManyReminders
	if errors.As(err, &full) {
		return bot.Errorf(bot.Conflict, tr(lang,
			"You have %d reminders to come, the most I keep is %d. Cancel some with /remind cancel first.",
			"Vous avez %d rappels à venir ; j'en garde %d au plus. Annulez-en d'abord avec /remind cancel."),
			full.Open, full.Max)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// deliveryNote says how reminders will reach the author; several when
// plural.
func deliveryNote(p bot.Platform, plural bool, lang string) string {
	switch {
	case p == bot.Console && plural:
		return tr(lang,
			"They will appear here in the console; any due while the console is closed appear the next time you open it. /remind list shows your reminders.",
			"Ils s'afficheront ici dans la console ; ceux qui arrivent console fermée s'afficheront à sa prochaine ouverture. /remind list affiche vos rappels.")
	case p == bot.Console:
		return tr(lang,
			"It will appear here in the console; if the console is closed then, it appears the next time you open it. /remind list shows your reminders.",
			"Il s'affichera ici dans la console ; si elle est fermée à ce moment-là, il s'affichera à sa prochaine ouverture. /remind list affiche vos rappels.")
	case plural:
		return tr(lang,
			"I'll send each one to you as a direct message; any due while I'm offline, as soon as I'm back. /remind list shows your reminders.",
			"Je vous les enverrai en message privé ; ceux qui tombent pendant que je suis hors ligne, dès mon retour. /remind list affiche vos rappels.")
	}
	return tr(lang,
		"I'll send it to you as a direct message; if I'm offline then, as soon as I'm back. /remind list shows your reminders.",
		"Je vous l'enverrai en message privé ; si je suis hors ligne à ce moment-là, dès mon retour. /remind list affiche vos rappels.")
}

func (r *Router) remindList(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	user := req.User.Key()
	list, err := r.reminders.Reminders(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("remind list: %w", err)
	}
	settings, err := r.reminders.ReminderSettings(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("remind list: %w", err)
	}
	reply := &bot.Reply{Title: tr(lang, "Your reminders", "Vos rappels"), Ephemeral: true, Lang: lang}
	var items []string
	delivered := 0
	for _, rem := range list {
		switch rem.Status {
		case ledger.ReminderDelivered:
			delivered++
			continue
		case ledger.ReminderPending, ledger.ReminderSending, ledger.ReminderFailed:
		default:
			continue
		}
		item := fmt.Sprintf("#%d · %s · %s", rem.Number, fmtWhen(inZone(rem.Due, rem.Zone), lang), safeText(clipText(rem.Text, 120)))
		switch {
		case rem.Status == ledger.ReminderFailed:
			item += tr(lang, " (could not be delivered)", " (n'a pas pu être envoyé)")
		case ledger.Automatic(rem.Kind):
			item += tr(lang, " (automatic)", " (automatique)")
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: tr(lang,
			"You have no reminders to come. Set one with /remind add when:3d text:Check the proof copy",
			"Vous n'avez aucun rappel à venir. Créez-en un avec /remind add when:3d text:Vérifier l'épreuve")})
	} else {
		reply.Blocks = append(reply.Blocks, &bot.List{Items: items})
	}
	var notes []string
	if delivered > 0 {
		notes = append(notes, fmt.Sprintf(tr(lang, "%d already delivered.", "%d déjà envoyé(s)."), delivered))
	}
	if settings.Automatic {
		notes = append(notes, tr(lang,
			"Automatic reminders about your orders are on (/remind auto off to stop them).",
			"Les rappels automatiques sur vos commandes sont activés (/remind auto off pour les arrêter)."))
	} else {
		notes = append(notes, tr(lang,
			"Automatic reminders about your orders are off (/remind auto on to restart them).",
			"Les rappels automatiques sur vos commandes sont désactivés (/remind auto on pour les réactiver)."))
	}
	notes = append(notes, tr(lang, "Cancel one with /remind cancel <number>.", "Pour en annuler un : /remind cancel <numéro>."))
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: strings.Join(notes, " "), Note: true})
	return reply, nil
}

func (r *Router) remindCancel(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	n, err := strconv.Atoi(req.Option("number"))
	if err != nil || n < 1 {
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"Give the reminder's number from /remind list, e.g. /remind cancel 3.",
			"Indiquez le numéro du rappel (voir /remind list), par ex. /remind cancel 3."))
	}
	rem, err := r.reminders.CancelReminder(ctx, req.User.Key(), n)
	switch {
	case errors.Is(err, ledger.ErrNotFound):
		return nil, bot.Errorf(bot.NotFound, tr(lang,
			"You have no reminder #%d. /remind list shows yours.",
			"Vous n'avez pas de rappel n°%d. /remind list affiche les vôtres."), n)
	case errors.Is(err, ledger.ErrNotPending):
		return nil, bot.Errorf(bot.Conflict, tr(lang,
			"Reminder #%d can no longer be cancelled: it is %s.",
			"Le rappel n°%d ne peut plus être annulé : il est %s."), n, reminderStates.in(rem.Status, lang))
	case err != nil:
		return nil, fmt.Errorf("remind cancel: %w", err)
	}
	return &bot.Reply{Ephemeral: true, Lang: lang, Blocks: []bot.Block{&bot.Text{Text: fmt.Sprintf(tr(lang,
		"Reminder #%d (%s) is cancelled.", "Le rappel n°%d (%s) est annulé."), n, safeText(clipText(rem.Text, 60)))}}}, nil
}

// reminderStates says why a reminder can no longer be cancelled.
var reminderStates = wording{
	ledger.ReminderDelivered: {"already delivered", "déjà envoyé"},
	ledger.ReminderCancelled: {"already cancelled", "déjà annulé"},
	ledger.ReminderSending:   {"being delivered right now", "en cours d'envoi"},
	ledger.ReminderSkipped:   {"skipped (automatic reminders were off)", "ignoré (rappels automatiques désactivés)"},
}

func (r *Router) remindAuto(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	on := req.Option("state") == "on"
	if on && !r.canDM(req.User.Platform) {
		return nil, noDM(req.User.Platform, lang)
	}
	if err := r.reminders.SetAutomatic(ctx, req.User.Key(), on); err != nil {
		return nil, fmt.Errorf("remind auto: %w", err)
	}
	text := tr(lang,
		"Automatic reminders are on: I'll tell you when an order's expected delivery date has passed without it being marked delivered, and when 5 days are left to report a damaged or lost order for a refund. Each comes once per order.",
		"Les rappels automatiques sont activés : je vous préviens quand la date de livraison prévue d'une commande est passée sans qu'elle soit marquée livrée, et quand il reste 5 jours pour signaler une commande abîmée ou perdue et être remboursé. Chacun une seule fois par commande.")
	if !on {
		text = tr(lang,
			"Automatic reminders about your orders are off. Reminders you set yourself still come. /remind auto on restarts them.",
			"Les rappels automatiques sur vos commandes sont désactivés. Ceux que vous créez vous-même restent actifs. /remind auto on pour les réactiver.")
	}
	return &bot.Reply{Ephemeral: true, Lang: lang, Blocks: []bot.Block{&bot.Text{Text: text}}}, nil
}
