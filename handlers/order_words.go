package handlers

import (
	"errors"
	"fmt"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// statusNames names the order statuses.
var statusNames = wording{
	ledger.StatusOrdered:   "order.status.ordered",
	ledger.StatusShipped:   "order.status.shipped",
	ledger.StatusDelivered: "order.status.delivered",
	ledger.StatusCancelled: "order.status.cancelled",
}

// copies says "10 author copies" or "1 proof copy".
func copies(o ledger.Order, p *i18n.Printer) string {
	n := p.Num(o.Quantity)
	switch {
	case o.Kind == ledger.KindProof && o.Quantity == 1:
		return p.T("order.proof_copy")
	case o.Kind == ledger.KindProof:
		return p.T("order.proof_copies", "Number", n)
	case o.Quantity == 1:
		return p.T("order.author_copy")
	}
	return p.T("order.author_copies", "Number", n)
}

// ledgerErr turns an error of the ledger into one for the author: a
// missing order (number is the one the command named), a rule a change
// broke, a full ledger. An error already written for the author passes
// unchanged; anything else is an internal fault.
func ledgerErr(err error, number int, p *i18n.Printer) error {
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
		return fail(p, bot.NotFound, "order.you_have_no_order_order", "Number", number)
	case errors.As(err, &small):
		return quantityTooSmall(small, p)
	case errors.As(err, &large):
		return quantityTooLarge(large, p)
	case errors.As(err, &future):
		return fail(p, bot.Invalid, "order.ordered_is_the_day_you", "Ordered", showDate(future.Ordered), "Today", showDate(future.Today))
	case errors.As(err, &early):
		return fail(p, bot.Invalid, "order.expected_can_t_be_before", "Expected", showDate(early.Expected), "Ordered", showDate(early.Ordered))
	case errors.As(err, &status):
		return wrongStatus(status, p)
	case errors.As(err, &shipped):
		n, o := shipped.Order.Number, shipped.Order
		return fail(p, bot.Conflict, "order.order_is_already_marked_shipped", "Number", n, "Shipped", showDate(o.Shipped))
	case errors.As(err, &delivered):
		n, o := delivered.Order.Number, delivered.Order
		return fail(p, bot.Conflict, "order.order_is_already_marked_delivered", "Number", n, "Delivered", showDate(o.Delivered))
	case errors.As(err, &before):
		n, o, d := before.Order.Number, before.Order, before.Date
		if before.Action == ledger.ActionShip {
			return fail(p, bot.Invalid, "order.shipped_before_ordered", "Number", n, "Ordered", showDate(o.Ordered), "Date", showDate(d))
		}
		return fail(p, bot.Invalid, "order.delivered_before_ordered", "Number", n, "Ordered", showDate(o.Ordered), "Date", showDate(d))
	case errors.As(err, &beforeSh):
		n, o, d := beforeSh.Order.Number, beforeSh.Order, beforeSh.Date
		return fail(p, bot.Invalid, "order.delivered_before_shipped", "Number", n, "Shipped", showDate(o.Shipped), "Date", showDate(d))
	case errors.As(err, &full):
		return fail(p, bot.Conflict, "order.your_ledger_holds_orders_the", "Have", p.Num(full.Have))
	case bot.ErrorCode(err) != bot.Internal:
		return err
	}
	return fmt.Errorf("orders: %w", err)
}

func quantityTooSmall(e ledger.QuantityTooSmall, p *i18n.Printer) error {
	if e.Kind == ledger.KindProof {
		return fail(p, bot.Invalid, "order.quantity_must_be_to_proof", "Max", e.Max, "Got", e.Got)
	}
	return fail(p, bot.Invalid, "order.quantity_too_small", "Max", e.Max, "Got", e.Got)
}

func quantityTooLarge(e ledger.QuantityTooLarge, p *i18n.Printer) error {
	n := p.Num(e.Got)
	if e.Kind == ledger.KindProof {
		return fail(p, bot.Invalid, "order.proof_copies_are_limited_to", "Max", e.Max, "Number", n, "Orders", e.Orders())
	}
	return fail(p, bot.Invalid, "order.quantity_too_large", "Max", e.Max, "Number", n, "Orders", e.Orders())
}

// actionVerbs complete "so it can no longer be …" for each step of an
// order's life: the ids of their words.
var actionVerbs = map[ledger.Action]string{
	ledger.ActionEdit:    "order.verb.edit",
	ledger.ActionShip:    "order.verb.ship",
	ledger.ActionDeliver: "order.verb.deliver",
	ledger.ActionCancel:  "order.verb.cancel",
}

// wrongStatus explains a step the order's status no longer allows; a
// shipped order that cannot be cancelled gets what to do instead.
func wrongStatus(e ledger.WrongStatus, p *i18n.Printer) error {
	err := stateConflict(e.Order, i18n.M(actionVerbs[e.Action]), p)
	if e.Action == ledger.ActionCancel && e.Order.Status == ledger.StatusShipped {
		return fail(p, bot.Conflict, "order.cancel_shipped", "Conflict", err.Msg, "Number", e.Order.Number)
	}
	return err
}

// stateConflict explains why an order in its current state cannot be
// changed in the way asked; verb completes "so it can no longer be …"
// (order.verb.cancel: "cancelled").
func stateConflict(o ledger.Order, verb i18n.Message, p *i18n.Printer) *bot.Error {
	n := o.Number
	switch o.Status {
	case ledger.StatusShipped:
		return fail(p, bot.Conflict, "order.conflict_shipped", "Number", n, "Date", showDate(o.Shipped), "Verb", verb)
	case ledger.StatusDelivered:
		return fail(p, bot.Conflict, "order.conflict_delivered", "Number", n, "Date", showDate(o.Delivered), "Verb", verb)
	case ledger.StatusCancelled:
		return fail(p, bot.Conflict, "order.conflict_cancelled", "Number", n, "Date", showDate(o.Cancelled), "Verb", verb)
	}
	return fail(p, bot.Conflict, "order.conflict_now", "Number", n, "Verb", verb)
}
