package kb

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/internal/editdist"
)

// countStems makes every index of k count the words it hands snowball,
// per language. The build has stemmed the words of the content already, so
// what is counted is the work a question causes.
func countStems(k *KB) map[string]int {
	calls := make(map[string]int)
	for lang, ix := range k.indexes {
		stem := ix.an.stemmer
		ix.an.stemmer = func(w string) string {
			calls[lang]++
			return stem(w)
		}
	}
	return calls
}

// TestSearchWorkBounded checks that the words of a question the index
// does not know, the ones snowball and the typo corrector read, are read
// once each and at most maxCostlyWords of them per language (per question
// when its words are of neither language), however long or repetitive the
// question: gibberish once cost a hundred times an ordinary question.
func TestSearchWorkBounded(t *testing.T) {
	k := mustLoadOwn(t) // countStems changes its analyzers
	calls := countStems(k)
	tests := []struct{ name, question string }{
		{"gibberish", gibberish(3, 500)},
		{"a word repeated", strings.Repeat("zorblax ", 60) + "my cart is empty"},
		{"a word repeated before a cost question", strings.Repeat("zorblax ", 60) + "how much does an author copy cost"},
		{"pasted text", strings.Repeat(gibberish(4, 100)+" ", 20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clear(calls)
			k.Search(tt.question, "")
			total := 0
			for lang, n := range calls {
				total += n
				if n > maxCostlyWords {
					t.Errorf("%s: snowball read %d words, want at most %d", lang, n, maxCostlyWords)
				}
			}
			// Words of no language share one budget between the two.
			if DetectLang(tt.question) == "" && total > maxCostlyWords {
				t.Errorf("snowball read %d words in all, want at most %d", total, maxCostlyWords)
			}
		})
	}
	// A repeated unknown word is read once per language.
	clear(calls)
	k.Search(strings.Repeat("zorblax ", 60), "")
	for lang, n := range calls {
		if n != 1 {
			t.Errorf("%s: snowball read %d words for one word repeated, want 1", lang, n)
		}
	}
}

// bruteNearest is nearest by brute force: the distance to every indexed
// word that could be a typo of w, the best by better.
func bruteNearest(ix *index, w string) string {
	limit := maxTypos(len(w))
	if len(w) < minTypoWord || len(w) >= maxWordLen {
		return w
	}
	best, bestDist, bestLonger, bestFreq := w, limit+1, false, 0
	for _, v := range ix.typoWords {
		if !plausibleTypo(w, v) {
			continue
		}
		d := editdist.Distance(w, v, limit)
		if d > limit {
			continue
		}
		longer, f := len(v) >= len(w), ix.vocab[v]
		if better(d, longer, f, v, bestDist, bestLonger, bestFreq, best) {
			best, bestDist, bestLonger, bestFreq = v, d, longer, f
		}
	}
	return best
}

// TestNearestIsExact checks the shortcuts of nearest (the bucketed
// deletion index, stopping at one edit, skipping words longer than the
// vocabulary allows) against comparing with every word: the same
// correction for misspelt vocabulary words and for gibberish.
func TestNearestIsExact(t *testing.T) {
	k := mustLoad(t)
	rng := rand.New(rand.NewPCG(5, 6))
	for lang, ix := range k.indexes {
		var words []string
		for i, v := range ix.typoWords {
			if i%3 != 0 {
				continue
			}
			words = append(words, misspell(rng, v, 1), misspell(rng, v, 2), misspell(rng, v+v, 1))
		}
		for i := range 300 {
			words = append(words, gibberish(uint64(i), 3+i%30))
		}
		for _, w := range words {
			if got, want := ix.nearest(w), bruteNearest(ix, w); got != want {
				t.Errorf("%s: nearest(%q) = %q, want %q", lang, w, got, want)
			}
		}
	}
}

// misspell makes n random edits to w: a letter inserted, deleted, changed
// or swapped with the next.
func misspell(rng *rand.Rand, w string, n int) string {
	b := []byte(w)
	for range n {
		if len(b) < 2 {
			break
		}
		i := rng.IntN(len(b) - 1)
		c := byte('a' + rng.IntN(26))
		switch rng.IntN(4) {
		case 0:
			b = append(b[:i], append([]byte{c}, b[i:]...)...)
		case 1:
			b = append(b[:i], b[i+1:]...)
		case 2:
			b[i] = c
		default:
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	return string(b)
}
