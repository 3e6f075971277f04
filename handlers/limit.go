package handlers

import (
	"math"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"

	"github.com/authorbot/authorbot/bot"
)

// Rate is a token bucket: Burst requests at once, then one more every
// Every. The zero Rate sets no limit.
type Rate struct {
	Burst int
	Every time.Duration
}

// Limits are how fast one author (one bot.User.Key()) may go.
type Limits struct {
	// Commands counts every command and button press.
	Commands Rate
	// Writes counts, on top of Commands, the commands that add to what is
	// stored about the author or rewrite it: /order add, /order edit,
	// /remind add and /preorder … remind:yes.
	Writes Rate
	// Authors is how many authors' buckets are kept, the least recently
	// seen forgotten first; 0 means 10,000.
	Authors int
}

// DefaultLimits are generous for a person and stop a script.
//
// Commands: a burst of 20, then 2 a second. Reading a few answers and
// orders in a row never comes near it; nobody types two commands a
// second for long.
//
// Writes: a burst of 10, then one every 2 seconds. An author copying a
// batch of past orders from Amazon pastes a handful at once, then goes at
// typing speed; a script adding orders is slowed to 1,800 an hour, where
// it managed 1,500 a second (20,000 orders in 13 seconds) without a limit.
//
// The console is not limited: its one author is whoever runs it, on their
// own database.
func DefaultLimits() Limits {
	return Limits{
		Commands: Rate{Burst: 20, Every: 500 * time.Millisecond},
		Writes:   Rate{Burst: 10, Every: 2 * time.Second},
		Authors:  10000,
	}
}

// limiter holds a pair of token buckets per author. The buckets sit in a
// bounded LRU: an author who is forgotten starts again with full buckets,
// which an idle author has anyway (they fill in 10 and 20 seconds), and
// being forgotten takes Authors other authors active in between.
type limiter struct {
	limits  Limits
	authors *lru.Cache[string, *buckets]
}

type buckets struct{ commands, writes *rate.Limiter }

func newLimiter(l Limits) *limiter {
	size := l.Authors
	if size <= 0 {
		size = 10000
	}
	authors, _ := lru.New[string, *buckets](size) // errors only for a size <= 0
	return &limiter{limits: l, authors: authors}
}

// newBucket returns a full bucket.
func newBucket(r Rate) *rate.Limiter {
	if r.Burst <= 0 || r.Every <= 0 {
		return rate.NewLimiter(rate.Inf, 0)
	}
	return rate.NewLimiter(rate.Every(r.Every), r.Burst)
}

// wait takes a token from the author's buckets (from both for a write)
// and returns 0, or, when one of them is empty, takes none and returns
// how long until both have one.
func (l *limiter) wait(author string, write bool, now time.Time) time.Duration {
	b, ok := l.authors.Get(author)
	if !ok {
		b = &buckets{newBucket(l.limits.Commands), newBucket(l.limits.Writes)}
		if prev, found, _ := l.authors.PeekOrAdd(author, b); found {
			b = prev // the same author, added by a request running alongside
		}
	}
	all := b.commands.ReserveN(now, 1)
	wait := all.DelayFrom(now)
	var w *rate.Reservation
	if write {
		w = b.writes.ReserveN(now, 1)
		wait = max(wait, w.DelayFrom(now))
	}
	if wait > 0 {
		all.CancelAt(now)
		if w != nil {
			w.CancelAt(now)
		}
	}
	return wait
}

// isWrite reports the commands that count against Limits.Writes.
func isWrite(req *bot.Request) bool {
	switch req.Command + " " + req.Sub {
	case "order add", "order edit", "remind add":
		return true
	case "preorder ":
		return req.Option("remind") == "yes"
	}
	return false
}

// admit applies the limits to req: nil, or an error asking the author to
// wait.
func (r *Router) admit(req *bot.Request) error {
	if req.User.Platform == bot.Console {
		return nil
	}
	wait := r.limiter.wait(req.User.Key(), req.Action == "" && isWrite(req), r.now())
	if wait <= 0 {
		return nil
	}
	secs := int(math.Ceil(wait.Seconds()))
	lang := r.lang(req, req.Option("question"))
	p := r.printer(lang)
	return fail(p, bot.Invalid, "limit.slow_down", "Count", secs)
}
