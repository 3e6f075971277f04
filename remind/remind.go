// Package remind delivers authors' reminders when they fall due, as direct
// messages through the platform each author came from.
//
// Reminders live in the database, not in memory, so they survive restarts:
// a reminder that fell due while the bot was down is delivered at the next
// start. Delivery is claim-then-send:
//
//  1. In one immediate transaction the scheduler claims the due reminders
//     for the platforms it can reach, marking each one "sending" with a
//     random claim token and a lease (Lease, two minutes by default).
//  2. It sends each one through its platform's bot.Notifier, with a
//     timeout well inside the lease.
//  3. It marks the reminder delivered, if its claim still holds.
//
// Two schedulers on the same file (a console beside the server, or the
// server restarted while the old process drains) never send the same
// reminder while a lease holds. The one gap is a crash after the platform
// accepted the message and before step 3 committed: the lease then runs
// out and the reminder is sent again. That window is one local SQLite
// write long. The alternative, never retrying an expired claim, would
// instead lose the reminder whenever the process died before or during
// the send, which is far more likely; a reminder sent twice in a rare
// crash is the better failure than a reminder never sent.
//
// A failed send is retried with a growing delay (30 s, 1 min, 2 min… at
// most an hour apart); after MaxAttempts the reminder is marked failed. A
// platform that is not connected is not tried at all: its reminders wait.
//
// Reminders delivered, cancelled or skipped are deleted Keep (30 days)
// after, in bounded batches at the first tick and then at most every
// PurgeEvery, so that the table holds what is to come and the recent past,
// not every reminder ever sent.
package remind

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

// Store is the reminder storage the scheduler uses; *store.DB satisfies it.
type Store interface {
	// ClaimReminders marks the due reminders sending and returns them.
	ClaimReminders(ctx context.Context, c ledger.Claim) ([]ledger.Reminder, error)
	// MarkReminderDelivered reports false when the claim no longer holds.
	MarkReminderDelivered(ctx context.Context, r ledger.Reminder, at time.Time) (bool, error)
	// RetryReminder makes r pending again from next on, or failed when
	// next is zero; false when the claim no longer holds.
	RetryReminder(ctx context.Context, r ledger.Reminder, next time.Time, reason string) (bool, error)
	// PurgeReminders deletes at most limit reminders finished before the
	// given time and returns how many it deleted.
	PurgeReminders(ctx context.Context, before time.Time, limit int) (int, error)
}

// Reacher is an optional ability of a bot.Notifier that reaches only some
// users of its platform: the console reaches the author at its keyboard
// and no one else. Reminders for the others wait for a notifier that
// reaches them. A Notifier without it reaches every user of its platform.
type Reacher interface {
	Reaches(u bot.User) bool
}

// Defaults for the Scheduler's settings.
const (
	DefaultEvery       = 30 * time.Second
	DefaultLease       = 2 * time.Minute
	DefaultTimeout     = 30 * time.Second
	DefaultMaxAttempts = 24 // about 17 hours of retries
	firstRetry         = 30 * time.Second
	maxRetry           = time.Hour
	// DefaultKeep is how long a finished reminder is kept: /remind list
	// counts those delivered, and /mydata export shows them, for a month.
	DefaultKeep = 30 * 24 * time.Hour
	// PurgeEvery is how often the scheduler purges once nothing is left.
	PurgeEvery = time.Hour
	// purgeBatch bounds one purge's transaction, so that it holds the
	// write lock for milliseconds; a tick purges at most purgeBatches.
	purgeBatch, purgeBatches = 500, 10
)

// Scheduler delivers due reminders. Set Store and Notifiers; the other
// fields have defaults.
type Scheduler struct {
	Store Store
	// Notifiers are the connected platforms. A platform missing here keeps
	// its reminders until a scheduler that has it runs.
	Notifiers map[bot.Platform]bot.Notifier
	// Message renders a reminder for its author; nil sends the bare text.
	Message func(ledger.Reminder) *bot.Reply
	Log     *slog.Logger
	// Now is the clock; tests pass a fake one.
	Now func() time.Time
	// Every is how often Run looks for due reminders.
	Every time.Duration
	// Lease is how long a claim holds; Timeout, the time one send may take,
	// must be well within it.
	Lease, Timeout time.Duration
	// MaxAttempts is how many sends are tried before a reminder is failed.
	MaxAttempts int
	// Keep is how long finished reminders are kept before they are purged.
	Keep time.Duration

	mu        sync.Mutex
	nextPurge time.Time // when to purge next; zero at the first tick
}

// Run delivers the reminders that are due now, then looks again every
// Every until ctx is cancelled. Store errors are logged, not returned: a
// busy database must not stop the bot, and the next tick tries again.
func (s *Scheduler) Run(ctx context.Context) error {
	s.tick(ctx)
	return s.Poll(ctx)
}

// Poll is Run for a caller that has just called Tick itself: it first
// looks after Every, then every Every until ctx is cancelled.
func (s *Scheduler) Poll(ctx context.Context) error {
	every := s.Every
	if every <= 0 {
		every = DefaultEvery
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		s.tick(ctx)
	}
}

// tick is Tick for Run and Poll, which log store errors.
func (s *Scheduler) tick(ctx context.Context) {
	if _, err := s.Tick(ctx); err != nil && ctx.Err() == nil {
		s.log().Warn("reminders: tick failed", slog.Any("err", err))
	}
}

// Tick purges finished reminders when it is time to, then claims the
// reminders due now and delivers them, one by one. It returns how many
// were delivered. A failed purge is logged and does not stop delivery.
func (s *Scheduler) Tick(ctx context.Context) (int, error) {
	s.purge(ctx)
	if len(s.Notifiers) == 0 {
		return 0, nil
	}
	platforms := make([]string, 0, len(s.Notifiers))
	for p := range s.Notifiers {
		platforms = append(platforms, string(p))
	}
	lease := s.Lease
	if lease <= 0 {
		lease = DefaultLease
	}
	claimed, err := s.Store.ClaimReminders(ctx, ledger.Claim{
		Now: s.now(), Lease: lease, Platforms: platforms, Want: s.reaches,
	})
	if err != nil {
		return 0, err
	}
	delivered := 0
	for _, r := range claimed {
		if ctx.Err() != nil {
			// Shutting down: hand the rest back so the next start sends
			// them at once instead of after the lease.
			s.giveBack(ctx, r)
			continue
		}
		if s.deliver(ctx, r) {
			delivered++
		}
	}
	return delivered, nil
}

// purge deletes reminders finished more than Keep ago, a batch at a
// time. Until a batch comes back short, more are left, and the next tick
// goes on; after that, the next purge is PurgeEvery later.
func (s *Scheduler) purge(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if now.Before(s.nextPurge) {
		return
	}
	keep := s.Keep
	if keep <= 0 {
		keep = DefaultKeep
	}
	total := 0
	for range purgeBatches {
		n, err := s.Store.PurgeReminders(ctx, now.Add(-keep), purgeBatch)
		if err != nil {
			if ctx.Err() == nil {
				s.log().Warn("reminders: purge failed", slog.Any("err", err))
			}
			return
		}
		total += n
		if n < purgeBatch {
			s.nextPurge = now.Add(PurgeEvery)
			break
		}
	}
	if total > 0 {
		s.log().Info("reminders purged", slog.Int("count", total), slog.Duration("kept", keep))
	}
}

// reaches reports whether a connected notifier can reach r's author.
func (s *Scheduler) reaches(r ledger.Reminder) bool {
	n, ok := s.Notifiers[bot.Platform(r.Platform)]
	if !ok {
		return false
	}
	if rc, ok := n.(Reacher); ok {
		return rc.Reaches(userOf(r))
	}
	return true
}

// deliver sends one claimed reminder and records the outcome.
func (s *Scheduler) deliver(ctx context.Context, r ledger.Reminder) bool {
	log := s.log().With(slog.String("user", r.User), slog.Int("reminder", r.Number),
		slog.String("kind", r.Kind), slog.String("platform", r.Platform))
	msg := s.message(r)
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	sendCtx, cancel := context.WithTimeout(ctx, timeout)
	err := s.Notifiers[bot.Platform(r.Platform)].Notify(sendCtx, userOf(r), msg)
	cancel()
	// What follows records what already happened on the platform: it must
	// not be cut short by a shutdown, or a sent reminder would be sent again.
	rec, cancelRec := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancelRec()
	if err != nil {
		if ctx.Err() != nil {
			s.giveBack(ctx, r)
			return false
		}
		next := s.retryAt(r.Attempts)
		if _, rerr := s.Store.RetryReminder(rec, r, next, err.Error()); rerr != nil {
			log.Error("reminders: cannot record a failed delivery", slog.Any("err", rerr))
		}
		if next.IsZero() {
			log.Warn("reminder failed for good", slog.Int("attempts", r.Attempts), slog.Any("err", err))
		} else {
			log.Warn("reminder not delivered; will retry", slog.Int("attempts", r.Attempts),
				slog.Time("next", next), slog.Any("err", err))
		}
		return false
	}
	ok, err := s.Store.MarkReminderDelivered(rec, r, s.now())
	switch {
	case err != nil:
		// Sent but not recorded: the lease will run out and it will be
		// sent again (see the package comment).
		log.Error("reminders: delivered but not recorded", slog.Any("err", err))
	case !ok:
		log.Warn("reminders: delivered after its claim was lost")
	default:
		log.Info("reminder delivered", slog.Int("attempts", r.Attempts))
	}
	return true
}

// retryAt is when to try again after attempts failed sends, or the zero
// time when it is time to give up.
func (s *Scheduler) retryAt(attempts int) time.Time {
	limit := s.MaxAttempts
	if limit <= 0 {
		limit = DefaultMaxAttempts
	}
	if attempts >= limit {
		return time.Time{}
	}
	wait := maxRetry
	if attempts < 12 {
		wait = min(firstRetry<<(attempts-1), maxRetry)
	}
	return s.now().Add(wait)
}

// giveBack makes a claimed reminder due again right away.
func (s *Scheduler) giveBack(ctx context.Context, r ledger.Reminder) {
	rec, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if _, err := s.Store.RetryReminder(rec, r, s.now(), "interrupted by shutdown"); err != nil {
		s.log().Warn("reminders: cannot hand back a claim; it is due again when its lease ends",
			slog.String("user", r.User), slog.Int("reminder", r.Number), slog.Any("err", err))
	}
}

func (s *Scheduler) message(r ledger.Reminder) *bot.Reply {
	if s.Message != nil {
		return s.Message(r)
	}
	return &bot.Reply{Blocks: []bot.Block{&bot.Text{Text: r.Text}}, Lang: r.Lang}
}

func (s *Scheduler) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Scheduler) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.New(slog.DiscardHandler)
}

// userOf is the author a reminder goes to.
func userOf(r ledger.Reminder) bot.User {
	return bot.User{Platform: bot.Platform(r.Platform), Workspace: r.Workspace, ID: r.UserID}
}
