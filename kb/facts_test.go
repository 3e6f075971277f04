package kb

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// TestTranslationsKeepFacts checks that every translation of a topic
// states the facts of the English one: every link, marketplace domain,
// date and number of its body, steps and caveat appears in the
// translation. Links and domains must be written the same (up to the case
// of a domain); numbers and dates may follow the language's way of
// writing them (2,500 / 2.500 / 2 500, 20 June 2023 / 20 juin 2023 /
// 20.06.2023), which the message catalog asks of every language. A
// marketplace named as an example ("for example Amazon.com or
// Amazon.fr") is no fact: a translation may name the reader's own. It
// runs over every language the content has.
func TestTranslationsKeepFacts(t *testing.T) {
	k := mustLoad(t)
	for _, lang := range k.Languages()[1:] {
		t.Run(lang, func(t *testing.T) {
			checked := 0
			for _, en := range k.Entries("en") {
				tr, _ := k.Entry(en.ID, lang)
				f := findFacts(factText(en), "en")
				checked += len(f.numbers) + len(f.dates) + len(f.links) + len(f.domains)
				for _, miss := range missingFacts(en, tr) {
					t.Errorf("%s/%s.md lacks %s of en/%s.md", lang, en.ID, miss, en.ID)
				}
			}
			t.Logf("%s: %d facts of %d topics checked", lang, checked, len(k.Entries("en")))
		})
	}
}

// TestMissingFacts checks the fact finder itself on hand-made pairs.
func TestMissingFacts(t *testing.T) {
	en := &Entry{
		Lang: "en",
		Body: "Up to 999 copies, or 2,500 in three orders, at $2.30 each since 20 June 2023.\n\n" +
			"1. Open [the form](https://kdp.amazon.com/contact-us).\n2. Check Amazon.co.uk and amazon.com/dp/0306406152.",
		Caveat: "ISBN-13 only.",
	}
	tests := []struct {
		name, lang, body, caveat string
		want                     []string
	}{
		{"all there, German style", "de",
			"Bis zu 999 Stück, oder 2.500 in drei Bestellungen, zu 2,30 $ seit dem 20. Juni 2023.\n\n" +
				"1. Öffnen Sie [das Formular](https://kdp.amazon.com/contact-us).\n2. Prüfen Sie amazon.co.uk und amazon.com/dp/0306406152.",
			"Nur ISBN-13.", nil},
		{"all there, French style and a numeric date", "fr",
			"Jusqu'à 999 exemplaires, ou 2 500 en trois commandes, à 2,30 $ depuis le 20/06/2023.\n\n" +
				"1. Ouvrez https://kdp.amazon.com/contact-us.\n2. Vérifiez Amazon.co.uk et amazon.com/dp/0306406152.",
			"ISBN-13 uniquement.", nil},
		{"missing and changed", "es",
			"Hasta 99 copias, o 2.500 en tres pedidos, a 2,40 $ desde el 21 de junio de 2023.\n\n" +
				"1. Abra https://kdp.amazon.com/contact.\n2. Mire amazon.com y amazon.com/dp/0306406152.",
			"Solo ISBN.",
			[]string{
				`number "999"`, `number "2.30"`, `number "20"`, `number "13"`,
				`date 2023-06-20`, `link "https://kdp.amazon.com/contact-us"`, `domain "amazon.co.uk"`,
			}},
	}
	t.Run("examples", func(t *testing.T) {
		en := &Entry{Lang: "en", Body: "Pick the closest one, for example Amazon.co.uk for a UK address. Or Amazon.com (e.g. Amazon.com.au)."}
		tr := &Entry{Lang: "fr", Body: "Choisissez le plus proche, par exemple Amazon.fr. Ou un autre."}
		if diff := cmp.Diff([]string{`domain "amazon.com"`}, missingFacts(en, tr)); diff != "" {
			t.Errorf("missingFacts mismatch (-want +got):\n%s", diff)
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &Entry{Lang: tt.lang, Body: tt.body, Caveat: tt.caveat}
			if diff := cmp.Diff(tt.want, missingFacts(en, tr)); diff != "" {
				t.Errorf("missingFacts mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// missingFacts returns the facts of the English entry en that its
// translation tr does not state, each named for a message.
func missingFacts(en, tr *Entry) []string {
	want, have := findFacts(factText(en), "en"), findFacts(factText(tr), tr.Lang)
	var out []string
	for _, n := range want.numbers {
		if !slices.ContainsFunc(have.numbers, func(h string) bool { return sameNumber(n, h, tr.Lang) }) {
			out = append(out, fmt.Sprintf("number %q", n))
		}
	}
	for _, d := range want.dates {
		if !slices.Contains(have.dates, d) {
			out = append(out, "date "+d)
		}
	}
	for _, l := range want.links {
		if !slices.Contains(have.links, l) {
			out = append(out, fmt.Sprintf("link %q", l))
		}
	}
	for _, d := range want.domains {
		if !slices.Contains(have.domains, d) {
			out = append(out, fmt.Sprintf("domain %q", d))
		}
	}
	return out
}

// factText is the text of an entry that states facts: its paragraphs, its
// steps without their numbers, and its caveat.
func factText(e *Entry) string {
	var b strings.Builder
	for _, bl := range e.Blocks() {
		b.WriteString(bl.Text)
		for _, s := range bl.Steps {
			b.WriteString("\n" + s)
		}
		b.WriteString("\n")
	}
	return b.String() + e.Caveat
}

// facts are what findFacts finds in a text, each once, in order.
type facts struct {
	numbers []string // as written
	dates   []string // YYYY-MM-DD, or YYYY-MM when no day is given
	links   []string // as written
	domains []string // lowercase
}

var (
	// linkPattern matches a URL, with or without its scheme when it has a
	// path ("amazon.com/dp/0306406152").
	linkPattern = regexp.MustCompile(`https?://[^\s)\]>"«»]+|\b(?:[a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}/[^\s)\]>"«»]*`)
	// domainPattern matches a marketplace domain: amazon.de, amazon.co.uk,
	// amazon.com.au.
	domainPattern = regexp.MustCompile(`(?i)\bamazon\.(?:com?\.)?[a-z]{2,3}\b`)
	isoDate       = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// numericDate matches 20/06/2023, 20.06.2023 and 20-06-2023, day first
	// as every language of the content but English writes it.
	numericDate = regexp.MustCompile(`\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b`)
)

// findFacts finds the facts of text, written in lang.
func findFacts(text, lang string) facts {
	var f facts
	add := func(list *[]string, s string) {
		if !slices.Contains(*list, s) {
			*list = append(*list, s)
		}
	}
	for _, l := range linkPattern.FindAllString(text, -1) {
		add(&f.links, strings.TrimRight(l, ".,;:!?"))
	}
	rest := linkPattern.ReplaceAllString(text, " ")
	for _, d := range domainPattern.FindAllString(withoutExamples(text, lang), -1) {
		add(&f.domains, strings.ToLower(d))
	}
	rest = domainPattern.ReplaceAllString(rest, " ")
	// A date written in digits states its day and year as numbers too.
	for _, m := range isoDate.FindAllStringSubmatch(rest, -1) {
		add(&f.dates, date(m[1], m[2], m[3]))
		add(&f.numbers, m[1])
		add(&f.numbers, m[3])
	}
	rest = isoDate.ReplaceAllString(rest, " ")
	for _, m := range numericDate.FindAllStringSubmatch(rest, -1) {
		add(&f.dates, date(m[3], m[2], m[1]))
		add(&f.numbers, m[1])
		add(&f.numbers, m[3])
	}
	rest = numericDate.ReplaceAllString(rest, " ")
	for _, d := range namedDates(rest, lang) {
		add(&f.dates, d)
	}
	for _, n := range numbers(rest) {
		add(&f.numbers, n)
	}
	return f
}

// withoutExamples returns the English text without the clauses that give
// examples: from "for example", "e.g." or "such as" to the end of the
// clause. Other languages are returned whole: what they name is checked
// against what English requires.
func withoutExamples(text, lang string) string {
	if lang != "en" {
		return text
	}
	return examplePattern.ReplaceAllString(text, " ")
}

// examplePattern matches an English clause that gives examples, up to a
// closing parenthesis, a semicolon or the end of the sentence (a dot
// before a space or the end: not the dots of amazon.co.uk).
var examplePattern = regexp.MustCompile(`(?i)\b(?:for example|e\.g\.|such as)(?:[^.;)]|\.\S)*`)

// numbers returns the numbers written in text: digits, with the
// separators of thousands and decimals between them (2,500, 2.30, 1 200).
// A space separates thousands only before three digits that end the
// number.
func numbers(text string) []string {
	r := []rune(text)
	var out []string
	for i := 0; i < len(r); i++ {
		if !unicode.IsDigit(r[i]) {
			continue
		}
		j := i + 1
		for j < len(r) {
			if unicode.IsDigit(r[j]) {
				j++
				continue
			}
			if j+1 < len(r) && unicode.IsDigit(r[j+1]) && (r[j] == '.' || r[j] == ',' || isSpaceSeparated(r, j)) {
				j++
				continue
			}
			break
		}
		out = append(out, string(r[i:j]))
		i = j
	}
	return out
}

// isSpaceSeparated reports whether r[j] is a space between the groups of
// one number: three digits follow it and end the number.
func isSpaceSeparated(r []rune, j int) bool {
	if r[j] != ' ' && r[j] != '\u00a0' && r[j] != '\u202f' {
		return false
	}
	n := 0
	for k := j + 1; k < len(r) && unicode.IsDigit(r[k]); k++ {
		n++
	}
	end := j + 1 + n
	return n == 3 && (end == len(r) || !unicode.IsDigit(r[end]) && r[end] != ',' && r[end] != '.')
}

// sameNumber reports whether tr, a number written in lang, is the English
// number en: the same value once each is read with the separators of its
// language. A translation may keep the English separators ("2.30"): both
// readings of its separators count.
func sameNumber(en, tr, lang string) bool {
	want, ok := numberValue(en, '.')
	if !ok {
		return en == tr
	}
	for _, dec := range []rune{',', '.'} {
		if v, ok := numberValue(tr, dec); ok && v == want {
			return true
		}
	}
	return false
}

// numberValue reads s with dec as its decimal separator and every other
// separator as a separator of thousands.
func numberValue(s string, dec rune) (float64, bool) {
	var b strings.Builder
	for _, c := range s {
		switch {
		case unicode.IsDigit(c):
			b.WriteRune(c)
		case c == dec:
			b.WriteByte('.')
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, err == nil && strings.Count(b.String(), ".") <= 1
}

// monthNames returns the names of the months in lang, January first,
// lowercase and folded; a month may have several names.
func monthNames(lang string) [12][]string {
	table := map[string]string{
		"en": "january february march april may june july august september october november december",
		"fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
		"de": "januar februar marz april mai juni juli august september oktober november dezember",
		"es": "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre",
		"it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
		"pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
		"nl": "januari februari maart april mei juni juli augustus september oktober november december",
	}
	var out [12][]string
	for i, names := range strings.Fields(table[lang]) {
		out[i] = strings.Split(names, "|")
	}
	return out
}

// namedDates returns the dates of text written with a month's name, in
// lang or in English: "20 June 2023", "June 20, 2023", "20. Juni 2023",
// "20 de junio de 2023", "June 2023".
func namedDates(text, lang string) []string {
	ws := strings.FieldsFunc(fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var out []string
	for i, w := range ws {
		month := 0
		for _, l := range []string{lang, "en"} {
			for m, names := range monthNames(l) {
				if slices.Contains(names, w) {
					month = m + 1
				}
			}
		}
		if month == 0 {
			continue
		}
		day, year := "", ""
		for _, j := range []int{i - 1, i - 2, i + 1} { // 20 June, 20 de junio, June 20
			if j >= 0 && j < len(ws) && isNumber(ws[j]) && len(ws[j]) <= 2 {
				day = ws[j]
				break
			}
		}
		for _, j := range []int{i + 1, i + 2, i + 3} { // June 2023, junio de 2023, June 20 2023
			if j < len(ws) && isNumber(ws[j]) && len(ws[j]) == 4 {
				year = ws[j]
				break
			}
		}
		switch {
		case year == "":
		case day == "":
			out = append(out, fmt.Sprintf("%s-%02d", year, month))
		default:
			out = append(out, date(year, strconv.Itoa(month), day))
		}
	}
	return out
}

// date writes a date YYYY-MM-DD.
func date(year, month, day string) string {
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	return fmt.Sprintf("%s-%02d-%02d", year, m, d)
}
