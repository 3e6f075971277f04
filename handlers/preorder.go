package handlers

import (
	"context"
	"fmt"
	"time"
	"unicode"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

func (r *Router) preorderFamily() family {
	return family{
		cmd: &bot.Command{
			Name:    "preorder",
			Example: "/preorder {today+60} plan:advantage tz:Europe/Paris",
			Options: []bot.Option{
				{
					Name: "release",
					Type: bot.String, Required: true, Placeholder: "YYYY-MM-DD",
					Localized: localized("parution", "erscheinungsdatum", "publicación", "uscita", "lançamento", "verschijningsdatum"),
				},
				{
					Name:       "plan",
					Positional: true,
					Choices: []bot.Choice{
						{Name: "kdp", Value: "kdp"},
						{Name: "advantage", Value: "advantage"},
					},
					Localized: localized("methode", "methode", "método", "metodo", "método", "methode"),
				},
				optZone,
				{
					Name: "remind",
					Choices: []bot.Choice{
						{Name: "yes", Value: "yes", Localized: choiceNames("oui", "ja", "sí", "sì", "sim", "ja", "はい")},
						{Name: "no", Value: "no", Localized: choiceNames("non", "nein", "no", "no", "não", "nee", "いいえ")},
					},
					Localized: localized("rappels", "erinnerungen", "recordatorios", "promemoria", "lembretes", "herinneringen"),
				},
			},
			Localized: localized("precommande", "vorbestellung", "preventa", "preordine", "pré-venda", "voorverkoop"),
		},
		handlers: map[string]bot.HandlerFunc{"": r.preorder},
	}
}

// planStep is one dated step of a pre-order plan.
type planStep struct {
	// text is the step as shown in the plan, with its dates.
	text string
	// remindAt, when not zero, is when a reminder for the step goes out,
	// with remindText as its message.
	remindAt   time.Time
	remindText string
}

// preorderPlan is the outcome of a pre-order computation.
type preorderPlan struct {
	title  string
	intro  []string
	steps  []planStep
	notes  []string // caveats, shown dimmed
	source string
}

func (r *Router) preorder(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	user := req.User.Key()
	z, err := r.zoneFor(ctx, user, req.Option("tz"), p)
	if err != nil {
		return nil, err
	}
	loc, zone := z.loc, z.name()
	now := r.now().In(loc)
	release, err := parseRelease(req.Option("release"), now, loc, p)
	if err != nil {
		return nil, err
	}
	var plan preorderPlan
	kind := req.Option("plan")
	if kind == "advantage" {
		plan, err = advantagePlan(release, now, p)
	} else {
		kind = "kdp"
		plan = kdpPlan(release, now, p)
	}
	if err != nil {
		return nil, err
	}
	reply := &bot.Reply{Title: plan.title, Ephemeral: true, Lang: lang, Source: plan.source}
	for _, t := range plan.intro {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: t})
	}
	var items []string
	for _, s := range plan.steps {
		items = append(items, s.text)
	}
	reply.Blocks = append(reply.Blocks, &bot.List{Items: items, Ordered: kind == "advantage"})
	zoneNote := p.T("preorder.times_are_in", "Zone", zone)
	if req.Option("tz") == "" && zone == "UTC" {
		zoneNote += p.T("preorder.add_tz_your_zone_e")
	}
	for _, n := range plan.notes {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: "⚠ " + n, Note: true})
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: zoneNote, Note: true})
	canDM := r.canDM(req.User.Platform)
	saved := false // the typed zone, with the reminders
	switch {
	case req.Option("remind") == "yes" && r.keepsReminders && !canDM:
		// The plan still helps; the reminders could never arrive.
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: bot.ErrorMessage(noDM(req.User.Platform, p))})
	case req.Option("remind") == "yes":
		var block []bot.Block
		block, saved, err = r.preorderReminders(ctx, req, z, kind, release, now, plan.steps, p)
		if err != nil {
			return nil, err
		}
		reply.Blocks = append(reply.Blocks, block...)
	case r.keepsReminders && canDM && hasReminders(plan.steps, now):
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("preorder.add_remind_yes_to_get"), Note: true})
	}
	if z.typed && !saved {
		if err := r.reminders.SaveZone(ctx, user, z.name()); err != nil {
			return nil, fmt.Errorf("save time zone: %w", err)
		}
	}
	return reply, nil
}

func hasReminders(steps []planStep, now time.Time) bool {
	for _, s := range steps {
		if s.remindAt.After(now) {
			return true
		}
	}
	return false
}

// preorderReminders sets a reminder for each step still to come, and
// remembers the zone z if it was typed, in one transaction. Each is
// tagged with the release, plan and step, so asking again reschedules
// rather than doubles them. It returns the blocks that say what was set,
// and whether it stored anything.
func (r *Router) preorderReminders(ctx context.Context, req *bot.Request, z zone, kind string, release time.Time,
	now time.Time, steps []planStep, p *i18n.Printer) ([]bot.Block, bool, error) {
	if !r.keepsReminders {
		return nil, false, noReminders(p)
	}
	var due []int
	for i, s := range steps {
		if s.remindAt.After(now) && !s.remindAt.After(now.AddDate(2, 0, 0)) {
			due = append(due, i)
		}
	}
	if len(due) == 0 {
		return []bot.Block{&bot.Text{Text: p.T("preorder.no_reminders_set_every_step"), Note: true}}, false, nil
	}
	var rems []ledger.Reminder
	for _, i := range due {
		s := steps[i]
		rems = append(rems, ledger.Reminder{
			Kind: ledger.ReminderPreorder, Due: s.remindAt, Zone: z.name(), Text: s.remindText,
			Tag: fmt.Sprintf("preorder:%s:%s:%d", release.Format("2006-01-02"), kind, i+1),
		})
	}
	// All steps or none: the cap on open reminders is checked with them.
	rems, err := r.reminders.Remind(ctx, r.author(req, p), z.save(), rems)
	if err != nil {
		return nil, false, reminderErr("preorder reminders", err, p)
	}
	var items []string
	for j, i := range due {
		items = append(items, fmt.Sprintf("#%d · %s · %s", rems[j].Number, fmtWhen(steps[i].remindAt, p), safeText(clipText(rems[j].Text, 80))))
	}
	return []bot.Block{
		&bot.Text{Text: p.T("preorder.reminders_set")},
		&bot.List{Items: items},
		&bot.Text{Text: deliveryNote(req.User.Platform, len(items) > 1, p), Note: true},
	}, true, nil
}

// parseRelease reads a release date as midnight starting that day in loc,
// and checks that it is a real date still to come and at most two years
// away.
func parseRelease(s string, now time.Time, loc *time.Location, p *i18n.Printer) (time.Time, error) {
	d, err := parseDate(s, "release", p, ledger.Day(now))
	if err != nil {
		return time.Time{}, err
	}
	release := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	switch {
	case release.Before(today):
		return time.Time{}, fail(p, bot.Invalid, "preorder.is_in_the_past_today", "Release", fmtDay(release, p), "Today", fmtDay(today, p))
	case release.Equal(today):
		return time.Time{}, fail(p, bot.Invalid, "preorder.is_today_it_is_too", "Release", fmtDay(release, p))
	case release.After(today.AddDate(2, 0, 0)):
		return time.Time{}, fail(p, bot.Invalid, "preorder.is_more_than_two_years", "Release", fmtDay(release, p))
	}
	return release, nil
}

// Hours before a release are elapsed hours before the midnight that
// starts release day; days are calendar days in the author's zone. Across
// a daylight-saving change the two differ by an hour, and both are what
// the rules say: "72 hours before" is 72 real hours.
func hoursBefore(release time.Time, h int) time.Time {
	return release.Add(-time.Duration(h) * time.Hour)
}

func atHour(day time.Time, h int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, day.Location())
}

// kdpPlan explains what KDP itself offers for a release on that day
// (facts 36 and 37): a scheduled print release 5 to 90 days ahead, an
// eBook pre-order up to a year ahead with the final file due 72 hours
// before release.
func kdpPlan(release, now time.Time, p *i18n.Printer) preorderPlan {
	today := atHour(now, 0)
	day := fmtDay(release, p)
	plan := preorderPlan{
		title:  p.T("preorder.release_on_kdp_s_options", "Day", day),
		source: p.T("preorder.source_kdp_help_release_date"),
	}
	plan.intro = append(plan.intro, p.T("preorder.kdp_offers_three_release_options"))

	// Print: a scheduled release, chosen 5 to 90 days before.
	open, last := release.AddDate(0, 0, -90), release.AddDate(0, 0, -5)
	s := planStep{}
	switch {
	case today.Before(open):
		s.text = p.T("preorder.print_not_yet", "Open", fmtDay(open, p), "Last", fmtDay(last, p), "Count", daysBetween(today, open))
		s.remindAt = atHour(open, reminderHour)
		s.remindText = p.T("preorder.from_today_you_can_schedule", "Day", day, "Last", fmtDay(last, p))
	case !today.After(last):
		s.text = p.T("preorder.paperback_hardcover_you_can_schedule", "Last", fmtDay(last, p))
	default:
		s.text = p.T("preorder.paperback_hardcover_too_late_to", "Last", fmtDay(last, p))
	}
	plan.steps = append(plan.steps, s)
	if today.Before(last) {
		plan.steps = append(plan.steps, planStep{
			text:       p.T("preorder.print_last_day", "Last", fmtDay(last, p)),
			remindAt:   atHour(last, reminderHour),
			remindText: p.T("preorder.print_last_day_reminder", "Day", day),
		})
	}

	// eBook: a pre-order up to a year ahead, final file 72 hours before.
	ebookOpen := release.AddDate(0, 0, -365)
	final := hoursBefore(release, 72)
	s = planStep{}
	switch {
	case now.After(final):
		s.text = p.T("preorder.ebook_too_late_for_a", "Final", fmtWhen(final, p))
	case today.Before(ebookOpen):
		s.text = p.T("preorder.ebook_the_pre_order_can", "EbookOpen", fmtDay(ebookOpen, p))
		s.remindAt = atHour(ebookOpen, reminderHour)
		s.remindText = p.T("preorder.from_today_you_can_set", "Day", day)
	default:
		s.text = p.T("preorder.ebook_you_can_set_up", "EbookOpen", fmtDay(ebookOpen, p))
	}
	plan.steps = append(plan.steps, s)
	if now.Before(final) {
		plan.steps = append(plan.steps, planStep{
			text:       p.T("preorder.ebook_upload_the_final_file", "Final", fmtWhen(final, p)),
			remindAt:   final.Add(-24 * time.Hour),
			remindText: p.T("preorder.hours_left_the_final_ebook", "Day", day, "Final", fmtWhen(final, p)),
		})
	}
	plan.notes = append(plan.notes, p.T("preorder.as_of_late_kdp_had"))
	return plan
}

// advantagePlan lays out the Amazon Advantage method (fact 38, from a
// 2018-2019 article) with the date and time of each step for a release at
// midnight starting the given day.
func advantagePlan(release, now time.Time, p *i18n.Printer) (preorderPlan, error) {
	day := fmtDay(release, p)
	publishFrom, publishTo := hoursBefore(release, 48), hoursBefore(release, 36)
	zeroFrom, zeroTo := hoursBefore(release, 3), hoursBefore(release, 1)
	if now.After(publishTo) {
		return preorderPlan{}, fail(p, bot.Conflict, "preorder.for_a_release_on_the", "Day", day, "PublishTo", fmtWhen(publishTo, p))
	}
	plan := preorderPlan{
		title:  p.T("preorder.print_pre_order_through_amazon", "Day", day),
		source: p.T("preorder.source_article_on_print_pre"),
	}
	plan.intro = append(plan.intro,
		p.T("preorder.this_method_only_works_if"),
		p.T("preorder.the_steps_with_their_dates"))
	today := atHour(now, 0)
	plan.steps = []planStep{
		{text: p.T("preorder.now_list_the_book_on", "Today", fmtDay(today, p), "Day", day)},
		{
			text:       p.T("preorder.every_day_until_confirm_each", "ZeroFrom", fmtWhen(zeroFrom, p), "Day", day),
			remindAt:   atHour(release.AddDate(0, 0, -7), reminderHour),
			remindText: p.T("preorder.one_week_to_the_release", "Day", day),
		},
		{
			text:       p.T("preorder.publish_on_kdp_to_hours", "FmtRange", fmtRange(publishFrom, publishTo, p), "Day", day),
			remindAt:   publishFrom,
			remindText: p.T("preorder.publish_the_book_on_kdp", "PublishTo", fmtWhen(publishTo, p), "Day", day),
		},
		{
			text:       p.T("preorder.to_hours_before_midnight_re", "UpperFirst", upperFirst(fmtRange(zeroFrom, zeroTo, p))),
			remindAt:   zeroFrom,
			remindText: p.T("preorder.now_by_re_confirm_your", "ZeroTo", fmtWhen(zeroTo, p)),
		},
		{text: p.T("preorder.right_after_before_open_a", "Release", fmtWhen(release, p))},
		{
			text:       p.T("preorder.from_to_the_orders_move", "AddDate", fmtDay(release.AddDate(0, 0, 2), p), "AddDate2", fmtDay(release.AddDate(0, 0, 7), p)),
			remindAt:   atHour(release.AddDate(0, 0, 7), reminderHour),
			remindText: p.T("preorder.the_pre_orders_for_should", "Day", day),
		},
		{
			text:       p.T("preorder.around_about_days_later_close", "AddDate", fmtDay(release.AddDate(0, 0, 30), p)),
			remindAt:   atHour(release.AddDate(0, 0, 30), reminderHour),
			remindText: p.T("preorder.about_days_since_release_close"),
		},
	}
	if publishFrom.Before(now.AddDate(0, 0, 3)) {
		plan.notes = append(plan.notes, p.T("preorder.time_is_short_a_new"))
	}
	plan.notes = append(plan.notes,
		p.T("preorder.this_method_comes_from_a"),
		p.T("preorder.alternative_ingramspark_or_lightning_source"))
	return plan, nil
}

// fmtRange writes a span of time: on one day "Wednesday 16 December 2026,
// 00:00–12:00 CET", else both ends in full, joined by a dash.
func fmtRange(from, to time.Time, p *i18n.Printer) string {
	if from.Year() == to.Year() && from.YearDay() == to.YearDay() {
		start := "15:04" // the zone is said once, unless it changes in between
		if from.Format("MST") != to.Format("MST") {
			start = "15:04 MST"
		}
		return p.T("date.range", "Day", fmtDay(from, p), "From", from.Format(start), "To", to.Format("15:04 MST"))
	}
	return fmtWhen(from, p) + " – " + fmtWhen(to, p)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
