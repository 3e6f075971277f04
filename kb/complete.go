package kb

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/authorbot/authorbot/internal/editdist"
)

// maxComplete is the most choices an autocomplete list may hold; Discord
// accepts no more than 25.
const maxComplete = 25

// Complete ranks topics for a partial input typed into an autocomplete
// field, best first, and returns at most n of them (n is capped at 25).
// The last word of prefix may be unfinished ("empty ca" finds the empty
// cart). An empty prefix returns the first n topics in Entries order. lang
// "" detects the language from prefix.
func (k *KB) Complete(prefix, lang string, n int) []*Entry {
	n = min(n, maxComplete)
	if n <= 0 {
		return nil
	}
	detected := DetectLang(prefix)
	tok := tokens(prefix)
	lang = k.queryLang(tok, lang, detected)
	ix := k.indexes[lang]
	ws := tok.of(ix)
	if len(ws) == 0 {
		return k.Entries(lang)[:min(n, len(ix.docs))]
	}
	partial := !strings.HasSuffix(prefix, " ")
	q := " " + strings.Join(ws, " ") // as ix.names holds the names
	budget := maxCostlyWords
	search := ix.rank(slices.Clone(ws), detected, &budget)
	searchScore := make([]float64, len(ix.docs))
	for _, s := range search.top {
		searchScore[s.doc] = min(s.score, 1)
	}
	stems := make([]string, len(ws))
	for i, w := range ws {
		stems[i] = ix.an.stem(w)
	}
	var found []scored
	for d := range ix.docs {
		s := completionScore(ix, d, ws, stems, q, partial)
		if s == 0 && searchScore[d] < ix.tu.minConfidence/2 {
			continue
		}
		found = append(found, scored{doc: d, score: s + 10*searchScore[d]})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score > found[j].score })
	out := make([]*Entry, 0, min(n, len(found)))
	for _, s := range found[:min(n, len(found))] {
		out = append(out, ix.docs[s.doc])
	}
	return out
}

// completionScore scores how well the typed words ws (with their stems,
// and joined as nameStrings joins a name's words in q) begin or name the
// topic d of ix: the whole input starting
// its title, id or an alias counts most, then the input found inside one
// of them, then each word found among the topic's label words (the last
// one possibly unfinished).
func completionScore(ix *index, d int, ws, stems []string, q string, partial bool) float64 {
	var s float64
	for i, nw := range ix.names[d] {
		weight := 1.0
		if i > 0 {
			weight = 0.9 // the title is what the list shows
		}
		switch {
		case strings.HasPrefix(nw, q):
			s = max(s, 100*weight)
		case strings.Contains(nw, q):
			s = max(s, 60*weight)
		}
	}
	matched, needed := 0, 0
	for i, w := range ws {
		stop := ix.an.stop[w]
		if !stop {
			needed++
		}
		last := partial && i == len(ws)-1
		if labelHas(ix, d, w, stems[i], last) {
			if !stop {
				matched++
			}
		}
	}
	switch {
	case needed > 0 && matched == needed:
		s += 30 + 5*float64(matched)
	case matched > 0:
		s += 5 * float64(matched)
	}
	return s
}

// labelHas reports whether the topic's label words contain w, a word of its
// stem, or, for the word still being typed, a word starting with w.
func labelHas(ix *index, d int, w, stem string, prefix bool) bool {
	if ix.labelStems[d][stem] {
		return true
	}
	for _, lw := range ix.labels[d] {
		if lw == w || prefix && strings.HasPrefix(lw, w) {
			return true
		}
	}
	return false
}

// Rank ranks arbitrary candidate strings (marketplace names, order titles)
// against a partial query with the normalisation of Search: case, accents
// and punctuation are ignored and words match by stem, by prefix, or with
// one typo. It returns the indexes of the candidates that match at all,
// best first; among equal matches the shorter candidate (the closer fit)
// comes first, then the earlier one. An empty query matches every
// candidate.
func Rank(query string, candidates []string, lang string) []int {
	if lang = Lang(lang); lang == "" {
		lang = "en"
	}
	tok := tokenizerOf(lang)
	qw := tok.words(query)
	if len(qw) == 0 {
		out := make([]int, len(candidates))
		for i := range out {
			out[i] = i
		}
		return out
	}
	stemmer := snowballStem(lang)
	stop := make(map[string]bool)
	for _, w := range tok.words(stopWords(lang)) {
		stop[w] = true
	}
	q := strings.Join(qw, " ")
	raw := strings.TrimSpace(fold(query))
	qs := make([]string, len(qw))
	for i, w := range qw {
		qs[i] = stemmer(w)
	}

	type hit struct {
		i     int
		score float64
		size  int
	}
	var hits []hit
	for i, c := range candidates {
		cw := tok.words(c)
		cs := strings.Join(cw, " ")
		var s float64
		switch {
		case cs == q:
			s = 1000
		case strings.HasPrefix(strings.TrimSpace(fold(c)), raw) || strings.HasPrefix(cs, q):
			s = 500
		case strings.Contains(" "+cs, " "+q):
			s = 300
		case len(q) >= 3 && strings.Contains(cs, q): // inside a word: "zon.de" in "amazon.de"
			s = 150
		}
		s += wordMatchScore(qw, qs, cw, stemmer, stop)
		if s > 0 {
			hits = append(hits, hit{i: i, score: s, size: len(cs)})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].score != hits[b].score {
			return hits[a].score > hits[b].score
		}
		return hits[a].size < hits[b].size // the closest fit: "amazon.com" before "amazon.com.au"
	})
	out := make([]int, len(hits))
	for i, h := range hits {
		out[i] = h.i
	}
	return out
}

// wordMatchScore scores the query words qw (stems qs) against a
// candidate's words cw: each query word counts by its best match (same
// word, same stem, prefix of a word, one typo away). Like any
// autocompletion, every query word that is not a stop word must match;
// stop words alone never make a candidate match.
func wordMatchScore(qw, qs, cw []string, stemmer func(string) string, stop map[string]bool) float64 {
	var sum float64
	matched, needed := 0, 0
	for i, w := range qw {
		best := 0.0
		for _, c := range cw {
			switch {
			case c == w:
				best = max(best, 10)
			case len(w) > 2 && stemmer(c) == qs[i]:
				best = max(best, 8)
			case strings.HasPrefix(c, w):
				best = max(best, 6)
			case len(w) >= 4 && isWordLike(c) && editdist.Distance(w, c, 1) <= 1:
				best = max(best, 3)
			}
		}
		if stop[w] {
			continue
		}
		needed++
		if best > 0 {
			matched++
			sum += best
		}
	}
	if matched == 0 || matched < needed {
		return 0
	}
	return 100 + sum
}

// isWordLike reports whether w is plain ASCII letters, the only words the
// typo distance is meant for.
func isWordLike(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
