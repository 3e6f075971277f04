package slack

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
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
