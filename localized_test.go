package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConsoleLocalizedNames drives the console with commands typed in the
// names of other languages, with --lang set to one of the seven: each is
// run as its English form would be.
func TestConsoleLocalizedNames(t *testing.T) {
	script := strings.Join([]string{
		"/bestellung hinzufügen 2 amazon.de titel:Der lange Weg",
		"/pedido lista",
		"/commande voir numéro:1",
		"/ordine problema 1 smarrite",
		"/hilfe",
		"exit",
	}, "\n")
	db := filepath.Join(t.TempDir(), "bot.db")
	out, errOut, err := runWith(t, []string{"console", "--db", db, "--user", "alice", "--lang", "de"}, nil, script)
	if err != nil {
		t.Fatalf("run: %v (stderr %s)", err, errOut)
	}
	if strings.Contains(out, "I don't know the command") || strings.Contains(out, "Usage:") {
		t.Errorf("a localized command was refused:\n%s", out)
	}
	if n := strings.Count(out, "Der lange Weg"); n < 3 {
		t.Errorf("the order's title shows %d times, want it added, listed and shown:\n%s", n, out)
	}
	if !strings.Contains(out, "/order add") {
		t.Errorf("/hilfe did not list the commands:\n%s", out)
	}
}
