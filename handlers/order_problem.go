package handlers

import (
	"context"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

func (r *Router) orderProblem(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, p, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	kind := strings.ToLower(req.Option("kind"))
	switch kind {
	case ledger.ProblemDamaged, ledger.ProblemLost, ledger.ProblemDefective, ledger.ProblemWrong:
	default:
		return nil, fail(p, bot.Invalid, "order.say_what_went_wrong_damaged", "Number", n)
	}
	details, err := cleanText(req.Options["details"], "details", maxDetails, p)
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Report(ctx, r.author(req, p), n, kind)
	if err != nil {
		return nil, ledgerErr(err, n, p)
	}
	o := c.Order
	reply := &bot.Reply{Ephemeral: true, Lang: lang, Title: problemTitle(kind, n, p)}
	var texts []string
	var refs []string
	switch {
	case o.Status == ledger.StatusCancelled:
		texts = []string{p.T("order.order_is_marked_cancelled_so", "Number", n, "Cancelled", showDate(o.Cancelled))}
	case kind == ledger.ProblemDamaged:
		texts, refs = r.damagedAdvice(o, p), []string{"damaged-or-lost"}
	case kind == ledger.ProblemLost:
		texts, refs = r.lostAdvice(o, p), []string{"damaged-or-lost", "track-order"}
	case kind == ledger.ProblemDefective:
		texts, refs = defectiveAdvice(p), []string{"print-defects", "blank-pages", "curled-cover"}
	case kind == ledger.ProblemWrong:
		texts, refs = wrongAdvice(o, p), []string{"wrong-item"}
	}
	for _, t := range texts {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: t})
	}
	if kind != ledger.ProblemWrong || o.Status == ledger.StatusCancelled {
		reply.Blocks = append(reply.Blocks,
			&bot.Link{Label: p.T("order.contact_kdp"), URL: contactURL},
			&bot.Text{Note: true, Text: forKDP(o, kind, details, p)})
	}
	if ref := r.topicRef(p, refs...); ref != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: ref, Note: true})
	}
	if c.Reminder != nil {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: autoNote(*c.Reminder, p), Note: true})
	}
	return reply, nil
}

func problemTitle(kind string, n int, p *i18n.Printer) string {
	switch kind {
	case ledger.ProblemDamaged:
		return p.T("order.order_damaged_copies", "Number", n)
	case ledger.ProblemLost:
		return p.T("order.order_lost_copies", "Number", n)
	case ledger.ProblemDefective:
		return p.T("order.order_printing_defects", "Number", n)
	}
	return p.T("order.order_wrong_item", "Number", n)
}

func (r *Router) damagedAdvice(o ledger.Order, p *i18n.Printer) []string {
	n := o.Number
	lines := []string{}
	if o.Status == ledger.StatusDelivered {
		lines = append(lines, r.windowLine(o, o.Delivered, p))
	} else {
		lines = append(lines, p.T("order.order_isn_t_marked_delivered", "Number", n))
	}
	return append(lines, p.T("order.contact_kdp_with_the_order"))
}

func (r *Router) lostAdvice(o ledger.Order, p *i18n.Printer) []string {
	n := o.Number
	today := r.today()
	explain := p.T("order.kdp_refunds_copies_lost_in")
	switch {
	case o.Status == ledger.StatusDelivered:
		return []string{r.windowLine(o, o.Delivered, p), explain + " " + p.T("order.the_order_is_marked_delivered")}
	case o.Expected.IsZero():
		return []string{explain + " " + p.T("order.order_has_no_expected_date", "Number", n)}
	case !today.After(o.Expected):
		return []string{p.T("order.order_is_expected_on_so", "Number", n, "Expected", showDate(o.Expected), "Marketplace", o.Marketplace),
			explain}
	}
	return []string{r.windowLine(o, o.Expected, p), explain + " " + p.T("order.i_count_from_the_expected")}
}

func defectiveAdvice(p *i18n.Printer) []string {
	return []string{
		p.T("order.small_differences_in_printing_and"),
		p.T("order.blank_pages_at_the_end"),
		p.T("order.if_what_you_see_is"),
	}
}

func wrongAdvice(o ledger.Order, p *i18n.Printer) []string {
	n := o.Number
	return []string{
		p.T("order.if_you_received_a_different", "Marketplace", o.Marketplace),
		p.T("order.damaged_or_defective_copies_of", "Number", n),
	}
}

// windowLine counts the days left in KDP's 30-day window from the given
// day (the delivery date, or the expected date for lost copies), e.g.
// "Order #3, delivered 2026-11-10: 18 days left to contact KDP (until
// 2026-12-10)." Past the window it says so, and that KDP can still be
// asked.
func (r *Router) windowLine(o ledger.Order, from time.Time, p *i18n.Printer) string {
	today := r.today()
	deadline := ledger.RefundDeadline(from)
	left := daysBetween(today, deadline)
	head := p.T("order.window_head_delivered", "Number", o.Number, "Date", showDate(from))
	if !from.Equal(o.Delivered) {
		head = p.T("order.window_head_expected", "Number", o.Number, "Date", showDate(from))
	}
	switch {
	case left > 0:
		return head + p.T("order.window_days_left", "Count", left, "Deadline", showDate(deadline))
	case left == 0:
		return head + p.T("order.today_is_the_last_of")
	}
	return head + p.T("order.window_ended", "Deadline", showDate(deadline), "Count", -left)
}

// problemNames names the kinds of problem in the summary for KDP.
var problemNames = wording{
	ledger.ProblemDamaged:   "order.problem_name.damaged_copies",
	ledger.ProblemLost:      "order.problem_name.copies_lost",
	ledger.ProblemDefective: "order.problem_name.printing_defect",
	ledger.ProblemWrong:     "order.problem_name.wrong_item",
}

// forKDP sums up the order for the author's message to KDP.
func forKDP(o ledger.Order, kind, details string, p *i18n.Printer) string {
	parts := []string{p.T("order.for_your_message_to_kdp", "Copies", copies(o, p), "Title", safeQuote(o.Title, p), "Marketplace", o.Marketplace, "Ordered", showDate(o.Ordered))}
	if o.ISBN != "" {
		parts = append(parts, "ISBN "+o.ISBN)
	}
	if !o.Delivered.IsZero() {
		parts = append(parts, p.T("order.delivered")+showDate(o.Delivered))
	}
	parts = append(parts, p.T("order.problem")+problemNames.in(kind, p))
	if details != "" {
		parts = append(parts, p.T("order.details")+safeText(details))
	}
	return strings.Join(parts, "; ") + p.T("order.add_the_order_number_shown")
}
