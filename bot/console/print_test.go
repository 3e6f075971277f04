package console

import (
	"context"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

// TestPrintable checks that what the console prints of author text cannot
// drive the terminal or reorder what it shows.
func TestPrintable(t *testing.T) {
	title := "The \x1b[2J\x1b[31mLong\x00 Road\r\u202eDAOR\u202c \u2066x\u2069\x7f\u0085"
	a := &Adapter{Serve: func(ctx context.Context, req *bot.Request) *bot.Reply {
		return &bot.Reply{Title: "Order #1", Blocks: []bot.Block{
			&bot.Fields{Fields: []bot.Field{{Name: "Title", Value: title}}},
			&bot.Text{Text: "Livré à Zoë 📦\n\tlast line"},
		}}
	}}
	_, out := session(t, a, "help\n")
	want := "Order #1\n\nTitle: The [2J[31mLong RoadDAOR x\n\nLivré à Zoë 📦\n\tlast line\n\n"
	if out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
	// A refused line echoes what was typed, and is cleaned the same way.
	_, out = session(t, &Adapter{}, "/\u202eredro\x1b[0m\n")
	if strings.ContainsAny(out, "\u202e\x1b") {
		t.Errorf("printed %q", out)
	}
}
