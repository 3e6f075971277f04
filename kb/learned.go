package kb

import (
	"sync"
)

// Learned are questions that moderators labelled with the topic that
// should have answered them. The knowledge base itself is immutable;
// Learned sits beside it, and Match answers a question that reads as one
// of them, in the same terms (stems, synonyms) the search uses, with the
// labelled topic. It is safe for concurrent use: Set replaces the whole
// set at once while searches go on.
type Learned struct {
	k       *KB
	mu      sync.RWMutex
	version int64
	byLang  map[string][]learnt
}

// LearnedExample is one labelled question.
type LearnedExample struct {
	Question, Lang, Topic string
}

type learnt struct {
	terms map[string]bool
	topic string
}

// closeEnough is how much of the terms of a question and of an example
// must be shared (Jaccard) for the example's topic to answer it.
const closeEnough = 0.75

// NewLearned returns an empty set of learned examples for k.
func (k *KB) NewLearned() *Learned {
	return &Learned{k: k, version: -1, byLang: map[string][]learnt{}}
}

// Version is the version Set was last given, -1 before the first.
func (l *Learned) Version() int64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.version
}

// Set replaces the examples with exs, read at version. An example in a
// language the knowledge base is not written in, or for a topic it does
// not have, is left out.
func (l *Learned) Set(version int64, exs []LearnedExample) {
	byLang := map[string][]learnt{}
	for _, ex := range exs {
		lang := l.k.lang(ex.Lang)
		ix := l.k.indexes[lang]
		if ix == nil {
			continue
		}
		if _, ok := l.k.Entry(ex.Topic, lang); !ok {
			continue
		}
		terms := termSet(ix, ex.Question)
		if len(terms) == 0 {
			continue
		}
		byLang[lang] = append(byLang[lang], learnt{terms: terms, topic: ex.Topic})
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.version, l.byLang = version, byLang
}

// Match returns the entry that a labelled example reading as question
// names, in lang, and false when none does. Of several, the closest wins,
// and of equals the latest labelled.
func (l *Learned) Match(question, lang string) (*Entry, bool) {
	if l == nil {
		return nil, false
	}
	lang = l.k.lang(lang)
	l.mu.RLock()
	exs := l.byLang[lang]
	l.mu.RUnlock()
	if len(exs) == 0 {
		return nil, false
	}
	terms := termSet(l.k.indexes[lang], question)
	best, bestScore := "", 0.0
	for _, ex := range exs {
		if s := overlap(terms, ex.terms); s >= closeEnough && s >= bestScore {
			best, bestScore = ex.topic, s
		}
	}
	if best == "" {
		return nil, false
	}
	return l.k.Entry(best, lang)
}

// termSet is the set of the search terms of text in ix's language.
func termSet(ix *index, text string) map[string]bool {
	set := map[string]bool{}
	for _, t := range ix.an.analyze(text) {
		set[t] = true
	}
	return set
}

func overlap(a, b map[string]bool) float64 {
	both := 0
	for t := range a {
		if b[t] {
			both++
		}
	}
	all := len(a) + len(b) - both
	if all == 0 {
		return 0
	}
	return float64(both) / float64(all)
}
