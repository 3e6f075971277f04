package kb

import (
	"math/bits"
	"slices"

	"github.com/authorbot/authorbot/internal/editdist"
)

// Typo correction: a query word the content does not know is replaced by
// the closest vocabulary word. Candidates come from a deletion index (the
// SymSpell method): two words within edit distance d share a string
// obtained by deleting at most d letters from each, so indexing every
// vocabulary word under its deletions finds all candidates with a few map
// look-ups instead of a distance computation per vocabulary word.

// maxWordLen bounds the words the typo corrector handles; longer "words"
// are pasted links or ids, not typos.
const maxWordLen = editdist.MaxLen

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
// word of eight letters may be two edits away from them. The index is a
// sorted list of deletion hashes, each with the word's number in its low
// bits, put in order by sortTypos once every word is in: cheaper to build
// than a map of strings, which would cost an allocation per deletion. A
// hash collision only adds a candidate that osaDistance then rejects.
func (ix *index) addDeletes(w string) {
	if len(w) >= maxWordLen {
		return
	}
	depth := 1
	if len(w) >= 6 {
		depth = 2
	}
	id := uint64(len(ix.typoWords))
	ix.typoWords = append(ix.typoWords, w)
	ix.longestWord = max(ix.longestWord, len(w))
	deletionHashes(w, depth, func(h uint64) {
		ix.typos = append(ix.typos, h<<typoIDBits|id)
	})
}

// typoIDBits is the number of low bits of a typos entry that hold the
// word's number: room for a million words.
const typoIDBits = 20

// sortTypos puts the typo index in order once every word is added,
// dropping the repeats doubled letters give, and numbers its buckets.
func (ix *index) sortTypos() {
	slices.Sort(ix.typos)
	ix.typos = slices.Compact(ix.typos)
	// About one entry per bucket: a look-up reads two offsets and, most
	// often, no entry at all, where a binary search over the whole index
	// took some fifteen steps for each of the hundred-odd deletions of a
	// long word, most of them found in no vocabulary word.
	ix.typoBits = max(bits.Len(uint(len(ix.typos))), 1)
	ix.typoStart = make([]uint32, 1<<ix.typoBits+1)
	for _, e := range ix.typos {
		ix.typoStart[e>>(64-ix.typoBits)+1]++
	}
	for b := 1; b < len(ix.typoStart); b++ {
		ix.typoStart[b] += ix.typoStart[b-1]
	}
}

// typoCandidates calls fn with every vocabulary word indexed under the
// deletion hash h.
func (ix *index) typoCandidates(h uint64, fn func(string)) {
	key := h << typoIDBits
	b := key >> (64 - ix.typoBits)
	for _, e := range ix.typos[ix.typoStart[b]:ix.typoStart[b+1]] {
		if e>>typoIDBits == key>>typoIDBits {
			fn(ix.typoWords[e&(1<<typoIDBits-1)])
		}
	}
}

// deletionHashes calls fn with the hash of w and of every string made by
// deleting up to depth (at most 2) of its bytes. A string reached by
// several deletions is passed as often.
func deletionHashes(w string, depth int, fn func(uint64)) {
	for d := 0; d <= depth; d++ {
		deletionsAt(w, d, fn)
	}
}

// deletionsAt calls fn with the hash of every string made by deleting
// exactly depth (0, 1 or 2) bytes of w.
func deletionsAt(w string, depth int, fn func(uint64)) {
	switch {
	case depth == 0:
		fn(hashSkip(w, -1, -1))
	case depth == 1 && len(w) >= 2:
		for i := range len(w) {
			fn(hashSkip(w, i, -1))
		}
	case depth == 2 && len(w) >= 3:
		for i := range len(w) {
			for j := i + 1; j < len(w); j++ {
				fn(hashSkip(w, i, j))
			}
		}
	}
}

// hashSkip is the FNV-1a hash of w without its bytes at i and j (-1 for
// none), with the length mixed in so that deletions of different depths
// rarely collide.
func hashSkip(w string, i, j int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for k := 0; k < len(w); k++ {
		if k == i || k == j {
			continue
		}
		h ^= uint64(w[k])
		h *= prime
	}
	n := len(w)
	if i >= 0 {
		n--
	}
	if j >= 0 {
		n--
	}
	h ^= uint64(n) << 56
	return h * prime
}

// correction is a query word as searched: the word, or the vocabulary
// word it is a typo of, and that word's stem; or, for a compound the
// vocabulary lacks, its parts, which are searched instead.
type correction struct {
	word, stem string
	parts      []string
}

// maxCostlyWords is the number of words of one question that snowball and
// the typo corrector read: the words the index was not built from. They
// cost a few microseconds each, against a map look-up for a known word, so
// a question of gibberish or pasted text cost a hundred times an ordinary
// one. Questions in the language searched have had at most five such words
// (every question of testdata); the words after the first six are searched
// as typed, unknown terms that weigh as chat. A question tried in both
// languages gets the budget for each only when its words say it is in the
// second one (see Search).
const maxCostlyWords = 6

// correctWord returns the correction of the folded query word w. A word
// needs none when the content (or the stop and synonym lists) has it or a
// word of the same stem, or when it holds a digit (quantities, dates and
// prices are not typos); otherwise it is read as the compound of
// vocabulary words it is (German and Dutch), or replaced by the closest
// vocabulary word, if one is close enough (see nearest).
//
// A word the index was not built from needs snowball or the corrector,
// and spends one of budget's words; with none left, it is searched as
// typed (with its stem when the build stemmed it).
func (ix *index) correctWord(w string, budget *int) correction {
	if stem, ok := ix.ready[w]; ok {
		return correction{word: w, stem: stem}
	}
	stem, cached := ix.an.cached(w)
	if cached && ix.searchable(w, stem) {
		return correction{word: w, stem: stem}
	}
	if !cached {
		stem = w
	}
	if *budget <= 0 {
		return correction{word: w, stem: stem}
	}
	*budget--
	if !cached {
		stem = ix.an.stemWord(w)
		if ix.searchable(w, stem) {
			return correction{word: w, stem: stem}
		}
	}
	if parts := ix.splitCompound(w); parts != nil {
		return correction{word: w, stem: stem, parts: parts}
	}
	if v := ix.nearest(w); v != w {
		return correction{word: v, stem: ix.an.stem(v)}
	}
	return correction{word: w, stem: stem}
}

// searchable reports whether the word w, of stem stem, needs no typo
// correction.
func (ix *index) searchable(w, stem string) bool {
	if ix.vocab[w] > 0 || hasDigit(w) {
		return true
	}
	_, ok := ix.idf[stem]
	return ok
}

// correct returns the word correctWord searches for w.
func (ix *index) correct(w string) string {
	budget := 1
	return ix.correctWord(w, &budget).word
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// nearest returns the vocabulary word closest to the unknown word w: the
// smallest Damerau-Levenshtein distance within maxTypos, then the best
// candidate by better. It returns w unchanged when nothing is close
// enough; words under minTypoWord letters are never corrected since
// almost everything is one edit away from them, nor words longer by more than
// maxTypos than the longest vocabulary word, which nothing is close to.
func (ix *index) nearest(w string) string {
	limit := maxTypos(len(w))
	if len(w) < minTypoWord || len(w) >= maxWordLen || len(w) > ix.longestWord+limit {
		return w
	}
	best, bestDist, bestLonger, bestFreq := w, limit+1, false, 0
	consider := func(h uint64) {
		ix.typoCandidates(h, func(v string) {
			if !plausibleTypo(w, v) {
				return
			}
			d := editdist.Distance(w, v, limit)
			if d > limit {
				return
			}
			longer, f := len(v) >= len(w), ix.vocab[v]
			if better(d, longer, f, v, bestDist, bestLonger, bestFreq, best) {
				best, bestDist, bestLonger, bestFreq = v, d, longer, f
			}
		})
	}
	for depth := 0; depth <= limit; depth++ {
		// Every word one edit away shares a string with w once up to one
		// byte is deleted from each (the index holds the vocabulary's
		// deletions), so when one was found the deeper deletions, the
		// many pairs of a long word, can only find worse.
		if depth == 2 && bestDist <= 1 {
			break
		}
		deletionsAt(w, depth, consider)
	}
	return best
}

// plausibleTypo reports whether the short word w may be a typo of v at
// all. Nearly every short word is one edit from some vocabulary word
// ("york" from "work", "eat" from "vat", "cat" from "can" and "cart"), so
// short words are corrected only for the slips typing makes most: in a
// word of four letters the first letter is kept, since it is seldom the
// one mistyped, and a word of three letters is only given back with two
// letters the other way round ("teh" for "the").
func plausibleTypo(w, v string) bool {
	switch {
	case len(w) > 4:
		return true
	case len(w) == 4:
		return v[0] == w[0]
	}
	return len(v) == len(w) && swapped(w, v)
}

// swapped reports whether w is v with two adjacent bytes exchanged.
func swapped(w, v string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] != v[i] {
			return w[i] == v[i+1] && w[i+1] == v[i] && w[i+2:] == v[i+2:]
		}
	}
	return false
}

// minTypoWord is the shortest word corrected: under three letters almost
// everything is one edit away.
const minTypoWord = 3

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
