package slack

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Everything a reply holds is plain text, and much of it is the author's
// (a book's title, an order's note): before it goes into mrkdwn it is
// cleaned of characters that would hide or reorder text, and escaped so
// that it shows as typed.

// mrkdwnEscaper escapes the three characters Slack's mrkdwn gives meaning
// to: with them escaped, text cannot form <!channel>, <@U123>, <#C123> or
// <url|label>.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape makes plain text safe to show as mrkdwn: it drops control and
// bidi characters (clean), escapes & < >, keeps * _ ~ ` from formatting
// (unformat), and puts a zero-width space after the @ of @here, @channel
// and @everyone, which some clients and integrations still turn into
// broadcasts.
func escape(s string) string {
	return neutralize(unformat(mrkdwnEscaper.Replace(slackCommands(clean(s)))))
}

// escapeOnly cleans s and escapes & < > but leaves everything else as it
// is (for URLs).
func escapeOnly(s string) string { return mrkdwnEscaper.Replace(clean(s)) }

// plainText cleans text shown as plain_text (a header, a button), which
// Slack never parses for formatting or mentions; the broadcast words get
// their zero-width space all the same.
func plainText(s string) string { return neutralize(slackCommands(clean(s))) }

// slackCommands names the router's commands in s as Slack knows them:
// a reply that says "/remind list" would send the author to Slack's own
// /remind, so it says "/reminders list" here (slackNames).
func slackCommands(s string) string {
	for _, rn := range slashRenames {
		name, slack := rn.router, rn.slack
		if !strings.Contains(s, name) {
			continue
		}
		var b strings.Builder
		for {
			i := strings.Index(s, name)
			if i < 0 {
				break
			}
			end := i + len(name)
			b.WriteString(s[:i])
			r, _ := utf8.DecodeRuneInString(s[end:])
			if end < len(s) && (alnum(r) || r == '-' || r == '_') || i > 0 && !commandBoundary(s[i-1]) {
				b.WriteString(name) // part of a longer word or a path: not the command
			} else {
				b.WriteString(slack)
			}
			s = s[end:]
		}
		b.WriteString(s)
		s = b.String()
	}
	return s
}

// slashRenames are slackNames as slackCommands reads them, slash first:
// made once, for it runs on every text of every reply.
var slashRenames = func() []struct{ router, slack string } {
	var out []struct{ router, slack string }
	for slack, router := range slackNames {
		out = append(out, struct{ router, slack string }{"/" + router, "/" + slack})
	}
	return out
}()

// commandBoundary reports whether c may stand before a command's slash.
func commandBoundary(c byte) bool {
	return c == ' ' || c == '\n' || c == '(' || c == '"' || c == '`' || c == '\''
}

// clean drops what must never reach a chat from author text: NUL and the
// other control characters but the line break (a tab becomes a space),
// and the bidi embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069), with which a title can show its words in another order
// than the one they are stored in, or make the text after it run
// backwards. Text holding none of them is returned as it is.
func clean(s string) string {
	if !needsClean(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r < 0x20, r >= 0x7f && r < 0xa0, bidiControl(r):
			return -1
		}
		return r
	}, s)
}

// needsClean reports whether s holds a character clean drops, looking at
// bytes: the common case, text with none, costs one pass and nothing else.
func needsClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !cleanLead[c] {
			continue // most bytes: one lookup
		}
		switch {
		case c < 0x20 && c != '\n', c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0: // U+0080-U+009F
			return true
		case c == 0xe2 && i+2 < len(s):
			if r, _ := utf8.DecodeRuneInString(s[i:]); bidiControl(r) {
				return true
			}
		}
	}
	return false
}

// cleanLead holds the bytes needsClean looks at more closely: the
// control characters but the line break, DEL, and the lead bytes of
// U+0080-U+009F and of the bidi controls.
var cleanLead = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\n'
	}
	t[0x7f], t[0xc2], t[0xe2] = true, true, true
	return t
}()

// bidiControl reports whether r embeds, overrides or isolates a direction.
func bidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// lookalike returns what stands in for c, one of mrkdwn's formatting
// characters, in author text; "" for any other byte.
//
// Slack's mrkdwn has no escape for them: a backslash shows as is and
// escapes nothing, and the verbatim flag of a text object only turns off
// the linking of URLs, channels and mentions ("Slack will continue to
// process all markdown formatting"). Zero-width spaces, the usual trick,
// do the opposite of what is wanted here: Slack takes them as word breaks,
// so a marker next to one is more likely to format, not less (jsx-slack's
// "exact mode" inserts them around markers precisely to force formatting).
// What always shows as typed is a character that is not a marker, so each
// is replaced by the one that looks most like it, as jsx-slack's Escape
// does for link text: the text reads the same, and nothing in it can turn
// bold, italic, struck or into code.
func lookalike(c byte) string {
	switch c {
	case '*':
		return "\u2217" // ∗ asterisk operator
	case '_':
		return "\u02cd" // ˍ modifier letter low macron
	case '~':
		return "\u223c" // ∼ tilde operator
	case '`':
		return "\u02cb" // ˋ modifier letter grave accent
	}
	return ""
}

// unformat replaces the formatting characters of escaped text that could
// open or close a span with their lookalikes. Slack formats only at word
// boundaries, so a marker between two letters or digits (en_US,
// snake_case, 5*3) stays as it is, as do the characters of a web address,
// which Slack links before it formats. A "&gt;" that starts a line would
// quote it; a soft hyphen in front, which shows as nothing, stops that.
func unformat(s string) string {
	if !strings.ContainsAny(s, "*_~`") && !quoteAtLineStart(s) {
		return s // nothing to replace: most text, an order list's "&lt;number&gt;" too
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	addr := false // within a web or mail address
	for i := 0; i < len(s); i++ {
		c := s[i]
		lineStart := i == 0 || s[i-1] == '\n'
		switch {
		case c == ' ' || c == '\n':
			addr = false
		case i == 0 || s[i-1] == ' ' || lineStart:
			addr = hasPrefixFold(s[i:], "mailto:")
		}
		if c == ':' && strings.HasPrefix(s[i:], "://") {
			addr = true
		}
		if lineStart && strings.HasPrefix(s[i:], "&gt;") {
			b.WriteString("\u00ad")
		}
		if l := lookalike(c); l != "" && !addr && !intraword(s, i) {
			b.WriteString(l)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// quoteAtLineStart reports whether an escaped ">" starts a line of s.
func quoteAtLineStart(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "&gt;")
		if j < 0 {
			return false
		}
		if i+j == 0 || s[i+j-1] == '\n' {
			return true
		}
		i += j + len("&gt;")
	}
}

// intraword reports whether the byte at i has a letter or digit on both
// sides.
func intraword(s string, i int) bool {
	if i == 0 || i == len(s)-1 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	return alnum(before) && alnum(after)
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// broadcasts are the words that, after an @, notify a whole channel.
var broadcasts = []string{"here", "channel", "everyone"}

func neutralize(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '@')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
		for _, w := range broadcasts {
			if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
				b.WriteString("\u200b")
				break
			}
		}
	}
}
