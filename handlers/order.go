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

// localized returns the names of a command or option in the bot's
// languages other than English (French, German, Spanish, Italian,
// Portuguese and Dutch, in that order). A name may be the English one (isbn). Discord shows these names and the
// text grammar reads them; the descriptions, in every language, are the
// catalog's (describeCommands).
func localized(fr, de, es, it, pt, nl string) map[string]bot.Localized {
	return map[string]bot.Localized{
		"fr": {Name: fr}, "de": {Name: de}, "es": {Name: es}, "it": {Name: it}, "pt": {Name: pt}, "nl": {Name: nl},
	}
}

// choiceNames returns the names of a choice in French, German, Spanish,
// Italian, Portuguese, Dutch and Japanese, in that order, as Discord
// shows them and the text grammar reads them.
func choiceNames(fr, de, es, it, pt, nl, ja string) map[string]string {
	return map[string]string{"fr": fr, "de": de, "es": es, "it": it, "pt": pt, "nl": nl, "ja": ja}
}

func numberOption() bot.Option {
	return bot.Option{
		Name: "number", Type: bot.Integer,
		Required: true, Min: 1, Autocomplete: true, Placeholder: "N",
		Localized: localized("numéro", "nummer", "número", "numero", "número", "nummer"),
	}
}

func quantityOption(required bool) bot.Option {
	// Max is left unset: a platform that enforced 999 itself would show
	// its bare limit instead of the handler's message saying how many
	// orders to split a larger quantity into.
	return bot.Option{
		Name: "quantity", Type: bot.Integer,
		Required: required, Min: 1, Placeholder: "1-999",
		Localized: localized("quantité", "anzahl", "cantidad", "quantità", "quantidade", "aantal"),
	}
}

func marketplaceOption(required bool) bot.Option {
	return bot.Option{
		Name:     "marketplace",
		Required: required, Autocomplete: true, Placeholder: "market", MaxLength: 40,
		Localized: localized("marketplace", "marktplatz", "marketplace", "marketplace", "marketplace", "marktplaats"),
	}
}

func titleOption(required bool) bot.Option {
	return bot.Option{
		Name: "title", Required: required, MaxLength: maxTitle,
		Localized: localized("titre", "titel", "título", "titolo", "título", "titel"),
	}
}

func expectedOption() bot.Option {
	return bot.Option{
		Name: "expected", Placeholder: "YYYY-MM-DD", MaxLength: 10,
		Localized: localized("livraison-prévue", "lieferdatum", "entrega-prevista", "consegna-prevista", "entrega-prevista", "leverdatum"),
	}
}

func noteOption() bot.Option {
	return bot.Option{
		Name: "note", MaxLength: maxNote,
		Localized: localized("note", "notiz", "nota", "nota", "nota", "notitie"),
	}
}

func (r *Router) orderFamily() family {
	sub := func(name string, loc map[string]bot.Localized, example string, opts ...bot.Option) *bot.Command {
		return &bot.Command{Name: name, Example: example, Options: opts, Localized: loc}
	}
	statusChoices := []bot.Choice{
		{Name: "ordered", Value: ledger.StatusOrdered, Localized: choiceNames("commandée", "bestellt", "pedido", "ordinato", "pedido", "besteld", "注文済み")},
		{Name: "shipped", Value: ledger.StatusShipped, Localized: choiceNames("expédiée", "versandt", "enviado", "spedito", "enviado", "verzonden", "発送済み")},
		{Name: "delivered", Value: ledger.StatusDelivered, Localized: choiceNames("livrée", "zugestellt", "entregado", "consegnato", "entregue", "bezorgd", "配達済み")},
		{Name: "cancelled", Value: ledger.StatusCancelled, Localized: choiceNames("annulée", "storniert", "cancelado", "annullato", "cancelado", "geannuleerd", "キャンセル済み")},
	}
	cmd := &bot.Command{
		Name:      "order",
		Example:   "/order add 25 amazon.com The Long Road",
		Localized: localized("commande", "bestellung", "pedido", "ordine", "pedido", "bestelling"),
		Subs: []*bot.Command{
			sub("add", localized("ajouter", "hinzufügen", "añadir", "aggiungi", "adicionar", "toevoegen"),
				"/order add 25 amazon.com The Long Road expected:{today+14}",
				quantityOption(true), marketplaceOption(true), titleOption(true),
				bot.Option{Name: "kind",
					Choices: []bot.Choice{
						{Name: "author", Value: ledger.KindAuthor, Localized: choiceNames("exemplaires d'auteur", "Autorenexemplare", "copias de autor", "copie d'autore", "cópias do autor", "auteursexemplaren", "著者用コピー")},
						{Name: "proof", Value: ledger.KindProof, Localized: choiceNames("épreuves", "Korrekturexemplare", "pruebas", "copie di prova", "provas", "proefexemplaren", "校正刷り")},
					},
					Localized: localized("type", "art", "tipo", "tipo", "tipo", "soort")},
				bot.Option{Name: "isbn", Placeholder: "isbn", MaxLength: 24,
					Localized: localized("isbn", "isbn", "isbn", "isbn", "isbn", "isbn")},
				bot.Option{Name: "ordered", Placeholder: "YYYY-MM-DD", MaxLength: 10,
					Localized: localized("commandée-le", "bestellt-am", "pedido-el", "ordinato-il", "pedido-em", "besteld-op")},
				expectedOption(), noteOption()),
			sub("list", localized("liste", "liste", "lista", "elenco", "lista", "lijst"), "/order list shipped",
				bot.Option{Name: "status", Positional: true, Choices: statusChoices,
					Localized: localized("statut", "status", "estado", "stato", "status", "status")}),
			sub("show", localized("voir", "anzeigen", "ver", "mostra", "ver", "tonen"), "/order show 3", numberOption()),
			sub("edit", localized("modifier", "bearbeiten", "modificar", "modifica", "editar", "wijzigen"),
				"/order edit 3 quantity:30",
				numberOption(), quantityOption(false), marketplaceOption(false), titleOption(false), expectedOption(), noteOption()),
			sub("shipped", localized("expédiée", "versandt", "enviado", "spedito", "enviado", "verzonden"),
				"/order shipped 3 tracking:1Z999AA10123456784",
				numberOption(),
				bot.Option{Name: "tracking", Positional: true, MaxLength: maxTracking,
					Localized: localized("suivi", "sendungsnummer", "seguimiento", "tracciamento", "rastreio", "trackingnummer")},
				bot.Option{Name: "date", Placeholder: "YYYY-MM-DD", MaxLength: 10,
					Localized: localized("date", "datum", "fecha", "data", "data", "datum")}),
			sub("delivered", localized("livrée", "zugestellt", "entregado", "consegnato", "entregue", "bezorgd"),
				"/order delivered 3 {today}",
				numberOption(),
				bot.Option{Name: "date", Positional: true, Placeholder: "YYYY-MM-DD", MaxLength: 10,
					Localized: localized("date", "datum", "fecha", "data", "data", "datum")}),
			sub("cancel", localized("annuler", "stornieren", "cancelar", "annulla", "cancelar", "annuleren"),
				"/order cancel 3", numberOption()),
			sub("delete", localized("supprimer", "löschen", "eliminar", "elimina", "apagar", "verwijderen"), "/order delete 3", numberOption()),
			sub("problem", localized("problème", "problem", "problema", "problema", "problema", "probleem"),
				"/order problem 3 damaged the box was crushed",
				numberOption(),
				bot.Option{Name: "kind", Required: true,
					Choices: []bot.Choice{
						{Name: "damaged", Value: ledger.ProblemDamaged, Localized: choiceNames("abîmés", "beschädigt", "dañadas", "danneggiate", "danificadas", "beschadigd", "破損")},
						{Name: "lost", Value: ledger.ProblemLost, Localized: choiceNames("perdus", "verloren", "perdidas", "smarrite", "extraviadas", "verloren", "紛失")},
						{Name: "defective", Value: ledger.ProblemDefective, Localized: choiceNames("défaut d'impression", "Druckfehler", "defecto de impresión", "difetto di stampa", "defeito de impressão", "drukfout", "印刷不良")},
						{Name: "wrong", Value: ledger.ProblemWrong, Localized: choiceNames("mauvais article", "falscher Artikel", "artículo equivocado", "articolo sbagliato", "item errado", "verkeerd artikel", "誤った商品")},
					},
					Localized: localized("type", "art", "tipo", "tipo", "tipo", "soort")},
				bot.Option{Name: "details", Positional: true, MaxLength: maxDetails,
					Localized: localized("détails", "details", "detalles", "dettagli", "detalhes", "details")}),
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
