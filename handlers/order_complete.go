package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// maxChoices is the most suggestions a platform shows (Discord's limit).
const maxChoices = 25

// completeOrder suggests values for the /order options marked
// Autocomplete while the author types: their own order numbers and the
// marketplaces. It returns nil for any other option. Store errors are
// logged and give no suggestions: typing goes on without them.
func (r *Router) completeOrder(ctx context.Context, req *bot.Request, option, partial string) []bot.Choice {
	switch option {
	case "marketplace":
		return marketplaceChoices(partial)
	case "number":
		return r.orderChoices(ctx, req, partial)
	}
	return nil
}

// marketplaceChoices lists the marketplaces whose domain, code or a name
// starts with what was typed; all of them when nothing was.
func marketplaceChoices(partial string) []bot.Choice {
	key := marketplaceKey(partial)
	var out []bot.Choice
	for _, m := range Marketplaces() {
		names := append([]string{m.Code, strings.TrimPrefix(m.Domain, "amazon.")}, m.Names...)
		if key == "" || slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, key) }) {
			out = append(out, bot.Choice{Name: m.Domain + " (" + m.Code + ")", Value: m.Domain})
		}
	}
	return out
}

// orderChoices lists the author's orders that match what was typed (the
// start of a number, or part of a title), newest first, those the
// subcommand can act on before the others.
func (r *Router) orderChoices(ctx context.Context, req *bot.Request, partial string) []bot.Choice {
	return r.matchOrders(req, r.completionOrders(ctx, req), partial)
}

// completionOrders reads the author's orders for suggestions; none
// without an author or on a store error (logged).
func (r *Router) completionOrders(ctx context.Context, req *bot.Request) []ledger.Order {
	if req.User.ID == "" {
		return nil
	}
	list, err := r.ledger.Orders(ctx, req.User.Key(), "")
	if err != nil {
		r.log.Warn("order completion failed", slog.String("user", req.User.Key()), slog.Any("err", err))
		return nil
	}
	return list
}

// matchOrders is orderChoices on a list already read.
func (r *Router) matchOrders(req *bot.Request, list []ledger.Order, partial string) []bot.Choice {
	p := r.printer(r.lang(req, ""))
	partial = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(partial), "#"))
	fits := func(o ledger.Order) bool {
		switch req.Sub {
		case "edit", "cancel", "shipped":
			return o.Status == ledger.StatusOrdered
		case "delivered":
			return o.Status == ledger.StatusOrdered || o.Status == ledger.StatusShipped
		}
		return true
	}
	var first, rest []bot.Choice
	for i := len(list) - 1; i >= 0; i-- {
		o := list[i]
		num := strconv.Itoa(o.Number)
		if partial != "" && !strings.HasPrefix(num, partial) && !strings.Contains(strings.ToLower(o.Title), partial) {
			continue
		}
		c := bot.Choice{
			Name:  fmt.Sprintf("#%d · %s · %s", o.Number, statusNames.in(o.Status, p), safeText(clipRunes(o.Title, 60))),
			Value: num,
		}
		if fits(o) {
			first = append(first, c)
		} else {
			rest = append(rest, c)
		}
	}
	out := append(first, rest...)
	if len(out) > maxChoices {
		out = out[:maxChoices]
	}
	return out
}

// clipRunes shortens s to n characters, marking the cut.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
