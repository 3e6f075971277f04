package kb

import (
	"math"
	"slices"
	"strings"
)

// tuning holds the parameters of the ranking and of the confidence
// decision, tuned on testdata/questions.tsv, heldout.tsv and the tuning
// half of blind.tsv. They live in one value built
// by defaultTuning rather than in constants so a test can sweep them.
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
	// The threshold is minConfidence at pivotEvidence and moves by
	// confidenceSlope for each doubling or halving of the evidence,
	// within [confidenceFloor, confidenceCeiling].
	minConfidence, pivotEvidence, confidenceSlope float64
	confidenceFloor, confidenceCeiling            float64

	// minEvidence is the least evidence a confident answer needs: a query
	// whose only known word is one every topic has ("amazon", "kdp") says
	// nothing about which topic it wants, however completely it matches.
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

	// The classifier (bayes) can answer where BM25F is unsure: when it
	// gives the best BM25F topic at least minPosterior, that topic is
	// answered. It moves a topic among the first rerankDepth of BM25F to
	// the front when it gives it at least rerankPosterior, and declines
	// when it gives the off-topic class at least offPosterior.
	minPosterior, rerankPosterior, offPosterior float64
	rerankDepth                                 int

	// minSuggestion is the lowest score, relative to the best, that a
	// topic needs to be suggested next to a confident answer.
	minSuggestion float64
}

func defaultTuning() tuning {
	return tuning{
		k1:                1.2,
		weightTitle:       3,
		weightAliases:     3,
		weightKeywords:    2,
		weightID:          2,
		weightBody:        1,
		bTitle:            0.3,
		bAliases:          0.3,
		bKeywords:         0.3,
		bID:               0,
		bBody:             0.75,
		minConfidence:     0.35,
		pivotEvidence:     3,
		confidenceSlope:   0.1,
		confidenceFloor:   0.25,
		confidenceCeiling: 0.7,
		aliasBonus:        0.6,
		minSuggestion:     0.3,
		minEvidence:       1,
		chatWeight:        0.25,
		cueWeight:         3,
		minMargin:         0,
		minPosterior:      0.95,
		rerankPosterior:   2,
		offPosterior:      0.5,
		rerankDepth:       3,
	}
}

// posting is one document containing a term, with the term's BM25F
// pseudo-frequency there (field-weighted and length-normalised). It does
// not depend on the query, so it is computed once at load.
type posting struct {
	doc int
	tf  float64
}

// phrase is an alias, title or id of a document as search terms.
type phrase struct {
	terms []string
	doc   int
}

// index is the search index of one language.
type index struct {
	tu    tuning
	an    *analyzer
	docs  []*Entry
	post  map[string][]posting
	idf   map[string]float64
	unidf float64 // idf of a term no document contains

	exact   map[string]int      // folded words or terms of an id, title or alias → doc
	phrases map[string][]phrase // aliases of two terms or more, by first term, for containment in a longer query

	labels     [][]string        // per doc: folded words of its title, aliases, keywords and id
	labelStems []map[string]bool // per doc: the stems of its labels
	names      [][]string        // per doc: its title, id and aliases as space-joined folded words

	vocab    map[string]int      // folded content word → occurrences, for typo correction
	typos    map[string][]string // deletion neighbourhood → vocab words, see addDeletes
	stems    map[string]bool     // every stem the content has
	cues     map[string]bool     // terms of the neighbouring subjects, see neighbourWords
	offTopic []cue               // see offTopicCues
	nb       *bayes              // the classifier that backs the BM25F decision
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
				for _, w := range strings.Split(item, "_") {
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

// docFields lists the fields of e with their weight and length
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

// newIndex builds the index of docs, which are all in the language of an.
// It fills the stem cache of an, which must not be in use yet.
func newIndex(an *analyzer, docs []*Entry, tu tuning) *index {
	ix := &index{
		tu:      tu,
		an:      an,
		docs:    docs,
		post:    make(map[string][]posting),
		idf:     make(map[string]float64),
		exact:   make(map[string]int),
		phrases: make(map[string][]phrase),
		vocab:   make(map[string]int),
		typos:   make(map[string][]string),
		stems:   make(map[string]bool),
		cues:    make(map[string]bool),
	}
	ix.offTopic = parseCues(an, offTopicCues(an.lang))
	nFields := len(docFields(&Entry{}, tu))
	// First pass: terms per field and average field lengths.
	fieldTerms := make([][][]string, len(docs))
	avg := make([]float64, nFields)
	for d, e := range docs {
		fieldTerms[d] = make([][]string, nFields)
		for f, fl := range docFields(e, tu) {
			ws := words(fl.text)
			for _, w := range ws {
				ix.vocab[w]++
			}
			fieldTerms[d][f] = an.terms(ws)
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
		for f, fl := range docFields(e, tu) {
			terms := fieldTerms[d][f]
			norm := 1 - fl.b + fl.b*float64(len(terms))/avg[f]
			for _, t := range terms {
				tf[t] += fl.w / norm
			}
		}
		for t, v := range tf {
			ix.post[t] = append(ix.post[t], posting{doc: d, tf: v})
			ix.stems[t] = true
			df[t]++
		}
		ix.labels = append(ix.labels, labelWords(e))
		ix.names = append(ix.names, nameStrings(e))
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
	ix.addLexiconToVocab()
	for w := range ix.vocab {
		ix.addDeletes(w)
		an.cache[w] = an.stem(w)
	}
	for _, labels := range ix.labels {
		stems := make(map[string]bool)
		for _, w := range labels {
			stems[an.stem(w)] = true
		}
		ix.labelStems = append(ix.labelStems, stems)
	}
	ix.nb = newBayes(ix)
	return ix
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
	ws := words(name)
	keys := []string{strings.Join(ws, " ")}
	if terms := ix.an.terms(ws); len(terms) > 1 || len(terms) == 1 && len(ws) == 1 {
		keys = append(keys, termKey(terms))
	}
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
	for _, w := range strings.Fields(neighbourWords(ix.an.lang)) {
		ix.vocab[w]++
		for _, t := range ix.an.terms([]string{w}) {
			ix.cues[t] = true
		}
	}
	for _, w := range strings.Fields(strings.NewReplacer("|", " ", "_", " ").Replace(offTopicCues(ix.an.lang))) {
		ix.vocab[w]++
	}
	for canonical, variants := range synonymTable(ix.an.lang) {
		ix.vocab[canonical]++
		for _, v := range variants {
			for _, w := range words(v) {
				ix.vocab[w]++
			}
		}
	}
}

// labelWords returns the distinct folded words of the fields that name a
// topic (title, aliases, keywords, id), the words autocompletion matches a
// partial word against.
func labelWords(e *Entry) []string {
	var out []string
	add := func(text string) {
		for _, w := range words(text) {
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

// nameStrings returns the title, id and aliases of e, each as its folded
// words joined by single spaces, the title first.
func nameStrings(e *Entry) []string {
	names := append([]string{e.Title, strings.ReplaceAll(e.ID, "-", " ")}, e.Aliases...)
	for i, n := range names {
		names[i] = strings.Join(words(n), " ")
	}
	return names
}
