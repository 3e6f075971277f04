package discord

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
)

// TestResponseInOnePiece: a response is sent with its length, not
// chunked, so that it leaves in one write when the handler returns.
func TestResponseInOnePiece(t *testing.T) {
	rec := &recorder{answer: func(*bot.Request) *bot.Reply { return bot.Say("%s", strings.Repeat("long answer ", 400)) }}
	a, priv := newTestAdapter(t, nil, rec, nil)
	srv := httptest.NewServer(a)
	defer srv.Close()
	for n, body := range [][]byte{
		commandInteraction("one-1", "guild-1", "user-1", "en-US", "ask", str("question", "x")),
		pingInteraction(),
	} {
		r := signed(priv, time.Now(), body)
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/discord/interactions", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header = r.Header
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("response %d: status %d, %v", n, resp.StatusCode, err)
		}
		if resp.ContentLength != int64(len(b)) || len(resp.TransferEncoding) > 0 {
			t.Errorf("response %d: Content-Length %d, Transfer-Encoding %v for %d bytes, want the length and no chunks",
				n, resp.ContentLength, resp.TransferEncoding, len(b))
		}
	}
}
