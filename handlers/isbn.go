package handlers

import (
	"context"
	"errors"
	"fmt"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/isbn"
)

// amazonDetailURL is Amazon's product page for a book, by ISBN-10.
const amazonDetailURL = "https://www.amazon.com/dp/"

func (r *Router) isbnFamily() family {
	return family{
		cmd: &bot.Command{
			Name:        "isbn",
			Description: "Check an ISBN, convert it between ISBN-10 and ISBN-13, and get its Amazon link",
			Example:     "/isbn 978-0-306-40615-7",
			Options: []bot.Option{{
				Name: "number", Description: "An ISBN-10 or ISBN-13, with or without hyphens",
				Type: bot.String, Required: true, Rest: true, MaxLength: 40, Placeholder: "isbn",
				Localized: localized("numero", "Un ISBN-10 ou ISBN-13, avec ou sans tirets", "nummer", "número", "numero", "número", "nummer"),
				// An ISBN has ten digits at least: "isbn for my paperback?" is a question.
				Plausible: func(v string) bool { return digits(v) >= 9 },
			}},
			Localized: localized("isbn", "Vérifier un ISBN, le convertir entre ISBN-10 et ISBN-13 et obtenir son lien Amazon",
				"isbn", "isbn", "isbn", "isbn", "isbn"),
		},
		handlers: map[string]bot.HandlerFunc{"": r.isbn},
	}
}

func (r *Router) isbn(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	typed := req.Option("number")
	n, err := isbn.Parse(typed)
	if err != nil {
		return nil, isbnError(typed, err, lang)
	}
	reply := &bot.Reply{Title: "ISBN " + n.String(), Ephemeral: true, Lang: lang}
	ten, has10 := n.To10()
	thirteen := n.To13()
	fields := []bot.Field{{Name: "ISBN-13", Value: thirteen.String(), Inline: true}}
	if has10 {
		fields = append(fields, bot.Field{Name: "ISBN-10", Value: ten.String(), Inline: true})
	}
	reply.Blocks = append(reply.Blocks, &bot.Fields{Fields: fields})

	switch {
	case !has10:
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: fmt.Sprintf(tr(lang,
			"The check digit is right. This ISBN-13 starts with 979, so it has no ISBN-10 and no amazon.com/dp/ link made from one: Amazon gives such books an ordinary ASIN instead. Search Amazon for %s to find the page; the ASIN is in its product details.",
			"La clé de contrôle est juste. Cet ISBN-13 commence par 979 : il n'a pas d'ISBN-10, donc pas de lien amazon.com/dp/ construit à partir de lui ; Amazon attribue à ces livres un ASIN ordinaire. Cherchez %s sur Amazon pour trouver la page ; l'ASIN figure dans les détails du produit."),
			thirteen)})
		reply.Blocks = append(reply.Blocks, &bot.Text{Note: true, Text: tr(lang,
			"If this is the free ISBN that KDP assigned, it is for KDP and Amazon distribution only: another printer or distributor (IngramSpark, for example) needs an ISBN of your own.",
			"Si c'est l'ISBN gratuit attribué par KDP, il ne sert qu'à la distribution par KDP et Amazon : un autre imprimeur ou distributeur (IngramSpark, par exemple) demande votre propre ISBN.")})
	case n.Is13():
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: fmt.Sprintf(tr(lang,
			"The check digit is right. Its ISBN-10 is %s: drop 978 and the last digit, then a new check digit from weights 10 to 2 (mod 11, 10 written X).",
			"La clé de contrôle est juste. Son ISBN-10 est %s : on retire 978 et le dernier chiffre, puis on recalcule la clé avec les poids 10 à 2 (modulo 11, 10 s'écrit X)."),
			ten)})
	default:
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: fmt.Sprintf(tr(lang,
			"The check digit is right. Its ISBN-13 is %s: 978 in front, the last digit dropped, then a new check digit from weights 1 and 3 (mod 10).",
			"La clé de contrôle est juste. Son ISBN-13 est %s : 978 devant, le dernier chiffre retiré, puis une nouvelle clé avec les poids 1 et 3 (modulo 10)."),
			thirteen)})
	}
	if has10 {
		reply.Blocks = append(reply.Blocks,
			&bot.Link{Label: tr(lang, "Amazon page", "Page Amazon"), URL: amazonDetailURL + ten.String()},
			&bot.Text{Note: true, Text: tr(lang,
				"The link opens the book's page once Amazon lists it (on sale or for pre-order); before that it shows an error page.",
				"Le lien ouvre la page du livre dès qu'Amazon le référence (en vente ou en précommande) ; avant, il affiche une page d'erreur.")})
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Note: true, Text: tr(lang,
		"More: /help isbn-conversion, /help isbn-979-asin, /help free-kdp-isbn",
		"Pour aller plus loin : /help isbn-conversion, /help isbn-979-asin, /help free-kdp-isbn")})
	return reply, nil
}

// isbnError explains why typed is not an ISBN; a wrong check digit names
// the one expected ("9780306406158: the check digit should be 7, not 8").
func isbnError(typed string, err error, lang string) error {
	var e *isbn.Error
	if !errors.As(err, &e) {
		return fmt.Errorf("isbn: %w", err)
	}
	var en, fr string
	switch e.Reason {
	case isbn.CheckDigit:
		digits := isbn.Digits(typed)
		en = fmt.Sprintf("%s: the check digit should be %c, not %c. Check the number against your book's copyright page or your KDP Bookshelf; a typo in any digit gives a wrong check digit.",
			digits, e.Want, e.Got)
		fr = fmt.Sprintf("%s : la clé de contrôle devrait être %c, et non %c. Vérifiez le numéro sur la page de copyright du livre ou dans votre bibliothèque KDP ; une faute de frappe sur n'importe quel chiffre fausse la clé.",
			digits, e.Want, e.Got)
	case isbn.Prefix:
		en = "An ISBN-13 starts with 978 or 979; " + safeQuote(typed) + " does not."
		fr = "Un ISBN-13 commence par 978 ou 979, ce qui n'est pas le cas de " + safeQuote(typed) + "."
	case isbn.Character:
		en = fmt.Sprintf("An ISBN has only digits (and X as the last character of an ISBN-10), with hyphens or spaces if you like; %s has %s.", safeQuote(typed), safeQuote(string(e.Char)))
		fr = fmt.Sprintf("Un ISBN ne contient que des chiffres (et un X final pour un ISBN-10), avec tirets ou espaces si vous voulez ; %s contient %s.", safeQuote(typed), safeQuote(string(e.Char)))
	default:
		en = fmt.Sprintf("An ISBN has 10 or 13 digits; %s has %d. Example: /isbn 978-0-306-40615-7", safeQuote(typed), e.Digits)
		fr = fmt.Sprintf("Un ISBN a 10 ou 13 chiffres ; %s en a %d. Exemple : /isbn 978-0-306-40615-7", safeQuote(typed), e.Digits)
	}
	return bot.Errorf(bot.Invalid, "%s", tr(lang, en, fr))
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
