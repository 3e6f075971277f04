package handlers

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
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
func parseQuantity(s, kind string, p *i18n.Printer) (int, error) {
	n, err := readCount(s, kind, p)
	if err != nil {
		return 0, err
	}
	if err := ledger.CheckQuantity(kind, n); err != nil {
		return 0, ledgerErr(err, 0, p)
	}
	return n, nil
}

// readCount reads a whole number of copies, written with or without
// thousands separators; the message for anything else names the limit
// for kind.
func readCount(s, kind string, p *i18n.Printer) (int, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(bot.Ungroup(s))
	if err != nil {
		limit := ledger.MaxCopies(kind)
		return 0, fail(p, bot.Invalid, "order.quantity_must_be_a_whole", "Limit", limit, "Text", safeQuote(s, p))
	}
	return n, nil
}

// parseNumber reads an order number ("3" or "#3").
func parseNumber(s string, p *i18n.Printer) (int, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fail(p, bot.Invalid, "order.give_the_order_s_number")
	}
	return n, nil
}

// parseKind reads author or proof; "" is author.
func parseKind(s string, p *i18n.Printer) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "author", "auteur":
		return ledger.KindAuthor, nil
	case "proof", "proofs", "épreuve", "epreuve":
		return ledger.KindProof, nil
	}
	return "", fail(p, bot.Invalid, "order.kind_must_be_author_author", "Text", safeQuote(s, p))
}

// parseMarketplace reads a marketplace however it is written and returns
// its canonical domain.
func parseMarketplace(s string, p *i18n.Printer) (string, error) {
	m, ok := LookupMarketplace(s)
	if ok {
		return m.Domain, nil
	}
	return "", fail(p, bot.Invalid, "order.i_don_t_know_the", "Text", safeQuote(s, p), "MarketplaceDomains", marketplaceDomains())
}

// parseISBN checks an ISBN when one is given and returns it without
// separators.
func parseISBN(s string, p *i18n.Printer) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	n, err := isbn.Parse(s)
	if err != nil {
		return "", isbnError(s, err, p)
	}
	return n.String(), nil
}

var datePattern = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

// parseDate reads a calendar date written YYYY-MM-DD ("today" and
// "yesterday" work too) as midnight UTC. field names the option in
// messages.
func parseDate(s, field string, p *i18n.Printer, today time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "today", "aujourd'hui", "aujourd’hui":
		return today, nil
	case "yesterday", "hier":
		return today.AddDate(0, 0, -1), nil
	}
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, fail(p, bot.Invalid, "order.must_be_a_date_written", "Field", field, "Format", today.Format(dateLayout), "Text", safeQuote(s, p))
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return time.Time{}, fail(p, bot.Invalid, "order.date_month_out_of_range", "Text", s, "Format", today.Format(dateLayout))
	}
	first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
	days := first.AddDate(0, 1, -1).Day()
	if d < 1 || d > days {
		return time.Time{}, fail(p, bot.Invalid, "order.date_day_out_of_range", "Text", s, "Month", monthName(first.Month(), p), "Year", y, "Days", days)
	}
	if y < 2000 || y > 2100 {
		return time.Time{}, fail(p, bot.Invalid, "order.the_year_looks_like_a", "Field", field, "Year", y, "Format", today.Format(dateLayout))
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), nil
}

// cleanText prepares text an author typed for storage: line breaks and
// tabs become spaces, other control and bidirectional-override characters
// are removed, the ends are trimmed. Everything else is kept as typed.
// Text longer than limit characters is refused with a message naming the
// field.
func cleanText(s, field string, limit int, p *i18n.Printer) (string, error) {
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
		return "", fail(p, bot.Invalid, "order.the_is_characters_long_the", "Field", field, "Number", p.Num(n), "Limit", limit)
	}
	return s, nil
}
