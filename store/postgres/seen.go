package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// purgeSeenEvery is how often the request ids past their expiry are
// deleted; a live check ignores them meanwhile.
const purgeSeenEvery = time.Minute

// FirstSeen records key as seen for ttl and reports whether it was new:
// of the replicas that receive the same request, at the same moment or
// minutes apart, exactly one is told it is the first (the insert and the
// check are one statement, and the primary key settles a race). An
// expired key counts as new. Expiry is the database's clock, so replicas'
// clocks need not agree.
func (db *DB) FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	var first bool
	err := db.pool.QueryRow(ctx, `INSERT INTO seen_requests (key, expires)
		VALUES ($1, now() + make_interval(secs => $2))
		ON CONFLICT (key) DO UPDATE SET expires = excluded.expires
			WHERE seen_requests.expires <= now()
		RETURNING true`, key, ttl.Seconds()).Scan(&first)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil // a live entry: seen
	}
	if err != nil {
		return false, fmt.Errorf("postgres: seen requests: %w", err)
	}
	return first, nil
}

// purgeSeenLoop deletes expired request ids every purgeSeenEvery until
// ctx ends. Every replica does: the deletes are idempotent.
func (db *DB) purgeSeenLoop(ctx context.Context) {
	t := time.NewTicker(purgeSeenEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := db.pool.Exec(ctx, `DELETE FROM seen_requests WHERE expires <= now()`); err != nil && ctx.Err() == nil {
			db.log.Warn("postgres: purge of seen requests failed", slog.Any("err", err))
		}
	}
}
