package kb

import (
	"bytes"
	"io/fs"
	"path"
	"testing"
)

// TestMarkdownRoundTrip writes every embedded entry back as a content
// file and compares it with the file it was read from, byte for byte.
func TestMarkdownRoundTrip(t *testing.T) {
	base := BaseFiles()
	n := 0
	err := fs.WalkDir(base, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".md" {
			return err
		}
		data, err := fs.ReadFile(base, name)
		if err != nil {
			return err
		}
		e, err := ParseEntry(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return nil
		}
		if got := e.Markdown(); !bytes.Equal(got, data) {
			t.Errorf("%s: written back differs:\n got: %q\nwant: %q", name, firstDiff(got, data), firstDiff(data, got))
		}
		if e.Path() != name {
			t.Errorf("Path() = %q, want %q", e.Path(), name)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Fatalf("only %d entries read", n)
	}
}

// firstDiff is a from the first byte where it differs from b, for a short
// message.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-20)
	end := min(len(a), i+40)
	return string(a[start:end])
}

// TestMarkdownQuoting checks the values that YAML would misread unquoted
// read back as written.
func TestMarkdownQuoting(t *testing.T) {
	e := &Entry{
		ID: "x", Lang: "en", Title: "Yes: no", Theme: "cost",
		Aliases:  []string{"true", "123", "- dash", `say "hi"`, "a # b"},
		Sources:  []string{`KDP "Help" \ page`},
		Verified: "2025-01-02", Caveat: "", Body: "Body.",
	}
	got, err := ParseEntry(e.Markdown())
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != e.Title || len(got.Aliases) != len(e.Aliases) || got.Sources[0] != e.Sources[0] {
		t.Fatalf("read back %+v\nfrom %s", got, e.Markdown())
	}
	for i := range e.Aliases {
		if got.Aliases[i] != e.Aliases[i] {
			t.Errorf("alias %d = %q, want %q", i, got.Aliases[i], e.Aliases[i])
		}
	}
}
