package kb

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DetectLang guesses which of the languages of the knowledge base (see
// Languages) text is written in, short questions too ("Warenkorb leer",
// "carrito vacío"). It returns "" when the text gives no clear sign: only
// names and numbers ("KDP 999"), words that several languages share, or a
// language the knowledge base does not have (Japanese, Polish), which it
// does not pass off as one it has. Callers fall back on English then.
//
// Each word is read as a word of each language's lexicon (its stop words
// and the words authors use for this domain, see lexicon) or else spelled
// out by a model of the language's letter sequences (trigrams learnt from
// the same lexicon, accents included, and again without accents for
// authors who type none), and as a word of no language the knowledge base
// has: a lexicon of other languages' common words, or any letters at all.
// Each word's evidence is bounded, so that no single word decides against
// the others, and the language must lead the next by a margin.
//
// A library such as lingua-go would bring models of hundreds of megabytes
// for seventy-odd languages; this model is built from the word lists in a
// few milliseconds, weighs a few hundred kilobytes, and is right for at
// least 97% of the short questions of testdata/detect.tsv (see
// TestDetectLangAccuracy).
func DetectLang(text string) string {
	return langModel().detect(text)
}

// langModel is the model of DetectLang, built on first use. It is the one
// value of the package kept beyond a call: a table computed from the
// constant word lists and never changed afterwards, which DetectLang's
// callers, holding no KB, could not otherwise share.
var langModel = sync.OnceValue(newDetector)

// Detection classes: the languages of languages(), in that order, then
// the class of every other language.
const (
	numLangs  = 7
	otherLang = numLangs
	numClass  = numLangs + 1
)

// The parameters of detection, in natural logarithms. A word of a
// lexicon has the probability exp(lexiconLL) in its languages (plus
// frequentLL in those of whose most frequent words it is), less
// accentLL in those that spell it with accents where none were typed
// ("copias" is Spanish as typed, Portuguese "cópias" typed without), and
// wrongAccentLL in those that spell it without the accents typed or with
// others (authors drop accents, they seldom add wrong ones); any word,
// that of its letters under each language's model, times exp(charShare);
// under the other class, exp(otherLetterLL) per letter and
// exp(otherAccentLL) per accent. Words of at most shortWord letters are
// function words: their letters say little, so a short word no lexicon
// lists has shortLL in every class, unless typed with an accent ("tão"),
// which says much. A word moves the classes at most maxWordLL apart, and
// the best language must lead the next class by minLead.
const (
	lexiconLL     = -7.0
	frequentLL    = 1.5
	accentLL      = 1.5
	wrongAccentLL = 4.0
	shortLL       = -12.0
	charShare     = -0.7 // log 0.5
	otherLetterLL = -3.6
	otherAccentLL = -2.3 // log 0.1
	shortWord     = 3
	maxWordLL     = 9.0
	// borrowedWordLL bounds a borrowed word's evidence instead (see
	// borrowedWords): alone it still reads as English, past minLead,
	// but a single word of the author's own language outweighs it.
	borrowedWordLL = 3.0
	minLead        = 2.5
	// maxDetectWords is the most words read: past them the language is
	// long decided, and reading on would only cost. Reading stops
	// earlier, at a multiple of 8 words, once a class leads by
	// decidedLead: as many words as that is maxWordLL would have to say
	// otherwise, which a question of one language does not have.
	maxDetectWords = 40
	decidedLead    = 5 * maxWordLL
	// smoothing is the weight of the shorter context in the letter
	// models' estimates: how much a letter unseen after two given
	// letters is expected from the one before.
	smoothing = 2.0
	// accentSmoothing is the count added to every accent of every
	// letter: a language that never writes "ã" may still see one typed.
	accentSmoothing = 0.5
)

// detector holds the model of DetectLang.
type detector struct {
	// lex holds what the lexicons say of each folded word: one look-up
	// for most words, which are typed without accents.
	lex map[string]lexWord
	// accented maps a word as a lexicon spells it with accents to the
	// classes that spell it so, one bit per class.
	accented map[string]uint8
	// tri holds log P(c | a b) for each language, at
	// ((a*numSymbols+b)*numSymbols+c)*numLangs+k: the letter model,
	// over letters without their accents.
	tri []float32
	// accent holds log P(r | its letter) for each accented letter r
	// (see accented) and language, at i*numLangs+k: how often the
	// language writes that accent on that letter.
	accent []float32
}

// lexWord is what the lexicons say of a folded word, one bit per class
// in each field.
type lexWord struct {
	any      uint8 // the lexicons that have it, whatever its accents
	plain    uint8 // those that spell it without accents, as folded
	frequent uint8 // those of whose most frequent words it is
	neutral  bool  // a name or loanword of every language
	borrowed bool  // an English word of the domain that every language borrows
}

// Letter symbols: 0 marks the start and end of a word, then a to z, and
// one symbol for every other letter (other scripts). An accented Latin
// letter is its letter (see accentBase) with an accent, which the model
// reads apart: the letter sequences of a language are much the same
// whether its authors type accents or not.
const (
	numSymbols = 1 + 26 + 1
	accented   = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿßœæ"
	accentBase = "aaaaaaceeeeiiiinoooooouuuuyysoa"
)

// symbol returns the symbol of a lowercase letter and the index of its
// accent in accented, or -1 for none.
func symbol(r rune) (int, int) {
	if 'a' <= r && r <= 'z' {
		return 1 + int(r-'a'), -1
	}
	if i := strings.IndexRune(accented, r); i >= 0 {
		n := utf8.RuneCountInString(accented[:i])
		return 1 + int(accentBase[n]-'a'), n
	}
	return numSymbols - 1, -1
}

func triIndex(a, b, c, k int) int { return ((a*numSymbols+b)*numSymbols+c)*numLangs + k }

// newDetector builds the model from the lexicons.
func newDetector() *detector {
	d := &detector{lex: make(map[string]lexWord), accented: make(map[string]uint8)}
	add := func(w string, class int, frequent bool) {
		w = foldApostrophes(strings.ToLower(w))
		f := fold(w)
		lw := d.lex[f]
		lw.any |= 1 << class
		if f == w {
			lw.plain |= 1 << class
		} else {
			d.accented[w] |= 1 << class
		}
		if frequent {
			lw.frequent |= 1 << class
		}
		d.lex[f] = lw
	}
	for _, w := range strings.Fields(neutralWords()) {
		lw := d.lex[w]
		lw.neutral = true
		d.lex[w] = lw
	}
	for _, w := range strings.Fields(borrowedWords()) {
		lw := d.lex[w]
		lw.borrowed = true
		d.lex[w] = lw
	}
	for k, lang := range languages() {
		lx := lexiconOf(lang)
		for _, w := range strings.Fields(lx.stop + " " + lx.markers) {
			add(w, k, false)
		}
		for _, w := range strings.Fields(lx.frequent) {
			add(w, k, true)
		}
	}
	for _, w := range strings.Fields(foreignWords()) {
		add(w, otherLang, false)
	}
	var training [numLangs][]string
	for k, lang := range languages() {
		for _, w := range spellingWords(lang) {
			// English words in another language's lists are there
			// because authors borrow them, not for its spelling.
			lw := d.lex[fold(w)]
			if lw.neutral || k > 0 && lw.any&1 != 0 && lw.any&(1<<k) == 0 {
				continue
			}
			training[k] = append(training[k], w)
		}
	}
	d.train(training)
	return d
}

// spellingWords returns the lowercase words of every list of lang's
// lexicon, accents kept, for its letter model: the more words, the better
// it knows how the language spells.
func spellingWords(lang string) []string {
	lx := lexiconOf(lang)
	text := []string{lx.stop, lx.markers, lx.spelling, lx.neighbours, lx.units, strings.NewReplacer("|", " ", "_", " ").Replace(lx.cues)}
	for canonical, variants := range lx.synonyms {
		text = append(text, canonical)
		text = append(text, variants...)
	}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(strings.Join(text, " ")), func(r rune) bool {
		return !unicode.IsLetter(r) // apostrophes and hyphens too
	}) {
		if utf8.RuneCountInString(w) > 1 {
			out = append(out, w)
		}
	}
	return out
}

// foldApostrophes writes every apostrophe as ASCII, as fold does.
func foldApostrophes(w string) string { return strings.ReplaceAll(w, "’", "'") }

// train estimates each language's letter model from its training words,
// written with their accents.
func (d *detector) train(training [numLangs][]string) {
	n := numSymbols
	numAccents := utf8.RuneCountInString(accented)
	d.tri = make([]float32, n*n*n*numLangs)
	d.accent = make([]float32, numAccents*numLangs)
	for k := range numLangs {
		uni := make([]float64, n)
		bi, biCtx := make([]float64, n*n), make([]float64, n)
		tri, triCtx := make([]float64, n*n*n), make([]float64, n*n)
		accents, letters := make([]float64, numAccents), make([]float64, n)
		for _, w := range training[k] {
			a, b := 0, 0
			for _, r := range w + "\x00" {
				s, acc := 0, -1
				if r != 0 {
					s, acc = symbol(r)
				}
				letters[s]++
				if acc >= 0 {
					accents[acc]++
				}
				uni[s]++
				bi[b*n+s]++
				biCtx[b]++
				tri[(a*n+b)*n+s]++
				triCtx[a*n+b]++
				a, b = b, s
			}
		}
		var total float64
		for _, v := range uni {
			total += v
		}
		for a := range n {
			for b := range n {
				for s := range n {
					p1 := (uni[s] + 1) / (total + float64(n))
					p2 := (bi[b*n+s] + smoothing*p1) / (biCtx[b] + smoothing)
					p3 := (tri[(a*n+b)*n+s] + smoothing*p2) / (triCtx[a*n+b] + smoothing)
					d.tri[triIndex(a, b, s, k)] = float32(math.Log(p3))
				}
			}
		}
		for i := range numAccents {
			s, _ := symbol(rune(accentBase[i]))
			// The accents a letter can take share its count; the
			// letter without accent is not a choice that says
			// anything, since authors drop accents.
			p := (accents[i] + accentSmoothing) / (letters[s] + accentSmoothing*float64(numAccents))
			d.accent[i*numLangs+k] = float32(math.Log(p))
		}
	}
}

// detect is DetectLang.
func (d *detector) detect(text string) string {
	var total [numClass]float64
	n := 0
	for w := range d.words(text) {
		if n == maxDetectWords || n%8 == 0 && n > 0 && lead(&total) >= decidedLead {
			break
		}
		if d.addWord(&total, w) {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	best, second := ranked(&total)
	if best == otherLang || total[best]-total[second] < minLead {
		return ""
	}
	return languages()[best]
}

// ranked returns the best class of total and the next.
func ranked(total *[numClass]float64) (best, second int) {
	second = -1
	for c := 1; c < numClass; c++ {
		switch {
		case total[c] > total[best]:
			best, second = c, best
		case second < 0 || total[c] > total[second]:
			second = c
		}
	}
	return best, second
}

// lead is how far the best class of total leads the next.
func lead(total *[numClass]float64) float64 {
	best, second := ranked(total)
	return total[best] - total[second]
}

// addWord adds the evidence of the lowercase word w to total, and reports
// whether it had any: neutral words have none.
func (d *detector) addWord(total *[numClass]float64, w string) bool {
	folded := fold(w)
	lw := d.lex[folded]
	if lw.neutral || hasDigit(folded) {
		return false
	}
	// The languages that spell w as typed, and those whose word it is
	// typed with other accents or none.
	exact, bits, frequent := lw.plain, lw.any, lw.frequent
	if folded != w {
		exact = d.accented[w]
	}
	var ll [numClass]float64
	if utf8.RuneCountInString(w) <= shortWord && folded == w {
		for c := range ll {
			ll[c] = shortLL
		}
	} else {
		d.letters(&ll, w)
	}
	top := math.Inf(-1)
	for c := range ll {
		switch {
		case exact&frequent&(1<<c) != 0:
			ll[c] = max(ll[c], lexiconLL+frequentLL)
		case exact&(1<<c) != 0:
			ll[c] = max(ll[c], lexiconLL)
		case bits&(1<<c) != 0 && folded == w:
			ll[c] = max(ll[c], lexiconLL-accentLL)
		case bits&(1<<c) != 0:
			ll[c] = max(ll[c], lexiconLL-wrongAccentLL)
		}
		top = max(top, ll[c])
	}
	limit := maxWordLL
	if lw.borrowed {
		limit = borrowedWordLL
	}
	for c := range ll {
		total[c] += max(ll[c], top-limit)
	}
	return true
}

// letters sets ll to the log probability of the letters of w under each
// language's model, less charShare, and under the other class.
func (d *detector) letters(ll *[numClass]float64, w string) {
	a, b := 0, 0
	count := 0
	emit := func(s, acc int) {
		count++
		i := triIndex(a, b, s, 0)
		for k := range numLangs {
			ll[k] += float64(d.tri[i+k])
		}
		if acc >= 0 {
			for k := range numLangs {
				ll[k] += float64(d.accent[acc*numLangs+k])
			}
			ll[otherLang] += otherAccentLL
		}
		a, b = b, s
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			emit(symbol(r))
		}
	}
	emit(0, -1)
	for k := range numLangs {
		ll[k] += charShare
	}
	ll[otherLang] += float64(count) * otherLetterLL
}

// words yields the lowercase words of text for detection: links,
// domains and e-mail addresses are left out (amazon.de says nothing of
// the language it is written about in), hyphenated words are split, and
// an elision or a contraction is split off its word (l'option, dell'autore,
// don't) when a lexicon has it.
func (d *detector) words(text string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for chunk := range strings.FieldsSeq(strings.ToLower(text)) {
			if isAddress(chunk) {
				continue
			}
			start := -1
			for i, r := range chunk + " " {
				if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
					if start < 0 {
						start = i
					}
					continue
				}
				if start < 0 {
					continue
				}
				w := strings.Trim(foldApostrophes(chunk[start:i]), "'")
				start = -1
				if w != "" && !d.yieldSplit(w, yield) {
					return
				}
			}
		}
	}
}

// yieldSplit yields w split at its apostrophe into its elision ("l'",
// "dell'") and the word, or the word and its contraction ("'t", "'s"), as
// the lexicons list them: "l'option" gives "l'" and "option". A word the
// lexicons list whole ("m'n", "zo'n"), or without an apostrophe, is
// yielded whole. It returns false when yield does.
func (d *detector) yieldSplit(w string, yield func(string) bool) bool {
	i := strings.IndexByte(w, '\'')
	if i < 0 {
		return yield(w)
	}
	if d.lex[fold(w)].any != 0 {
		return yield(w)
	}
	cut := i // the word, then the contraction
	if d.lex[fold(w[:i+1])].any != 0 {
		cut = i + 1 // the elision, then the word
	}
	return yield(w[:cut]) && yield(w[cut:])
}

// isAddress reports whether the chunk of text is a link, a domain or an
// e-mail address: letters on both sides of a dot, a slash or an @.
func isAddress(chunk string) bool {
	for i := 1; i+1 < len(chunk); i++ {
		switch chunk[i] {
		case '.', '/', '@':
			if isASCIILetter(chunk[i-1]) && isASCIILetter(chunk[i+1]) {
				return true
			}
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' }
