package slack

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

// BenchmarkCommands measures POST /slack/commands end to end in process:
// read the body, verify the signature, check for a replay, parse the form
// and the command line, dispatch to a handler that answers at once, and
// render and encode the Block Kit reply. Each iteration also signs its
// request, as Slack would (one HMAC, about what verifying costs), since
// every request must be new to pass the replay check.
func BenchmarkCommands(b *testing.B) {
	for _, bc := range []struct{ name, command, text string }{
		{"ask", "/ask", "my cart is empty"},
		{"order list", "/order", "list"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f := newFakeRouter()
			a, _ := newTestAdapter(b, f, nil)
			mux := http.NewServeMux()
			a.Routes(mux)
			now := time.Now()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				body := commandBody("T1", "U"+strconv.Itoa(i%100), bc.command, bc.text, "")
				r := signedRequest("/slack/commands", testSecret, now, body)
				w := httptest.NewRecorder()
				mux.ServeHTTP(w, r)
				if w.Code != http.StatusOK || w.Body.Len() == 0 {
					b.Fatalf("status %d: %q", w.Code, w.Body)
				}
				if i%1000 == 0 {
					f.mu.Lock()
					f.reqs = f.reqs[:0]
					f.mu.Unlock()
				}
				if i%(maxSeen/2) == 0 {
					// Every request is signed at the same second: past
					// maxSeen of them, the replay floor would refuse the rest.
					a.seen = a.newSeen(maxSeen)
				}
			}
		})
	}
}

// BenchmarkRender measures render alone on the longest golden reply and
// on an order list, the reply rendered anew for every /order list.
func BenchmarkRender(b *testing.B) {
	for _, name := range []string{"answer", "order-list"} {
		reply := goldenReplies[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				render(reply)
			}
		})
	}
}
