package kb

import (
	"bufio"
	_ "embed"
	"math"
	"slices"
	"strings"
)

// labelled holds questions authors asked, each with the topic that answers
// it ("" for a question the knowledge base does not cover); the classifier
// learns from them how questions are phrased, next to the content itself.
// The file doubles as the tuning set of the search tests.
//
//go:embed testdata/questions.tsv
var labelled string

// bayes is a multinomial naive Bayes classifier over search terms and
// pairs of adjacent terms, with one class per topic and a last class for
// questions about something else. BM25F scores how much of a question a
// topic's text covers; the classifier scores which topic's way of
// speaking the question's words come from, and learns the off-topic class
// from examples and the words of neighbouring subjects, which no topic's
// text has.
//
// With additive smoothing alpha, log P(t | k) is log(alpha) - norm[k] for
// every class whose training text lacks t, so only the classes that have
// t are stored with it: training and memory grow with the text, not with
// the vocabulary times the classes.
type bayes struct {
	bigrams bool                 // adjacent pairs of terms are features too
	unseen  []float64            // per class: log P(t | k) of a term it never saw
	seen    map[string][]classLL // term → the classes that saw it
}

// classLL is the log-likelihood of a term in a class that saw it, less
// that of an unseen term.
type classLL struct {
	class int
	ll    float64
}

// newBayes trains the classifier for the documents of ix, numbered by id
// in byID, whose bodies are already analysed, and the labelled examples
// exs.
func newBayes(ix *index, byID map[string]int, bodies [][]string, exs []labelledTerms) *bayes {
	tu := ix.tu
	n := len(ix.docs) + 1
	off := n - 1
	counts := make(map[string][]classLL) // summed weights, in ll until converted
	totals := make([]float64, n)
	add := func(class int, terms []string, weight float64) {
		if tu.nbBigrams {
			terms = features(terms)
		}
		for _, t := range terms {
			list := counts[t]
			i := slices.IndexFunc(list, func(c classLL) bool { return c.class == class })
			if i < 0 {
				i = len(list)
				list = append(list, classLL{class: class})
				counts[t] = list
			}
			list[i].ll += weight
			totals[class] += weight
		}
	}
	for d, e := range ix.docs {
		add(d, ix.an.analyze(e.Title), 3)
		for _, a := range e.Aliases {
			add(d, ix.an.analyze(a), 2)
		}
		for _, k := range e.Keywords {
			add(d, ix.an.analyze(k), 2)
		}
		add(d, bodies[d], tu.nbBodyWeight)
	}
	add(off, ix.an.analyze(neighbourWords(ix.an.lang)), 1)
	add(off, ix.an.analyze(cueWords(ix.an.lang)), 1)
	for _, q := range ix.labelledQuestions(byID) {
		add(q.class, q.terms, tu.nbQuestionWeight)
	}
	for _, ex := range exs {
		add(ex.class, ex.terms, tu.exampleWeight)
	}
	b := &bayes{bigrams: tu.nbBigrams, unseen: make([]float64, n), seen: counts}
	vocab := float64(len(counts))
	logAlpha := math.Log(tu.nbAlpha)
	for k := range n {
		b.unseen[k] = logAlpha - math.Log(totals[k]+tu.nbAlpha*vocab)
	}
	for _, list := range counts {
		for i, c := range list {
			list[i].ll = math.Log(c.ll+tu.nbAlpha) - logAlpha
		}
	}
	return b
}

// posterior returns the class probabilities of terms, or nil when none of
// them is known to the classifier. Terms it never saw are left out: they
// would lower every class alike.
func (b *bayes) posterior(terms []string) []float64 {
	p := make([]float64, len(b.unseen))
	known := 0
	add := func(t string) bool {
		list, ok := b.seen[t]
		if !ok {
			return false
		}
		known++
		for _, c := range list {
			p[c.class] += c.ll
		}
		return true
	}
	// The features of terms in their order (see features), without
	// building the pairs of a term never seen: every pair learnt was made
	// of two terms learnt too.
	seen := make([]bool, len(terms))
	for i, t := range terms {
		seen[i] = add(t)
	}
	for i := 1; b.bigrams && i < len(terms); i++ {
		if seen[i-1] && seen[i] {
			add(terms[i-1] + " " + terms[i])
		}
	}
	if known == 0 {
		return nil
	}
	for k := range p {
		p[k] += float64(known) * b.unseen[k]
	}
	softmax(p)
	return p
}

// labelledQuestions returns the questions of questions.tsv in the
// language of ix, as terms with their class; byID numbers the documents.
func (ix *index) labelledQuestions(byID map[string]int) []labelledTerms {
	var out []labelledTerms
	sc := bufio.NewScanner(strings.NewReader(labelled))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 4 || cols[1] != ix.an.lang || cols[0] == "group" {
			continue
		}
		class, ok := byID[cols[2]]
		if cols[2] == "" {
			class, ok = len(ix.docs), true
		}
		if ok {
			ws := ix.an.words(cols[3])
			all := len(ws) // the build reads every word
			terms, _ := ix.correctedTerms(ws, &all)
			out = append(out, labelledTerms{class, terms})
		}
	}
	return out
}

// features returns the features of terms for the classifier: each
// term, and each pair of adjacent terms, which can mean more than their
// words ("cart empty").
func features(terms []string) []string {
	out := make([]string, 0, 2*len(terms))
	out = append(out, terms...)
	for i := 1; i < len(terms); i++ {
		out = append(out, terms[i-1]+" "+terms[i])
	}
	return out
}

// softmax turns scores into probabilities in place.
func softmax(p []float64) {
	top := math.Inf(-1)
	for _, v := range p {
		top = max(top, v)
	}
	var sum float64
	for k, v := range p {
		p[k] = math.Exp(v - top)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
}
