package bot

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
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
	// Moderators marks a command for the community's moderators alone:
	// platforms that can hide a command from others do (Discord's
	// default member permissions), and its handlers check again.
	Moderators bool
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

// Find returns the command of cmds that name names, or nil: the command
// whose own (English) name it is, else the one with that localized name
// (Localized), case and accents aside ("Numero" finds "numéro"), so that
// an author may type /hilfe or /pedido lista. When siblings share a name
// across languages, the English name comes first, then the languages in
// the order of nameLanguages, then the first command in cmds; SharedNames
// finds such names, which a command tree should not have.
func Find(cmds []*Command, name string) *Command {
	for _, c := range cmds {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	best, rank := -1, noRank
	for i, c := range cmds {
		if r := localRank(c.Localized, name); r < rank {
			best, rank = i, r
		}
	}
	if best < 0 {
		return nil
	}
	return cmds[best]
}

// NameIn returns the command's name in lang ("de", "pt-BR"), or its own
// name when it has none there.
func (c *Command) NameIn(lang string) string {
	return nameIn(c.Name, c.Localized, lang)
}

// DescriptionIn returns the command's description in lang ("fr",
// "pt-BR"), or its own (English) one when it has none there.
func (c *Command) DescriptionIn(lang string) string {
	if l, ok := c.Localized[lang]; ok && l.Description != "" {
		return l.Description
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if l, ok := c.Localized[base]; ok && l.Description != "" {
			return l.Description
		}
	}
	return c.Description
}

// NameIn returns the option's name in lang ("de", "pt-BR"), or its own
// name when it has none there.
func (o *Option) NameIn(lang string) string {
	return nameIn(o.Name, o.Localized, lang)
}

func nameIn(name string, loc map[string]Localized, lang string) string {
	if l, ok := loc[lang]; ok && l.Name != "" {
		return l.Name
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if l, ok := loc[base]; ok && l.Name != "" {
			return l.Name
		}
	}
	return name
}

// nameLanguages is the order in which a name localized in several
// languages is looked up among siblings (see Find).
func nameLanguages() [6]string { return [...]string{"fr", "de", "es", "it", "pt", "nl"} }

// noRank is worse than any language's rank: no localized name matched.
const noRank = 1 << 30

// langRank is lang's place in nameLanguages; any other language comes
// after them all.
func langRank(lang string) int {
	for i, l := range nameLanguages() {
		if l == lang {
			return i
		}
	}
	return len(nameLanguages())
}

// localRank returns the best rank (langRank) of the languages in which
// loc names name, or noRank when none does.
func localRank(loc map[string]Localized, name string) int {
	rank := noRank
	for lang, l := range loc {
		if r := langRank(lang); r < rank && l.Name != "" && sameName(l.Name, name) {
			rank = r
		}
	}
	return rank
}

// sameName reports whether a and b are one name as an author types it:
// equal but for case and accents ("numéro", "Numero"). It compares rune
// by rune, without copying either.
func sameName(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if foldRune(ra) != foldRune(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// foldRune lowercases r and takes the accent off the Latin letters of the
// bot's languages.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if r < 0xe0 {
		return r
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	}
	return r
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

// Option returns the option of c that name names, or nil: by its own
// name, else by a localized one, with the precedence of Find.
func (c *Command) Option(name string) *Option {
	for i := range c.Options {
		if strings.EqualFold(c.Options[i].Name, name) {
			return &c.Options[i]
		}
	}
	best, rank := -1, noRank
	for i := range c.Options {
		if r := localRank(c.Options[i].Localized, name); r < rank {
			best, rank = i, r
		}
	}
	if best < 0 {
		return nil
	}
	return &c.Options[best]
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

// SharedNames lists the names that two siblings of the command tree cmds
// answer to in the text grammar, in whatever languages, case and accents
// aside: two commands, two subcommands of one command, two options of one
// command, two choices of one option. Find's precedence picks one of the
// two, but an author who typed the name may have meant the other, so a
// command tree should have none.
func SharedNames(cmds []*Command) []string {
	var out []string
	var walk func(path string, level []*Command)
	walk = func(path string, level []*Command) {
		var subs []sibling
		for _, c := range level {
			subs = append(subs, sibling{c.Name, localNames(c.Name, c.Localized)})
		}
		out = append(out, shared("/"+path, subs)...)
		for _, c := range level {
			p := strings.TrimSpace(path + " " + c.Name)
			var opts []sibling
			for _, o := range c.Options {
				opts = append(opts, sibling{o.Name, localNames(o.Name, o.Localized)})
				var choices []sibling
				for _, ch := range o.Choices {
					names := []string{ch.Value, ch.Name}
					for _, n := range ch.Localized {
						names = append(names, n)
					}
					choices = append(choices, sibling{ch.Value, names})
				}
				out = append(out, shared("/"+p+" "+o.Name+":", choices)...)
			}
			out = append(out, shared("/"+p, opts)...)
			walk(p, c.Subs)
		}
	}
	walk("", cmds)
	return out
}

// sibling is one command, option or choice and every name it answers to.
type sibling struct {
	label string
	names []string
}

func localNames(name string, loc map[string]Localized) []string {
	names := []string{name}
	for _, l := range loc {
		names = append(names, l.Name)
	}
	return names
}

// shared reports the names two of level answer to.
func shared(where string, level []sibling) []string {
	var out []string
	owner := map[string]string{}
	for _, s := range level {
		for _, n := range s.names {
			if n == "" {
				continue
			}
			key := foldName(n)
			switch o, ok := owner[key]; {
			case !ok:
				owner[key] = s.label
			case o != s.label:
				out = append(out, fmt.Sprintf("%s: %q names both %s and %s", where, n, o, s.label))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// foldName is the name as sameName compares it.
func foldName(s string) string {
	return strings.Map(foldRune, s)
}
