package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConsoleUsageErrorsInFrench: with --lang fr, a line the grammar
// cannot read gets its usage error in French, and the usage example keeps
// today's dates; without --lang, in English.
func TestConsoleUsageErrorsInFrench(t *testing.T) {
	script := "/order ad 3\n/oder list\n/remind add\n"
	for _, tt := range []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"--lang", "fr"},
			[]string{
				"Je ne connais pas la commande /order ad — vouliez-vous dire /order add ?",
				"Utilisation : /order add|",
				"Je ne connais pas la commande /oder — vouliez-vous dire /order ?",
				"/remind add demande when.",
			},
			[]string{"Usage:", "I don't know", "{today"}},
		{nil,
			[]string{"I don't know the command /order ad — did you mean /order add?", "Usage: /order add|", "/remind add needs when."},
			[]string{"Utilisation", "{today"}},
	} {
		db := filepath.Join(t.TempDir(), "bot.db")
		args := append([]string{"console", "--db", db, "--user", "alice"}, tt.args...)
		out, errOut, err := runWith(t, args, nil, script)
		if err != nil {
			t.Fatalf("run %v: %v (stderr %s)", tt.args, err, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, out)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(out, n) {
				t.Errorf("%v: output has %q:\n%s", tt.args, n, out)
			}
		}
	}
}
