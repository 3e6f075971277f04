package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/kb"
)

// TestKBExportIsTheContent exports the knowledge base of a database with
// no overrides and compares every file with kb/content, byte for byte.
func TestKBExportIsTheContent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bot.db")
	dir := filepath.Join(t.TempDir(), "content")
	out, errOut, err := runWith(t, []string{"kb", "export", "--db", db, dir}, nil, "")
	if err != nil {
		t.Fatalf("run: %v (stderr %s)", err, errOut)
	}
	if !strings.Contains(out, "Wrote the knowledge base in effect (version 0) to "+dir) {
		t.Errorf("output: %s", out)
	}
	n := 0
	err = filepath.WalkDir(filepath.Join("kb", "content"), func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join("kb", "content"), name)
		want, _ := os.ReadFile(name)
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Errorf("%s not exported: %v", rel, err)
			return nil
		}
		if string(got) != string(want) {
			t.Errorf("%s: exported file differs from kb/content", rel)
		}
		n++
		return nil
	})
	if err != nil || n < 280 {
		t.Fatalf("compared %d files: %v", n, err)
	}
}

// TestKBImport is the transcript of a change made through kb import: a
// dry run that stores nothing, --apply, and the console answering from
// the change.
func TestKBImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bot.db")
	dir := filepath.Join(t.TempDir(), "content")
	if _, errOut, err := runWith(t, []string{"kb", "export", "--db", db, dir}, nil, ""); err != nil {
		t.Fatalf("export: %v (%s)", err, errOut)
	}
	replaceIn(t, filepath.Join(dir, "en", "cancel-order.md"),
		"title: How do I cancel an author copy order?", "title: How do I cancel an order of author copies?")
	replaceIn(t, filepath.Join(dir, "fr", "cancel-order.md"),
		"Cliquez sur « Annuler des articles ».", "Cliquez sur « Annuler des articles » en haut de la commande.")
	for _, lang := range kb.Languages() {
		os.Remove(filepath.Join(dir, lang, "curled-cover.md"))
	}

	dry, errOut, err := runWith(t, []string{"kb", "import", "--db", db, "--user", "alice", dir}, nil, "")
	if err != nil {
		t.Fatalf("dry run: %v (%s)", err, errOut)
	}
	t.Logf("transcript: authorbot kb import %s\n%s", dir, dry)
	want := dir + " would change 2 topics (dry run: nothing stored; run with --apply to store):\n" +
		"  edit  cancel-order (en: title; fr: body)\n" +
		"  hide  curled-cover\n"
	if dry != want {
		t.Errorf("dry run:\n%s\nwant:\n%s", dry, want)
	}
	applied, errOut, err := runWith(t, []string{"kb", "import", "--db", db, "--user", "alice", "--apply", dir}, nil, "")
	if err != nil {
		t.Fatalf("apply: %v (%s)", err, errOut)
	}
	t.Logf("transcript: authorbot kb import --apply %s\n%s", dir, applied)
	want = "Stored 2 changes from " + dir + ":\n" +
		"  edit  cancel-order (en: title; fr: body), version 1\n" +
		"  hide  curled-cover, version 2\n"
	if applied != want {
		t.Errorf("apply:\n%s\nwant:\n%s", applied, want)
	}
	again, _, err := runWith(t, []string{"kb", "import", "--db", db, "--apply", dir}, nil, "")
	if err != nil || !strings.Contains(again, "nothing to change") {
		t.Errorf("importing again: %q %v", again, err)
	}

	console, _, err := runWith(t, []string{"console", "--db", db}, nil, "/ask how do I cancel my order\n/help curled-cover\nexit\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(console, "How do I cancel an order of author copies?") {
		t.Errorf("the console does not answer from the import:\n%s", console)
	}
	if strings.Contains(console, "Why is my cover curled or wavy?") {
		t.Errorf("the hidden topic is still answered:\n%s", console)
	}

	// A directory the loader refuses: every problem, nothing stored.
	replaceIn(t, filepath.Join(dir, "de", "cart-empty.md"), "theme: cart", "theme: kitchen")
	replaceIn(t, filepath.Join(dir, "en", "cart-empty.md"), "verified: ", "verified: 20")
	_, _, err = runWith(t, []string{"kb", "import", "--db", db, "--apply", dir}, nil, "")
	if err == nil || !strings.Contains(err.Error(), "nothing was stored") ||
		!strings.Contains(err.Error(), `de/cart-empty.md: unknown theme "kitchen"`) || !strings.Contains(err.Error(), "en/cart-empty.md: verified") {
		t.Errorf("invalid import: %v", err)
	}
	t.Logf("transcript: authorbot kb import --apply (invalid)\n%v", err)
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
