package handlers

import (
	"context"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/kb"
)

// Complete suggests values for an option while the author types it, for
// platforms with autocomplete (the Discord adapter's Completer): topics
// for "topic", the author's own orders for /order's "number", and
// marketplaces for "marketplace". Suggestions are ranked by the matcher behind /ask, so
// case, accents, word stems, unfinished words and one typo are forgiven.
// It returns at most 25 choices, best first, and nil for an option
// without suggestions. Only the requesting author's orders are ever
// offered.
func (r *Router) Complete(ctx context.Context, req *bot.Request, option, partial string) []bot.Choice {
	if g := r.current(); g != r {
		return g.Complete(ctx, req, option, partial)
	}
	lang := r.lang(req, partial)
	switch option {
	case "topic":
		var out []bot.Choice
		for _, e := range r.kb.Complete(partial, lang, maxChoices) {
			out = append(out, bot.Choice{Name: e.Title, Value: e.ID})
		}
		return out
	case "number":
		if req.Command != "order" {
			return nil // /isbn and /remind numbers are not orders
		}
		return r.completeNumber(ctx, req, partial, lang)
	case "marketplace":
		return completeMarketplace(partial, lang)
	}
	return nil
}

// completeNumber offers the author's orders: those whose number starts
// with, or whose title contains, what was typed (matchOrders, which
// also puts first the orders the subcommand can act on), most relevant
// first. When none does, what was typed is likely misspelt, and the
// newest orders are ranked with the matcher's typo tolerance instead.
func (r *Router) completeNumber(ctx context.Context, req *bot.Request, partial, lang string) []bot.Choice {
	list := r.completionOrders(ctx, req)
	found := r.matchOrders(req, list, partial)
	if strings.TrimSpace(partial) == "" {
		return found
	}
	if len(found) > 0 {
		return rankChoices(partial, found, lang, true)
	}
	return rankChoices(partial, r.matchOrders(req, list, ""), lang, false)
}

// completeMarketplace ranks the marketplaces by their domain, code and
// every name authors use for them ("germny" finds amazon.de), then adds
// those a pasted address or domain prefix finds (marketplaceChoices),
// in KDP's order when nothing was typed.
func completeMarketplace(partial, lang string) []bot.Choice {
	ms := Marketplaces()
	var names []string
	var owner []int
	for i, m := range ms {
		for _, n := range append([]string{m.Domain, m.Code}, m.Names...) {
			names = append(names, n)
			owner = append(owner, i)
		}
	}
	seen := map[string]bool{}
	var out []bot.Choice
	add := func(c bot.Choice) {
		if !seen[c.Value] && len(out) < maxChoices {
			seen[c.Value] = true
			out = append(out, c)
		}
	}
	for _, i := range kb.Rank(partial, names, lang) {
		m := ms[owner[i]]
		add(bot.Choice{Name: m.Domain + " (" + m.Code + ")", Value: m.Domain})
	}
	for _, c := range marketplaceChoices(partial) {
		add(c)
	}
	return out
}

// rankChoices orders choices by how well their names match partial. With
// keepAll, the choices the matcher does not rank follow in their own
// order; otherwise they are left out.
func rankChoices(partial string, cs []bot.Choice, lang string, keepAll bool) []bot.Choice {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	ranked := kb.Rank(partial, names, lang)
	used := make([]bool, len(cs))
	out := make([]bot.Choice, 0, len(cs))
	for _, i := range ranked {
		used[i] = true
		out = append(out, cs[i])
	}
	if keepAll {
		for i, c := range cs {
			if !used[i] {
				out = append(out, c)
			}
		}
	}
	return out[:min(len(out), maxChoices)]
}
