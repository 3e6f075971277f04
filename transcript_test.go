package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// transcriptQuestions is one question, "my cart is empty when I order
// author copies, what do I do?", as an author would write it in each
// language the bot speaks.
var transcriptQuestions = []struct{ lang, question, title string }{
	{"en", "My cart is empty when I order author copies, what do I do?", "My cart is empty"},
	{"fr", "Mon panier est vide quand je commande des exemplaires d'auteur, que faire ?", "Mon panier est vide"},
	{"de", "Mein Warenkorb ist leer, wenn ich Autorenexemplare bestelle. Was tun?", "leer"},
	{"es", "Mi carrito está vacío cuando pido copias de autor, ¿qué hago?", "carrito"},
	{"it", "Il mio carrello è vuoto quando ordino copie d'autore, cosa faccio?", "carrello"},
	{"pt", "O meu carrinho está vazio quando peço cópias de autor, o que faço?", "carrinho"},
	{"nl", "Mijn winkelwagen is leeg als ik auteursexemplaren bestel, wat moet ik doen?", "winkelwagen"},
}

// TestTranscriptEveryLanguage asks the console the same question in each
// of the seven languages, with no --lang (the language is the question's),
// and keeps the transcript in testdata/transcript-languages.golden: each
// answer is the topic, written in the language asked.
func TestTranscriptEveryLanguage(t *testing.T) {
	var b strings.Builder
	for _, q := range transcriptQuestions {
		db := filepath.Join(t.TempDir(), "bot.db")
		out, errOut, err := runWith(t, []string{"console", "--db", db, "--user", "alice"}, nil, "/ask "+q.question+"\nexit\n")
		if err != nil {
			t.Fatalf("%s: run: %v (stderr %s)", q.lang, err, errOut)
		}
		first, _, _ := strings.Cut(strings.TrimSpace(out), "\n")
		if !strings.Contains(first, q.title) {
			t.Errorf("%s: the answer's title is %q, want the topic in %s (%q)", q.lang, first, q.lang, q.title)
		}
		fmt.Fprintf(&b, "## %s\n\n$ authorbot console\n> /ask %s\n\n%s\n\n", q.lang, q.question, strings.TrimSpace(out))
	}
	golden(t, "transcript-languages.golden", b.String())
}
