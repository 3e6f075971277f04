package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/authorbot/authorbot/store"
	"github.com/authorbot/authorbot/store/storetest"
)

// suiteDB is the SQLite store as the suite uses it.
type suiteDB struct{ *store.DB }

func (db suiteDB) Installs(key []byte) (storetest.Installs, error) { return db.SlackTokens(key) }

// TestSuite runs the behaviour every engine shares on SQLite files; the
// PostgreSQL store runs the same suite.
func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (storetest.Store, func() storetest.Store) {
		path := filepath.Join(t.TempDir(), "authorbot.db")
		open := func() storetest.Store {
			db, err := store.Open(context.Background(), path, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return suiteDB{db}
		}
		return open(), open
	})
}
