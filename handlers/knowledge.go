package handlers

import (
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/kb"
)

// Knowledge is where a router finds the knowledge base in effect, once
// per request: moderators' changes swap it while the bot runs.
// *kbedit.Editor is one. Current must be cheap (an atomic load).
type Knowledge interface {
	Current() *kb.KB
}

// WithKnowledge makes the router answer from the knowledge base k has in
// effect at each request rather than from New's alone. New's k is then
// the one k has at the start.
func WithKnowledge(k Knowledge) Option {
	return func(r *Router) { r.live = &liveKB{src: k} }
}

// liveKB is the state a router and its later generations share: the
// source, and the router built for the knowledge base it last had.
//
// A generation is the router copied with the answers of another
// knowledge base: the rendered topics and the search caches belong to
// one knowledge base and are rebuilt with it, and a request that began
// with one generation ends with it, whatever is swapped meanwhile. The
// copy shares everything else (ledger, limiter, catalog, clock).
type liveKB struct {
	src Knowledge
	mu  sync.Mutex // one generation built at a time
	gen atomic.Pointer[Router]
	// built counts the generations, for their replies' keys.
	built atomic.Uint64
}

// current returns the router of the knowledge base in effect: r itself
// when it was built without WithKnowledge or its knowledge base is still
// the one in effect.
func (r *Router) current() *Router {
	if r.live == nil {
		return r
	}
	k := r.live.src.Current()
	if g := r.live.gen.Load(); g != nil && g.kb == k {
		return g
	}
	if r.kb == k {
		return r
	}
	r.live.mu.Lock()
	defer r.live.mu.Unlock()
	if g := r.live.gen.Load(); g != nil && g.kb == k {
		return g
	}
	g := *r
	g.live = nil
	g.Answers = newAnswers(k, r.words)
	g.Answers.gen = "g" + strconv.FormatUint(r.live.built.Add(1), 10) + "/"
	g.table = map[string]bot.HandlerFunc{}
	g.fillTable()
	r.live.gen.Store(&g)
	return &g
}
