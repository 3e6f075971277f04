package slack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/store"
)

// exportOrders is how many orders the large export holds: a busy author's
// ledger over years, a file of several MB.
const exportOrders = 20_000

// bigExport is the /mydata export of an author with n orders, as JSON.
func bigExport(tb testing.TB, n int) []byte {
	tb.Helper()
	at := time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC)
	d := store.UserData{User: "slack:T1:U1", Exported: at, LastOrder: n}
	for i := range n {
		d.Orders = append(d.Orders, store.Order{
			Number: i + 1, Kind: "author", Quantity: 25, Marketplace: "amazon.co.uk",
			Title: fmt.Sprintf("The Long Road, volume %d <2nd edition> & more", i), ISBN: "9780306406157",
			Note: "for the launch *party* at the _library_", Tracking: "1Z999AA10123456784",
			Ordered: at, Expected: at.Add(240 * time.Hour), Status: "ordered", Created: at, Updated: at,
		})
	}
	js, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return js
}

// BenchmarkRenderExport renders the reply of a large /mydata export, the
// JSON in the reply's text as the export once was, and as a File.
func BenchmarkRenderExport(b *testing.B) {
	js := bigExport(b, exportOrders)
	summary := &bot.Text{Text: fmt.Sprintf("Everything I store about you: %d orders.", exportOrders)}
	for _, bc := range []struct {
		name  string
		reply *bot.Reply
	}{
		{"text", &bot.Reply{Title: "Your data", Ephemeral: true, Blocks: []bot.Block{summary, &bot.Text{Text: string(js)}}}},
		{"file", &bot.Reply{Title: "Your data", Ephemeral: true, Blocks: []bot.Block{summary},
			File: &bot.File{Name: "authorbot-data.json", ContentType: "application/json", Data: js}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(js)))
			for b.Loop() {
				render(bc.reply)
			}
		})
	}
}

// TestRenderLargeText renders a reply whose text is a large export: the
// message keeps within Slack's limits and says it was cut, and rendering
// it allocates far less than the text's size, so it never escapes or
// splits the part that cannot be shown.
func TestRenderLargeText(t *testing.T) {
	js := string(bigExport(t, exportOrders))
	reply := &bot.Reply{Title: "Your data", Ephemeral: true, Blocks: []bot.Block{&bot.Text{Text: js}}, Source: "Source: the ledger"}
	msg := render(reply) // warm up
	checkLimits(t, msg)
	set := msg.Blocks.BlockSet
	if src := set[len(set)-1].(*slackapi.ContextBlock); src.ContextElements.Elements[0].(*slackapi.TextBlockObject).Text != "Source: the ledger" {
		t.Errorf("the source was cut: last block %+v", src)
	}
	first := set[1].(*slackapi.SectionBlock).Text.Text
	if !strings.HasPrefix(js, first[:100]) {
		t.Errorf("the text does not start with the export: %q", first[:100])
	}

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	render(reply)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(js)/4) {
		t.Errorf("rendering %d bytes of text allocated %d bytes", len(js), n)
	}
}

// exportReply is the reply of /mydata export: a summary, the data as a
// file.
func exportReply(lang string, data []byte) *bot.Reply {
	return &bot.Reply{
		Title: "Your data", Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{&bot.Text{Text: fmt.Sprintf("Everything I store about you: %d orders.", exportOrders)}},
		File:   &bot.File{Name: "authorbot-data.json", ContentType: "application/json", Data: data},
	}
}

// TestDataExport runs /mydata export against a fake Web API: the file
// goes to the author's DM in Slack's three upload steps, byte for byte,
// and the command is answered, privately, with the summary and where the
// file went; the data never goes into the message.
func TestDataExport(t *testing.T) {
	data := bigExport(t, exportOrders)
	if len(data) < 2<<20 {
		t.Fatalf("the export is %d bytes, want several MB", len(data))
	}
	for _, tt := range []struct{ lang, want string }{
		{"en", "I have sent you the file authorbot-data.json in your direct messages"},
		{"fr", "Je vous ai envoyé le fichier authorbot-data.json dans vos messages directs"},
	} {
		// In a bubble, the upload takes no time on the clock that the
		// adapter's budget runs on, however slow the machine.
		t.Run(tt.lang, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				api := newFakeAPI(t, "en-US")
				f := newFakeRouter()
				f.answer = func(*bot.Request) *bot.Reply { return exportReply(tt.lang, data) }
				a, _ := newTestAdapter(t, f, func(c *Config) { c.BotToken = "xoxb-test"; api.use(t, c) })
				w := serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", "export", "")))
				if w.Code != http.StatusOK {
					t.Fatalf("status %d: %s", w.Code, w.Body)
				}
				var msg posted
				if err := json.Unmarshal(w.Body.Bytes(), &msg); err != nil {
					t.Fatalf("reply is not JSON: %v", err)
				}
				if msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "20000 orders") || !strings.Contains(msg.Text, tt.want) {
					t.Errorf("reply: %+v", msg)
				}
				if w.Body.Len() > 4096 {
					t.Errorf("the reply is %d bytes: the file went into the message", w.Body.Len())
				}

				open := api.called("conversations.open")
				if len(open) != 1 || open[0].form["users"] != "U1" {
					t.Fatalf("conversations.open calls: %+v", open)
				}
				get := api.called("files.getUploadURLExternal")
				if len(get) != 1 || get[0].form["filename"] != "authorbot-data.json" || get[0].form["length"] != strconv.Itoa(len(data)) {
					t.Errorf("files.getUploadURLExternal calls: %+v", get)
				}
				files := api.files()
				if len(files) != 1 || !bytes.Equal(files[0], data) {
					t.Fatalf("uploaded %d files; the first is %d bytes, want the export's %d", len(files), len(files[0]), len(data))
				}
				done := api.called("files.completeUploadExternal")
				if len(done) != 1 || done[0].form["channel_id"] != "D0001" || !strings.Contains(done[0].form["files"], `"id":"F0001"`) {
					t.Errorf("files.completeUploadExternal calls: %+v", done)
				}
			})
		})
	}
}

// TestDataExportUndelivered checks what the author is told when the file
// cannot go: no bot token (nothing is called), or an upload that fails.
func TestDataExportUndelivered(t *testing.T) {
	data := []byte(`{"orders":[]}`)
	tests := []struct {
		name, lang   string
		token        string
		failComplete bool
		want         string
	}{
		{"no bot token", "en", "", false, "no bot token, so it cannot send direct messages. Ask the bot's operator for your data: they can export it from the bot's database with authorbot console"},
		{"no bot token, French", "fr", "", false, "pas de jeton de bot"},
		{"upload fails", "en", "xoxb-test", true, "I couldn't send you the file just now"},
		{"upload fails, French", "fr", "xoxb-test", true, "Je n'ai pas pu vous envoyer le fichier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := newFakeAPI(t, "en-US")
			api.failComplete = tt.failComplete
			f := newFakeRouter()
			f.answer = func(*bot.Request) *bot.Reply { return exportReply(tt.lang, data) }
			a, _ := newTestAdapter(t, f, func(c *Config) { c.BotToken = tt.token; api.use(t, c) })
			if got := a.CanDM(); got != (tt.token != "") {
				t.Errorf("CanDM() = %v with bot token %q", got, tt.token)
			}
			w := serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", "export", "")))
			var msg posted
			if err := json.Unmarshal(w.Body.Bytes(), &msg); err != nil {
				t.Fatalf("reply is not JSON: %v (%s)", err, w.Body)
			}
			if msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "orders") || !strings.Contains(msg.Text, tt.want) {
				t.Errorf("reply text %q; want the summary and %q", msg.Text, tt.want)
			}
			api.mu.Lock()
			defer api.mu.Unlock()
			if tt.token == "" && len(api.calls) != 0 {
				t.Errorf("without a bot token the Web API was called: %+v", api.calls)
			}
		})
	}
}
