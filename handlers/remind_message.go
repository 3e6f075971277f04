package handlers

import (
	"fmt"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

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
	if r.now().Sub(rem.Due) > 15*time.Minute {
		note += " " + fmt.Sprintf(tr(lang,
			"It was due on %s; I was offline then.",
			"Il était prévu le %s ; j'étais hors ligne à ce moment-là."), fmtWhen(inZone(rem.Due, rem.Zone), lang))
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: note, Note: true})
	return reply
}
