// Package console is authorbot's local adapter: it reads command lines from
// a reader and writes plain-text replies to a writer. With a terminal it
// shows a prompt and edits lines; piped, it runs as a batch. End-to-end
// tests drive the whole bot through it.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/term"

	"github.com/authorbot/authorbot/bot"
)

// Parser turns a command line into a request (handlers.Router is one).
// The console passes every line as typed, so the parser decides, as
// bot.Parse does, whether a line without a slash is a command or a
// question.
type Parser interface {
	Parse(line string) (*bot.Request, error)
}

// Adapter is the console adapter.
type Adapter struct {
	In     io.Reader
	Out    io.Writer
	User   bot.User
	Locale string // explicit answer language, "" to detect per question
	Parser Parser
	// Commands is no longer read: the Parser tells a command from a
	// question.
	//
	// Deprecated: leave it unset.
	Commands []string
	Serve    func(ctx context.Context, req *bot.Request) *bot.Reply

	mu sync.Mutex // serialises writes: replies and delivered reminders
}

// Run reads lines until the input ends or ctx is cancelled.
func (a *Adapter) Run(ctx context.Context) error {
	if f, ok := a.In.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return a.runTerminal(ctx, f)
	}
	sc := bufio.NewScanner(a.In)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		if ctx.Err() != nil {
			return nil
		}
		if a.line(ctx, sc.Text()) {
			return nil
		}
	}
	return sc.Err()
}

func (a *Adapter) runTerminal(ctx context.Context, f *os.File) error {
	state, err := term.MakeRaw(int(f.Fd()))
	if err != nil {
		return err
	}
	defer term.Restore(int(f.Fd()), state)
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{f, a.Out}, "authorbot> ")
	a.mu.Lock() // Notify may be printing from another goroutine
	a.Out = t
	a.mu.Unlock()
	for ctx.Err() == nil {
		line, err := t.ReadLine()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if a.line(ctx, line) {
			return nil
		}
	}
	return nil
}

// line handles one input line and reports whether the session should end.
func (a *Adapter) line(ctx context.Context, line string) (quit bool) {
	line = strings.TrimSpace(line)
	switch strings.ToLower(line) {
	case "":
		return false
	case "exit", "quit", "/exit", "/quit":
		return true
	}
	req, err := a.Parser.Parse(line)
	if err != nil {
		a.Print(bot.Say("%s", messageOf(err)))
		return false
	}
	req.User = a.User
	req.Locale = a.Locale
	a.Print(a.Serve(ctx, req))
	return false
}

// Print writes one reply followed by a blank line.
func (a *Adapter) Print(r *bot.Reply) {
	a.mu.Lock()
	defer a.mu.Unlock()
	// term.Terminal turns "\n" into "\r\n" itself on a raw terminal.
	fmt.Fprintf(a.Out, "%s\n\n", printable(bot.PlainText(r)))
}

// printable drops from text what a terminal would act on rather than
// show: control characters but newline and tab (escape sequences start
// with one), NUL, and the bidirectional overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) that make text read in another order
// than it is written. Replies echo what authors typed, and the renderers
// of the chat platforms escape it for theirs; this is the console's.
func printable(text string) string {
	// Map returns text itself when it drops nothing.
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) || isBidiControl(r) {
			return -1
		}
		return r
	}, text)
}

func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// Notify prints a reply addressed to the author outside a request, such
// as a reminder that fell due. The console reaches only the author at its
// keyboard (User); for anyone else it returns an error and prints nothing.
func (a *Adapter) Notify(ctx context.Context, user bot.User, r *bot.Reply) error {
	if !a.Reaches(user) {
		return fmt.Errorf("console: %s is not the console's user", user.Key())
	}
	a.Print(r)
	return nil
}

// Reaches reports whether user is the author at this console, so that
// reminders for other console users wait for their own session.
func (a *Adapter) Reaches(user bot.User) bool {
	return user.Platform == bot.Console && user.ID == a.User.ID
}

func messageOf(err error) string {
	if m := bot.ErrorMessage(err); m != "" {
		return m
	}
	return "Sorry, I could not read that line. Type /help for the commands."
}
