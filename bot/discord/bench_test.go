package discord

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/replytest"
)

// BenchmarkInteractions measures POST /discord/interactions for a slash
// command answered at once: body read, Ed25519 check, freshness and
// replay checks, parse, a handler returning a reply, and render. The
// reply is a knowledge-base answer (with a Key: its response is made
// once) or an author's order list (made for each request). Each request
// is a new interaction, signed before the timer.
func BenchmarkInteractions(b *testing.B) {
	for _, bc := range []struct{ name, reply string }{{"answer", "answer"}, {"order list", "order-list"}} {
		b.Run(bc.name, func(b *testing.B) {
			rec := &recorder{answer: func(*bot.Request) *bot.Reply { return replytest.Reply(bc.reply) }}
			a, priv := newTestAdapter(b, nil, rec, nil)
			now := time.Now()
			reqs := make([]*http.Request, b.N)
			for i := range reqs {
				reqs[i] = signed(priv, now, commandInteraction(fmt.Sprint("b", i), "guild-1", "user-1", "en-US", "ask", str("question", "my cart is empty")))
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				w := httptest.NewRecorder()
				a.ServeHTTP(w, reqs[i])
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
				if i%1000 == 999 {
					b.StopTimer()
					rec.mu.Lock()
					rec.reqs = rec.reqs[:0]
					rec.mu.Unlock()
					b.StartTimer()
				}
			}
		})
	}
}

// BenchmarkPing is Discord's endpoint check: verification and PONG only.
func BenchmarkPing(b *testing.B) {
	a, priv := newTestAdapter(b, nil, &recorder{}, nil)
	req := signed(priv, time.Now(), pingInteraction())
	body := pingInteraction()
	b.ReportAllocs()
	for range b.N {
		r := req.Clone(req.Context())
		r.Body = readCloser(body)
		w := httptest.NewRecorder()
		a.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkRender measures render on an answer and on an order list,
// the reply rendered anew for every /order list.
func BenchmarkRender(b *testing.B) {
	for _, c := range []struct {
		name  string
		reply *bot.Reply
	}{{"answer", sampleAnswer("en")}, {"order-list", replytest.ByName()["order-list"]}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				render(c.reply)
			}
		})
	}
}

func BenchmarkApplicationCommands(b *testing.B) {
	cmds := sampleTree()
	b.ReportAllocs()
	for range b.N {
		if _, err := ApplicationCommands(cmds); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode reads an interaction as Discord sends it from a server
// (fromServer), with what the adapter decodes itself and with
// discordgo's decoding of the whole interaction, which it replaced.
func BenchmarkDecode(b *testing.B) {
	body := []byte(fromServer)
	b.Run("decodeInteraction", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := decodeInteraction(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("discordgo", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var i discordgo.Interaction
			if err := json.Unmarshal(body, &i); err != nil {
				b.Fatal(err)
			}
		}
	})
}
