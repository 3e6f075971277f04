package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/moderation"
	"github.com/authorbot/authorbot/store"
)

// Moderated is what the suite uses of a store's moderators' features:
// workspace tokens, dashboard sign-ins, knowledge-base overrides, gaps,
// handoffs, examples and digests.
type Moderated interface {
	// Installs returns the Slack workspaces' tokens sealed with key.
	Installs(key []byte) (Installs, error)

	AddSignInLink(ctx context.Context, l store.SignInLink) error
	SignInLink(ctx context.Context, hash string) (store.SignInLink, bool, error)
	UseSignInLink(ctx context.Context, hash string, now time.Time) (store.SignInLink, bool, error)
	AddDashboardSession(ctx context.Context, s store.DashboardSession) error
	DashboardSession(ctx context.Context, hash string) (store.DashboardSession, bool, error)
	EndDashboardSession(ctx context.Context, hash string) error

	kbedit.Store

	AddGap(ctx context.Context, g moderation.Gap) (moderation.Gap, error)
	Gaps(ctx context.Context, since time.Time) ([]moderation.Gap, error)
	PurgeGaps(ctx context.Context, before time.Time, limit int) (int, error)
	AddHandoff(ctx context.Context, h moderation.Handoff) (moderation.Handoff, error)
	Handoff(ctx context.Context, id int64) (moderation.Handoff, error)
	OpenHandoffs(ctx context.Context) ([]moderation.Handoff, error)
	CloseHandoff(ctx context.Context, id int64, status, by, answer string) (moderation.Handoff, error)
	Learn(ctx context.Context, e moderation.Example) (moderation.Example, error)
	Unlearn(ctx context.Context, id int64) (moderation.Example, error)
	Examples(ctx context.Context) (int64, []moderation.Example, error)
	ExamplesVersion(ctx context.Context) (int64, error)
	moderation.DigestStore
}

// Installs is the Slack adapter's store of workspace tokens.
type Installs interface {
	Token(ctx context.Context, team string) (string, error)
	SaveToken(ctx context.Context, team, botUser, token string) error
	DeleteToken(ctx context.Context, team string) error
	SaveState(ctx context.Context, state string, expires time.Time) error
	TakeState(ctx context.Context, state string) (bool, error)
}

func key(b byte) []byte {
	k := make([]byte, 32)
	for i := range k {
		k[i] = b
	}
	return k
}

// testSlackTokens: a token saved by one process opens in another with
// the same key, not with another key, and belongs to its team alone.
func testSlackTokens(t *testing.T, open Opener) {
	a, reopen := open(t)
	b := reopen()
	ta, err := a.Installs(key(1))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.SaveToken(ctx, "T1", "U1", "xoxb-1"); err != nil {
		t.Fatal(err)
	}
	tb, _ := b.Installs(key(1))
	if got, err := tb.Token(ctx, "T1"); err != nil || got != "xoxb-1" {
		t.Errorf("Token(T1) from another process = %q, %v; want xoxb-1", got, err)
	}
	if got, err := tb.Token(ctx, "T2"); err != nil || got != "" {
		t.Errorf("Token(T2) = %q, %v; want none", got, err)
	}
	other, _ := b.Installs(key(2))
	if got, err := other.Token(ctx, "T1"); err == nil || got != "" {
		t.Errorf("Token(T1) with another key = %q, %v; want an error", got, err)
	}
	if err := tb.DeleteToken(ctx, "T1"); err != nil {
		t.Fatal(err)
	}
	if got, err := ta.Token(ctx, "T1"); err != nil || got != "" {
		t.Errorf("Token(T1) after delete = %q, %v", got, err)
	}
}

// testInstallStates: a state is good once, in whichever process, and not
// after it expired.
func testInstallStates(t *testing.T, open Opener) {
	a, reopen := open(t)
	ta, _ := a.Installs(key(1))
	tb, _ := reopen().Installs(key(1))
	if err := ta.SaveState(ctx, "s1", time.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := ta.SaveState(ctx, "old", time.Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false} {
		if ok, err := tb.TakeState(ctx, "s1"); err != nil || ok != want {
			t.Errorf("TakeState #%d = %v, %v; want %v", i+1, ok, err, want)
		}
	}
	if ok, err := tb.TakeState(ctx, "old"); err != nil || ok {
		t.Errorf("TakeState(expired) = %v, %v; want false", ok, err)
	}
	if ok, _ := tb.TakeState(ctx, "never"); ok {
		t.Error("TakeState of a state never saved = true")
	}
}

func hash(c byte) string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return string(b)
}

// testSignInLinks: a link works once across processes, links that
// expired are purged, and a session lives until it is ended.
func testSignInLinks(t *testing.T, open Opener) {
	a, reopen := open(t)
	b := reopen()
	now := time.Now().UTC().Truncate(time.Second)
	l := store.SignInLink{Hash: hash('a'), Moderator: "slack:T1:U1", Name: "Ann", Created: now, Expires: now.Add(15 * time.Minute)}
	if err := a.AddSignInLink(ctx, l); err != nil {
		t.Fatal(err)
	}
	first, ok, err := b.UseSignInLink(ctx, l.Hash, now.Add(time.Minute))
	if err != nil || !ok || !first.Used.IsZero() || first.Moderator != l.Moderator || !first.Expires.Equal(l.Expires) {
		t.Fatalf("first use = %+v, %v, %v; want the unused link", first, ok, err)
	}
	again, ok, err := a.UseSignInLink(ctx, l.Hash, now.Add(2*time.Minute))
	if err != nil || !ok || !again.Used.Equal(now.Add(time.Minute)) {
		t.Errorf("second use = %+v, %v, %v; want it used at the first", again, ok, err)
	}
	if kept, _, _ := b.SignInLink(ctx, l.Hash); !kept.Used.Equal(now.Add(time.Minute)) {
		t.Errorf("after a second use the link says used %v, want the first use's time", kept.Used)
	}
	// A link made after the first expired purges it.
	later := store.SignInLink{Hash: hash('b'), Moderator: "slack:T1:U1", Created: now.Add(time.Hour), Expires: now.Add(time.Hour + time.Minute)}
	if err := b.AddSignInLink(ctx, later); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := a.SignInLink(ctx, l.Hash); err != nil || ok {
		t.Errorf("expired link still there: %v, %v", ok, err)
	}
	s := store.DashboardSession{Hash: hash('c'), Moderator: "slack:T1:U1", Name: "Ann", Created: now.Add(time.Hour), Expires: now.Add(2 * time.Hour)}
	if err := a.AddDashboardSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := b.DashboardSession(ctx, s.Hash); err != nil || !ok || got != s {
		t.Errorf("session = %+v, %v, %v; want %+v", got, ok, err, s)
	}
	if err := b.EndDashboardSession(ctx, s.Hash); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := a.DashboardSession(ctx, s.Hash); ok {
		t.Error("session still there after it ended")
	}
}

// testKBOverrides: changes get versions in order, a change over a stale
// parent is a Conflict that stores nothing, and another process sees the
// latest override.
func testKBOverrides(t *testing.T, open Opener) {
	a, reopen := open(t)
	b := reopen()
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	edit := kbedit.Change{Topic: "pricing", Action: kbedit.Edit, By: "slack:T1:U1", At: at,
		Files: map[string]string{"en": "# Pricing\nNew words."}}
	got, err := a.AddKBChanges(ctx, []kbedit.Change{edit})
	if err != nil || len(got) != 1 || got[0].Version != 1 {
		t.Fatalf("first change = %+v, %v; want version 1", got, err)
	}
	stale := edit
	stale.Files = map[string]string{"en": "# Pricing\nOther words."}
	_, err = b.AddKBChanges(ctx, []kbedit.Change{stale})
	var conflict kbedit.Conflict
	if !errors.As(err, &conflict) || conflict.Latest != 1 {
		t.Fatalf("change over a stale parent: %v; want a Conflict at 1", err)
	}
	next := edit
	next.Parent, next.Files = 1, map[string]string{"en": "# Pricing\nThird words.", "fr": "# Prix"}
	hide := kbedit.Change{Topic: "isbn", Action: kbedit.Hide, By: "cli:op", At: at, Hidden: true, Files: map[string]string{}}
	if _, err := b.AddKBChanges(ctx, []kbedit.Change{next, hide}); err != nil {
		t.Fatal(err)
	}
	if v, err := a.KBVersion(ctx); err != nil || v != 3 {
		t.Errorf("KBVersion = %d, %v; want 3", v, err)
	}
	list, v, err := a.KBOverrides(ctx)
	if err != nil || v != 3 || len(list) != 2 {
		t.Fatalf("KBOverrides = %d changes at %d, %v; want 2 at 3", len(list), v, err)
	}
	if list[0].Topic != "pricing" || list[0].Version != 2 || list[0].Files["fr"] != "# Prix" || !list[0].At.Equal(at) {
		t.Errorf("pricing override = %+v", list[0])
	}
	if !list[1].Hidden || list[1].Topic != "isbn" {
		t.Errorf("isbn override = %+v", list[1])
	}
	hist, err := b.KBHistory(ctx, "pricing")
	if err != nil || len(hist) != 2 || hist[0].Version != 2 || hist[1].Files["en"] != edit.Files["en"] {
		t.Errorf("KBHistory = %+v, %v", hist, err)
	}
}

// testGapPurge: purging removes the gaps before the time, a batch at a
// time, and keeps the later ones.
func testGapPurge(t *testing.T, open Opener) {
	db, _ := open(t)
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for i, age := range []int{100, 95, 10} {
		g := moderation.Gap{User: "console:u", Kind: "declined", Question: "q", Lang: "en", Platform: "console",
			Created: now.AddDate(0, 0, -age), Guesses: []moderation.Guess{{Topic: "isbn", Score: 0.2}}}
		if g, err := db.AddGap(ctx, g); err != nil || g.ID == 0 {
			t.Fatalf("AddGap #%d = %+v, %v", i, g, err)
		}
	}
	cut := now.AddDate(0, 0, -90)
	if n, err := db.PurgeGaps(ctx, cut, 1); err != nil || n != 1 {
		t.Errorf("PurgeGaps batch of 1 = %d, %v", n, err)
	}
	if n, err := db.PurgeGaps(ctx, cut, 10); err != nil || n != 1 {
		t.Errorf("PurgeGaps rest = %d, %v", n, err)
	}
	gaps, err := db.Gaps(ctx, time.Time{})
	if err != nil || len(gaps) != 1 || !gaps[0].Created.Equal(now.AddDate(0, 0, -10)) || gaps[0].Guesses[0].Topic != "isbn" {
		t.Errorf("Gaps after purge = %+v, %v", gaps, err)
	}
}

// testHandoffOnce: of two processes closing the same handoff at once,
// one closes it and the other is told it is closed.
func testHandoffOnce(t *testing.T, open Opener) {
	a, reopen := open(t)
	b := reopen()
	h, err := a.AddHandoff(ctx, moderation.Handoff{User: "slack:T1:U9", Platform: "slack", UserID: "U9", Question: "bleed?", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, db := range []Store{a, b} {
		wg.Go(func() {
			_, errs[i] = db.CloseHandoff(ctx, h.ID, moderation.Answered, "U"+string(rune('1'+i)), "Yes.")
		})
	}
	wg.Wait()
	closed := 0
	for _, err := range errs {
		var c *moderation.Closed
		switch {
		case err == nil:
			closed++
		case errors.As(err, &c):
			if c.Status != moderation.Answered {
				t.Errorf("Closed = %+v", c)
			}
		default:
			t.Errorf("CloseHandoff: %v", err)
		}
	}
	if closed != 1 {
		t.Errorf("%d closes succeeded, want 1", closed)
	}
	got, err := b.Handoff(ctx, h.ID)
	if err != nil || got.Status != moderation.Answered || got.Answer != "Yes." || got.Closed.IsZero() {
		t.Errorf("Handoff = %+v, %v", got, err)
	}
	if open, err := a.OpenHandoffs(ctx); err != nil || len(open) != 0 {
		t.Errorf("OpenHandoffs = %+v, %v", open, err)
	}
	if _, err := a.CloseHandoff(ctx, 999, moderation.Resolved, "U1", ""); !errors.Is(err, moderation.ErrNotFound) {
		t.Errorf("closing a missing handoff: %v", err)
	}
}

// testDigestOnce: of processes claiming one week's digest at once, one
// gets it; once sent, no claim holds again.
func testDigestOnce(t *testing.T, open Opener) {
	a, reopen := open(t)
	dbs := []Store{a, reopen(), reopen()}
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	claims := make([]string, len(dbs))
	oks := make([]bool, len(dbs))
	for i, db := range dbs {
		wg.Go(func() {
			var err error
			claims[i], oks[i], err = db.ClaimDigest(ctx, "2026-W50", now, time.Minute)
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	winner := -1
	for i, ok := range oks {
		if ok {
			if winner >= 0 {
				t.Fatalf("processes %d and %d both claimed the digest", winner, i)
			}
			winner = i
		}
	}
	if winner < 0 {
		t.Fatal("no process claimed the digest")
	}
	loser := dbs[(winner+1)%len(dbs)]
	if ok, err := loser.MarkDigestSent(ctx, "2026-W50", claims[(winner+1)%len(dbs)], now); err != nil || ok {
		t.Errorf("MarkDigestSent without the claim = %v, %v", ok, err)
	}
	if ok, err := dbs[winner].MarkDigestSent(ctx, "2026-W50", claims[winner], now); err != nil || !ok {
		t.Errorf("MarkDigestSent = %v, %v", ok, err)
	}
	if _, ok, err := loser.ClaimDigest(ctx, "2026-W50", now.Add(time.Hour), time.Minute); err != nil || ok {
		t.Errorf("claim of a sent digest = %v, %v", ok, err)
	}
	// A released claim can be taken again at once.
	c, ok, _ := loser.ClaimDigest(ctx, "2026-W51", now, time.Minute)
	if !ok {
		t.Fatal("claim of a new week refused")
	}
	if err := loser.ReleaseDigest(ctx, "2026-W51", c); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := dbs[winner].ClaimDigest(ctx, "2026-W51", now, time.Minute); !ok {
		t.Error("claim after a release refused")
	}
}

// testExamplesVersion: learning and unlearning an example move the
// version that other processes check.
func testExamplesVersion(t *testing.T, open Opener) {
	a, reopen := open(t)
	b := reopen()
	v0, err := b.ExamplesVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	e, err := a.Learn(ctx, moderation.Example{User: "slack:T1:U9", Question: "how thick is the spine", Lang: "en", Topic: "spine", AddedBy: "U1"})
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := b.ExamplesVersion(ctx)
	if v1 == v0 {
		t.Errorf("version %d did not move on Learn", v1)
	}
	v, exs, err := b.Examples(ctx)
	if err != nil || v != v1 || len(exs) != 1 || exs[0].Topic != "spine" || exs[0].ID != e.ID {
		t.Errorf("Examples = %d, %+v, %v", v, exs, err)
	}
	if _, err := b.Unlearn(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if v2, _ := a.ExamplesVersion(ctx); v2 == v1 {
		t.Errorf("version %d did not move on Unlearn", v2)
	}
	if _, err := a.Unlearn(ctx, e.ID); !errors.Is(err, moderation.ErrNotFound) {
		t.Errorf("second Unlearn: %v", err)
	}
}
