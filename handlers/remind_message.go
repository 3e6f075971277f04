package handlers

import (
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// ReminderMessage renders a reminder as the direct message its author
// receives; the scheduler in package remind sends it.
func (r *Router) ReminderMessage(rem ledger.Reminder) *bot.Reply {
	lang := rem.Lang
	p := r.printer(lang)
	reply := &bot.Reply{Title: p.T("remind.title"), Lang: lang}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: safeText(rem.Text)})
	var note string
	switch {
	case ledger.Automatic(rem.Kind):
		note = p.T("remind.automatic_reminder_about_order_to", "Order", rem.Order)
	case rem.Kind == ledger.ReminderPreorder:
		note = p.T("remind.reminder_a_step_of_your", "Number", rem.Number)
	default:
		note = p.T("remind.reminder_which_you_set", "Number", rem.Number)
	}
	if r.now().Sub(rem.Due) > 15*time.Minute {
		note += " " + p.T("remind.it_was_due_on_i", "InZone", fmtWhen(inZone(rem.Due, rem.Zone), p))
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: note, Note: true})
	return reply
}
