package handlers

import (
	"context"
	"fmt"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

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
	deadline := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, ledger.RefundWindow)
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
