package handlers

import (
	"context"
	"fmt"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// Automatic reminders about orders: package ledger decides when they are
// set, moved and withdrawn (ledger.Follow, ledger.Report); here they are
// worded. The order commands call these after each change they commit; a
// failure is logged, never returned, because the order change has
// happened and the author's reply must say so.

// syncOrderReminders applies the policy for order o's reminder about a
// late delivery after a change to it. It returns a line telling the
// author about a reminder it set, or "".
func (r *Router) syncOrderReminders(ctx context.Context, u bot.User, o ledger.Order, lang string) string {
	if r.Reminders == nil {
		return ""
	}
	reachable := r.canDM(u.Platform)
	var s ledger.ReminderSettings
	if ledger.FollowNeedsSettings(o, reachable) {
		var ok bool
		if s, ok = r.autoSettings(ctx, u.Key()); !ok {
			return ""
		}
	}
	return r.applyPlan(ctx, u, ledger.Follow(o, s, reachable, r.Now()), lang)
}

// refundReminder applies the policy after the author reported a problem
// with order o. It returns a line telling the author, or "".
func (r *Router) refundReminder(ctx context.Context, u bot.User, o ledger.Order, problem, lang string) string {
	if r.Reminders == nil {
		return ""
	}
	reachable := r.canDM(u.Platform)
	var s ledger.ReminderSettings
	if ledger.ReportNeedsSettings(o, problem, reachable, r.today()) {
		var ok bool
		if s, ok = r.autoSettings(ctx, u.Key()); !ok {
			return ""
		}
	}
	return r.applyPlan(ctx, u, ledger.Report(o, problem, s, reachable, r.Now()), lang)
}

// applyPlan withdraws and sets what the policy asks for.
func (r *Router) applyPlan(ctx context.Context, u bot.User, p ledger.Plan, lang string) string {
	for _, tag := range p.Withdraw {
		r.withdrawReminder(ctx, u.Key(), tag)
	}
	if p.Set == nil || !r.addAutoReminder(ctx, u, autoReminder(*p.Set, lang)) {
		return ""
	}
	return autoNote(*p.Set, lang)
}

// autoReminder is the reminder an automatic one becomes, worded in lang.
func autoReminder(a ledger.Auto, lang string) ledger.Reminder {
	return ledger.Reminder{Kind: a.Kind, Tag: a.Tag(), Order: a.Order.Number, Due: a.Due,
		Zone: a.Due.Location().String(), Lang: lang, Text: autoText(a, lang)}
}

// autoText is what an automatic reminder says when it arrives.
func autoText(a ledger.Auto, lang string) string {
	o := a.Order
	if a.Kind == ledger.ReminderLate {
		return fmt.Sprintf(tr(lang,
			"Order #%d (%s on %s) was expected on %s and isn't marked delivered. Track it in Your Orders on %s (Track Package). When it arrives: /order delivered %d. If the carrier reports it lost: /order problem %d lost",
			"La commande #%d (%s sur %s) était attendue le %s et n'est pas marquée livrée. Suivez-la dans Vos commandes sur %s (« Suivre votre colis »). À son arrivée : /order delivered %d. Si le transporteur la déclare perdue : /order problem %d lost"),
			o.Number, quote(o.Title), o.Marketplace, fmtDay(o.Expected, lang), o.Marketplace, o.Number, o.Number)
	}
	what := tr(lang, "damaged", "abîmés")
	if a.Problem == ledger.ProblemLost {
		what = tr(lang, "lost", "perdus")
	}
	return fmt.Sprintf(tr(lang,
		"5 days left: KDP refunds %s copies of order #%d (%s) only if you contact it by %s. If you haven't yet: %s",
		"Plus que 5 jours : KDP ne rembourse les exemplaires %s de la commande #%d (%s) que si vous le contactez d'ici le %s. Si ce n'est pas fait : %s"),
		what, o.Number, quote(o.Title), fmtDay(a.Deadline, lang), contactURL)
}

// autoNote tells the author, under the reply, of an automatic reminder set.
func autoNote(a ledger.Auto, lang string) string {
	if a.Kind == ledger.ReminderLate {
		return fmt.Sprintf(tr(lang,
			"If it isn't marked delivered by then, I'll remind you on %s (/remind auto off to stop such reminders).",
			"Si elle n'est pas marquée livrée d'ici là, je vous le rappellerai le %s (/remind auto off pour ne plus recevoir ces rappels)."),
			fmtWhen(a.Due, lang))
	}
	return fmt.Sprintf(tr(lang,
		"I'll remind you on %s, 5 days before the deadline (/remind auto off to stop such reminders).",
		"Je vous le rappellerai le %s, 5 jours avant la date limite (/remind auto off pour ne plus recevoir ces rappels)."),
		fmtWhen(a.Due, lang))
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
	for _, tag := range ledger.Forget(number).Withdraw {
		r.withdrawReminder(ctx, user, tag)
	}
}

func (r *Router) withdrawReminder(ctx context.Context, user, tag string) {
	if _, err := r.Reminders.CancelReminderTag(ctx, user, tag); err != nil {
		r.Log.Error("withdraw reminder", "user", user, "tag", tag, "err", err)
	}
}

// autoSettings reads the author's reminder settings; ok is false on a
// store error, which is logged.
func (r *Router) autoSettings(ctx context.Context, user string) (ledger.ReminderSettings, bool) {
	s, err := r.Reminders.ReminderSettings(ctx, user)
	if err != nil {
		r.Log.Error("reminder settings", "user", user, "err", err)
		return s, false
	}
	return s, true
}
