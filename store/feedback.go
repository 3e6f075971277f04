package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// VoteCount is how many authors found an answer helpful or not.
type VoteCount struct {
	Topic string `json:"topic"`
	Lang  string `json:"lang"`
	Yes   int    `json:"yes"`
	No    int    `json:"no"`
}

// Vote records whether the answer on topic in lang helped the user. Each
// user has one vote per answer: voting again replaces the earlier vote,
// and first reports whether this was the user's first vote on it.
func (db *DB) Vote(ctx context.Context, user, topic, lang string, helpful bool) (first bool, err error) {
	if user == "" || topic == "" || lang == "" {
		return false, errors.New("store: vote: user, topic and lang are required")
	}
	err = db.write(ctx, func(tx *sql.Tx) error {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM votes
			WHERE user_key = ? AND topic = ? AND lang = ?`, user, topic, lang).Scan(&n)
		if err != nil {
			return fmt.Errorf("store: vote: %w", err)
		}
		first = n == 0
		_, err = tx.ExecContext(ctx, `INSERT INTO votes (user_key, topic, lang, helpful, voted)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (user_key, topic, lang) DO UPDATE SET helpful = excluded.helpful, voted = excluded.voted`,
			user, topic, lang, helpful, formatTime(db.now()))
		if err != nil {
			return fmt.Errorf("store: vote: %w", err)
		}
		return nil
	})
	return first, err
}

// Votes counts the votes on every answer that has any, by topic and
// language, for the moderators' report.
func (db *DB) Votes(ctx context.Context) ([]VoteCount, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT topic, lang, sum(helpful), sum(1 - helpful)
		FROM votes GROUP BY topic, lang ORDER BY topic, lang`)
	if err != nil {
		return nil, fmt.Errorf("store: votes: %w", err)
	}
	defer rows.Close()
	list := []VoteCount{}
	for rows.Next() {
		var c VoteCount
		if err := rows.Scan(&c.Topic, &c.Lang, &c.Yes, &c.No); err != nil {
			return nil, fmt.Errorf("store: votes: %w", err)
		}
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: votes: %w", err)
	}
	return list, nil
}
