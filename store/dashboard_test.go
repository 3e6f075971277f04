package store

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSignInLinkWorksOnce(t *testing.T) {
	db, path := mustOpen(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	hash := strings.Repeat("ab", 32)
	link := SignInLink{Hash: hash, Moderator: "slack:T1:U1", Name: "Ada", Created: now, Expires: now.Add(10 * time.Minute)}
	if err := db.AddSignInLink(ctx, link); err != nil {
		t.Fatal(err)
	}
	// Another process on the same file (serve, after the CLI made the
	// link) sees it.
	other, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	got, ok, err := other.SignInLink(ctx, hash)
	if err != nil || !ok || got.Moderator != "slack:T1:U1" || got.Name != "Ada" || !got.Expires.Equal(link.Expires) || !got.Used.IsZero() {
		t.Fatalf("SignInLink = %+v, %v, %v; want the unused link", got, ok, err)
	}
	// Two uses at once: one alone finds it unused.
	var wg sync.WaitGroup
	var mu sync.Mutex
	fresh := 0
	for _, d := range []*DB{db, other, db, other} {
		wg.Go(func() {
			l, ok, err := d.UseSignInLink(ctx, hash, now.Add(time.Minute))
			if err != nil || !ok {
				t.Errorf("UseSignInLink: %v, %v", ok, err)
				return
			}
			if l.Used.IsZero() {
				mu.Lock()
				fresh++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if fresh != 1 {
		t.Errorf("%d uses found the link unused, want 1", fresh)
	}
	got, _, _ = db.SignInLink(ctx, hash)
	if !got.Used.Equal(now.Add(time.Minute)) {
		t.Errorf("Used = %v, want %v", got.Used, now.Add(time.Minute))
	}
	if _, ok, err := db.UseSignInLink(ctx, strings.Repeat("cd", 32), now); ok || err != nil {
		t.Errorf("UseSignInLink(unknown) = %v, %v; want false, nil", ok, err)
	}
}

func TestDashboardSessions(t *testing.T) {
	db, _ := mustOpen(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	s := DashboardSession{Hash: strings.Repeat("01", 32), Moderator: "console::local", Name: "operator", Created: now, Expires: now.Add(8 * time.Hour)}
	if err := db.AddDashboardSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	got, ok, err := db.DashboardSession(ctx, s.Hash)
	if err != nil || !ok || got != s {
		t.Fatalf("DashboardSession = %+v, %v, %v; want %+v", got, ok, err, s)
	}
	if err := db.EndDashboardSession(ctx, s.Hash); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.DashboardSession(ctx, s.Hash); ok {
		t.Error("the session is still there after EndDashboardSession")
	}
}

func TestExpiredSignInsArePurged(t *testing.T) {
	db, _ := mustOpen(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	old := SignInLink{Hash: strings.Repeat("aa", 32), Moderator: "m", Created: now, Expires: now.Add(10 * time.Minute)}
	oldSession := DashboardSession{Hash: strings.Repeat("bb", 32), Moderator: "m", Created: now, Expires: now.Add(time.Hour)}
	if err := db.AddSignInLink(ctx, old); err != nil {
		t.Fatal(err)
	}
	if err := db.AddDashboardSession(ctx, oldSession); err != nil {
		t.Fatal(err)
	}
	later := now.Add(2 * time.Hour)
	if err := db.AddSignInLink(ctx, SignInLink{Hash: strings.Repeat("cc", 32), Moderator: "m", Created: later, Expires: later.Add(10 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.SignInLink(ctx, old.Hash); ok {
		t.Error("an expired link is kept")
	}
	if _, ok, _ := db.DashboardSession(ctx, oldSession.Hash); ok {
		t.Error("an expired session is kept")
	}
}

func TestSignInLinkNeedsHashAndModerator(t *testing.T) {
	db, _ := mustOpen(t)
	for _, l := range []SignInLink{{Hash: "short", Moderator: "m"}, {Hash: strings.Repeat("ab", 32)}} {
		if err := db.AddSignInLink(context.Background(), l); err == nil {
			t.Errorf("AddSignInLink(%+v) = nil, want an error", l)
		}
	}
}
