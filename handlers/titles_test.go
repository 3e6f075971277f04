package handlers

import (
	"strings"
	"testing"
	"unicode"

	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// doubledWord returns the first word of s written twice in a row, or ""
// (as the catalog's own test does for the messages as written; here for
// messages with their placeholders filled in).
func doubledWord(s string) string {
	fields := strings.Fields(s)
	for i := 1; i < len(fields); i++ {
		a := fields[i-1]
		if r := []rune(a); len(r) == 0 || !unicode.IsLetter(r[len(r)-1]) {
			continue
		}
		if b := strings.TrimRightFunc(fields[i], func(r rune) bool { return !unicode.IsLetter(r) }); a == b {
			return a
		}
	}
	return ""
}

// TestOrderListTitles renders the title of /order list <status> (as
// orderList writes it) for every status in every language, and fails on
// a word written twice in a row: a status word filled into a title that
// already says it ("Tus pedidos pedidos").
func TestOrderListTitles(t *testing.T) {
	words := i18n.Default()
	for _, lang := range words.Languages() {
		p := words.Printer(lang)
		for _, status := range []string{ledger.StatusOrdered, ledger.StatusShipped, ledger.StatusDelivered, ledger.StatusCancelled} {
			title := p.T("order.list_title_status", "Status", statusNames.in(status, p), "Total", 3)
			if w := doubledWord(title); w != "" {
				t.Errorf("%s, %s: %q writes %q twice", lang, status, title, w)
			}
		}
	}
}
