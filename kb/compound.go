package kb

import "slices"

// Compound words: German and Dutch write as one word what English writes as
// several ("Autorenexemplare", "auteursexemplaren": author copies), and an
// author may write the compound where the content has its parts or the
// reverse ("Exemplare für Autoren"). A compound is split against the
// index's own vocabulary: into words the content, the word lists or the
// examples have, so that nothing is split into parts the search could not
// match anyway. The search then reads a known compound as itself followed
// by its parts, and an unknown one as its parts.

// splitsCompounds reports whether lang writes compounds as one word.
func splitsCompounds(lang string) bool { return lang == "de" || lang == "nl" }

const (
	// minCompound is the shortest word tried as a compound: two parts of
	// minPart letters.
	minCompound = 2 * minPart
	// minPart is the shortest part of a compound: shorter "words" are
	// mostly inflections and linking letters.
	minPart = 4
	// maxParts is the most parts a compound is split into.
	maxParts = 3
)

// linkEndings are what German and Dutch put between the parts of a
// compound, or drop from its first part: the s of "Bestellungsnummer" and
// "auteursexemplaar", the n of "Seitenzahl", the en of a verb
// ("Bestellbutton" from bestellen, "verzendkosten" from verzenden). A
// first part is tried without each, then with each added. The same
// endings are tried off the last part, whose inflection the vocabulary
// may lack ("Druckkosten" when only "Kosten" is there is found as is).
func linkEndings() []string { return []string{"s", "es", "n", "en", "e", "er"} }

// splitCompound returns the parts of the folded word w, each a word of the
// vocabulary, or nil when w is not a compound of them. Among the ways to
// split w, the one with the fewest parts wins, then the one whose
// shortest part is longest, then the one with the longest last part: the
// head of a German or Dutch compound is its last part. It only looks words
// up: no stemming, so it costs little even for a word no index has.
func (ix *index) splitCompound(w string) []string {
	if !splitsCompounds(ix.an.lang) || len(w) < minCompound || len(w) >= maxWordLen {
		return nil
	}
	return ix.split(w, maxParts)
}

// split is splitCompound into at most n parts; a whole known word is one
// part.
func (ix *index) split(w string, n int) []string {
	var best []string
	for i := len(w) - minPart; i >= minPart; i-- {
		head := ix.lastPart(w[i:])
		if head == "" {
			continue
		}
		for _, first := range ix.firstParts(w[:i], n-1) {
			parts := append(slices.Clone(first), head)
			if better := best == nil || len(parts) < len(best) ||
				len(parts) == len(best) && shortest(parts) > shortest(best); better {
				best = parts
			}
		}
	}
	return best
}

// shortest is the length of the shortest of parts.
func shortest(parts []string) int {
	n := maxWordLen
	for _, p := range parts {
		n = min(n, len(p))
	}
	return n
}

// lastPart returns the vocabulary word the last part s of a compound is,
// itself or without an inflection, or "".
func (ix *index) lastPart(s string) string {
	if ix.isPart(s) {
		return s
	}
	for _, e := range linkEndings() {
		if base, ok := cutSuffix(s, e); ok && ix.isPart(base) {
			return base
		}
	}
	return ""
}

// firstParts returns the ways to read s, the part of a compound before its
// last, as at most n vocabulary words: as one word, with or without a
// linking ending, or as a compound itself.
func (ix *index) firstParts(s string, n int) [][]string {
	if n <= 0 {
		return nil
	}
	var out [][]string
	if ix.isPart(s) {
		out = append(out, []string{s})
	}
	for _, e := range linkEndings() {
		if base, ok := cutSuffix(s, e); ok && ix.isPart(base) {
			out = append(out, []string{base})
		}
		if ix.isPart(s + e) {
			out = append(out, []string{s + e})
		}
	}
	if len(out) > 0 || n == 1 || len(s) < minCompound {
		return out
	}
	if parts := ix.split(s, n); parts != nil {
		out = append(out, parts)
	}
	return out
}

// isPart reports whether s can be a part of a compound: a vocabulary word
// long enough that is not a stop word.
func (ix *index) isPart(s string) bool {
	return len(s) >= minPart && ix.vocab[s] > 0 && !ix.an.stop[s]
}

// cutSuffix is strings.CutSuffix that leaves at least minPart letters.
func cutSuffix(s, suffix string) (string, bool) {
	if len(s)-len(suffix) < minPart || s[len(s)-len(suffix):] != suffix {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// findCompounds splits every vocabulary word that is a compound of others,
// for the analyzer to read content and known query words by.
func (ix *index) findCompounds() map[string][]string {
	if !splitsCompounds(ix.an.lang) {
		return nil
	}
	out := make(map[string][]string)
	for w := range ix.vocab {
		if parts := ix.splitCompound(w); len(parts) > 1 {
			out[w] = parts
		}
	}
	return out
}
