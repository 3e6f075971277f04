package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/replytest"
	"github.com/authorbot/authorbot/store"
)

// exportReply is a data export as the handlers build one: a summary, the
// whole JSON as a paragraph (for platforms without files) and as a file.
// The orders are typical ones: a title, an ISBN, a short note, dates.
func exportReply(orders int, lang string) *bot.Reply {
	day := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	d := store.UserData{User: "discord::user-1", Exported: day, LastOrder: orders, Votes: []store.Vote{}}
	for n := range orders {
		d.Orders = append(d.Orders, store.Order{
			Number: n + 1, Kind: store.KindAuthor, Quantity: 25, Marketplace: "amazon.co.uk",
			Title: fmt.Sprintf("The Long Road, volume %d", n+1), ISBN: "9780306406157",
			Note:    "proofs for the launch \u0040 the library",
			Ordered: day, Expected: day.AddDate(0, 0, 10), Status: store.StatusOrdered,
			Created: day.Add(9 * time.Hour), Updated: day.Add(9 * time.Hour),
		})
	}
	js, _ := json.MarshalIndent(d, "", "  ")
	return &bot.Reply{
		Title: "Your data", Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: fmt.Sprintf("Everything I store about you (discord::user-1): %d orders.", orders)},
			&bot.Text{Text: string(js)},
			&bot.Text{Text: "To delete all of it: /mydata forget", Note: true},
		},
		File: &bot.File{Name: "authorbot-data.json", ContentType: "application/json", Data: js},
	}
}

// TestFileAttached: a reply with a file reaches the author whole, as an
// attachment to the private reply, over HTTP interactions and over the
// gateway alike. The handler answers at once, yet the reply is deferred
// and the file sent with the edit (see answer). 20,000 orders make
// several megabytes of JSON, well within Discord's limit.
func TestFileAttached(t *testing.T) {
	export := exportReply(20_000, "en")
	data := export.File.Data
	t.Logf("20,000 orders export as %d bytes", len(data))
	if len(data) < 2<<20 || len(data) > maxAttachment {
		t.Fatalf("the export is %d bytes; want several megabytes, within %d", len(data), maxAttachment)
	}
	answer := func(*bot.Request) *bot.Reply { return export }
	body := commandInteraction("file-1", "guild-1", "user-1", "en-US", "mydata", sub("export"))

	check := func(t *testing.T, edit call) {
		t.Helper()
		if edit.Method != "PATCH" || edit.Path != "webhooks/app-1/tok-file-1/messages/@original" {
			t.Fatalf("call = %s %s, want the deferred reply edited", edit.Method, edit.Path)
		}
		if len(edit.Files) != 1 {
			t.Fatalf("%d files sent, want 1", len(edit.Files))
		}
		got := edit.Files[0]
		if got.Name != "authorbot-data.json" || got.ContentType != "application/json" {
			t.Errorf("file = %s (%s)", got.Name, got.ContentType)
		}
		if !bytes.Equal(got.Data, data) {
			t.Errorf("Discord received %d bytes, not the file's %d", len(got.Data), len(data))
		}
		want := []any{map[string]any{"id": float64(0), "filename": "authorbot-data.json"}}
		if diff := cmp.Diff(want, edit.Body["attachments"]); diff != "" {
			t.Errorf("attachments (-want +got):\n%s", diff)
		}
		js, _ := json.Marshal(edit.Body)
		if len(js) > 8000 {
			t.Errorf("the message itself is %d bytes: the data was rendered into it", len(js))
		}
		if !strings.Contains(string(js), "authorbot-data.json (") || !strings.Contains(string(js), "is attached to this message") {
			t.Errorf("the reply does not say the file is attached: %s", js)
		}
	}

	t.Run("HTTP", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			f := newFakeDiscord(t)
			a, priv := newTestAdapter(t, f, &recorder{answer: answer}, nil)
			status, out := post(t, a, signed(priv, time.Now(), body))
			if status != http.StatusOK || out["type"] != float64(5) {
				t.Fatalf("got %d %v, want a deferral", status, out)
			}
			if d := out["data"].(map[string]any); d["flags"] != float64(64) {
				t.Errorf("deferral = %v, want it private", d)
			}
			check(t, f.wait(1)[0])
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			a.Run(ctx) // waits for the deferred answer
		})
	})
	t.Run("gateway", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			f := newFakeDiscord(t)
			f.gateway = &fakeGateway{t: t, identify: make(chan map[string]any, 1), events: [][]byte{body}}
			a := newGatewayAdapter(t, f, Config{Serve: (&recorder{answer: answer}).Serve})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- a.Run(ctx) }()
			calls := f.wait(3) // GET /gateway, the callback, the edit
			if c := calls[1]; c.Path != "interactions/file-1/tok-file-1/callback" || c.Body["type"] != float64(5) || len(c.Files) != 0 {
				t.Fatalf("call = %s %s %v, want a type 5 callback", c.Method, c.Path, c.Body)
			}
			check(t, calls[2])
			settle() // before discordgo's Close, which sleeps holding the session's lock
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run = %v", err)
			}
		})
	})
}

// TestFileRefusedAsTooLarge: when Discord refuses the file as too large
// (a limit lower than the one assumed), the reply says so rather than
// staying "thinking…" or showing part of the data.
func TestFileRefusedAsTooLarge(t *testing.T) {
	f := newFakeDiscord(t)
	f.answerFirst("PATCH", "webhooks/messages/@original", answer{status: http.StatusRequestEntityTooLarge, body: `{"message": "Request entity too large", "code": 40005}`})
	export := exportReply(10, "fr")
	a, priv := newTestAdapter(t, f, &recorder{answer: func(*bot.Request) *bot.Reply { return export }}, nil)
	post(t, a, signed(priv, time.Now(), commandInteraction("file-2", "", "user-1", "fr", "mydata", sub("export"))))
	calls := f.wait(2)
	if len(calls[0].Files) != 1 || len(calls[1].Files) != 0 {
		t.Fatalf("files sent = %d then %d, want 1 then none", len(calls[0].Files), len(calls[1].Files))
	}
	js, _ := json.Marshal(calls[1].Body)
	if !strings.Contains(string(js), "n'est pas joint") || strings.Contains(string(js), "volume 1") {
		t.Errorf("second edit = %s, want it to say the file is not attached, without the data", js)
	}
}

// TestRenderFile renders replies with files: the file goes in Files, the
// text says it is attached (or too large to be, without cutting it), the
// data itself is not rendered, and the reply is private even when the
// handler forgot to say so.
func TestRenderFile(t *testing.T) {
	tests := []struct {
		name  string
		reply *bot.Reply
		limit int
		says  string
	}{
		{"file", exportReply(3, "en"), maxAttachment, "The file authorbot-data.json (1 KB) is attached to this message."},
		{"file-fr", exportReply(3, "fr"), maxAttachment, "Le fichier authorbot-data.json (1 Ko) est joint à ce message."},
		{"file-too-large", exportReply(3, "en"), 100, "is larger than Discord lets the bot attach here, so it is not attached."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, _ := renderWithin(tt.reply, tt.limit)
			js, _ := json.Marshal(data)
			if !strings.Contains(string(js), tt.says) {
				t.Errorf("rendering does not say %q: %s", tt.says, js)
			}
			if strings.Contains(string(js), "volume 1") {
				t.Errorf("the data was rendered: %s", js)
			}
			if fits := tt.limit >= len(tt.reply.File.Data); fits != (len(data.Files) == 1) {
				t.Errorf("%d files for a file that fits: %v", len(data.Files), fits)
			}
		})
	}
	// The shared export (whose attached rendering is its golden file)
	// over a limit lower than its size.
	data, stash := renderWithin(replytest.Reply("export"), 100)
	if len(data.Files) != 0 {
		t.Errorf("%d files attached over the limit", len(data.Files))
	}
	golden(t, "export-too-large", indentJSON(t, map[string]any{"data": data, "stored_values": stash}))

	shared := exportReply(3, "en")
	shared.Ephemeral = false
	if data, _ := render(shared); data.Flags != 64 {
		t.Errorf("a reply with a file has flags %d, want it private", data.Flags)
	}
}

func TestFileSize(t *testing.T) {
	tests := []struct {
		n    int
		lang string
		want string
	}{
		{10, "en", "1 KB"},
		{1536, "en", "2 KB"},
		{820 << 10, "en", "820 KB"},
		{4404019, "en", "4.2 MB"},
		{4404019, "fr", "4,2 Mo"},
	}
	for _, tt := range tests {
		if got := fileSize(tt.n, tt.lang); got != tt.want {
			t.Errorf("fileSize(%d, %s) = %q, want %q", tt.n, tt.lang, got, tt.want)
		}
	}
}

// TestEditBeforeDeferralKnown: a reply ready at once is edited in a
// moment after its deferral; when Discord does not know the deferred
// message yet (Unknown Message), the edit is made again shortly.
func TestEditBeforeDeferralKnown(t *testing.T) { synctest.Test(t, testEditBeforeDeferralKnown) }

func testEditBeforeDeferralKnown(t *testing.T) {
	f := newFakeDiscord(t)
	unknown := answer{status: http.StatusNotFound, body: `{"message": "Unknown Message", "code": 10008}`}
	f.answerFirst("PATCH", "webhooks/messages/@original", unknown, unknown)
	export := exportReply(10, "en")
	a, priv := newTestAdapter(t, f, &recorder{answer: func(*bot.Request) *bot.Reply { return export }}, nil)
	post(t, a, signed(priv, time.Now(), commandInteraction("file-3", "", "user-1", "en-US", "mydata", sub("export"))))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a.Run(ctx) // waits for the deferred answer
	calls := f.recorded()
	if len(calls) != 3 || !bytes.Equal(calls[2].Files[0].Data, export.File.Data) {
		t.Fatalf("%d edits, want 3, the last with the file", len(calls))
	}
	if diff := cmp.Diff([]time.Duration{250 * time.Millisecond, 500 * time.Millisecond}, gaps(calls)); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
}

// TestSlowUpload: the client's own timeout, right for discordgo's small
// calls, does not cut a deferred answer that takes longer to send (a
// file over a slow connection).
func TestSlowUpload(t *testing.T) { synctest.Test(t, testSlowUpload) }

func testSlowUpload(t *testing.T) {
	f := newFakeDiscord(t)
	f.delay = 100 * time.Millisecond
	export := exportReply(10, "en")
	hurried := f.client()
	hurried.Timeout = 10 * time.Millisecond
	a, priv := newTestAdapter(t, f, &recorder{answer: func(*bot.Request) *bot.Reply { return export }}, func(c *Config) {
		c.Client = hurried
	})
	var logs bytes.Buffer
	a.log = slog.New(slog.NewTextHandler(&logs, nil))
	post(t, a, signed(priv, time.Now(), commandInteraction("slow-up", "", "user-1", "en-US", "mydata", sub("export"))))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a.Run(ctx)
	if calls := f.recorded(); len(calls) != 1 || len(calls[0].Files) != 1 || strings.Contains(logs.String(), "failed") {
		t.Errorf("%d calls; log:\n%s", len(calls), logs.String())
	}
}
