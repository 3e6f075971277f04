package bot

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/authorbot/authorbot/i18n"
)

// AskCommand is the command a line without a command is asked as.
const AskCommand = "ask"

// Parse reads one command line in the text grammar shared by the console
// and Slack:
//
//	/command [subcommand] [positional values…] [name:value …]
//
// Positional values fill the required options in their declared order,
// then optional options marked Positional. Double quotes group words
// (title:"The Long Road"). Bare words after a text option's value continue
// that value (title:The Long Road). A Rest option takes the rest of the
// line as typed (/ask my cart is empty).
//
// A line that starts with a slash is a command: a wrong one returns an
// *Error with code Invalid whose message shows the right form and an
// example, or the command or subcommand a misspelt name most likely meant.
// Its Message is in English and its Msg the catalog message, for ErrorIn
// to write in the author's language.
// A line without the slash is a command only when its first word names one
// and the rest of it parses as that command ("order list"); any other line
// is a question, parsed as /ask followed by the line, so that "order author
// copies - how?" is asked rather than refused as a broken /order.
func Parse(cmds []*Command, line string) (*Request, error) {
	line = strings.TrimSpace(line)
	if body, ok := strings.CutPrefix(line, "/"); ok {
		return parse(cmds, body, line)
	}
	if line == "" {
		return nil, newError(Invalid, "parse.empty")
	}
	if req, err := parse(cmds, line, ""); err == nil && plausible(cmds, req) {
		return req, nil
	}
	if Find(cmds, AskCommand) == nil {
		return parse(cmds, line, "")
	}
	return parse(cmds, AskCommand+" "+line, "")
}

// plausible reports whether every option value of req is one its option
// could mean (Option.Plausible).
func plausible(cmds []*Command, req *Request) bool {
	cmd := Find(cmds, req.Command)
	if req.Sub != "" {
		cmd = Find(cmd.Subs, req.Sub)
	}
	for name, v := range req.Options {
		if o := cmd.Option(name); o != nil && o.Plausible != nil && !o.Plausible(v) {
			return false
		}
	}
	return true
}

// parse reads a command line without its leading slash.
// parse reads body, a command line without its slash; slashed is the
// line with it when the caller has it ("" otherwise), so that the
// request's Line need not be joined again.
func parse(cmds []*Command, body, slashed string) (*Request, error) {
	first, pos, ok := nextToken(body, 0)
	if !ok {
		return nil, newError(Invalid, "parse.empty")
	}
	name := strings.ToLower(first.text)
	cmd := Find(cmds, name)
	if cmd == nil {
		return nil, unknownCommand(cmds, name)
	}
	if slashed == "" {
		slashed = "/" + body
	}
	req := &Request{Command: cmd.Name, Options: map[string]string{}, Line: slashed}
	path := cmd.Name
	if len(cmd.Subs) > 0 {
		t, next, ok := nextToken(body, pos)
		if !ok {
			return nil, usageError(cmd, path, i18n.M("parse.needs_subcommand", "Path", path))
		}
		sub := Find(cmd.Subs, t.text)
		if sub == nil {
			return nil, unknownSub(cmd, path, t.text)
		}
		req.Sub = sub.Name
		path += " " + sub.Name
		cmd = sub
		pos = next
	}
	if err := fill(cmd, path, body, pos, req.Options); err != nil {
		return nil, err
	}
	return req, nil
}

// unknownCommand is the error for a command name no command has: the
// command it most likely meant, or the list of commands.
func unknownCommand(cmds []*Command, name string) *Error {
	typed := clip(name, 30)
	if c := closest(cmds, name); c != nil {
		return newError(Invalid, "parse.unknown_command_closest", "Typed", typed, "Closest", c.Name)
	}
	return newError(Invalid, "parse.unknown_command", "Typed", typed, "Commands", commandList(cmds))
}

// unknownSub is the error for a subcommand cmd does not have, with the
// usage of cmd.
func unknownSub(cmd *Command, path, name string) *Error {
	if s := closest(cmd.Subs, name); s != nil {
		return usageError(cmd, path, i18n.M("parse.unknown_sub_closest", "Path", path, "Typed", clip(name, 30), "Closest", s.Name))
	}
	return usageError(cmd, path, i18n.M("parse.unknown_sub", "Path", path, "Typed", clip(name, 30)))
}

// fill assigns the option tokens of one command line, those of line from
// byte offset pos on.
func fill(cmd *Command, path, line string, pos int, opts map[string]string) error {
	var cont continued // the text option bare words continue, if any
	// Options are only ever added, so once no positional option is left
	// none will be: the words of a long title need not look again.
	positionalLeft := true
	for {
		t, next, ok := nextToken(line, pos)
		if !ok {
			break
		}
		pos = next
		if o, val, ok := named(cmd, t); ok {
			cont.end(opts)
			if o.Rest {
				opts[o.Name] = restOf(line, t.valueStart)
				return validate(cmd, path, opts)
			}
			opts[o.Name] = val
			if o.Type == String && !t.quoted {
				cont.begin(o, val)
			}
			continue
		}
		var o *Option
		if positionalLeft {
			o = nextPositional(cmd, opts)
			positionalLeft = o != nil
		}
		switch {
		case o != nil && o.Rest:
			cont.end(opts)
			opts[o.Name] = restOf(line, t.start)
			return validate(cmd, path, opts)
		case o != nil:
			cont.end(opts)
			opts[o.Name] = t.text
			if o.Type == String && !t.quoted {
				cont.begin(o, t.text)
			}
		case cont.opt != nil:
			cont.add(t.text)
		default:
			cont.end(opts)
			if r := restOption(cmd, opts); r != nil {
				opts[r.Name] = restOf(line, t.start)
				return validate(cmd, path, opts)
			}
			return usageError(cmd, path, i18n.M("parse.unexpected", "Typed", echo(t.text, 40)))
		}
	}
	cont.end(opts)
	return validate(cmd, path, opts)
}

// continued is a text option whose value bare words continue
// (title:The Long Road). Its words gather in one buffer: adding each to
// the option's string would copy the value once per word, and a line of
// n words would cost n² bytes.
type continued struct {
	opt *Option
	b   strings.Builder
}

func (c *continued) begin(o *Option, first string) {
	c.opt = o
	c.b.Reset()
	c.b.WriteString(first)
}

func (c *continued) add(word string) {
	c.b.WriteByte(' ')
	c.b.WriteString(word)
}

// end stores the value in opts, once no more words can continue it.
func (c *continued) end(opts map[string]string) {
	if c.opt == nil {
		return
	}
	opts[c.opt.Name] = c.b.String()
	c.opt = nil
	c.b = strings.Builder{}
}

// validate checks required options, choices and integers.
func validate(cmd *Command, path string, opts map[string]string) error {
	for _, o := range cmd.Options {
		v, ok := opts[o.Name]
		if !ok {
			if o.Required {
				return usageError(cmd, path, i18n.M("parse.needs_option", "Path", path, "Option", o.Name))
			}
			continue
		}
		v = strings.TrimSpace(v)
		opts[o.Name] = v
		if len(o.Choices) > 0 {
			c := matchChoice(o.Choices, v)
			if c == "" {
				return usageError(cmd, path, i18n.M("parse.not_a_choice", "Option", o.Name, "Choices", o.placeholder(), "Typed", echo(v, 40)))
			}
			opts[o.Name] = c
		}
		if o.Type == Integer {
			n := Ungroup(strings.TrimPrefix(v, "#"))
			if _, err := strconv.Atoi(n); err != nil {
				return usageError(cmd, path, i18n.M("parse.not_a_number", "Option", o.Name, "Typed", echo(v, 40)))
			}
			opts[o.Name] = n
		}
	}
	return nil
}

// digitGroups are the separators of thousands a number may be written
// with: 1,200, 1_200 and 1 200, with the spaces French and others put
// there (a plain one, a no-break one, a narrow no-break one).
var digitGroups = strings.NewReplacer(",", "", "_", "", " ", "", "\u00a0", "", "\u202f", "")

// Ungroup removes the separators of thousands from a number written
// with them: "1,200" and "1 200" become "1200".
func Ungroup(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return s // nothing to remove, nothing to allocate
	}
	return digitGroups.Replace(s)
}

// matchChoice returns the value of the choice v names, or "": by its
// value or English name, else by its name in another language
// (Choice.Localized: perdus, verloren), with the precedence of Find.
func matchChoice(choices []Choice, v string) string {
	for _, c := range choices {
		if strings.EqualFold(c.Value, v) || strings.EqualFold(c.Name, v) {
			return c.Value
		}
	}
	best, rank := "", noRank
	for _, c := range choices {
		for lang, n := range c.Localized {
			if r := langRank(lang); r < rank && n != "" && sameName(n, v) {
				best, rank = c.Value, r
			}
		}
	}
	return best
}

// named recognises name:value for an option of cmd; any other colon
// (a question about "error: cart") is plain text.
func named(cmd *Command, t token) (*Option, string, bool) {
	if t.nameEnd <= 0 {
		return nil, "", false
	}
	o := cmd.Option(t.text[:t.nameEnd])
	if o == nil {
		return nil, "", false
	}
	return o, t.text[t.nameEnd+1:], true
}

func nextPositional(cmd *Command, opts map[string]string) *Option {
	for i := range cmd.Options {
		o := &cmd.Options[i]
		if _, ok := opts[o.Name]; !ok && o.Required {
			return o
		}
	}
	for i := range cmd.Options {
		o := &cmd.Options[i]
		if _, ok := opts[o.Name]; !ok && o.Positional {
			return o
		}
	}
	return nil
}

func restOption(cmd *Command, opts map[string]string) *Option {
	for i := range cmd.Options {
		o := &cmd.Options[i]
		if _, ok := opts[o.Name]; !ok && o.Rest {
			return o
		}
	}
	return nil
}

// restOf returns the line from byte offset start, without the quotes when
// the whole rest is one quoted string.
func restOf(line string, start int) string {
	s := strings.TrimSpace(line[start:])
	if t, next, ok := nextToken(s, 0); ok && next == len(s) && t.quoted && t.nameEnd < 0 {
		return t.text
	}
	return s
}

// token is one word of a command line, with quotes removed. nameEnd is the
// index of the first colon in text when it comes before any quote (a
// possible name:value), else -1.
type token struct {
	text       string
	start      int // byte offset of the token in the line
	valueStart int // byte offset of the value after name:
	quoted     bool
	nameEnd    int
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '«' || r == '»' }

// tokenize splits a whole line into tokens.
func tokenize(line string) []token {
	// One allocation for the usual line: a token per space, give or take.
	toks := make([]token, 0, min(strings.Count(line, " ")+1, 16))
	for i := 0; ; {
		t, next, ok := nextToken(line, i)
		if !ok {
			return toks
		}
		toks = append(toks, t)
		i = next
	}
}

// nextToken returns the first token of line at or after byte offset i and
// the offset just after it; ok is false when only spaces are left. The
// grammar reads a line token by token, so that a free-text option ends the
// reading without splitting the rest of the line.
func nextToken(line string, i int) (t token, next int, ok bool) {
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i >= len(line) {
		return token{}, i, false
	}
	t = token{start: i, nameEnd: -1}
	// The token's text is line[i:j] until a quote is dropped or invalid
	// UTF-8 replaced; from then on it is built in b. Most tokens need no
	// copy at all.
	var b []byte
	copied := false
	textLen := func(j int) int {
		if copied {
			return len(b)
		}
		return j - i
	}
	inQuote := false
	j := i
	for j < len(line) {
		r, size := utf8.DecodeRuneInString(line[j:])
		if isQuote(r) {
			n := textLen(j)
			if !inQuote && t.nameEnd < 0 && n == 0 {
				t.quoted = true
			}
			if !inQuote && t.nameEnd >= 0 && n == t.nameEnd+1 {
				t.quoted = true
			}
			inQuote = !inQuote
			if !copied {
				b, copied = append(b, line[i:j]...), true
			}
			j += size
			continue
		}
		if !inQuote && unicode.IsSpace(r) {
			break
		}
		if r == ':' && !inQuote && t.nameEnd < 0 && !t.quoted && textLen(j) > 0 {
			t.nameEnd = textLen(j)
			t.valueStart = j + size
		}
		if r == utf8.RuneError && size == 1 && !copied {
			b, copied = append(b, line[i:j]...), true
		}
		if copied {
			b = utf8.AppendRune(b, r)
		}
		j += size
	}
	t.text = line[i:j]
	if copied {
		t.text = string(b)
	}
	return t, j, true
}

func commandList(cmds []*Command) string {
	names := make([]string, 0, len(cmds))
	for _, c := range cmds {
		if !c.Moderators { // the grammar does not know who typed; authors need not see them
			names = append(names, "/"+c.Name)
		}
	}
	return strings.Join(names, ", ")
}

// echo is what an author typed, shortened to n runes and escaped as in a
// Go string (a control or bidirectional character, a quote), for the
// messages to put in their language's quotes.
func echo(s string, n int) string {
	q := strconv.Quote(clip(s, n))
	return q[1 : len(q)-1]
}

// clip shortens what an author typed before it is echoed back.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
