package kb

import (
	"slices"
	"strings"
	"testing"
)

// TestLoadOverlay checks what an overlay does to the embedded content: a
// file replaced, a topic hidden with the links and examples that name it,
// and an invalid file refused with every problem at once.
func TestLoadOverlay(t *testing.T) {
	base := mustLoad(t)
	en, _ := base.Entry("cancel-order", "en")
	edited := *en
	edited.Title = "Cancelling an order"
	k, err := LoadOverlay(Overlay{
		Files:  map[string][]byte{"en/cancel-order.md": edited.Markdown()},
		Hidden: map[string]bool{"track-order": true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := k.Entry("cancel-order", "en"); got.Title != "Cancelling an order" || slices.Contains(got.Related, "track-order") {
		t.Errorf("cancel-order = %q, related %v", got.Title, got.Related)
	}
	if _, ok := k.Entry("track-order", "fr"); ok {
		t.Error("hidden topic loaded")
	}
	if got, _ := base.Entry("cancel-order", "en"); got.Title == "Cancelling an order" || !slices.Contains(got.Related, "track-order") {
		t.Error("the overlay changed the base's knowledge base")
	}

	broken := edited
	broken.Theme, broken.Sources = "nowhere", nil
	_, err = LoadOverlay(Overlay{Files: map[string][]byte{
		"en/cancel-order.md": broken.Markdown(),
		"fr/new-topic.md":    []byte("no front matter"),
	}})
	if err == nil {
		t.Fatal("invalid overlay loaded")
	}
	for _, want := range []string{`en/cancel-order.md: unknown theme "nowhere"`, `en/cancel-order.md: missing required key "sources"`, "fr/new-topic.md: missing front matter"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestOverlayRebuildsOnlyWhatChanged checks that a load shares the index
// of every language whose entries and examples are unchanged, builds the
// others anew, and answers exactly as a load that builds everything.
func TestOverlayRebuildsOnlyWhatChanged(t *testing.T) {
	base, err := LoadOverlay(Overlay{})
	if err != nil {
		t.Fatal(err)
	}
	fr, _ := base.Entry("cart-empty", "fr")
	edited := *fr
	edited.Aliases = append(slices.Clone(fr.Aliases), "caddie sans rien dedans")
	o := Overlay{Files: map[string][]byte{"fr/cart-empty.md": edited.Markdown()}}
	k, err := LoadOverlay(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range k.Languages() {
		shared := k.indexes[lang] == base.indexes[lang]
		if shared != (lang != "fr") {
			t.Errorf("%s: index shared with the base = %v, want %v", lang, shared, lang != "fr")
		}
	}
	// A KB whose every index is built anew, to compare with.
	fsys, err := overlayFS(BaseFiles(), o)
	if err != nil {
		t.Fatal(err)
	}
	entries, exs, err := readHiding(fsys, exampleFiles, nil)
	if err != nil {
		t.Fatal(err)
	}
	fresh := build(entries, exs, defaultTuning(), nil)
	for _, q := range []struct{ text, lang string }{
		{"caddie sans rien dedans", "fr"}, {"mon panier est vide", "fr"}, {"my cart is empty", "en"},
		{"Warenkorb leer", "de"}, {"carrito vacío", "es"}, {"carrello vuoto", "it"}, {"carrinho vazio", "pt"}, {"winkelwagen leeg", "nl"},
		{"how long do author copies take to arrive", ""}, {"combien d'exemplaires au maximum", ""},
	} {
		got, want := k.Search(q.text, q.lang), fresh.Search(q.text, q.lang)
		if got.Best == nil || want.Best == nil || got.Best.ID != want.Best.ID || got.Score != want.Score || got.Confident != want.Confident {
			t.Errorf("Search(%q) = %+v, a KB built anew gives %+v", q.text, got, want)
		}
	}
	if got := k.Search("caddie sans rien dedans", "fr"); got.Best == nil || got.Best.ID != "cart-empty" || !got.Confident {
		t.Errorf("the new alias does not answer: %+v", got)
	}
}
