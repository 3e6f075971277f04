package handlers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

func (r *Router) orderAdd(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	user, err := r.ledgerUser(req, p)
	if err != nil {
		return nil, err
	}
	o, err := r.newOrder(req, user, p)
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Add(ctx, r.author(req, p), o)
	if err != nil {
		return nil, ledgerErr(err, 0, p)
	}
	o = c.Order
	reply := &bot.Reply{
		Title:     p.T("order.order_added", "Number", o.Number),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: p.T("order.order_of_on_ordered", "Number", o.Number, "Copies", copies(o, p), "Title", safeQuote(o.Title, p), "Marketplace", o.Marketplace, "Ordered", showDate(o.Ordered))},
			orderFields(o, p),
			&bot.Text{Note: true, Text: p.T("order.this_is_your_private_ledger", "Marketplace", o.Marketplace, "Number", o.Number)},
		},
	}
	if c.Reminder != nil {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: autoNote(*c.Reminder, p), Note: true})
	}
	return reply, nil
}

// newOrder reads and checks the options of /order add.
func (r *Router) newOrder(req *bot.Request, user string, p *i18n.Printer) (ledger.Order, error) {
	today := r.today()
	o := ledger.Order{User: user, Status: ledger.StatusOrdered}
	var err error
	if o.Kind, err = parseKind(req.Option("kind"), p); err != nil {
		return o, err
	}
	if o.Quantity, err = parseQuantity(req.Option("quantity"), o.Kind, p); err != nil {
		return o, err
	}
	if req.Option("marketplace") == "" {
		return o, fail(p, bot.Invalid, "order.say_which_amazon_marketplace_you")
	}
	if o.Marketplace, err = parseMarketplace(req.Option("marketplace"), p); err != nil {
		return o, err
	}
	if o.Title, err = requiredTitle(req.Options["title"], p); err != nil {
		return o, err
	}
	if o.ISBN, err = parseISBN(req.Option("isbn"), p); err != nil {
		return o, err
	}
	o.Ordered = today
	if s := req.Option("ordered"); s != "" {
		if o.Ordered, err = parseDate(s, "ordered", p, today); err != nil {
			return o, err
		}
		if err := ledger.CheckOrdered(o.Ordered, today); err != nil {
			return o, ledgerErr(err, 0, p)
		}
	}
	if s := req.Option("expected"); s != "" {
		if o.Expected, err = parseExpected(s, o.Ordered, p, today); err != nil {
			return o, err
		}
	}
	if o.Note, err = cleanText(req.Options["note"], "note", maxNote, p); err != nil {
		return o, err
	}
	return o, nil
}

func requiredTitle(s string, p *i18n.Printer) (string, error) {
	t, err := cleanText(s, "title", maxTitle, p)
	if err == nil && t == "" {
		err = fail(p, bot.Invalid, "order.give_the_book_s_title")
	}
	return t, err
}

// parseExpected reads an expected delivery date, which cannot come before
// the order.
func parseExpected(s string, ordered time.Time, p *i18n.Printer, today time.Time) (time.Time, error) {
	d, err := parseDate(s, "expected", p, today)
	if err != nil {
		return d, err
	}
	return d, ledgerErr(ledger.CheckExpected(d, ordered), 0, p)
}

func (r *Router) orderEdit(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, p, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	given := false
	for _, f := range editFields {
		given = given || req.Has(f)
	}
	if !given {
		return nil, fail(p, bot.Invalid, "order.say_what_to_change_quantity", "Number", n)
	}
	e := readEdit(req, p, r.today())
	if e.bad != nil {
		return nil, r.editRefused(ctx, user, n, e, p)
	}
	c, err := r.ledger.Edit(ctx, r.author(req, p), n, e.changes)
	if err != nil {
		return nil, ledgerErr(err, n, p)
	}
	o := c.Order
	changes := editLines(req, c.Before, o, p)
	reply := &bot.Reply{
		Title:     p.T("order.order_updated", "Number", n),
		Ephemeral: true, Lang: lang,
	}
	if len(changes) == 0 {
		changes = []string{p.T("order.nothing_changed_the_values_were")}
	}
	reply.Blocks = []bot.Block{
		&bot.List{Items: changes},
		orderFields(o, p),
		&bot.Text{Text: p.T("order.this_changes_only_my_record", "Marketplace", o.Marketplace, "Number", n)},
	}
	if ref := r.topicRef(p, "change-order"); ref != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: ref, Note: true})
	}
	if c.Reminder != nil && req.Has("expected") {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: autoNote(*c.Reminder, p), Note: true})
	}
	return reply, nil
}

// editRefused explains an edit with an option that could not be read.
// What the order and the options before it break comes first, as the
// ledger would check them; nothing is written.
func (r *Router) editRefused(ctx context.Context, user string, n int, e edit, p *i18n.Printer) error {
	o, err := r.ledger.Order(ctx, user, n)
	if err != nil {
		return ledgerErr(err, n, p)
	}
	if _, err := ledger.Edit(o, e.changes); err != nil {
		return ledgerErr(err, n, p)
	}
	return e.bad(o.Kind)
}

// editFields are the options /order edit can change, in the order it
// reads them.
var editFields = []string{"quantity", "marketplace", "title", "expected", "note"}

// edit is what /order edit was asked to change.
type edit struct {
	changes ledger.Changes
	// bad, when set, is the first option that could not be read: it is
	// reported after what the order and the options before it break, as
	// a change is checked in that order. Its message may name the limit
	// of the order's kind.
	bad func(kind string) error
}

// readEdit reads the options of /order edit, up to the first it cannot.
func readEdit(req *bot.Request, p *i18n.Printer, today time.Time) edit {
	var e edit
	fail := func(err error) edit {
		e.bad = func(string) error { return err }
		return e
	}
	if req.Has("quantity") {
		s := req.Option("quantity")
		q, err := readCount(s, "", p)
		if err != nil {
			e.bad = func(kind string) error { _, err := readCount(s, kind, p); return err }
			return e
		}
		e.changes.Quantity = &q
	}
	if req.Has("marketplace") {
		m, err := parseMarketplace(req.Option("marketplace"), p)
		if err != nil {
			return fail(err)
		}
		e.changes.Marketplace = &m
	}
	if req.Has("title") {
		t, err := requiredTitle(req.Options["title"], p)
		if err != nil {
			return fail(err)
		}
		e.changes.Title = &t
	}
	if req.Has("expected") {
		var d time.Time
		if s := req.Option("expected"); s != "" {
			var err error
			if d, err = parseDate(s, "expected", p, today); err != nil {
				return fail(err)
			}
		}
		e.changes.Expected = &d
	}
	if req.Has("note") {
		note, err := cleanText(req.Options["note"], "note", maxNote, p)
		if err != nil {
			return fail(err)
		}
		e.changes.Note = &note
	}
	return e
}

// editLines lists what an edit changed, field by field.
func editLines(req *bot.Request, before, after ledger.Order, p *i18n.Printer) []string {
	var lines []string
	change := func(name, from, to string) {
		if req.Has(name) && from != to {
			lines = append(lines, fmt.Sprintf("%s: %s → %s", name, orNone(from, p), orNone(to, p)))
		}
	}
	change("quantity", fmt.Sprint(before.Quantity), fmt.Sprint(after.Quantity))
	change("marketplace", before.Marketplace, after.Marketplace)
	change("title", safeQuote(before.Title, p), safeQuote(after.Title, p))
	change("expected", showDate(before.Expected), showDate(after.Expected))
	change("note", safeQuote(before.Note, p), safeQuote(after.Note, p))
	return lines
}

func orNone(s string, p *i18n.Printer) string {
	if s == "" || s == quote("", p) {
		return p.T("order.none")
	}
	return s
}

func (r *Router) orderShipped(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, p, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	tracking, err := cleanText(req.Options["tracking"], "tracking", maxTracking, p)
	if err != nil {
		return nil, err
	}
	// Authors often record a shipment days later; the date lets the
	// delivery that follows be recorded on its real day too.
	date, err := r.pastDate(req, p, i18n.M("order.date_hint_shipped"))
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Ship(ctx, r.author(req, p), n, ledger.Shipment{Date: date, Dated: req.Has("date"), Tracking: tracking})
	if err != nil {
		return nil, ledgerErr(err, n, p)
	}
	o := c.Order
	reply := &bot.Reply{
		Title:     p.T("order.order_shipped", "Number", n),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: p.T("order.order_is_marked_shipped_on", "Number", n, "Shipped", showDate(o.Shipped), "Marketplace", o.Marketplace)},
			orderFields(o, p),
			&bot.Text{Note: true, Text: p.T("order.when_the_copies_arrive_order", "Number", n)},
		},
	}
	return reply, nil
}

// pastDate reads the optional date option of a step that has happened:
// today when absent, never in the future, which hint then says what to
// do instead.
func (r *Router) pastDate(req *bot.Request, p *i18n.Printer, hint i18n.Message) (time.Time, error) {
	today := r.today()
	s := req.Option("date")
	if s == "" {
		return today, nil
	}
	date, err := parseDate(s, "date", p, today)
	if err != nil {
		return time.Time{}, err
	}
	var future ledger.FutureDate
	if errors.As(ledger.CheckHappened(date, today), &future) {
		return time.Time{}, fail(p, bot.Invalid, "order.date_in_future", "Date", showDate(future.Date), "Today", showDate(future.Today), "Hint", hint)
	}
	return date, nil
}

func (r *Router) orderDelivered(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, p, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	date, err := r.pastDate(req, p, i18n.M("order.date_hint_delivered"))
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Deliver(ctx, r.author(req, p), n, date, req.Has("date"))
	if err != nil {
		return nil, ledgerErr(err, n, p)
	}
	o := c.Order
	deadline := ledger.RefundDeadline(o.Delivered)
	reply := &bot.Reply{
		Title:     p.T("order.order_delivered", "Number", n),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: p.T("order.order_is_marked_delivered_on", "Number", n, "Delivered", showDate(o.Delivered))},
			orderFields(o, p),
			&bot.Text{Text: r.windowLine(o, o.Delivered, p)},
			&bot.Text{Note: true, Text: p.T("order.check_the_copies_now_if", "Deadline", showDate(deadline), "Number", n)},
		},
	}
	return reply, nil
}

func (r *Router) orderCancel(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, p, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Cancel(ctx, r.author(req, p), n)
	if err != nil {
		return nil, ledgerErr(err, n, p)
	}
	o := c.Order
	reply := &bot.Reply{
		Title:     p.T("order.order_cancelled", "Number", n),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: p.T("order.order_is_marked_cancelled_in", "Number", n, "Marketplace", o.Marketplace)},
			&bot.List{Ordered: true, Items: []string{
				p.T("order.open_your_orders_and_find"),
				p.T("order.choose_cancel_items"),
				p.T("order.tick_the_items_to_cancel"),
				p.T("order.choose_cancel_checked_items"),
			}},
			&bot.Text{Text: p.T("order.amazon_sends_a_confirmation_email")},
		},
	}
	if ref := r.topicRef(p, "cancel-order"); ref != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: ref, Note: true})
	}
	return reply, nil
}

func (r *Router) orderDelete(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, p, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	if err := r.ledger.Delete(ctx, r.author(req, p), n); err != nil {
		return nil, ledgerErr(err, n, p)
	}
	return &bot.Reply{Ephemeral: true, Lang: lang, Blocks: []bot.Block{&bot.Text{Text: p.T("order.order_is_removed_from_your", "Number", n)}}}, nil
}
