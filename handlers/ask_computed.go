package handlers

import (
	"errors"
	"slices"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/isbn"
	"github.com/authorbot/authorbot/printcost"
)

// computed returns the blocks worked out from the question itself, to
// lead the answer on topic e: the checked and converted ISBNs it writes,
// and, for a question on a cost topic that gives a page count, the
// printing cost from the verified tables (or why there is no figure).
// Nil when the question has neither.
func (a *Answers) computed(q string, theme string, p *i18n.Printer) []bot.Block {
	var blocks []bot.Block
	for _, f := range findISBNs(q) {
		blocks = append(blocks, foundISBN(f, p)...)
	}
	if theme == "cost" {
		blocks = append(blocks, costBlocks(q, p)...)
	}
	return blocks
}

// findISBNs returns the ISBNs written in q (isbn.FindAll), looking only
// when q has the digits of one: most questions have none.
func findISBNs(q string) []isbn.Found {
	if digits(q) < 9 {
		return nil
	}
	return isbn.FindAll(q)
}

// foundISBN is an ISBN of a question, checked: both of its forms, or what
// is wrong with it.
func foundISBN(f isbn.Found, p *i18n.Printer) []bot.Block {
	if f.Err != nil {
		return []bot.Block{&bot.Text{Text: bot.ErrorMessage(isbnError(f.Text, f.Err, p))}}
	}
	n := f.ISBN13
	if f.ISBN10 != "" && len(isbn.Digits(f.Text)) == 10 {
		n = f.ISBN10 // the form the author wrote
	}
	return append([]bot.Block{&bot.Text{Text: "ISBN " + f.Text}}, isbnBlocks(n, p)...)
}

// costBlocks works out the printing cost a question asks for, from the
// page count, ink, trim, binding and marketplace it gives. Nil when it
// gives no page count: the question is then about costs in general.
func costBlocks(q string, p *i18n.Printer) []bot.Block {
	if digits(q) == 0 {
		return nil // no page count, without reading the question through
	}
	params, missing := printcost.FromText(q)
	if params.Pages == 0 {
		return nil
	}
	var lack []string
	trims := []printcost.Trim{params.Trim}
	assumed := false
	for _, m := range missing {
		switch m.Field {
		case printcost.FieldTrim:
			// Both trims fit in a reply: give both rather than ask.
			trims = []printcost.Trim{printcost.Regular, printcost.Large}
		case printcost.FieldBinding:
			if len(m.Bindings) == 0 {
				params.Binding, assumed = printcost.Paperback, true
			} else {
				lack = append(lack, p.T("ask.cost.field.binding"))
			}
		case printcost.FieldInk:
			if len(m.Inks) > 0 && !slices.Contains(m.Inks, printcost.Black) {
				// Colour, standard or premium: no table has either, so
				// which one does not change the answer.
				return []bot.Block{&bot.Text{Text: p.T("ask.cost.no_table",
					"Book", book(p, p.T("ask.cost.ink.colour"), params.Binding), "Marketplace", domainOf(params.Marketplace))}}
			}
			lack = append(lack, p.T("ask.cost.field.ink"))
		case printcost.FieldMarketplace:
			lack = append(lack, p.T("ask.cost.field.marketplace"))
		case printcost.FieldPages:
			lack = append(lack, p.T("ask.cost.field.pages"))
		}
	}
	if len(lack) > 0 {
		return []bot.Block{&bot.Text{Text: p.T("ask.cost.missing", "Fields", strings.Join(lack, ", "))}}
	}
	var costs []printcost.Cost
	for _, t := range trims {
		params.Trim = t
		c, err := printcost.Compute(params)
		if err != nil {
			return []bot.Block{&bot.Text{Text: costError(err, params, p)}}
		}
		costs = append(costs, c)
	}
	return costReply(costs, assumed, q, p)
}

// costReply writes computed costs, one line per trim, with the copies the
// question names, the table's date and source, and the caveats.
func costReply(costs []printcost.Cost, assumed bool, q string, p *i18n.Printer) []bot.Block {
	first := costs[0]
	head := p.T("ask.cost.head", "Pages", first.Params.Pages,
		"Book", book(p, inkName(first.Params.Ink, p), first.Params.Binding), "Marketplace", first.Params.Marketplace.Domain())
	copies, hasCopies := printcost.Copies(q)
	var items []string
	secondary := false
	for _, c := range costs {
		line := p.T("ask.cost.per_copy_flat", "Cost", money(c.Amount, p))
		if c.PerPage.Milli != 0 {
			line = p.T("ask.cost.per_copy", "Cost", money(c.Amount, p), "Fixed", money(c.Fixed, p),
				"Pages", c.Params.Pages, "PerPage", money3(c.PerPage, p))
		}
		if hasCopies {
			total := printcost.Money{Milli: c.Amount.Rounded().Milli * int64(copies), Currency: c.Amount.Currency}
			line = p.T("ask.cost.copies", "PerCopy", line, "Count", copies, "Total", money(total, p))
		}
		id := "ask.cost.regular"
		if c.Params.Trim == printcost.Large {
			id = "ask.cost.large"
		}
		items = append(items, p.T(id, "Cost", line))
		secondary = secondary || c.Secondary
	}
	blocks := []bot.Block{&bot.Text{Text: head}, &bot.List{Items: items}}
	var notes []string
	if assumed {
		notes = append(notes, p.T("ask.cost.assumed_paperback"))
	}
	if secondary {
		notes = append(notes, p.T("ask.cost.secondary"))
	}
	for _, n := range first.Notes {
		notes = append(notes, p.T(noteIDs[n]))
	}
	notes = append(notes, p.T("ask.cost.caveat", "Date", first.Effective.Format("2006-01-02"), "Source", first.Source))
	for _, n := range notes {
		blocks = append(blocks, &bot.Text{Text: n, Note: true})
	}
	return blocks
}

// noteIDs are the messages of printcost's notes.
var noteIDs = map[printcost.Note]string{
	printcost.AUAddressesOnly: "ask.cost.note_au",
	printcost.JPAccountOnly:   "ask.cost.note_jp",
	printcost.NLOlderGuidance: "ask.cost.note_nl",
}

// costError says why there is no figure for params.
func costError(err error, params printcost.Params, p *i18n.Printer) string {
	var (
		none    *printcost.NoVerifiedTable
		offered *printcost.NotOffered
		out     *printcost.PagesOutOfRange
		between *printcost.PagesBetweenBands
	)
	switch {
	case errors.As(err, &none):
		s := p.T("ask.cost.no_table", "Book", book(p, inkName(params.Ink, p), params.Binding), "Marketplace", domainOf(params.Marketplace))
		if !none.ChangedOn.IsZero() {
			s += " " + p.T("ask.cost.changed", "Date", none.ChangedOn.Format("2006-01-02"))
		}
		return s
	case errors.As(err, &offered) && offered.Reason == printcost.HardcoverOnUK:
		var alt []string
		for _, m := range offered.Alternatives {
			alt = append(alt, m.Domain())
		}
		return p.T("ask.cost.not_offered_uk_hardcover", "Alternatives", strings.Join(alt, ", "))
	case errors.As(err, &offered):
		return p.T("ask.cost.not_offered_colour_hardcover")
	case errors.As(err, &out):
		return p.T("ask.cost.pages_out", "Pages", out.Pages, "Min", out.Min, "Max", out.Max)
	case errors.As(err, &between):
		return p.T("ask.cost.pages_between", "Pages", between.Pages, "Below", between.Below, "Above", between.Above)
	}
	// MissingParams cannot happen: costBlocks asks for what is missing.
	return p.T("ask.cost.missing", "Fields", p.T("ask.cost.field.ink"))
}

// book names a kind of book: "black-ink paperback".
func book(p *i18n.Printer, ink string, b printcost.Binding) string {
	binding := p.T("ask.cost.binding.paperback")
	if b == printcost.Hardcover {
		binding = p.T("ask.cost.binding.hardcover")
	}
	return p.T("ask.cost.book", "Ink", ink, "Binding", binding)
}

// inkName names an ink.
func inkName(i printcost.Ink, p *i18n.Printer) string {
	switch i {
	case printcost.StandardColour:
		return p.T("ask.cost.ink.standard_colour")
	case printcost.PremiumColour:
		return p.T("ask.cost.ink.premium_colour")
	}
	return p.T("ask.cost.ink.black")
}

// domainOf is m's Amazon site, or Amazon when the question named none.
func domainOf(m printcost.Marketplace) string {
	if d := m.Domain(); d != "" {
		return d
	}
	return "Amazon"
}

// money writes an amount as the reader's language writes numbers, with
// its currency's code: 4.60 USD, 4,60 EUR, 422 JPY.
func money(m printcost.Money, p *i18n.Printer) string {
	r := m.Rounded()
	d := m.Currency.MinorDigits()
	return p.Fixed(float64(r.Milli)/1000, d) + " " + string(m.Currency)
}

// money3 writes a per-page rate with the thousandths it has (0.012 USD).
func money3(m printcost.Money, p *i18n.Printer) string {
	return p.Fixed(float64(m.Milli)/1000, 3) + " " + string(m.Currency)
}
