package kb

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// placeAsked returns r with the topic of the languages and countries
// that can order author copies in place of ordering them or the missing
// order option when ask asks whether an author may order them and names
// a country or a language ("est-ce que je peux commander des exemplaires
// d'auteur depuis le Sénégal ?", "Kann ich von Polen aus
// Autorenexemplare bestellen?", "un livre bilingue avec du wolof est-il
// accepté ?"): that is a question of who may, not of how. ukHardcover
// runs first, so hardcovers in the UK keep their own topic.
//
// An ask whether the author is allowed to at all ("ich wohne in Polen –
// darf ich mir überhaupt Exemplare zum Druckpreis bestellen?") is of who
// may also when it was read as the choice of marketplace or a cost.
//
// An ask that names the place only as "here" ("¿Puedo encargar ejemplares
// desde acá?") takes it from the message ("vivo en Santiago de Chile").
func (k *KB) placeAsked(ask, message string, r Result) Result {
	if r.Best == nil || r.Unknown != nil {
		return r
	}
	if !r.Confident {
		// Of a place or a language, "can I order author copies" is asked
		// in few other words ("Mon livre est en breton, est-ce que je peux
		// quand même commander des exemplaires d'auteur ?"): those of
		// ordering are found weakly, and the place says what is asked.
		if r.Best.ID != "order-author-copies" && r.Best.ID != "order-option-missing" || !slices.ContainsFunc(words(ask), namesAuthor) {
			return r
		}
	}
	may := mayPhrases
	switch r.Best.ID {
	case "order-author-copies", "order-option-missing":
	case "which-marketplace", "printing-cost-by-marketplace", "author-copy-cost":
		// Asked of a marketplace named, "can I" may well choose it ("can I
		// order from amazon.de?"); of none, it asks who may.
		if namesStore(ask) || r.Best.ID != "which-marketplace" {
			may = allowedPhrases
		}
	default:
		return r
	}
	ws := words(ask)
	// "I can't order copies in Brazil" tells a problem: the order option.
	if !hasPhrase(ws, may, nil) || hasWord(ws, negations) {
		return r
	}
	if !namesPlace(ws, r.Best.Lang) && !(hasWord(ws, hereWords) && namesPlace(words(message), r.Best.Lang)) {
		return r
	}
	r.Confident = true
	return k.retopic(r, "languages-countries")
}

// namesStore reports whether ask names an Amazon store ("amazon.de",
// ".fr", "Amazon UK").
func namesStore(ask string) bool {
	low := strings.ToLower(ask)
	if strings.Contains(low, "amazon") {
		return true
	}
	for _, tld := range []string{".com", ".co.", ".de", ".fr", ".es", ".it", ".nl", ".ca", ".pl", ".se", ".jp", ".mx", ".br", ".au", ".in"} {
		if strings.Contains(low, tld) {
			return true
		}
	}
	return false
}

// allowedPhrases are the folded words, in a row, that ask whether one is
// allowed to, in Languages. Words of "at all" ("überhaupt") are not
// among them: "geht das überhaupt?" asks as often of anything else.
var allowedPhrases = phraseList(
	"am i allowed", "allowed to",
	"ai je le droit", "ai le droit",
	"darf ich",
	"tengo derecho",
	"ho diritto", "ho il diritto",
	"tenho direito",
	"mag ik",
)

// mayPhrases are the folded words, in a row, that ask whether one may or
// can, in Languages.
var mayPhrases = phraseList(
	"can i", "could i", "may i", "am i allowed", "allowed to", "is it possible", "possible to", "can you", "can one",
	"je peux", "puis je", "peut on", "on peut", "est il possible", "ai je le droit",
	"kann ich", "darf ich", "ist es moglich", "geht das", "kann man",
	"puedo", "se puede", "se pueden", "es posible",
	"posso", "si puo", "si possono", "e possibile",
	"consigo", "da para", "e possivel",
	"kan ik", "mag ik", "kan dat", "is het mogelijk", "kan men", "kan je", "kun je", "kun jij", "kan jij",
)

// hereWords are the folded words for "here", where the author lives, in
// Languages.
var hereWords = wordSet(`here ici hier aqui aca qui daqui hiervandaan`)

// negations are the folded words that negate, in Languages.
var negations = wordSet(`not no never cannot pas jamais plus nicht kein keine nie nunca non mai nao nem niet geen nooit`)

// namesPlace reports whether ws, folded words of lang, name a country or
// a language in lang.
func namesPlace(ws []string, lang string) bool {
	names := placeNames()[lang]
	for i, w := range ws {
		for _, p := range names[w] {
			if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// placeNames are the folded names of the countries and languages of the
// world in each of Languages, as CLDR writes them (golang.org/x/text's
// display tables; keeping such lists by hand in seven languages would
// always miss some), each under its first word. Names of fewer than four
// letters and stop words of the language are left out: too many of them
// are words of their own ("Chad" stays, "Ewe" goes). They are made on
// first use, in about 3 ms; the tables add about 2.4 MB to the binary.
var placeNames = sync.OnceValue(func() map[string]map[string][][]string {
	dicts := map[string]*display.Dictionary{
		"en": display.English, "fr": display.French, "de": display.German, "es": display.Spanish,
		"it": display.Italian, "pt": display.Portuguese, "nl": display.Dutch,
	}
	out := map[string]map[string][][]string{}
	for lang, d := range dicts {
		stop := map[string]bool{}
		for _, w := range strings.Fields(stopWords(lang)) {
			stop[w] = true
		}
		byFirst := map[string][][]string{}
		add := func(name string) {
			ws := words(name)
			if len(ws) == 0 || len(ws) == 1 && (len(ws[0]) < 4 || stop[ws[0]]) {
				return
			}
			byFirst[ws[0]] = append(byFirst[ws[0]], ws)
		}
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				if r, err := language.ParseRegion(string([]rune{a, b})); err == nil && r.IsCountry() {
					add(d.Regions().Name(r))
				}
				if l, err := language.ParseBase(strings.ToLower(string([]rune{a, b}))); err == nil {
					add(d.Languages().Name(l))
				}
			}
		}
		out[lang] = byFirst
	}
	return out
})
