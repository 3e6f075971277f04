package handlers

import (
	"errors"
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

// ledgerErr turns an error of the ledger into one for the author: a
// missing order (number is the one the command named), a rule a change
// broke, a full ledger. An error already written for the author passes
// unchanged; anything else is an internal fault.
func ledgerErr(err error, number int, lang string) error {
	var (
		small     ledger.QuantityTooSmall
		large     ledger.QuantityTooLarge
		future    ledger.OrderedInFuture
		early     ledger.ExpectedBeforeOrdered
		status    ledger.WrongStatus
		shipped   ledger.AlreadyShipped
		delivered ledger.AlreadyDelivered
		before    ledger.DateBeforeOrdered
		beforeSh  ledger.DateBeforeShipped
		full      ledger.TooManyOrders
	)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ledger.ErrNotFound):
		return bot.Errorf(bot.NotFound, "%s", tr(lang,
			fmt.Sprintf("You have no order #%d. /order list shows your orders and their numbers.", number),
			fmt.Sprintf("Vous n'avez pas de commande #%d. /order list affiche vos commandes et leurs numéros.", number)))
	case errors.As(err, &small):
		return quantityTooSmall(small, lang)
	case errors.As(err, &large):
		return quantityTooLarge(large, lang)
	case errors.As(err, &future):
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("ordered is the day you placed the order, so it can't be in the future (%s; today is %s).", showDate(future.Ordered), showDate(future.Today)),
			fmt.Sprintf("ordered est le jour de la commande : il ne peut pas être dans le futur (%s ; nous sommes le %s).", showDate(future.Ordered), showDate(future.Today))))
	case errors.As(err, &early):
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("expected (%s) can't be before the order date (%s): use the Expected Delivery Date Amazon shows in Your Orders.", showDate(early.Expected), showDate(early.Ordered)),
			fmt.Sprintf("expected (%s) ne peut pas précéder la date de commande (%s) : indiquez la date de livraison prévue affichée dans Vos commandes.", showDate(early.Expected), showDate(early.Ordered))))
	case errors.As(err, &status):
		return wrongStatus(status, lang)
	case errors.As(err, &shipped):
		n, o := shipped.Order.Number, shipped.Order
		return bot.Errorf(bot.Conflict, "%s", tr(lang,
			fmt.Sprintf("Order #%d is already marked shipped (%s). To add its tracking number: /order shipped %d tracking:<number>", n, showDate(o.Shipped), n),
			fmt.Sprintf("La commande #%d est déjà marquée expédiée (%s). Pour ajouter le numéro de suivi : /order shipped %d tracking:<numéro>", n, showDate(o.Shipped), n)))
	case errors.As(err, &delivered):
		n, o := delivered.Order.Number, delivered.Order
		return bot.Errorf(bot.Conflict, "%s", tr(lang,
			fmt.Sprintf("Order #%d is already marked delivered on %s. To correct the date: /order delivered %d date:YYYY-MM-DD", n, showDate(o.Delivered), n),
			fmt.Sprintf("La commande #%d est déjà marquée livrée le %s. Pour corriger la date : /order delivered %d date:AAAA-MM-JJ", n, showDate(o.Delivered), n)))
	case errors.As(err, &before):
		n, o, d := before.Order.Number, before.Order, before.Date
		if before.Action == ledger.ActionShip {
			return bot.Errorf(bot.Invalid, "%s", tr(lang,
				fmt.Sprintf("Order #%d was ordered on %s, so it can't have shipped on %s. Check the date (YYYY-MM-DD).", n, showDate(o.Ordered), showDate(d)),
				fmt.Sprintf("La commande #%d a été passée le %s : elle ne peut pas avoir été expédiée le %s. Vérifiez la date (AAAA-MM-JJ).", n, showDate(o.Ordered), showDate(d))))
		}
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Order #%d was ordered on %s, so it can't have arrived on %s. Check the date (YYYY-MM-DD).", n, showDate(o.Ordered), showDate(d)),
			fmt.Sprintf("La commande #%d a été passée le %s : elle ne peut pas être arrivée le %s. Vérifiez la date (AAAA-MM-JJ).", n, showDate(o.Ordered), showDate(d))))
	case errors.As(err, &beforeSh):
		n, o, d := beforeSh.Order.Number, beforeSh.Order, beforeSh.Date
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Order #%d shipped on %s, so it can't have arrived on %s. Check the date (YYYY-MM-DD).", n, showDate(o.Shipped), showDate(d)),
			fmt.Sprintf("La commande #%d a été expédiée le %s : elle ne peut pas être arrivée le %s. Vérifiez la date (AAAA-MM-JJ).", n, showDate(o.Shipped), showDate(d))))
	case errors.As(err, &full):
		return bot.Errorf(bot.Conflict, "%s", tr(lang,
			fmt.Sprintf("Your ledger holds %s orders, the most I keep for one author, so I can't add this one. Keep a copy of it with /mydata export, then delete the orders you no longer need to follow with /order delete <number>.", thousands(full.Have, lang)),
			fmt.Sprintf("Votre suivi compte %s commandes, le maximum que je garde par auteur : je ne peux pas ajouter celle-ci. Gardez-en une copie avec /mydata export, puis supprimez les commandes que vous n'avez plus besoin de suivre avec /order delete <numéro>.", thousands(full.Have, lang))))
	case bot.ErrorCode(err) != bot.Internal:
		return err
	}
	return fmt.Errorf("orders: %w", err)
}

func quantityTooSmall(e ledger.QuantityTooSmall, lang string) error {
	if e.Kind == ledger.KindProof {
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Quantity must be 1 to %d proof copies; %d is not a number of copies to order.", e.Max, e.Got),
			fmt.Sprintf("La quantité doit aller de 1 à %d épreuves ; %d n'est pas un nombre d'exemplaires à commander.", e.Max, e.Got)))
	}
	return bot.Errorf(bot.Invalid, "%s", tr(lang,
		fmt.Sprintf("Quantity must be 1 to %d (KDP's limit per order); %d is not a number of copies to order.", e.Max, e.Got),
		fmt.Sprintf("La quantité doit aller de 1 à %d (la limite de KDP par commande) ; %d n'est pas un nombre d'exemplaires à commander.", e.Max, e.Got)))
}

func quantityTooLarge(e ledger.QuantityTooLarge, lang string) error {
	n := thousands(e.Got, lang)
	if e.Kind == ledger.KindProof {
		return bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Proof copies are limited to %d per order; for %s proofs place %d orders, or order author copies instead (kind:author).", e.Max, n, e.Orders()),
			fmt.Sprintf("Les épreuves sont limitées à %d par commande ; pour %s épreuves, passez %d commandes, ou commandez des exemplaires d'auteur (kind:author).", e.Max, n, e.Orders())))
	}
	return bot.Errorf(bot.Invalid, "%s", tr(lang,
		fmt.Sprintf("Quantity must be 1 to %d (KDP's limit per order); for %s copies place %d orders.", e.Max, n, e.Orders()),
		fmt.Sprintf("La quantité doit aller de 1 à %d (la limite de KDP par commande) ; pour %s exemplaires, passez %d commandes.", e.Max, n, e.Orders())))
}

// actionVerbs complete "so it can no longer be …" for each step of an
// order's life.
var actionVerbs = map[ledger.Action][2]string{
	ledger.ActionEdit:    {"changed", "modifiée"},
	ledger.ActionShip:    {"marked shipped", "marquée expédiée"},
	ledger.ActionDeliver: {"marked delivered", "marquée livrée"},
	ledger.ActionCancel:  {"cancelled", "annulée"},
}

// wrongStatus explains a step the order's status no longer allows; a
// shipped order that cannot be cancelled gets what to do instead.
func wrongStatus(e ledger.WrongStatus, lang string) error {
	verb := actionVerbs[e.Action]
	err := stateConflict(e.Order, verb[0], verb[1], lang)
	if e.Action == ledger.ActionCancel && e.Order.Status == ledger.StatusShipped {
		n := e.Order.Number
		err = bot.Errorf(bot.Conflict, "%s", err.Error()+tr(lang,
			" Amazon only cancels orders that have not entered shipping. If something is wrong once it arrives: /order problem "+fmt.Sprint(n),
			" Amazon n'annule que les commandes pas encore entrées en expédition. En cas de problème à l'arrivée : /order problem "+fmt.Sprint(n)))
	}
	return err
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
