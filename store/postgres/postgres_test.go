package postgres_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/internal/pgtest"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store/postgres"
	"github.com/authorbot/authorbot/store/storetest"
)

// pg is the package's server, started by the first test that needs it.
var pg pgtest.Once

func TestMain(m *testing.M) { os.Exit(pg.Run(m)) }

// mustOpen opens url and closes it at the end of t.
func mustOpen(t testing.TB, url string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), url, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// suiteDB is the PostgreSQL store as the suite uses it.
type suiteDB struct{ *postgres.DB }

func (db suiteDB) Installs(key []byte) (storetest.Installs, error) { return db.SlackTokens(key) }

// TestSuite runs the behaviour every engine shares, the SQLite store's
// too, each test on a database of its own.
func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (storetest.Store, func() storetest.Store) {
		url := pg.Database(t)
		return suiteDB{mustOpen(t, url)}, func() storetest.Store { return suiteDB{mustOpen(t, url)} }
	})
}

// TestReplicasMigrateOnce opens one new database from several processes
// at once, as replicas starting together do: every one opens, and each
// step of the schema is applied once.
func TestReplicasMigrateOnce(t *testing.T) {
	url := pg.Database(t)
	const replicas = 5
	errs := make(chan error, replicas)
	for range replicas {
		go func() {
			db, err := postgres.Open(context.Background(), url, nil)
			if err == nil {
				db.Close()
			}
			errs <- err
		}()
	}
	for range replicas {
		if err := <-errs; err != nil {
			t.Errorf("a replica failed to open: %v", err)
		}
	}
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var steps, versions int
	err = conn.QueryRow(context.Background(), `SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&steps, &versions)
	if err != nil || steps != versions || steps < 2 {
		t.Errorf("schema_migrations: %d rows for %d versions, %v", steps, versions, err)
	}
}

// TestFirstSeenAcrossReplicas: of the replicas that get the same request
// id, one is told it is the first, and the id is new again once expired.
func TestFirstSeenAcrossReplicas(t *testing.T) {
	url := pg.Database(t)
	a, b := mustOpen(t, url), mustOpen(t, url)
	ctx := context.Background()
	results := make(chan bool, 20)
	for i := range 20 {
		db := a
		if i%2 == 1 {
			db = b
		}
		go func() {
			first, err := db.FirstSeen(ctx, "discord:123", time.Minute)
			if err != nil {
				t.Error(err)
			}
			results <- first
		}()
	}
	firsts := 0
	for range 20 {
		if <-results {
			firsts++
		}
	}
	if firsts != 1 {
		t.Errorf("%d deliveries told they were the first, want 1", firsts)
	}
	if first, _ := b.FirstSeen(ctx, "discord:456", 100*time.Millisecond); !first {
		t.Error("a new id was not first")
	}
	time.Sleep(200 * time.Millisecond)
	if first, _ := a.FirstSeen(ctx, "discord:456", time.Minute); !first {
		t.Error("an expired id is still seen")
	}
	if first, _ := a.FirstSeen(ctx, "discord:456", time.Minute); first {
		t.Error("seen twice as first")
	}
}

// TestPagesAfterListenerLoss: a replica whose connection for other
// replicas' changes is cut still shows, within seconds, an order another
// replica added meanwhile, whose notification it missed.
func TestPagesAfterListenerLoss(t *testing.T) {
	url := pg.Database(t)
	a, b := mustOpen(t, url), mustOpen(t, url)
	ctx := context.Background()
	order := ledger.Order{User: "u", Quantity: 1, Marketplace: "amazon.com", Title: "First"}
	if _, err := a.AddOrder(ctx, order); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		a.LatestOrders(ctx, "u", "", 25)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// Both replicas' listeners go; b's notification reaches no one.
	tag, err := conn.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND query LIKE 'LISTEN%'`)
	if err != nil || tag.RowsAffected() != 2 {
		t.Fatalf("terminated %d listeners, %v; want 2", tag.RowsAffected(), err)
	}
	order.Title = "Second"
	if _, err := b.AddOrder(ctx, order); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _, err := a.LatestOrders(ctx, "u", "", 25)
		if err == nil && len(list) == 2 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the listener was cut: %d orders, %v; want 2", len(list), err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestUserTablesCoverSchema: every table with a user_key column is one
// that /mydata export and forget cover, so that a migration adding such a
// table cannot leave it out.
func TestUserTablesCoverSchema(t *testing.T) {
	url := pg.Database(t)
	mustOpen(t, url)
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(context.Background(), `SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'user_key' ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, name := range postgres.UserTableNames() {
		covered[name] = true
	}
	for _, name := range tables {
		if !covered[name] {
			t.Errorf("table %s holds user data but is not in userTables", name)
		}
	}
	if len(tables) != len(covered) {
		t.Errorf("userTables %v, tables with user_key %v", postgres.UserTableNames(), tables)
	}
}

// TestSlackTokenSealed: the stored token is sealed, not the token, and a
// sealed token copied to another workspace's row does not open there.
func TestSlackTokenSealed(t *testing.T) {
	url := pg.Database(t)
	key := make([]byte, 32)
	tokens, err := mustOpen(t, url).SlackTokens(key)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const token = "xoxb-111-222-sealedtoken"
	if err := tokens.SaveToken(ctx, "T1", "U1", token); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var raw string
	if err := conn.QueryRow(ctx, `SELECT token FROM slack_tokens WHERE team = 'T1'`).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	if raw == token || !strings.HasPrefix(raw, "v1:") || strings.Contains(raw, "sealedtoken") {
		t.Errorf("stored token %q is not sealed", raw)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO slack_tokens (team, token, installed) VALUES ('T2', $1, now())`, raw); err != nil {
		t.Fatal(err)
	}
	if got, err := tokens.Token(ctx, "T2"); err == nil || got != "" {
		t.Errorf("T1's sealed token opened as T2's: %q, %v", got, err)
	}
}
