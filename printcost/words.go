package printcost

import (
	"strconv"
	"strings"
)

// The wordings below are folded (lowercase, no accents, ß as ss) and
// matched on whole words; hyphenated forms match their parts.

// blackWordsList is indexed once (byFirstWord).
var blackWordsList = byFirstWord(func() []phrase[Ink] {
	var p []phrase[Ink]
	for _, w := range []string{
		"black", "b&w", "b/w", "grayscale", "greyscale", // en
		"noir", "noire", "n&b", "n/b", "niveaux de gris", // fr
		"schwarz", "schwarzweiss", "s/w", "graustufen", // de
		"negro", "negra", "escala de grises", // es
		"nero", "nera", "b/n", "scala di grigi", // it
		"preto", "preta", "p&b", "p/b", "tons de cinza", "escala de cinza", // pt
		"zwart", "zwartwit", "z/w", "grijstinten", // nl
	} {
		p = append(p, phrase[Ink]{w, Black})
	}
	return p
}())

// colourWord reports whether s names colour printing, and the ink a
// compound word settles by itself (Premiumfarbe, standaardkleur).
func colourWord(s string) (Ink, bool) {
	switch s {
	case "colour", "colours", "color", "colors", "coloured", "colored",
		"couleur", "couleurs", "farbe", "farben", "farbig", "farbdruck",
		"colores", "colore", "colori", "cor", "cores", "colorido",
		"kleur", "kleuren":
		return 0, true
	case "premiumfarbe", "premiumfarben", "premiumkleur":
		return PremiumColour, true
	case "standardfarbe", "standardfarben", "standaardkleur":
		return StandardColour, true
	}
	return 0, false
}

func inkWord(s string) bool {
	switch s {
	case "ink", "encre", "tinte", "tinta", "inchiostro", "inkt":
		return true
	}
	return false
}

func qualifier(s string) Ink {
	switch s {
	case "premium":
		return PremiumColour
	case "standard", "standaard", "estandar", "padrao":
		return StandardColour
	}
	return 0
}

// findInks returns the inks the text names, and whether it names colour
// without saying standard or premium. A colour word takes its kind from
// "premium" or "standard" up to two words either side ("premium colour",
// "couleur premium", "color estándar"); "premium ink" is premium colour.
func findInks(toks []token) (inks []Ink, bareColour bool) {
	inks = findValues(toks, blackWordsList)
	for i, t := range toks {
		if qualifier(t.norm) == PremiumColour && i+1 < len(toks) && inkWord(toks[i+1].norm) {
			inks = appendUnique(inks, PremiumColour)
			continue
		}
		ink, ok := colourWord(t.norm)
		if !ok {
			continue
		}
		for j := max(0, i-2); ink == 0 && j < min(len(toks), i+3); j++ {
			ink = qualifier(toks[j].norm)
		}
		if ink == 0 {
			bareColour = true
			continue
		}
		inks = appendUnique(inks, ink)
	}
	return inks, bareColour
}

// trimWordsList is indexed once (byFirstWord).
var trimWordsList = byFirstWord(func() []phrase[Trim] {
	var p []phrase[Trim]
	for _, w := range []string{
		"large trim", "large format", "large size", "large trim size", // en
		"grand format", "grands formats", // fr
		"grossformat", "grosses format", "grossen format", "grossem format", // de
		"formato grande", "tamano grande", "gran formato", "grande formato", // es, it, pt
		"groot formaat", "grootformaat", "grote formaat", // nl
		"a4",
	} {
		p = append(p, phrase[Trim]{w, Large})
	}
	for _, w := range []string{
		"regular trim", "standard trim", "regular size", "regular trim size", "standard trim size", // en
		"format standard", "format normal", "format classique", // fr
		"standardformat", "normalformat", // de
		"formato estandar", "formato normal", "formato standard", "formato padrao", // es, it, pt
		"standaardformaat", "standaard formaat", "normaal formaat", // nl
		"a5",
	} {
		p = append(p, phrase[Trim]{w, Regular})
	}
	return p
}())

// findTrims returns the trim classes the text names by a word or by a
// size such as 6x9, 6 x 9 in, 6 by 9, 8.5x11 or 15,24 x 22,86 cm.
func findTrims(toks []token) []Trim {
	trims := findValues(toks, trimWordsList)
	for i := range toks {
		w, h, unit, ok := size(toks, i)
		if !ok {
			continue
		}
		trims = appendUnique(trims, TrimForSize(toInches(w, unit), toInches(h, unit)))
	}
	return trims
}

// size reads a width x height starting at toks[i], as one token ("6x9",
// "6x9in") or three ("6 x 9", "6 by 9"), with the unit after it if any.
func size(toks []token, i int) (w, h float64, unit string, ok bool) {
	next := i + 1
	a, b, found := strings.Cut(toks[i].norm, "x")
	if !found || b == "" {
		if i+2 >= len(toks) || (toks[i+1].norm != "x" && toks[i+1].norm != "by") {
			return 0, 0, "", false
		}
		a, b, next = toks[i].norm, toks[i+2].norm, i+3
	}
	w, okW := decimal(a)
	b, unit = cutUnit(b)
	h, okH := decimal(b)
	if !okW || !okH || w <= 0 || h <= 0 {
		return 0, 0, "", false
	}
	if unit == "" && next < len(toks) {
		if _, u := cutUnit("0" + toks[next].norm); u != "" {
			unit = u
		}
	}
	return w, h, unit, true
}

// cutUnit splits a trailing unit (in, inch, inches, cm, mm) off s.
func cutUnit(s string) (string, string) {
	for _, u := range []struct{ suffix, unit string }{
		{"inches", "in"}, {"inch", "in"}, {"zoll", "in"}, {"pouces", "in"}, {"pulgadas", "in"},
		{"pollici", "in"}, {"polegadas", "in"}, {"duim", "in"}, {"in", "in"}, {"cm", "cm"}, {"mm", "mm"},
	} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			return n, u.unit
		}
	}
	return s, ""
}

// toInches converts v in unit to inches. Without a unit, a size above 20
// is taken as centimetres and one above 100 as millimetres, since no book
// trim is 20 inches.
func toInches(v float64, unit string) float64 {
	switch {
	case unit == "mm", unit == "" && v > 100:
		return v / 25.4
	case unit == "cm", unit == "" && v > 20:
		return v / 2.54
	}
	return v
}

func decimal(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return v, err == nil
}

// bindingWordsList is indexed once (byFirstWord).
var bindingWordsList = byFirstWord(func() []phrase[Binding] {
	var p []phrase[Binding]
	for _, w := range []string{
		"paperback", "paperbacks", "softcover", "soft cover", "softback", // en, de, nl
		"broche", "brochee", "livre broche", "couverture souple", // fr
		"taschenbuch", "taschenbucher", // de
		"tapa blanda", "rustica", // es
		"copertina flessibile", "brossura", // it
		"brochura", "capa mole", "capa comum", // pt
		"slappe kaft", // nl
	} {
		p = append(p, phrase[Binding]{w, Paperback})
	}
	for _, w := range []string{
		"hardcover", "hardcovers", "hardback", "hardbacks", "hard cover", "hard back", "hardbound", "case laminate", // en, de, nl
		"relie", "reliee", "relies", "couverture rigide", "cartonne", "cartonnee", "cartonnes", // fr
		"gebundene ausgabe", "gebundenen ausgabe", "gebunden", "gebundene", "gebundenes buch", // de
		"tapa dura", "tapas duras", "encuadernado", // es
		"copertina rigida", "copertine rigide", "copie rigide", "rilegato", "cartonato", "cartonati", // it
		"capa dura", "capas duras", "capa rigida", // pt
		"gebonden", "harde kaft", // nl
	} {
		p = append(p, phrase[Binding]{w, Hardcover})
	}
	return p
}())

// domain returns the marketplace of an Amazon domain, and whether s is an
// Amazon domain at all.
func domain(s string) (Marketplace, bool) {
	s, _, _ = strings.Cut(s, "/")
	s = strings.TrimPrefix(s, "www.")
	s = strings.TrimPrefix(s, "kdp.")
	if !strings.HasPrefix(s, "amazon.") {
		return "", false
	}
	for _, m := range Marketplaces() {
		if s == m.Domain() {
			return m, true
		}
	}
	return "", true
}

// amazonCode returns the marketplace of "Amazon UK", "Amazon DE" and the
// like: the word after "amazon".
func amazonCode(s string) Marketplace {
	switch s {
	case "com", "us", "usa":
		return US
	case "uk", "co.uk":
		return UK
	case "jp", "co.jp":
		return JP
	case "au", "com.au":
		return AU
	case "de", "fr", "es", "it", "nl", "ca":
		return Marketplace(strings.ToUpper(s))
	}
	return ""
}

// countryWordsList is indexed once (byFirstWord).
var countryWordsList = byFirstWord(func() []phrase[Marketplace] {
	names := map[Marketplace][]string{
		US: {"united states", "usa", "u.s", "u.s.a", "america", "etats unis", "vereinigte staaten", "vereinigten staaten",
			"estados unidos", "ee.uu", "eeuu", "stati uniti", "eua", "verenigde staten", "amerika"},
		UK: {"uk", "u.k", "united kingdom", "britain", "great britain", "england", "royaume uni", "angleterre",
			"grande bretagne", "grossbritannien", "vereinigtes konigreich", "vereinigten konigreich", "reino unido",
			"inglaterra", "regno unito", "inghilterra", "gran bretagna", "gra bretanha", "verenigd koninkrijk", "engeland"},
		DE: {"germany", "allemagne", "deutschland", "alemania", "germania", "alemanha", "duitsland"},
		FR: {"france", "frankreich", "francia", "franca", "frankrijk"},
		ES: {"spain", "espagne", "spanien", "espana", "spagna", "espanha", "spanje"},
		IT: {"italy", "italie", "italien", "italia"},
		NL: {"netherlands", "holland", "pays bas", "niederlande", "paises bajos", "paesi bassi", "paises baixos", "holanda", "nederland"},
		CA: {"canada", "kanada"},
		JP: {"japan", "japon", "giappone", "japao"},
		AU: {"australia", "australie", "australien"},
	}
	var p []phrase[Marketplace]
	for _, m := range Marketplaces() {
		for _, n := range names[m] {
			p = append(p, phrase[Marketplace]{n, m})
		}
	}
	return p
}())

// findMarketplaces returns the marketplaces named by domain or by "Amazon"
// and a code; only when there are none, those named by country, where a
// bare "US" counts only in capitals. Unpriced lists Amazon domains that
// have no cost table.
func findMarketplaces(toks []token) (found []Marketplace, unpriced []string) {
	for i, t := range toks {
		if m, ok := domain(t.norm); ok {
			if m == "" {
				unpriced = appendUnique(unpriced, t.norm)
				continue
			}
			found = appendUnique(found, m)
			continue
		}
		if t.norm == "amazon" && i+1 < len(toks) {
			if m := amazonCode(toks[i+1].norm); m != "" {
				found = appendUnique(found, m)
			}
		}
	}
	if len(found) > 0 || len(unpriced) > 0 {
		return found, unpriced
	}
	found = findValues(toks, countryWordsList)
	for _, t := range toks {
		if t.raw == "US" || t.raw == "U.S" {
			found = appendUnique(found, US)
		}
	}
	return found, nil
}
