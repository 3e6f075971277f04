package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/ttlcache"
)

// answerText is the content of an interaction's response to a command.
func answerText(t *testing.T, a http.Handler, r *http.Request) (body []byte, content string) {
	t.Helper()
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var out struct {
		Data struct {
			Content    string `json:"content"`
			Components []struct {
				Components []struct {
					CustomID string `json:"custom_id"`
				} `json:"components"`
			} `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatalf("response is not JSON: %q", w.Body)
	}
	content = out.Data.Content
	for _, row := range out.Data.Components {
		for _, c := range row.Components {
			content += " [" + c.CustomID + "]"
		}
	}
	return w.Body.Bytes(), content
}

// TestKeyedResponseReused: a reply with a Key is rendered and encoded
// once, and what was made of it is the response to every reply with that
// Key; a reply without one, which may speak of the author who asked, is
// rendered each time. The handler here breaks the Key's promise (every
// reply with the same Key is identical) only to show which was sent.
func TestKeyedResponseReused(t *testing.T) {
	n := 0
	rec := &recorder{answer: func(req *bot.Request) *bot.Reply {
		n++
		r := bot.Say("answer %d", n)
		if req.Command == "ask" {
			r.Key = "ask/en/cart-empty/en"
		}
		return r
	}}
	a, priv := newTestAdapter(t, nil, rec, nil)
	now := time.Now()
	ask := func(id string) *http.Request {
		return signed(priv, now, commandInteraction(id, "guild-1", "user-1", "en-US", "ask", str("question", "cart empty")))
	}
	first, got := answerText(t, a, ask("k-1"))
	if got != "answer 1" {
		t.Fatalf("first answer = %q", got)
	}
	again, got := answerText(t, a, ask("k-2"))
	if got != "answer 1" || !bytes.Equal(again, first) {
		t.Errorf("second answer = %q, want the first one's response, as made then", got)
	}
	if _, got := answerText(t, a, signed(priv, now, commandInteraction("k-3", "guild-1", "user-1", "en-US", "order", sub("list")))); got != "answer 3" {
		t.Errorf("a reply without a Key = %q, want it rendered anew (answer 3)", got)
	}
}

// TestKeyedResponseKeepsButtons: a reused response whose button holds a
// value too long for its custom id stashes the value again, so that the
// button works for as long after the response as any other's.
func TestKeyedResponseKeepsButtons(t *testing.T) {
	long := strings.Repeat("9", 120)
	rec := &recorder{answer: func(req *bot.Request) *bot.Reply {
		if req.Action != "" {
			return bot.Say("pressed %s", req.Option("value"))
		}
		r := bot.Say("answer")
		r.Key = "ask/en/x/en"
		r.Buttons = []bot.Button{{Action: bot.ActionFeedback, Value: long, Label: "Yes"}}
		return r
	}}
	a, priv := newTestAdapter(t, nil, rec, nil)
	now := time.Now()
	for n := range 2 {
		// The stashed values are lost (the stash is full, or they expired)
		// before the response is sent again.
		a.values = ttlcache.New[string](valueTTL, maxValue, a.now)
		_, got := answerText(t, a, signed(priv, now, commandInteraction(fmt.Sprint("kb-", n), "guild-1", "user-1", "en-US", "ask", str("question", "x"))))
		id := strings.TrimSuffix(got[strings.Index(got, "[")+1:], "]")
		if !strings.HasPrefix(id, storedPrefix) {
			t.Fatalf("custom id %q holds the value itself", id)
		}
		_, got = answerText(t, a, signed(priv, now, buttonInteraction(fmt.Sprint("kp-", n), "guild-1", "user-1", "en-US", id)))
		if got != "pressed "+long {
			t.Errorf("response %d: pressing its button = %q, want the value found", n, got)
		}
	}
}

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

// TestRequestOutlivesItsBody: HTTP interactions are read into buffers
// used again for the next ones; what the handler was given from one
// stays as it was after others have been read.
func TestRequestOutlivesItsBody(t *testing.T) {
	rec := &recorder{answer: func(*bot.Request) *bot.Reply { return bot.Say("ok") }}
	a, priv := newTestAdapter(t, nil, rec, nil)
	now := time.Now()
	for n := range 20 {
		q := fmt.Sprint("question number ", n, strings.Repeat("x", n*50))
		answerText(t, a, signed(priv, now, commandInteraction(fmt.Sprint("buf-", n), "guild-1", fmt.Sprint("user-", n), "en-US", "ask", str("question", q))))
	}
	for n, req := range rec.requests() {
		q := fmt.Sprint("question number ", n, strings.Repeat("x", n*50))
		if req.Option("question") != q || req.User.ID != fmt.Sprint("user-", n) || req.User.Name != "Ada" {
			t.Errorf("request %d = user %q (%q), question %q, want user-%d and %q", n, req.User.ID, req.User.Name, req.Option("question"), n, q)
		}
	}
}
