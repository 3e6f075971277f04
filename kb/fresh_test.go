package kb

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// contentClock is the day the freshness check of the content is measured
// from. It is fixed, not the clock, so that the test says the same thing
// on every run; move it forward when the content is re-checked later
// than it.
var contentClock = time.Date(2026, time.December, 4, 0, 0, 0, 0, time.UTC)

// year is the age after which a topic is due to be checked against its
// sources again.
const year = 365 * 24 * time.Hour

// TestContentFreshness lists the topics not checked against their sources
// for a year as of contentClock (a list to work through, not a failure),
// and fails for a topic whose verified date is missing, malformed or after
// contentClock: a date nobody can have checked on yet.
func TestContentFreshness(t *testing.T) {
	k := mustLoad(t)
	for _, e := range k.Entries("en") {
		v, ok := verifiedAt(e)
		switch {
		case !ok:
			t.Errorf("en/%s.md: verified %q is not a YYYY-MM-DD date", e.ID, e.Verified)
		case v.After(contentClock):
			t.Errorf("en/%s.md: verified %s is after %s", e.ID, e.Verified, contentClock.Format(time.DateOnly))
		}
	}
	stale := k.Stale(contentClock, year)
	for _, e := range stale {
		t.Logf("not verified for 12 months: %s (verified %s)", e.ID, e.Verified)
	}
	t.Logf("%d of %d topics not verified for 12 months as of %s", len(stale), len(k.Entries("en")), contentClock.Format(time.DateOnly))
}

// TestStale checks Stale on a hand-made knowledge base.
func TestStale(t *testing.T) {
	fsys := validFS()
	dates := map[string]string{"cart-empty": "2025-01-10", "cart-quantity": "2025-11-20"}
	for _, lang := range []string{"en", "fr"} {
		for id, d := range dates {
			edit := func(fm map[string]string) { fm["verified"] = d }
			if id == "cart-empty" {
				edit = func(fm map[string]string) { relatedQuantity(fm); fm["verified"] = d }
			}
			fsys[lang+"/"+id+".md"] = entryFile(id, lang, edit)
		}
	}
	k, err := LoadFS(fsys)
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		now  string
		age  time.Duration
		want []string
	}{
		{"2025-06-01", year, nil},
		{"2026-01-10", year, nil}, // exactly a year: not yet stale
		{"2026-01-11", year, []string{"cart-empty"}},
		{"2026-12-04", year, []string{"cart-empty", "cart-quantity"}},
		{"2025-11-21", 24 * time.Hour, []string{"cart-empty"}},
		{"2025-11-22", 24 * time.Hour, []string{"cart-empty", "cart-quantity"}},
	}
	for _, tt := range tests {
		t.Run(tt.now, func(t *testing.T) {
			var got []string
			for _, e := range k.Stale(day(tt.now), tt.age) {
				if e.Lang != "en" {
					t.Errorf("Stale returned %s/%s, want the English entry", e.Lang, e.ID)
				}
				got = append(got, e.ID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Stale(%s, %v) mismatch (-want +got):\n%s", tt.now, tt.age, diff)
			}
		})
	}
	t.Run("malformed date comes first", func(t *testing.T) {
		k := &KB{ordered: map[string][]*Entry{"en": {
			{ID: "b", Lang: "en", Verified: "2025-01-01"},
			{ID: "a", Lang: "en", Verified: "2025-02-01"},
			{ID: "c", Lang: "en", Verified: "soon"},
		}}}
		var got []string
		for _, e := range k.Stale(day("2026-12-04"), year) {
			got = append(got, e.ID)
		}
		if diff := cmp.Diff([]string{"c", "b", "a"}, got); diff != "" {
			t.Errorf("Stale order mismatch (-want +got):\n%s", diff)
		}
	})
}
