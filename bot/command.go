package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/internal/editdist"
)

// Command describes one command or subcommand: the one command tree that
// the text grammar parses, the help lists, and the Discord and Slack
// adapters register. Option names are the same on every platform.
type Command struct {
	Name        string
	Description string
	Options     []Option
	Subs        []*Command
	// Example is a complete, valid command line for the usage message.
	Example string
	// Localized holds name and description per locale ("fr", "de", ...).
	Localized map[string]Localized
}

// Localized is a command's or option's name and description in one locale.
type Localized struct {
	Name, Description string
}

// OptionType is the kind of value an option takes.
type OptionType int

// The option types. Values always reach handlers as text; the type lets
// platforms offer the right input and the grammar reject what cannot be one.
const (
	String OptionType = iota
	Integer
)

// Option is one named value of a command.
type Option struct {
	Name        string
	Description string
	Type        OptionType
	Required    bool
	// Positional optional options take bare values once the required ones
	// are filled (/help cart-empty, /order list shipped).
	Positional bool
	// Rest marks the final free-text option: it takes the rest of the line
	// as typed (/ask my cart is empty).
	Rest bool
	// Placeholder shows the expected form in usage, e.g. "1-999" or "YYYY-MM-DD".
	Placeholder string
	Choices     []Choice
	// Min and Max bound Integer options (for platforms that enforce them;
	// handlers check again with a message written for authors).
	Min, Max int
	// MaxLength bounds String options.
	MaxLength    int
	Autocomplete bool
	Localized    map[string]Localized
	// Plausible, when set, tells whether a value could be meant for this
	// option at all. A line typed without its slash whose value is not
	// plausible ("help me please", "isbn for my paperback?") is asked as
	// a question; with the slash the handler explains the wrong value.
	Plausible func(value string) bool
}

// Choice is one fixed value of an option.
type Choice struct {
	Name, Value string
	Localized   map[string]string
}

// Find returns the command named name (case-insensitive) in cmds, or nil.
func Find(cmds []*Command, name string) *Command {
	for _, c := range cmds {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// closest returns the command of cmds that the unknown name most likely
// means: the one within a typo or two of its name or of a localized name
// ("oder", "hlep", "lsit", "aidr"), the first in cmds among equals; nil
// when none is that close. Names longer than any command are not compared,
// so what an author pasted costs no more than a short word.
func closest(cmds []*Command, name string) *Command {
	if utf8.RuneCountInString(name) > maxSuggestLen {
		return nil
	}
	typed := strings.ToLower(name)
	var best *Command
	bestDist := 3
	try := func(c *Command, candidate string) {
		cand := strings.ToLower(candidate)
		limit := 1
		if utf8.RuneCountInString(cand) > 4 {
			limit = 2
		}
		if d := editdist.Distance(typed, cand, limit); d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	for _, c := range cmds {
		try(c, c.Name)
		for _, l := range c.Localized {
			try(c, l.Name)
		}
	}
	return best
}

// maxSuggestLen bounds the names closest compares, in runes.
const maxSuggestLen = 24

// Option returns the option named name, or nil.
func (c *Command) Option(name string) *Option {
	for i := range c.Options {
		if strings.EqualFold(c.Options[i].Name, name) {
			return &c.Options[i]
		}
	}
	return nil
}

// Usage is the one-line form of a command, e.g.
// "/order add quantity:<1-999> marketplace:<market> title:<text> [kind:author|proof]".
// path is the command as typed before the options ("order add").
func (c *Command) Usage(path string) string {
	var b strings.Builder
	b.WriteString("/" + path)
	if len(c.Subs) > 0 {
		names := make([]string, len(c.Subs))
		for i, s := range c.Subs {
			names[i] = s.Name
		}
		b.WriteString(" " + strings.Join(names, "|") + " …")
		return b.String()
	}
	for _, o := range c.Options {
		part := o.Name + ":<" + o.placeholder() + ">"
		if len(o.Choices) > 0 && o.Placeholder == "" {
			part = o.Name + ":" + o.placeholder()
		}
		if !o.Required {
			part = "[" + part + "]"
		}
		b.WriteString(" " + part)
	}
	return b.String()
}

func (o *Option) placeholder() string {
	switch {
	case o.Placeholder != "":
		return o.Placeholder
	case len(o.Choices) > 0:
		vals := make([]string, len(o.Choices))
		for i, ch := range o.Choices {
			vals[i] = ch.Value
		}
		return strings.Join(vals, "|")
	case o.Type == Integer:
		return "number"
	default:
		return "text"
	}
}

// usageError is the Invalid error a wrong line gets: what was wrong, the
// right form and an example.
func usageError(c *Command, path string, problem i18n.Message) *Error {
	var b strings.Builder
	b.WriteString(c.Usage(path))
	if len(c.Subs) > 0 {
		for _, s := range c.Subs {
			fmt.Fprintf(&b, "\n  %s", s.Usage(path+" "+s.Name))
		}
	}
	if c.Example != "" {
		return newError(Invalid, "parse.usage_example", "Problem", problem, "Usage", b.String(), "Example", c.Example)
	}
	return newError(Invalid, "parse.usage", "Problem", problem, "Usage", b.String())
}
