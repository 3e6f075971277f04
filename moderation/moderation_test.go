package moderation

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestGroups(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 12, 1, h, 0, 0, 0, time.UTC) }
	gaps := []Gap{
		{Question: "can amazon gift wrap author copies", Lang: "en", Created: at(1), Guesses: []Guess{{Topic: "shipping-options"}}},
		{Question: "braille edition of my book?", Lang: "en", Created: at(2)},
		{Question: "can amazon gift wrap my author copies please", Lang: "en", Created: at(3), Guesses: []Guess{{Topic: "shipping-options"}}},
		{Question: "amazon gift wrap author copies", Lang: "fr", Created: at(4)},
	}
	want := []Group{
		{Count: 3, Examples: []string{"amazon gift wrap author copies", "can amazon gift wrap my author copies please", "can amazon gift wrap author copies"},
			Langs: []string{"en", "fr"}, Guess: "shipping-options"},
		{Count: 1, Examples: []string{"braille edition of my book?"}, Langs: []string{"en"}},
	}
	if diff := cmp.Diff(want, Groups(gaps)); diff != "" {
		t.Errorf("Groups (-want +got):\n%s", diff)
	}
}

func TestWeek(t *testing.T) {
	tests := []struct {
		t     time.Time
		week  string
		start time.Time
	}{
		{time.Date(2026, 12, 4, 21, 0, 0, 0, time.UTC), "2026-W49", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), "2026-W53", time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC)},
		{time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), "2026-W49", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := Week(tt.t); got != tt.week {
			t.Errorf("Week(%v) = %s, want %s", tt.t, got, tt.week)
		}
		if got := WeekStart(tt.t); !got.Equal(tt.start) {
			t.Errorf("WeekStart(%v) = %v, want %v", tt.t, got, tt.start)
		}
	}
}

// memDigests is a DigestStore in memory, for the scheduler's logic; the
// store's own test covers the SQL.
type memDigests struct {
	sent    map[string]bool
	claimed map[string]time.Time // lease end
}

func (m *memDigests) ClaimDigest(_ context.Context, week string, now time.Time, lease time.Duration) (string, bool, error) {
	if m.sent[week] || now.Before(m.claimed[week]) {
		return "", false, nil
	}
	m.claimed[week] = now.Add(lease)
	return week, true, nil
}

func (m *memDigests) MarkDigestSent(_ context.Context, week, claim string, _ time.Time) (bool, error) {
	m.sent[week] = true
	return true, nil
}

func (m *memDigests) ReleaseDigest(_ context.Context, week, _ string) error {
	delete(m.claimed, week)
	return nil
}

// TestWeekly checks that the digest goes out once a week, from its time
// on, and not twice even across a restart (a new Weekly on the same
// store).
func TestWeekly(t *testing.T) {
	store := &memDigests{sent: map[string]bool{}, claimed: map[string]time.Time{}}
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC) // Monday, before 09:00
	sends := 0
	w := func() *Weekly {
		return &Weekly{Store: store, Now: func() time.Time { return now },
			Send: func(context.Context, time.Time) error { sends++; return nil }}
	}
	ctx := context.Background()
	if sent, _ := w().Tick(ctx); sent {
		t.Error("sent before Monday 09:00")
	}
	now = now.Add(time.Hour)
	if sent, _ := w().Tick(ctx); !sent {
		t.Error("not sent at Monday 09:00")
	}
	for range 3 {
		now = now.Add(24 * time.Hour)
		w().Tick(ctx) // a restart every day
	}
	if sends != 1 {
		t.Errorf("%d digests in a week, want 1", sends)
	}
	now = now.AddDate(0, 0, 4)
	if sent, _ := w().Tick(ctx); !sent || sends != 2 {
		t.Errorf("next week: sent %v, %d sends", sent, sends)
	}
}
