package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"
)

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }

func mustSlackTokens(t *testing.T, db *DB, key []byte) *SlackTokens {
	t.Helper()
	s, err := db.SlackTokens(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSlackTokensSealed stores a workspace's token and reads it back,
// and finds neither it nor its base64 in the database file's row.
func TestSlackTokensSealed(t *testing.T) {
	ctx := context.Background()
	db, path := mustOpen(t)
	s := mustSlackTokens(t, db, testKey(1))
	const token = "xoxb-111-222-sealedtoken"
	if err := s.SaveToken(ctx, "T1", "U0BOT", token); err != nil {
		t.Fatal(err)
	}
	got, err := s.Token(ctx, "T1")
	if err != nil || got != token {
		t.Fatalf("Token(T1) = %q, %v; want the saved token", got, err)
	}
	if got, err := s.Token(ctx, "T2"); err != nil || got != "" {
		t.Errorf("Token(T2) = %q, %v; want none", got, err)
	}
	var raw, botUser string
	if err := db.r.QueryRowContext(ctx, `SELECT token, bot_user FROM slack_tokens WHERE team = 'T1'`).Scan(&raw, &botUser); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(raw, "v1:") || strings.Contains(raw, "sealedtoken") || strings.Contains(raw, base64.StdEncoding.EncodeToString([]byte(token))[:16]) {
		t.Errorf("stored token %q is not sealed", raw)
	}
	if botUser != "U0BOT" {
		t.Errorf("bot_user = %q", botUser)
	}
	db.Close()

	// The same key opens it after a restart; another key does not, and
	// says so without the token.
	db2, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if got, err := mustSlackTokens(t, db2, testKey(1)).Token(ctx, "T1"); err != nil || got != token {
		t.Errorf("after reopening: %q, %v", got, err)
	}
	got, err = mustSlackTokens(t, db2, testKey(2)).Token(ctx, "T1")
	if err == nil || got != "" || !strings.Contains(err.Error(), "AUTHORBOT_SECRET_KEY") || strings.Contains(err.Error(), token) {
		t.Errorf("with another key: %q, %v; want an error naming the key, without the token", got, err)
	}
}

// TestSlackTokenBoundToTeam copies one workspace's sealed token into
// another's row: it must not open there.
func TestSlackTokenBoundToTeam(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	s := mustSlackTokens(t, db, testKey(1))
	if err := s.SaveToken(ctx, "T1", "U1", "xoxb-one"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveToken(ctx, "T2", "U2", "xoxb-two"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `UPDATE slack_tokens SET token = (SELECT token FROM slack_tokens WHERE team = 'T1') WHERE team = 'T2'`); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Token(ctx, "T2"); err == nil {
		t.Errorf("T1's sealed token opened as T2's: %q", got)
	}
}

func TestSlackTokenReplacedAndDeleted(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	s := mustSlackTokens(t, db, testKey(1))
	for _, tok := range []string{"xoxb-old", "xoxb-new"} {
		if err := s.SaveToken(ctx, "T1", "U1", tok); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := s.Token(ctx, "T1"); got != "xoxb-new" {
		t.Errorf("after installing again: %q, want the new token", got)
	}
	if err := s.DeleteToken(ctx, "T1"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Token(ctx, "T1"); got != "" || err != nil {
		t.Errorf("after delete: %q, %v", got, err)
	}
	if err := s.DeleteToken(ctx, "T-never"); err != nil {
		t.Errorf("deleting a team without a token: %v", err)
	}
}

// TestInstallStates takes a state once, refuses it the second time and
// once it has expired, and keeps only its hash.
func TestInstallStates(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	db.now = func() time.Time { return now }
	s := mustSlackTokens(t, db, testKey(1))
	for _, st := range []string{"state-a", "state-b"} {
		if err := s.SaveState(ctx, st, now.Add(10*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	db.r.QueryRowContext(ctx, `SELECT count(*) FROM slack_install_states WHERE state LIKE '%state-%'`).Scan(&n)
	if n != 0 {
		t.Errorf("%d states kept as they are, want only hashes", n)
	}
	take := func(st string) bool {
		t.Helper()
		ok, err := s.TakeState(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !take("state-a") {
		t.Error("a fresh state was refused")
	}
	if take("state-a") {
		t.Error("a state was taken twice")
	}
	if take("state-never") {
		t.Error("an unknown state was taken")
	}
	now = now.Add(10 * time.Minute)
	if take("state-b") {
		t.Error("an expired state was taken")
	}
	// Saving another state drops the expired ones.
	if err := s.SaveState(ctx, "state-c", now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	db.r.QueryRowContext(ctx, `SELECT count(*) FROM slack_install_states`).Scan(&n)
	if n != 1 {
		t.Errorf("%d states kept, want the fresh one alone", n)
	}
}

func TestInstallStatesBounded(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	db.now = func() time.Time { return now }
	s := mustSlackTokens(t, db, testKey(1))
	s.maxStates = 3
	for i := range 3 {
		if err := s.SaveState(ctx, fmt.Sprint("state-", i), now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveState(ctx, "state-3", now.Add(time.Minute)); err == nil {
		t.Error("a fourth install under way was taken, past the bound of 3")
	}
	now = now.Add(time.Minute) // the three expire
	if err := s.SaveState(ctx, "state-4", now.Add(time.Minute)); err != nil {
		t.Errorf("once the others expired: %v", err)
	}
}

func TestSlackTokensKeySize(t *testing.T) {
	db, _ := mustOpen(t)
	if _, err := db.SlackTokens(make([]byte, 16)); err == nil {
		t.Error("a 16-byte key was taken")
	}
}

// BenchmarkSlackToken measures reading and opening a workspace's token,
// which every Web API call for the workspace does (a locale the adapter
// has not cached, a direct message, a file).
func BenchmarkSlackToken(b *testing.B) {
	ctx := context.Background()
	db, _ := mustOpen(b)
	s, err := db.SlackTokens(testKey(1))
	if err != nil {
		b.Fatal(err)
	}
	if err := s.SaveToken(ctx, "T1", "U1", "xoxb-111-222-benchmarktoken"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if tok, err := s.Token(ctx, "T1"); err != nil || tok == "" {
			b.Fatal(tok, err)
		}
	}
}
