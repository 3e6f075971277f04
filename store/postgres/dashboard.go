package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/store"
)

// The dashboard's sign-in links and sessions (migration 0004), the same
// values as SQLite's store keeps: a link made by "authorbot admin link"
// opens on any replica.

// AddSignInLink stores a new sign-in link, deleting in the same
// transaction the links and sessions that expired before l.Created.
func (db *DB) AddSignInLink(ctx context.Context, l store.SignInLink) error {
	if len(l.Hash) != 64 || l.Moderator == "" {
		return errors.New("postgres: sign-in link: a 64-digit hash and a moderator are required")
	}
	return db.write(ctx, func(tx pgx.Tx) error {
		if err := purgeSignIns(ctx, tx, l.Created); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO sign_in_links (hash, moderator, name, created, expires)
			VALUES ($1, $2, $3, $4, $5)`, l.Hash, l.Moderator, l.Name, second(l.Created), second(l.Expires))
		if err != nil {
			return fmt.Errorf("postgres: sign-in link: %w", err)
		}
		return nil
	})
}

// SignInLink returns the link whose token hashes to hash, without using
// it; ok is false when there is none.
func (db *DB) SignInLink(ctx context.Context, hash string) (store.SignInLink, bool, error) {
	return readSignInLink(ctx, db.pool, hash, "")
}

// UseSignInLink marks the link whose token hashes to hash as used at now,
// and returns it as it was before: a link whose Used is not zero had been
// used already. The row is read FOR UPDATE, so of two replicas using the
// same link at once one alone sees it unused.
func (db *DB) UseSignInLink(ctx context.Context, hash string, now time.Time) (l store.SignInLink, ok bool, err error) {
	err = db.write(ctx, func(tx pgx.Tx) error {
		l, ok, err = readSignInLink(ctx, tx, hash, " FOR UPDATE")
		if err != nil || !ok || !l.Used.IsZero() {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE sign_in_links SET used = $1 WHERE hash = $2`, second(now), hash); err != nil {
			return fmt.Errorf("postgres: use sign-in link: %w", err)
		}
		return nil
	})
	return l, ok, err
}

func readSignInLink(ctx context.Context, q querier, hash, lock string) (store.SignInLink, bool, error) {
	var l store.SignInLink
	var used *time.Time
	err := q.QueryRow(ctx, `SELECT hash, moderator, name, created, expires, used
		FROM sign_in_links WHERE hash = $1`+lock, hash).Scan(&l.Hash, &l.Moderator, &l.Name, &l.Created, &l.Expires, &used)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.SignInLink{}, false, nil
	}
	if err != nil {
		return store.SignInLink{}, false, fmt.Errorf("postgres: sign-in link: %w", err)
	}
	l.Created, l.Expires = l.Created.UTC(), l.Expires.UTC()
	if used != nil {
		l.Used = used.UTC()
	}
	return l, true, nil
}

// AddDashboardSession stores a new session, deleting the links and
// sessions that expired before s.Created as AddSignInLink does.
func (db *DB) AddDashboardSession(ctx context.Context, s store.DashboardSession) error {
	if len(s.Hash) != 64 || s.Moderator == "" {
		return errors.New("postgres: dashboard session: a 64-digit hash and a moderator are required")
	}
	return db.write(ctx, func(tx pgx.Tx) error {
		if err := purgeSignIns(ctx, tx, s.Created); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO dashboard_sessions (hash, moderator, name, created, expires)
			VALUES ($1, $2, $3, $4, $5)`, s.Hash, s.Moderator, s.Name, second(s.Created), second(s.Expires))
		if err != nil {
			return fmt.Errorf("postgres: dashboard session: %w", err)
		}
		return nil
	})
}

// DashboardSession returns the session whose token hashes to hash; ok is
// false when there is none. Whether it has expired is the caller's to
// tell, by its clock.
func (db *DB) DashboardSession(ctx context.Context, hash string) (s store.DashboardSession, ok bool, err error) {
	err = db.pool.QueryRow(ctx, `SELECT hash, moderator, name, created, expires
		FROM dashboard_sessions WHERE hash = $1`, hash).Scan(&s.Hash, &s.Moderator, &s.Name, &s.Created, &s.Expires)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.DashboardSession{}, false, nil
	}
	if err != nil {
		return store.DashboardSession{}, false, fmt.Errorf("postgres: dashboard session: %w", err)
	}
	s.Created, s.Expires = s.Created.UTC(), s.Expires.UTC()
	return s, true, nil
}

// EndDashboardSession deletes the session whose token hashes to hash;
// there being none is no error.
func (db *DB) EndDashboardSession(ctx context.Context, hash string) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM dashboard_sessions WHERE hash = $1`, hash); err != nil {
		return fmt.Errorf("postgres: end dashboard session: %w", err)
	}
	return nil
}

// purgeSignIns deletes the links and sessions that expired before now.
func purgeSignIns(ctx context.Context, tx pgx.Tx, now time.Time) error {
	for _, q := range []string{`DELETE FROM sign_in_links WHERE expires < $1`, `DELETE FROM dashboard_sessions WHERE expires < $1`} {
		if _, err := tx.Exec(ctx, q, second(now)); err != nil {
			return fmt.Errorf("postgres: purge sign-ins: %w", err)
		}
	}
	return nil
}
