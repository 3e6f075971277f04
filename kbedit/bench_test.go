package kbedit_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/authorbot/authorbot/kb"
)

// BenchmarkCurrent is what a request pays to find the knowledge base in
// effect: one atomic load.
func BenchmarkCurrent(b *testing.B) {
	e := newEditor(b, openDB(b, ":memory:"))
	b.ReportAllocs()
	for b.Loop() {
		if e.Current() == nil {
			b.Fatal("no knowledge base")
		}
	}
}

// BenchmarkSyncUnchanged is one poll of the version counter when nothing
// changed, on a database file as serve uses: what Run pays per tick, and
// what a per-request check would cost.
func BenchmarkSyncUnchanged(b *testing.B) {
	ctx := context.Background()
	e := newEditor(b, openDB(b, filepath.Join(b.TempDir(), "bot.db")))
	if _, err := e.EditField(ctx, "u", "cancel-order", "en", "title", "A title", true); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := e.Sync(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild is the rebuild after a change: the whole knowledge
// base loaded and validated with an override, and its search indexes
// built, as every process does once per change.
func BenchmarkRebuild(b *testing.B) {
	e := newEditor(b, openDB(b, ":memory:"))
	en, _, err := e.Topic("cancel-order", "en")
	if err != nil {
		b.Fatal(err)
	}
	c := *en
	c.Title = "A title"
	o := kb.Overlay{Files: map[string][]byte{"en/cancel-order.md": c.Markdown()}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kb.LoadOverlay(o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad is kb.Load, the start of every process, to compare
// BenchmarkRebuild with.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kb.Load(); err != nil {
			b.Fatal(err)
		}
	}
}
