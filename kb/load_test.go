package kb

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// entryFile is a valid content file for id in lang; edit applies changes to
// its front matter lines before it is joined.
func entryFile(id, lang string, edit func(fm map[string]string)) *fstest.MapFile {
	fm := map[string]string{
		"id":       id,
		"lang":     lang,
		"title":    "Title of " + id,
		"theme":    "cart",
		"aliases":  "[" + id + " alias " + lang + "]",
		"keywords": "[cart]",
		"related":  "[]",
		"sources":  `["KDP Help: Author Copies"]`,
		"verified": "2025-11-20",
		"caveat":   `""`,
	}
	if edit != nil {
		edit(fm)
	}
	var b strings.Builder
	b.WriteString("---\n")
	for _, k := range []string{"id", "lang", "title", "theme", "aliases", "keywords", "related", "sources", "verified", "caveat", "extra"} {
		if v, ok := fm[k]; ok {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	b.WriteString("---\n")
	body, ok := fm["body"]
	if !ok {
		body = "Sign in again.\n\n1. Open the cart.\n2. Check out."
	}
	b.WriteString(body + "\n")
	return &fstest.MapFile{Data: []byte(b.String())}
}

// validFS is a two-topic knowledge base in English and French.
func validFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, lang := range []string{"en", "fr"} {
		fsys[lang+"/cart-empty.md"] = entryFile("cart-empty", lang, relatedQuantity)
		fsys[lang+"/cart-quantity.md"] = entryFile("cart-quantity", lang, nil)
	}
	return fsys
}

// relatedQuantity makes cart-empty's front matter relate it to
// cart-quantity, as validFS has it.
func relatedQuantity(fm map[string]string) { fm["related"] = "[cart-quantity]" }

func TestLoadFS(t *testing.T) {
	k, err := LoadFS(validFS())
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	e, ok := k.Entry("cart-empty", "fr")
	if !ok {
		t.Fatal(`Entry("cart-empty", "fr") not found`)
	}
	want := &Entry{
		ID: "cart-empty", Lang: "fr", Title: "Title of cart-empty", Theme: "cart",
		Aliases:  []string{"cart-empty alias fr"},
		Keywords: []string{"cart"},
		Related:  []string{"cart-quantity"},
		Sources:  []string{"KDP Help: Author Copies"},
		Verified: "2025-11-20",
		Body:     "Sign in again.\n\n1. Open the cart.\n2. Check out.",
	}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("Entry mismatch (-want +got):\n%s", diff)
	}
	if e, _ := k.Entry("cart-empty", "de"); e == nil || e.Lang != "en" {
		t.Errorf(`Entry("cart-empty", "de") = %+v, want the English entry`, e)
	}
	if _, ok := k.Entry("nope", "en"); ok {
		t.Error(`Entry("nope", "en") found, want not found`)
	}
}

func TestLoadFSErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string // substrings of the error
	}{
		{
			name:   "id does not match file name",
			change: func(f fstest.MapFS) { f["en/cart-empty.md"] = entryFile("cart-full", "en", nil) },
			want:   []string{`en/cart-empty.md: id "cart-full" does not match the file name`},
		},
		{
			name:   "lang does not match directory",
			change: func(f fstest.MapFS) { f["fr/cart-quantity.md"] = entryFile("cart-quantity", "en", nil) },
			want:   []string{`fr/cart-quantity.md: lang "en" does not match the directory`},
		},
		{
			name:   "missing French version",
			change: func(f fstest.MapFS) { delete(f, "fr/cart-quantity.md") },
			want:   []string{"en/cart-quantity.md has no French version"},
		},
		{
			name:   "missing English version",
			change: func(f fstest.MapFS) { f["fr/proof-order.md"] = entryFile("proof-order", "fr", nil) },
			want:   []string{"fr/proof-order.md has no English version"},
		},
		{
			name: "related does not exist",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = entryFile("cart-quantity", "en", func(fm map[string]string) { fm["related"] = "[cart-gone]" })
			},
			want: []string{`en/cart-quantity.md: related "cart-gone" does not exist`},
		},
		{
			name: "missing required keys",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = entryFile("cart-quantity", "en", func(fm map[string]string) {
					delete(fm, "title")
					delete(fm, "sources")
					delete(fm, "verified")
				})
			},
			want: []string{`missing required key "title"`, `missing required key "sources"`, `missing required key "verified"`},
		},
		{
			name: "bad date, theme and alias",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = entryFile("cart-quantity", "en", func(fm map[string]string) {
					fm["verified"] = "20/11/2025"
					fm["theme"] = "weather"
					fm["aliases"] = "[Wrong Quantity]"
				})
			},
			want: []string{`verified "20/11/2025" is not a YYYY-MM-DD date`, `unknown theme "weather"`, `alias "Wrong Quantity" must be lowercase`},
		},
		{
			name: "unknown key",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = entryFile("cart-quantity", "en", func(fm map[string]string) { fm["extra"] = "x" })
			},
			want: []string{"en/cart-quantity.md: front matter:", "field extra not found"},
		},
		{
			name: "no front matter",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = &fstest.MapFile{Data: []byte("Just a body.\n")}
			},
			want: []string{"en/cart-quantity.md: missing front matter"},
		},
		{
			name: "unterminated front matter",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = &fstest.MapFile{Data: []byte("---\nid: cart-quantity\n")}
			},
			want: []string{"en/cart-quantity.md: unterminated front matter"},
		},
		{
			name: "empty body",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = entryFile("cart-quantity", "en", func(fm map[string]string) { fm["body"] = "  " })
			},
			want: []string{"en/cart-quantity.md: empty body"},
		},
		{
			name: "alias shared by two topics",
			change: func(f fstest.MapFS) {
				f["en/cart-quantity.md"] = entryFile("cart-quantity", "en", func(fm map[string]string) { fm["aliases"] = "[cart-empty alias en]" })
			},
			want: []string{`alias "cart-empty alias en" is also an alias of cart-empty`},
		},
		{
			name: "theme differs between languages",
			change: func(f fstest.MapFS) {
				f["fr/cart-quantity.md"] = entryFile("cart-quantity", "fr", func(fm map[string]string) { fm["theme"] = "manage" })
			},
			want: []string{`cart-quantity: theme "cart" in en but "manage" in fr`},
		},
		{
			name: "problems in a file and across files together",
			change: func(f fstest.MapFS) {
				delete(f, "fr/cart-quantity.md")
				f["en/cart-empty.md"] = entryFile("cart-empty", "en", func(fm map[string]string) {
					fm["verified"] = "yesterday"
					fm["related"] = "[nope]"
				})
			},
			want: []string{
				`en/cart-empty.md: verified "yesterday" is not a YYYY-MM-DD date`,
				"en/cart-quantity.md has no French version",
				`en/cart-empty.md: related "nope" does not exist`,
			},
		},
		{
			name: "examples with unknown topic, unknown lang, bad header and columns",
			change: func(f fstest.MapFS) {
				f["examples/a.tsv"] = &fstest.MapFile{Data: []byte("lang\ttopic\tquestion\n" +
					"en\tcart-empty\tmy cart is empty\n" +
					"en\tcart-gone\twhere is my cart\n" +
					"ja\tcart-empty\tカートが空です\n" +
					"fr\tcart-empty\n" +
					"en\t\t\n")}
				f["examples/b.tsv"] = &fstest.MapFile{Data: []byte("question\ttopic\n")}
			},
			want: []string{
				`examples/a.tsv:3: unknown topic "cart-gone" in en`,
				`examples/a.tsv:4: unknown lang "ja"`,
				"examples/a.tsv:5: 2 columns, want 3",
				"examples/a.tsv:6: empty question",
				`examples/b.tsv:1: header "question\ttopic"`,
			},
		},
		{
			name:   "no English directory",
			change: func(f fstest.MapFS) { delete(f, "en/cart-quantity.md"); delete(f, "en/cart-empty.md") },
			want:   []string{"en: open en: file does not exist"},
		},
		{
			name:   "a language directory without every topic",
			change: func(f fstest.MapFS) { f["de/cart-empty.md"] = entryFile("cart-empty", "de", relatedQuantity) },
			want:   []string{"en/cart-quantity.md has no German version de/cart-quantity.md"},
		},
		{
			name: "a translation that differs in what must not",
			change: func(f fstest.MapFS) {
				f["nl/cart-quantity.md"] = entryFile("cart-quantity", "nl", nil)
				f["nl/cart-empty.md"] = entryFile("cart-empty", "nl", func(fm map[string]string) {
					fm["related"] = "[]"
					fm["sources"] = `["KDP Help: Author Copies", "KDP Help: Printing cost"]`
					fm["verified"] = "2025-12-01"
					fm["caveat"] = `"Prijzen veranderen."`
				})
			},
			want: []string{
				"cart-empty: related [cart-quantity] in en but [] in nl",
				"cart-empty: number of sources 1 in en but 2 in nl",
				"cart-empty: verified 2025-11-20 in en but 2025-12-01 in nl",
				`cart-empty: caveat "" in en but "Prijzen veranderen." in nl`,
			},
		},
		{
			name: "examples in a language without content",
			change: func(f fstest.MapFS) {
				f["examples/es.tsv"] = &fstest.MapFile{Data: []byte("lang\ttopic\tquestion\nes\tcart-empty\tcarrito vacío\n")}
			},
			want: []string{"examples/es.tsv:2: no content in es to learn for"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			tt.change(fsys)
			_, err := LoadFS(fsys)
			if err == nil {
				t.Fatalf("LoadFS succeeded, want an error containing %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("LoadFS error = %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadFSExamples(t *testing.T) {
	fsys := validFS()
	fsys["examples/a.tsv"] = &fstest.MapFile{Data: []byte("lang\ttopic\tquestion\n" +
		"# a comment\n" +
		"en\tcart-quantity\tcheckout shows the wrong number of copies\n" +
		"en\t\twhat royalty rate do I get\n" +
		"\n" +
		"fr\tcart-quantity\tle panier affiche un mauvais nombre\n")}
	if _, err := LoadFS(fsys); err != nil {
		t.Errorf("LoadFS with examples: %v", err)
	}
}

// BenchmarkLoad measures Load: the bot and many tests pay it once each.
// BenchmarkLoad measures a load that builds every index (the first of a
// process), and one that finds every index built already (a
// moderator's edit rebuilds only its own language's).
func BenchmarkLoad(b *testing.B) {
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			built.Purge()
			if _, err := Load(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("indexes-built", func(b *testing.B) {
		for b.Loop() {
			if _, err := Load(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestLoadFSIgnoresOtherFiles(t *testing.T) {
	fsys := validFS()
	fsys["en/README.txt"] = &fstest.MapFile{Data: []byte("notes for writers")}
	if _, err := LoadFS(fsys); err != nil {
		t.Errorf("LoadFS with a non-Markdown file: %v", err)
	}
}

func TestEntriesOrder(t *testing.T) {
	fsys := validFS()
	for _, lang := range []string{"en", "fr"} {
		fsys[lang+"/order-steps.md"] = entryFile("order-steps", lang, func(fm map[string]string) { fm["theme"] = "ordering" })
		fsys[lang+"/cart-a.md"] = entryFile("cart-a", lang, nil)
	}
	k, err := LoadFS(fsys)
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	var got []string
	for _, e := range k.Entries("fr") {
		got = append(got, e.ID)
	}
	want := []string{"cart-a", "cart-empty", "cart-quantity", "order-steps"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Entries order mismatch (-want +got):\n%s", diff)
	}
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name, body string
		want       []Block
		plain      string
	}{
		{
			name: "paragraphs and steps",
			body: "First line\nwraps here.\n\n1. Open the cart.\n2. Check\n   out.\n\nLast.",
			want: []Block{
				{Text: "First line wraps here."},
				{Steps: []string{"Open the cart.", "Check out."}},
				{Text: "Last."},
			},
			plain: "First line wraps here.\n\n1. Open the cart.\n2. Check out.\n\nLast.",
		},
		{
			name: "steps right after a paragraph",
			body: "Do this:\n1. One\n2. Two",
			want: []Block{
				{Text: "Do this:"},
				{Steps: []string{"One", "Two"}},
			},
			plain: "Do this:\n\n1. One\n2. Two",
		},
		{
			name: "bullets and inline markup",
			body: "Check **both**:\n- the `cart`\n- the [help page](https://kdp.amazon.com/help)",
			want: []Block{
				{Text: "Check **both**:\n- the `cart`\n- the [help page](https://kdp.amazon.com/help)"},
			},
			plain: "Check both:\n- the cart\n- the help page (https://kdp.amazon.com/help)",
		},
		{
			name: "a number that is not a step",
			body: "2025. A year.\n\n999 copies at most.",
			want: []Block{
				{Text: "2025. A year."},
				{Text: "999 copies at most."},
			},
			plain: "2025. A year.\n\n999 copies at most.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Entry{Body: tt.body}
			if diff := cmp.Diff(tt.want, e.Blocks()); diff != "" {
				t.Errorf("Blocks mismatch (-want +got):\n%s", diff)
			}
			if got := e.PlainText(); got != tt.plain {
				t.Errorf("PlainText = %q, want %q", got, tt.plain)
			}
		})
	}
}

// TestLoadFSLanguages checks that only English is required: a language
// whose directory is absent is not one the KB is written in, and asking
// for it gives English.
func TestLoadFSLanguages(t *testing.T) {
	fsys := validFS()
	delete(fsys, "fr/cart-empty.md")
	delete(fsys, "fr/cart-quantity.md")
	for _, id := range []string{"cart-empty", "cart-quantity"} {
		fsys["pt/"+id+".md"] = entryFile(id, "pt", func(fm map[string]string) {
			if id == "cart-empty" {
				relatedQuantity(fm)
			}
		})
	}
	k, err := LoadFS(fsys)
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	if diff := cmp.Diff([]string{"en", "pt"}, k.Languages()); diff != "" {
		t.Errorf("Languages mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ lang, want string }{
		{"pt-BR", "pt"}, {"pt_PT", "pt"}, {"fr", "en"}, {"ja", "en"}, {"", "en"},
	} {
		if e, ok := k.Entry("cart-empty", tt.lang); !ok || e.Lang != tt.want {
			t.Errorf("Entry(cart-empty, %q) = %+v, want the %s entry", tt.lang, e, tt.want)
		}
	}
}

func TestLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"fr-CA", "fr"}, {"DE", "de"}, {"es-419", "es"}, {"it", "it"},
		{"pt-BR", "pt"}, {"pt_PT", "pt"}, {"nl-BE", "nl"},
		{"ja", ""}, {"pl", ""}, {"", ""}, {"english", ""},
	}
	for _, tt := range tests {
		if got := Lang(tt.in); got != tt.want {
			t.Errorf("Lang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// sevenFS is a two-topic knowledge base in the seven languages, written
// for these tests.
func sevenFS() fstest.MapFS {
	bodies := map[string][2]string{
		"en": {"Your cart is empty: sign in again on the marketplace you chose.", "The cart shows the wrong quantity of copies: change the quantity before checkout."},
		"fr": {"Votre panier est vide : reconnectez-vous sur le site choisi.", "Le panier affiche une mauvaise quantité d'exemplaires : modifiez la quantité."},
		"de": {"Ihr Warenkorb ist leer: melden Sie sich auf dem gewählten Marktplatz wieder an.", "Der Warenkorb zeigt die falsche Menge an Exemplaren: ändern Sie die Menge."},
		"es": {"Su carrito está vacío: vuelva a iniciar sesión en la tienda elegida.", "El carrito muestra una cantidad de copias equivocada: cambie la cantidad."},
		"it": {"Il carrello è vuoto: accedi di nuovo al marketplace scelto.", "Il carrello mostra una quantità di copie sbagliata: modifica la quantità."},
		"pt": {"O seu carrinho está vazio: entre de novo na loja escolhida.", "O carrinho mostra a quantidade de cópias errada: mude a quantidade."},
		"nl": {"Uw winkelwagen is leeg: log opnieuw in op de gekozen marktplaats.", "De winkelwagen toont het verkeerde aantal exemplaren: wijzig het aantal."},
	}
	fsys := fstest.MapFS{}
	for lang, b := range bodies {
		fsys[lang+"/cart-empty.md"] = entryFile("cart-empty", lang, func(fm map[string]string) {
			relatedQuantity(fm)
			fm["body"] = b[0]
		})
		fsys[lang+"/cart-quantity.md"] = entryFile("cart-quantity", lang, func(fm map[string]string) { fm["body"] = b[1] })
	}
	return fsys
}

// TestLoadFSExamplesLanguages checks that examples in every language of
// the content are read, in files named as the content writers name them.
func TestLoadFSExamplesLanguages(t *testing.T) {
	fsys := sevenFS()
	fsys["examples/de.tsv"] = &fstest.MapFile{Data: []byte("lang\ttopic\tquestion\n" +
		"de\tcart-empty\tWarenkorb ist leer nach dem Klick\n" +
		"de\t\tWie hoch sind die Tantiemen?\n")}
	fsys["examples/pt.tsv"] = &fstest.MapFile{Data: []byte("lang\ttopic\tquestion\npt\tcart-quantity\tquantidade errada no carrinho\n")}
	_, exs, err := readContent(fsys, fsys)
	if err != nil {
		t.Fatalf("readContent: %v", err)
	}
	var got []string
	for _, ex := range exs {
		got = append(got, ex.lang+"/"+ex.topic)
	}
	if diff := cmp.Diff([]string{"de/cart-empty", "de/", "pt/cart-quantity"}, got); diff != "" {
		t.Errorf("examples mismatch (-want +got):\n%s", diff)
	}
}

// TestSearchSevenLanguages checks that a short question in each language,
// with no locale, is answered in that language, and that a Portuguese
// locale of either country gets the Portuguese content.
func TestSearchSevenLanguages(t *testing.T) {
	k, err := LoadFS(sevenFS())
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	tests := []struct{ query, lang, want string }{
		{"my cart is empty", "", "en"},
		{"mon panier est vide", "", "fr"},
		{"Warenkorb leer", "", "de"},
		{"carrito vacío", "", "es"},
		{"carrello vuoto", "", "it"},
		{"carrinho vazio", "", "pt"},
		{"winkelwagen leeg", "", "nl"},
		{"carrinho vazio", "pt-BR", "pt"},
		{"carrinho vazio", "pt-PT", "pt"},
		{"my cart is empty", "de-AT", "de"}, // the locale wins
	}
	for _, tt := range tests {
		r := k.Search(tt.query, tt.lang)
		if r.Lang != tt.want || r.Best == nil || r.Best.ID != "cart-empty" || r.Best.Lang != tt.want {
			t.Errorf("Search(%q, %q) = %s in %s, want cart-empty in %s", tt.query, tt.lang, bestID(r), r.Lang, tt.want)
		}
	}
}
