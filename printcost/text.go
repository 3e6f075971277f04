package printcost

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Missing is a parameter FromText could not settle from the text.
type Missing struct {
	Field Field
	// The values the text named when it named more than one, or for ink
	// when it said colour without saying standard or premium. Only the
	// slice of Field is used; all are empty when the text named nothing.
	Pages        []int
	Inks         []Ink
	Trims        []Trim
	Bindings     []Binding
	Marketplaces []Marketplace
	// Unpriced lists marketplaces the text named that have no cost table
	// (such as "amazon.com.br"), for Field == FieldMarketplace.
	Unpriced []string
}

// FromText finds the cost parameters in a question written in English,
// French, German, Spanish, Italian, Portuguese or Dutch: a page count next
// to a word for pages, the ink, the trim (a word, or a size such as 6x9 or
// 15.24 x 22.86 cm), the binding, and the marketplace (an Amazon domain, or
// a country). A domain outranks a country named elsewhere in the text, so
// "I live in France and order on amazon.de" gives DE. Every field it could
// not settle is in missing, in Field order.
func FromText(text string) (p Params, missing []Missing) {
	toks := tokenize(text)

	pages := findPages(toks)
	if len(pages) == 1 {
		p.Pages = pages[0]
	} else {
		missing = append(missing, Missing{Field: FieldPages, Pages: pages})
	}

	inks, colour := findInks(toks)
	switch {
	case len(inks) == 1 && !colour:
		p.Ink = inks[0]
	case colour:
		inks = appendUnique(appendUnique(inks, StandardColour), PremiumColour)
		missing = append(missing, Missing{Field: FieldInk, Inks: inks})
	default:
		missing = append(missing, Missing{Field: FieldInk, Inks: inks})
	}

	trims := findTrims(toks)
	if len(trims) == 1 {
		p.Trim = trims[0]
	} else {
		missing = append(missing, Missing{Field: FieldTrim, Trims: trims})
	}

	bindings := findValues(toks, bindingWordsList)
	if len(bindings) == 1 {
		p.Binding = bindings[0]
	} else {
		missing = append(missing, Missing{Field: FieldBinding, Bindings: bindings})
	}

	markets, unpriced := findMarketplaces(toks)
	if len(markets) == 1 {
		p.Marketplace = markets[0]
	} else {
		missing = append(missing, Missing{Field: FieldMarketplace, Marketplaces: markets, Unpriced: unpriced})
	}
	return p, missing
}

// token is one word of the text: raw as typed, norm lowercased without
// accents.
type token struct {
	raw, norm string
}

// tokenize splits text into words. Dots, apostrophes, ampersands, slashes
// and commas stay inside a word (amazon.co.uk, pagina's, b&w, s/w, 8,5) but
// not at its ends; hyphens split (schwarz-weiß, 300-page).
func tokenize(text string) []token {
	inWord := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".'’&/,", r)
	}
	var toks []token
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !inWord(r) }) {
		f = strings.Trim(f, ".'’&/,")
		if f == "" {
			continue
		}
		toks = append(toks, token{raw: f, norm: fold(f)})
	}
	return toks
}

// fold lowercases s, drops accents and writes ß as ss, ’ as ' and × as x.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'à', 'á', 'â', 'ä', 'ã', 'å':
			r = 'a'
		case 'ç':
			r = 'c'
		case 'è', 'é', 'ê', 'ë':
			r = 'e'
		case 'ì', 'í', 'î', 'ï':
			r = 'i'
		case 'ñ':
			r = 'n'
		case 'ò', 'ó', 'ô', 'ö', 'õ':
			r = 'o'
		case 'ù', 'ú', 'û', 'ü':
			r = 'u'
		case '’':
			r = '\''
		case '×':
			r = 'x'
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// matchAt reports whether the words of phrase (space-separated, folded)
// start at toks[i], and how many tokens they cover.
func matchAt(toks []token, i int, phrase string) (int, bool) {
	rest := phrase
	for j := i; j < len(toks); j++ {
		w, r, more := strings.Cut(rest, " ")
		if toks[j].norm != w {
			return 0, false
		}
		if !more {
			return j - i + 1, true
		}
		rest = r
	}
	return 0, false
}

// phrase maps a wording to a value.
type phrase[T comparable] struct {
	text  string
	value T
}

// findValues returns the distinct values whose phrases occur in toks, in
// the order they first occur; where phrases overlap, the one starting first
// and then the longest wins. It looks phrases up by their first word
// (byFirstWord) so a long question costs little more than a short one.
func findValues[T comparable](toks []token, phrases map[string][]phrase[T]) []T {
	type match struct {
		pos, n int
		value  T
	}
	var matches []match
	for i, t := range toks {
		for _, ph := range phrases[t.norm] {
			if n, ok := matchAt(toks, i, ph.text); ok {
				matches = append(matches, match{i, n, ph.value})
			}
		}
	}
	slices.SortStableFunc(matches, func(a, b match) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return b.n - a.n
	})
	var found []T
	end := 0
	for _, m := range matches {
		if m.pos < end {
			continue
		}
		found = appendUnique(found, m.value)
		end = m.pos + m.n
	}
	return found
}

// byFirstWord returns phrases by their first word, in their order, for
// findValues. The lists are indexed once: FromText reads them for every
// question (BenchmarkFromText: 13 µs and 76 allocations a question,
// against 37 µs and 256 when every call built its lists and a map of the
// question's words).
func byFirstWord[T comparable](phrases []phrase[T]) map[string][]phrase[T] {
	m := make(map[string][]phrase[T])
	for _, ph := range phrases {
		first, _, _ := strings.Cut(ph.text, " ")
		m[first] = append(m[first], ph)
	}
	return m
}

func appendUnique[T comparable](s []T, v T) []T {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// pageWords are the words for pages, and for a page count that a number
// follows.
func pageWords() []string {
	return []string{
		"page", "pages", "pp", "seite", "seiten", "pagina", "paginas", "pagine",
		"pagina's", "bladzijde", "bladzijden", "bladzijdes", "blz",
		"seitenzahl", "seitenanzahl",
	}
}

// findPages returns the distinct page counts: a number just before a word
// for pages ("300 pages", "300-page", "300pp"), or just after one ("pages:
// 300", "Seitenzahl 180") when none comes before.
func findPages(toks []token) []int {
	var found []int
	words := pageWords()
	isPageWord := func(s string) bool {
		for _, w := range words {
			if s == w {
				return true
			}
		}
		return false
	}
	for i, t := range toks {
		if n, ok := strings.CutSuffix(t.norm, "pp"); ok && n != "" {
			if v, ok := number(n); ok {
				found = appendUnique(found, v)
			}
			continue
		}
		if !isPageWord(t.norm) {
			continue
		}
		if i > 0 {
			if v, ok := number(toks[i-1].norm); ok {
				found = appendUnique(found, v)
				continue
			}
		}
		if i+1 < len(toks) {
			if v, ok := number(toks[i+1].norm); ok {
				found = appendUnique(found, v)
			}
		}
	}
	return found
}

// number parses a whole number of up to four digits, with an optional
// thousands separator ("1,000", "1.000").
func number(s string) (int, bool) {
	if len(s) == 5 && (s[1] == ',' || s[1] == '.') {
		s = s[:1] + s[2:]
	}
	if s == "" || len(s) > 4 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(s)
	return v, err == nil && v > 0
}

// copyWords are the words (folded) for the copies of an order, that a
// number of copies comes before: "50 copies", "50 author copies", "50
// Autorenexemplare".
func copyWords() []string {
	return []string{
		"copy", "copies", "exemplaire", "exemplaires", "exemplar", "exemplare", "autorenexemplar", "autorenexemplare",
		"copia", "copias", "ejemplar", "ejemplares", "copie", "exemplaar", "exemplaren", "auteursexemplaren",
		"book", "books", "livre", "livres", "buch", "bucher", "libro", "libros", "libri", "livro", "livros", "boek", "boeken",
	}
}

// Copies returns the number of copies a question names ("50 copies of my
// paperback"), in any of FromText's languages: a whole number just before
// a word for copies, or one word before it ("50 author copies"). It
// returns false when the text names none, or more than one.
func Copies(text string) (int, bool) {
	toks := tokenize(text)
	words := copyWords()
	var found []int
	for i, t := range toks {
		n, ok := number(t.norm)
		if !ok || n == 0 {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			if slices.Contains(words, toks[j].norm) {
				found = appendUnique(found, n)
				break
			}
		}
	}
	if len(found) != 1 {
		return 0, false
	}
	return found[0], true
}
