package kb

// Typo correction: a query word the content does not know is replaced by
// the closest vocabulary word. Candidates come from a deletion index (the
// SymSpell method): two words within edit distance d share a string
// obtained by deleting at most d letters from each, so indexing every
// vocabulary word under its deletions finds all candidates with a few map
// look-ups instead of a distance computation per vocabulary word.

// maxWordLen bounds the words the typo corrector handles; longer "words"
// are pasted links or ids, not typos.
const maxWordLen = 40

// maxTypos is the number of edits corrected in a word of n bytes: one, or
// two from eight letters on, where two slips are common and a second
// word two edits away is rare.
func maxTypos(n int) int {
	if n >= 8 {
		return 2
	}
	return 1
}

// addDeletes indexes the vocabulary word w under itself and its
// deletions. Words of six letters or more get two deletions, since a query
// word of eight letters may be two edits away from them.
func (ix *index) addDeletes(w string) {
	if len(w) >= maxWordLen {
		return
	}
	depth := 1
	if len(w) >= 6 {
		depth = 2
	}
	for _, d := range deletions(w, depth) {
		ix.typos[d] = append(ix.typos[d], w)
	}
}

// deletions returns w and the distinct strings made by deleting up to
// depth of its bytes.
func deletions(w string, depth int) []string {
	seen := map[string]bool{w: true}
	out := []string{w}
	level := []string{w}
	for range depth {
		var next []string
		for _, s := range level {
			for i := range len(s) {
				d := s[:i] + s[i+1:]
				if d == "" || seen[d] {
					continue
				}
				seen[d] = true
				out = append(out, d)
				next = append(next, d)
			}
		}
		level = next
	}
	return out
}

// known reports whether the folded word w needs no typo correction: the
// content (or the stop and synonym lists) has it or a word of the same
// stem, or it holds a digit (quantities, dates and prices are not typos).
func (ix *index) known(w string) bool {
	if ix.vocab[w] > 0 || ix.stems[ix.an.stem(w)] {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// correct returns the vocabulary word closest to the unknown word w: the
// smallest Damerau-Levenshtein distance within maxTypos, then the best
// candidate by better. It returns w unchanged when nothing is close
// enough; words under three letters are never corrected since almost
// everything is one edit away from them.
func (ix *index) correct(w string) string {
	if len(w) < 3 || len(w) >= maxWordLen || ix.known(w) {
		return w
	}
	limit := maxTypos(len(w))
	best, bestDist, bestLonger, bestFreq := w, limit+1, false, 0
	for _, del := range deletions(w, limit) {
		for _, v := range ix.typos[del] {
			d := osaDistance(w, v, limit)
			if d > limit {
				continue
			}
			longer, f := len(v) >= len(w), ix.vocab[v]
			if better(d, longer, f, v, bestDist, bestLonger, bestFreq, best) {
				best, bestDist, bestLonger, bestFreq = v, d, longer, f
			}
		}
	}
	return best
}

// better orders correction candidates: smaller distance; then, between
// equally close words, restoring a letter over dropping one (typing misses
// keys more often than it adds them); then the more frequent word; then
// alphabetical order, so the choice never depends on map order.
func better(d int, longer bool, f int, v string, bd int, blonger bool, bf int, bv string) bool {
	switch {
	case d != bd:
		return d < bd
	case longer != blonger:
		return longer
	case f != bf:
		return f > bf
	}
	return v < bv
}

// osaDistance is the optimal-string-alignment form of the Damerau-
// Levenshtein distance (insertions, deletions, substitutions and adjacent
// transpositions) between two ASCII words. It stops early and returns
// limit+1 once the distance must exceed limit.
func osaDistance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	if d := len(a) - len(b); d > limit || -d > limit || len(b) >= maxWordLen {
		return limit + 1
	}
	// Three rows are enough (transpositions look two rows back); fixed
	// arrays keep them off the heap.
	var rows [3][maxWordLen + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
