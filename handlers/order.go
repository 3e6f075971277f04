package handlers

import (
	"context"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// Ledger keeps each author's private ledger of copy orders and applies
// the order commands, each in one transaction with the automatic
// reminders it sets or withdraws; it also answers for everything stored
// about an author (PersonalData). *ledger.Service is one. user is always
// bot.User.Key(), as is ledger.Author.User.
//
// A missing order gives an error wrapping ledger.ErrNotFound; a rule a
// command breaks, one of ledger's errors carrying data (ledger.WrongStatus,
// ledger.QuantityTooLarge, ledger.TooManyOrders…), which ledgerErr puts
// into words; any other error is internal.
type Ledger interface {
	// Add records a new order (ledger.NewOrder's rules).
	Add(ctx context.Context, a ledger.Author, o ledger.Order) (ledger.Change, error)
	// Edit changes an order that has not shipped (ledger.Edit).
	Edit(ctx context.Context, a ledger.Author, number int, c ledger.Changes) (ledger.Change, error)
	// Ship marks an order shipped (ledger.Ship).
	Ship(ctx context.Context, a ledger.Author, number int, s ledger.Shipment) (ledger.Change, error)
	// Deliver marks an order delivered (ledger.Deliver).
	Deliver(ctx context.Context, a ledger.Author, number int, date time.Time, dated bool) (ledger.Change, error)
	// Cancel marks an order cancelled (ledger.Cancel).
	Cancel(ctx context.Context, a ledger.Author, number int) (ledger.Change, error)
	// Delete removes an order and its reminders.
	Delete(ctx context.Context, a ledger.Author, number int) error
	// Report returns the order a problem is reported with, after setting
	// the reminder of its refund window (ledger.Report).
	Report(ctx context.Context, a ledger.Author, number int, problem string) (ledger.Change, error)

	// Order returns one order.
	Order(ctx context.Context, user string, number int) (ledger.Order, error)
	// Orders lists the user's orders with status ("" for all), by number.
	Orders(ctx context.Context, user, status string) ([]ledger.Order, error)
	// LatestOrders returns the user's last limit orders with status ("" for
	// all), by number, and how many there are in all.
	LatestOrders(ctx context.Context, user, status string, limit int) ([]ledger.Order, int, error)
	// RecentOrders returns the user's orders still on their way and those
	// delivered since the given day, by number.
	RecentOrders(ctx context.Context, user string, since time.Time) ([]ledger.Order, error)
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
						{Name: "damaged", Value: ledger.ProblemDamaged, Localized: map[string]string{"fr": "abîmés"}},
						{Name: "lost", Value: ledger.ProblemLost, Localized: map[string]string{"fr": "perdus"}},
						{Name: "defective", Value: ledger.ProblemDefective, Localized: map[string]string{"fr": "défaut d'impression"}},
						{Name: "wrong", Value: ledger.ProblemWrong, Localized: map[string]string{"fr": "mauvais article"}},
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
func (r *Router) ledgerUser(req *bot.Request, p *i18n.Printer) (string, error) {
	if req.User.ID == "" {
		return "", fail(p, bot.Forbidden, "order.i_can_t_tell_who")
	}
	return req.User.Key(), nil
}

// author is who a command is for, as the ledger needs to know them: when
// it is given, and how the reminders it sets reach them, worded in lang.
func (r *Router) author(req *bot.Request, p *i18n.Printer) ledger.Author {
	lang := p.Lang()
	u := req.User
	return ledger.Author{
		User: u.Key(), Platform: string(u.Platform), Workspace: u.Workspace, ID: u.ID,
		Reachable: r.canDM(u.Platform),
		Lang:      lang,
		Word:      func(a ledger.Auto) string { return autoText(a, p) },
		Now:       r.now(),
	}
}

// orderArgs reads the two things every order subcommand starts with.
func (r *Router) orderArgs(req *bot.Request) (lang string, p *i18n.Printer, user string, number int, err error) {
	lang = r.lang(req, "")
	p = r.printer(lang)
	if user, err = r.ledgerUser(req, p); err != nil {
		return lang, p, "", 0, err
	}
	number, err = parseNumber(req.Option("number"), p)
	return lang, p, user, number, err
}

func (r *Router) today() time.Time { return ledger.Day(r.now()) }
