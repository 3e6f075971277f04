package handlers

import (
	"fmt"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// statusNames names the order statuses.
var statusNames = wording{
	ledger.StatusOrdered:   {"ordered", "commandée"},
	ledger.StatusShipped:   {"shipped", "expédiée"},
	ledger.StatusDelivered: {"delivered", "livrée"},
	ledger.StatusCancelled: {"cancelled", "annulée"},
}

// copies says "10 author copies" or "1 proof copy".
func copies(o ledger.Order, lang string) string {
	n := thousands(o.Quantity, lang)
	switch {
	case o.Kind == ledger.KindProof && o.Quantity == 1:
		return tr(lang, "1 proof copy", "1 épreuve")
	case o.Kind == ledger.KindProof:
		return tr(lang, n+" proof copies", n+" épreuves")
	case o.Quantity == 1:
		return tr(lang, "1 author copy", "1 exemplaire d'auteur")
	}
	return tr(lang, n+" author copies", n+" exemplaires d'auteur")
}

// stateConflict explains why an order in its current state cannot be
// changed in the way asked. verbEN and verbFR complete "so it can no
// longer be …" ("cancelled", "annulée").
func stateConflict(o ledger.Order, verbEN, verbFR, lang string) error {
	n := o.Number
	var en, fr string
	switch o.Status {
	case ledger.StatusShipped:
		en = fmt.Sprintf("Order #%d has shipped (%s), so it can no longer be %s.", n, showDate(o.Shipped), verbEN)
		fr = fmt.Sprintf("La commande #%d a été expédiée (%s) : elle ne peut plus être %s.", n, showDate(o.Shipped), verbFR)
	case ledger.StatusDelivered:
		en = fmt.Sprintf("Order #%d was delivered on %s, so it can no longer be %s.", n, showDate(o.Delivered), verbEN)
		fr = fmt.Sprintf("La commande #%d a été livrée le %s : elle ne peut plus être %s.", n, showDate(o.Delivered), verbFR)
	case ledger.StatusCancelled:
		en = fmt.Sprintf("Order #%d was cancelled on %s, so it can no longer be %s.", n, showDate(o.Cancelled), verbEN)
		fr = fmt.Sprintf("La commande #%d a été annulée le %s : elle ne peut plus être %s.", n, showDate(o.Cancelled), verbFR)
	default:
		en = fmt.Sprintf("Order #%d can't be %s now.", n, verbEN)
		fr = fmt.Sprintf("La commande #%d ne peut pas être %s maintenant.", n, verbFR)
	}
	return bot.Errorf(bot.Conflict, "%s", tr(lang, en, fr))
}
