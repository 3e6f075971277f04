package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// orderFields shows an order's details, with author text made safe.
func orderFields(o ledger.Order, lang string) *bot.Fields {
	f := &bot.Fields{}
	add := func(en, fr, value string, inline bool) {
		if value != "" {
			f.Fields = append(f.Fields, bot.Field{Name: tr(lang, en, fr), Value: value, Inline: inline})
		}
	}
	add("Order", "Commande", fmt.Sprintf("#%d", o.Number), true)
	add("Status", "État", statusNames.in(o.Status, lang), true)
	add("Copies", "Exemplaires", copies(o, lang), true)
	add("Marketplace", "Site Amazon", o.Marketplace, true)
	add("Title", "Titre", safeText(o.Title), false)
	add("ISBN", "ISBN", o.ISBN, true)
	add("Ordered", "Commandée le", showDate(o.Ordered), true)
	add("Expected", "Livraison prévue", showDate(o.Expected), true)
	add("Shipped", "Expédiée le", showDate(o.Shipped), true)
	add("Tracking", "Suivi", safeText(o.Tracking), true)
	add("Delivered", "Livrée le", showDate(o.Delivered), true)
	add("Cancelled", "Annulée le", showDate(o.Cancelled), true)
	add("Note", "Note", safeText(o.Note), false)
	return f
}

// orderLine is one order in a list.
func orderLine(o ledger.Order, lang string) string {
	parts := []string{fmt.Sprintf("#%d", o.Number), statusNames.in(o.Status, lang), copies(o, lang), o.Marketplace, safeQuote(o.Title)}
	switch o.Status {
	case ledger.StatusOrdered, ledger.StatusShipped:
		if !o.Expected.IsZero() {
			parts = append(parts, tr(lang, "expected ", "prévue le ")+showDate(o.Expected))
		} else {
			parts = append(parts, tr(lang, "ordered ", "commandée le ")+showDate(o.Ordered))
		}
	case ledger.StatusDelivered:
		parts = append(parts, tr(lang, "delivered ", "livrée le ")+showDate(o.Delivered))
	case ledger.StatusCancelled:
		parts = append(parts, tr(lang, "cancelled ", "annulée le ")+showDate(o.Cancelled))
	}
	return strings.Join(parts, " · ")
}

// maxListed is how many orders one list shows: enough for any real
// ledger, few enough for every platform's message size.
const maxListed = 25

func (r *Router) orderList(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	user, err := r.ledgerUser(req, lang)
	if err != nil {
		return nil, err
	}
	status := strings.ToLower(req.Option("status"))
	switch status {
	case "", ledger.StatusOrdered, ledger.StatusShipped, ledger.StatusDelivered, ledger.StatusCancelled:
	default:
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"status must be ordered, shipped, delivered or cancelled, not "+safeQuote(status)+". Example: /order list shipped",
			"status doit valoir ordered, shipped, delivered ou cancelled, et non "+safeQuote(status)+". Exemple : /order list shipped"))
	}
	shown, total, err := r.ledger.LatestOrders(ctx, user, status, maxListed)
	if err != nil {
		return nil, fmt.Errorf("order list: %w", err)
	}
	reply := &bot.Reply{Ephemeral: true, Lang: lang}
	if total == 0 {
		text := tr(lang,
			"You have no orders yet. Record one with /order add 25 amazon.com The Long Road",
			"Vous n'avez pas encore de commande. Notez-en une avec /order add 25 amazon.fr Le Long Chemin")
		if status != "" {
			text = tr(lang,
				"You have no "+statusNames.in(status, lang)+" orders. /order list shows them all.",
				"Vous n'avez pas de commande "+statusNames.in(status, lang)+". /order list les affiche toutes.")
		}
		reply.Blocks = []bot.Block{&bot.Text{Text: text}}
		return reply, nil
	}
	reply.Title = tr(lang, fmt.Sprintf("Your orders (%d)", total), fmt.Sprintf("Vos commandes (%d)", total))
	if status != "" {
		reply.Title = tr(lang,
			fmt.Sprintf("Your %s orders (%d)", statusNames.in(status, lang), total),
			fmt.Sprintf("Vos commandes %ss (%d)", statusNames.in(status, lang), total))
	}
	items := make([]string, len(shown))
	for i, o := range shown {
		items[i] = orderLine(o, lang)
	}
	reply.Blocks = append(reply.Blocks, &bot.List{Items: items})
	if total > len(shown) {
		reply.Blocks = append(reply.Blocks, &bot.Text{Note: true, Text: tr(lang,
			fmt.Sprintf("The latest %d of %d. Narrow the list with /order list ordered (or shipped, delivered, cancelled).", len(shown), total),
			fmt.Sprintf("Les %d dernières sur %d. Affinez avec /order list ordered (ou shipped, delivered, cancelled).", len(shown), total))})
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Note: true, Text: tr(lang,
		"Details of one order: /order show <number>", "Le détail d'une commande : /order show <numéro>")})
	return reply, nil
}

func (r *Router) orderShow(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	o, err := r.ledger.Order(ctx, user, n)
	if err != nil {
		return nil, ledgerErr(err, n, lang)
	}
	reply := &bot.Reply{
		Title:     tr(lang, fmt.Sprintf("Order #%d", o.Number), fmt.Sprintf("Commande #%d", o.Number)),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{orderFields(o, lang)},
	}
	for _, line := range r.statusNotes(o, lang) {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: line, Note: true})
	}
	return reply, nil
}

// statusNotes are the reminders /order show adds under an order: what the
// author can still do, and by when.
func (r *Router) statusNotes(o ledger.Order, lang string) []string {
	today := r.today()
	switch o.Status {
	case ledger.StatusOrdered:
		lines := []string{tr(lang,
			fmt.Sprintf("Not shipped yet: it can still be changed or cancelled on %s (Your Orders). When it ships: /order shipped %d", o.Marketplace, o.Number),
			fmt.Sprintf("Pas encore expédiée : elle peut encore être modifiée ou annulée sur %s (Vos commandes). À l'expédition : /order shipped %d", o.Marketplace, o.Number))}
		if late := lateLine(o, today, lang); late != "" {
			lines = append(lines, late)
		}
		return lines
	case ledger.StatusShipped:
		lines := []string{tr(lang,
			fmt.Sprintf("Shipped: follow it in Your Orders on %s (Track Package). When it arrives: /order delivered %d", o.Marketplace, o.Number),
			fmt.Sprintf("Expédiée : suivez-la dans Vos commandes sur %s (« Suivre votre colis »). À l'arrivée : /order delivered %d", o.Marketplace, o.Number))}
		if late := lateLine(o, today, lang); late != "" {
			lines = append(lines, late)
		}
		return lines
	case ledger.StatusDelivered:
		return []string{r.windowLine(o, o.Delivered, lang)}
	}
	return nil
}

// lateLine says an order not yet delivered is past its expected date.
func lateLine(o ledger.Order, today time.Time, lang string) string {
	if o.Expected.IsZero() || !today.After(o.Expected) {
		return ""
	}
	d := daysBetween(o.Expected, today)
	return tr(lang,
		fmt.Sprintf("Order #%d was expected %s ago (%s): track it in Your Orders on %s. If the carrier reports it lost: /order problem %d lost", o.Number, plural(d, "day", "days"), showDate(o.Expected), o.Marketplace, o.Number),
		fmt.Sprintf("La commande #%d était attendue il y a %s (%s) : suivez-la dans Vos commandes sur %s. Si le transporteur la déclare perdue : /order problem %d lost", o.Number, plural(d, "jour", "jours"), showDate(o.Expected), o.Marketplace, o.Number))
}
