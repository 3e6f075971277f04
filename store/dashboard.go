package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SignInLink is a one-time link to the moderators' dashboard, as stored:
// the hash of its token, never the token.
type SignInLink struct {
	Hash      string // hex SHA-256 of the token
	Moderator string // the identity it signs in (bot.User.Key())
	Name      string // how the dashboard names the moderator
	Created   time.Time
	Expires   time.Time
	Used      time.Time // zero until the link is used
}

// DashboardSession is a signed-in moderator's session, as stored: the
// hash of its cookie's token.
type DashboardSession struct {
	Hash      string
	Moderator string
	Name      string
	Created   time.Time
	Expires   time.Time
}

// AddSignInLink stores a new sign-in link. Links and sessions that
// expired before l.Created are deleted in the same transaction: nothing
// else needs them, and the table stays as small as the links in use.
func (db *DB) AddSignInLink(ctx context.Context, l SignInLink) error {
	if len(l.Hash) != 64 || l.Moderator == "" {
		return errors.New("store: sign-in link: a 64-digit hash and a moderator are required")
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		if err := purgeSignIns(ctx, tx, l.Created); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sign_in_links (hash, moderator, name, created, expires)
			VALUES (?, ?, ?, ?, ?)`, l.Hash, l.Moderator, l.Name, formatStamp(l.Created), formatStamp(l.Expires))
		if err != nil {
			return fmt.Errorf("store: sign-in link: %w", err)
		}
		return nil
	})
}

// SignInLink returns the link whose token hashes to hash, without using
// it; ok is false when there is none.
func (db *DB) SignInLink(ctx context.Context, hash string) (l SignInLink, ok bool, err error) {
	return readSignInLink(ctx, db.r, hash)
}

// UseSignInLink marks the link whose token hashes to hash as used at now,
// and returns it as it was before: a link whose Used is not zero had been
// used already. One transaction reads and marks it, so of two processes
// using the same link at once one alone sees it unused. ok is false when
// there is no such link.
func (db *DB) UseSignInLink(ctx context.Context, hash string, now time.Time) (l SignInLink, ok bool, err error) {
	err = db.write(ctx, func(tx *sql.Tx) error {
		l, ok, err = readSignInLink(ctx, tx, hash)
		if err != nil || !ok || !l.Used.IsZero() {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sign_in_links SET used = ? WHERE hash = ?`, formatStamp(now), hash); err != nil {
			return fmt.Errorf("store: use sign-in link: %w", err)
		}
		return nil
	})
	return l, ok, err
}

func readSignInLink(ctx context.Context, q querier, hash string) (SignInLink, bool, error) {
	var l SignInLink
	var created, expires, used string
	err := q.QueryRowContext(ctx, `SELECT hash, moderator, name, created, expires, used
		FROM sign_in_links WHERE hash = ?`, hash).Scan(&l.Hash, &l.Moderator, &l.Name, &created, &expires, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return SignInLink{}, false, nil
	}
	if err != nil {
		return SignInLink{}, false, fmt.Errorf("store: sign-in link: %w", err)
	}
	if err := parseStamps([]*time.Time{&l.Created, &l.Expires, &l.Used}, created, expires, used); err != nil {
		return SignInLink{}, false, err
	}
	return l, true, nil
}

// AddDashboardSession stores a new session, deleting the links and
// sessions that expired before s.Created as AddSignInLink does.
func (db *DB) AddDashboardSession(ctx context.Context, s DashboardSession) error {
	if len(s.Hash) != 64 || s.Moderator == "" {
		return errors.New("store: dashboard session: a 64-digit hash and a moderator are required")
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		if err := purgeSignIns(ctx, tx, s.Created); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO dashboard_sessions (hash, moderator, name, created, expires)
			VALUES (?, ?, ?, ?, ?)`, s.Hash, s.Moderator, s.Name, formatStamp(s.Created), formatStamp(s.Expires))
		if err != nil {
			return fmt.Errorf("store: dashboard session: %w", err)
		}
		return nil
	})
}

// DashboardSession returns the session whose token hashes to hash; ok is
// false when there is none. Whether it has expired is the caller's to
// tell, by its clock.
func (db *DB) DashboardSession(ctx context.Context, hash string) (s DashboardSession, ok bool, err error) {
	var created, expires string
	err = db.r.QueryRowContext(ctx, `SELECT hash, moderator, name, created, expires
		FROM dashboard_sessions WHERE hash = ?`, hash).Scan(&s.Hash, &s.Moderator, &s.Name, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return DashboardSession{}, false, nil
	}
	if err != nil {
		return DashboardSession{}, false, fmt.Errorf("store: dashboard session: %w", err)
	}
	if err := parseStamps([]*time.Time{&s.Created, &s.Expires}, created, expires); err != nil {
		return DashboardSession{}, false, err
	}
	return s, true, nil
}

// EndDashboardSession deletes the session whose token hashes to hash;
// there being none is no error.
func (db *DB) EndDashboardSession(ctx context.Context, hash string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM dashboard_sessions WHERE hash = ?`, hash); err != nil {
			return fmt.Errorf("store: end dashboard session: %w", err)
		}
		return nil
	})
}

// purgeSignIns deletes the links and sessions that expired before now.
func purgeSignIns(ctx context.Context, tx *sql.Tx, now time.Time) error {
	for _, q := range []string{`DELETE FROM sign_in_links WHERE expires < ?`, `DELETE FROM dashboard_sessions WHERE expires < ?`} {
		if _, err := tx.ExecContext(ctx, q, formatStamp(now)); err != nil {
			return fmt.Errorf("store: purge sign-ins: %w", err)
		}
	}
	return nil
}

// parseStamps reads each stored stamp of src into the time dst points
// to at the same place.
func parseStamps(dst []*time.Time, src ...string) error {
	for i, s := range src {
		t, err := parseStamp(s)
		if err != nil {
			return err
		}
		*dst[i] = t
	}
	return nil
}
