package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// testCatalog is a catalog of every language KDP sells author copies in,
// each with one message, read as Load reads the embedded files: adding a
// language is adding its file.
func testCatalog(t *testing.T) *Catalog {
	t.Helper()
	fsys := fstest.MapFS{}
	msgs := map[string]string{
		"en": `one = "{{.Count}} author copy"` + "\n" + `other = "{{.Count}} author copies"`,
		"fr": `one = "{{.Count}} exemplaire d'auteur"` + "\n" + `other = "{{.Count}} exemplaires d'auteur"`,
		"de": `one = "{{.Count}} Autorenexemplar"` + "\n" + `other = "{{.Count}} Autorenexemplare"`,
		"es": `one = "{{.Count}} copia de autor"` + "\n" + `other = "{{.Count}} copias de autor"`,
		"it": `one = "{{.Count}} copia d'autore"` + "\n" + `other = "{{.Count}} copie d'autore"`,
		"pt": `one = "{{.Count}} cópia de autor"` + "\n" + `other = "{{.Count}} cópias de autor"`,
		"nl": `one = "{{.Count}} auteursexemplaar"` + "\n" + `other = "{{.Count}} auteursexemplaren"`,
	}
	for lang, m := range msgs {
		fsys["locales/"+lang+".toml"] = &fstest.MapFile{Data: []byte("[order.copies]\n" + m + "\n" +
			"[order.summary]\nother = \"{{.Copies}} (#{{.Number}})\"\n")}
	}
	c, err := LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNumbersFollowTheLanguage(t *testing.T) {
	c := testCatalog(t)
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1200, "1,200"},
		{"en", 999, "999"},
		{"en", -2500, "-2,500"},
		{"fr", 1200, "1\u202f200"}, // a narrow no-break space: 1 200 never splits
		{"fr-CA", 1200000, "1\u202f200\u202f000"},
		{"de", 1200, "1.200"},
		{"es", 1200, "1.200"},
		{"it", 1200, "1.200"},
		{"pt", 1200, "1.200"},
		{"pt-BR", 1200, "1.200"},
		{"nl", 1200, "1.200"},
		{"ja", 1200, "1,200"}, // no Japanese file yet: English
	}
	for _, tt := range tests {
		if got := c.Printer(tt.lang).Num(tt.n); got != tt.want {
			t.Errorf("Printer(%q).Num(%d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestPluralsFollowCLDR(t *testing.T) {
	c := testCatalog(t)
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 0, "0 author copies"},
		{"en", 1, "1 author copy"},
		{"en", 2500, "2,500 author copies"},
		// French counts 0 and 1 as one.
		{"fr", 0, "0 exemplaire d'auteur"},
		{"fr", 1, "1 exemplaire d'auteur"},
		{"fr", 2, "2 exemplaires d'auteur"},
		{"fr", 2500, "2\u202f500 exemplaires d'auteur"},
		{"de", 1, "1 Autorenexemplar"},
		{"de", 0, "0 Autorenexemplare"},
		{"es", 1200, "1.200 copias de autor"},
		{"pt", 0, "0 cópia de autor"}, // Brazilian Portuguese: 0 and 1 are one
		{"it", 1, "1 copia d'autore"},
		{"nl", 3, "3 auteursexemplaren"},
	}
	for _, tt := range tests {
		if got := c.Printer(tt.lang).T("order.copies", CountArg, tt.count); got != tt.want {
			t.Errorf("%s, %d: got %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}

func TestPrinterLanguage(t *testing.T) {
	c := testCatalog(t)
	for lang, want := range map[string]string{
		"fr": "fr", "fr-CA": "fr", "FR": "fr", "de-AT": "de", "pt-BR": "pt", "pt-PT": "pt",
		"en-GB": "en", "ja": "en", "pl": "en", "": "en", "not a tag": "en",
	} {
		if got := c.Printer(lang).Lang(); got != want {
			t.Errorf("Printer(%q).Lang() = %q, want %q", lang, got, want)
		}
	}
}

func TestNestedMessageAndPlainNumbers(t *testing.T) {
	c := testCatalog(t)
	// An order number is an int that is not a count: it is shown as it
	// is typed back (#1200), not grouped.
	got := c.Printer("de").T("order.summary", "Copies", M("order.copies", CountArg, 1200), "Number", 1200)
	if want := "1.200 Autorenexemplare (#1200)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMissingMessageOrArgument(t *testing.T) {
	c := testCatalog(t)
	p := c.Printer("fr")
	if _, err := p.Localize(M("order.nope")); err == nil {
		t.Error("a missing message gave no error")
	}
	if got := p.T("order.nope"); got != "order.nope" {
		t.Errorf("a missing message reads %q, want its id", got)
	}
	if _, err := p.Localize(M("order.summary", "Copies", "x")); err == nil || !strings.Contains(err.Error(), "Number") {
		t.Errorf("a missing argument gave %v, want an error naming it", err)
	}
	if _, err := p.Localize(M("order.summary", "Copies")); err == nil {
		t.Error("an odd number of arguments gave no error")
	}
}

// BenchmarkLoad is what each router built without WithCatalog spends on
// its catalog.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkT is one message with arguments and a count.
func BenchmarkT(b *testing.B) {
	c, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	p := c.Printer("fr")
	for b.Loop() {
		p.T("order.late", "Number", 12, "Count", 3, "Expected", "2026-12-18", "Marketplace", "amazon.fr")
	}
}

// Every message written without go-i18n, in every language of the
// embedded catalog, reads as go-i18n writes it, with arguments of each
// kind write takes; and numbers below 1,000 too.
func TestPlainMessagesAsGoI18n(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	placeholders, err := c.Placeholders()
	if err != nil {
		t.Fatal(err)
	}
	nested := M("order.author_copies", "Number", "12")
	for _, lang := range c.Languages() {
		p := c.Printer(lang)
		if len(p.plain) == 0 {
			t.Fatalf("%s: no message is written without go-i18n", lang)
		}
		for id := range p.plain {
			for k, value := range []any{"«x»", 1200, nested} {
				var args []any
				for _, name := range placeholders[id] {
					args = append(args, name, value)
				}
				if len(args) == 0 && k > 0 {
					break
				}
				got, ok := p.write(M(id, args...))
				want, err := p.localize(M(id, args...))
				if !ok || err != nil || got != want {
					t.Errorf("%s %s %v: wrote %q (%v), go-i18n %q (%v)", lang, id, args, got, ok, want, err)
				}
			}
		}
		for n := range 1000 {
			if got, want := p.Num(n), p.formatNum(n); got != want {
				t.Errorf("%s: Num(%d) = %q, want %q", lang, n, got, want)
			}
		}
	}
}

// What write leaves to go-i18n: a count, another type of argument, a
// missing one.
func TestWriteLeavesToGoI18n(t *testing.T) {
	p := testCatalog(t).Printer("en")
	for _, m := range []Message{
		M("order.copies", CountArg, 2),
		M("order.summary", "Copies", "x", "Number", 3.5),
		M("order.summary", "Copies", "x"),
	} {
		if s, ok := p.write(m); ok {
			t.Errorf("write(%v) = %q, want it left to go-i18n", m, s)
		}
	}
	if got, _ := p.write(M("order.summary", "Copies", "x", "Number", 3, "Number", 4)); got != "x (#4)" {
		t.Errorf("an argument given twice reads %q, want the last one", got)
	}
}

// BenchmarkTPlain is a message without a count, as most are: the line
// that confirms an /order add.
func BenchmarkTPlain(b *testing.B) {
	c, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	p := c.Printer("fr")
	for b.Loop() {
		p.T("order.order_of_on_ordered", "Number", 12, "Copies", p.T("order.author_copies", "Number", p.Num(25)),
			"Title", "« The Long Road »", "Marketplace", "amazon.fr", "Ordered", "2026-12-04")
	}
}
