package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
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
		Name: "when",
		Type: bot.String, Required: true, Placeholder: "date, date time or 3d",
		Localized: localized("quand", "wann", "cuándo", "quando", "quando", "wanneer"),
	}
	optZone = bot.Option{
		Name: "tz",
		Type: bot.String, Placeholder: "zone", MaxLength: 64,
		Localized: localized("fuseau", "zeitzone", "zona-horaria", "fuso-orario", "fuso-horário", "tijdzone"),
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
			Name:      "remind",
			Example:   "/remind add when:3d text:Check the proof copy",
			Localized: localized("rappel", "erinnerung", "recordatorio", "promemoria", "lembrete", "herinnering"),
			Subs: []*bot.Command{
				{
					Name:    "add",
					Example: "/remind add when:{today+7} 09:00 tz:Europe/Paris text:Publish the paperback on KDP",
					// text is not Required so that bare words after the date
					// (a time, as in when:2026-12-16 09:00) continue when
					// instead of starting text; remindAdd splits them.
					Options: []bot.Option{optWhen, optZone, {
						Name: "text",
						Type: bot.String, Rest: true, MaxLength: maxReminderText,
						Localized: localized("texte", "text", "texto", "testo", "texto", "tekst"),
					}},
					Localized: localized("ajouter", "hinzufügen", "añadir", "aggiungi", "adicionar", "toevoegen"),
				},
				{
					Name:      "list",
					Example:   "/remind list",
					Localized: localized("liste", "liste", "lista", "elenco", "lista", "lijst"),
				},
				{
					Name:    "cancel",
					Example: "/remind cancel 3",
					Options: []bot.Option{{
						Name: "number",
						Type: bot.Integer, Required: true, Min: 1,
						Localized: localized("numero", "nummer", "número", "numero", "número", "nummer"),
					}},
					Localized: localized("annuler", "entfernen", "cancelar", "annulla", "cancelar", "annuleren"),
				},
				{
					Name:    "auto",
					Example: "/remind auto off",
					Options: []bot.Option{{
						Name: "state", Required: true,
						Choices: []bot.Choice{
							{Name: "on", Value: "on", Localized: choiceNames("activés", "an", "activados", "attivi", "ligados", "aan", "オン")},
							{Name: "off", Value: "off", Localized: choiceNames("désactivés", "aus", "desactivados", "disattivati", "desligados", "uit", "オフ")},
						},
						Localized: localized("etat", "status", "estado", "stato", "estado", "status"),
					}},
					Localized: localized("auto", "auto", "auto", "auto", "auto", "auto"),
				},
			},
		},
		handlers: handlers,
	}
}

// remindUnavailable answers /remind where the ledger keeps no reminders.
func (r *Router) remindUnavailable(_ context.Context, req *bot.Request) (*bot.Reply, error) {
	return nil, noReminders(r.printer(r.lang(req, req.Option("text"))))
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
func noDM(platform bot.Platform, p *i18n.Printer) error {
	setting := p.T("remind.the_bot_token_of_this")
	switch platform {
	case bot.Slack:
		setting = "AUTHORBOT_SLACK_BOT_TOKEN"
	case bot.Discord:
		setting = "AUTHORBOT_DISCORD_TOKEN"
	}
	name := string(platform)
	if name != "" {
		name = strings.ToUpper(name[:1]) + name[1:]
	}
	return fail(p, bot.Conflict, "remind.reminders_are_sent_as_direct", "Name", name, "Setting", setting)
}

// noReminders is the answer where the ledger keeps no reminders.
func noReminders(p *i18n.Printer) error {
	return fail(p, bot.Conflict, "remind.reminders_need_the_bot_s")
}

func (r *Router) remindAdd(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	when, rest := splitWhen(req.Option("when"))
	lang := r.lang(req, req.Option("text"))
	p := r.printer(lang)
	if !r.canDM(req.User.Platform) {
		return nil, noDM(req.User.Platform, p)
	}
	// A zone has no spaces: words after it are the text, as after when.
	zone, more, _ := strings.Cut(req.Option("tz"), " ")
	var parts []string
	for _, part := range []string{rest, more, req.Options["text"]} {
		if part = strings.TrimSpace(part); part != "" {
			parts = append(parts, part)
		}
	}
	text, err := cleanText(strings.Join(parts, " "), p.T("remind.reminder_field"), maxReminderText, p)
	if err != nil {
		return nil, err
	}
	if text == "" {
		return nil, fail(p, bot.Invalid, "remind.what_should_i_remind_you")
	}
	z, err := r.zoneFor(ctx, req.User.Key(), zone, p)
	if err != nil {
		return nil, err
	}
	loc := z.loc
	now := r.now()
	due, ok := parseWhen(when, now, loc)
	if !ok {
		ex := now.In(loc).AddDate(0, 0, 7).Format(dateLayout)
		return nil, fail(p, bot.Invalid, "remind.i_can_t_read_when", "When", safeQuote(when, p), "Ex", ex, "ReminderHour", fmt.Sprintf("%02d", reminderHour))
	}
	if err := checkDue(due, now, p); err != nil {
		return nil, err
	}
	set, err := r.reminders.Remind(ctx, r.author(req, p), z.save(), []ledger.Reminder{{
		Kind: ledger.ReminderNote, Due: due, Zone: z.name(), Text: text,
	}})
	if err != nil {
		return nil, reminderErr("remind add", err, p)
	}
	rem := set[0]
	reply := &bot.Reply{Ephemeral: true, Lang: lang}
	reply.Blocks = append(reply.Blocks,
		&bot.Text{Text: p.T("remind.reminder_set_for", "Number", rem.Number, "In", fmtWhen(due.In(loc), p))},
		&bot.Text{Text: deliveryNote(req.User.Platform, false, p), Note: true})
	return reply, nil
}

// checkDue rejects a reminder time in the past or more than two years away.
func checkDue(due, now time.Time, p *i18n.Printer) error {
	if !due.After(now) {
		return fail(p, bot.Invalid, "remind.that_time_has_already_passed")
	}
	if due.After(now.AddDate(2, 0, 0)) {
		return fail(p, bot.Invalid, "remind.reminders_can_be_set_up")
	}
	return nil
}

// reminderErr turns an error from adding reminders into one for the
// author: the cap on open reminders, which the store checks in the same
// transaction as the addition, or an internal fault.
func reminderErr(what string, err error, p *i18n.Printer) error {
	var full ledger.TooManyReminders
	if errors.As(err, &full) {
		return fail(p, bot.Conflict, "remind.you_have_reminders_to_come", "Open", full.Open, "Max", full.Max)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// deliveryNote says how reminders will reach the author; several when
// plural.
func deliveryNote(platform bot.Platform, plural bool, p *i18n.Printer) string {
	switch {
	case platform == bot.Console && plural:
		return p.T("remind.they_will_appear_here_in")
	case platform == bot.Console:
		return p.T("remind.it_will_appear_here_in")
	case plural:
		return p.T("remind.i_ll_send_each_one")
	}
	return p.T("remind.i_ll_send_it_to")
}

func (r *Router) remindList(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	user := req.User.Key()
	list, err := r.reminders.Reminders(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("remind list: %w", err)
	}
	settings, err := r.reminders.ReminderSettings(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("remind list: %w", err)
	}
	reply := &bot.Reply{Title: p.T("remind.your_reminders"), Ephemeral: true, Lang: lang}
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
		item := fmt.Sprintf("#%d · %s · %s", rem.Number, fmtWhen(inZone(rem.Due, rem.Zone), p), safeText(clipText(rem.Text, 120)))
		switch {
		case rem.Status == ledger.ReminderFailed:
			item += p.T("remind.could_not_be_delivered")
		case ledger.Automatic(rem.Kind):
			item += p.T("remind.automatic")
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("remind.you_have_no_reminders_to")})
	} else {
		reply.Blocks = append(reply.Blocks, &bot.List{Items: items})
	}
	var notes []string
	if delivered > 0 {
		notes = append(notes, p.T("remind.already_delivered", "Delivered", delivered))
	}
	if settings.Automatic {
		notes = append(notes, p.T("remind.auto_on_note"))
	} else {
		notes = append(notes, p.T("remind.auto_off_note"))
	}
	notes = append(notes, p.T("remind.cancel_one_with_remind_cancel"))
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: strings.Join(notes, " "), Note: true})
	return reply, nil
}

func (r *Router) remindCancel(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	n, err := strconv.Atoi(req.Option("number"))
	if err != nil || n < 1 {
		return nil, fail(p, bot.Invalid, "remind.give_the_reminder_s_number")
	}
	rem, err := r.reminders.CancelReminder(ctx, req.User.Key(), n)
	switch {
	case errors.Is(err, ledger.ErrNotFound):
		return nil, fail(p, bot.NotFound, "remind.you_have_no_reminder_remind", "Number", n)
	case errors.Is(err, ledger.ErrNotPending):
		return nil, fail(p, bot.Conflict, "remind.reminder_can_no_longer_be", "Number", n, "Status", reminderStates.in(rem.Status, p))
	case err != nil:
		return nil, fmt.Errorf("remind cancel: %w", err)
	}
	return &bot.Reply{Ephemeral: true, Lang: lang, Blocks: []bot.Block{&bot.Text{Text: p.T("remind.reminder_is_cancelled", "Number", n, "Text", safeText(clipText(rem.Text, 60)))}}}, nil
}

// reminderStates says why a reminder can no longer be cancelled.
var reminderStates = wording{
	ledger.ReminderDelivered: "remind.state.already_delivered",
	ledger.ReminderCancelled: "remind.state.already_cancelled",
	ledger.ReminderSending:   "remind.state.being_delivered",
	ledger.ReminderSkipped:   "remind.state.skipped_automatic",
}

func (r *Router) remindAuto(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	on := req.Option("state") == "on"
	if on && !r.canDM(req.User.Platform) {
		return nil, noDM(req.User.Platform, p)
	}
	if err := r.reminders.SetAutomatic(ctx, req.User.Key(), on); err != nil {
		return nil, fmt.Errorf("remind auto: %w", err)
	}
	text := p.T("remind.automatic_reminders_are_on_i")
	if !on {
		text = p.T("remind.auto_off")
	}
	return &bot.Reply{Ephemeral: true, Lang: lang, Blocks: []bot.Block{&bot.Text{Text: text}}}, nil
}
