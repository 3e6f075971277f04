package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// ReminderStore keeps authors' reminders and reminder settings; the
// scheduler in package remind delivers them. *store.DB satisfies it.
type ReminderStore interface {
	// AddReminder stores a pending reminder; a tagged one that exists is
	// rescheduled, or returned unchanged once delivered. One the author
	// sets past ledger.MaxOpenReminders gives a ledger.TooManyReminders.
	AddReminder(ctx context.Context, r ledger.Reminder) (ledger.Reminder, error)
	// AddReminders adds several of one user's reminders, all or none, as
	// AddReminder does.
	AddReminders(ctx context.Context, rs []ledger.Reminder) ([]ledger.Reminder, error)
	// Reminders lists all of a user's reminders by number.
	Reminders(ctx context.Context, user string) ([]ledger.Reminder, error)
	// CancelReminder fails with ledger.ErrNotFound for a number the user
	// does not have and ledger.ErrNotPending for one no longer pending.
	CancelReminder(ctx context.Context, user string, number int) (ledger.Reminder, error)
	// CancelReminderTag withdraws a pending tagged reminder, if any.
	CancelReminderTag(ctx context.Context, user, tag string) (bool, error)
	ReminderSettings(ctx context.Context, user string) (ledger.ReminderSettings, error)
	UpdateReminderSettings(ctx context.Context, user string, fn func(*ledger.ReminderSettings)) (ledger.ReminderSettings, error)
}

// Reminder limits, in the author's interest: a reminder two years out is
// a calendar's job, and a long list stops being read (the store keeps at
// most ledger.MaxOpenReminders to come).
const (
	maxReminderText = 300
	// reminderHour is the time of day a reminder set for a date alone goes out.
	reminderHour = 9
)

var (
	optWhen = bot.Option{
		Name: "when", Description: "A date (YYYY-MM-DD), date and time (YYYY-MM-DD HH:MM) or delay (90m, 2h, 3d, 1w)",
		Type: bot.String, Required: true, Placeholder: "date, date time or 3d",
		Localized: map[string]bot.Localized{"fr": {Name: "quand", Description: "Une date (AAAA-MM-JJ), une date et une heure (AAAA-MM-JJ HH:MM) ou un délai (90m, 2h, 3d, 1w)"}},
	}
	optZone = bot.Option{
		Name: "tz", Description: "Your time zone, e.g. Europe/Paris or America/New_York (default UTC)",
		Type: bot.String, Placeholder: "zone", MaxLength: 64,
		Localized: map[string]bot.Localized{"fr": {Name: "fuseau", Description: "Votre fuseau horaire, par ex. Europe/Paris (UTC par défaut)"}},
	}
)

func (r *Router) remindFamily() family {
	return family{
		cmd: &bot.Command{
			Name:        "remind",
			Description: "Reminders sent to you as a direct message: add, list, cancel, automatic ones on or off",
			Example:     "/remind add when:3d text:Check the proof copy",
			Localized:   map[string]bot.Localized{"fr": {Name: "rappel", Description: "Des rappels envoyés en message privé : ajouter, lister, annuler, automatiques ou non"}},
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
						Localized: map[string]bot.Localized{"fr": {Name: "texte", Description: "Le rappel (300 caractères au plus)"}},
					}},
					Localized: map[string]bot.Localized{"fr": {Name: "ajouter", Description: "Créer un rappel"}},
				},
				{
					Name: "list", Description: "Your reminders still to come",
					Example:   "/remind list",
					Localized: map[string]bot.Localized{"fr": {Name: "liste", Description: "Vos rappels à venir"}},
				},
				{
					Name: "cancel", Description: "Cancel one of your reminders",
					Example: "/remind cancel 3",
					Options: []bot.Option{{
						Name: "number", Description: "The reminder's number, from /remind list",
						Type: bot.Integer, Required: true, Min: 1,
						Localized: map[string]bot.Localized{"fr": {Name: "numero", Description: "Le numéro du rappel (voir /remind list)"}},
					}},
					Localized: map[string]bot.Localized{"fr": {Name: "annuler", Description: "Annuler un de vos rappels"}},
				},
				{
					Name: "auto", Description: "Switch the automatic reminders about your orders on or off",
					Example: "/remind auto off",
					Options: []bot.Option{{
						Name: "state", Description: "on or off", Required: true,
						Choices: []bot.Choice{
							{Name: "on", Value: "on", Localized: map[string]string{"fr": "activés"}},
							{Name: "off", Value: "off", Localized: map[string]string{"fr": "désactivés"}},
						},
						Localized: map[string]bot.Localized{"fr": {Name: "etat", Description: "on ou off"}},
					}},
					Localized: map[string]bot.Localized{"fr": {Name: "auto", Description: "Activer ou non les rappels automatiques sur vos commandes"}},
				},
			},
		},
		handlers: map[string]bot.HandlerFunc{
			"add":    r.remindAdd,
			"list":   r.remindList,
			"cancel": r.remindCancel,
			"auto":   r.remindAuto,
		},
	}
}

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

// noReminders is the answer where the bot runs without a database.
func noReminders(lang string) error {
	return bot.Errorf(bot.Conflict, "%s", tr(lang,
		"Reminders need the bot's database, which this mode does not open. Use the console or the chat bot.",
		"Les rappels ont besoin de la base de données du bot, que ce mode n'ouvre pas. Utilisez la console ou le bot de discussion."))
}

func (r *Router) remindAdd(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	when, rest := splitWhen(req.Option("when"))
	lang := r.lang(req, req.Option("text"))
	if r.Reminders == nil {
		return nil, noReminders(lang)
	}
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
	user := req.User.Key()
	loc, zone, err := r.zoneFor(ctx, user, zone, lang)
	if err != nil {
		return nil, err
	}
	now := r.Now()
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
	rem, err := r.Reminders.AddReminder(ctx, reminderFor(req.User, ledger.Reminder{
		Kind: ledger.ReminderNote, Due: due, Zone: zone, Lang: lang, Text: text,
	}))
	if err != nil {
		return nil, reminderErr("remind add", err, lang)
	}
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

// reminderFor fills in who a reminder belongs to and where it goes.
func reminderFor(u bot.User, rem ledger.Reminder) ledger.Reminder {
	rem.User, rem.Platform, rem.Workspace, rem.UserID = u.Key(), string(u.Platform), u.Workspace, u.ID
	return rem
}

func (r *Router) remindList(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	if r.Reminders == nil {
		return nil, noReminders(lang)
	}
	user := req.User.Key()
	list, err := r.Reminders.Reminders(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("remind list: %w", err)
	}
	settings, err := r.Reminders.ReminderSettings(ctx, user)
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
	if r.Reminders == nil {
		return nil, noReminders(lang)
	}
	n, err := strconv.Atoi(req.Option("number"))
	if err != nil || n < 1 {
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"Give the reminder's number from /remind list, e.g. /remind cancel 3.",
			"Indiquez le numéro du rappel (voir /remind list), par ex. /remind cancel 3."))
	}
	rem, err := r.Reminders.CancelReminder(ctx, req.User.Key(), n)
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
	if r.Reminders == nil {
		return nil, noReminders(lang)
	}
	on := req.Option("state") == "on"
	if on && !r.canDM(req.User.Platform) {
		return nil, noDM(req.User.Platform, lang)
	}
	if _, err := r.Reminders.UpdateReminderSettings(ctx, req.User.Key(), func(s *ledger.ReminderSettings) {
		s.Automatic = on
	}); err != nil {
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

// ReminderMessage renders a reminder as the direct message its author
// receives; the scheduler in package remind sends it.
func (r *Router) ReminderMessage(rem ledger.Reminder) *bot.Reply {
	lang := rem.Lang
	reply := &bot.Reply{Title: tr(lang, "⏰ Reminder", "⏰ Rappel"), Lang: lang}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: safeText(rem.Text)})
	var note string
	switch {
	case ledger.Automatic(rem.Kind):
		note = fmt.Sprintf(tr(lang,
			"Automatic reminder about order #%d. To stop these: /remind auto off",
			"Rappel automatique sur la commande n°%d. Pour ne plus les recevoir : /remind auto off"), rem.Order)
	case rem.Kind == ledger.ReminderPreorder:
		note = fmt.Sprintf(tr(lang,
			"Reminder #%d, a step of your pre-order plan. /remind list shows the others.",
			"Rappel n°%d, une étape de votre plan de précommande. /remind list affiche les autres."), rem.Number)
	default:
		note = fmt.Sprintf(tr(lang, "Reminder #%d, which you set.", "Rappel n°%d, que vous avez créé."), rem.Number)
	}
	if r.Now().Sub(rem.Due) > 15*time.Minute {
		note += " " + fmt.Sprintf(tr(lang,
			"It was due on %s; I was offline then.",
			"Il était prévu le %s ; j'étais hors ligne à ce moment-là."), fmtWhen(inZone(rem.Due, rem.Zone), lang))
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: note, Note: true})
	return reply
}

// zoneFor resolves the time zone for a request: the one typed (which is
// then remembered), else the author's saved one, else UTC.
func (r *Router) zoneFor(ctx context.Context, user, typed, lang string) (*time.Location, string, error) {
	if typed != "" {
		loc, err := loadZone(typed)
		if err != nil {
			return nil, "", bot.Errorf(bot.Invalid, tr(lang,
				"I don't know the time zone %s. Type its IANA name, such as Europe/Paris, America/New_York, Asia/Tokyo or UTC.",
				"Je ne connais pas le fuseau horaire %s. Tapez son nom IANA, par ex. Europe/Paris, America/Montreal, Asia/Tokyo ou UTC."),
				safeQuote(typed))
		}
		if r.Reminders != nil {
			if _, err := r.Reminders.UpdateReminderSettings(ctx, user, func(s *ledger.ReminderSettings) {
				s.Zone = loc.String()
			}); err != nil {
				return nil, "", fmt.Errorf("save time zone: %w", err)
			}
		}
		return loc, loc.String(), nil
	}
	if r.Reminders != nil {
		s, err := r.Reminders.ReminderSettings(ctx, user)
		if err != nil {
			return nil, "", fmt.Errorf("time zone: %w", err)
		}
		if loc, err := loadZone(s.Zone); s.Zone != "" && err == nil {
			return loc, loc.String(), nil
		}
	}
	return time.UTC, "UTC", nil
}

// loadZone loads an IANA time zone, forgiving its capitalisation
// (europe/paris, america/new_york). "Local" is refused: it would be the
// server's zone, not the author's.
func loadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.EqualFold(name, "local") || len(name) > 64 {
		return nil, fmt.Errorf("no such zone %q", name)
	}
	if strings.EqualFold(name, "utc") || strings.EqualFold(name, "gmt") || strings.EqualFold(name, "z") {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(name)
	if err == nil {
		return loc, nil
	}
	if loc, err2 := time.LoadLocation(titleZone(name)); err2 == nil {
		return loc, nil
	}
	return nil, err
}

// titleZone capitalises each word of a zone name: america/new_york
// becomes America/New_York.
func titleZone(name string) string {
	b := []rune(strings.ToLower(name))
	up := true
	for i, c := range b {
		if up {
			b[i] = unicode.ToUpper(c)
		}
		up = c == '/' || c == '_' || c == '-'
	}
	return string(b)
}

// inZone shows t in the named zone, or in UTC if the zone is unknown here.
func inZone(t time.Time, zone string) time.Time {
	if loc, err := loadZone(zone); err == nil {
		return t.In(loc)
	}
	return t.UTC()
}

// splitWhen separates the time at the start of a when value from words
// that follow it (the grammar gives when the bare words after it):
// "2026-12-16 09:00 Publish" is "2026-12-16 09:00" and "Publish".
func splitWhen(s string) (when, rest string) {
	f := strings.Fields(s)
	switch {
	case len(f) == 0:
		return "", ""
	case len(f) >= 2 && isDate(f[0]) && isClock(f[1]):
		return f[0] + " " + f[1], strings.Join(f[2:], " ")
	}
	return f[0], strings.Join(f[1:], " ")
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func isClock(s string) bool {
	_, _, ok := parseClock(s)
	return ok
}

// parseClock reads H:MM or HH:MM (also 9h30, as French authors write it).
func parseClock(s string) (h, m int, ok bool) {
	hs, ms, found := strings.Cut(strings.ToLower(s), ":")
	if !found {
		hs, ms, found = strings.Cut(strings.ToLower(s), "h")
	}
	if !found || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || ms[0] == '+' || ms[0] == '-' || hs[0] == '+' || hs[0] == '-' {
		return 0, 0, false
	}
	return h, m, true
}

// parseWhen reads a reminder time: YYYY-MM-DD (at reminderHour),
// YYYY-MM-DD HH:MM (or with a T), both in loc, or a delay from now such as
// 90m, 2h, 3d, 1w or 1d12h. Days and weeks are calendar days in loc, so
// "1d" keeps the time of day across a daylight-saving change; minutes and
// hours are elapsed time.
func parseWhen(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return time.Time{}, false
	}
	day, clock, hasClock := strings.Cut(strings.Replace(s, "T", " ", 1), " ")
	if d, err := time.Parse("2006-01-02", day); err == nil {
		h, m := reminderHour, 0
		if hasClock {
			var ok bool
			if h, m, ok = parseClock(strings.TrimSpace(clock)); !ok {
				return time.Time{}, false
			}
		}
		return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc), true
	}
	return parseDelay(s, now, loc)
}

// parseDelay reads one or more number-unit pairs: m or min, h, d (or j),
// w. Totals beyond a few years are capped, so a huge number is "too far"
// rather than an overflow.
func parseDelay(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	const capDays = 5 * 366
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	days, elapsed := 0, time.Duration(0)
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i > 7 {
			return time.Time{}, false
		}
		n, _ := strconv.Atoi(s[:i])
		s = s[i:]
		j := 0
		for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		unit := s[:j]
		s = s[j:]
		switch unit {
		case "m", "min", "mn":
			elapsed += time.Duration(min(n, capDays*24*60)) * time.Minute
		case "h":
			elapsed += time.Duration(min(n, capDays*24)) * time.Hour
		case "d", "j":
			days += min(n, capDays)
		case "w":
			days += min(n, capDays/7+1) * 7
		default:
			return time.Time{}, false
		}
		days = min(days, capDays)
		elapsed = min(elapsed, capDays*24*time.Hour)
	}
	if days == 0 && elapsed == 0 {
		return time.Time{}, false
	}
	return now.In(loc).AddDate(0, 0, days).Add(elapsed), true
}

// clipText shortens s to n characters for a list or an echo.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

var (
	frDays   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
)

// fmtDay writes a calendar day: "Wednesday 16 December 2026", "mercredi
// 16 décembre 2026".
func fmtDay(t time.Time, lang string) string {
	if lang == "fr" {
		return fmt.Sprintf("%s %d %s %d", frDays[t.Weekday()], t.Day(), frMonths[t.Month()-1], t.Year())
	}
	return t.Format("Monday 2 January 2006")
}

// fmtWhen writes an instant in its own zone: "Wednesday 16 December 2026,
// 09:00 CET", "mercredi 16 décembre 2026 à 09:00 CET".
func fmtWhen(t time.Time, lang string) string {
	return fmtDay(t, lang) + tr(lang, ", ", " à ") + t.Format("15:04 MST")
}

// Automatic reminders about orders. The order commands call these after
// each change they commit; a failure is logged, never returned, because
// the order change has happened and the author's reply must say so.

// lateTag and refundTag name an order's automatic reminders.
func lateTag(number int) string   { return fmt.Sprintf("order:%d:late", number) }
func refundTag(number int) string { return fmt.Sprintf("order:%d:refund", number) }

// syncOrderReminders keeps order o's reminder about a late delivery in
// step with it: due the morning after the expected date while the order
// is on its way, withdrawn once it is delivered or cancelled. It returns
// a line telling the author about a reminder it set, or "".
func (r *Router) syncOrderReminders(ctx context.Context, u bot.User, o ledger.Order, lang string) string {
	if r.Reminders == nil {
		return ""
	}
	if o.Status == ledger.StatusCancelled {
		r.withdrawReminder(ctx, u.Key(), refundTag(o.Number))
	}
	open := o.Status == ledger.StatusOrdered || o.Status == ledger.StatusShipped
	if !open || o.Expected.IsZero() {
		r.withdrawReminder(ctx, u.Key(), lateTag(o.Number))
		return ""
	}
	if !r.canDM(u.Platform) {
		return "" // it could not be delivered; say nothing of it
	}
	loc, zone, on, ok := r.autoSettings(ctx, u.Key())
	if !ok || !on {
		return ""
	}
	expected := time.Date(o.Expected.Year(), o.Expected.Month(), o.Expected.Day(), 0, 0, 0, 0, loc)
	due := atHour(expected.AddDate(0, 0, 1), reminderHour)
	if !due.After(r.Now()) {
		// Entered or moved after the date passed: /order show says it is
		// late; a reminder now would only repeat it.
		r.withdrawReminder(ctx, u.Key(), lateTag(o.Number))
		return ""
	}
	text := fmt.Sprintf(tr(lang,
		"Order #%d (%s on %s) was expected on %s and isn't marked delivered. Track it in Your Orders on %s (Track Package). When it arrives: /order delivered %d. If the carrier reports it lost: /order problem %d lost",
		"La commande #%d (%s sur %s) était attendue le %s et n'est pas marquée livrée. Suivez-la dans Vos commandes sur %s (« Suivre votre colis »). À son arrivée : /order delivered %d. Si le transporteur la déclare perdue : /order problem %d lost"),
		o.Number, quote(o.Title), o.Marketplace, fmtDay(expected, lang), o.Marketplace, o.Number, o.Number)
	if !r.addAutoReminder(ctx, u, ledger.Reminder{
		Kind: ledger.ReminderLate, Tag: lateTag(o.Number), Order: o.Number, Due: due, Zone: zone, Lang: lang, Text: text,
	}) {
		return ""
	}
	return fmt.Sprintf(tr(lang,
		"If it isn't marked delivered by then, I'll remind you on %s (/remind auto off to stop such reminders).",
		"Si elle n'est pas marquée livrée d'ici là, je vous le rappellerai le %s (/remind auto off pour ne plus recevoir ces rappels)."),
		fmtWhen(due, lang))
}

// refundReminder sets the reminder 5 days before the end of the 30-day
// window to report damaged or lost copies of order o, counted from the
// day they were delivered (or, for lost copies not marked delivered, the
// expected date once passed, as /order problem counts). It returns a line
// telling the author, or "".
func (r *Router) refundReminder(ctx context.Context, u bot.User, o ledger.Order, kind, lang string) string {
	if r.Reminders == nil || o.Status == ledger.StatusCancelled {
		return ""
	}
	from := o.Delivered
	if o.Status != ledger.StatusDelivered {
		from = time.Time{}
		if kind == problemLost && !o.Expected.IsZero() && r.today().After(o.Expected) {
			from = o.Expected
		}
	}
	if from.IsZero() || !r.canDM(u.Platform) {
		return ""
	}
	loc, zone, on, ok := r.autoSettings(ctx, u.Key())
	if !ok || !on {
		return ""
	}
	deadline := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, refundWindow)
	due := atHour(deadline.AddDate(0, 0, -5), reminderHour)
	if !due.After(r.Now()) {
		return ""
	}
	what := tr(lang, "damaged", "abîmés")
	if kind == problemLost {
		what = tr(lang, "lost", "perdus")
	}
	text := fmt.Sprintf(tr(lang,
		"5 days left: KDP refunds %s copies of order #%d (%s) only if you contact it by %s. If you haven't yet: %s",
		"Plus que 5 jours : KDP ne rembourse les exemplaires %s de la commande #%d (%s) que si vous le contactez d'ici le %s. Si ce n'est pas fait : %s"),
		what, o.Number, quote(o.Title), fmtDay(deadline, lang), contactURL)
	if !r.addAutoReminder(ctx, u, ledger.Reminder{
		Kind: ledger.ReminderRefund, Tag: refundTag(o.Number), Order: o.Number, Due: due, Zone: zone, Lang: lang, Text: text,
	}) {
		return ""
	}
	return fmt.Sprintf(tr(lang,
		"I'll remind you on %s, 5 days before the deadline (/remind auto off to stop such reminders).",
		"Je vous le rappellerai le %s, 5 jours avant la date limite (/remind auto off pour ne plus recevoir ces rappels)."),
		fmtWhen(due, lang))
}

// addAutoReminder stores an automatic order reminder and reports whether
// it is pending, so the author is told of it: false when storing failed
// (logged; the order itself is already saved) or when this order's
// reminder of that kind was already sent once.
func (r *Router) addAutoReminder(ctx context.Context, u bot.User, rem ledger.Reminder) bool {
	got, err := r.Reminders.AddReminder(ctx, reminderFor(u, rem))
	if err != nil {
		r.Log.Error("order reminder", "user", u.Key(), "order", rem.Order, "err", err)
		return false
	}
	return got.Status == ledger.ReminderPending
}

// dropOrderReminders withdraws the automatic reminders of an order that
// was removed from the ledger.
func (r *Router) dropOrderReminders(ctx context.Context, user string, number int) {
	if r.Reminders == nil {
		return
	}
	r.withdrawReminder(ctx, user, lateTag(number))
	r.withdrawReminder(ctx, user, refundTag(number))
}

func (r *Router) withdrawReminder(ctx context.Context, user, tag string) {
	if _, err := r.Reminders.CancelReminderTag(ctx, user, tag); err != nil {
		r.Log.Error("withdraw reminder", "user", user, "tag", tag, "err", err)
	}
}

// autoSettings reads whether the author wants automatic reminders, and
// their zone (UTC if they never gave one); ok is false on a store error,
// which is logged.
func (r *Router) autoSettings(ctx context.Context, user string) (loc *time.Location, zone string, on, ok bool) {
	s, err := r.Reminders.ReminderSettings(ctx, user)
	if err != nil {
		r.Log.Error("reminder settings", "user", user, "err", err)
		return nil, "", false, false
	}
	loc, err = loadZone(s.Zone)
	if err != nil {
		loc = time.UTC
	}
	return loc, loc.String(), s.Automatic, true
}
