package console

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

func TestExport(t *testing.T) {
	dir := t.TempDir()
	data := []byte(`{"orders":[{"title":"The Long Road"}]}`)
	reply := &bot.Reply{Title: "Your data", Blocks: []bot.Block{&bot.Text{Text: "Everything I store about you: 1 order."}},
		File: &bot.File{Name: "authorbot-data-2026-12-18.json", ContentType: "application/json", Data: data}}
	// A file of that name exists already: it must be kept as it is.
	first := filepath.Join(dir, "authorbot-data-2026-12-18.json")
	if err := os.WriteFile(first, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := &Adapter{ExportDir: dir,
		Serve: func(ctx context.Context, req *bot.Request) *bot.Reply { return reply }}
	_, out := session(t, a, "help\nhelp\n")

	for _, name := range []string{"authorbot-data-2026-12-18-2.json", "authorbot-data-2026-12-18-3.json"} {
		path := filepath.Join(dir, name)
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("export not written: %v", err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s holds %q, want %q", name, got, data)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if mode := info.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s has mode %v, want 0600", name, mode)
		}
		if !strings.Contains(out, "Saved the file to "+path+" (only your account can read it).") {
			t.Errorf("printed %q, want the path %s", out, path)
		}
	}
	if got, _ := os.ReadFile(first); string(got) != "keep me" {
		t.Errorf("the existing file was overwritten: %q", got)
	}
	if strings.Contains(out, "The Long Road") {
		t.Errorf("the file's content was printed: %q", out)
	}
	if !strings.Contains(out, "Everything I store about you: 1 order.") {
		t.Errorf("the reply's text is missing: %q", out)
	}
}

// TestExportName checks that the name a reply gives its file cannot lead
// the export out of its directory or into a hidden file.
func TestExportName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"authorbot-data-2026-12-18.json", "authorbot-data-2026-12-18.json"},
		{"../../.ssh/authorized_keys", "authorized_keys"},
		{`..\..\evil name.json`, "evilname.json"},
		{".hidden.json", "hidden.json"},
		{"", "authorbot-export"},
		{"données.json", "donnes.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			a := &Adapter{ExportDir: dir}
			path, err := a.writeFile(&bot.File{Name: tt.name, Data: []byte("{}")})
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(dir, tt.want); path != want {
				t.Errorf("written to %s, want %s", path, want)
			}
		})
	}
}

func TestExportFails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	reply := &bot.Reply{Lang: "fr", Blocks: []bot.Block{&bot.Text{Text: "Vos données"}},
		File: &bot.File{Name: "authorbot-data.json", Data: []byte(`{"secret":1}`)}}
	a := &Adapter{ExportDir: dir, Serve: func(ctx context.Context, req *bot.Request) *bot.Reply { return reply }}
	_, out := session(t, a, "help\n")
	if want := "Je n'ai pas pu enregistrer le fichier dans " + dir; !strings.Contains(out, want) {
		t.Errorf("printed %q, want %q", out, want)
	}
	if strings.Contains(out, "secret") {
		t.Errorf("the file's content was printed: %q", out)
	}
}
