// Package editdist measures how far apart two short words are, counting
// the slips of typing: a letter inserted, dropped, replaced, or two
// neighbours swapped.
package editdist

// MaxLen bounds the words Distance compares, in bytes: longer ones are
// not words an author mistyped, and the bound keeps the work on the stack.
const MaxLen = 40

// Distance is the optimal-string-alignment form of the Damerau-Levenshtein
// distance between a and b, byte by byte (a letter outside ASCII counts as
// its bytes). It stops early and returns limit+1 once the distance must
// exceed limit, and for a b of MaxLen bytes or more.
func Distance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	if d := len(a) - len(b); d > limit || -d > limit || len(b) >= MaxLen {
		return limit + 1
	}
	// Three rows are enough (transpositions look two rows back); fixed
	// arrays keep them off the heap.
	var rows [3][MaxLen + 1]int
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
