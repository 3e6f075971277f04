package handlers

import (
	"context"
	"errors"
	"fmt"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/isbn"
)

// amazonDetailURL is Amazon's product page for a book, by ISBN-10.
const amazonDetailURL = "https://www.amazon.com/dp/"

func (r *Router) isbnFamily() family {
	return family{
		cmd: &bot.Command{
			Name:    "isbn",
			Example: "/isbn 978-0-306-40615-7",
			Options: []bot.Option{{
				Name: "number",
				Type: bot.String, Required: true, Rest: true, MaxLength: 40, Placeholder: "isbn",
				Localized: localized("numero", "nummer", "número", "numero", "número", "nummer"),
				// An ISBN has ten digits at least: "isbn for my paperback?" is a question.
				Plausible: func(v string) bool { return digits(v) >= 9 },
			}},
			Localized: localized("isbn", "isbn", "isbn", "isbn", "isbn", "isbn"),
		},
		handlers: map[string]bot.HandlerFunc{"": r.isbn},
	}
}

func (r *Router) isbn(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	typed := req.Option("number")
	n, err := isbn.Parse(typed)
	if err != nil {
		return nil, isbnError(typed, err, p)
	}
	reply := &bot.Reply{Title: "ISBN " + n.String(), Ephemeral: true, Lang: lang}
	reply.Blocks = isbnBlocks(n, p)
	reply.Blocks = append(reply.Blocks, &bot.Text{Note: true, Text: p.T("isbn.more_help_isbn_conversion_help")})
	return reply, nil
}

// isbnBlocks shows a checked ISBN: both of its forms, how one is made
// from the other, and its Amazon link.
func isbnBlocks(n isbn.ISBN, p *i18n.Printer) []bot.Block {
	var blocks []bot.Block
	ten, has10 := n.To10()
	thirteen := n.To13()
	fields := []bot.Field{{Name: "ISBN-13", Value: thirteen.String(), Inline: true}}
	if has10 {
		fields = append(fields, bot.Field{Name: "ISBN-10", Value: ten.String(), Inline: true})
	}
	blocks = append(blocks, &bot.Fields{Fields: fields})

	switch {
	case !has10:
		blocks = append(blocks, &bot.Text{Text: p.T("isbn.valid_979", "Thirteen", thirteen)})
		blocks = append(blocks, &bot.Text{Note: true, Text: p.T("isbn.if_this_is_the_free")})
	case n.Is13():
		blocks = append(blocks, &bot.Text{Text: p.T("isbn.valid_13", "Ten", ten)})
	default:
		blocks = append(blocks, &bot.Text{Text: p.T("isbn.valid_10", "Thirteen", thirteen)})
	}
	if has10 {
		blocks = append(blocks,
			&bot.Link{Label: p.T("isbn.amazon_page"), URL: amazonDetailURL + ten.String()},
			&bot.Text{Note: true, Text: p.T("isbn.the_link_opens_the_book")})
	}
	return blocks
}

// isbnError explains why typed is not an ISBN; a wrong check digit names
// the one expected ("9780306406158: the check digit should be 7, not 8").
func isbnError(typed string, err error, p *i18n.Printer) error {
	var e *isbn.Error
	if !errors.As(err, &e) {
		return fmt.Errorf("isbn: %w", err)
	}
	switch e.Reason {
	case isbn.CheckDigit:
		return fail(p, bot.Invalid, "isbn.wrong_check_digit", "Digits", isbn.Digits(typed), "Want", string(e.Want), "Got", string(e.Got))
	case isbn.Prefix:
		return fail(p, bot.Invalid, "isbn.wrong_prefix", "Typed", safeQuote(typed, p))
	case isbn.Character:
		return fail(p, bot.Invalid, "isbn.wrong_character", "Typed", safeQuote(typed, p), "Char", safeQuote(string(e.Char), p))
	}
	return fail(p, bot.Invalid, "isbn.wrong_length", "Typed", safeQuote(typed, p), "Digits", e.Digits)
}

// digits counts the ASCII digits in s.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
