package kb

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/authorbot/authorbot/isbn"
)

// Result is the outcome of a Search.
type Result struct {
	Lang        string   // the language of the entries, one of KB.Languages
	Best        *Entry   // nil when nothing matched at all
	Score       float64  // confidence-like score of Best, 0 to 1
	Confident   bool     // false => the caller declines
	Suggestions []*Entry // up to 3 closest topics other than Best when Confident, or the closest 3 when declining
	// Unknown is set when the question is about a subject the knowledge
	// base knows it does not cover: the result declines then, with no
	// Best and no Suggestions, and the caller points to Unknown.URL.
	Unknown *Unknown
}

// scored is a document of an index with its score for a query and the
// evidence behind it (see tuning).
type scored struct {
	doc      int
	score    float64
	evidence float64
}

// ranking is the outcome of a query against one index.
type ranking struct {
	ix    *index
	top   []scored // best first, only documents that matched
	exact bool     // the query is an id, title or alias of top[0]
	cues  int      // off-topic cues in the query
	// foreign is true when the query reads as another language: the
	// classifier learnt this language's phrasing and is not asked then.
	foreign bool
	post    []float64 // the classifier's posterior, nil when it knew no term
	// prob is the posterior of the classifier combined with the BM25F
	// scores and the off-topic cues, nil when the classifier knew no term
	// or the query is foreign; top[0] is its most probable topic then.
	prob []float64
	// unmatched is true when the most probable topic is not in top at
	// all: BM25F matched none of its words.
	unmatched bool
}

func (r ranking) confident() bool {
	if len(r.top) == 0 {
		return false
	}
	if r.exact {
		return true
	}
	if r.prob == nil {
		return r.foreign && r.confidentBM25()
	}
	tu := r.ix.tu
	off := len(r.prob) - 1
	best := r.top[0].doc
	return !r.unmatched && r.prob[best] >= tu.minProb && r.prob[off] < tu.offProb && r.top[0].evidence >= tu.minEvidence
}

// confidentBM25 is the decision on BM25F alone, for a query written in
// another language, whose phrasing the classifier did not learn: the
// best topic must explain enough of the query for the evidence it has.
func (r ranking) confidentBM25() bool {
	tu := r.ix.tu
	best := r.top[0]
	if r.cues > 0 || best.evidence < tu.minEvidence {
		return false
	}
	if len(r.top) > 1 && r.top[1].score > (1-tu.minMargin)*best.score {
		return false
	}
	return best.score >= tu.needed(best.evidence)
}

// needed is the score a topic with the given evidence needs for a
// confident answer.
func (tu tuning) needed(evidence float64) float64 {
	t := tu.minConfidence - tu.confidenceSlope*math.Log2(evidence/tu.pivotEvidence)
	return min(max(t, tu.confidenceFloor), tu.confidenceCeiling)
}

func (r ranking) score() float64 {
	if len(r.top) == 0 {
		return 0
	}
	return r.top[0].score
}

// Search finds the topic that answers query. lang is the language to
// answer in (one of Languages, or a locale such as "fr-CA" or "pt-BR");
// for "" or a language the knowledge base is not written in, it is
// detected from the query (DetectLang, then which language's content has
// the query's words), English when nothing tells.
//
// The query is matched in its own language first. When that match is weak
// and the query's words do not clearly say it is in that language, one
// more language's index is tried: the detected language, for authors whose
// locale says one language while they ask in another, or else the language
// whose content has most of the query's words. The entries returned are
// then the same topics in the answering language.
func (k *KB) Search(query, lang string) Result {
	detected := DetectLang(query)
	tok := tokens(query)
	lang = k.queryLang(tok, lang, detected)
	budget := maxCostlyWords
	r := k.indexes[lang].rank(tok.of(k.indexes[lang]), detected, &budget)
	// A question clearly written in the language searched is not tried
	// in another: read as another language, its words would only be
	// typos to correct into whatever that content has.
	if !r.confident() && detected != lang {
		second := detected
		if !k.has(detected) {
			second = k.vocabLang(tok, lang)
		}
		// One written in the second language gets the budget afresh
		// for it; one whose words say no language (names, gibberish)
		// shares one.
		if second == detected {
			budget = maxCostlyWords
		}
		if ix := k.indexes[second]; ix != nil {
			other := ix.rank(tok.of(ix), detected, &budget)
			if other.confident() && other.score() > r.score() {
				r = other
			}
		}
	}
	res := k.narrow(query, k.result(r, lang))
	if res.Confident && k.otherShop(query, lang) {
		return Result{Lang: res.Lang}
	}
	// A question that names a subject next to author copies is declined
	// with that subject's page rather than answered with the nearest
	// topic, unless it is a topic's own name or the confident topic
	// itself speaks of it (royalties on resold author copies). A query
	// that is a name only once its words are analysed is checked.
	if len(k.unknowns) == 0 || r.exact && k.names(res.Best, unknownText(query)) {
		return res
	}
	// A question that gives an ISBN and answers an ISBN topic asks about
	// that number, whoever wants it ("a review site wants the ISBN-10 of
	// 979-8-…"): its number is checked and converted, not declined.
	if res.Confident && res.Best.Theme == "isbn" && len(isbn.FindAll(query)) > 0 {
		return res
	}
	// A trigger the confident topic speaks of is passed over, not the
	// question: "when do I get my royalties" names payments too.
	var covered func(string) bool
	if res.Confident {
		covered = func(trigger string) bool { return k.covers(res.Best, trigger) }
	}
	u, _ := k.unknownIn(unknownText(query), covered, lang, detected, "en")
	if u == nil {
		return res
	}
	return Result{Lang: res.Lang, Unknown: u}
}

// queryLang is the language to search a query in, given its words tok:
// lang when the knowledge base is written in it, otherwise detected
// (DetectLang of the query) when it is, falling back on the vocabulary of
// each language when the query has no function word or accent ("panier
// vide", "proof").
func (k *KB) queryLang(tok *queryTokens, lang, detected string) string {
	if l := Lang(lang); k.has(l) {
		return l
	}
	if k.has(detected) {
		return detected
	}
	return k.vocabLang(tok, "")
}

// vocabLang returns the language of k, other than not, whose content has
// most of the words of tok; each word counts divided among the languages
// whose content has it, so that only the words that tell languages apart
// decide. Ties go to the language that comes first in Languages: English
// when no word is known at all, French when English is not.
func (k *KB) vocabLang(tok *queryTokens, not string) string {
	if tok.byVocab == nil {
		tok.byVocab = k.byVocab(tok)
	}
	for _, lang := range tok.byVocab {
		if lang != not {
			return lang
		}
	}
	return ""
}

// byVocab returns the languages of k ordered by vocabLang's votes for tok.
func (k *KB) byVocab(tok *queryTokens) []string {
	have := make(map[string]int)
	for _, lang := range k.langs {
		ix := k.indexes[lang]
		for _, w := range tok.words(ix.an.tok) {
			if ix.vocab[w] > 0 {
				have[w]++
			}
		}
	}
	score := make(map[string]float64, len(k.langs))
	for _, lang := range k.langs {
		ix := k.indexes[lang]
		for _, w := range tok.words(ix.an.tok) {
			if ix.vocab[w] > 0 {
				score[lang] += 1 / float64(have[w])
			}
		}
	}
	order := slices.Clone(k.langs)
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(score[b], score[a]) })
	return order
}

// result turns a ranking into a Result whose entries are in lang.
func (k *KB) result(r ranking, lang string) Result {
	res := Result{Lang: lang}
	if len(r.top) == 0 {
		return res
	}
	entry := func(s scored) *Entry {
		e, _ := k.Entry(r.ix.docs[s.doc].ID, lang)
		return e
	}
	res.Best = entry(r.top[0])
	res.Score = min(r.top[0].score, 1)
	if r.prob != nil {
		res.Score = r.prob[r.top[0].doc]
	}
	res.Confident = r.confident()
	if r.exact {
		res.Score = 1
	}
	rest := r.top
	if res.Confident {
		rest = rest[1:]
	}
	for _, s := range rest {
		if len(res.Suggestions) == 3 {
			break
		}
		if res.Confident && s.score < r.ix.tu.minSuggestion*r.top[0].score {
			break
		}
		res.Suggestions = append(res.Suggestions, entry(s))
	}
	return res
}

// correctedTerms analyses the words of a query or of a labelled
// question: they are typo-corrected against the vocabulary, in place,
// before synonyms, stop words and stemming, so that a misspelt synonym or
// stop word is still recognised, and compounds are followed by their
// parts (German, Dutch). It also returns the stems of the corrected words
// and parts. Each word is corrected and stemmed once, however often it
// appears; budget is the number of words snowball and the corrector may
// still read (see correctWord).
func (ix *index) correctedTerms(ws []string, budget *int) (terms, stems []string) {
	ws = ix.an.dropDates(ws)
	stems = make([]string, len(ws))
	// The words already read, for their repeats; made only when a word
	// needs more than look-ups, which most questions have none of.
	var memo map[string]correction
	var split [][]string // the parts of compounds read, by word
	for i, w := range ws {
		c, ok := memo[w]
		if !ok {
			left := *budget
			c = ix.correctWord(w, budget)
			if *budget < left {
				if memo == nil {
					memo = make(map[string]correction)
				}
				memo[w] = c
			}
		}
		ws[i], stems[i] = c.word, c.stem
		if c.parts != nil {
			if split == nil {
				split = make([][]string, len(ws))
			}
			split[i] = c.parts
		}
	}
	ws, stems = ix.an.withParts(ws, stems, split)
	terms = ix.an.termsOf(ws, stems)
	// A number the content never mentions ("I asked for 50") is a detail
	// of the author's case, not a sign of the topic or of another
	// subject; one it does ("999") is a sign.
	out := terms[:0]
	for _, t := range terms {
		if _, known := ix.idf[t]; known || !isNumber(t) {
			out = append(out, t)
		}
	}
	return out, stems
}

// queryTerms analyses the words of a query as correctedTerms does, which
// corrects ws in place and spends budget, and counts the off-topic cues
// among them.
func (ix *index) queryTerms(ws []string, budget *int) (terms []string, cues int) {
	terms, stems := ix.correctedTerms(ws, budget)
	if !slices.ContainsFunc(stems, func(s string) bool { return ix.cueStems[s] }) {
		return terms, 0 // most questions: no stem of any cue
	}
	for _, c := range ix.offTopic {
		if c.present(stems) {
			cues++
		}
	}
	return terms, cues
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// rank scores every document of ix against the query of words ws (see
// words), whose language DetectLang gave as detected. It corrects ws in
// place, spending budget (see correctWord).
func (ix *index) rank(ws []string, detected string, budget *int) ranking {
	var typed string // as typed, before queryTerms corrects ws
	if len(ws) <= ix.exactLen {
		typed = strings.Join(ws, " ")
	}
	terms, cues := ix.queryTerms(ws, budget)
	r := ranking{ix: ix, foreign: detected != "" && detected != ix.an.lang}
	if len(terms) == 0 {
		return r
	}
	if d, ok := ix.exactMatch(typed, terms); ok {
		r.exact = true
		r.top = append(r.top, scored{doc: d, score: 1, evidence: math.Inf(1)})
	}
	uniq := dedupe(terms)
	// Each off-topic cue weighs like one more word of another subject.
	total := float64(cues) * ix.tu.cueWeight * ix.unidf
	for _, t := range uniq {
		total += ix.queryWeight(t, r.foreign)
	}
	scores := make([]float64, len(ix.docs))
	evidence := make([]float64, len(ix.docs))
	for _, t := range uniq {
		idf := ix.idf[t]
		for _, p := range ix.post[t] {
			m := idf * p.tf / (p.tf + ix.tu.k1)
			scores[p.doc] += m
			evidence[p.doc] += m
		}
	}
	// One bonus per document, from its most informative alias, so a topic
	// with many overlapping aliases does not outrank one with a single
	// precise alias.
	bonus := make([]float64, len(ix.docs))
	for i := range terms {
		for _, p := range ix.phrases[terms[i]] {
			if hasPrefixRun(terms[i:], p.terms) {
				bonus[p.doc] = max(bonus[p.doc], ix.tu.aliasBonus*p.mass)
			}
		}
	}
	for d := range scores {
		s := (scores[d] + bonus[d]) / total
		if s > 0 && !(r.exact && d == r.top[0].doc) {
			r.top = append(r.top, scored{doc: d, score: s, evidence: evidence[d]})
		}
	}
	head := 0
	if r.exact {
		head = 1
	}
	slices.SortStableFunc(r.top[head:], func(a, b scored) int {
		return cmp.Compare(b.score, a.score)
	})
	r.cues = cues
	r.post = ix.nb.posterior(terms)
	if !r.exact && r.post != nil && !r.foreign {
		r.combine(scores, bonus, total)
	}
	return r
}

// combine sets r.prob, the classifier's posterior sharpened by BM25F, and
// moves its most probable topic to the front of r.top. The classifier
// learnt from labelled questions how authors phrase each topic; BM25F
// says how much of the question a topic's own text covers. Each is
// wrong in its own way, so their log-linear combination is right more
// often than either. Each off-topic cue adds to the off-topic class.
func (r *ranking) combine(scores, bonus []float64, total float64) {
	tu := r.ix.tu
	logit := make([]float64, len(r.post))
	for k, p := range r.post {
		logit[k] = math.Log(max(p, 1e-300)) / tu.nbTemperature
		if k < len(scores) {
			logit[k] += tu.bm25Weight * (scores[k] + bonus[k]) / total
		}
	}
	logit[len(logit)-1] += tu.cuePenalty * float64(r.cues)
	softmax(logit)
	r.prob = logit
	best := 0
	for k, p := range logit[:len(logit)-1] {
		if p > logit[best] {
			best = k
		}
	}
	i := slices.IndexFunc(r.top, func(s scored) bool { return s.doc == best })
	if i < 0 {
		// BM25F matched nothing of the topic's text: too little
		// evidence to answer it (see confident), and suggesting it
		// would look like a random pick.
		r.unmatched = true
		return
	}
	s := r.top[i]
	copy(r.top[1:i+1], r.top[:i])
	r.top[0] = s
}

// exactMatch returns the topic whose id, title or alias the query is, as
// typed (its words joined by spaces, up to case, accents and punctuation)
// or once analysed (terms).
func (ix *index) exactMatch(typed string, terms []string) (int, bool) {
	if d, ok := ix.exact[typed]; ok && typed != "" {
		return d, true
	}
	if len(terms) > ix.exactLen {
		return 0, false // longer than every name
	}
	d, ok := ix.exact[termKey(terms)]
	return d, ok
}

// queryWeight is how much the term t of a query weighs in its total: its
// idf when the content has it, otherwise the idf of an absent term scaled
// by cueWeight for a word of a neighbouring subject and by chatWeight for
// any other. In a query written in another language (foreign), unknown
// words are that language's words, not chat, and weigh in full.
func (ix *index) queryWeight(t string, foreign bool) float64 {
	if v, ok := ix.idf[t]; ok {
		return v
	}
	switch {
	case ix.cues[t]:
		return ix.tu.cueWeight * ix.unidf
	case foreign:
		return ix.unidf
	}
	return ix.tu.chatWeight * ix.unidf
}

// termIDF is the idf of t, with the idf of an absent term for words the
// content does not have.
func (ix *index) termIDF(t string) float64 {
	if v, ok := ix.idf[t]; ok {
		return v
	}
	return ix.unidf
}

// dedupe returns terms without repeats, in the order of their first
// occurrence.
func dedupe(terms []string) []string {
	out := make([]string, 0, len(terms))
	if len(terms) <= 32 {
		for _, t := range terms {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out
	}
	// A long question would cost the square of its length otherwise.
	seen := make(map[string]bool, len(terms))
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// hasPrefixRun reports whether terms starts with the terms of run.
func hasPrefixRun(terms, run []string) bool {
	return len(run) <= len(terms) && slices.Equal(terms[:len(run)], run)
}
