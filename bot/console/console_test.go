package console

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/bot"
)

func testTree() []*bot.Command {
	return []*bot.Command{
		{Name: "ask", Options: []bot.Option{{Name: "question", Required: true, Rest: true}}},
		{Name: "help", Options: []bot.Option{{Name: "topic", Positional: true}}},
		{Name: "order", Subs: []*bot.Command{
			{Name: "add", Options: []bot.Option{
				{Name: "quantity", Type: bot.Integer, Required: true},
				{Name: "marketplace", Required: true},
				{Name: "title", Required: true},
			}},
			{Name: "list", Options: []bot.Option{{Name: "status", Positional: true, Choices: []bot.Choice{{Name: "shipped", Value: "shipped"}}}}},
		}},
		{Name: "preorder", Options: []bot.Option{
			{Name: "release", Required: true},
			{Name: "plan", Positional: true, Choices: []bot.Choice{{Name: "kdp", Value: "kdp"}, {Name: "advantage", Value: "advantage"}}},
		}},
	}
}

// session runs the console on input with the grammar's parser and returns
// the requests it served and what it printed.
func session(t *testing.T, a *Adapter, input string) ([]*bot.Request, string) {
	t.Helper()
	var out bytes.Buffer
	var served []*bot.Request
	a.In, a.Out = strings.NewReader(input), &out
	a.User = bot.User{Platform: bot.Console, ID: "alice"}
	cmds := testTree()
	a.Parser = parserFunc(func(line string) (*bot.Request, error) { return bot.Parse(cmds, line) })
	if a.Serve == nil {
		a.Serve = func(ctx context.Context, req *bot.Request) *bot.Reply {
			served = append(served, req)
			return bot.Say("ok")
		}
	}
	if err := a.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return served, out.String()
}

// TestQuestionOrCommand checks that a line without a slash runs a command
// only when it reads as one in full, and is asked as a question otherwise;
// a line with the slash is a command, and a wrong one gets its usage.
func TestQuestionOrCommand(t *testing.T) {
	tests := []struct {
		line    string
		command string // "" when the line is refused
		options map[string]string
		printed string // part of what is printed for a refused line
	}{
		{line: "order author copies - how?", command: "ask", options: map[string]string{"question": "order author copies - how?"}},
		{line: "preorder for paperback?", command: "ask", options: map[string]string{"question": "preorder for paperback?"}},
		{line: "my cart is empty", command: "ask", options: map[string]string{"question": "my cart is empty"}},
		{line: "order", command: "ask", options: map[string]string{"question": "order"}},
		{line: "help", command: "help", options: map[string]string{}},
		{line: "Help cart-empty", command: "help", options: map[string]string{"topic": "cart-empty"}},
		{line: "order list shipped", command: "order list", options: map[string]string{"status": "shipped"}},
		{line: "preorder 2026-12-18 advantage", command: "preorder", options: map[string]string{"release": "2026-12-18", "plan": "advantage"}},
		{line: "/ask order author copies - how?", command: "ask", options: map[string]string{"question": "order author copies - how?"}},
		{line: "/order author copies - how?", printed: "/order has no subcommand author."},
		{line: "/preorder for paperback?", printed: `plan must be one of kdp|advantage, not "paperback?"`},
		{line: "/oder add 5 us Dune", printed: "I don't know the command /oder — did you mean /order?"},
		{line: "/hlep", printed: "I don't know the command /hlep — did you mean /help?"},
		{line: "/order lsit", printed: "I don't know the command /order lsit — did you mean /order list?"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			served, out := session(t, &Adapter{}, tt.line+"\n")
			if tt.command == "" {
				if len(served) > 0 {
					t.Fatalf("served %s %v, want it refused", served[0].Name(), served[0].Options)
				}
				if !strings.Contains(out, tt.printed) {
					t.Errorf("printed %q, want %q in it", out, tt.printed)
				}
				return
			}
			if len(served) != 1 {
				t.Fatalf("served %d requests, printed %q", len(served), out)
			}
			if got := served[0].Name(); got != tt.command {
				t.Errorf("command %q, want %q", got, tt.command)
			}
			if diff := cmp.Diff(tt.options, served[0].Options); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}
