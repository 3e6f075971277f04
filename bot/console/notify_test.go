package console

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

func TestNotify(t *testing.T) {
	var out bytes.Buffer
	a := &Adapter{Out: &out, User: bot.User{Platform: bot.Console, ID: "alice"}}
	msg := &bot.Reply{Title: "⏰ Reminder", Blocks: []bot.Block{&bot.Text{Text: "Publish on KDP"}}}

	if err := a.Notify(context.Background(), bot.User{Platform: bot.Console, ID: "bob"}, msg); err == nil {
		t.Error("Notify for another console user succeeded")
	}
	if a.Reaches(bot.User{Platform: bot.Slack, ID: "alice"}) {
		t.Error("the console reaches a Slack user")
	}
	if out.Len() != 0 {
		t.Fatalf("printed for someone else: %q", out.String())
	}
	if err := a.Notify(context.Background(), bot.User{Platform: bot.Console, ID: "alice"}, msg); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "⏰ Reminder\n\nPublish on KDP\n\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// TestNotifyWhileReading prints reminders while the adapter answers
// commands, as the scheduler does; run with -race.
func TestNotifyWhileReading(t *testing.T) {
	var out bytes.Buffer // written only under the adapter's lock
	user := bot.User{Platform: bot.Console, ID: "alice"}
	a := &Adapter{
		In: strings.NewReader(strings.Repeat("/help\n", 50)), Out: &out, User: user,
		Parser: parserFunc(func(line string) (*bot.Request, error) { return &bot.Request{Command: "help"}, nil }),
		Serve: func(ctx context.Context, req *bot.Request) *bot.Reply {
			return bot.Say("help text")
		},
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 50 {
			a.Notify(context.Background(), user, bot.Say("reminder"))
		}
	}()
	if err := a.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-done
	if got := strings.Count(out.String(), "reminder\n\n"); got != 50 {
		t.Errorf("%d reminders printed whole, want 50", got)
	}
}

type parserFunc func(string) (*bot.Request, error)

func (f parserFunc) Parse(line string) (*bot.Request, error) { return f(line) }
