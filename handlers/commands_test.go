package handlers

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/bot"
)

// nameLangs are the languages the command tree names its commands in
// besides English.
var nameLangs = []string{"fr", "de", "es", "it", "pt", "nl"}

// TestCommandNames checks that every command, subcommand, option and
// choice has a name in each of the bot's languages, and that no name is
// shared by two siblings in any languages: the text grammar takes the
// names of every language on every line, so a shared name would make a
// line mean one of two commands.
func TestCommandNames(t *testing.T) {
	var walk func(path string, c *bot.Command)
	walk = func(path string, c *bot.Command) {
		checkNamesIn(t, path, c.Localized)
		for _, o := range c.Options {
			checkNamesIn(t, path+" "+o.Name+":", o.Localized)
			for _, ch := range o.Choices {
				if ch.Localized == nil {
					continue // a name of its own in every language (kdp, advantage)
				}
				for _, lang := range nameLangs {
					if strings.TrimSpace(ch.Localized[lang]) == "" {
						t.Errorf("%s %s:%s has no name in %s", path, o.Name, ch.Value, lang)
					}
				}
			}
		}
		for _, s := range c.Subs {
			walk(path+" "+s.Name, s)
		}
	}
	for _, c := range Commands() {
		walk("/"+c.Name, c)
	}
	for _, s := range bot.SharedNames(Commands()) {
		t.Errorf("shared name: %s", s)
	}
}

func checkNamesIn(t *testing.T, path string, loc map[string]bot.Localized) {
	t.Helper()
	for _, lang := range nameLangs {
		if strings.TrimSpace(loc[lang].Name) == "" {
			t.Errorf("%s has no name in %s", path, lang)
		}
	}
}

// TestLocalizedExamples runs every example of the command table written
// with the names of each language, as an author reading Discord in that
// language would type it on the console or in Slack: each must read as
// the English example does.
func TestLocalizedExamples(t *testing.T) {
	r := testRouter(t, testDB(t))
	for _, c := range r.Commands() {
		examples := []string{c.Example}
		for _, s := range c.Subs {
			examples = append(examples, s.Example)
		}
		for _, ex := range examples {
			want, err := r.Parse(r.dated(ex))
			if err != nil {
				t.Fatalf("%s: %v", ex, err)
			}
			for _, lang := range nameLangs {
				line := inLanguage(r.Commands(), ex, lang)
				got, err := r.Parse(r.dated(line))
				if err != nil {
					t.Errorf("%s: %q refused: %v", lang, line, err)
					continue
				}
				if got.Name() != want.Name() {
					t.Errorf("%s: %q is /%s, want /%s", lang, line, got.Name(), want.Name())
				}
				if diff := cmp.Diff(want.Options, got.Options); diff != "" {
					t.Errorf("%s: %q options (-want +got):\n%s", lang, line, diff)
				}
			}
		}
	}
}

// inLanguage rewrites an example line with the names of lang: command,
// subcommand, option names and choice values.
func inLanguage(cmds []*bot.Command, line, lang string) string {
	words := strings.Fields(line)
	cmd := bot.Find(cmds, strings.TrimPrefix(words[0], "/"))
	words[0] = "/" + cmd.NameIn(lang)
	rest := words[1:]
	if len(cmd.Subs) > 0 {
		sub := bot.Find(cmd.Subs, rest[0])
		rest[0] = sub.NameIn(lang)
		cmd, rest = sub, rest[1:]
	}
	choice := func(o *bot.Option, v string) string {
		for _, ch := range o.Choices {
			if n := ch.Localized[lang]; ch.Value == v && n != "" {
				if strings.Contains(n, " ") {
					return `"` + n + `"`
				}
				return n
			}
		}
		return v
	}
	for i, w := range rest {
		if name, v, ok := strings.Cut(w, ":"); ok {
			if o := cmd.Option(name); o != nil {
				rest[i] = o.NameIn(lang) + ":" + choice(o, v)
				continue
			}
		}
		for j := range cmd.Options {
			rest[i] = choice(&cmd.Options[j], rest[i])
		}
	}
	return strings.Join(words, " ")
}

// TestLocalizedLines checks lines typed with the names of other
// languages, those of Discord's French names among them, and that a
// question starting with a localized command name is still asked.
func TestLocalizedLines(t *testing.T) {
	r := testRouter(t, testDB(t))
	tests := []struct {
		line, name string
		options    map[string]string
	}{
		{"/aide", "help", map[string]string{}},
		{"/hilfe", "help", map[string]string{}},
		{"/ayuda tema:cart-empty", "help", map[string]string{"topic": "cart-empty"}},
		{"/commande voir numéro:3", "order show", map[string]string{"number": "3"}},
		{"/order show numero:3", "order show", map[string]string{"number": "3"}},
		{"/commande problème 3 perdus", "order problem", map[string]string{"number": "3", "kind": "lost"}},
		{"/order problem 3 kind:verloren", "order problem", map[string]string{"number": "3", "kind": "lost"}},
		{"/pedido lista", "order list", map[string]string{}},
		{"/pedido lista entregue", "order list", map[string]string{"status": "delivered"}},
		{"/bestellung löschen 2", "order delete", map[string]string{"number": "2"}},
		{"/bestellung loschen 2", "order delete", map[string]string{"number": "2"}},
		{`/ordine aggiungi 5 amazon.it titolo:La lunga strada tipo:"copie di prova"`, "order add", map[string]string{
			"quantity": "5", "marketplace": "amazon.it", "title": "La lunga strada", "kind": "proof"}},
		{"/bestelling toevoegen aantal:2 marketplace:nl titel:Het boek soort:proefexemplaren", "order add", map[string]string{
			"quantity": "2", "marketplace": "nl", "title": "Het boek", "kind": "proof"}},
		{"/lembrete lista", "remind list", map[string]string{}},
		{"/herinnering auto uit", "remind auto", map[string]string{"state": "off"}},
		{"/mis-datos olvidar sí", "mydata forget", map[string]string{"confirm": "yes"}},
		{"/mes-donnees exporter", "mydata export", map[string]string{}},
		{"/vorbestellung 2027-03-01 methode:advantage zeitzone:Europe/Berlin erinnerungen:ja", "preorder", map[string]string{
			"release": "2027-03-01", "plan": "advantage", "tz": "Europe/Berlin", "remind": "yes"}},
		{"pedido lista", "order list", map[string]string{}},
		{"ayuda", "help", map[string]string{}},
		// Questions that start with a command's name in some language.
		{"ayuda con mi pedido por favor", "ask", map[string]string{"question": "ayuda con mi pedido por favor"}},
		{"pedido no llegó", "ask", map[string]string{"question": "pedido no llegó"}},
		{"hilfe, mein Warenkorb ist leer", "ask", map[string]string{"question": "hilfe, mein Warenkorb ist leer"}},
		{"bestelling kwijt", "ask", map[string]string{"question": "bestelling kwijt"}},
		{"lembrete de prova?", "ask", map[string]string{"question": "lembrete de prova?"}},
	}
	for _, tt := range tests {
		req, err := r.Parse(tt.line)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.line, err)
			continue
		}
		if req.Name() != tt.name {
			t.Errorf("Parse(%q) = /%s, want /%s", tt.line, req.Name(), tt.name)
		}
		if diff := cmp.Diff(tt.options, req.Options); diff != "" {
			t.Errorf("Parse(%q) options (-want +got):\n%s", tt.line, diff)
		}
	}
}
