package ledger

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Store is what Service needs of a database: the reads behind the
// ledger's lists, and write transactions on one author's data. Package
// store implements it for SQLite; another engine can take its place by
// implementing the same.
type Store interface {
	// Update runs fn in one write transaction on user's data and commits
	// it when fn returns nil: every change fn makes through its Tx is
	// saved, or none is, and Update returns once they are committed. An
	// error from fn is returned unchanged. fn must not call the Store, and
	// should do nothing slow: a store may run it while other updates wait
	// to share its commit. A store may also run fn again, on the data as
	// it was before the first run, when another update of the same commit
	// failed: fn must leave its results only through tx and the variables
	// it sets, never by adding to what an earlier run left.
	Update(ctx context.Context, user string, fn func(Tx) error) error

	// Order returns the user's order number, or an error wrapping
	// ErrNotFound.
	Order(ctx context.Context, user string, number int) (Order, error)
	// Orders lists the user's orders with status ("" for all), by number.
	Orders(ctx context.Context, user, status string) ([]Order, error)
	// LatestOrders returns the user's last limit orders with status (""
	// for all), by number, and how many such orders there are in all.
	LatestOrders(ctx context.Context, user, status string, limit int) ([]Order, int, error)
	// RecentOrders returns the user's orders still on their way and those
	// delivered on or after the day since, by number.
	RecentOrders(ctx context.Context, user string, since time.Time) ([]Order, error)
	// Reminders lists all of the user's reminders, by number.
	Reminders(ctx context.Context, user string) ([]Reminder, error)
	// ReminderSettings returns the user's settings: automatic reminders
	// on and no zone for a user who never changed them.
	ReminderSettings(ctx context.Context, user string) (ReminderSettings, error)
	// Export returns everything stored about the user.
	Export(ctx context.Context, user string) (UserData, error)
	// Forget deletes everything stored about the user, in one
	// transaction.
	Forget(ctx context.Context, user string) error
}

// Tx is one write transaction on one author's data (see Store.Update).
// Its methods act for that author, under the context Update was given.
type Tx interface {
	// Order returns the order number, or an error wrapping ErrNotFound.
	Order(number int) (Order, error)
	// AddOrder stores o as the author's next order and returns it with
	// its number and timestamps. Numbers count up and are never given
	// again, even after a delete. A ledger holding MaxOrders orders gives
	// TooManyOrders.
	AddOrder(o Order) (Order, error)
	// PutOrder writes back an order read in this transaction, changed,
	// and returns it with its Updated time. Its number and Created time
	// stay as stored.
	PutOrder(o Order) (Order, error)
	// DeleteOrder removes order number; one missing gives an error
	// wrapping ErrNotFound.
	DeleteOrder(number int) error

	// ReminderSettings returns the author's settings (see
	// Store.ReminderSettings).
	ReminderSettings() (ReminderSettings, error)
	// PutReminderSettings stores Automatic and Zone; LastNumber is the
	// store's own.
	PutReminderSettings(s ReminderSettings) error
	// AddReminders stores rs, the author's, pending, and returns them with
	// their numbers; numbers are never given again. A reminder with a Tag
	// exists at most once per author: one with the same tag that is
	// pending or was cancelled is rescheduled (new due time and text,
	// same number); one delivered, or final otherwise, is returned
	// unchanged, so that the caller tells by its Status. Reminders the
	// author sets (not Automatic) that would take their open reminders
	// past MaxOpenReminders give TooManyReminders.
	AddReminders(rs []Reminder) ([]Reminder, error)
	// CancelReminder cancels the pending (or failed) reminder number and
	// returns it. A missing one gives an error wrapping ErrNotFound; one
	// delivered, cancelled or being delivered gives the reminder and an
	// error wrapping ErrNotPending.
	CancelReminder(number int) (Reminder, error)
	// CancelReminderTag cancels the reminder with tag if it is pending,
	// and reports whether it did.
	CancelReminderTag(tag string) (bool, error)
}

// Service applies the commands on authors' ledgers. Each command's
// changes, an order and the reminders that go with it, are made in one
// transaction of the Store: saved together, or refused together.
type Service struct {
	store Store
}

// NewService returns a Service keeping its data in s.
func NewService(s Store) *Service { return &Service{store: s} }

// Author is who a command is for, when it is given, and how the
// reminders it sets will reach them.
type Author struct {
	// User is the author's key in the ledger.
	User string
	// Platform, Workspace and ID say where the author's reminders are
	// delivered; Reachable, whether a direct message can reach them
	// there at all. No automatic reminder is set for an author it could
	// not reach.
	Platform, Workspace, ID string
	Reachable               bool
	// Lang is the language the author's reminders are written in, and
	// Word writes an automatic reminder's text in it; without Word, no
	// automatic reminder is set.
	Lang string
	Word func(Auto) string
	// Now is when the command is given; its calendar day (Day) is today
	// for the rules.
	Now time.Time
}

// reachable reports whether automatic reminders can be set for a.
func (a Author) reachable() bool { return a.Reachable && a.Word != nil }

// reminder fills in whose r is and where it goes.
func (a Author) reminder(r Reminder) Reminder {
	r.User, r.Platform, r.Workspace, r.UserID = a.User, a.Platform, a.Workspace, a.ID
	if r.Lang == "" {
		r.Lang = a.Lang
	}
	return r
}

// Change is what a command did to an order.
type Change struct {
	// Before is the order as it was, Order as it is now.
	Before, Order Order
	// Reminder is the automatic reminder the command set or moved, now
	// pending; nil when it set none, or one that was already sent once.
	Reminder *Auto
}

// Add records a new order for the author (NewOrder's rules) with its
// automatic reminder.
func (s *Service) Add(ctx context.Context, a Author, o Order) (Change, error) {
	o, err := NewOrder(o, Day(a.Now))
	if err != nil {
		return Change{}, err
	}
	o.User = a.User
	var c Change
	err = s.store.Update(ctx, a.User, func(tx Tx) error {
		added, err := tx.AddOrder(o)
		if err != nil {
			return err
		}
		c.Order = added
		// A new number has no reminders to withdraw: numbers are never
		// given twice, and forgetting an author forgets their reminders.
		c.Reminder, err = follow(tx, a, added, false)
		return err
	})
	return c, err
}

// Edit applies ch to the author's order number (Edit's rules).
func (s *Service) Edit(ctx context.Context, a Author, number int, ch Changes) (Change, error) {
	return s.change(ctx, a, number, func(o Order) (Order, error) { return Edit(o, ch) })
}

// Ship marks the author's order number shipped (Ship's rules).
func (s *Service) Ship(ctx context.Context, a Author, number int, sh Shipment) (Change, error) {
	return s.change(ctx, a, number, func(o Order) (Order, error) { return Ship(o, sh) })
}

// Deliver marks the author's order number delivered on date, which the
// author gave when dated (Deliver's rules).
func (s *Service) Deliver(ctx context.Context, a Author, number int, date time.Time, dated bool) (Change, error) {
	return s.change(ctx, a, number, func(o Order) (Order, error) { return Deliver(o, date, dated) })
}

// Cancel marks the author's order number cancelled (Cancel's rules).
func (s *Service) Cancel(ctx context.Context, a Author, number int) (Change, error) {
	return s.change(ctx, a, number, func(o Order) (Order, error) { return Cancel(o, Day(a.Now)) })
}

// change applies step to the author's order number, then the policy for
// its automatic reminders.
func (s *Service) change(ctx context.Context, a Author, number int, step func(Order) (Order, error)) (Change, error) {
	var c Change
	err := s.store.Update(ctx, a.User, func(tx Tx) error {
		var err error
		if c.Before, err = tx.Order(number); err != nil {
			return err
		}
		changed, err := step(c.Before)
		if err != nil {
			return err
		}
		if c.Order, err = tx.PutOrder(changed); err != nil {
			return err
		}
		c.Reminder, err = follow(tx, a, c.Order, true)
		return err
	})
	return c, err
}

// Delete removes the author's order number, and its reminders with it.
func (s *Service) Delete(ctx context.Context, a Author, number int) error {
	return s.store.Update(ctx, a.User, func(tx Tx) error {
		if err := tx.DeleteOrder(number); err != nil {
			return err
		}
		_, err := apply(tx, a, Forget(number))
		return err
	})
}

// Report records that the author reported problem with their order
// number, and returns the order with the refund-window reminder that
// the report set, if any (the policy of Report).
func (s *Service) Report(ctx context.Context, a Author, number int, problem string) (Change, error) {
	if !a.reachable() || (problem != ProblemDamaged && problem != ProblemLost) {
		o, err := s.store.Order(ctx, a.User, number)
		return Change{Before: o, Order: o}, err
	}
	var c Change
	err := s.store.Update(ctx, a.User, func(tx Tx) error {
		o, err := tx.Order(number)
		if err != nil {
			return err
		}
		c.Before, c.Order = o, o
		var set ReminderSettings
		if ReportNeedsSettings(o, problem, a.reachable(), Day(a.Now)) {
			if set, err = tx.ReminderSettings(); err != nil {
				return err
			}
		}
		c.Reminder, err = apply(tx, a, Report(o, problem, set, a.reachable(), a.Now))
		return err
	})
	return c, err
}

// follow applies the policy for o's reminder about a late delivery
// (Follow); withdraw says whether to withdraw what it no longer wants.
func follow(tx Tx, a Author, o Order, withdraw bool) (*Auto, error) {
	var set ReminderSettings
	if FollowNeedsSettings(o, a.reachable()) {
		var err error
		if set, err = tx.ReminderSettings(); err != nil {
			return nil, err
		}
	}
	p := Follow(o, set, a.reachable(), a.Now)
	if !withdraw {
		p.Withdraw = nil
	}
	return apply(tx, a, p)
}

// apply withdraws and sets what p asks for, and returns the reminder it
// set if that is pending: nil too for one already sent once, which stays
// as it was.
func apply(tx Tx, a Author, p Plan) (*Auto, error) {
	for _, tag := range p.Withdraw {
		if _, err := tx.CancelReminderTag(tag); err != nil {
			return nil, err
		}
	}
	if p.Set == nil {
		return nil, nil
	}
	auto := p.Set
	got, err := tx.AddReminders([]Reminder{a.reminder(Reminder{
		Kind: auto.Kind, Tag: auto.Tag(), Order: auto.Order.Number, Due: auto.Due,
		Zone: auto.Due.Location().String(), Text: a.Word(*auto),
	})})
	if err != nil {
		return nil, fmt.Errorf("ledger: automatic reminder for order %d: %w", auto.Order.Number, err)
	}
	if got[0].Status != ReminderPending {
		return nil, nil
	}
	return auto, nil
}

// Remind sets the reminders rs the author asked for (each with its Kind,
// Due, Zone and Text, and a Tag to reschedule rather than repeat it), all
// or none, and stores zone as the author's time zone unless it is "", in
// the same transaction. They would take the author past MaxOpenReminders:
// TooManyReminders, and nothing is stored.
func (s *Service) Remind(ctx context.Context, a Author, zone string, rs []Reminder) ([]Reminder, error) {
	for i := range rs {
		rs[i] = a.reminder(rs[i])
	}
	var set []Reminder
	err := s.store.Update(ctx, a.User, func(tx Tx) error {
		if zone != "" {
			if err := saveZone(tx, zone); err != nil {
				return err
			}
		}
		var err error
		set, err = tx.AddReminders(rs)
		return err
	})
	return set, err
}

// SaveZone stores zone as the user's time zone.
func (s *Service) SaveZone(ctx context.Context, user, zone string) error {
	return s.store.Update(ctx, user, func(tx Tx) error { return saveZone(tx, zone) })
}

func saveZone(tx Tx, zone string) error {
	set, err := tx.ReminderSettings()
	if err != nil {
		return err
	}
	set.Zone = zone
	return tx.PutReminderSettings(set)
}

// SetAutomatic switches the user's automatic reminders on or off.
func (s *Service) SetAutomatic(ctx context.Context, user string, on bool) error {
	return s.store.Update(ctx, user, func(tx Tx) error {
		set, err := tx.ReminderSettings()
		if err != nil {
			return err
		}
		set.Automatic = on
		return tx.PutReminderSettings(set)
	})
}

// CancelReminder cancels the user's reminder number: ErrNotFound for one
// they do not have, ErrNotPending (with the reminder) for one no longer
// pending.
func (s *Service) CancelReminder(ctx context.Context, user string, number int) (Reminder, error) {
	var r Reminder
	err := s.store.Update(ctx, user, func(tx Tx) error {
		var err error
		r, err = tx.CancelReminder(number)
		return err
	})
	if err != nil && !errors.Is(err, ErrNotPending) {
		return Reminder{}, err
	}
	return r, err
}

// The reads, as the Store gives them.

// Order returns the user's order number, or an error wrapping ErrNotFound.
func (s *Service) Order(ctx context.Context, user string, number int) (Order, error) {
	return s.store.Order(ctx, user, number)
}

// Orders lists the user's orders with status ("" for all), by number.
func (s *Service) Orders(ctx context.Context, user, status string) ([]Order, error) {
	return s.store.Orders(ctx, user, status)
}

// LatestOrders returns the user's last limit orders with status ("" for
// all) and how many such orders there are.
func (s *Service) LatestOrders(ctx context.Context, user, status string, limit int) ([]Order, int, error) {
	return s.store.LatestOrders(ctx, user, status, limit)
}

// RecentOrders returns the user's orders on their way and those delivered
// since the given day.
func (s *Service) RecentOrders(ctx context.Context, user string, since time.Time) ([]Order, error) {
	return s.store.RecentOrders(ctx, user, since)
}

// Reminders lists all of the user's reminders, by number.
func (s *Service) Reminders(ctx context.Context, user string) ([]Reminder, error) {
	return s.store.Reminders(ctx, user)
}

// ReminderSettings returns the user's reminder settings.
func (s *Service) ReminderSettings(ctx context.Context, user string) (ReminderSettings, error) {
	return s.store.ReminderSettings(ctx, user)
}

// Export returns everything stored about the user.
func (s *Service) Export(ctx context.Context, user string) (UserData, error) {
	return s.store.Export(ctx, user)
}

// Forget deletes everything stored about the user.
func (s *Service) Forget(ctx context.Context, user string) error {
	return s.store.Forget(ctx, user)
}
