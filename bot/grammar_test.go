package bot

import (
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

func testTree() []*Command {
	return []*Command{
		{Name: "ask", Options: []Option{{Name: "question", Required: true, Rest: true}}, Example: "/ask my cart is empty"},
		{Name: "help", Options: []Option{{Name: "topic", Positional: true}}, Localized: map[string]Localized{"fr": {Name: "aide"}}},
		{Name: "order", Example: "/order add 25 us \"The Long Road\"", Subs: []*Command{
			{Name: "add", Example: "/order add 25 us \"The Long Road\"", Options: []Option{
				{Name: "quantity", Type: Integer, Required: true, Placeholder: "1-999"},
				{Name: "marketplace", Required: true, Placeholder: "market"},
				{Name: "title", Required: true},
				{Name: "kind", Choices: []Choice{{Name: "author", Value: "author"}, {Name: "proof", Value: "proof"}}},
				{Name: "note"},
			}},
			{Name: "show", Options: []Option{{Name: "number", Type: Integer, Required: true}}},
			{Name: "list", Options: []Option{{Name: "status", Positional: true}}},
		}},
		{Name: "remind", Subs: []*Command{
			{Name: "add", Options: []Option{{Name: "when", Required: true}, {Name: "text", Required: true, Rest: true}}},
		}},
		{Name: "preorder", Options: []Option{
			{Name: "release", Required: true, Placeholder: "YYYY-MM-DD"},
			{Name: "plan", Positional: true, Choices: []Choice{{Name: "kdp", Value: "kdp"}, {Name: "advantage", Value: "advantage"}}},
		}},
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		line    string
		cmd     string
		sub     string
		options map[string]string
	}{
		{"/ask my cart is empty", "ask", "", map[string]string{"question": "my cart is empty"}},
		{"ask   why is my  \"cart\" empty?", "ask", "", map[string]string{"question": "why is my  \"cart\" empty?"}},
		{"/ask question:error: cart is empty", "ask", "", map[string]string{"question": "error: cart is empty"}},
		{"/ask \"my cart is empty\"", "ask", "", map[string]string{"question": "my cart is empty"}},
		{"/ASK Mon panier est vide", "ask", "", map[string]string{"question": "Mon panier est vide"}},
		{"/help", "help", "", map[string]string{}},
		{"/help cart-empty", "help", "", map[string]string{"topic": "cart-empty"}},
		{"/help topic:cart-empty", "help", "", map[string]string{"topic": "cart-empty"}},
		{`/order add 25 us "The Long Road"`, "order", "add", map[string]string{"quantity": "25", "marketplace": "us", "title": "The Long Road"}},
		{`/order add quantity:25 marketplace:amazon.de title:"The Long Road" kind:proof`, "order", "add", map[string]string{"quantity": "25", "marketplace": "amazon.de", "title": "The Long Road", "kind": "proof"}},
		{`/order add 5 uk The Long Road kind:Proof note:gift for mum`, "order", "add", map[string]string{"quantity": "5", "marketplace": "uk", "title": "The Long Road", "kind": "proof", "note": "gift for mum"}},
		{`/order add title:“Les Misérables” marketplace:fr quantity:3`, "order", "add", map[string]string{"quantity": "3", "marketplace": "fr", "title": "Les Misérables"}},
		{"/order show #3", "order", "show", map[string]string{"number": "3"}},
		{"/order list shipped", "order", "list", map[string]string{"status": "shipped"}},
		{"/remind add 3d text:call KDP about order #2", "remind", "add", map[string]string{"when": "3d", "text": "call KDP about order #2"}},
		{"/remind add when:2026-12-01 check the proofs", "remind", "add", map[string]string{"when": "2026-12-01", "text": "check the proofs"}},
		{`/order add 1 us "'; DROP TABLE orders; --"`, "order", "add", map[string]string{"quantity": "1", "marketplace": "us", "title": "'; DROP TABLE orders; --"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			req, err := Parse(testTree(), tt.line)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.line, err)
			}
			if req.Command != tt.cmd || req.Sub != tt.sub {
				t.Errorf("Parse(%q) = %s %s, want %s %s", tt.line, req.Command, req.Sub, tt.cmd, tt.sub)
			}
			if diff := cmp.Diff(tt.options, req.Options); diff != "" {
				t.Errorf("Parse(%q) options (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		line string
		want []string // substrings of the message
	}{
		{"", []string{"/ask my cart is empty"}},
		{"/frobnicate now", []string{"/frobnicate", "/ask, /help, /order, /remind"}},
		{"/ask", []string{"/ask needs question", "Usage: /ask question:<text>", "Example: /ask my cart is empty"}},
		{"/order", []string{"needs a subcommand", "/order add quantity:<1-999>", "Example:"}},
		{"/order fly", []string{"no subcommand fly", "/order show number:<number>"}},
		{"/order add 25 us", []string{"/order add needs title", "Usage: /order add quantity:<1-999> marketplace:<market> title:<text> [kind:author|proof] [note:<text>]"}},
		{"/order add ten us Dune", []string{"quantity must be a whole number, not \"ten\""}},
		{"/order add 2 us Dune kind:ebook", []string{"kind must be one of author|proof, not \"ebook\""}},
		{"/order show 3 4", []string{"I didn't expect \"4\" there"}},
		// With the slash a line is a command, even one that reads as a
		// question: it gets the usage.
		{"/order author copies - how?", []string{"/order has no subcommand author.", "Usage: /order add|show|list …"}},
		{"/preorder for paperback?", []string{`plan must be one of kdp|advantage, not "paperback?"`}},
		// A misspelt command or subcommand gets the one it most likely means.
		{"/oder add 25 us Dune", []string{"I don't know the command /oder — did you mean /order?"}},
		{"/hlep", []string{"I don't know the command /hlep — did you mean /help?"}},
		{"/HELPP", []string{"I don't know the command /helpp — did you mean /help?"}},
		{"/aid", []string{"did you mean /help?"}},
		{"/rmeind add 3d call KDP", []string{"did you mean /remind?"}},
		{"/order lsit", []string{"I don't know the command /order lsit — did you mean /order list?", "Usage: /order add|show|list …"}},
		{"/order sho 3", []string{"did you mean /order show?"}},
		{"/remind ad 3d call KDP", []string{"did you mean /remind add?"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			_, err := Parse(testTree(), tt.line)
			if ErrorCode(err) != Invalid {
				t.Fatalf("Parse(%q) code = %q, want %q (err %v)", tt.line, ErrorCode(err), Invalid, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Parse(%q) message %q lacks %q", tt.line, err.Error(), w)
				}
			}
		})
	}
}

// TestParseNoSuggestion checks that a name far from every command gets
// the list of commands, not a guess.
func TestParseNoSuggestion(t *testing.T) {
	for _, line := range []string{"/x", "/frobnicate", "/zzz x", "/orderorderorder", "/" + strings.Repeat("order", 100), "/order lisssst"} {
		_, err := Parse(testTree(), line)
		if err == nil || strings.Contains(err.Error(), "did you mean") {
			t.Errorf("Parse(%q) error %v, want no suggestion", line, err)
		}
	}
}

// TestParseWithoutSlash checks the rule for a line typed without the
// slash (on the console, or after Slack's umbrella command): a command
// when its first word names one and the rest parses as that command, a
// question otherwise.
func TestParseWithoutSlash(t *testing.T) {
	tests := []struct {
		line    string
		name    string
		options map[string]string
	}{
		{"order author copies - how?", "ask", map[string]string{"question": "order author copies - how?"}},
		{"preorder for paperback?", "ask", map[string]string{"question": "preorder for paperback?"}},
		{"order list please", "order list", map[string]string{"status": "please"}},
		{"order show the latest", "ask", map[string]string{"question": "order show the latest"}},
		{"order", "ask", map[string]string{"question": "order"}},
		{"remind me to check the proofs", "ask", map[string]string{"question": "remind me to check the proofs"}},
		{"oder add 25 us Dune", "ask", map[string]string{"question": "oder add 25 us Dune"}},
		{"ask", "ask", map[string]string{"question": "ask"}},
		{"my cart is empty", "ask", map[string]string{"question": "my cart is empty"}},
		{`"my cart is empty"`, "ask", map[string]string{"question": "my cart is empty"}},
		{"help", "help", map[string]string{}},
		{"Order Show #3", "order show", map[string]string{"number": "3"}},
		{"order add 25 us The Long Road", "order add", map[string]string{"quantity": "25", "marketplace": "us", "title": "The Long Road"}},
		{"preorder 2026-12-18 advantage", "preorder", map[string]string{"release": "2026-12-18", "plan": "advantage"}},
		{"ask why is my cart empty", "ask", map[string]string{"question": "why is my cart empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			req, err := Parse(testTree(), tt.line)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.line, err)
			}
			if req.Name() != tt.name {
				t.Errorf("Parse(%q) = %s, want %s", tt.line, req.Name(), tt.name)
			}
			if diff := cmp.Diff(tt.options, req.Options); diff != "" {
				t.Errorf("Parse(%q) options (-want +got):\n%s", tt.line, diff)
			}
			if !strings.HasPrefix(req.Line, "/") {
				t.Errorf("Parse(%q).Line = %q, want the line as a command", tt.line, req.Line)
			}
		})
	}
}

// TestParseLongLines checks what long values are made of, and that
// parsing allocates in proportion to the line: building a title word by
// word once copied the title for every word, quadratic in the line.
func TestParseLongLines(t *testing.T) {
	words := wordsLine(16000)
	tests := []struct {
		line, option, want string
	}{
		{"/ask " + words, "question", words},
		{"/order add 5 us " + words, "title", words},
		{"/order add 5 us Dune note:" + words, "note", words},
		{"/order add 5 us  The   Long\tRoad ", "title", "The Long Road"},
		{`/order add 5 us The "Long Road" kind:proof`, "title", "The Long Road"},
		{`/order add 5 us title:The Long note:a b title:Dune c`, "title", "Dune c"},
	}
	for _, tt := range tests {
		t.Run(clip(tt.line, 40), func(t *testing.T) {
			var req *Request
			var err error
			cmds := testTree()
			// The heap's count is the whole process's: the least of a few
			// runs leaves out what other goroutines allocated meanwhile.
			allocated := bytesAllocated(func() { req, err = Parse(cmds, tt.line) })
			for range 2 {
				allocated = min(allocated, bytesAllocated(func() { req, err = Parse(cmds, tt.line) }))
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := req.Option(tt.option); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.option, clip(got, 80), clip(tt.want, 80))
			}
			if limit := uint64(16*len(tt.line) + 4096); allocated > limit {
				t.Errorf("parsing a line of %d bytes allocated %d bytes, want at most %d", len(tt.line), allocated, limit)
			}
		})
	}
}

// bytesAllocated returns the bytes the heap gave out while f ran.
func bytesAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{`a b  c`, []string{"a", "b", "c"}},
		{`title:"The Long Road" x`, []string{"title:The Long Road", "x"}},
		{`"unterminated quote`, []string{"unterminated quote"}},
		{`l'option «grisée»`, []string{"l'option", "grisée"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(tt.line) {
			got = append(got, tok.text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("tokenize(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"/ask my cart", `/order add 1 us "x`, "/order show #", "\x00:\"", "/help topic:", "/remind add when: text:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		req, err := Parse(testTree(), line)
		if err != nil && ErrorCode(err) != Invalid {
			t.Fatalf("Parse(%q) returned a non-usage error %v", line, err)
		}
		if err == nil && req.Command == "" {
			t.Fatalf("Parse(%q) accepted a line without a command", line)
		}
		// A line without the slash is a command or else a question.
		if trimmed := strings.TrimSpace(line); trimmed != "" && !strings.HasPrefix(trimmed, "/") && err != nil {
			t.Fatalf("Parse(%q) refused a line without a slash: %v", line, err)
		}
	})
}

// tokenizeByRunes is the tokenizer tokenize replaced, which copied the line
// into runes first: the reference FuzzTokenize holds it to.
func tokenizeByRunes(line string) []token {
	var toks []token
	var runes []rune
	var offsets []int
	for off, r := range line {
		runes = append(runes, r)
		offsets = append(offsets, off)
	}
	offsets = append(offsets, len(line))
	for i := 0; i < len(runes); {
		if unicode.IsSpace(runes[i]) {
			i++
			continue
		}
		t := token{start: offsets[i], nameEnd: -1}
		var text strings.Builder
		inQuote := false
		j := i
		for ; j < len(runes); j++ {
			r := runes[j]
			if isQuote(r) {
				if !inQuote && t.nameEnd < 0 && text.Len() == 0 {
					t.quoted = true
				}
				if !inQuote && t.nameEnd >= 0 && text.Len() == t.nameEnd+1 {
					t.quoted = true
				}
				inQuote = !inQuote
				continue
			}
			if !inQuote && unicode.IsSpace(r) {
				break
			}
			if r == ':' && !inQuote && t.nameEnd < 0 && !t.quoted && text.Len() > 0 {
				t.nameEnd = text.Len()
				t.valueStart = offsets[j+1]
			}
			text.WriteRune(r)
		}
		t.text = text.String()
		toks = append(toks, t)
		i = j
	}
	return toks
}

// FuzzTokenize checks that tokenize splits every line as the rune-copying
// tokenizer did: the same tokens, offsets, names and quoting.
func FuzzTokenize(f *testing.F) {
	for _, seed := range []string{
		"/order add 25 amazon.com The Long Road", `title:"A: B" note:“x y”`, "«quoted» name:«v»",
		"a:b:c", `"":x`, `x:""`, "\xff:\xfe \"\xff\"", "\u00a0/ask\u2003café \ufffd", "  ", ":x", "name:",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		got, want := tokenize(line), tokenizeByRunes(line)
		if len(got) != len(want) {
			t.Fatalf("tokenize(%q) = %+v, want %+v", line, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("tokenize(%q)[%d] = %+v, want %+v", line, i, got[i], want[i])
			}
		}
	})
}

// localTree is a command tree named in several languages, as the
// router's is.
func localTree() []*Command {
	names := func(fr, de, es string) map[string]Localized {
		return map[string]Localized{"fr": {Name: fr}, "de": {Name: de}, "es": {Name: es}}
	}
	return []*Command{
		{Name: "ask", Options: []Option{{Name: "question", Required: true, Rest: true, Localized: names("question", "frage", "pregunta")}},
			Localized: names("question", "frage", "pregunta")},
		{Name: "help", Options: []Option{{Name: "topic", Positional: true, Localized: names("sujet", "thema", "tema")}},
			Localized: names("aide", "hilfe", "ayuda")},
		{Name: "order", Localized: names("commande", "bestellung", "pedido"), Subs: []*Command{
			{Name: "list", Localized: names("liste", "liste", "lista"), Options: []Option{{Name: "status", Positional: true,
				Localized: names("statut", "status", "estado"),
				Choices: []Choice{
					{Name: "shipped", Value: "shipped", Localized: map[string]string{"fr": "expédiée", "de": "versandt", "es": "enviado"}},
					{Name: "delivered", Value: "delivered", Localized: map[string]string{"fr": "livrée", "de": "zugestellt", "es": "entregado"}},
				}}}},
			{Name: "show", Localized: names("voir", "anzeigen", "ver"), Options: []Option{
				{Name: "number", Type: Integer, Required: true, Localized: names("numéro", "nummer", "número")}}},
			{Name: "problem", Localized: names("problème", "problem", "problema"), Options: []Option{
				{Name: "number", Type: Integer, Required: true, Localized: names("numéro", "nummer", "número")},
				{Name: "kind", Required: true, Localized: names("type", "art", "tipo"), Choices: []Choice{
					{Name: "lost", Value: "lost", Localized: map[string]string{"fr": "perdus", "de": "verloren", "es": "perdidas"}},
					{Name: "defective", Value: "defective", Localized: map[string]string{"fr": "défaut d'impression", "de": "Druckfehler", "es": "defecto de impresión"}},
				}},
			}},
		}},
	}
}

// TestParseLocalizedNames checks that the text grammar takes the names of
// every language, whatever the author's, as Discord shows them, and
// without their accents as they are often typed; the request always
// carries the English names and values the handlers know.
func TestParseLocalizedNames(t *testing.T) {
	tests := []struct {
		line    string
		name    string
		options map[string]string
	}{
		{"/aide", "help", map[string]string{}},
		{"/hilfe", "help", map[string]string{}},
		{"/AYUDA tema:cart-empty", "help", map[string]string{"topic": "cart-empty"}},
		{"hilfe thema:cart-empty", "help", map[string]string{"topic": "cart-empty"}},
		{"/frage Mein Warenkorb ist leer", "ask", map[string]string{"question": "Mein Warenkorb ist leer"}},
		{"/ask pregunta:¿carrito vacío?", "ask", map[string]string{"question": "¿carrito vacío?"}},
		{"/pedido lista", "order list", map[string]string{}},
		{"/order lista enviado", "order list", map[string]string{"status": "shipped"}},
		{"/bestellung liste status:zugestellt", "order list", map[string]string{"status": "delivered"}},
		{"/commande liste expédiée", "order list", map[string]string{"status": "shipped"}},
		{"/commande liste expediee", "order list", map[string]string{"status": "shipped"}},
		{"/order show numéro:3", "order show", map[string]string{"number": "3"}},
		{"/order show Numero:3", "order show", map[string]string{"number": "3"}},
		{"/pedido ver número:#4", "order show", map[string]string{"number": "4"}},
		{"/order problème 3 perdus", "order problem", map[string]string{"number": "3", "kind": "lost"}},
		{"/bestellung problem nummer:3 art:Verloren", "order problem", map[string]string{"number": "3", "kind": "lost"}},
		{`/pedido problema 3 tipo:"defecto de impresión"`, "order problem", map[string]string{"number": "3", "kind": "defective"}},
		{"pedido lista", "order list", map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			req, err := Parse(localTree(), tt.line)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.line, err)
			}
			if req.Name() != tt.name {
				t.Errorf("Parse(%q) = %s, want %s", tt.line, req.Name(), tt.name)
			}
			if diff := cmp.Diff(tt.options, req.Options); diff != "" {
				t.Errorf("Parse(%q) options (-want +got):\n%s", tt.line, diff)
			}
		})
	}
	if names := SharedNames(localTree()); len(names) > 0 {
		t.Errorf("the test tree shares names: %v", names)
	}
}

// TestNamePrecedence checks which sibling a name shared across languages
// finds: the one whose English name it is, then the one named so in the
// language that comes first (French, German, Spanish, Italian,
// Portuguese, Dutch, then any other), then the first in the tree; and
// that SharedNames reports every such name.
func TestNamePrecedence(t *testing.T) {
	loc := func(pairs ...string) map[string]Localized {
		m := map[string]Localized{}
		for i := 0; i < len(pairs); i += 2 {
			m[pairs[i]] = Localized{Name: pairs[i+1]}
		}
		return m
	}
	choice := func(value string, pairs ...string) Choice {
		m := map[string]string{}
		for i := 0; i < len(pairs); i += 2 {
			m[pairs[i]] = pairs[i+1]
		}
		return Choice{Name: value, Value: value, Localized: m}
	}
	cmds := []*Command{
		// "list" is show's French name and list's own: list wins.
		{Name: "show", Localized: loc("fr", "list", "nl", "tonen"), Options: []Option{
			// "data" is date's Italian name and day's Portuguese one:
			// Italian comes first.
			{Name: "day", Localized: loc("pt", "data")},
			{Name: "date", Localized: loc("it", "data")},
		}},
		{Name: "list", Localized: loc("fr", "liste")},
		// "lista" is Spanish for one and Portuguese for the other, typed
		// with or without its accent.
		{Name: "roll", Localized: loc("pt", "lísta")},
		{Name: "index", Localized: loc("es", "lista")},
		// Two languages after the six: the first command in the tree.
		{Name: "first", Localized: loc("ja", "same")},
		{Name: "second", Localized: loc("ko", "same")},
		{Name: "state", Options: []Option{{Name: "value", Positional: true, Choices: []Choice{
			choice("off", "nl", "uit", "pt", "ligados"),
			choice("on", "es", "ligados", "nl", "aan"),
			choice("no", "it", "off"), // off is a choice's own value: that one
		}}}},
	}
	for _, tt := range []struct{ line, want string }{
		{"/list", "list"},
		{"/liste", "list"},
		{"/tonen", "show"},
		{"/lista", "index"},
		{"/LISTA", "index"},
		{"/same", "first"},
		{"/show data:1", "show date=1"},
		{"/show day:1", "show day=1"},
		{"/state ligados", "state value=on"},
		{"/state off", "state value=off"},
		{"/state uit", "state value=off"},
	} {
		req, err := Parse(cmds, tt.line)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.line, err)
			continue
		}
		got := req.Name()
		for k, v := range req.Options {
			got += " " + k + "=" + v
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.line, got, tt.want)
		}
	}

	want := []string{
		`/: "list" names both show and list`,
		`/: "lista" names both roll and index`,
		`/: "same" names both first and second`,
		`/show: "data" names both day and date`,
		`/state value:: "ligados" names both off and on`,
		`/state value:: "off" names both off and no`,
	}
	if diff := cmp.Diff(want, SharedNames(cmds)); diff != "" {
		t.Errorf("SharedNames (-want +got):\n%s", diff)
	}
}

func TestNameIn(t *testing.T) {
	c := &Command{Name: "help", Localized: map[string]Localized{"fr": {Name: "aide"}, "pt": {Name: "ajuda"}, "de": {}}}
	for lang, want := range map[string]string{"fr": "aide", "pt-BR": "ajuda", "pt": "ajuda", "de": "help", "ja": "help", "": "help"} {
		if got := c.NameIn(lang); got != want {
			t.Errorf("NameIn(%q) = %q, want %q", lang, got, want)
		}
	}
	o := &Option{Name: "number", Localized: map[string]Localized{"fr": {Name: "numéro"}}}
	if got := o.NameIn("fr-CA"); got != "numéro" {
		t.Errorf("option NameIn(fr-CA) = %q, want numéro", got)
	}
}

func TestUngroup(t *testing.T) {
	for in, want := range map[string]string{
		"12": "12", "1,200": "1200", "1_200": "1200", "1 200": "1200",
		"1\u00a0200": "1200", "1\u202f200": "1200", "ten": "ten", "1.200": "1.200",
	} {
		if got := Ungroup(in); got != want {
			t.Errorf("Ungroup(%q) = %q, want %q", in, got, want)
		}
	}
}
