package handlers

import (
	"fmt"

	"github.com/authorbot/authorbot/ledger"
)

// Automatic reminders about orders: package ledger decides when they are
// set, moved and withdrawn (ledger.Follow, ledger.Report), and saves them
// with the order change that sets them; here they are worded.

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
