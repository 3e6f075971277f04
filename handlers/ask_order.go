package handlers

import (
	"context"
	"errors"
	"log/slog"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// namedOrderRE finds an order named by its number in a question: "order
// 3", "order #3", "#3", "commande n° 3", "Bestellung Nr. 3", in the bot's
// languages. The word after the number is kept to tell "order 50 copies"
// (a quantity) from "order 3".
var namedOrderRE = regexp.MustCompile(`(?i)(?:#|\b(?:order|commande|bestellung|pedido|ordine|encomenda|bestelling)\s*(?:n[°ºo]\.?\s*|nr\.?\s*|#\s*)?)(\d{1,6})\b(\s+\pL+)?`)

// quantityWords follow a number that is a quantity, not an order's.
var quantityWords = []string{
	"copy", "copies", "author", "proof", "proofs", "book", "books", "exemplaire", "exemplaires", "épreuves",
	"exemplar", "exemplare", "autorenexemplare", "copia", "copias", "ejemplares", "copie", "cópias", "cópia",
	"exemplaar", "exemplaren", "auteursexemplaren", "libros", "libri", "livros", "boeken", "livres", "bücher",
}

// namedOrder returns the number of the one order a question names, if it
// names exactly one.
func namedOrder(q string) (int, bool) {
	var found []int
	for _, m := range namedOrderRE.FindAllStringSubmatch(q, -1) {
		if next := strings.ToLower(strings.TrimSpace(m[2])); slices.Contains(quantityWords, next) {
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err == nil && n > 0 && !slices.Contains(found, n) {
			found = append(found, n)
		}
	}
	if len(found) != 1 {
		return 0, false
	}
	return found[0], true
}

// namedOrderNote is the line about the author's own order number n that
// answers the question's intents: whether it can still be cancelled or
// changed, how long is left to report a problem with it, where it stands.
// The order is looked up in the asker's ledger only, so a number never
// reaches another author's order; one they do not have says so.
func (r *Router) namedOrderNote(ctx context.Context, req *bot.Request, n int, intents []string, p *i18n.Printer) []string {
	o, err := r.ledger.Order(ctx, req.User.Key(), n)
	switch {
	case errors.Is(err, ledger.ErrNotFound):
		return []string{p.T("order.you_have_no_order_order", "Number", n)}
	case err != nil:
		r.log.Warn("order note skipped", slog.String("user", req.User.Key()), slog.Any("err", err))
		return nil
	}
	today := r.today()
	if line := r.orderNote(o, intents, today, p); line != "" {
		return []string{line}
	}
	switch o.Status {
	case ledger.StatusCancelled:
		return []string{p.T("ask.order_already_cancelled", "Number", o.Number)}
	case ledger.StatusDelivered:
		// Too late to cancel or change: what is left is the window to
		// report a problem, the refund window of a delivered order.
		return []string{r.windowLine(o, o.Delivered, p)}
	}
	return []string{r.progressLine(o, today, p)}
}
