package i18n

import (
	"strings"
	"testing"
	"unicode"
)

// doubledWord returns the first word of s written twice in a row ("Tus
// pedidos pedidos"), or "" when there is none. Case counts, for German's
// "Verfolgen Sie sie" is right; words apart across punctuation ("order.
// order") do not count.
func doubledWord(s string) string {
	fields := strings.Fields(s)
	for i := 1; i < len(fields); i++ {
		a, b := fields[i-1], fields[i]
		if r := []rune(a); len(r) == 0 || !unicode.IsLetter(r[len(r)-1]) {
			continue
		}
		b = strings.TrimRightFunc(b, func(r rune) bool { return !unicode.IsLetter(r) })
		if a != "" && a == b {
			return a
		}
	}
	return ""
}

func TestDoubledWord(t *testing.T) {
	for s, want := range map[string]string{
		"Tus pedidos pedidos (3)":   "pedidos",
		"Your orders orders.":       "orders",
		"Verfolgen Sie sie unter":   "",
		"Your shipped orders (3)":   "",
		"the order. Order again":    "",
		"{{.Status}} {{.Status}} x": "",
	} {
		if got := doubledWord(s); got != want {
			t.Errorf("doubledWord(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNoDoubledWords fails on a message that writes a word twice in a
// row, in any form of any language (a slip in translation, as "Tus pedidos
// pedidos" once was). Words a placeholder fills in are checked where the
// code renders them (handlers' TestOrderListTitles).
func TestNoDoubledWords(t *testing.T) {
	for _, lang := range Default().Languages() {
		msgs, err := readFile(files, "locales/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		for id, forms := range msgs {
			for form, s := range forms {
				if w := doubledWord(s); w != "" {
					t.Errorf("%s: %s (%s) writes %q twice: %q", lang, id, form, w, s)
				}
			}
		}
	}
}
