package kb

import (
	"bufio"
	_ "embed"
	"math"
	"strings"
)

// labelled holds questions authors asked, each with the topic that answers
// it ("" for a question the knowledge base does not cover); the classifier
// learns from them how questions are phrased, next to the content itself.
// The file doubles as the tuning set of the search tests.
//
//go:embed testdata/questions.tsv
var labelled string

// bayes is a multinomial naive Bayes classifier over search terms, with
// one class per topic and a last class for questions about something else.
// BM25F scores how much of a question a topic's text covers; the
// classifier scores which topic's way of speaking the question's words
// come from, and learns the off-topic class from examples and the words of
// neighbouring subjects, which no topic's text has.
type bayes struct {
	classes int
	logLik  map[string][]float64 // term → log P(term | class)
}

// bayesAlpha is the Laplace smoothing of the term counts.
const bayesAlpha = 0.1

// newBayes trains the classifier for the documents of ix.
func newBayes(ix *index) *bayes {
	n := len(ix.docs) + 1
	off := n - 1
	counts := make(map[string][]float64)
	totals := make([]float64, n)
	add := func(class int, terms []string, weight float64) {
		for _, t := range terms {
			c := counts[t]
			if c == nil {
				c = make([]float64, n)
				counts[t] = c
			}
			c[class] += weight
			totals[class] += weight
		}
	}
	byID := make(map[string]int, len(ix.docs))
	for d, e := range ix.docs {
		byID[e.ID] = d
		add(d, ix.an.analyze(e.Title), 3)
		for _, a := range e.Aliases {
			add(d, ix.an.analyze(a), 2)
		}
		for _, k := range e.Keywords {
			add(d, ix.an.analyze(k), 2)
		}
		add(d, ix.an.analyze(bodyText(e)), 1)
	}
	add(off, ix.an.analyze(neighbourWords(ix.an.lang)), 1)
	add(off, ix.an.analyze(strings.NewReplacer("|", " ", "_", " ").Replace(offTopicCues(ix.an.lang))), 1)
	sc := bufio.NewScanner(strings.NewReader(labelled))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 4 || cols[1] != ix.an.lang || cols[0] == "group" {
			continue
		}
		class, ok := byID[cols[2]]
		if cols[2] == "" {
			class, ok = off, true
		}
		if ok {
			add(class, ix.queryTermsOnly(cols[3]), 3)
		}
	}
	b := &bayes{classes: n, logLik: make(map[string][]float64, len(counts))}
	vocab := float64(len(counts))
	for t, c := range counts {
		ll := make([]float64, n)
		for k := range n {
			ll[k] = math.Log((c[k] + bayesAlpha) / (totals[k] + bayesAlpha*vocab))
		}
		b.logLik[t] = ll
	}
	return b
}

// posterior returns the class probabilities of terms, or nil when none of
// them is known to the classifier. Terms it never saw are left out: they
// would lower every class alike.
func (b *bayes) posterior(terms []string) []float64 {
	p := make([]float64, b.classes)
	known := false
	for _, t := range terms {
		ll, ok := b.logLik[t]
		if !ok {
			continue
		}
		known = true
		for k := range p {
			p[k] += ll[k]
		}
	}
	if !known {
		return nil
	}
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
	return p
}
