package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/authorbot/authorbot/moderation"
)

func openTestDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "authorbot.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestPurgeGaps keeps the gaps within the retention period and deletes
// the older ones, a batch at a time.
func TestPurgeGaps(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	for _, age := range []time.Duration{100 * 24 * time.Hour, 91 * 24 * time.Hour, 89 * 24 * time.Hour, time.Hour} {
		if _, err := db.AddGap(ctx, moderation.Gap{User: "slack:T1:U1", Kind: moderation.Declined, Question: "q",
			Lang: "en", Platform: "slack", Created: now.Add(-age)}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.PurgeGaps(ctx, now.Add(-90*24*time.Hour), 1)
	if err != nil || n != 1 {
		t.Fatalf("first batch: %d, %v; want 1", n, err)
	}
	if n, _ = db.PurgeGaps(ctx, now.Add(-90*24*time.Hour), 10); n != 1 {
		t.Errorf("second batch: %d, want the other old one", n)
	}
	left, _ := db.Gaps(ctx, time.Time{})
	if len(left) != 2 {
		t.Errorf("%d gaps left, want the 2 within 90 days", len(left))
	}
}

// TestDigestClaim checks that a week's digest is claimed once, given up
// after a failed send, and never claimed again once sent.
func TestDigestClaim(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	claim, ok, err := db.ClaimDigest(ctx, "2026-W50", now, time.Minute)
	if err != nil || !ok {
		t.Fatalf("first claim: %v %v", ok, err)
	}
	if _, ok, _ := db.ClaimDigest(ctx, "2026-W50", now, time.Minute); ok {
		t.Error("claimed twice while the lease held")
	}
	if err := db.ReleaseDigest(ctx, "2026-W50", claim); err != nil {
		t.Fatal(err)
	}
	claim, ok, _ = db.ClaimDigest(ctx, "2026-W50", now, time.Minute)
	if !ok {
		t.Fatal("not claimed again after a release")
	}
	if sent, err := db.MarkDigestSent(ctx, "2026-W50", claim, now); err != nil || !sent {
		t.Fatalf("mark sent: %v %v", sent, err)
	}
	if _, ok, _ := db.ClaimDigest(ctx, "2026-W50", now.Add(time.Hour), time.Minute); ok {
		t.Error("a sent digest was claimed again")
	}
	// A claim whose process died is taken over when its lease ends.
	if _, ok, _ := db.ClaimDigest(ctx, "2026-W51", now, time.Minute); !ok {
		t.Fatal("claim W51")
	}
	if _, ok, _ := db.ClaimDigest(ctx, "2026-W51", now.Add(2*time.Minute), time.Minute); !ok {
		t.Error("an expired claim was not taken over")
	}
}

// TestCloseHandoffOnce closes a handoff and checks that a second close
// says how it was closed, and that a missing one is not found.
func TestCloseHandoffOnce(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	h, err := db.AddHandoff(ctx, moderation.Handoff{User: "k", Platform: "slack", UserID: "U1", Question: "q", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CloseHandoff(ctx, h.ID, moderation.Answered, "UMOD", "a"); err != nil {
		t.Fatal(err)
	}
	_, err = db.CloseHandoff(ctx, h.ID, moderation.Resolved, "UOTHER", "")
	if c, ok := errors.AsType[*moderation.Closed](err); !ok || c.Status != moderation.Answered || c.By != "UMOD" {
		t.Errorf("second close: %v", err)
	}
	if _, err := db.CloseHandoff(ctx, 99, moderation.Resolved, "U", ""); !errors.Is(err, moderation.ErrNotFound) {
		t.Errorf("missing handoff: %v", err)
	}
}

// TestPurgeHandoffs deletes the handoffs closed long ago and keeps the
// open ones, however old.
func TestPurgeHandoffs(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	old := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	db.now = func() time.Time { return old }
	for range 2 {
		if _, err := db.AddHandoff(ctx, moderation.Handoff{User: "k", Platform: "slack", UserID: "U1", Question: "q", Lang: "en"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.CloseHandoff(ctx, 1, moderation.Resolved, "UMOD", ""); err != nil {
		t.Fatal(err)
	}
	n, err := db.PurgeHandoffs(ctx, old.AddDate(0, 3, 0), 10)
	if err != nil || n != 1 {
		t.Fatalf("purged %d, %v; want the closed one", n, err)
	}
	if open, _ := db.OpenHandoffs(ctx); len(open) != 1 {
		t.Errorf("open handoffs = %+v", open)
	}
}
