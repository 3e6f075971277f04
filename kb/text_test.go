package kb

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Épreuve", "epreuve"},
		{"grisé", "grise"},
		{"reçu", "recu"},
		{"Œuvre", "oeuvre"},
		{"e\u0301te\u0301", "ete"}, // combining accents, as some keyboards send them
		{"l’option", "l'option"},
		{"prix\u00a0?", "prix ?"}, // French no-break space before ?
		{"«\u00a0panier\u00a0»", "  panier  "},
		{"Amazon.co.uk", "amazon.co.uk"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fold(tt.in); got != tt.want {
				t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"L'option est grisée", []string{"option", "est", "grisee"}},
		{"l’option d’auteur", []string{"option", "auteur"}},
		{"Qu'est-ce qu'une épreuve ?", []string{"est", "ce", "une", "epreuve"}},
		{"jusqu'à 999 exemplaires", []string{"a", "999", "exemplaires"}},
		{"the author's copies don't arrive", []string{"the", "author", "copies", "don", "not", "arrive"}},
		{"Amazon.co.uk, pre-order!", []string{"amazon", "co", "uk", "pre", "order"}},
		{"cart...empty???", []string{"cart", "empty"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, words(tt.in)); diff != "" {
				t.Errorf("words(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		lang, in string
		want     []string
	}{
		// Stop words dropped, words stemmed.
		{"en", "How do I order author copies?", []string{"order", "author", "copi"}},
		{"en", "Cancelling my orders", []string{"cancel", "order"}},
		// Synonyms, including phrases and inflections, before stemming.
		{"en", "My basket is empty", []string{"cart", "empti"}},
		{"en", "The button is greyed out", []string{"option", "grey"}},
		{"en", "When will they arrive?", []string{"eta"}},
		{"en", "They arrived late", []string{"deliveri", "late"}},
		{"en", "Can I pre-order a paperback?", []string{"preorder", "paperback"}},
		{"en", "prices", []string{"cost"}},
		// French: elisions, accents, stop words, synonyms.
		{"fr", "L'option est grisée", []string{"option", "gris"}},
		{"fr", "Mon caddie est vide", []string{"pani", "vid"}},
		{"fr", "Où est la livraison ?", []string{"livraison"}},
		{"fr", "copies d'auteur", []string{"exemplair", "auteur"}},
		{"fr", "pré-commande d’un livre broché", []string{"precommand", "broch"}},
		{"fr", "Quel est le prix ?", []string{"cout"}},
		{"fr", "copies imprimées, commande annulée", []string{"exemplair", "imprim", "command", "annul"}},
		// Numbers are kept whole; one before a word counting copies states
		// a quantity, and one over 999 also hits the per-order limit.
		{"en", "more than 999 copies", []string{"quantiti", "999", "copi"}},
		{"en", "I need 2500 books", []string{"quantiti", "999", "2500", "book"}},
		{"fr", "20 exemplaires au lieu de 2", []string{"quantit", "20", "exemplair", "lieu", "2"}},
		// A thousands separator parts a number into two words.
		{"de", "1.250 Exemplare", []string{"meng", "999", "1", "250", "exemplar"}},
		{"en", "1,250 copies", []string{"quantiti", "999", "1", "250", "copi"}},
		// Negations are one term, so "can't order" differs from "order".
		{"en", "I can't order, the option isn't there", []string{"not", "order", "option", "not"}},
		{"en", "it doesn't ship", []string{"not", "ship"}},
		{"en", "it doesnt ship", []string{"not", "ship"}},
		{"fr", "je ne trouve pas l'option", []string{"pas", "trouv", "pas", "option"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.in, func(t *testing.T) {
			got := newAnalyzer(tt.lang).analyze(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("analyze(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestCorrect(t *testing.T) {
	docs := []*Entry{{
		ID: "cart-empty", Lang: "en", Title: "Empty cart after checkout",
		Keywords: []string{"shipping", "quantity", "marketplace", "prime", "pre"},
		Body:     "Sign in again; the cart belongs to one marketplace. Shipping is paid.",
	}}
	ix := newIndex(newAnalyzer("en"), docs, nil, defaultTuning())
	tests := []struct {
		in, want string
	}{
		{"cart", "cart"},                 // known
		{"carts", "carts"},               // known by stem
		{"crat", "cart"},                 // transposition
		{"chekout", "checkout"},          // deletion
		{"shiping", "shipping"},          // one edit on a long word
		{"quantiyt", "quantity"},         // transposition, long word
		{"markteplace", "marketplace"},   // two edits on a word of eight letters or more
		{"teh", "the"},                   // stop words are known too
		{"prme", "prime"},                // restoring a letter beats dropping one
		{"weather", "weather"},           // nothing close: unchanged
		{"ox", "ox"},                     // too short to correct
		{"999", "999"},                   // numbers are not typos
		{"xmarketplacex", "marketplace"}, // two edits
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ix.correct(tt.in); got != tt.want {
				t.Errorf("correct(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestLexicon checks the hand-written tables for entries whose effect would
// depend on map order: a variant (or the stem of one) listed under two
// canonical words.
func TestLexicon(t *testing.T) {
	for _, lang := range languages() {
		t.Run(lang, func(t *testing.T) {
			a := newAnalyzer(lang)
			owner := make(map[string]string)
			for canonical, variants := range synonymTable(lang) {
				for _, v := range variants {
					ws := words(v)
					key := a.stemKey(ws)
					if other, ok := owner[key]; ok && other != canonical {
						t.Errorf("variant %q (key %q) maps to both %q and %q", v, key, canonical, other)
					}
					owner[key] = canonical
				}
			}
			for canonical := range synonymTable(lang) {
				if a.stop[canonical] {
					t.Errorf("canonical word %q is a stop word: its synonyms would vanish", canonical)
				}
				// The word stands for its variants as typed words do.
				if ws := a.words(canonical); len(ws) != 1 || ws[0] != canonical {
					t.Errorf("canonical word %q reads as %q: write it as the tokenizer does", canonical, ws)
				}
			}
			if q := quantityWord(lang); synonymTable(lang)[q] == nil {
				t.Errorf("quantity word %q is not a canonical word", q)
			}
		})
	}
}

// A date in a question is dropped with its day, in every language; a
// number that is not a day, or not next to a month, stays.
func TestDropDates(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"en", "ordered my copies on november 2nd when do they arrive", "ordered my copies on when do they arrive"},
		{"en", "ordered 40 copies on 3 march", "ordered 40 copies on"},
		{"en", "may i order 40 copies", "may i order 40 copies"},
		{"es", "pedi mis copias el 4 de noviembre", "pedi mis copias el"},
		{"fr", "commande le 1er decembre", "commande le"},
		{"nl", "op 6 november besteld", "op besteld"},
		{"de", "am 5 november 2026 bestellt", "am 2026 bestellt"},
		{"it", "ordinato 50 copie", "ordinato 50 copie"},
	} {
		a := newAnalyzer(c.lang)
		if got := strings.Join(a.dropDates(a.words(c.in)), " "); got != c.want {
			t.Errorf("%s: dropDates(%q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}
