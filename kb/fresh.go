package kb

import (
	"cmp"
	"slices"
	"time"
)

// Stale returns the topics whose facts were last checked against their
// sources more than age before now, oldest check first (then by id), so
// that the ones most likely to have drifted are re-checked first. A topic
// whose verified date cannot be read counts as never checked and comes
// first. Translations carry the English topic's verified date (Load
// checks it), so the entries returned are the English ones; look a
// translation up with Entry.
//
// now is a parameter, not the clock, so that a report or a test can ask
// "stale as of" any day.
func (k *KB) Stale(now time.Time, age time.Duration) []*Entry {
	cutoff := now.Add(-age)
	var out []*Entry
	for _, e := range k.Entries("en") {
		if v, ok := verifiedAt(e); !ok || v.Before(cutoff) {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b *Entry) int {
		va, _ := verifiedAt(a)
		vb, _ := verifiedAt(b)
		return cmp.Or(va.Compare(vb), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// verifiedAt reads e's verified date, a day in UTC; the zero time and false
// when it is missing or malformed.
func verifiedAt(e *Entry) (time.Time, bool) {
	v, err := time.Parse(time.DateOnly, e.Verified)
	return v, err == nil
}
