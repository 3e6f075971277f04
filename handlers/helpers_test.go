package handlers

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"

	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

// loadKB loads the knowledge base once for the whole package: it is
// read-only once loaded, and loading it takes about 0.2 s under -race,
// which the fifty-odd tests that each loaded their own added up to most
// of the package's time.
var loadKB = sync.OnceValues(kb.Load)

// testKB returns the knowledge base, shared by every test.
func testKB(t testing.TB) *kb.KB {
	t.Helper()
	k, err := loadKB()
	if err != nil {
		t.Fatalf("kb.Load: %v", err)
	}
	return k
}

// loadWords loads the message catalog once for the package's tests.
var loadWords = sync.OnceValues(i18n.Load)

// testWords is the catalog, shared by every test: loading it takes
// about 5 ms.
func testWords(t testing.TB) *i18n.Catalog {
	t.Helper()
	c, err := loadWords()
	if err != nil {
		t.Fatalf("i18n.Load: %v", err)
	}
	return c
}

// words writes the catalog's messages in lang, for tests of the helpers
// that take a printer.
func words(t testing.TB, lang string) *i18n.Printer {
	t.Helper()
	return testWords(t).Printer(lang)
}

// testDB opens a real SQLite file of the test's own.
func testDB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "authorbot.db"), nil)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testRouter is a router over db's ledger, votes and reminders.
func testRouter(t testing.TB, db *store.DB, opts ...Option) *Router {
	t.Helper()
	return New(slog.New(slog.DiscardHandler), testKB(t), ledger.NewService(db), db, append([]Option{WithCatalog(testWords(t))}, opts...)...)
}

// ordersOnly is a ledger that keeps no reminders: it has the Ledger's
// methods and none of Reminders'.
type ordersOnly struct{ Ledger }

// routerWithoutReminders is a router over a ledger that keeps no
// reminders.
func routerWithoutReminders(t testing.TB, db *store.DB, opts ...Option) *Router {
	t.Helper()
	return New(slog.New(slog.DiscardHandler), testKB(t), ordersOnly{ledger.NewService(db)}, db, append([]Option{WithCatalog(testWords(t))}, opts...)...)
}
