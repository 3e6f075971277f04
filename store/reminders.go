package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/authorbot/authorbot/ledger"
)

// stampLayout is how reminder times are stored: UTC, to the second, fixed
// width so that SQL can compare them as text.
const stampLayout = "2006-01-02T15:04:05Z"

func formatStamp(t time.Time) string { return t.UTC().Truncate(time.Second).Format(stampLayout) }

func parseStamp(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(stampLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: stored time %q: %w", s, err)
	}
	return t, nil
}

const reminderColumns = `user_key, number, platform, workspace, user_id, kind, tag, order_number,
	due, zone, lang, text, status, attempts, created, delivered, claim`

// listRemindersSQL reads all of a user's reminders, by number.
const listRemindersSQL = `SELECT ` + reminderColumns + ` FROM reminders WHERE user_key = ? ORDER BY number`

// AddReminder stores r as the user's next reminder, pending, and returns
// it with its number. Numbers count up per user and are never given again.
//
// A reminder with a Tag exists at most once per user. When one with the
// same tag is pending or was cancelled, AddReminder reschedules it (new
// due time and text, pending again, same number); when it was already
// delivered, or is final otherwise, it is returned unchanged, so that an
// automatic reminder is sent once per order however often its order
// changes. The caller tells by the returned Status.
//
// A reminder the author sets (not Automatic) that would take their open
// reminders past ledger.MaxOpenReminders gives a ledger.TooManyReminders error.
func (db *DB) AddReminder(ctx context.Context, r Reminder) (Reminder, error) {
	list, err := db.AddReminders(ctx, []Reminder{r})
	if err != nil {
		return Reminder{}, err
	}
	return list[0], nil
}

// AddReminders adds several reminders of one user as AddReminder does,
// all or none: in one transaction, which the cap on open reminders is
// checked in after the last one, so a plan of several steps is never set
// in part.
func (db *DB) AddReminders(ctx context.Context, rs []Reminder) ([]Reminder, error) {
	if len(rs) == 0 {
		return nil, nil
	}
	var out []Reminder
	err := db.Update(ctx, rs[0].User, func(t ledger.Tx) error {
		var err error
		out, err = t.AddReminders(rs)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readyReminder checks r and fills in what AddReminder sets.
func (db *DB) readyReminder(r *Reminder) error {
	switch {
	case r.User == "" || r.Platform == "" || r.UserID == "":
		return errors.New("store: add reminder: no user")
	case r.Kind == "" || r.Text == "" || r.Due.IsZero():
		return errors.New("store: add reminder: kind, text and due time are required")
	}
	if r.Zone == "" {
		r.Zone = "UTC"
	}
	if r.Lang == "" {
		r.Lang = "en"
	}
	r.Due = r.Due.UTC().Truncate(time.Second)
	r.Status, r.Attempts, r.Claim, r.Delivered = ReminderPending, 0, "", time.Time{}
	r.Created = db.now().UTC().Truncate(time.Second)
	return nil
}

// addReminder is one reminder of AddReminders; r becomes what is stored.
func addReminder(ctx context.Context, tx *sql.Tx, r *Reminder) error {
	if r.Tag != "" {
		old, err := scanReminders(tx.QueryContext(ctx, reminderByTagSQL, r.User, r.Tag))
		if err != nil {
			return fmt.Errorf("store: add reminder: %w", err)
		}
		if len(old) == 1 {
			return reschedule(ctx, tx, r, old[0])
		}
	}
	err := tx.QueryRowContext(ctx, `
		INSERT INTO reminder_settings (user_key, last_number) VALUES (?, 1)
		ON CONFLICT (user_key) DO UPDATE SET last_number = last_number + 1
		RETURNING last_number`, r.User).Scan(&r.Number)
	if err != nil {
		return fmt.Errorf("store: add reminder: next number: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO reminders (`+reminderColumns+`, next_try)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.User, r.Number, r.Platform, r.Workspace, r.UserID, r.Kind, r.Tag, r.Order,
		formatStamp(r.Due), r.Zone, r.Lang, r.Text, r.Status, 0, formatStamp(r.Created), "", "",
		formatStamp(r.Due))
	if err != nil {
		return fmt.Errorf("store: add reminder: %w", err)
	}
	return nil
}

// The statements of the reminder look-ups. Their literal conditions (on
// an empty tag, on the status) let SQLite use the partial indexes
// reminders_by_tag and reminders_open, which a bound parameter would not;
// INDEXED BY, because without statistics SQLite prefers to read all the
// author's reminders by the primary key.
const (
	reminderByTagSQL = `SELECT ` + reminderColumns + ` FROM reminders
		WHERE user_key = ? AND tag = ? AND tag != ''`
	openRemindersSQL = `SELECT count(*) FROM reminders INDEXED BY reminders_open
		WHERE user_key = ? AND status IN ('pending', 'sending')`
)

const (
	cancelByTagSQL = `UPDATE reminders SET status = ?, closed = ?
		WHERE user_key = ? AND tag = ? AND tag != '' AND status = ?`
	// skipRemindersSQL marks skipped the automatic reminders due for
	// authors who switched them off. EXISTS looks up each due reminder's
	// author; IN (SELECT …) would read every author's settings each tick.
	skipRemindersSQL = `UPDATE reminders SET status = ?, claim = '', closed = ?
		WHERE status IN (?, ?) AND next_try <= ? AND kind IN (?, ?)
		AND EXISTS (SELECT 1 FROM reminder_settings s
			WHERE s.user_key = reminders.user_key AND s.automatic = 0)`
)

// dueRemindersSQL selects the due reminders for n platforms.
func dueRemindersSQL(n int) string {
	return `SELECT ` + reminderColumns + ` FROM reminders
		WHERE status IN (?, ?) AND next_try <= ?
		AND platform IN (?` + strings.Repeat(", ?", n-1) + `)
		ORDER BY next_try, user_key, number`
}

// openReminders counts the user's reminders still to come.
func openReminders(ctx context.Context, q querier, user string) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, openRemindersSQL, user).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count reminders: %w", err)
	}
	return n, nil
}

// reschedule applies AddReminder's rule for an existing tagged reminder:
// r becomes what is stored.
func reschedule(ctx context.Context, tx *sql.Tx, r *Reminder, old Reminder) error {
	if old.Status != ReminderPending && old.Status != ReminderCancelled {
		*r = old
		return nil
	}
	r.Number, r.Created = old.Number, old.Created
	_, err := tx.ExecContext(ctx, `UPDATE reminders SET platform = ?, workspace = ?, user_id = ?,
		kind = ?, order_number = ?, due = ?, zone = ?, lang = ?, text = ?, status = ?, next_try = ?,
		attempts = 0, claim = '', last_error = '', delivered = '', closed = ''
		WHERE user_key = ? AND number = ?`,
		r.Platform, r.Workspace, r.UserID, r.Kind, r.Order, formatStamp(r.Due), r.Zone, r.Lang, r.Text,
		ReminderPending, formatStamp(r.Due), r.User, r.Number)
	if err != nil {
		return fmt.Errorf("store: reschedule reminder %d: %w", r.Number, err)
	}
	return nil
}

// Reminders returns all of the user's reminders, by number.
func (db *DB) Reminders(ctx context.Context, user string) ([]Reminder, error) {
	list, err := scanReminders(db.r.QueryContext(ctx, listRemindersSQL, user))
	if err != nil {
		return nil, fmt.Errorf("store: reminders: %w", err)
	}
	return list, nil
}

// CancelReminder cancels the user's pending (or failed) reminder number and
// returns it. A missing one gives an error wrapping ErrNotFound; one that
// was delivered, cancelled or is being delivered right now gives the
// reminder and an error wrapping ErrNotPending.
func (db *DB) CancelReminder(ctx context.Context, user string, number int) (Reminder, error) {
	var r Reminder
	err := db.Update(ctx, user, func(t ledger.Tx) error {
		var err error
		r, err = t.CancelReminder(number)
		return err
	})
	if errors.Is(err, ErrNotPending) {
		return r, err
	}
	if err != nil {
		return Reminder{}, err
	}
	return r, nil
}

// CancelReminderTag cancels the user's reminder with the given tag if it
// is pending, and reports whether it did. It is how a change to an order
// withdraws the automatic reminder that no longer applies.
func (db *DB) CancelReminderTag(ctx context.Context, user, tag string) (bool, error) {
	if tag == "" {
		return false, nil
	}
	var done bool
	err := db.Update(ctx, user, func(t ledger.Tx) error {
		var err error
		done, err = t.CancelReminderTag(tag)
		return err
	})
	return done, err
}

// ReminderSettings returns the user's settings: automatic reminders on
// and no zone for a user who never changed them.
func (db *DB) ReminderSettings(ctx context.Context, user string) (ReminderSettings, error) {
	s, _, err := getReminderSettings(ctx, db.r, user)
	if err != nil {
		return ReminderSettings{}, fmt.Errorf("store: reminder settings: %w", err)
	}
	return s, nil
}

// UpdateReminderSettings lets fn change the user's settings and stores
// them, in one transaction. fn must not use the DB. LastNumber cannot be
// changed.
func (db *DB) UpdateReminderSettings(ctx context.Context, user string, fn func(*ReminderSettings)) (ReminderSettings, error) {
	var s ReminderSettings
	err := db.Update(ctx, user, func(t ledger.Tx) error {
		var err error
		if s, err = t.ReminderSettings(); err != nil {
			return err
		}
		last := s.LastNumber
		fn(&s)
		s.LastNumber = last
		return t.PutReminderSettings(s)
	})
	return s, err
}

// getReminderSettings returns the user's settings, the defaults for a
// user who has none stored, and whether any are stored.
func getReminderSettings(ctx context.Context, q querier, user string) (ReminderSettings, bool, error) {
	s := ReminderSettings{Automatic: true}
	err := q.QueryRowContext(ctx, `SELECT last_number, automatic, zone FROM reminder_settings
		WHERE user_key = ?`, user).Scan(&s.LastNumber, &s.Automatic, &s.Zone)
	if err == sql.ErrNoRows {
		return s, false, nil
	}
	return s, err == nil, err
}

// ClaimReminders takes the reminders that are due for c's platforms,
// oldest first: those pending whose time has come and those whose earlier
// claim ran out. In the same immediate transaction it marks each one
// sending, with a new claim token and a lease, so no other scheduler on
// the same file takes it while the lease holds. Automatic reminders due
// while their author has them switched off are marked skipped instead.
func (db *DB) ClaimReminders(ctx context.Context, c Claim) ([]Reminder, error) {
	if len(c.Platforms) == 0 {
		return nil, nil
	}
	if c.Limit <= 0 {
		c.Limit = 100
	}
	now := formatStamp(c.Now)
	lease := formatStamp(c.Now.Add(c.Lease))
	var claimed []Reminder
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, skipRemindersSQL,
			ReminderSkipped, now, ReminderPending, ReminderSending, now, ReminderLate, ReminderRefund)
		if err != nil {
			return fmt.Errorf("store: claim reminders: skip: %w", err)
		}
		args := []any{ReminderPending, ReminderSending, now}
		for _, p := range c.Platforms {
			args = append(args, p)
		}
		due, err := scanReminders(tx.QueryContext(ctx, dueRemindersSQL(len(c.Platforms)), args...))
		if err != nil {
			return fmt.Errorf("store: claim reminders: %w", err)
		}
		for _, r := range due {
			if len(claimed) == c.Limit {
				break
			}
			if c.Want != nil && !c.Want(r) {
				continue
			}
			r.Claim, r.Status = newClaim(), ReminderSending
			r.Attempts++
			_, err := tx.ExecContext(ctx, `UPDATE reminders SET status = ?, claim = ?, next_try = ?,
				attempts = ? WHERE user_key = ? AND number = ?`,
				r.Status, r.Claim, lease, r.Attempts, r.User, r.Number)
			if err != nil {
				return fmt.Errorf("store: claim reminder: %w", err)
			}
			claimed = append(claimed, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return claimed, nil
}

// MarkReminderDelivered records that the claimed reminder r was delivered
// at the given time. It reports false, changing nothing, when the claim is
// no longer r's (its lease ran out and another scheduler took it, or the
// author cancelled it or had their data forgotten meanwhile).
func (db *DB) MarkReminderDelivered(ctx context.Context, r Reminder, at time.Time) (bool, error) {
	return db.finishClaim(ctx, r, `status = ?, delivered = ?, closed = ?, claim = '', last_error = ''`,
		ReminderDelivered, formatStamp(at), formatStamp(at))
}

// RetryReminder gives the claimed reminder r back after a failed delivery:
// pending again from next on, or failed for good when next is zero.
// reason is kept for the operator and never shown to the author. It
// reports false when the claim is no longer r's.
func (db *DB) RetryReminder(ctx context.Context, r Reminder, next time.Time, reason string) (bool, error) {
	if next.IsZero() {
		return db.finishClaim(ctx, r, `status = ?, closed = ?, claim = '', last_error = ?`,
			ReminderFailed, formatStamp(db.now()), reason)
	}
	return db.finishClaim(ctx, r, `status = ?, next_try = ?, claim = '', last_error = ?`,
		ReminderPending, formatStamp(next), reason)
}

// finishClaim applies set to r if r's claim still holds.
func (db *DB) finishClaim(ctx context.Context, r Reminder, set string, args ...any) (bool, error) {
	var n int64
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE reminders SET `+set+`
			WHERE user_key = ? AND number = ? AND status = ? AND claim = ?`,
			append(args, r.User, r.Number, ReminderSending, r.Claim)...)
		if err != nil {
			return fmt.Errorf("store: reminder %d: %w", r.Number, err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return n == 1, err
}

// PurgeReminders deletes at most limit of the reminders that were
// delivered, cancelled or skipped before the given time, oldest first, and
// returns how many it deleted: fewer than limit means none is left. Failed
// ones stay until the author cancels them, as /remind list shows them.
//
// Once a tagged reminder is purged its tag can be added again. That is
// harmless: every tagged reminder is due at a time derived from a date
// (an order's expected or delivery date, a release's steps) that is then
// long past, and the handlers set none for a time that has passed.
func (db *DB) PurgeReminders(ctx context.Context, before time.Time, limit int) (int, error) {
	if limit <= 0 {
		return 0, nil
	}
	var n int64
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, purgeRemindersSQL, formatStamp(before), limit)
		if err != nil {
			return fmt.Errorf("store: purge reminders: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// purgeRemindersSQL finds what to delete through reminders_closed, whose
// status list it repeats, rather than reading every finished reminder.
const purgeRemindersSQL = `DELETE FROM reminders WHERE (user_key, number) IN (
	SELECT user_key, number FROM reminders INDEXED BY reminders_closed
	WHERE status IN ('delivered', 'cancelled', 'skipped') AND closed < ?
	ORDER BY closed LIMIT ?)`

// newClaim returns a random claim token.
func newClaim() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported systems
	return hex.EncodeToString(b[:])
}

// scanReminders reads every row of rows and closes it; it takes the
// query's error too, so callers can pass QueryContext's results straight in.
func scanReminders(rows *sql.Rows, err error) ([]Reminder, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Reminder
	for rows.Next() {
		var r Reminder
		var due, created, delivered string
		err := rows.Scan(&r.User, &r.Number, &r.Platform, &r.Workspace, &r.UserID, &r.Kind, &r.Tag,
			&r.Order, &due, &r.Zone, &r.Lang, &r.Text, &r.Status, &r.Attempts, &created, &delivered, &r.Claim)
		if err != nil {
			return nil, fmt.Errorf("read reminder: %w", err)
		}
		if r.Due, err = parseStamp(due); err != nil {
			return nil, err
		}
		if r.Created, err = parseStamp(created); err != nil {
			return nil, err
		}
		if r.Delivered, err = parseStamp(delivered); err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

func exportReminders(ctx context.Context, q querier, user string, d *UserData) error {
	list, err := scanReminders(q.QueryContext(ctx, listRemindersSQL, user))
	d.Reminders = list
	return err
}

func exportReminderSettings(ctx context.Context, q querier, user string, d *UserData) error {
	s, stored, err := getReminderSettings(ctx, q, user)
	if err != nil || !stored {
		return err
	}
	d.ReminderSettings = &s
	return nil
}
