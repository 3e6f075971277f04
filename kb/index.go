package kb

import (
	"math"
	"slices"
	"strings"
)

// tuning holds the parameters of the ranking and of the confidence
// decision. The BM25F ones were tuned on testdata/questions.tsv,
// heldout.tsv and the tuning half of blind.tsv; the classifier's and the
// decision's by cross-validation over the examples (TestCrossValidation).
// They live in one value built by defaultTuning rather than in constants
// so a test can sweep them.
type tuning struct {
	// k1 is the BM25 saturation: how fast repeated or strong matches of a
	// term stop adding to the score.
	k1 float64

	// Field weights and length normalisation (b) of BM25F. The title,
	// aliases and keywords are written to describe the topic, so a match
	// there says more than a word in passing in the body. Aliases and
	// keywords are lists, so their length says little about focus: low b.
	weightTitle, weightAliases, weightKeywords, weightID, weightBody float64
	bTitle, bAliases, bKeywords, bID, bBody                          float64

	// A topic's match is the sum, over the query terms it contains, of
	// idf × saturated BM25F frequency: how much information it matches
	// and how strongly (title or passing mention). The score is that
	// match, plus the alias bonus, divided by the query's total idf, with
	// words the content lacks weighing as much as the rarest term. Search
	// declines below a threshold that falls as the match itself (the
	// evidence) grows: a match resting on one common word must cover more
	// of the query than one resting on several specific words, which may
	// well come with details the content never mentions.
	//
	// That threshold decides a query written in another language than
	// the index's, which the classifier cannot read (see confidentBM25).
	// It is minConfidence at pivotEvidence and moves by
	// confidenceSlope for each doubling or halving of the evidence,
	// within [confidenceFloor, confidenceCeiling].
	minConfidence, pivotEvidence, confidenceSlope float64
	confidenceFloor, confidenceCeiling            float64

	// minEvidence is the least evidence a confident answer needs: a query
	// whose only known word is one every topic has ("amazon", "kdp") says
	// nothing about which topic it wants, however completely it matches.
	// At 1, "¿desde qué Amazon me conviene pedir las copias?" (0.91, which
	// the classifier reads as the marketplace at 0.76) was declined; 0.75
	// answered one more of the tuning set and of two fresh sets each, 0.6
	// nothing more.
	minEvidence float64

	// aliasBonus scales the boost a topic gets when one of its aliases
	// appears whole in the query: an alias is the content writer's own
	// statement that this phrase means this topic.
	aliasBonus float64

	// Words the content does not have weigh, in the query's total, as
	// much as the rarest content term times chatWeight, or times cueWeight
	// when they belong to a neighbouring subject the content does not
	// cover (neighbourWords). Chat questions are long and full of details
	// of the author's case ("launch party on Saturday", "I live in
	// Austria") that say nothing against the topic; a word such as
	// "royalty rate" or "audiobook" says the question is about something
	// else.
	chatWeight, cueWeight float64

	// minMargin is the least lead, as a share of its score, the best topic
	// needs over the second: two topics matching a question almost
	// equally well mean the question sits between them, and a wrong
	// answer given with confidence is worse than a decline.
	minMargin float64

	// minExampleWordCount is how many examples must use a word the
	// content lacks for typo correction to take it as a word.
	minExampleWordCount int

	// The decision combines the classifier's posterior, flattened by
	// nbTemperature (naive Bayes multiplies the evidence of words that
	// are not independent, so it is overconfident), with bm25Weight times
	// the BM25F score of each topic, and cuePenalty per off-topic cue on
	// the off-topic class. The best topic is answered when it has at
	// least minProb of the result and the off-topic class less than
	// offProb.
	nbTemperature, bm25Weight, cuePenalty, minProb, offProb float64

	// Training of the classifier: nbAlpha is the additive smoothing of
	// the term counts; a topic's title counts 3 times, its aliases and
	// keywords twice, its body nbBodyWeight times, each question of
	// questions.tsv nbQuestionWeight times and each example exampleWeight
	// times. With nbBigrams, pairs of adjacent terms are features too.
	nbAlpha, nbBodyWeight, nbQuestionWeight, exampleWeight float64
	nbBigrams                                              bool

	// minSuggestion is the lowest score, relative to the best, that a
	// topic needs to be suggested next to a confident answer.
	minSuggestion float64
}

func defaultTuning() tuning {
	return tuning{
		k1:                  1.2,
		weightTitle:         3,
		weightAliases:       3,
		weightKeywords:      2,
		weightID:            2,
		weightBody:          1,
		bTitle:              0.3,
		bAliases:            0.3,
		bKeywords:           0.3,
		bID:                 0,
		bBody:               0.75,
		minConfidence:       0.35,
		pivotEvidence:       3,
		confidenceSlope:     0.1,
		confidenceFloor:     0.25,
		confidenceCeiling:   0.7,
		aliasBonus:          0.6,
		minSuggestion:       0.3,
		minEvidence:         0.75,
		chatWeight:          0.25,
		cueWeight:           3,
		minMargin:           0,
		exampleWeight:       1,
		minExampleWordCount: 3,
		nbTemperature:       2.5,
		nbAlpha:             0.3,
		nbBodyWeight:        1,
		nbQuestionWeight:    3,
		bm25Weight:          3,
		cuePenalty:          4,
		minProb:             0.3,
		offProb:             0.5,
		nbBigrams:           true,
	}
}

// posting is one document containing a term, with the term's BM25F
// pseudo-frequency there (field-weighted and length-normalised). It does
// not depend on the query, so it is computed once at load.
type posting struct {
	doc int
	tf  float64
}

// phrase is an alias of a document as search terms.
type phrase struct {
	terms []string
	doc   int
	mass  float64 // the summed termIDF of its distinct terms
}

// index is the search index of one language.
type index struct {
	tu    tuning
	an    *analyzer
	docs  []*Entry
	post  map[string][]posting
	idf   map[string]float64
	unidf float64 // idf of a term no document contains

	exact map[string]int // folded words or terms of an id, title or alias → doc
	// exactLen is the most words or terms of a key of exact.
	exactLen int
	phrases  map[string][]phrase // aliases of two terms or more, by first term, for containment in a longer query

	labels     [][]string        // per doc: folded words of its title, aliases, keywords and id
	labelStems []map[string]bool // per doc: the stems of its labels
	names      [][]string        // per doc: its title, id and aliases, see nameStrings

	vocab map[string]int // folded content word → occurrences, for typo correction
	typos []uint64       // deletion hashes with word numbers, see addDeletes
	// typoStart[b] is the first entry of typos whose top typoBits bits
	// are b; typoStart[b+1] ends them.
	typoStart []uint32
	typoBits  int
	typoWords []string
	// longestWord is the length of the longest word in typoWords.
	longestWord int
	cues        map[string]bool   // terms of the neighbouring subjects, see neighbourWords
	offTopic    []cue             // see offTopicCues
	cueStems    map[string]bool   // every stem of offTopic
	ready       map[string]string // word the build stemmed and that needs no correction → its stem
	nb          *bayes            // the classifier that backs the BM25F decision
}

// cue is one line of offTopicCues: groups of stem sequences, each group
// needing one of its sequences in the query.
type cue [][][]string

// present reports whether every group of c has a sequence in stems.
func (c cue) present(stems []string) bool {
	for _, group := range c {
		if !slices.ContainsFunc(group, func(seq []string) bool { return containsRun(stems, seq) }) {
			return false
		}
	}
	return len(c) > 0
}

// containsRun reports whether run appears in terms as consecutive items.
func containsRun(terms, run []string) bool {
	for i := range terms {
		if hasPrefixRun(terms[i:], run) {
			return true
		}
	}
	return false
}

// parseCues turns the text of offTopicCues into cues of stems.
func parseCues(an *analyzer, text string) []cue {
	var out []cue
	for line := range strings.SplitSeq(text, "\n") {
		var c cue
		for g := range strings.SplitSeq(line, "|") {
			var group [][]string
			for _, item := range strings.Fields(g) {
				var seq []string
				for _, w := range an.words(strings.ReplaceAll(item, "_", " ")) {
					seq = append(seq, an.stem(w))
				}
				group = append(group, seq)
			}
			if len(group) > 0 {
				c = append(c, group)
			}
		}
		if len(c) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// cueWords returns the words of offTopicCues(lang), separated by spaces.
func cueWords(lang string) string {
	return strings.NewReplacer("|", " ", "_", " ").Replace(offTopicCues(lang))
}

// docFields lists the content fields of e with their weight and length
// normalisation.
func docFields(e *Entry, tu tuning) []field {
	return []field{
		{e.Title, tu.weightTitle, tu.bTitle},
		{strings.Join(e.Aliases, " \n "), tu.weightAliases, tu.bAliases},
		{strings.Join(e.Keywords, " \n "), tu.weightKeywords, tu.bKeywords},
		{strings.ReplaceAll(e.ID, "-", " "), tu.weightID, tu.bID},
		{bodyText(e), tu.weightBody, tu.bBody},
	}
}

// bodyField is the position of the body in docFields.
const bodyField = 4

// bodyText is the searchable text of the body and caveat: the blocks
// without their step numbers, which are layout, not words of the topic.
func bodyText(e *Entry) string {
	var b strings.Builder
	for _, bl := range e.Blocks() {
		b.WriteString(bl.Text)
		for _, s := range bl.Steps {
			b.WriteString("\n")
			b.WriteString(s)
		}
		b.WriteString("\n\n")
	}
	b.WriteString(e.Caveat)
	return b.String()
}

// field is one searchable field of an entry.
type field struct {
	text string
	w, b float64
}

// newIndex builds the index of docs, which are all in the language of an,
// learning from the labelled examples exs as well. It fills the stem
// cache of an, which must not be in use yet.
func newIndex(an *analyzer, docs []*Entry, exs []example, tu tuning) *index {
	ix := &index{
		tu:      tu,
		an:      an,
		docs:    docs,
		post:    make(map[string][]posting),
		idf:     make(map[string]float64),
		exact:   make(map[string]int),
		phrases: make(map[string][]phrase),
		vocab:   make(map[string]int),
		cues:    make(map[string]bool),
	}
	ix.offTopic = parseCues(an, offTopicCues(an.lang))
	ix.cueStems = make(map[string]bool)
	for _, c := range ix.offTopic {
		for _, group := range c {
			for _, seq := range group {
				for _, s := range seq {
					ix.cueStems[s] = true
				}
			}
		}
	}
	// The weights and length normalisation of the fields, whose text is
	// per document.
	fields := docFields(&Entry{}, tu)
	// First pass: the vocabulary of typo correction and of compounds:
	// the content's words, the word lists' and the words several
	// examples use. Then the terms per content field, which need the
	// compounds.
	fieldWords := make([][][]string, len(docs))
	for d, e := range docs {
		fieldWords[d] = make([][]string, len(fields))
		for f, fl := range docFields(e, tu) {
			ws := an.words(fl.text)
			for _, w := range ws {
				ix.vocab[w]++
			}
			fieldWords[d][f] = ws
		}
	}
	ix.addLexiconToVocab()
	exWords := make([][]string, len(exs))
	for i, ex := range exs {
		exWords[i] = an.words(ex.text)
	}
	ix.addExamplesToVocab(exWords)
	for w := range ix.vocab {
		ix.addDeletes(w)
		an.stem(w)
	}
	ix.sortTypos()
	an.compounds = ix.findCompounds()
	fieldTerms := make([][][]string, len(docs))
	for d := range docs {
		fieldTerms[d] = make([][]string, len(fields))
		for f, ws := range fieldWords[d] {
			fieldTerms[d][f] = an.terms(ws)
		}
	}
	avg := make([]float64, len(fields))
	for d := range docs {
		for f := range fields {
			avg[f] += float64(len(fieldTerms[d][f]))
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(len(docs), 1)), 1)
	}
	// Second pass: BM25F pseudo-frequencies.
	df := make(map[string]int)
	for d, e := range docs {
		tf := make(map[string]float64)
		for f, fl := range fields {
			terms := fieldTerms[d][f]
			norm := 1 - fl.b + fl.b*float64(len(terms))/avg[f]
			for _, t := range terms {
				tf[t] += fl.w / norm
			}
		}
		for t, v := range tf {
			ix.post[t] = append(ix.post[t], posting{doc: d, tf: v})
			df[t]++
		}
		ix.labels = append(ix.labels, labelWords(an, e))
		ix.names = append(ix.names, nameStrings(an, e))
		ix.addExact(e.Title, d)
		ix.addExact(strings.ReplaceAll(e.ID, "-", " "), d)
		for _, a := range e.Aliases {
			ix.addExact(a, d)
			// A one-term alias is only a keyword; the bonus is for phrases.
			if terms := ix.an.analyze(a); len(terms) > 1 {
				ix.phrases[terms[0]] = append(ix.phrases[terms[0]], phrase{terms: terms, doc: d})
			}
		}
	}
	for key, d := range ix.exact {
		if d < 0 {
			delete(ix.exact, key)
		}
	}
	n := float64(len(docs))
	for t, c := range df {
		ix.idf[t] = bm25IDF(n, float64(c))
	}
	ix.unidf = bm25IDF(n, 0)
	for _, list := range ix.phrases {
		for i, p := range list {
			for _, t := range dedupe(p.terms) {
				list[i].mass += ix.termIDF(t)
			}
		}
	}
	for _, labels := range ix.labels {
		stems := make(map[string]bool)
		for _, w := range labels {
			stems[an.stem(w)] = true
		}
		ix.labelStems = append(ix.labelStems, stems)
	}
	bodies := make([][]string, len(docs))
	for d := range docs {
		bodies[d] = fieldTerms[d][bodyField]
	}
	// The examples are read as queries are, typo correction included,
	// which is why they wait for idf, and train the classifier only: as a
	// BM25F field they did not raise the cross-validated accuracy of the
	// combination.
	byID := make(map[string]int, len(docs))
	for d, e := range docs {
		byID[e.ID] = d
	}
	exTerms := make([]labelledTerms, 0, len(exs))
	for i, ex := range exs {
		class := len(docs)
		if ex.topic != "" {
			class = byID[ex.topic]
		}
		all := len(exWords[i]) // the build reads every word
		terms, _ := ix.correctedTerms(exWords[i], &all)
		exTerms = append(exTerms, labelledTerms{class: class, terms: terms})
	}
	ix.nb = newBayes(ix, byID, bodies, exTerms)
	an.building = false
	// The words the build read that need no correction: for most words
	// of a question, all correctWord needs is this one look-up.
	ix.ready = make(map[string]string)
	for w, stem := range an.cache {
		if ix.searchable(w, stem) {
			ix.ready[w] = stem
		}
	}
	return ix
}

// labelledTerms is a labelled question as search terms, with its class:
// a document, or len(docs) for a question no topic answers.
type labelledTerms struct {
	class int
	terms []string
}

// bm25IDF is the BM25 inverse document frequency of a term found in n of
// total documents; it stays positive for terms in every document.
func bm25IDF(total, n float64) float64 {
	return math.Log(1 + (total-n+0.5)/(n+0.5))
}

// addExact records name (an id, title or alias) as exact-match keys of
// doc: its folded words as typed, and its terms, which also match other
// inflections and synonyms. A name of several words whose terms come down
// to one ("someone else's book" to "book") keeps only the first key: that
// term alone is an ordinary query, not the name. A key two topics share is
// marked -1 and dropped once every name is in, so that neither wins by the
// order of the files.
func (ix *index) addExact(name string, doc int) {
	ws := ix.an.words(name)
	keys := []string{strings.Join(ws, " ")}
	terms := ix.an.terms(ws)
	if len(terms) > 1 || len(terms) == 1 && len(ws) == 1 {
		keys = append(keys, termKey(terms))
	}
	ix.exactLen = max(ix.exactLen, len(ws), len(terms))
	for _, key := range keys {
		if d, ok := ix.exact[key]; ok && d != doc {
			ix.exact[key] = -1
			continue
		}
		ix.exact[key] = doc
	}
}

// termKey is the exact-match key of analysed terms. Its leading tab keeps
// it apart from keys of folded words, which hold no tabs.
func termKey(terms []string) string {
	return "\t" + strings.Join(terms, " ")
}

// addLexiconToVocab makes the hand-written word lists known to the typo
// corrector: stop words, neighbouring subjects' words and off-topic cues
// so they are never
// "corrected", synonym words so that "baskit" becomes "basket" (and then
// "cart").
func (ix *index) addLexiconToVocab() {
	for w := range ix.an.stop {
		ix.vocab[w]++
	}
	for _, w := range ix.an.words(neighbourWords(ix.an.lang)) {
		ix.vocab[w]++
		for _, t := range ix.an.terms([]string{w}) {
			ix.cues[t] = true
		}
	}
	for _, w := range ix.an.words(cueWords(ix.an.lang)) {
		ix.vocab[w]++
	}
	for canonical, variants := range synonymTable(ix.an.lang) {
		ix.vocab[canonical]++
		for _, v := range variants {
			for _, w := range ix.an.words(v) {
				ix.vocab[w]++
			}
		}
	}
}

// labelWords returns the distinct folded words of the fields that name a
// topic (title, aliases, keywords, id), the words autocompletion matches a
// partial word against.
func labelWords(an *analyzer, e *Entry) []string {
	var out []string
	add := func(text string) {
		for _, w := range an.words(text) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	add(e.Title)
	for _, a := range e.Aliases {
		add(a)
	}
	for _, kw := range e.Keywords {
		add(kw)
	}
	add(strings.ReplaceAll(e.ID, "-", " "))
	return out
}

// nameStrings returns the title, id and aliases of e, the title first,
// each as its folded words with a space before every word, so that a
// word-start match in a name is a plain substring match.
func nameStrings(an *analyzer, e *Entry) []string {
	names := append([]string{e.Title, strings.ReplaceAll(e.ID, "-", " ")}, e.Aliases...)
	for i, n := range names {
		names[i] = " " + strings.Join(an.words(n), " ")
	}
	return names
}

// addExamplesToVocab makes the words of the examples known to the typo
// corrector, so that a word authors use but the content lacks ("tache",
// "gondolée") is not "corrected" into a content word. A word must occur in
// minExampleWordCount examples: the examples hold typos too, written as
// authors make them, and those are rarely made twice.
func (ix *index) addExamplesToVocab(exWords [][]string) {
	count := make(map[string]int)
	for _, ws := range exWords {
		for _, w := range dedupe(ws) {
			count[w]++
		}
	}
	for w, n := range count {
		if n >= ix.tu.minExampleWordCount && ix.vocab[w] == 0 {
			ix.vocab[w] = 1
		}
	}
}
