package handlers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/authorbot/authorbot/i18n"
)

// isBidiControl reports the invisible characters that reorder text and
// could make a title display differently from what it holds.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f'
}

// safeText prepares author text for a reply. Renderers escape markup, but
// the text itself must never read as a mass or user mention either:
// "@everyone", "@here" and "@channel" get a zero-width space after the @
// (as Discord's own clients do), and "<!", "<@", "<#" (Slack and Discord
// mention syntax) one after the <. NUL and the characters that reorder
// text (isBidiControl) are removed, other control characters become
// spaces. The stored text is never changed; only the copy shown is.
func safeText(s string) string {
	const zwsp = "\u200b"
	var b strings.Builder
	for i, r := range s {
		if r == 0 || isBidiControl(r) {
			continue
		}
		if unicode.IsControl(r) && r != ' ' {
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
		rest := s[i+utf8.RuneLen(r):]
		switch r {
		case '@':
			for _, w := range []string{"everyone", "here", "channel"} {
				if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
					b.WriteString(zwsp)
					break
				}
			}
		case '<':
			if rest != "" && strings.ContainsRune("!@#", rune(rest[0])) {
				b.WriteString(zwsp)
			}
		}
	}
	return b.String()
}

// safeQuote echoes author text in quotes, shortened and made safe.
func safeQuote(s string, p *i18n.Printer) string { return safeText(quote(s, p)) }

// clipText shortens s to n characters for a list or an echo.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
