package handlers

import (
	"context"
	"testing"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/kb"
)

// fixedKB is a Knowledge that never changes.
type fixedKB struct{ k *kb.KB }

func (f fixedKB) Current() *kb.KB { return f.k }

// BenchmarkAskStatic and BenchmarkAskLive compare an /ask (answered from
// the cache, the common case) on a router with a fixed knowledge base and
// on one built WithKnowledge, which looks up the knowledge base in effect
// on every request.
func BenchmarkAskStatic(b *testing.B) { benchmarkAsk(b, nil) }

func BenchmarkAskLive(b *testing.B) { benchmarkAsk(b, WithKnowledge(fixedKB{testKB(b)})) }

func benchmarkAsk(b *testing.B, live Option) {
	opts := []Option{WithLimits(Limits{})}
	if live != nil {
		opts = append(opts, live)
	}
	r := testRouter(b, testDB(b), opts...)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		req := &bot.Request{User: bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1"}, Command: "ask",
			Options: map[string]string{"question": "my cart is empty"}}
		if _, err := r.Handle(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// swapKB is a Knowledge whose knowledge base the benchmark changes.
type swapKB struct {
	ks []*kb.KB
	n  int
}

func (s *swapKB) Current() *kb.KB { return s.ks[s.n%len(s.ks)] }

// BenchmarkNewGeneration is what the first request after a change pays
// on top of the rebuild of the knowledge base: the router's answers
// rendered again from the new one.
func BenchmarkNewGeneration(b *testing.B) {
	src := &swapKB{ks: []*kb.KB{testKB(b)}}
	for range 2 {
		k, err := kb.LoadOverlay(kb.Overlay{})
		if err != nil {
			b.Fatal(err)
		}
		src.ks = append(src.ks, k)
	}
	r := testRouter(b, testDB(b), WithKnowledge(src)) // built on ks[0]
	b.ReportAllocs()
	for b.Loop() {
		src.n = 1 + src.n%2 // ks[1], ks[2], ks[1]...: a new one each time
		if r.current() == r {
			b.Fatal("no router")
		}
	}
}
