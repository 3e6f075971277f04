package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

// runCmd runs one command line as user u and returns the reply or the
// error a handler gave.
func runCmd(t testing.TB, r *Router, u bot.User, locale, line string) (*bot.Reply, error) {
	t.Helper()
	req, err := r.Parse(line)
	if err != nil {
		return nil, err
	}
	req.User, req.Locale = u, locale
	return r.Handle(context.Background(), req)
}

var consoleAuthor = bot.User{Platform: bot.Console, ID: "alice"}

func TestISBN(t *testing.T) {
	r := testRouter(t, testDB(t))
	tests := []struct {
		line   string
		locale string
		want   []string // in the reply text
		absent []string
	}{
		{line: "/isbn 9780306406157", want: []string{"ISBN-10: 0306406152", "https://www.amazon.com/dp/0306406152", "check digit is right"}},
		{line: "/isbn 978-0-306-40615-7", want: []string{"ISBN-13: 9780306406157", "ISBN-10: 0306406152", "amazon.com/dp/0306406152"}},
		{line: "/isbn 978 0 306 40615 7", want: []string{"ISBN-10: 0306406152"}},
		{line: "/isbn number:ISBN-13: 978-0-306-40615-7", want: []string{"ISBN-10: 0306406152"}},
		{line: "/isbn 0-306-40615-2", want: []string{"ISBN-13: 9780306406157", "Its ISBN-13 is 9780306406157", "amazon.com/dp/0306406152"}},
		{line: "/isbn 0-8044-2957-x", want: []string{"ISBN-13: 9780804429573", "ISBN-10: 080442957X", "https://www.amazon.com/dp/080442957X"}},
		{line: "/isbn 979-10-323-0569-0", want: []string{"ISBN-13: 9791032305690", "no ISBN-10", "ASIN", "KDP and Amazon distribution only"},
			absent: []string{"ISBN-10:", "amazon.com/dp/979"}},
		{line: "/isbn 9791032305690", locale: "fr", want: []string{"pas d'ISBN-10", "ASIN", "distribution par KDP et Amazon"}},
		{line: "/isbn 9780306406157", locale: "fr", want: []string{"Son ISBN-10 est 0306406152", "Page Amazon"}},
	}
	for _, tt := range tests {
		t.Run(tt.line+tt.locale, func(t *testing.T) {
			reply, err := runCmd(t, r, consoleAuthor, tt.locale, tt.line)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			text := bot.PlainText(reply)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("reply lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(text, w) {
					t.Errorf("reply has %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestISBNInvalid(t *testing.T) {
	r := testRouter(t, testDB(t))
	tests := []struct {
		line, locale, want string
	}{
		{"/isbn 9780306406158", "", "9780306406158: the check digit should be 7, not 8."},
		{"/isbn 978-0-306-40615-8", "", "9780306406158: the check digit should be 7, not 8."},
		{"/isbn ISBN-10: 0-8044-2957-0", "", "0804429570: the check digit should be X, not 0."},
		{"/isbn 0306406153", "fr", "0306406153 : la clé de contrôle devrait être 2, et non 3."},
		{"/isbn 12345", "", "An ISBN has 10 or 13 digits; “12345” has 5."},
		{"/isbn 1234567890123", "", "An ISBN-13 starts with 978 or 979"},
		{"/isbn 978-0-306-4O615-7", "", "“O”"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			_, err := runCmd(t, r, consoleAuthor, tt.locale, tt.line)
			if bot.ErrorCode(err) != bot.Invalid {
				t.Fatalf("error %v, want an Invalid one", err)
			}
			if msg := bot.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q lacks %q", msg, tt.want)
			}
		})
	}
}

// FuzzISBNCommand checks that any number typed gets either an answer or a
// message written for the author, never an internal error or a panic.
func FuzzISBNCommand(f *testing.F) {
	for _, s := range []string{"9780306406157", "978-0-306-40615-8", "080442957X", "979-10-323-0569-0", "ISBN-13: 978", "x", "@everyone"} {
		f.Add(s)
	}
	r := testRouter(f, testDB(f))
	f.Fuzz(func(t *testing.T, s string) {
		req := &bot.Request{Command: "isbn", Options: map[string]string{"number": s}, User: consoleAuthor}
		reply, err := r.Handle(context.Background(), req)
		if err != nil {
			if bot.ErrorCode(err) != bot.Invalid {
				t.Fatalf("%q: error %v, want Invalid", s, err)
			}
			return
		}
		if !strings.Contains(bot.PlainText(reply), "ISBN-13: 97") {
			t.Fatalf("%q: reply without its ISBN-13:\n%s", s, bot.PlainText(reply))
		}
	})
}
