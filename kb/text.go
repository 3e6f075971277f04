package kb

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/spanish"
)

// fold lowercases s and removes accents (é→e, ç→c, œ→oe), so that authors
// who type without accents, or on a keyboard that sends combining marks,
// find the same words as the accented content. Typographic apostrophes
// become ASCII ones so elisions are recognised whichever one was typed.
func fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			// Most of what authors type: no table to look in.
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent typed after its letter
		}
		r = unicode.ToLower(r)
		if r < 0x80 {
			b.WriteByte(byte(r)) // K (Kelvin) is k
			continue
		}
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// isFolded reports whether fold would return s as it is: ASCII without
// capitals, as most of what authors type is.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// foldRune maps one lowercase non-ASCII rune to its unaccented spelling.
// The table covers the Latin letters French and the other languages of the
// Amazon marketplaces use; anything else is kept as it is.
func foldRune(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a"
	case 'ç', 'ć', 'č':
		return "c"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ę', 'ě':
		return "e"
	case 'ì', 'í', 'î', 'ï', 'ī':
		return "i"
	case 'ñ', 'ń':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return "o"
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ś', 'š':
		return "s"
	case 'ź', 'ż', 'ž':
		return "z"
	case 'ł':
		return "l"
	case 'œ':
		return "oe"
	case 'æ':
		return "ae"
	case 'ß':
		return "ss"
	case '’', '‘', 'ʼ', '´':
		return "'"
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		// No-break spaces (French puts one before ? and !), guillemets and
		// dashes separate words like their ASCII counterparts.
		return " "
	}
	return string(r)
}

// isElision reports whether w is a French word that loses its vowel before
// another word (l'option, qu'il, jusqu'à): the part before the apostrophe
// carries no meaning for search.
func isElision(w string) bool {
	switch w {
	case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu":
		return true
	}
	return false
}

// isContraction reports whether w is the clitic part of an English
// contraction after its apostrophe (author's, don't, I've).
func isContraction(w string) bool {
	switch w {
	case "s", "t", "d", "ll", "re", "ve", "m":
		return true
	}
	return false
}

// words splits text into folded words. Anything that is not a letter or a
// digit separates words, so "amazon.co.uk" gives amazon, co, uk and
// "pre-order" gives pre, order (the synonym table joins such pairs back).
// French elisions before an apostrophe and English contractions after one
// are dropped, except the negation of "don't", which becomes "not".
func words(text string) []string {
	s := fold(text)
	var out []string
	start := -1
	elided := false // the word just ended was followed by an apostrophe
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		if i < len(s) && isWordByte(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := s[start:i]
			apostrophe := c == '\'' && i+1 < len(s) && isWordByte(s[i+1])
			switch {
			case apostrophe && isElision(w):
				// l'option → option: drop the elided article.
			case elided && w == "t":
				// don't, can't, isn't: keep the negation, which tells
				// "can't order" from "order".
				out = append(out, "not")
			case elided && isContraction(w):
				// author's → author: drop the clitic.
			default:
				out = append(out, w)
			}
			elided = apostrophe
			start = -1
			continue
		}
		elided = false
	}
	return out
}

// tokenizer names a way of splitting a language's text into folded words.
// Every index reads its content, its examples and the questions it is
// asked through its language's tokenizer and nothing else, so that a
// language written without spaces between words (Japanese, to come) only
// needs one more: characters and their pairs, say, chosen in tokenizerOf.
type tokenizer int

const (
	// spaced splits on everything that is not a letter or a digit (see
	// words).
	spaced tokenizer = iota
	// germanSpaced is spaced with "ae", "oe" and "ue" read as the ä, ö and
	// ü they stand for on keyboards without them, as Snowball's german2
	// variant does: fold turns ä into a, so "Groesse" and "Größe" both
	// become "grosse".
	germanSpaced
	numTokenizers
)

// tokenizerOf returns the tokenizer of lang.
func tokenizerOf(lang string) tokenizer {
	if lang == "de" {
		return germanSpaced
	}
	return spaced
}

// words splits text into folded words.
func (t tokenizer) words(text string) []string {
	ws := words(text)
	if t == germanSpaced {
		for i, w := range ws {
			ws[i] = germanDigraphs(w)
		}
	}
	return ws
}

// germanDigraphs replaces the ae, oe and ue of a folded German word by a, o
// and u, save the ue of "qu" (Quelle).
func germanDigraphs(w string) string {
	if !strings.Contains(w, "e") {
		return w
	}
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i+1 < len(w) && w[i+1] == 'e' && (c == 'a' || c == 'o' || c == 'u' && (i == 0 || w[i-1] != 'q')) {
			if b == nil {
				b = append(make([]byte, 0, len(w)), w[:i]...)
			}
			b = append(b, c)
			i++ // the e
			continue
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return w
	}
	return string(b)
}

// queryTokens holds the words of one query as each tokenizer splits it,
// splitting it once per tokenizer at most.
type queryTokens struct {
	text  string
	split [numTokenizers][]string
	done  [numTokenizers]bool
	// byVocab is the KB's languages ordered by how many of the query's
	// words their content has, once computed (see KB.vocabLang).
	byVocab []string
}

func tokens(text string) *queryTokens { return &queryTokens{text: text} }

// words returns the words of the query as t splits them. The slice is
// shared: see of for one to change.
func (q *queryTokens) words(t tokenizer) []string {
	if !q.done[t] {
		q.split[t], q.done[t] = t.words(q.text), true
	}
	return q.split[t]
}

// of returns a copy of the words of the query as the tokenizer of ix
// splits them, for ix.rank to correct in place.
func (q *queryTokens) of(ix *index) []string {
	return slices.Clone(q.words(ix.an.tok))
}

// isWordByte reports whether c belongs to a word. Bytes of multi-byte runes
// count as word bytes: after fold, those are letters of other scripts.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// analyzer turns text into search terms for one language: folded words,
// with synonyms mapped to one canonical word, stop words dropped, and the
// rest stemmed. Its tables are built once per KB and only read afterwards.
type analyzer struct {
	lang      string
	tok       tokenizer
	stop      map[string]bool
	synonyms  map[string]string // word → canonical word
	stemSyn   map[string]string // stem of a word in synonyms → canonical word
	phrases   map[string]string // space-joined stems of a phrase → canonical word
	starts    map[string]bool   // stems that start a phrase
	maxPhrase int               // longest phrase, in words
	units     map[string]bool   // stems of words that count copies
	// compounds maps the words of the vocabulary that are compounds of
	// others to their parts (see splitCompound), nil for a language that
	// does not join words; set by newIndex before it reads the content.
	compounds map[string][]string
	quantity  string          // the canonical word for a stated quantity
	months    map[string]bool // folded month names (monthWords)
	stemmer   func(string) string

	// cache holds the stems of every word the index was built from,
	// filled while it is built (building is true) and only read
	// afterwards: most query words are in it, and snowball is the
	// costliest step of both the build and a search.
	cache    map[string]string
	building bool
}

func newAnalyzer(lang string) *analyzer {
	a := &analyzer{
		lang:     lang,
		tok:      tokenizerOf(lang),
		stop:     make(map[string]bool),
		synonyms: make(map[string]string),
		stemSyn:  make(map[string]string),
		phrases:  make(map[string]string),
		starts:   make(map[string]bool),
		cache:    make(map[string]string),
		building: true,
		stemmer:  snowballStem(lang),
	}
	for _, w := range a.words(stopWords(lang)) {
		a.stop[w] = true
	}
	a.months = make(map[string]bool)
	for _, w := range a.words(monthWords(lang)) {
		a.months[w] = true
	}
	a.quantity, a.units = quantityWord(lang), make(map[string]bool)
	for _, w := range a.words(copyUnits(lang)) {
		a.units[a.stem(w)] = true
	}
	for canonical, variants := range synonymTable(lang) {
		for _, v := range variants {
			ws := a.words(v)
			if len(ws) == 1 {
				a.synonyms[ws[0]] = canonical
				a.stemSyn[a.stem(ws[0])] = canonical
				continue
			}
			// Phrases are keyed by stems so that "mal imprimés" matches
			// the variant "mal imprimé".
			a.phrases[a.stemKey(ws)] = canonical
			a.starts[a.stem(ws[0])] = true
			a.maxPhrase = max(a.maxPhrase, len(ws))
		}
	}
	return a
}

// snowballStem returns the snowball stemmer of lang, English for a
// language without one.
//
// The stemmers are those generated by the Snowball project
// (blevesearch/snowballstem), one library for the seven languages. On the
// folded words of the English and French content, examples and test sets
// they give the stems kljensen/snowball gave, which has no German, Italian,
// Portuguese or Dutch, save two French two-letter words ("es", "vs"), and
// take a third to a fifth of its time.
func snowballStem(lang string) func(string) string {
	var stem func(*snowballstem.Env) bool
	switch lang {
	case "fr":
		stem = french.Stem
	case "de":
		stem = german.Stem
	case "es":
		stem = spanish.Stem
	case "it":
		stem = italian.Stem
	case "pt":
		stem = portuguese.Stem
	case "nl":
		stem = dutch.Stem
	default:
		stem = english.Stem
	}
	return func(w string) string {
		env := snowballstem.NewEnv(w)
		stem(env)
		return env.Current()
	}
}

// stemKey joins the stems of ws with spaces.
func (a *analyzer) stemKey(ws []string) string {
	stems := make([]string, len(ws))
	for i, w := range ws {
		stems[i] = a.stem(w)
	}
	return strings.Join(stems, " ")
}

// stem returns the snowball stem of a folded word. Words with digits are
// kept whole: "999" and "24h" are facts, not inflections.
func (a *analyzer) stem(w string) string {
	if s, ok := a.cache[w]; ok {
		return s
	}
	if a.building {
		s := a.stemWord(w)
		a.cache[w] = s
		return s
	}
	return a.stemWord(w)
}

// cached returns the stem of w if the index build stemmed it.
func (a *analyzer) cached(w string) (string, bool) {
	if a.building {
		return a.stem(w), true
	}
	s, ok := a.cache[w]
	return s, ok
}

// stemWord is stem without the cache.
func (a *analyzer) stemWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return w
		}
	}
	if a.lang == "fr" {
		// Folding turned the feminine participle "imprimée" into
		// "imprimee", which the French stemmer no longer recognises as
		// "imprimé" + e; dropping that e gives both the same stem.
		if s, ok := strings.CutSuffix(w, "ees"); ok {
			w = s + "es"
		} else if s, ok := strings.CutSuffix(w, "ee"); ok {
			w = s + "e"
		}
	}
	return a.stemmer(w)
}

// dropDates returns ws without the dates they give: month names, and the
// day before or after one ("2nd", "4", "1er"). ws is returned as it is
// when it has none, which is most questions.
func (a *analyzer) dropDates(ws []string) []string {
	if !slices.ContainsFunc(ws, func(w string) bool { return a.months[w] }) {
		return ws
	}
	out := make([]string, 0, len(ws))
	for i, w := range ws {
		if a.months[w] {
			continue
		}
		if isDay(w) && (i > 0 && a.months[ws[i-1]] || i+1 < len(ws) && a.months[ws[i+1]] ||
			i+2 < len(ws) && a.months[ws[i+2]] && a.stop[ws[i+1]]) {
			continue // "4 de noviembre", "2nd" after "november"
		}
		if a.stop[w] && i > 0 && isDay(ws[i-1]) && i+1 < len(ws) && a.months[ws[i+1]] {
			continue // the "de" of "4 de noviembre"
		}
		out = append(out, w)
	}
	return out
}

// isDay reports whether w is a day of a month: 1 to 31, with or without
// an ordinal ending (1st, 2nd, 3rd, 4th, 1er, 1e, 1o).
func isDay(w string) bool {
	n := 0
	for n < len(w) && n < 2 && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	day, _ := strconv.Atoi(w[:n])
	switch w[n:] {
	case "", "st", "nd", "rd", "th", "er", "e", "o", "a", "de":
		return day >= 1 && day <= 31
	}
	return false
}

// canonical replaces synonym phrases and words by their canonical word,
// longest phrase first, keeping other words. It runs before stop words are
// dropped so that phrases made of them ("how many") can be mapped. stems
// are the stems of ws; it returns the words and the stems of the result.
func (a *analyzer) canonical(ws, stems []string) (out, outStems []string) {
	out = make([]string, 0, len(ws))
	outStems = make([]string, 0, len(ws))
	add := func(w, stem string) {
		out = append(out, w)
		outStems = append(outStems, stem)
	}
	grouped := -1 // the second word of a number written in groups ("1.250")
	for i := 0; i < len(ws); {
		// "1.250 Exemplare", "1,250 copies", "1 250 exemplaires": the
		// thousands separator parts the number into two words.
		if i+2 < len(ws) && i != grouped && isNumber(ws[i]) && len(ws[i]) <= 3 && ws[i][0] != '0' && len(ws[i+1]) == 3 && isNumber(ws[i+1]) && a.units[stems[i+2]] {
			add(a.quantity, a.stem(a.quantity))
			add("999", "999") // a number of two groups is over 999
			grouped = i + 1
		} else if i+1 < len(ws) && i != grouped && isNumber(ws[i]) && a.units[stems[i+1]] {
			// "50 copies" states a quantity, whatever the number, and
			// "2000 copies" one beyond KDP's limit of 999 per order.
			add(a.quantity, a.stem(a.quantity))
			if n, err := strconv.Atoi(ws[i]); err == nil && n > 999 {
				add("999", "999")
			}
		}
		if c, n := a.phraseAt(stems[i:]); n > 0 {
			add(c, a.stem(c))
			i += n
			continue
		}
		w := ws[i]
		if c, ok := a.synonyms[w]; ok {
			add(c, a.stem(c))
		} else if c, ok := a.stemSyn[stems[i]]; ok && !a.stop[w] {
			add(c, a.stem(c))
		} else {
			add(w, stems[i])
		}
		i++
	}
	return out, outStems
}

// phraseAt returns the canonical word of the longest synonym phrase that
// stems starts with and its length in words, or 0.
func (a *analyzer) phraseAt(stems []string) (canonical string, n int) {
	if len(stems) == 0 || !a.starts[stems[0]] {
		return "", 0
	}
	for n := min(a.maxPhrase, len(stems)); n >= 2; n-- {
		if c, ok := a.phrases[strings.Join(stems[:n], " ")]; ok {
			return c, n
		}
	}
	return "", 0
}

// terms maps words to search terms: compounds followed by their parts,
// then synonyms, then stop words, then stems.
func (a *analyzer) terms(ws []string) []string {
	stems := make([]string, len(ws))
	for i, w := range ws {
		stems[i] = a.stem(w)
	}
	ws, stems = a.withParts(ws, stems, nil)
	return a.termsOf(ws, stems)
}

// withParts returns ws and their stems with the parts of every compound
// after it: the known compounds of a.compounds, and the words whose parts
// split gives (nil, or nil for a word). A word split gives parts for is
// not in the vocabulary, and is replaced by them.
func (a *analyzer) withParts(ws, stems []string, split [][]string) ([]string, []string) {
	if a.compounds == nil {
		return ws, stems
	}
	var outW, outS []string
	for i, w := range ws {
		parts, known := a.compounds[w]
		if !known && split != nil {
			parts = split[i]
		}
		if parts == nil {
			if outW != nil {
				outW, outS = append(outW, w), append(outS, stems[i])
			}
			continue
		}
		if outW == nil {
			outW, outS = slices.Clone(ws[:i]), slices.Clone(stems[:i])
		}
		if known {
			outW, outS = append(outW, w), append(outS, stems[i])
		}
		for _, p := range parts {
			outW, outS = append(outW, p), append(outS, a.stem(p))
		}
	}
	if outW == nil {
		return ws, stems
	}
	return outW, outS
}

// termsOf is terms for words whose stems are known already: a query's
// words are stemmed once, and stemming is the costliest step of reading a
// word the content does not have. A term repeating the one before it is
// dropped: "isn't" gives "isn" and "t", both negations, and must match
// "isnt" typed without apostrophe.
func (a *analyzer) termsOf(ws, stems []string) []string {
	ws, stems = a.canonical(ws, stems)
	out := make([]string, 0, len(ws))
	for i, w := range ws {
		if a.stop[w] {
			continue
		}
		t := stems[i]
		if len(out) > 0 && out[len(out)-1] == t {
			continue
		}
		out = append(out, t)
	}
	return out
}

// words splits text into folded words with the tokenizer of a's
// language.
func (a *analyzer) words(text string) []string { return a.tok.words(text) }

// analyze is terms(words(text)), the pipeline used for content.
func (a *analyzer) analyze(text string) []string {
	return a.terms(a.words(text))
}
