package postgres

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// Changes made by one replica reach the others' caches through
// PostgreSQL's LISTEN/NOTIFY: a transaction that changes what a cache
// holds calls notify, which PostgreSQL delivers to every listener when
// the transaction commits (and never if it rolls back), and each replica
// listens on one connection of its own. While that connection is down,
// notifications may be missed: every cache is told (lost) and keeps
// nothing until the listener is back.
//
// A cache of another table adds its channel to channels, and calls
// notify in the transactions that change the table. The knowledge-base
// overrides and the learned examples need none: each replica checks
// their version counter (one row read by its key) before using them, as
// on SQLite, which a change updates in its own transaction.

// channel is what one cache does with its notifications.
type channel struct {
	name string
	// changed is told the payload of each notification.
	changed func(payload string)
	// live is told false when notifications may have been missed, true
	// once they are delivered again.
	live func(bool)
}

// channels lists every channel a replica listens on.
func (db *DB) channels() []channel {
	return []channel{
		{name: ordersChannel, changed: db.cache.drop, live: db.cache.setLive},
	}
}

// notify sends payload on channel when tx commits.
func notify(ctx context.Context, tx pgx.Tx, channel, payload string) error {
	_, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channel, payload)
	return err
}

// listen keeps a connection listening on every channel until ctx ends,
// connecting again after a pause when it is lost.
func (db *DB) listen(ctx context.Context) {
	const pause = time.Second
	chans := db.channels()
	for ctx.Err() == nil {
		err := db.listenOnce(ctx, chans)
		for _, c := range chans {
			c.live(false)
		}
		if ctx.Err() != nil {
			return
		}
		db.log.Warn("postgres: lost the connection that hears other replicas' changes; caches are off meanwhile",
			slog.Any("err", err))
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
	}
}

// listenOnce listens on one connection until it fails.
func (db *DB) listenOnce(ctx context.Context, chans []channel) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// The connection is the listener's for good: it leaves the pool.
	c := conn.Hijack()
	defer c.Close(context.WithoutCancel(ctx))
	byName := map[string]channel{}
	for _, ch := range chans {
		// The names are constants of this package, never input.
		if _, err := c.Exec(ctx, `LISTEN `+ch.name); err != nil {
			return err
		}
		byName[ch.name] = ch
	}
	for _, ch := range chans {
		ch.live(true)
	}
	for {
		n, err := c.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if ch, ok := byName[n.Channel]; ok {
			ch.changed(n.Payload)
		}
	}
}
