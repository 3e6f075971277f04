package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// orderFields shows an order's details, with author text made safe.
func orderFields(o ledger.Order, p *i18n.Printer) *bot.Fields {
	f := &bot.Fields{}
	add := func(id, value string, inline bool) {
		if value != "" {
			f.Fields = append(f.Fields, bot.Field{Name: p.T(id), Value: value, Inline: inline})
		}
	}
	add("order.field.order", fmt.Sprintf("#%d", o.Number), true)
	add("order.field.status", statusNames.in(o.Status, p), true)
	add("order.field.copies", copies(o, p), true)
	add("order.field.marketplace", o.Marketplace, true)
	add("order.field.title", safeText(o.Title), false)
	add("order.field.isbn", o.ISBN, true)
	add("order.field.ordered", showDate(o.Ordered), true)
	add("order.field.expected", showDate(o.Expected), true)
	add("order.field.shipped", showDate(o.Shipped), true)
	add("order.field.tracking", safeText(o.Tracking), true)
	add("order.field.delivered", showDate(o.Delivered), true)
	add("order.field.cancelled", showDate(o.Cancelled), true)
	add("order.field.note", safeText(o.Note), false)
	return f
}

// orderLine is one order in a list.
func orderLine(o ledger.Order, p *i18n.Printer) string {
	// Room for the date too: appending it to a slice of five grew it anew
	// on every line.
	parts := make([]string, 0, 6)
	parts = append(parts, fmt.Sprintf("#%d", o.Number), statusNames.in(o.Status, p), copies(o, p), o.Marketplace, safeQuote(o.Title, p))
	switch o.Status {
	case ledger.StatusOrdered, ledger.StatusShipped:
		if !o.Expected.IsZero() {
			parts = append(parts, p.T("order.expected")+showDate(o.Expected))
		} else {
			parts = append(parts, p.T("order.ordered")+showDate(o.Ordered))
		}
	case ledger.StatusDelivered:
		parts = append(parts, p.T("order.delivered")+showDate(o.Delivered))
	case ledger.StatusCancelled:
		parts = append(parts, p.T("order.cancelled")+showDate(o.Cancelled))
	}
	return strings.Join(parts, " · ")
}

// maxListed is how many orders one list shows: enough for any real
// ledger, few enough for every platform's message size.
const maxListed = 25

func (r *Router) orderList(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	user, err := r.ledgerUser(req, p)
	if err != nil {
		return nil, err
	}
	status := strings.ToLower(req.Option("status"))
	switch status {
	case "", ledger.StatusOrdered, ledger.StatusShipped, ledger.StatusDelivered, ledger.StatusCancelled:
	default:
		return nil, fail(p, bot.Invalid, "order.status_must_be_ordered_shipped", "Status", safeQuote(status, p))
	}
	shown, total, err := r.ledger.LatestOrders(ctx, user, status, maxListed)
	if err != nil {
		return nil, fmt.Errorf("order list: %w", err)
	}
	reply := &bot.Reply{Ephemeral: true, Lang: lang}
	if total == 0 {
		text := p.T("order.you_have_no_orders_yet")
		if status != "" {
			text = p.T("order.you_have_no_orders_order", "Status", statusNames.in(status, p))
		}
		reply.Blocks = []bot.Block{&bot.Text{Text: text}}
		return reply, nil
	}
	reply.Title = p.T("order.list_title", "Total", total)
	if status != "" {
		reply.Title = p.T("order.list_title_status", "Status", statusNames.in(status, p), "Total", total)
	}
	items := make([]string, len(shown))
	for i, o := range shown {
		items[i] = orderLine(o, p)
	}
	reply.Blocks = append(reply.Blocks, &bot.List{Items: items})
	if total > len(shown) {
		reply.Blocks = append(reply.Blocks, &bot.Text{Note: true, Text: p.T("order.the_latest_of_narrow_the", "Shown", len(shown), "Total", total)})
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Note: true, Text: p.T("order.details_of_one_order_order")})
	return reply, nil
}

func (r *Router) orderShow(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, p, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	o, err := r.ledger.Order(ctx, user, n)
	if err != nil {
		return nil, ledgerErr(err, n, p)
	}
	reply := &bot.Reply{
		Title:     p.T("order.show_title", "Number", o.Number),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{orderFields(o, p)},
	}
	for _, line := range r.statusNotes(o, p) {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: line, Note: true})
	}
	return reply, nil
}

// statusNotes are the reminders /order show adds under an order: what the
// author can still do, and by when.
func (r *Router) statusNotes(o ledger.Order, p *i18n.Printer) []string {
	today := r.today()
	switch o.Status {
	case ledger.StatusOrdered:
		lines := []string{p.T("order.not_shipped_yet_it_can", "Marketplace", o.Marketplace, "Number", o.Number)}
		if late := lateLine(o, today, p); late != "" {
			lines = append(lines, late)
		}
		return lines
	case ledger.StatusShipped:
		lines := []string{p.T("order.shipped_follow_it_in_your", "Marketplace", o.Marketplace, "Number", o.Number)}
		if late := lateLine(o, today, p); late != "" {
			lines = append(lines, late)
		}
		return lines
	case ledger.StatusDelivered:
		return []string{r.windowLine(o, o.Delivered, p)}
	}
	return nil
}

// lateLine says an order not yet delivered is past its expected date.
func lateLine(o ledger.Order, today time.Time, p *i18n.Printer) string {
	if o.Expected.IsZero() || !today.After(o.Expected) {
		return ""
	}
	d := daysBetween(o.Expected, today)
	return p.T("order.late", "Number", o.Number, "Count", d, "Expected", showDate(o.Expected), "Marketplace", o.Marketplace)
}
