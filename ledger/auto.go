package ledger

import (
	"fmt"
	"strings"
	"time"
)

// The automatic reminders about orders. The bot sets two by itself, each
// at most once per order, and only for an author it can reach by direct
// message who has not switched them off (ReminderSettings.Automatic):
//
//   - while an order is on its way with an expected date, one the morning
//     after that date, should it not be marked delivered by then; moved
//     with the date, withdrawn once the order is delivered or cancelled;
//   - when the author reports damaged or lost copies, one RefundNotice
//     days before KDP's refund window closes.
//
// None is set for a time already past: /order show says an order is late,
// and a reminder then would only repeat it.

// ReminderHour is the hour of the day, in the author's zone, at which
// automatic reminders, and reminders set for a date alone, go out.
const ReminderHour = 9

// RefundNotice is how many days before KDP's refund window closes its
// reminder goes out.
const RefundNotice = 5

// The problems an author can report with an order's copies.
const (
	ProblemDamaged   = "damaged"
	ProblemLost      = "lost"
	ProblemDefective = "defective"
	ProblemWrong     = "wrong"
)

// LateTag and RefundTag name an order's automatic reminders.
func LateTag(number int) string   { return fmt.Sprintf("order:%d:late", number) }
func RefundTag(number int) string { return fmt.Sprintf("order:%d:refund", number) }

// Auto is an automatic reminder the policy sets, before it is worded: the
// front end writes its text, in the author's language, from these facts.
type Auto struct {
	Kind  string // ReminderLate or ReminderRefund
	Order Order
	// Due is when it goes out, in the author's zone.
	Due time.Time
	// Deadline, for ReminderRefund, is the last day to contact KDP,
	// midnight starting it in the author's zone; Problem is what was
	// reported, ProblemDamaged or ProblemLost.
	Deadline time.Time
	Problem  string
}

// Tag is the tag that makes a unique reminder of a.
func (a Auto) Tag() string {
	if a.Kind == ReminderRefund {
		return RefundTag(a.Order.Number)
	}
	return LateTag(a.Order.Number)
}

// Plan is what the policy asks for after a command: the tags of pending
// reminders to withdraw, and at most one reminder to set or move.
type Plan struct {
	Withdraw []string
	Set      *Auto
}

// Location is the author's time zone: the one in their settings, UTC when
// they never gave one.
func (s ReminderSettings) Location() *time.Location {
	if s.Zone == "" || strings.EqualFold(s.Zone, "local") {
		return time.UTC
	}
	loc, err := time.LoadLocation(s.Zone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// FollowNeedsSettings reports whether Follow's plan for o depends on the
// author's settings, so that they are read only when they matter: only an
// order on its way with an expected date can get a reminder.
func FollowNeedsSettings(o Order, reachable bool) bool {
	return reachable && o.Open() && !o.Expected.IsZero()
}

// Follow is the policy after a change to order o: its reminder about a
// late delivery is set or moved while it is on its way with an expected
// date, and withdrawn once it is delivered or cancelled, with the refund
// reminder of a cancelled order. reachable is whether a direct message
// can reach the author; s are their settings, read when
// FollowNeedsSettings; now is the command's time.
func Follow(o Order, s ReminderSettings, reachable bool, now time.Time) Plan {
	var p Plan
	if o.Status == StatusCancelled {
		p.Withdraw = append(p.Withdraw, RefundTag(o.Number))
	}
	if !o.Open() || o.Expected.IsZero() {
		p.Withdraw = append(p.Withdraw, LateTag(o.Number))
		return p
	}
	if !reachable || !s.Automatic {
		return p // it could not be delivered, or is not wanted: say nothing of it
	}
	loc := s.Location()
	expected := time.Date(o.Expected.Year(), o.Expected.Month(), o.Expected.Day(), 0, 0, 0, 0, loc)
	due := atHour(expected.AddDate(0, 0, 1), ReminderHour)
	if !due.After(now) {
		p.Withdraw = append(p.Withdraw, LateTag(o.Number))
		return p
	}
	p.Set = &Auto{Kind: ReminderLate, Order: o, Due: due}
	return p
}

// refundFrom is the day KDP's refund window for a problem with o opened:
// the day it was delivered, or for lost copies not marked delivered the
// expected date once it has passed, the earliest the author could have
// been told; the zero time when there is none to count from.
func refundFrom(o Order, problem string, today time.Time) time.Time {
	switch {
	case o.Status == StatusCancelled:
		return time.Time{}
	case o.Status == StatusDelivered:
		return o.Delivered
	case problem == ProblemLost && !o.Expected.IsZero() && today.After(o.Expected):
		return o.Expected
	}
	return time.Time{}
}

// ReportNeedsSettings reports whether Report's plan depends on the
// author's settings.
func ReportNeedsSettings(o Order, problem string, reachable bool, today time.Time) bool {
	return reachable && (problem == ProblemDamaged || problem == ProblemLost) &&
		!refundFrom(o, problem, today).IsZero()
}

// Report is the policy after the author reported a problem with order o:
// for damaged or lost copies, a reminder RefundNotice days before KDP's
// refund window closes, counted as refundFrom says. The arguments are
// Follow's.
func Report(o Order, problem string, s ReminderSettings, reachable bool, now time.Time) Plan {
	if !ReportNeedsSettings(o, problem, reachable, Day(now)) || !s.Automatic {
		return Plan{}
	}
	from := refundFrom(o, problem, Day(now))
	loc := s.Location()
	deadline := RefundDeadline(time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc))
	due := atHour(deadline.AddDate(0, 0, -RefundNotice), ReminderHour)
	if !due.After(now) {
		return Plan{}
	}
	return Plan{Set: &Auto{Kind: ReminderRefund, Order: o, Due: due, Deadline: deadline, Problem: problem}}
}

// Forget is the policy after order number was deleted: its reminders go
// with it.
func Forget(number int) Plan {
	return Plan{Withdraw: []string{LateTag(number), RefundTag(number)}}
}

func atHour(day time.Time, h int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, day.Location())
}
