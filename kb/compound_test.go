package kb

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// germanFS is a small knowledge base in English and German, written for
// these tests: the German content is not the content of the bot.
func germanFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	topics := []struct{ id, theme, en, de, deTitle string }{
		{"order-author-copies", "ordering",
			"Open your Bookshelf and choose Order author copies. You can order up to 999 copies.",
			"Öffnen Sie Ihr Bücherregal und wählen Sie Autorenexemplare bestellen. Sie können bis zu 999 Stück bestellen.",
			"Autorenexemplare bestellen"},
		{"shipping-options", "shipping",
			"The shipping cost depends on the marketplace and the delivery speed.",
			"Die Versandkosten hängen vom Marktplatz und von der Lieferzeit ab.",
			"Versandoptionen und Lieferzeit"},
		{"printing-cost", "cost",
			"The printing cost depends on the page count and the size of the book.",
			"Die Druckkosten hängen von der Seitenzahl und der Größe des Buches ab.",
			"Druckkosten"},
	}
	for _, tp := range topics {
		for lang, body := range map[string]string{"en": tp.en, "de": tp.de} {
			fsys[lang+"/"+tp.id+".md"] = entryFile(tp.id, lang, func(fm map[string]string) {
				fm["theme"] = tp.theme
				fm["aliases"] = "[]"
				fm["keywords"] = "[]"
				fm["body"] = body
				if lang == "de" {
					fm["title"] = tp.deTitle
				}
			})
		}
	}
	return fsys
}

func TestSplitCompound(t *testing.T) {
	k, err := LoadFS(germanFS())
	if err != nil {
		t.Fatal(err)
	}
	ix := k.indexes["de"]
	tests := []struct {
		in   string
		want []string
	}{
		{"autorenexemplare", nil},                              // the content has no "Autoren" nor "Exemplare" alone
		{"versandoptionen", []string{"versand", "optionen"}},   // both words of the content's lists
		{"lieferkosten", []string{"liefern", "kosten"}},        // a verb's stem before the head
		{"seitenzahlkosten", []string{"seitenzahl", "kosten"}}, // the fewest parts
		{"buchkosten", []string{"buches", "kosten"}},           // a linking ending restored ("des Buches")
		{"bestellen", nil},                                     // too short
		{"zahnbuerste", nil},                                   // no part known
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ix.splitCompound(tt.in)); diff != "" {
			t.Errorf("splitCompound(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
	if got := k.indexes["en"].splitCompound("shippingcost"); got != nil {
		t.Errorf("English splitCompound(shippingcost) = %q, want nil: English writes compounds apart", got)
	}
}

// TestSearchGerman checks the German analyzer end to end on germanFS: a
// compound matches its parts, and a German question with no locale is
// answered in German.
func TestSearchGerman(t *testing.T) {
	k, err := LoadFS(germanFS())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, lang, want string
	}{
		{"Wie hoch sind die Kosten für den Versand?", "de", "shipping-options"}, // Versandkosten in the content
		{"Versandoptionen", "de", "shipping-options"},
		{"Druckkosten", "", "printing-cost"},
		{"Autorenexemplare bestellen", "", "order-author-copies"},
	}
	for _, tt := range tests {
		r := k.Search(tt.query, tt.lang)
		if !r.Confident || r.Best.ID != tt.want || r.Lang != "de" {
			t.Errorf("Search(%q, %q) = %s in %s (confident %v), want %s in de", tt.query, tt.lang, bestID(r), r.Lang, r.Confident, tt.want)
		}
	}
}

func TestGermanWords(t *testing.T) {
	a := newAnalyzer("de")
	want := []string{"grosse", "grosse", "grosse", "fur", "fur", "quelle", "bucher", "bucher"}
	if diff := cmp.Diff(want, a.words("Größe groesse GROESSE für fuer Quelle Bücher Buecher")); diff != "" {
		t.Errorf("German words mismatch (-want +got):\n%s", diff)
	}
	// Other languages keep their letters: "oe" is Dutch and French.
	if diff := cmp.Diff([]string{"boek", "soeur"}, newAnalyzer("nl").words("boek sœur")); diff != "" {
		t.Errorf("Dutch words mismatch (-want +got):\n%s", diff)
	}
}

func TestAnalyzeCompounds(t *testing.T) {
	k, err := LoadFS(germanFS())
	if err != nil {
		t.Fatal(err)
	}
	an := k.indexes["de"].an
	// A known compound is read as itself and its parts, so that the
	// content's "Versandkosten" matches "Kosten für den Versand".
	got := an.analyze("Versandkosten")
	want := []string{an.stem("versandkosten"), an.stem("versand"), an.stem("kosten")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("analyze(Versandkosten) mismatch (-want +got):\n%s", diff)
	}
}
