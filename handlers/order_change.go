package handlers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

func (r *Router) orderAdd(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	user, err := r.ledgerUser(req, lang)
	if err != nil {
		return nil, err
	}
	o, err := r.newOrder(req, user, lang)
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Add(ctx, r.author(req, lang), o)
	if err != nil {
		return nil, ledgerErr(err, 0, lang)
	}
	o = c.Order
	reply := &bot.Reply{
		Title:     tr(lang, fmt.Sprintf("Order #%d added", o.Number), fmt.Sprintf("Commande #%d ajoutée", o.Number)),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: tr(lang,
				fmt.Sprintf("Order #%d: %s of %s on %s, ordered %s.", o.Number, copies(o, lang), safeQuote(o.Title), o.Marketplace, showDate(o.Ordered)),
				fmt.Sprintf("Commande #%d : %s de %s sur %s, commandée le %s.", o.Number, copies(o, lang), safeQuote(o.Title), o.Marketplace, showDate(o.Ordered)))},
			orderFields(o, lang),
			&bot.Text{Note: true, Text: tr(lang,
				fmt.Sprintf("This is your private ledger; the order itself is on %s. When it ships: /order shipped %d", o.Marketplace, o.Number),
				fmt.Sprintf("Ceci est votre suivi privé ; la commande elle-même est sur %s. À l'expédition : /order shipped %d", o.Marketplace, o.Number))},
		},
	}
	if c.Reminder != nil {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: autoNote(*c.Reminder, lang), Note: true})
	}
	return reply, nil
}

// newOrder reads and checks the options of /order add.
func (r *Router) newOrder(req *bot.Request, user, lang string) (ledger.Order, error) {
	today := r.today()
	o := ledger.Order{User: user, Status: ledger.StatusOrdered}
	var err error
	if o.Kind, err = parseKind(req.Option("kind"), lang); err != nil {
		return o, err
	}
	if o.Quantity, err = parseQuantity(req.Option("quantity"), o.Kind, lang); err != nil {
		return o, err
	}
	if req.Option("marketplace") == "" {
		return o, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"Say which Amazon marketplace you ordered on, e.g. /order add 25 amazon.com The Long Road",
			"Indiquez le site Amazon de la commande, par ex. /order add 25 amazon.fr Le Long Chemin"))
	}
	if o.Marketplace, err = parseMarketplace(req.Option("marketplace"), lang); err != nil {
		return o, err
	}
	if o.Title, err = requiredTitle(req.Options["title"], lang); err != nil {
		return o, err
	}
	if o.ISBN, err = parseISBN(req.Option("isbn"), lang); err != nil {
		return o, err
	}
	o.Ordered = today
	if s := req.Option("ordered"); s != "" {
		if o.Ordered, err = parseDate(s, "ordered", lang, today); err != nil {
			return o, err
		}
		if err := ledger.CheckOrdered(o.Ordered, today); err != nil {
			return o, ledgerErr(err, 0, lang)
		}
	}
	if s := req.Option("expected"); s != "" {
		if o.Expected, err = parseExpected(s, o.Ordered, lang, today); err != nil {
			return o, err
		}
	}
	if o.Note, err = cleanText(req.Options["note"], "note", maxNote, lang); err != nil {
		return o, err
	}
	return o, nil
}

func requiredTitle(s, lang string) (string, error) {
	t, err := cleanText(s, "title", maxTitle, lang)
	if err == nil && t == "" {
		err = bot.Errorf(bot.Invalid, "%s", tr(lang,
			"Give the book's title, e.g. title:\"The Long Road\".",
			"Indiquez le titre du livre, par ex. title:\"Le Long Chemin\"."))
	}
	return t, err
}

// parseExpected reads an expected delivery date, which cannot come before
// the order.
func parseExpected(s string, ordered time.Time, lang string, today time.Time) (time.Time, error) {
	d, err := parseDate(s, "expected", lang, today)
	if err != nil {
		return d, err
	}
	return d, ledgerErr(ledger.CheckExpected(d, ordered), 0, lang)
}

func (r *Router) orderEdit(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	given := false
	for _, f := range editFields {
		given = given || req.Has(f)
	}
	if !given {
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Say what to change: quantity, marketplace, title, expected or note. Example: /order edit %d quantity:30", n),
			fmt.Sprintf("Indiquez ce qu'il faut modifier : quantity, marketplace, title, expected ou note. Exemple : /order edit %d quantity:30", n)))
	}
	e := readEdit(req, lang, r.today())
	if e.bad != nil {
		return nil, r.editRefused(ctx, user, n, e, lang)
	}
	c, err := r.ledger.Edit(ctx, r.author(req, lang), n, e.changes)
	if err != nil {
		return nil, ledgerErr(err, n, lang)
	}
	o := c.Order
	changes := editLines(req, c.Before, o, lang)
	reply := &bot.Reply{
		Title:     tr(lang, fmt.Sprintf("Order #%d updated", n), fmt.Sprintf("Commande #%d modifiée", n)),
		Ephemeral: true, Lang: lang,
	}
	if len(changes) == 0 {
		changes = []string{tr(lang, "nothing changed: the values were already the same", "rien n'a changé : les valeurs étaient déjà les mêmes")}
	}
	reply.Blocks = []bot.Block{
		&bot.List{Items: changes},
		orderFields(o, lang),
		&bot.Text{Text: tr(lang,
			fmt.Sprintf("This changes only my record of the order. Make the same change on Amazon: on %s, go to Your Orders, open the order's Order Details and choose Change (quantity, shipping address, billing address and payment method can be changed until it ships). A change may move the Expected Delivery Date: update it here with /order edit %d expected:YYYY-MM-DD.", o.Marketplace, n),
			fmt.Sprintf("Ceci ne modifie que mon suivi de la commande. Faites la même modification sur Amazon : sur %s, allez dans Vos commandes, ouvrez « Détails de la commande » et cliquez sur « Modifier » (quantité, adresse de livraison, adresse de facturation et moyen de paiement se modifient tant qu'elle n'est pas expédiée). Une modification peut déplacer la date de livraison prévue : mettez-la à jour ici avec /order edit %d expected:AAAA-MM-JJ.", o.Marketplace, n))},
	}
	if ref := r.topicRef(lang, "change-order"); ref != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: ref, Note: true})
	}
	if c.Reminder != nil && req.Has("expected") {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: autoNote(*c.Reminder, lang), Note: true})
	}
	return reply, nil
}

// editRefused explains an edit with an option that could not be read.
// What the order and the options before it break comes first, as the
// ledger would check them; nothing is written.
func (r *Router) editRefused(ctx context.Context, user string, n int, e edit, lang string) error {
	o, err := r.ledger.Order(ctx, user, n)
	if err != nil {
		return ledgerErr(err, n, lang)
	}
	if _, err := ledger.Edit(o, e.changes); err != nil {
		return ledgerErr(err, n, lang)
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
func readEdit(req *bot.Request, lang string, today time.Time) edit {
	var e edit
	fail := func(err error) edit {
		e.bad = func(string) error { return err }
		return e
	}
	if req.Has("quantity") {
		s := req.Option("quantity")
		q, err := readCount(s, "", lang)
		if err != nil {
			e.bad = func(kind string) error { _, err := readCount(s, kind, lang); return err }
			return e
		}
		e.changes.Quantity = &q
	}
	if req.Has("marketplace") {
		m, err := parseMarketplace(req.Option("marketplace"), lang)
		if err != nil {
			return fail(err)
		}
		e.changes.Marketplace = &m
	}
	if req.Has("title") {
		t, err := requiredTitle(req.Options["title"], lang)
		if err != nil {
			return fail(err)
		}
		e.changes.Title = &t
	}
	if req.Has("expected") {
		var d time.Time
		if s := req.Option("expected"); s != "" {
			var err error
			if d, err = parseDate(s, "expected", lang, today); err != nil {
				return fail(err)
			}
		}
		e.changes.Expected = &d
	}
	if req.Has("note") {
		note, err := cleanText(req.Options["note"], "note", maxNote, lang)
		if err != nil {
			return fail(err)
		}
		e.changes.Note = &note
	}
	return e
}

// editLines lists what an edit changed, field by field.
func editLines(req *bot.Request, before, after ledger.Order, lang string) []string {
	var lines []string
	change := func(name, from, to string) {
		if req.Has(name) && from != to {
			lines = append(lines, fmt.Sprintf("%s: %s → %s", name, orNone(from, lang), orNone(to, lang)))
		}
	}
	change("quantity", fmt.Sprint(before.Quantity), fmt.Sprint(after.Quantity))
	change("marketplace", before.Marketplace, after.Marketplace)
	change("title", safeQuote(before.Title), safeQuote(after.Title))
	change("expected", showDate(before.Expected), showDate(after.Expected))
	change("note", safeQuote(before.Note), safeQuote(after.Note))
	return lines
}

func orNone(s, lang string) string {
	if s == "" || s == quote("") {
		return tr(lang, "(none)", "(aucune)")
	}
	return s
}

func (r *Router) orderShipped(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	tracking, err := cleanText(req.Options["tracking"], "tracking", maxTracking, lang)
	if err != nil {
		return nil, err
	}
	// Authors often record a shipment days later; the date lets the
	// delivery that follows be recorded on its real day too.
	date, err := r.pastDate(req, lang,
		"mark the order shipped once Amazon has sent it", "marquez la commande expédiée une fois qu'Amazon l'a envoyée")
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Ship(ctx, r.author(req, lang), n, ledger.Shipment{Date: date, Dated: req.Has("date"), Tracking: tracking})
	if err != nil {
		return nil, ledgerErr(err, n, lang)
	}
	o := c.Order
	reply := &bot.Reply{
		Title:     tr(lang, fmt.Sprintf("Order #%d shipped", n), fmt.Sprintf("Commande #%d expédiée", n)),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: tr(lang,
				fmt.Sprintf("Order #%d is marked shipped on %s. Follow the package on %s: Your Orders, then Track Package.", n, showDate(o.Shipped), o.Marketplace),
				fmt.Sprintf("La commande #%d est marquée expédiée le %s. Suivez le colis sur %s : Vos commandes, puis « Suivre votre colis ».", n, showDate(o.Shipped), o.Marketplace))},
			orderFields(o, lang),
			&bot.Text{Note: true, Text: tr(lang,
				fmt.Sprintf("When the copies arrive: /order delivered %d", n),
				fmt.Sprintf("À l'arrivée des exemplaires : /order delivered %d", n))},
		},
	}
	return reply, nil
}

// pastDate reads the optional date option of a step that has happened:
// today when absent, never in the future.
func (r *Router) pastDate(req *bot.Request, lang, enHint, frHint string) (time.Time, error) {
	today := r.today()
	s := req.Option("date")
	if s == "" {
		return today, nil
	}
	date, err := parseDate(s, "date", lang, today)
	if err != nil {
		return time.Time{}, err
	}
	var future ledger.FutureDate
	if errors.As(ledger.CheckHappened(date, today), &future) {
		return time.Time{}, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("%s is in the future (today is %s): %s.", showDate(future.Date), showDate(future.Today), enHint),
			fmt.Sprintf("Le %s est dans le futur (nous sommes le %s) : %s.", showDate(future.Date), showDate(future.Today), frHint)))
	}
	return date, nil
}

func (r *Router) orderDelivered(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	date, err := r.pastDate(req, lang,
		"mark the order delivered once the copies have arrived", "marquez la commande livrée une fois les exemplaires arrivés")
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Deliver(ctx, r.author(req, lang), n, date, req.Has("date"))
	if err != nil {
		return nil, ledgerErr(err, n, lang)
	}
	o := c.Order
	deadline := ledger.RefundDeadline(o.Delivered)
	reply := &bot.Reply{
		Title:     tr(lang, fmt.Sprintf("Order #%d delivered", n), fmt.Sprintf("Commande #%d livrée", n)),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: tr(lang,
				fmt.Sprintf("Order #%d is marked delivered on %s.", n, showDate(o.Delivered)),
				fmt.Sprintf("La commande #%d est marquée livrée le %s.", n, showDate(o.Delivered)))},
			orderFields(o, lang),
			&bot.Text{Text: r.windowLine(o, o.Delivered, lang)},
			&bot.Text{Note: true, Text: tr(lang,
				fmt.Sprintf("Check the copies now: if any are damaged, KDP refunds them when you contact it by %s (/order problem %d damaged).", showDate(deadline), n),
				fmt.Sprintf("Vérifiez les exemplaires dès maintenant : s'il y en a d'abîmés, KDP les rembourse si vous le contactez d'ici le %s (/order problem %d damaged).", showDate(deadline), n))},
		},
	}
	return reply, nil
}

func (r *Router) orderCancel(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Cancel(ctx, r.author(req, lang), n)
	if err != nil {
		return nil, ledgerErr(err, n, lang)
	}
	o := c.Order
	reply := &bot.Reply{
		Title:     tr(lang, fmt.Sprintf("Order #%d cancelled", n), fmt.Sprintf("Commande #%d annulée", n)),
		Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: tr(lang,
				fmt.Sprintf("Order #%d is marked cancelled in your ledger. I can't cancel it on Amazon for you: if you haven't yet, do it on %s before the order enters shipping:", n, o.Marketplace),
				fmt.Sprintf("La commande #%d est marquée annulée dans votre suivi. Je ne peux pas l'annuler sur Amazon à votre place : si ce n'est pas fait, faites-le sur %s avant que la commande n'entre en expédition :", n, o.Marketplace))},
			&bot.List{Ordered: true, Items: []string{
				tr(lang, "Open Your Orders and find the order.", "Ouvrez Vos commandes et trouvez la commande."),
				tr(lang, "Choose Cancel Items.", "Cliquez sur « Annuler des articles »."),
				tr(lang, "Tick the items to cancel (all of them to cancel the whole order).", "Cochez les articles à annuler (tous, pour annuler toute la commande)."),
				tr(lang, "Choose Cancel checked items.", "Cliquez sur « Annuler les articles sélectionnés »."),
			}},
			&bot.Text{Text: tr(lang,
				"Amazon sends a confirmation email and the order moves to Cancelled Orders. Copies already printed for it go into inventory to fill other orders.",
				"Amazon envoie un e-mail de confirmation et la commande passe dans Commandes annulées. Les exemplaires déjà imprimés partent en stock pour servir d'autres commandes.")},
		},
	}
	if ref := r.topicRef(lang, "cancel-order"); ref != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: ref, Note: true})
	}
	return reply, nil
}

func (r *Router) orderDelete(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	if err := r.ledger.Delete(ctx, r.author(req, lang), n); err != nil {
		return nil, ledgerErr(err, n, lang)
	}
	return &bot.Reply{Ephemeral: true, Lang: lang, Blocks: []bot.Block{&bot.Text{Text: tr(lang,
		fmt.Sprintf("Order #%d is removed from your ledger. Numbers are never reused, so no other order will be #%d. (This doesn't touch the order on Amazon.)", n, n),
		fmt.Sprintf("La commande #%d est retirée de votre suivi. Les numéros ne sont jamais réutilisés : aucune autre commande ne sera la #%d. (La commande sur Amazon n'est pas touchée.)", n, n))}}}, nil
}
