package postgres

import (
	"context"
	"errors"
	"fmt"
)

// Vote records whether the answer on topic in lang helped the user; a
// second vote replaces the first, and first reports whether this was the
// user's first vote on it.
func (db *DB) Vote(ctx context.Context, user, topic, lang string, helpful bool) (first bool, err error) {
	if user == "" || topic == "" || lang == "" {
		return false, errors.New("postgres: vote: user, topic and lang are required")
	}
	// xmax is 0 for a row this statement inserted, and set for one it
	// updated: one statement tells a first vote from another.
	err = db.pool.QueryRow(ctx, `INSERT INTO votes (user_key, topic, lang, helpful, voted)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (user_key, topic, lang) DO UPDATE SET helpful = excluded.helpful, voted = excluded.voted
		RETURNING xmax = 0`, user, topic, lang, helpful, stamp(db.now())).Scan(&first)
	if err != nil {
		return false, fmt.Errorf("postgres: vote: %w", err)
	}
	return first, nil
}
