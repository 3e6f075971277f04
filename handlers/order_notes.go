package handlers

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/ledger"
)

// What a question about an order is after. A question can have several.
const (
	intentDamage = "damage"
	intentLost   = "lost"
	intentLate   = "late"
	intentCancel = "cancel"
	intentChange = "change"
)

// intentWords are the words (or word beginnings) that show each intent,
// in English and French, matched on the lowercased question. The order is
// the order questionIntents reports them in.
var intentWords = []struct {
	intent string
	words  []string
}{
	{intentDamage, []string{"damag", "broken", "torn", "crush", "ripped", "dented", "wet", "abîm", "abim", "endommag", "déchir", "dechir", "cassé", "mouillé", "écrasé"}},
	{intentLost, []string{"lost", "missing", "never arrived", "never came", "never got", "perdu", "disparu", "jamais reçu", "jamais arrivé", "pas reçu"}},
	{intentLate, []string{"late", "delay", "still waiting", "not arrived", "hasn't arrived", "haven't arrived", "when will", "where is", "where are",
		"track", "deliver", "arrive", "retard", "toujours pas", "pas arrivé", "pas encore", "quand", "où est", "où sont", "suivi", "suivre", "livr"}},
	{intentCancel, []string{"cancel", "annul", "stornier", "anular", "refund", "rembours"}},
	{intentChange, []string{"change", "modify", "edit", "update", "changer", "modifi"}},
}

// topicIntents are the intents a topic implies when the question's words
// show none.
func topicIntents(id string) []string {
	switch id {
	case "damaged-or-lost":
		return []string{intentDamage, intentLost}
	case "cancel-order":
		return []string{intentCancel}
	case "change-order", "cart-quantity":
		return []string{intentChange}
	case "track-order", "delivery-time":
		return []string{intentLate}
	}
	return nil
}

// maxNotes keeps the lines about orders under an answer to a few.
const maxNotes = 4

// orderNotes returns lines about the author's own orders that bear on the
// answer e: days left to report damage, orders that can or can no longer
// be cancelled or changed, orders past their expected date. Only answers
// about managing, shipping or problems get them; a general question (cost,
// ISBN, cart) stays general. On any store error (logged) there are none:
// the answer matters more than the notes.
func (r *Router) orderNotes(ctx context.Context, req *bot.Request, e *kb.Entry, p *i18n.Printer) []string {
	if e == nil || req.User.ID == "" {
		return nil
	}
	switch e.Theme {
	case "manage", "shipping", "problems":
	default:
		return nil
	}
	intents := questionIntents(req.Option("question"))
	if len(intents) == 0 {
		intents = topicIntents(e.ID)
	}
	if len(intents) == 0 {
		return nil
	}
	if n, ok := namedOrder(req.Option("question")); ok {
		return r.namedOrderNote(ctx, req, n, intents, p)
	}
	today := r.today()
	// Only orders on their way and those delivered within the longest
	// window orderNote looks at can have a line; the rest of the ledger
	// is not read.
	list, err := r.ledger.RecentOrders(ctx, req.User.Key(), today.AddDate(0, 0, -2*ledger.RefundWindow))
	if err != nil {
		r.log.Warn("order notes skipped", slog.String("user", req.User.Key()), slog.Any("err", err))
		return nil
	}
	var lines []string
	// Newest orders first: they are the ones a question is most likely about.
	for i := len(list) - 1; i >= 0; i-- {
		if line := r.orderNote(list[i], intents, today, p); line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) > maxNotes {
		more := len(lines) - maxNotes
		lines = append(lines[:maxNotes], p.T("order.notes_more", "Count", more))
	}
	return lines
}

// questionIntents finds the intents a question's words show.
func questionIntents(q string) []string {
	q = strings.ToLower(q)
	var found []string
	for _, iw := range intentWords {
		if slices.ContainsFunc(iw.words, func(w string) bool { return strings.Contains(q, w) }) {
			found = append(found, iw.intent)
		}
	}
	// "arrived damaged", "delivered broken": the arrival words then
	// describe the damage, not a late order.
	if slices.Contains(found, intentDamage) || slices.Contains(found, intentLost) {
		found = slices.DeleteFunc(found, func(intent string) bool { return intent == intentLate })
	}
	return found
}

// orderNote is the one line about o that answers the first intent it
// bears on, or "".
func (r *Router) orderNote(o ledger.Order, intents []string, today time.Time, p *i18n.Printer) string {
	for _, intent := range intents {
		switch {
		case intent == intentDamage && o.Status == ledger.StatusDelivered && daysBetween(o.Delivered, today) <= 2*ledger.RefundWindow:
			return r.windowLine(o, o.Delivered, p)
		case intent == intentLost && o.Status == ledger.StatusDelivered && daysBetween(o.Delivered, today) <= ledger.RefundWindow:
			return r.windowLine(o, o.Delivered, p)
		case intent == intentLost && (o.Status == ledger.StatusOrdered || o.Status == ledger.StatusShipped):
			if line := lateLine(o, today, p); line != "" {
				return line
			}
		case intent == intentLate && (o.Status == ledger.StatusOrdered || o.Status == ledger.StatusShipped):
			return r.progressLine(o, today, p)
		case intent == intentCancel || intent == intentChange:
			if line := canChangeLine(o, intent, p); line != "" {
				return line
			}
		}
	}
	return ""
}

// progressLine says where an order that has not arrived stands.
func (r *Router) progressLine(o ledger.Order, today time.Time, p *i18n.Printer) string {
	if late := lateLine(o, today, p); late != "" {
		return late
	}
	n := o.Number
	switch {
	case !o.Expected.IsZero():
		d := daysBetween(today, o.Expected)
		if d == 0 {
			return p.T("order.order_is_expected_today", "Number", n, "Expected", showDate(o.Expected))
		}
		return p.T("order.expected_in_days", "Number", n, "Expected", showDate(o.Expected), "Count", d)
	case o.Status == ledger.StatusShipped:
		return p.T("order.order_shipped_on_track_it", "Number", n, "Shipped", showDate(o.Shipped), "Marketplace", o.Marketplace)
	}
	return p.T("order.order_ordered_has_no_expected", "Number", n, "Ordered", showDate(o.Ordered))
}

// canChangeLine says whether an order can still be cancelled or changed.
// Delivered and cancelled orders are left out: nobody asks about those.
func canChangeLine(o ledger.Order, intent string, p *i18n.Printer) string {
	n := o.Number
	verb := i18n.M(actionVerbs[ledger.ActionCancel])
	if intent == intentChange {
		verb = i18n.M(actionVerbs[ledger.ActionEdit])
	}
	switch o.Status {
	case ledger.StatusOrdered:
		return p.T("order.note_can_still", "Number", n, "Verb", verb, "Marketplace", o.Marketplace)
	case ledger.StatusShipped:
		return p.T("order.note_can_no_longer", "Number", n, "Verb", verb)
	}
	return ""
}

// noteBlocks turns lines into text blocks.
func noteBlocks(lines []string) []bot.Block {
	blocks := make([]bot.Block, len(lines))
	for i, l := range lines {
		blocks[i] = &bot.Text{Text: l}
	}
	return blocks
}
