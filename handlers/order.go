package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// OrderStore keeps each author's private ledger of copy orders, and answers
// for everything stored about an author (PersonalData). *store.DB
// satisfies it. user is always bot.User.Key().
type OrderStore interface {
	// AddOrder stores o as the user's next order and returns it with its
	// number, which is never reused. A ledger at ledger.MaxOrders gives a
	// ledger.TooManyOrders error; other errors are internal.
	AddOrder(ctx context.Context, o ledger.Order) (ledger.Order, error)
	// Order returns one order; an error wrapping ledger.ErrNotFound when
	// the user has no order with that number.
	Order(ctx context.Context, user string, number int) (ledger.Order, error)
	// Orders lists the user's orders with status ("" for all), by number.
	// Errors are internal.
	Orders(ctx context.Context, user, status string) ([]ledger.Order, error)
	// LatestOrders returns the user's last limit orders with status ("" for
	// all), by number, and how many there are in all. Errors are internal.
	LatestOrders(ctx context.Context, user, status string, limit int) ([]ledger.Order, int, error)
	// RecentOrders returns the user's orders still on their way and those
	// delivered since the given day, by number. Errors are internal.
	RecentOrders(ctx context.Context, user string, since time.Time) ([]ledger.Order, error)
	// UpdateOrder changes one order through fn in one transaction; an
	// error wrapping ledger.ErrNotFound for a missing order, or fn's own
	// error unchanged.
	UpdateOrder(ctx context.Context, user string, number int, fn func(*ledger.Order) error) (ledger.Order, error)
	// DeleteOrder removes one order; an error wrapping ledger.ErrNotFound
	// for a missing order.
	DeleteOrder(ctx context.Context, user string, number int) error
	PersonalData
}

// frName builds the French name and description of a command or option.
func frName(name, desc string) map[string]bot.Localized {
	return map[string]bot.Localized{"fr": {Name: name, Description: desc}}
}

func numberOption() bot.Option {
	return bot.Option{
		Name: "number", Description: "The order's number, as shown by /order list", Type: bot.Integer,
		Required: true, Min: 1, Autocomplete: true, Placeholder: "N",
		Localized: frName("numéro", "Le numéro de la commande, comme dans /order list"),
	}
}

func quantityOption(required bool) bot.Option {
	// Max is left unset: a platform that enforced 999 itself would show
	// its bare limit instead of the handler's message saying how many
	// orders to split a larger quantity into.
	return bot.Option{
		Name: "quantity", Description: "Number of copies: 1-999 author copies, 1-5 proofs", Type: bot.Integer,
		Required: required, Min: 1, Placeholder: "1-999",
		Localized: frName("quantité", "Nombre d'exemplaires : 1 à 999 exemplaires d'auteur, 1 à 5 épreuves"),
	}
}

func marketplaceOption(required bool) bot.Option {
	return bot.Option{
		Name: "marketplace", Description: "The Amazon site you ordered on, e.g. amazon.com, uk, de",
		Required: required, Autocomplete: true, Placeholder: "market", MaxLength: 40,
		Localized: frName("marketplace", "Le site Amazon de la commande, par ex. amazon.fr, fr, de"),
	}
}

func titleOption(required bool) bot.Option {
	return bot.Option{
		Name: "title", Description: "The book's title", Required: required, MaxLength: maxTitle,
		Localized: frName("titre", "Le titre du livre"),
	}
}

func expectedOption() bot.Option {
	return bot.Option{
		Name: "expected", Description: "Expected Delivery Date shown by Amazon (YYYY-MM-DD)", Placeholder: "YYYY-MM-DD", MaxLength: 10,
		Localized: frName("livraison-prévue", "Date de livraison prévue indiquée par Amazon (AAAA-MM-JJ)"),
	}
}

func noteOption() bot.Option {
	return bot.Option{
		Name: "note", Description: "A private note for yourself", MaxLength: maxNote,
		Localized: frName("note", "Une note pour vous seul"),
	}
}

func (r *Router) orderFamily() family {
	sub := func(name, desc, frn, frd, example string, opts ...bot.Option) *bot.Command {
		return &bot.Command{Name: name, Description: desc, Example: example, Options: opts, Localized: frName(frn, frd)}
	}
	statusChoices := []bot.Choice{
		{Name: "ordered", Value: ledger.StatusOrdered, Localized: map[string]string{"fr": "commandée"}},
		{Name: "shipped", Value: ledger.StatusShipped, Localized: map[string]string{"fr": "expédiée"}},
		{Name: "delivered", Value: ledger.StatusDelivered, Localized: map[string]string{"fr": "livrée"}},
		{Name: "cancelled", Value: ledger.StatusCancelled, Localized: map[string]string{"fr": "annulée"}},
	}
	cmd := &bot.Command{
		Name:        "order",
		Description: "Keep a private ledger of your author and proof copy orders",
		Example:     "/order add 25 amazon.com The Long Road",
		Localized:   frName("commande", "Suivez vos commandes d'exemplaires d'auteur et d'épreuves, en privé"),
		Subs: []*bot.Command{
			sub("add", "Record an order you placed on Amazon", "ajouter", "Noter une commande passée sur Amazon",
				"/order add 25 amazon.com The Long Road expected:{today+14}",
				quantityOption(true), marketplaceOption(true), titleOption(true),
				bot.Option{Name: "kind", Description: "Author copies or proof copies (default author)",
					Choices: []bot.Choice{
						{Name: "author", Value: ledger.KindAuthor, Localized: map[string]string{"fr": "exemplaires d'auteur"}},
						{Name: "proof", Value: ledger.KindProof, Localized: map[string]string{"fr": "épreuves"}},
					},
					Localized: frName("type", "Exemplaires d'auteur ou épreuves (par défaut : auteur)")},
				bot.Option{Name: "isbn", Description: "The book's ISBN-10 or ISBN-13", Placeholder: "isbn", MaxLength: 24,
					Localized: frName("isbn", "L'ISBN-10 ou ISBN-13 du livre")},
				bot.Option{Name: "ordered", Description: "The day you ordered (YYYY-MM-DD, default today)", Placeholder: "YYYY-MM-DD", MaxLength: 10,
					Localized: frName("commandée-le", "Le jour de la commande (AAAA-MM-JJ, par défaut aujourd'hui)")},
				expectedOption(), noteOption()),
			sub("list", "List your orders", "liste", "Lister vos commandes", "/order list shipped",
				bot.Option{Name: "status", Description: "Only orders with this status", Positional: true, Choices: statusChoices,
					Localized: frName("statut", "Seulement les commandes dans cet état")}),
			sub("show", "Show one order", "voir", "Afficher une commande", "/order show 3", numberOption()),
			sub("edit", "Change an order that has not shipped", "modifier", "Modifier une commande pas encore expédiée",
				"/order edit 3 quantity:30",
				numberOption(), quantityOption(false), marketplaceOption(false), titleOption(false), expectedOption(), noteOption()),
			sub("shipped", "Mark an order as shipped", "expédiée", "Marquer une commande comme expédiée", "/order shipped 3 tracking:1Z999AA10123456784",
				numberOption(),
				bot.Option{Name: "tracking", Description: "The carrier's tracking number", Positional: true, MaxLength: maxTracking,
					Localized: frName("suivi", "Le numéro de suivi du transporteur")},
				bot.Option{Name: "date", Description: "The day it shipped (YYYY-MM-DD, default today)", Placeholder: "YYYY-MM-DD", MaxLength: 10,
					Localized: frName("date", "Le jour de l'expédition (AAAA-MM-JJ, par défaut aujourd'hui)")}),
			sub("delivered", "Mark an order as delivered", "livrée", "Marquer une commande comme livrée", "/order delivered 3 {today}",
				numberOption(),
				bot.Option{Name: "date", Description: "The day the copies arrived (YYYY-MM-DD, default today)", Positional: true, Placeholder: "YYYY-MM-DD", MaxLength: 10,
					Localized: frName("date", "Le jour où les exemplaires sont arrivés (AAAA-MM-JJ, par défaut aujourd'hui)")}),
			sub("cancel", "Mark an order as cancelled, and how to cancel it on Amazon", "annuler", "Marquer une commande comme annulée, et comment l'annuler sur Amazon",
				"/order cancel 3", numberOption()),
			sub("delete", "Remove an order from your ledger", "supprimer", "Retirer une commande de votre suivi", "/order delete 3", numberOption()),
			sub("problem", "Damaged, lost, defective or wrong copies: what to do and by when", "problème", "Exemplaires abîmés, perdus, défectueux ou erronés : que faire et avant quand",
				"/order problem 3 damaged the box was crushed",
				numberOption(),
				bot.Option{Name: "kind", Description: "What went wrong", Required: true,
					Choices: []bot.Choice{
						{Name: "damaged", Value: problemDamaged, Localized: map[string]string{"fr": "abîmés"}},
						{Name: "lost", Value: problemLost, Localized: map[string]string{"fr": "perdus"}},
						{Name: "defective", Value: problemDefective, Localized: map[string]string{"fr": "défaut d'impression"}},
						{Name: "wrong", Value: problemWrong, Localized: map[string]string{"fr": "mauvais article"}},
					},
					Localized: frName("type", "Le problème")},
				bot.Option{Name: "details", Description: "What you see, for your message to KDP", Positional: true, MaxLength: maxDetails,
					Localized: frName("détails", "Ce que vous constatez, pour votre message à KDP")}),
		},
	}
	return family{cmd: cmd, handlers: map[string]bot.HandlerFunc{
		"add":       r.orderAdd,
		"list":      r.orderList,
		"show":      r.orderShow,
		"edit":      r.orderEdit,
		"shipped":   r.orderShipped,
		"delivered": r.orderDelivered,
		"cancel":    r.orderCancel,
		"delete":    r.orderDelete,
		"problem":   r.orderProblem,
	}}
}

// ledgerUser returns the key the author's orders are kept under, or why
// there are none.
func (r *Router) ledgerUser(req *bot.Request, lang string) (string, error) {
	if r.Orders == nil {
		return "", bot.Errorf(bot.Conflict, "%s", tr(lang,
			"Order tracking is not set up on this bot; questions still work: /ask …",
			"Le suivi des commandes n'est pas activé sur ce bot ; les questions marchent toujours : /ask …"))
	}
	if req.User.ID == "" {
		return "", bot.Errorf(bot.Forbidden, "%s", tr(lang,
			"I can't tell who you are here, so I can't keep orders for you.",
			"Je ne sais pas qui vous êtes ici, je ne peux donc pas suivre vos commandes."))
	}
	return req.User.Key(), nil
}

// orderArgs reads the two things every order subcommand starts with.
func (r *Router) orderArgs(req *bot.Request) (lang, user string, number int, err error) {
	lang = r.lang(req, "")
	if user, err = r.ledgerUser(req, lang); err != nil {
		return lang, "", 0, err
	}
	number, err = parseNumber(req.Option("number"), lang)
	return lang, user, number, err
}

// storeErr turns a store error into one for the author: a missing order,
// a rule an update broke, or an internal fault.
func storeErr(err error, number int, lang string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ledger.ErrNotFound):
		return bot.Errorf(bot.NotFound, "%s", tr(lang,
			fmt.Sprintf("You have no order #%d. /order list shows your orders and their numbers.", number),
			fmt.Sprintf("Vous n'avez pas de commande #%d. /order list affiche vos commandes et leurs numéros.", number)))
	case bot.ErrorCode(err) != bot.Internal:
		return err
	}
	return fmt.Errorf("orders: %w", err)
}

func (r *Router) today() time.Time { return day(r.Now()) }

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
	o, err = r.Orders.AddOrder(ctx, o)
	if full := (ledger.TooManyOrders{}); errors.As(err, &full) {
		return nil, bot.Errorf(bot.Conflict, "%s", tr(lang,
			fmt.Sprintf("Your ledger holds %s orders, the most I keep for one author, so I can't add this one. Keep a copy of it with /mydata export, then delete the orders you no longer need to follow with /order delete <number>.", thousands(full.Have, lang)),
			fmt.Sprintf("Votre suivi compte %s commandes, le maximum que je garde par auteur : je ne peux pas ajouter celle-ci. Gardez-en une copie avec /mydata export, puis supprimez les commandes que vous n'avez plus besoin de suivre avec /order delete <numéro>.", thousands(full.Have, lang))))
	}
	if err != nil {
		return nil, fmt.Errorf("order add: %w", err)
	}
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
	if note := r.syncOrderReminders(ctx, req.User, o, lang); note != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: note, Note: true})
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
		if o.Ordered.After(today) {
			return o, bot.Errorf(bot.Invalid, "%s", tr(lang,
				fmt.Sprintf("ordered is the day you placed the order, so it can't be in the future (%s; today is %s).", showDate(o.Ordered), showDate(today)),
				fmt.Sprintf("ordered est le jour de la commande : il ne peut pas être dans le futur (%s ; nous sommes le %s).", showDate(o.Ordered), showDate(today))))
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
	if d.Before(ordered) {
		return d, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("expected (%s) can't be before the order date (%s): use the Expected Delivery Date Amazon shows in Your Orders.", showDate(d), showDate(ordered)),
			fmt.Sprintf("expected (%s) ne peut pas précéder la date de commande (%s) : indiquez la date de livraison prévue affichée dans Vos commandes.", showDate(d), showDate(ordered))))
	}
	return d, nil
}

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
	shown, total, err := r.Orders.LatestOrders(ctx, user, status, maxListed)
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
	o, err := r.Orders.Order(ctx, user, n)
	if err != nil {
		return nil, storeErr(err, n, lang)
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

func (r *Router) orderEdit(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	today := r.today()
	var changes []string
	change := func(name, from, to string) {
		if from != to {
			changes = append(changes, fmt.Sprintf("%s: %s → %s", name, orNone(from, lang), orNone(to, lang)))
		}
	}
	fields := []string{"quantity", "marketplace", "title", "expected", "note"}
	given := false
	for _, f := range fields {
		given = given || req.Has(f)
	}
	if !given {
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Say what to change: quantity, marketplace, title, expected or note. Example: /order edit %d quantity:30", n),
			fmt.Sprintf("Indiquez ce qu'il faut modifier : quantity, marketplace, title, expected ou note. Exemple : /order edit %d quantity:30", n)))
	}
	o, err := r.Orders.UpdateOrder(ctx, user, n, func(o *ledger.Order) error {
		if o.Status != ledger.StatusOrdered {
			return stateConflict(*o, "changed", "modifiée", lang)
		}
		if req.Has("quantity") {
			q, err := parseQuantity(req.Option("quantity"), o.Kind, lang)
			if err != nil {
				return err
			}
			change("quantity", fmt.Sprint(o.Quantity), fmt.Sprint(q))
			o.Quantity = q
		}
		if req.Has("marketplace") {
			m, err := parseMarketplace(req.Option("marketplace"), lang)
			if err != nil {
				return err
			}
			change("marketplace", o.Marketplace, m)
			o.Marketplace = m
		}
		if req.Has("title") {
			t, err := requiredTitle(req.Options["title"], lang)
			if err != nil {
				return err
			}
			change("title", safeQuote(o.Title), safeQuote(t))
			o.Title = t
		}
		if req.Has("expected") {
			var d time.Time
			if s := req.Option("expected"); s != "" {
				var err error
				if d, err = parseExpected(s, o.Ordered, lang, today); err != nil {
					return err
				}
			}
			change("expected", showDate(o.Expected), showDate(d))
			o.Expected = d
		}
		if req.Has("note") {
			note, err := cleanText(req.Options["note"], "note", maxNote, lang)
			if err != nil {
				return err
			}
			change("note", safeQuote(o.Note), safeQuote(note))
			o.Note = note
		}
		return nil
	})
	if err != nil {
		return nil, storeErr(err, n, lang)
	}
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
	if note := r.syncOrderReminders(ctx, req.User, o, lang); note != "" && req.Has("expected") {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: note, Note: true})
	}
	return reply, nil
}

func orNone(s, lang string) string {
	if s == "" || s == quote("") {
		return tr(lang, "(none)", "(aucune)")
	}
	return s
}

func (r *Router) orderShipped(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, user, n, err := r.orderArgs(req)
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
	o, err := r.Orders.UpdateOrder(ctx, user, n, func(o *ledger.Order) error {
		switch o.Status {
		case ledger.StatusShipped:
			if tracking == "" || tracking == o.Tracking {
				return bot.Errorf(bot.Conflict, "%s", tr(lang,
					fmt.Sprintf("Order #%d is already marked shipped (%s). To add its tracking number: /order shipped %d tracking:<number>", n, showDate(o.Shipped), n),
					fmt.Sprintf("La commande #%d est déjà marquée expédiée (%s). Pour ajouter le numéro de suivi : /order shipped %d tracking:<numéro>", n, showDate(o.Shipped), n)))
			}
			o.Tracking = tracking // a tracking number that came later
			return nil
		case ledger.StatusOrdered:
		default:
			return stateConflict(*o, "marked shipped", "marquée expédiée", lang)
		}
		if req.Has("date") && date.Before(o.Ordered) {
			return bot.Errorf(bot.Invalid, "%s", tr(lang,
				fmt.Sprintf("Order #%d was ordered on %s, so it can't have shipped on %s. Check the date (YYYY-MM-DD).", n, showDate(o.Ordered), showDate(date)),
				fmt.Sprintf("La commande #%d a été passée le %s : elle ne peut pas avoir été expédiée le %s. Vérifiez la date (AAAA-MM-JJ).", n, showDate(o.Ordered), showDate(date))))
		}
		o.Status, o.Shipped = ledger.StatusShipped, maxDate(date, o.Ordered)
		if tracking != "" {
			o.Tracking = tracking
		}
		return nil
	})
	if err != nil {
		return nil, storeErr(err, n, lang)
	}
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
	r.syncOrderReminders(ctx, req.User, o, lang)
	return reply, nil
}

func maxDate(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
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
	if date.After(today) {
		return time.Time{}, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("%s is in the future (today is %s): %s.", showDate(date), showDate(today), enHint),
			fmt.Sprintf("Le %s est dans le futur (nous sommes le %s) : %s.", showDate(date), showDate(today), frHint)))
	}
	return date, nil
}

func (r *Router) orderDelivered(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	date, err := r.pastDate(req, lang,
		"mark the order delivered once the copies have arrived", "marquez la commande livrée une fois les exemplaires arrivés")
	if err != nil {
		return nil, err
	}
	o, err := r.Orders.UpdateOrder(ctx, user, n, func(o *ledger.Order) error {
		switch o.Status {
		case ledger.StatusCancelled:
			return stateConflict(*o, "marked delivered", "marquée livrée", lang)
		case ledger.StatusDelivered:
			if !req.Has("date") || date.Equal(o.Delivered) {
				return bot.Errorf(bot.Conflict, "%s", tr(lang,
					fmt.Sprintf("Order #%d is already marked delivered on %s. To correct the date: /order delivered %d date:YYYY-MM-DD", n, showDate(o.Delivered), n),
					fmt.Sprintf("La commande #%d est déjà marquée livrée le %s. Pour corriger la date : /order delivered %d date:AAAA-MM-JJ", n, showDate(o.Delivered), n)))
			}
		}
		if date.Before(o.Ordered) {
			return bot.Errorf(bot.Invalid, "%s", tr(lang,
				fmt.Sprintf("Order #%d was ordered on %s, so it can't have arrived on %s. Check the date (YYYY-MM-DD).", n, showDate(o.Ordered), showDate(date)),
				fmt.Sprintf("La commande #%d a été passée le %s : elle ne peut pas être arrivée le %s. Vérifiez la date (AAAA-MM-JJ).", n, showDate(o.Ordered), showDate(date))))
		}
		if !o.Shipped.IsZero() && date.Before(o.Shipped) {
			return bot.Errorf(bot.Invalid, "%s", tr(lang,
				fmt.Sprintf("Order #%d shipped on %s, so it can't have arrived on %s. Check the date (YYYY-MM-DD).", n, showDate(o.Shipped), showDate(date)),
				fmt.Sprintf("La commande #%d a été expédiée le %s : elle ne peut pas être arrivée le %s. Vérifiez la date (AAAA-MM-JJ).", n, showDate(o.Shipped), showDate(date))))
		}
		o.Status, o.Delivered = ledger.StatusDelivered, date
		return nil
	})
	if err != nil {
		return nil, storeErr(err, n, lang)
	}
	r.syncOrderReminders(ctx, req.User, o, lang)
	deadline := o.Delivered.AddDate(0, 0, refundWindow)
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
	lang, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	today := r.today()
	o, err := r.Orders.UpdateOrder(ctx, user, n, func(o *ledger.Order) error {
		if o.Status != ledger.StatusOrdered {
			err := stateConflict(*o, "cancelled", "annulée", lang)
			if o.Status == ledger.StatusShipped {
				err = bot.Errorf(bot.Conflict, "%s", err.Error()+tr(lang,
					" Amazon only cancels orders that have not entered shipping. If something is wrong once it arrives: /order problem "+fmt.Sprint(n),
					" Amazon n'annule que les commandes pas encore entrées en expédition. En cas de problème à l'arrivée : /order problem "+fmt.Sprint(n)))
			}
			return err
		}
		o.Status, o.Cancelled = ledger.StatusCancelled, maxDate(today, o.Ordered)
		return nil
	})
	if err != nil {
		return nil, storeErr(err, n, lang)
	}
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
	r.syncOrderReminders(ctx, req.User, o, lang)
	return reply, nil
}

func (r *Router) orderDelete(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, user, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	if err := r.Orders.DeleteOrder(ctx, user, n); err != nil {
		return nil, storeErr(err, n, lang)
	}
	r.dropOrderReminders(ctx, user, n)
	return &bot.Reply{Ephemeral: true, Lang: lang, Blocks: []bot.Block{&bot.Text{Text: tr(lang,
		fmt.Sprintf("Order #%d is removed from your ledger. Numbers are never reused, so no other order will be #%d. (This doesn't touch the order on Amazon.)", n, n),
		fmt.Sprintf("La commande #%d est retirée de votre suivi. Les numéros ne sont jamais réutilisés : aucune autre commande ne sera la #%d. (La commande sur Amazon n'est pas touchée.)", n, n))}}}, nil
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

func plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// topicRef points to knowledge-base topics: "More: Title (/help id)".
func (r *Router) topicRef(lang string, ids ...string) string {
	return r.topicLinks(lang, "More: ", "Pour en savoir plus : ", ids)
}

// topicLinks lists topics after a label ("Title (/help id); …"), leaving
// out any id the knowledge base does not have, so a renamed topic is
// never linked; "" when none is left.
func (r *Router) topicLinks(lang, labelEN, labelFR string, ids []string) string {
	if r.KB == nil {
		return ""
	}
	var refs []string
	for _, id := range ids {
		if e, ok := r.KB.Entry(id, lang); ok {
			refs = append(refs, e.Title+" (/help "+e.ID+")")
		}
	}
	if len(refs) == 0 {
		return ""
	}
	return tr(lang, labelEN, labelFR) + strings.Join(refs, "; ")
}
