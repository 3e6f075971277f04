package handlers

import (
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// Automatic reminders about orders: package ledger decides when they are
// set, moved and withdrawn (ledger.Follow, ledger.Report), and saves them
// with the order change that sets them; here they are worded.

// autoText is what an automatic reminder says when it arrives.
func autoText(a ledger.Auto, p *i18n.Printer) string {
	o := a.Order
	if a.Kind == ledger.ReminderLate {
		return p.T("remind.order_on_was_expected_on", "Number", o.Number, "Title", quote(o.Title, p), "Marketplace", o.Marketplace, "Expected", fmtDay(o.Expected, p))
	}
	what := p.T("remind.damaged")
	if a.Problem == ledger.ProblemLost {
		what = p.T("remind.lost")
	}
	return p.T("remind.days_left_kdp_refunds_copies", "What", what, "Number", o.Number, "Title", quote(o.Title, p), "Deadline", fmtDay(a.Deadline, p), "ContactURL", contactURL)
}

// autoNote tells the author, under the reply, of an automatic reminder set.
func autoNote(a ledger.Auto, p *i18n.Printer) string {
	if a.Kind == ledger.ReminderLate {
		return p.T("remind.if_it_isn_t_marked", "Due", fmtWhen(a.Due, p))
	}
	return p.T("remind.i_ll_remind_you_on", "Due", fmtWhen(a.Due, p))
}
