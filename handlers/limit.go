package handlers

import (
	"hash/maphash"
	"math"
	"sync"
	"time"

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
	// Authors is how many authors' buckets are kept; 0 means 10,000.
	// Those whose buckets are full again are forgotten first, then the
	// least recently seen.
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

// limiter holds a pair of token buckets per author, each as the time at
// which it is full again: a bucket of Burst tokens, one more every Every,
// is as full as that time is near (the generic cell rate algorithm). A
// token is taken by moving the time on by Every, from now if it had
// passed, and refused when that would put it more than Burst tokens'
// worth ahead of now.
//
// golang.org/x/time/rate does the same behind a Limiter per bucket, with
// its own mutex, in an LRU of the authors' pairs: taking a token touched
// five objects of the author's, each elsewhere in memory. Under
// scripts/bench-slack (5,000 authors, the load generator on the same two
// cores) that was 1.1 µs of each request's 31 µs of CPU in the profile,
// most of it waiting on memory; here one map entry of 24 bytes, without
// pointers, holds an author's buckets.
type limiter struct {
	commands, writes cell
	max              int
	seed             maphash.Seed

	mu      sync.Mutex
	base    time.Time // bucket times are durations since base
	tick    uint64    // counts the commands, to tell who was seen last
	authors map[uint64]buckets
}

// cell is one kind of bucket: a token every every, burst the time that
// Burst tokens take to come. A zero every sets no limit.
type cell struct{ every, burst time.Duration }

// buckets is one author's: when each bucket is full again, and the tick
// at which the author was last seen.
type buckets struct {
	commands, writes time.Duration
	seen             uint64
}

func newLimiter(l Limits) *limiter {
	size := l.Authors
	if size <= 0 {
		size = 10000
	}
	return &limiter{commands: newCell(l.Commands), writes: newCell(l.Writes), max: size,
		seed: maphash.MakeSeed(), authors: make(map[uint64]buckets)}
}

func newCell(r Rate) cell {
	if r.Burst <= 0 || r.Every <= 0 {
		return cell{}
	}
	return cell{every: r.Every, burst: time.Duration(r.Burst) * r.Every}
}

// take returns when a bucket full again at full is full again once a token
// is taken from it at now, or full and how long until it has a token.
func (c cell) take(full, now time.Duration) (time.Duration, time.Duration) {
	if c.every == 0 {
		return full, 0
	}
	next := max(full, now) + c.every
	if over := next - now - c.burst; over > 0 {
		return full, over
	}
	return next, 0
}

// wait takes a token from the author's buckets (from both for a write)
// and returns 0, or, when one of them is empty, takes none and returns
// how long until both have one.
//
// Authors are told apart by a seeded hash of their key: two that share
// one (a chance in 2^64 for a pair) share their buckets, which slows
// them, no more.
func (l *limiter) wait(author string, write bool, now time.Time) time.Duration {
	key := maphash.String(l.seed, author)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.base.IsZero() {
		l.base = now
	}
	t := now.Sub(l.base)
	b, ok := l.authors[key]
	if !ok {
		l.makeRoom(t)
		b = buckets{commands: t, writes: t}
	}
	l.tick++
	b.seen = l.tick
	commands, wait := l.commands.take(b.commands, t)
	writes := b.writes
	if write {
		var w time.Duration
		writes, w = l.writes.take(b.writes, t)
		wait = max(wait, w)
	}
	if wait == 0 {
		b.commands, b.writes = commands, writes
	}
	// A refused author is kept too, as seen now: forgetting them would
	// fill their buckets.
	l.authors[key] = b
	return wait
}

// makeRoom makes room for one more author when the limiter holds its
// most. Authors whose buckets are full again are forgotten first, which
// changes nothing: they would start full. Past those, the least recently
// seen of a few taken at random go, down to seven eighths of the most,
// so that the sweep runs once in many new authors.
func (l *limiter) makeRoom(now time.Duration) {
	if len(l.authors) < l.max {
		return
	}
	for k, b := range l.authors {
		if b.commands <= now && b.writes <= now {
			delete(l.authors, k)
		}
	}
	for len(l.authors) >= l.max-l.max/8 {
		var oldest uint64
		var seen uint64 = math.MaxUint64
		n := 0
		for k, b := range l.authors { // map order is random
			if b.seen < seen {
				oldest, seen = k, b.seen
			}
			if n++; n == 8 {
				break
			}
		}
		delete(l.authors, oldest)
	}
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
