// Package console is authorbot's local adapter: it reads command lines from
// a reader and writes plain-text replies to a writer. With a terminal it
// shows a prompt and edits lines; piped, it runs as a batch. End-to-end
// tests drive the whole bot through it.
package console

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/term"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
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
	Serve  func(ctx context.Context, req *bot.Request) *bot.Reply
	// ExportDir is the directory where a reply's File (the data export)
	// is written; "" is the current directory. The program sets it to the
	// database's directory: the export holds the same personal data, so
	// it goes where that data already lives rather than wherever the
	// console was started (a project folder that may be shared, synced
	// or committed).
	ExportDir string

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
		a.Print(bot.Say("%s", messageOf(err, a.Locale)))
		return false
	}
	req.User = a.User
	req.Locale = a.Locale
	a.Print(a.Serve(ctx, req))
	return false
}

// Print writes one reply followed by a blank line. A reply's File is
// written to a file in ExportDir, whose path is printed instead of its
// content.
func (a *Adapter) Print(r *bot.Reply) {
	a.mu.Lock()
	defer a.mu.Unlock()
	text := bot.PlainText(r)
	if r.File != nil {
		text = strings.TrimLeft(text+"\n\n"+a.export(r), "\n")
	}
	// term.Terminal turns "\n" into "\r\n" itself on a raw terminal.
	fmt.Fprintf(a.Out, "%s\n\n", printable(text))
}

// export writes the reply's file and returns the sentence that says where.
func (a *Adapter) export(r *bot.Reply) string {
	p := i18n.Default().Printer(r.Lang)
	path, err := a.writeFile(r.File)
	if err != nil {
		return p.T("console.export_failed", "Dir", cmp.Or(a.ExportDir, "."))
	}
	return p.T("console.export_saved", "Path", path)
}

// maxSameDay bounds the exports of one name on one day, each in its own
// file.
const maxSameDay = 100

// writeFile writes f to a new file in ExportDir, named after f.Name (which
// the reply dates, authorbot-data-2026-12-18.json; then …-2.json, …), and
// returns its path. It never replaces a file: the export holds personal
// data, readable only by the account that runs the console.
func (a *Adapter) writeFile(f *bot.File) (string, error) {
	stem, ext := fileName(f.Name)
	for n := 1; n <= maxSameDay; n++ {
		name := stem + ext
		if n > 1 {
			name = stem + "-" + strconv.Itoa(n) + ext
		}
		file := filepath.Join(cmp.Or(a.ExportDir, "."), name)
		// O_EXCL: an existing file, or a link planted in its place, is
		// never written through.
		out, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = out.Write(f.Data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(file)
			return "", err
		}
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
		return file, nil
	}
	return "", fmt.Errorf("console: %d files named %s already", maxSameDay, stem+ext)
}

// fileName splits the name a reply gives its file into a base and an
// extension made only of letters, digits, dots, dashes and underscores:
// the name comes from the bot, but it becomes a path.
func fileName(name string) (base, ext string) {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	ext = path.Ext(name)
	base = strings.TrimLeft(safeName(strings.TrimSuffix(name, ext)), ".-")
	ext = safeName(ext)
	if base == "" {
		base = "authorbot-export"
	}
	if len(ext) < 2 || len(ext) > 10 {
		ext = ""
	}
	return clipBytes(base, 60), ext
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return -1
	}, s)
}

func clipBytes(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
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

// messageOf is what a line that could not be parsed gets: its error's
// message, in the console's language when one was asked for.
func messageOf(err error, locale string) string {
	if m := bot.ErrorIn(err, locale); m != "" {
		return m
	}
	return i18n.Default().Printer(locale).T("console.unreadable")
}
