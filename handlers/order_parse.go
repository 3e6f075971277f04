package handlers

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/isbn"
	"github.com/authorbot/authorbot/ledger"
)

// Length limits of the text an author can store with an order, in
// characters. Longer text is refused rather than cut, so nothing is lost
// without the author knowing.
const (
	maxTitle    = 200
	maxNote     = 500
	maxTracking = 100
	maxDetails  = 500
)

// parseQuantity reads a number of copies for an order of the given kind,
// within KDP's limit for that kind (ledger.CheckQuantity).
func parseQuantity(s, kind, lang string) (int, error) {
	n, err := readCount(s, kind, lang)
	if err != nil {
		return 0, err
	}
	if err := ledger.CheckQuantity(kind, n); err != nil {
		return 0, ledgerErr(err, 0, lang)
	}
	return n, nil
}

// readCount reads a whole number of copies, written with or without
// thousands separators; the message for anything else names the limit
// for kind.
func readCount(s, kind, lang string) (int, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(strings.NewReplacer(",", "", "_", "", " ", "", " ", "").Replace(s))
	if err != nil {
		limit := ledger.MaxCopies(kind)
		return 0, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Quantity must be a whole number of copies from 1 to %d, like 10, not %s.", limit, safeQuote(s)),
			fmt.Sprintf("La quantité doit être un nombre entier d'exemplaires de 1 à %d, par exemple 10, et non %s.", limit, safeQuote(s))))
	}
	return n, nil
}

// parseNumber reads an order number ("3" or "#3").
func parseNumber(s, lang string) (int, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"Give the order's number, like /order show 3. /order list shows your orders and their numbers.",
			"Indiquez le numéro de la commande, par exemple /order show 3. /order list affiche vos commandes et leurs numéros."))
	}
	return n, nil
}

// parseKind reads author or proof; "" is author.
func parseKind(s, lang string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "author", "auteur":
		return ledger.KindAuthor, nil
	case "proof", "proofs", "épreuve", "epreuve":
		return ledger.KindProof, nil
	}
	return "", bot.Errorf(bot.Invalid, "%s", tr(lang,
		"kind must be author (author copies) or proof (proof copies), not "+safeQuote(s)+".",
		"kind doit valoir author (exemplaires d'auteur) ou proof (épreuves), et non "+safeQuote(s)+"."))
}

// parseMarketplace reads a marketplace however it is written and returns
// its canonical domain.
func parseMarketplace(s, lang string) (string, error) {
	m, ok := LookupMarketplace(s)
	if ok {
		return m.Domain, nil
	}
	return "", bot.Errorf(bot.Invalid, "%s", tr(lang,
		fmt.Sprintf("I don't know the Amazon marketplace %s. Use one of: %s (us, uk, de… work too).", safeQuote(s), marketplaceDomains()),
		fmt.Sprintf("Je ne connais pas le site Amazon %s. Utilisez l'un de ceux-ci : %s (us, uk, de… marchent aussi).", safeQuote(s), marketplaceDomains())))
}

// parseISBN checks an ISBN when one is given and returns it without
// separators.
func parseISBN(s, lang string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	n, err := isbn.Parse(s)
	if err != nil {
		return "", isbnError(s, err, lang)
	}
	return n.String(), nil
}

var datePattern = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

// parseDate reads a calendar date written YYYY-MM-DD ("today" and
// "yesterday" work too) as midnight UTC. field names the option in
// messages.
func parseDate(s, field, lang string, today time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "today", "aujourd'hui", "aujourd’hui":
		return today, nil
	case "yesterday", "hier":
		return today.AddDate(0, 0, -1), nil
	}
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("%s must be a date written YYYY-MM-DD, like %s, not %s.", field, today.Format(dateLayout), safeQuote(s)),
			fmt.Sprintf("%s doit être une date au format AAAA-MM-JJ, par exemple %s, et non %s.", field, today.Format(dateLayout), safeQuote(s))))
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return time.Time{}, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("%s is not a real date: months run from 01 to 12. Use YYYY-MM-DD, like %s.", s, today.Format(dateLayout)),
			fmt.Sprintf("%s n'est pas une vraie date : les mois vont de 01 à 12. Utilisez AAAA-MM-JJ, par exemple %s.", s, today.Format(dateLayout))))
	}
	first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
	days := first.AddDate(0, 1, -1).Day()
	if d < 1 || d > days {
		return time.Time{}, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("%s is not a real date: %s %d has %d days.", s, first.Month(), y, days),
			fmt.Sprintf("%s n'est pas une vraie date : %s %d compte %d jours.", s, frMonths[first.Month()-1], y, days)))
	}
	if y < 2000 || y > 2100 {
		return time.Time{}, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("%s: the year %d looks like a typo. Use YYYY-MM-DD, like %s.", field, y, today.Format(dateLayout)),
			fmt.Sprintf("%s : l'année %d semble être une faute de frappe. Utilisez AAAA-MM-JJ, par exemple %s.", field, y, today.Format(dateLayout))))
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), nil
}

// cleanText prepares text an author typed for storage: line breaks and
// tabs become spaces, other control and bidirectional-override characters
// are removed, the ends are trimmed. Everything else is kept as typed.
// Text longer than limit characters is refused with a message naming the
// field.
func cleanText(s, field string, limit int, lang string) (string, error) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r), isBidiControl(r), r == utf8.RuneError:
			return -1
		}
		return r
	}, s))
	if n := utf8.RuneCountInString(s); n > limit {
		return "", bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("The %s is %s characters long; the limit is %d. Shorten it and try again.", field, thousands(n, lang), limit),
			fmt.Sprintf("Le champ %s fait %s caractères ; la limite est de %d. Raccourcissez-le et réessayez.", field, thousands(n, lang), limit)))
	}
	return s, nil
}
