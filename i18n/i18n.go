// Package i18n is authorbot's message catalog: every sentence an author
// or a moderator reads, by message id, in one TOML file per language
// (locales/en.toml, locales/fr.toml, …), embedded in the binary. Code
// holds message ids and arguments; the files hold the words, with their
// plural forms by the CLDR rules of each language.
//
// A language is added by adding its file: Load reads every file under
// locales/, and a language without one is written in English. Numbers are
// grouped as the language writes them (1,200 / 1 200 / 1.200), from CLDR.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Source is the catalog's own language: every message exists in it, and a
// message or a language the catalog lacks is written in it.
const Source = "en"

// CountArg is the argument that chooses a message's plural form. Its value
// is an int; the message shows it grouped as the language writes numbers.
const CountArg = "Count"

//go:embed locales/*.toml
var files embed.FS

// Catalog holds the messages of every language. It is read-only once
// loaded, and safe for concurrent use.
type Catalog struct {
	source   []byte // the Source language's file
	bundle   *goi18n.Bundle
	langs    []string // as the files name them, Source first
	printers map[string]*Printer
	matcher  language.Matcher
}

// Load reads the catalog embedded in the binary.
func Load() (*Catalog, error) { return LoadFS(files) }

// Default returns the catalog embedded in the binary, read on the first
// call. It is data compiled into the program, read-only once read, like
// a table in the code: what has no catalog of its own (the grammar's
// usage errors, a dispatcher built without one) writes from it, and
// what is given one (handlers.WithCatalog) uses that instead. It panics
// if the embedded files do not load, which the package's tests rule out.
func Default() *Catalog { return embedded() }

var embedded = sync.OnceValue(func() *Catalog { return Must(Load()) })

// Must returns c, or panics with err. The embedded files are checked by
// the package's tests, so an error here is a broken build, not a runtime
// condition.
func Must(c *Catalog, err error) *Catalog {
	if err != nil {
		panic(err)
	}
	return c
}

// LoadFS reads a catalog from the files locales/*.toml of fsys, one per
// language, named by its BCP 47 tag (en.toml, fr.toml, pt-BR.toml).
func LoadFS(fsys fs.FS) (*Catalog, error) {
	b := goi18n.NewBundle(language.MustParse(Source))
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(fsys, "locales/*.toml")
	if err != nil {
		return nil, err
	}
	c := &Catalog{bundle: b, printers: map[string]*Printer{}}
	plain := map[string]map[string][]segment{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if _, err := b.ParseMessageFileBytes(data, name); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		msgs, err := readMessages(data)
		if err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		lang := strings.TrimSuffix(path.Base(name), ".toml")
		if lang == Source {
			c.source = data
		}
		c.langs = append(c.langs, lang)
		plain[lang] = compile(msgs)
	}
	sort.Slice(c.langs, func(i, j int) bool {
		return c.langs[i] == Source || c.langs[j] != Source && c.langs[i] < c.langs[j]
	})
	if len(c.langs) == 0 || c.langs[0] != Source {
		return nil, fmt.Errorf("i18n: no locales/%s.toml", Source)
	}
	tags := make([]language.Tag, len(c.langs))
	parser := &template.TextParser{Option: "missingkey=error"}
	for i, l := range c.langs {
		tags[i] = language.MustParse(l)
		p := &Printer{
			lang:   l,
			loc:    goi18n.NewLocalizer(b, l),
			nums:   message.NewPrinter(tags[i]),
			group:  narrowGroups[base(tags[i])],
			parser: parser,
			plain:  plain[l],
		}
		p.asciiDigits = p.formatNum(999) == "999" && p.formatNum(7) == "7"
		c.printers[l] = p
	}
	c.matcher = language.NewMatcher(tags)
	return c, nil
}

// Languages returns the languages the catalog has a file for, Source
// first.
func (c *Catalog) Languages() []string { return append([]string(nil), c.langs...) }

// Printer returns the printer for lang, a BCP 47 tag ("fr", "fr-CA",
// "pt-BR") or a language the catalog has: the catalog's closest language,
// or Source when it has none close ("ja", "").
func (c *Catalog) Printer(lang string) *Printer {
	if p, ok := c.printers[lang]; ok {
		return p
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return c.printers[Source]
	}
	_, i, conf := c.matcher.Match(tag)
	if conf < language.High {
		return c.printers[Source]
	}
	return c.printers[c.langs[i]]
}

// Placeholders returns the placeholders of every message of the Source
// language, by id, sorted: for tests that check the code writes each
// message with the arguments it names.
func (c *Catalog) Placeholders() (map[string][]string, error) {
	msgs, err := readMessages(c.source)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(msgs))
	for id, forms := range msgs {
		out[id] = placeholders(forms)
	}
	return out, nil
}

// pluralForms are the keys of a message that hold text; any other key
// (description, hash) is for people.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// readMessages reads one message file into each message's text per plural
// form, by id, nested tables joined with "." as go-i18n reads them.
func readMessages(data []byte) (map[string]map[string]string, error) {
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	var walk func(prefix string, m map[string]any) error
	walk = func(prefix string, m map[string]any) error {
		if isMessage(m) {
			forms := map[string]string{}
			for _, f := range pluralForms {
				if s, ok := m[f].(string); ok {
					forms[f] = s
				}
			}
			out[prefix] = forms
			return nil
		}
		for k, v := range m {
			id := strings.TrimPrefix(prefix+"."+k, ".")
			sub, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("%s is a value outside a message", id)
			}
			if err := walk(id, sub); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk("", raw)
}

func isMessage(m map[string]any) bool {
	for k := range m {
		if slices.Contains(pluralForms, k) || k == "description" {
			return true
		}
	}
	return false
}

var placeholderRE = regexp.MustCompile(`\{\{\s*\.([A-Za-z0-9_]+)\s*\}\}`)

// placeholders returns the placeholders of every form of a message,
// sorted.
func placeholders(forms map[string]string) []string {
	set := map[string]bool{}
	for _, s := range forms {
		for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Text writes m in lang (see Printer).
func (c *Catalog) Text(lang string, m Message) string { return c.Printer(lang).Text(m) }

// Message is a catalog message not yet written in a language: its id, and
// its arguments as name/value pairs, as the message's placeholders name
// them ({{.Number}} is "Number", n). An argument that is itself a Message
// is written in the same language first.
type Message struct {
	ID   string
	Args []any
}

// M returns the message id with its name/value arguments.
func M(id string, args ...any) Message { return Message{ID: id, Args: args} }

// Printer writes messages in one language. It is safe for concurrent use.
type Printer struct {
	lang   string
	loc    *goi18n.Localizer
	nums   *message.Printer
	group  bool // replace the no-break space that groups digits by a narrow one
	parser template.Parser
	// plain are the language's own messages that need no plural form and
	// only fill in placeholders, by id, ready to write (see write).
	plain map[string][]segment
	// asciiDigits is set when the language writes 0 to 999 as Go does.
	asciiDigits bool
}

// Lang is the language the printer writes, as its file names it.
func (p *Printer) Lang() string { return p.lang }

// T writes the message id with its name/value arguments (see Message).
// The argument named CountArg chooses the plural form.
func (p *Printer) T(id string, args ...any) string {
	s, err := p.Localize(M(id, args...))
	if err != nil && s == "" {
		// Never an empty reply: the id tells the author little, but the
		// tests see that every id is in the catalog with its arguments.
		return id
	}
	return s
}

// Text writes m (see T).
func (p *Printer) Text(m Message) string { return p.T(m.ID, m.Args...) }

// Localize writes m, and reports a message missing from the catalog, an
// argument it lacks or one left over (the text is then the best it could
// write, possibly empty).
func (p *Printer) Localize(m Message) (string, error) {
	if len(m.Args)%2 != 0 {
		return "", fmt.Errorf("i18n: %s: odd number of arguments", m.ID)
	}
	if s, ok := p.write(m); ok {
		return s, nil
	}
	return p.localize(m)
}

// localize writes m through go-i18n: its plural forms, its templates.
func (p *Printer) localize(m Message) (string, error) {
	data := make(map[string]any, len(m.Args)/2)
	cfg := &goi18n.LocalizeConfig{MessageID: m.ID, TemplateParser: p.parser}
	for i := 0; i < len(m.Args); i += 2 {
		name, ok := m.Args[i].(string)
		if !ok {
			return "", fmt.Errorf("i18n: %s: argument %d has no name", m.ID, i/2)
		}
		v := m.Args[i+1]
		switch v := v.(type) {
		case Message:
			data[name] = p.Text(v)
		case int:
			if name == CountArg {
				cfg.PluralCount = v
				data[name] = p.Num(v)
			} else {
				data[name] = v
			}
		default:
			data[name] = v
		}
	}
	cfg.TemplateData = data
	return p.loc.Localize(cfg)
}

// Num writes n with the language's digit grouping: 1,200 in English,
// 1 200 in French (a narrow no-break space, U+202F, that never breaks the
// number across lines), 1.200 in German, Spanish, Italian, Portuguese and
// Dutch.
func (p *Printer) Num(n int) string {
	if n >= 0 && n < 1000 && p.asciiDigits {
		return strconv.Itoa(n) // nothing to group
	}
	return p.formatNum(n)
}

func (p *Printer) formatNum(n int) string {
	s := p.nums.Sprint(number.Decimal(n))
	if p.group {
		s = strings.ReplaceAll(s, "\u00a0", "\u202f")
	}
	return s
}

// Fixed writes v with exactly digits decimals, grouped and separated as
// the language writes numbers: 1,234.50 in English, 1 234,50 in French,
// 1.234,50 in German.
func (p *Printer) Fixed(v float64, digits int) string {
	s := p.nums.Sprint(number.Decimal(v, number.Scale(digits)))
	if p.group {
		s = strings.ReplaceAll(s, "\u00a0", "\u202f")
	}
	return s
}

// narrowGroups are the languages whose digits CLDR groups with a narrow
// no-break space since CLDR 34, where golang.org/x/text's older data
// still has a no-break space.
var narrowGroups = map[string]bool{"fr": true}

// base is the language of tag without its region: "fr" for fr-CA.
func base(tag language.Tag) string {
	b, _ := tag.Base()
	return b.String()
}

// Most messages have no plural forms and only fill in placeholders
// ({{.Name}}): those are written here, without go-i18n, whose every call
// matches the language again and runs a text/template (four fifths of
// writing a message: 10 µs of the 50 an /order add costs). What they
// write is what go-i18n writes (TestPlainMessagesAsGoI18n); a message
// with a count, an argument of another type or any other template goes
// through go-i18n.

// segment is a piece of a plain message: text, or the name of the
// argument to write in its place.
type segment struct {
	text, arg string
}

// placeholder is a whole {{.Name}}, at the start of the text.
var placeholder = regexp.MustCompile(`^\{\{[ \t]*\.([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}`)

// compile returns the messages of msgs that are plain, made into
// segments.
func compile(msgs map[string]map[string]string) map[string][]segment {
	out := map[string][]segment{}
	for id, forms := range msgs {
		text, ok := forms["other"]
		if !ok || len(forms) != 1 {
			continue
		}
		if segs, ok := segments(text); ok {
			out[id] = segs
		}
	}
	return out
}

// segments cuts text into segments, or reports that it is not plain.
func segments(text string) ([]segment, bool) {
	var segs []segment
	for text != "" {
		i := strings.Index(text, "{{")
		if i < 0 {
			segs = append(segs, segment{text: text})
			break
		}
		if i > 0 {
			segs = append(segs, segment{text: text[:i]})
		}
		m := placeholder.FindStringSubmatch(text[i:])
		if m == nil {
			return nil, false
		}
		segs = append(segs, segment{arg: m[1]})
		text = text[i+len(m[0]):]
	}
	return segs, true
}

// write writes m if it is plain and its arguments are strings, ints and
// messages, and reports whether it did.
func (p *Printer) write(m Message) (string, bool) {
	segs, ok := p.plain[m.ID]
	if !ok {
		return "", false
	}
	for i := 0; i < len(m.Args); i += 2 {
		if name, ok := m.Args[i].(string); !ok || name == CountArg {
			return "", false
		}
		switch m.Args[i+1].(type) {
		case string, int, Message:
		default:
			return "", false
		}
	}
	if len(segs) == 1 && segs[0].arg == "" && len(m.Args) == 0 {
		// A fixed text, returned as it is: of the messages an /order list
		// writes, most are; building a copy of each was 2 allocations.
		return segs[0].text, true
	}
	// The builder is grown once, to the size of the text and its string
	// arguments, rather than doubling as it is written.
	n := 0
	for _, s := range segs {
		if s.arg == "" {
			n += len(s.text)
		} else if v, ok := arg(m.Args, s.arg); ok {
			if v, ok := v.(string); ok {
				n += len(v)
			} else {
				n += 8
			}
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range segs {
		if s.arg == "" {
			b.WriteString(s.text)
			continue
		}
		v, ok := arg(m.Args, s.arg)
		if !ok {
			return "", false // go-i18n says which is missing
		}
		switch v := v.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		case Message:
			b.WriteString(p.Text(v))
		}
	}
	return b.String(), true
}

// arg is the value of the argument name in args, name/value pairs: the
// last one given, as for go-i18n.
func arg(args []any, name string) (v any, ok bool) {
	for i := 0; i < len(args); i += 2 {
		if args[i] == name {
			v, ok = args[i+1], true
		}
	}
	return v, ok
}
