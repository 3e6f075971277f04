package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/moderation"
)

// The moderators' data (migration 0006): gaps, handoffs, learned
// examples, the counts of questions and the digests sent, as SQLite's
// store keeps them. Every method returns plain moderation values.

const gapColumns = `id, user_key, kind, question, lang, guesses, platform, workspace, channel, created`

// AddGap stores a question the bot missed and returns it with its id.
func (db *DB) AddGap(ctx context.Context, g moderation.Gap) (moderation.Gap, error) {
	if g.Created.IsZero() {
		g.Created = db.now()
	}
	g.Created = second(g.Created)
	guesses, err := json.Marshal(nonNilGuesses(g.Guesses))
	if err != nil {
		return g, fmt.Errorf("postgres: add gap: %w", err)
	}
	err = db.pool.QueryRow(ctx, `INSERT INTO gaps (user_key, kind, question, lang, guesses, platform, workspace, channel, created)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, g.User, g.Kind, g.Question, g.Lang, string(guesses),
		g.Platform, g.Workspace, g.Channel, g.Created).Scan(&g.ID)
	if err != nil {
		return g, fmt.Errorf("postgres: add gap: %w", err)
	}
	return g, nil
}

// Gap returns the gap id; moderation.ErrNotFound (wrapped) when there is
// none.
func (db *DB) Gap(ctx context.Context, id int64) (moderation.Gap, error) {
	gaps, err := scanGaps(db.pool.Query(ctx, `SELECT `+gapColumns+` FROM gaps WHERE id = $1`, id))
	if err != nil {
		return moderation.Gap{}, fmt.Errorf("postgres: gap: %w", err)
	}
	if len(gaps) == 0 {
		return moderation.Gap{}, fmt.Errorf("postgres: gap %d: %w", id, moderation.ErrNotFound)
	}
	return gaps[0], nil
}

// Gaps returns the gaps recorded since the given time, latest first.
func (db *DB) Gaps(ctx context.Context, since time.Time) ([]moderation.Gap, error) {
	gaps, err := scanGaps(db.pool.Query(ctx, `SELECT `+gapColumns+` FROM gaps
		WHERE created >= $1 ORDER BY created DESC, id DESC`, second(since)))
	if err != nil {
		return nil, fmt.Errorf("postgres: gaps: %w", err)
	}
	return gaps, nil
}

// PurgeGaps deletes at most limit gaps recorded before the given time,
// and returns how many it deleted.
func (db *DB) PurgeGaps(ctx context.Context, before time.Time, limit int) (int, error) {
	tag, err := db.pool.Exec(ctx, `DELETE FROM gaps WHERE id IN (
		SELECT id FROM gaps WHERE created < $1 ORDER BY created LIMIT $2)`, second(before), limit)
	if err != nil {
		return 0, fmt.Errorf("postgres: purge gaps: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// PurgeHandoffs deletes at most limit handoffs closed before the given
// time, and returns how many it deleted. Open ones stay until a
// moderator closes them.
func (db *DB) PurgeHandoffs(ctx context.Context, before time.Time, limit int) (int, error) {
	tag, err := db.pool.Exec(ctx, `DELETE FROM handoffs WHERE id IN (
		SELECT id FROM handoffs WHERE status <> 'open' AND closed < $1 ORDER BY closed LIMIT $2)`, second(before), limit)
	if err != nil {
		return 0, fmt.Errorf("postgres: purge handoffs: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

func scanGaps(rows pgx.Rows, err error) ([]moderation.Gap, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []moderation.Gap
	for rows.Next() {
		var g moderation.Gap
		var guesses []byte
		if err := rows.Scan(&g.ID, &g.User, &g.Kind, &g.Question, &g.Lang, &guesses,
			&g.Platform, &g.Workspace, &g.Channel, &g.Created); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(guesses, &g.Guesses); err != nil {
			return nil, fmt.Errorf("gap %d guesses: %w", g.ID, err)
		}
		g.Created = g.Created.UTC()
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
	h.Created = second(h.Created)
	h.Status = moderation.Open
	guesses, err := json.Marshal(nonNilGuesses(h.Guesses))
	if err != nil {
		return h, fmt.Errorf("postgres: add handoff: %w", err)
	}
	err = db.pool.QueryRow(ctx, `INSERT INTO handoffs (user_key, gap_id, platform, workspace, user_id,
		question, lang, guesses, status, created) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		h.User, h.Gap, h.Platform, h.Workspace, h.UserID, h.Question, h.Lang, string(guesses), h.Status,
		h.Created).Scan(&h.ID)
	if err != nil {
		return h, fmt.Errorf("postgres: add handoff: %w", err)
	}
	return h, nil
}

// Handoff returns the handoff id; moderation.ErrNotFound (wrapped) when
// there is none.
func (db *DB) Handoff(ctx context.Context, id int64) (moderation.Handoff, error) {
	hs, err := scanHandoffs(db.pool.Query(ctx, `SELECT `+handoffColumns+` FROM handoffs WHERE id = $1`, id))
	if err != nil {
		return moderation.Handoff{}, fmt.Errorf("postgres: handoff: %w", err)
	}
	if len(hs) == 0 {
		return moderation.Handoff{}, fmt.Errorf("postgres: handoff %d: %w", id, moderation.ErrNotFound)
	}
	return hs[0], nil
}

// HandoffOf returns the handoff made of gap; moderation.ErrNotFound
// (wrapped) when the gap was not passed on.
func (db *DB) HandoffOf(ctx context.Context, gap int64) (moderation.Handoff, error) {
	hs, err := scanHandoffs(db.pool.Query(ctx, `SELECT `+handoffColumns+` FROM handoffs
		WHERE gap_id = $1 AND gap_id <> 0`, gap))
	if err != nil {
		return moderation.Handoff{}, fmt.Errorf("postgres: handoff of gap: %w", err)
	}
	if len(hs) == 0 {
		return moderation.Handoff{}, fmt.Errorf("postgres: handoff of gap %d: %w", gap, moderation.ErrNotFound)
	}
	return hs[0], nil
}

// DropHandoff deletes a handoff that never reached the moderators, so
// that its question can be passed on again.
func (db *DB) DropHandoff(ctx context.Context, id int64) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM handoffs WHERE id = $1 AND mod_message = ''`, id); err != nil {
		return fmt.Errorf("postgres: drop handoff: %w", err)
	}
	return nil
}

// OpenHandoffs returns the handoffs still open, oldest first.
func (db *DB) OpenHandoffs(ctx context.Context) ([]moderation.Handoff, error) {
	hs, err := scanHandoffs(db.pool.Query(ctx, `SELECT `+handoffColumns+` FROM handoffs
		WHERE status = 'open' ORDER BY created, id`))
	if err != nil {
		return nil, fmt.Errorf("postgres: open handoffs: %w", err)
	}
	return hs, nil
}

// SetHandoffMessage records where the handoff was posted in the
// moderators' channel.
func (db *DB) SetHandoffMessage(ctx context.Context, id int64, message string) error {
	if _, err := db.pool.Exec(ctx, `UPDATE handoffs SET mod_message = $1 WHERE id = $2`, message, id); err != nil {
		return fmt.Errorf("postgres: handoff message: %w", err)
	}
	return nil
}

// CloseHandoff marks an open handoff answered (with the answer) or
// resolved, by a moderator, and returns it. A handoff already closed is
// left as it is and returned with a *moderation.Closed error, one that
// does not exist with moderation.ErrNotFound. The row is read FOR
// UPDATE: of two moderators who press at once, on any replicas, one
// closes it and the other is told.
func (db *DB) CloseHandoff(ctx context.Context, id int64, status, by, answer string) (moderation.Handoff, error) {
	if status != moderation.Answered && status != moderation.Resolved {
		return moderation.Handoff{}, fmt.Errorf("postgres: close handoff: status %q", status)
	}
	var h moderation.Handoff
	err := db.write(ctx, func(tx pgx.Tx) error {
		hs, err := scanHandoffs(tx.Query(ctx, `SELECT `+handoffColumns+` FROM handoffs WHERE id = $1 FOR UPDATE`, id))
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
		h.Status, h.ClosedBy, h.Answer, h.Closed = status, by, answer, second(db.now())
		_, err = tx.Exec(ctx, `UPDATE handoffs SET status = $1, closed_by = $2, answer = $3, closed = $4 WHERE id = $5`,
			h.Status, h.ClosedBy, h.Answer, h.Closed, id)
		return err
	})
	if err != nil {
		if _, ok := errors.AsType[*moderation.Closed](err); ok {
			return h, err
		}
		return h, fmt.Errorf("postgres: close handoff: %w", err)
	}
	return h, nil
}

func scanHandoffs(rows pgx.Rows, err error) ([]moderation.Handoff, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []moderation.Handoff
	for rows.Next() {
		var h moderation.Handoff
		var guesses []byte
		var closed *time.Time
		if err := rows.Scan(&h.ID, &h.User, &h.Gap, &h.Platform, &h.Workspace, &h.UserID, &h.Question, &h.Lang,
			&guesses, &h.Status, &h.Message, &h.Answer, &h.ClosedBy, &h.Created, &closed); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(guesses, &h.Guesses); err != nil {
			return nil, fmt.Errorf("handoff %d guesses: %w", h.ID, err)
		}
		h.Created = h.Created.UTC()
		if closed != nil {
			h.Closed = closed.UTC()
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Learn stores a labelled example and returns it with its id; every
// replica reading the examples sees the change at its next version check.
func (db *DB) Learn(ctx context.Context, e moderation.Example) (moderation.Example, error) {
	if e.Created.IsZero() {
		e.Created = db.now()
	}
	e.Created = second(e.Created)
	err := db.write(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO examples (user_key, question, lang, topic, added_by, created)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, e.User, e.Question, e.Lang, e.Topic, e.AddedBy, e.Created).Scan(&e.ID)
		if err != nil {
			return err
		}
		return bumpExamples(ctx, tx)
	})
	if err != nil {
		return e, fmt.Errorf("postgres: learn: %w", err)
	}
	return e, nil
}

// Unlearn deletes the example id and returns it; moderation.ErrNotFound
// (wrapped) when there is none.
func (db *DB) Unlearn(ctx context.Context, id int64) (moderation.Example, error) {
	var e moderation.Example
	err := db.write(ctx, func(tx pgx.Tx) error {
		exs, err := scanExamples(tx.Query(ctx, `DELETE FROM examples WHERE id = $1 RETURNING `+exampleColumns, id))
		if err != nil {
			return err
		}
		if len(exs) == 0 {
			return fmt.Errorf("example %d: %w", id, moderation.ErrNotFound)
		}
		e = exs[0]
		return bumpExamples(ctx, tx)
	})
	if err != nil {
		return e, fmt.Errorf("postgres: unlearn: %w", err)
	}
	return e, nil
}

func bumpExamples(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `UPDATE examples_version SET version = version + 1 WHERE one = 1`)
	return err
}

const exampleColumns = `id, user_key, question, lang, topic, added_by, created`

// ExamplesVersion is a number that changes whenever an example is added
// or removed: a replica that read the examples at one version need not
// read them again while it holds.
func (db *DB) ExamplesVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.pool.QueryRow(ctx, `SELECT version FROM examples_version WHERE one = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("postgres: examples version: %w", err)
	}
	return v, nil
}

// Examples returns every labelled example, oldest first, with the
// version they are at, read in one repeatable-read transaction.
func (db *DB) Examples(ctx context.Context) (int64, []moderation.Example, error) {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return 0, nil, fmt.Errorf("postgres: examples: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var v int64
	if err := tx.QueryRow(ctx, `SELECT version FROM examples_version WHERE one = 1`).Scan(&v); err != nil {
		return 0, nil, fmt.Errorf("postgres: examples: %w", err)
	}
	exs, err := scanExamples(tx.Query(ctx, `SELECT `+exampleColumns+` FROM examples ORDER BY id`))
	if err != nil {
		return 0, nil, fmt.Errorf("postgres: examples: %w", err)
	}
	return v, exs, nil
}

func scanExamples(rows pgx.Rows, err error) ([]moderation.Example, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []moderation.Example
	for rows.Next() {
		var e moderation.Example
		if err := rows.Scan(&e.ID, &e.User, &e.Question, &e.Lang, &e.Topic, &e.AddedBy, &e.Created); err != nil {
			return nil, err
		}
		e.Created = e.Created.UTC()
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
	// The rows are added in one order, so that two replicas flushing at
	// once cannot lock each other's rows crosswise.
	asked = slices.Clone(asked)
	slices.SortFunc(asked, func(a, b moderation.Asked) int {
		return cmp.Or(a.Day.Compare(b.Day), cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.Lang, b.Lang),
			cmp.Compare(a.Topic, b.Topic), boolCompare(a.Answered, b.Answered))
	})
	err := db.write(ctx, func(tx pgx.Tx) error {
		for _, a := range asked {
			_, err := tx.Exec(ctx, `INSERT INTO questions (day, platform, lang, topic, answered, count)
				VALUES ($1, $2, $3, $4, $5, $6)
				ON CONFLICT (day, platform, lang, topic, answered) DO UPDATE SET count = questions.count + excluded.count`,
				dateOf(a.Day), a.Platform, a.Lang, a.Topic, a.Answered, a.Count)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: count questions: %w", err)
	}
	return nil
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// dateOf is the UTC day of t, as a DATE argument.
func dateOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Stats returns the figures of the questions asked since the given day
// and of the votes cast since then.
func (db *DB) Stats(ctx context.Context, since time.Time) (moderation.Stats, error) {
	s := moderation.Stats{Since: since.UTC()}
	rows, err := db.pool.Query(ctx, `SELECT day, platform, lang, topic, answered, count FROM questions
		WHERE day >= $1 ORDER BY day`, dateOf(since))
	if err != nil {
		return s, fmt.Errorf("postgres: stats: %w", err)
	}
	defer rows.Close()
	t := moderation.NewTally(since)
	for rows.Next() {
		var day time.Time
		var platform, lang, topic string
		var answered bool
		var n int
		if err := rows.Scan(&day, &platform, &lang, &topic, &answered, &n); err != nil {
			return s, fmt.Errorf("postgres: stats: %w", err)
		}
		t.Add(dateOf(day), platform, lang, topic, answered, n)
	}
	if err := rows.Err(); err != nil {
		return s, fmt.Errorf("postgres: stats: %w", err)
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
	var end any
	if !before.IsZero() {
		end = stamp(before)
	}
	rows, err := db.pool.Query(ctx, `SELECT topic, count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful)
		FROM votes WHERE voted >= $1 AND ($2::timestamptz IS NULL OR voted < $2)
		GROUP BY topic ORDER BY topic`, stamp(since), end)
	if err != nil {
		return nil, fmt.Errorf("postgres: votes: %w", err)
	}
	defer rows.Close()
	var out []moderation.TopicVotes
	for rows.Next() {
		var v moderation.TopicVotes
		if err := rows.Scan(&v.Topic, &v.Yes, &v.No); err != nil {
			return nil, fmt.Errorf("postgres: votes: %w", err)
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
// its lease ends. One statement inserts the lease row or takes over a
// lapsed one, so of replicas claiming at once exactly one gets it. The
// claim's token is passed back to MarkDigestSent.
func (db *DB) ClaimDigest(ctx context.Context, week string, now time.Time, lease time.Duration) (string, bool, error) {
	claim := newClaim()
	tag, err := db.pool.Exec(ctx, `INSERT INTO digests (week, status, claim, lease) VALUES ($1, 'sending', $2, $3)
		ON CONFLICT (week) DO UPDATE SET claim = excluded.claim, lease = excluded.lease
		WHERE digests.status = 'sending' AND digests.lease <= $4`,
		week, claim, stamp(now.Add(lease)), stamp(now))
	if err != nil {
		return "", false, fmt.Errorf("postgres: claim digest: %w", err)
	}
	return claim, tag.RowsAffected() == 1, nil
}

// MarkDigestSent records that week's digest sent under claim; false when
// the claim no longer held.
func (db *DB) MarkDigestSent(ctx context.Context, week, claim string, at time.Time) (bool, error) {
	tag, err := db.pool.Exec(ctx, `UPDATE digests SET status = 'sent', sent = $1, claim = ''
		WHERE week = $2 AND claim = $3 AND status = 'sending'`, stamp(at), week, claim)
	if err != nil {
		return false, fmt.Errorf("postgres: digest sent: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// ReleaseDigest gives up a claim whose send failed, so that the next try
// need not wait for the lease.
func (db *DB) ReleaseDigest(ctx context.Context, week, claim string) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM digests WHERE week = $1 AND claim = $2 AND status = 'sending'`, week, claim); err != nil {
		return fmt.Errorf("postgres: release digest: %w", err)
	}
	return nil
}

func exportGaps(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	gaps, err := scanGaps(q.Query(ctx, `SELECT `+gapColumns+` FROM gaps WHERE user_key = $1 ORDER BY id`, user))
	d.Gaps = gaps
	return err
}

func exportHandoffs(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	hs, err := scanHandoffs(q.Query(ctx, `SELECT `+handoffColumns+` FROM handoffs WHERE user_key = $1 ORDER BY id`, user))
	d.Handoffs = hs
	return err
}

func exportExamples(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	exs, err := scanExamples(q.Query(ctx, `SELECT `+exampleColumns+` FROM examples WHERE user_key = $1 ORDER BY id`, user))
	d.Examples = exs
	return err
}
