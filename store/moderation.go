package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/authorbot/authorbot/moderation"
)

// The moderators' data: gaps, handoffs, learned examples, the counts of
// questions and the digests sent (migration 0005). Every method returns
// plain moderation values, for the handlers and the dashboard alike.

const gapColumns = `id, user_key, kind, question, lang, guesses, platform, workspace, channel, created`

// AddGap stores a question the bot missed and returns it with its id.
func (db *DB) AddGap(ctx context.Context, g moderation.Gap) (moderation.Gap, error) {
	if g.Created.IsZero() {
		g.Created = db.now()
	}
	g.Created = g.Created.UTC().Truncate(time.Second)
	guesses, err := json.Marshal(nonNilGuesses(g.Guesses))
	if err != nil {
		return g, fmt.Errorf("store: add gap: %w", err)
	}
	err = db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO gaps (user_key, kind, question, lang, guesses, platform, workspace, channel, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, g.User, g.Kind, g.Question, g.Lang, string(guesses),
			g.Platform, g.Workspace, g.Channel, formatStamp(g.Created))
		if err != nil {
			return err
		}
		g.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return g, fmt.Errorf("store: add gap: %w", err)
	}
	return g, nil
}

// Gap returns the gap id; moderation.ErrNotFound (wrapped) when there is
// none.
func (db *DB) Gap(ctx context.Context, id int64) (moderation.Gap, error) {
	gaps, err := scanGaps(db.r.QueryContext(ctx, `SELECT `+gapColumns+` FROM gaps WHERE id = ?`, id))
	if err != nil {
		return moderation.Gap{}, fmt.Errorf("store: gap: %w", err)
	}
	if len(gaps) == 0 {
		return moderation.Gap{}, fmt.Errorf("store: gap %d: %w", id, moderation.ErrNotFound)
	}
	return gaps[0], nil
}

// Gaps returns the gaps recorded since the given time, latest first.
func (db *DB) Gaps(ctx context.Context, since time.Time) ([]moderation.Gap, error) {
	gaps, err := scanGaps(db.r.QueryContext(ctx, `SELECT `+gapColumns+` FROM gaps INDEXED BY gaps_by_time
		WHERE created >= ? ORDER BY created DESC, id DESC`, formatStamp(since)))
	if err != nil {
		return nil, fmt.Errorf("store: gaps: %w", err)
	}
	return gaps, nil
}

// PurgeGaps deletes at most limit gaps recorded before the given time,
// and returns how many it deleted.
func (db *DB) PurgeGaps(ctx context.Context, before time.Time, limit int) (int, error) {
	var n int64
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM gaps WHERE id IN (
			SELECT id FROM gaps INDEXED BY gaps_by_time WHERE created < ? ORDER BY created LIMIT ?)`,
			formatStamp(before), limit)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: purge gaps: %w", err)
	}
	return int(n), nil
}

// PurgeHandoffs deletes at most limit handoffs closed before the given
// time, and returns how many it deleted. Open ones stay until a
// moderator closes them.
func (db *DB) PurgeHandoffs(ctx context.Context, before time.Time, limit int) (int, error) {
	var n int64
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM handoffs WHERE id IN (
			SELECT id FROM handoffs WHERE status != 'open' AND closed < ? ORDER BY closed LIMIT ?)`,
			formatStamp(before), limit)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: purge handoffs: %w", err)
	}
	return int(n), nil
}

func scanGaps(rows *sql.Rows, err error) ([]moderation.Gap, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []moderation.Gap
	for rows.Next() {
		var g moderation.Gap
		var guesses, created string
		if err := rows.Scan(&g.ID, &g.User, &g.Kind, &g.Question, &g.Lang, &guesses,
			&g.Platform, &g.Workspace, &g.Channel, &created); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(guesses), &g.Guesses); err != nil {
			return nil, fmt.Errorf("gap %d guesses: %w", g.ID, err)
		}
		if g.Created, err = parseStamp(created); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

func nonNilGuesses(g []moderation.Guess) []moderation.Guess {
	if g == nil {
		return []moderation.Guess{}
	}
	return g
}

const handoffColumns = `id, user_key, gap_id, platform, workspace, user_id, question, lang, guesses,
	status, mod_message, answer, closed_by, created, closed`

// AddHandoff stores a question passed on to the moderators, open, and
// returns it with its id.
func (db *DB) AddHandoff(ctx context.Context, h moderation.Handoff) (moderation.Handoff, error) {
	if h.Created.IsZero() {
		h.Created = db.now()
	}
	h.Created = h.Created.UTC().Truncate(time.Second)
	h.Status = moderation.Open
	guesses, err := json.Marshal(nonNilGuesses(h.Guesses))
	if err != nil {
		return h, fmt.Errorf("store: add handoff: %w", err)
	}
	err = db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO handoffs (user_key, gap_id, platform, workspace, user_id,
			question, lang, guesses, status, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			h.User, h.Gap, h.Platform, h.Workspace, h.UserID, h.Question, h.Lang, string(guesses), h.Status,
			formatStamp(h.Created))
		if err != nil {
			return err
		}
		h.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return h, fmt.Errorf("store: add handoff: %w", err)
	}
	return h, nil
}

// Handoff returns the handoff id; moderation.ErrNotFound (wrapped) when
// there is none.
func (db *DB) Handoff(ctx context.Context, id int64) (moderation.Handoff, error) {
	hs, err := scanHandoffs(db.r.QueryContext(ctx, `SELECT `+handoffColumns+` FROM handoffs WHERE id = ?`, id))
	if err != nil {
		return moderation.Handoff{}, fmt.Errorf("store: handoff: %w", err)
	}
	if len(hs) == 0 {
		return moderation.Handoff{}, fmt.Errorf("store: handoff %d: %w", id, moderation.ErrNotFound)
	}
	return hs[0], nil
}

// HandoffOf returns the handoff made of gap; moderation.ErrNotFound
// (wrapped) when the gap was not passed on.
func (db *DB) HandoffOf(ctx context.Context, gap int64) (moderation.Handoff, error) {
	hs, err := scanHandoffs(db.r.QueryContext(ctx, `SELECT `+handoffColumns+` FROM handoffs INDEXED BY handoffs_by_gap
		WHERE gap_id = ? AND gap_id != 0`, gap))
	if err != nil {
		return moderation.Handoff{}, fmt.Errorf("store: handoff of gap: %w", err)
	}
	if len(hs) == 0 {
		return moderation.Handoff{}, fmt.Errorf("store: handoff of gap %d: %w", gap, moderation.ErrNotFound)
	}
	return hs[0], nil
}

// DropHandoff deletes a handoff that never reached the moderators, so
// that its question can be passed on again.
func (db *DB) DropHandoff(ctx context.Context, id int64) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM handoffs WHERE id = ? AND mod_message = ''`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: drop handoff: %w", err)
	}
	return nil
}

// OpenHandoffs returns the handoffs still open, oldest first.
func (db *DB) OpenHandoffs(ctx context.Context) ([]moderation.Handoff, error) {
	hs, err := scanHandoffs(db.r.QueryContext(ctx, `SELECT `+handoffColumns+` FROM handoffs
		WHERE status = 'open' ORDER BY created, id`))
	if err != nil {
		return nil, fmt.Errorf("store: open handoffs: %w", err)
	}
	return hs, nil
}

// SetHandoffMessage records where the handoff was posted in the
// moderators' channel.
func (db *DB) SetHandoffMessage(ctx context.Context, id int64, message string) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE handoffs SET mod_message = ? WHERE id = ?`, message, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: handoff message: %w", err)
	}
	return nil
}

// CloseHandoff marks an open handoff answered (with the answer) or
// resolved, by a moderator, and returns it. A handoff already closed is
// left as it is and returned with a *moderation.Closed error, one that
// does not exist with moderation.ErrNotFound: of two moderators who press
// at once, one closes it and the other is told.
func (db *DB) CloseHandoff(ctx context.Context, id int64, status, by, answer string) (moderation.Handoff, error) {
	if status != moderation.Answered && status != moderation.Resolved {
		return moderation.Handoff{}, fmt.Errorf("store: close handoff: status %q", status)
	}
	var h moderation.Handoff
	err := db.write(ctx, func(tx *sql.Tx) error {
		hs, err := scanHandoffs(tx.QueryContext(ctx, `SELECT `+handoffColumns+` FROM handoffs WHERE id = ?`, id))
		if err != nil {
			return err
		}
		if len(hs) == 0 {
			return fmt.Errorf("handoff %d: %w", id, moderation.ErrNotFound)
		}
		h = hs[0]
		if h.Status != moderation.Open {
			return &moderation.Closed{Status: h.Status, By: h.ClosedBy}
		}
		h.Status, h.ClosedBy, h.Answer, h.Closed = status, by, answer, db.now().UTC().Truncate(time.Second)
		_, err = tx.ExecContext(ctx, `UPDATE handoffs SET status = ?, closed_by = ?, answer = ?, closed = ? WHERE id = ?`,
			h.Status, h.ClosedBy, h.Answer, formatStamp(h.Closed), id)
		return err
	})
	if err != nil {
		if _, ok := errors.AsType[*moderation.Closed](err); ok {
			return h, err
		}
		return h, fmt.Errorf("store: close handoff: %w", err)
	}
	return h, nil
}

func scanHandoffs(rows *sql.Rows, err error) ([]moderation.Handoff, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []moderation.Handoff
	for rows.Next() {
		var h moderation.Handoff
		var guesses, created, closed string
		if err := rows.Scan(&h.ID, &h.User, &h.Gap, &h.Platform, &h.Workspace, &h.UserID, &h.Question, &h.Lang,
			&guesses, &h.Status, &h.Message, &h.Answer, &h.ClosedBy, &created, &closed); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(guesses), &h.Guesses); err != nil {
			return nil, fmt.Errorf("handoff %d guesses: %w", h.ID, err)
		}
		if h.Created, err = parseStamp(created); err != nil {
			return nil, err
		}
		if h.Closed, err = parseStamp(closed); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Learn stores a labelled example and returns it with its id; every
// process reading the examples sees the change at its next version check.
func (db *DB) Learn(ctx context.Context, e moderation.Example) (moderation.Example, error) {
	if e.Created.IsZero() {
		e.Created = db.now()
	}
	e.Created = e.Created.UTC().Truncate(time.Second)
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO examples (user_key, question, lang, topic, added_by, created)
			VALUES (?, ?, ?, ?, ?, ?)`, e.User, e.Question, e.Lang, e.Topic, e.AddedBy, formatStamp(e.Created))
		if err != nil {
			return err
		}
		if e.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return bumpExamples(ctx, tx)
	})
	if err != nil {
		return e, fmt.Errorf("store: learn: %w", err)
	}
	return e, nil
}

// Unlearn deletes the example id and returns it; moderation.ErrNotFound
// (wrapped) when there is none.
func (db *DB) Unlearn(ctx context.Context, id int64) (moderation.Example, error) {
	var e moderation.Example
	err := db.write(ctx, func(tx *sql.Tx) error {
		exs, err := scanExamples(tx.QueryContext(ctx, `SELECT `+exampleColumns+` FROM examples WHERE id = ?`, id))
		if err != nil {
			return err
		}
		if len(exs) == 0 {
			return fmt.Errorf("example %d: %w", id, moderation.ErrNotFound)
		}
		e = exs[0]
		if _, err := tx.ExecContext(ctx, `DELETE FROM examples WHERE id = ?`, id); err != nil {
			return err
		}
		return bumpExamples(ctx, tx)
	})
	if err != nil {
		return e, fmt.Errorf("store: unlearn: %w", err)
	}
	return e, nil
}

func bumpExamples(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE examples_version SET version = version + 1 WHERE one = 1`)
	return err
}

const exampleColumns = `id, user_key, question, lang, topic, added_by, created`

// ExamplesVersion is a number that changes whenever an example is added
// or removed: a process that read the examples at one version need not
// read them again while it holds.
func (db *DB) ExamplesVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.r.QueryRowContext(ctx, `SELECT version FROM examples_version WHERE one = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: examples version: %w", err)
	}
	return v, nil
}

// Examples returns every labelled example, oldest first, with the
// version they are at, read together.
func (db *DB) Examples(ctx context.Context) (int64, []moderation.Example, error) {
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return 0, nil, fmt.Errorf("store: examples: %w", err)
	}
	defer tx.Rollback()
	var v int64
	if err := tx.QueryRowContext(ctx, `SELECT version FROM examples_version WHERE one = 1`).Scan(&v); err != nil {
		return 0, nil, fmt.Errorf("store: examples: %w", err)
	}
	exs, err := scanExamples(tx.QueryContext(ctx, `SELECT `+exampleColumns+` FROM examples ORDER BY id`))
	if err != nil {
		return 0, nil, fmt.Errorf("store: examples: %w", err)
	}
	return v, exs, nil
}

func scanExamples(rows *sql.Rows, err error) ([]moderation.Example, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []moderation.Example
	for rows.Next() {
		var e moderation.Example
		var created string
		if err := rows.Scan(&e.ID, &e.User, &e.Question, &e.Lang, &e.Topic, &e.AddedBy, &created); err != nil {
			return nil, err
		}
		if e.Created, err = parseStamp(created); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CountQuestions adds counts of questions asked to the figures, in one
// transaction.
func (db *DB) CountQuestions(ctx context.Context, asked []moderation.Asked) error {
	if len(asked) == 0 {
		return nil
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		for _, a := range asked {
			_, err := tx.ExecContext(ctx, `INSERT INTO questions (day, platform, lang, topic, answered, count)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (day, platform, lang, topic, answered) DO UPDATE SET count = count + excluded.count`,
				formatDate(a.Day.UTC()), a.Platform, a.Lang, a.Topic, a.Answered, a.Count)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: count questions: %w", err)
	}
	return nil
}

// Stats returns the figures of the questions asked since the given day
// and of the votes cast since then.
func (db *DB) Stats(ctx context.Context, since time.Time) (moderation.Stats, error) {
	s := moderation.Stats{Since: since.UTC()}
	rows, err := db.r.QueryContext(ctx, `SELECT day, platform, lang, topic, answered, count FROM questions
		WHERE day >= ? ORDER BY day`, formatDate(since.UTC()))
	if err != nil {
		return s, fmt.Errorf("store: stats: %w", err)
	}
	defer rows.Close()
	t := moderation.NewTally(since)
	for rows.Next() {
		var day, platform, lang, topic string
		var answered bool
		var n int
		if err := rows.Scan(&day, &platform, &lang, &topic, &answered, &n); err != nil {
			return s, fmt.Errorf("store: stats: %w", err)
		}
		d, err := parseDate(day)
		if err != nil {
			return s, err
		}
		t.Add(d, platform, lang, topic, answered, n)
	}
	if err := rows.Err(); err != nil {
		return s, fmt.Errorf("store: stats: %w", err)
	}
	votes, err := db.votesSince(ctx, since, time.Time{})
	if err != nil {
		return s, err
	}
	return t.Stats(votes), nil
}

// votesSince counts the votes cast from since until before (zero: now),
// by topic, every language together.
func (db *DB) votesSince(ctx context.Context, since, before time.Time) ([]moderation.TopicVotes, error) {
	end := "9999"
	if !before.IsZero() {
		end = formatTime(before)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT topic, sum(helpful), sum(1 - helpful) FROM votes
		WHERE voted >= ? AND voted < ? GROUP BY topic ORDER BY topic`, formatTime(since), end)
	if err != nil {
		return nil, fmt.Errorf("store: votes: %w", err)
	}
	defer rows.Close()
	var out []moderation.TopicVotes
	for rows.Next() {
		var v moderation.TopicVotes
		if err := rows.Scan(&v.Topic, &v.Yes, &v.No); err != nil {
			return nil, fmt.Errorf("store: votes: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Falling returns the topics whose share of "Yes" votes in the week from
// start is lower than in the week before, the steepest fall first. A
// topic needs a few votes in both weeks to count.
func (db *DB) Falling(ctx context.Context, start time.Time) ([]moderation.Falling, error) {
	before, err := db.votesSince(ctx, start.AddDate(0, 0, -7), start)
	if err != nil {
		return nil, err
	}
	now, err := db.votesSince(ctx, start, start.AddDate(0, 0, 7))
	if err != nil {
		return nil, err
	}
	return moderation.FallingFrom(before, now), nil
}

// ClaimDigest claims the digest of week for sending: it reports false
// when that week's digest was sent, or another claim on it holds until
// its lease ends. The claim's token is passed back to MarkDigestSent.
func (db *DB) ClaimDigest(ctx context.Context, week string, now time.Time, lease time.Duration) (string, bool, error) {
	claim := newClaim()
	var ok bool
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO digests (week, status, claim, lease) VALUES (?, 'sending', ?, ?)
			ON CONFLICT (week) DO UPDATE SET claim = excluded.claim, lease = excluded.lease
			WHERE digests.status = 'sending' AND digests.lease <= ?`,
			week, claim, formatStamp(now.Add(lease)), formatStamp(now))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		ok = n == 1
		return err
	})
	if err != nil {
		return "", false, fmt.Errorf("store: claim digest: %w", err)
	}
	return claim, ok, nil
}

// MarkDigestSent records that week's digest sent under claim; false when
// the claim no longer held.
func (db *DB) MarkDigestSent(ctx context.Context, week, claim string, at time.Time) (bool, error) {
	var ok bool
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE digests SET status = 'sent', sent = ?, claim = ''
			WHERE week = ? AND claim = ? AND status = 'sending'`, formatStamp(at), week, claim)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		ok = n == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("store: digest sent: %w", err)
	}
	return ok, nil
}

// ReleaseDigest gives up a claim whose send failed, so that the next try
// need not wait for the lease.
func (db *DB) ReleaseDigest(ctx context.Context, week, claim string) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM digests WHERE week = ? AND claim = ? AND status = 'sending'`, week, claim)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: release digest: %w", err)
	}
	return nil
}

func exportGaps(ctx context.Context, q querier, user string, d *UserData) error {
	gaps, err := scanGaps(q.QueryContext(ctx, `SELECT `+gapColumns+` FROM gaps INDEXED BY gaps_by_user
		WHERE user_key = ? ORDER BY id`, user))
	d.Gaps = gaps
	return err
}

func exportHandoffs(ctx context.Context, q querier, user string, d *UserData) error {
	hs, err := scanHandoffs(q.QueryContext(ctx, `SELECT `+handoffColumns+` FROM handoffs INDEXED BY handoffs_by_user
		WHERE user_key = ? ORDER BY id`, user))
	d.Handoffs = hs
	return err
}

func exportExamples(ctx context.Context, q querier, user string, d *UserData) error {
	exs, err := scanExamples(q.QueryContext(ctx, `SELECT `+exampleColumns+` FROM examples INDEXED BY examples_by_user
		WHERE user_key = ? ORDER BY id`, user))
	d.Examples = exs
	return err
}
