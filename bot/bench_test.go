package bot

import (
	"strconv"
	"strings"
	"testing"
)

// wordsLine returns n distinct words separated by spaces.
func wordsLine(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("word")
		b.WriteString(strconv.Itoa(i))
	}
	return b.String()
}

// BenchmarkParse measures Parse on long lines: a question (a Rest option),
// a title whose bare words continue it, at 1k and 16k words, and a named
// option (note:) continued by 16k words. Parsing
// must grow linearly with the line, since anyone who can send a command
// can send a long one.
func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct{ name, line string }{
		{"ask 1k words", "/ask " + wordsLine(1000)},
		{"ask 16k words", "/ask " + wordsLine(16000)},
		{"title 1k words", "/order add 5 us " + wordsLine(1000)},
		{"title 16k words", "/order add 5 us " + wordsLine(16000)},
		{"note 16k words", "/order add 5 us Dune note:" + wordsLine(16000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cmds := testTree()
			b.SetBytes(int64(len(bc.line)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(cmds, bc.line); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseNames measures looking names up: a line in English names,
// and the same line in Spanish names, which are found after every English
// name has been tried.
func BenchmarkParseNames(b *testing.B) {
	for _, bc := range []struct{ name, line string }{
		{"english", "/order problem number:3 kind:lost"},
		{"spanish", "/pedido problema número:3 tipo:perdidas"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cmds := localTree()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(cmds, bc.line); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
