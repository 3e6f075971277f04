package discord

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// Discord's message limits, in characters.
const (
	maxContent       = 2000
	maxTitle         = 256
	maxDescription   = 4096
	maxFields        = 25
	maxFieldName     = 256
	maxFieldValue    = 1024
	maxFooter        = 2048
	maxEmbedTotal    = 6000 // title, description, field names and values, footer
	maxButtonLabel   = 80
	maxButtonsPerRow = 5
	maxRows          = 5
	maxChoices       = 25
	maxChoiceText    = 100 // a choice's name or string value
	// maxAttachment is the largest file a bot may attach in a server
	// without boosts (and in direct messages).
	maxAttachment = 10 << 20
)

// noMentions is set on every message: nothing the bot sends pings anyone,
// whatever text an author managed to put in it.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// render turns a reply into a Discord message. A reply of plain
// paragraphs becomes message content; anything with a title, fields or
// a source becomes an embed. Buttons become action rows whose custom ids
// encode action and value; stash holds the values too long for an id,
// by key, for the caller to remember (see customID). A reply's file is
// in data.Files, to be sent as an attachment (see attach).
func render(r *bot.Reply) (data *discordgo.InteractionResponseData, stash map[string]string) {
	return renderWithin(r, maxAttachment)
}

// renderWithin is render for a platform that takes attachments of at
// most limit bytes.
func renderWithin(r *bot.Reply, limit int) (data *discordgo.InteractionResponseData, stash map[string]string) {
	var files []*discordgo.File
	if r.File != nil {
		r, files = attach(r, limit)
	}
	data = &discordgo.InteractionResponseData{AllowedMentions: noMentions(), Files: files}
	if r.Ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	prompt := ""
	if len(r.Buttons) > 0 && r.ButtonPrompt != "" {
		prompt = "**" + escape(r.ButtonPrompt) + "**"
	}
	if content, ok := plainContent(r, prompt); ok {
		data.Content = content
	} else {
		data.Embeds = []*discordgo.MessageEmbed{embed(r, prompt)}
	}
	data.Components, stash = buttons(r.Buttons)
	data.Components = append(data.Components, selects(r.Selects, maxRows-len(data.Components))...)
	return data, stash
}

// attach prepares a reply with a file: the file, when it is within
// limit, and the reply to show with it, which is private (a file belongs
// to the author who asked) and ends with a line saying the file is
// attached, or that it is too large to be. The reply's blocks are shown
// as they are, except a paragraph that is the file's whole content: that
// is what the attachment is for, and as text Discord would cut it to a
// few thousand characters. A file over the limit is not cut either.
func attach(r *bot.Reply, limit int) (*bot.Reply, []*discordgo.File) {
	f := r.File
	c := *r
	c.Ephemeral = true
	c.Blocks = make([]bot.Block, 0, len(r.Blocks)+1)
	for _, b := range r.Blocks {
		if t, ok := b.(*bot.Text); ok && isContent(t.Text, f.Data) {
			continue
		}
		c.Blocks = append(c.Blocks, b)
	}
	name := clean(f.Name)
	if strings.TrimSpace(name) == "" {
		name = "authorbot.txt"
	}
	p := i18n.Default().Printer(r.Lang)
	size := fileSize(len(f.Data), r.Lang)
	if len(f.Data) > limit {
		c.Blocks = append(c.Blocks, &bot.Text{Note: true, Text: p.T("discord.file_too_large", "Name", name, "Size", size)})
		return &c, nil
	}
	c.Blocks = append(c.Blocks, &bot.Text{Note: true, Text: p.T("discord.file_attached", "Name", name, "Size", size)})
	return &c, []*discordgo.File{{Name: name, ContentType: f.ContentType, Reader: bytes.NewReader(f.Data)}}
}

// isContent reports whether text is the whole of data, but for the
// spaces around it.
func isContent(text string, data []byte) bool {
	t := strings.TrimSpace(text)
	return len(t) > 0 && len(t) <= len(data) && t == string(bytes.TrimSpace(data))
}

// fileSize writes a size as Discord shows it, in lang: "820 KB",
// "4.2 MB" ("4,2 Mo" in French; every catalog language but English writes
// a decimal comma).
func fileSize(n int, lang string) string {
	p := i18n.Default().Printer(lang)
	if n < 1<<20 {
		return p.T("discord.size_kb", "Size", strconv.Itoa(max(1, (n+512)/1024)))
	}
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	if p.Lang() != i18n.Source {
		s = strings.Replace(s, ".", ",", 1)
	}
	return p.T("discord.size_mb", "Size", s)
}

// plainContent renders a reply made only of paragraphs as message content,
// when it fits.
func plainContent(r *bot.Reply, prompt string) (string, bool) {
	if r.Title != "" || r.Source != "" {
		return "", false
	}
	var paras []string
	for _, b := range r.Blocks {
		t, ok := b.(*bot.Text)
		if !ok {
			return "", false
		}
		paras = append(paras, paragraph(t))
	}
	if prompt != "" {
		paras = append(paras, prompt)
	}
	s := strings.Join(paras, "\n\n")
	if s == "" {
		s = "…" // Discord refuses an empty message
	}
	return s, utf16Len(s) <= maxContent
}

// embed renders a reply as one embed within Discord's limits. The
// description comes first in the 6,000-character budget, then the fields
// in order; the prompt is kept whole at the end of the description.
func embed(r *bot.Reply, prompt string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: clip(clean(r.Title), maxTitle)}
	if r.Source != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: clip(clean(r.Source), maxFooter)}
	}
	budget := maxEmbedTotal - utf16Len(e.Title)
	if e.Footer != nil {
		budget -= utf16Len(e.Footer.Text)
	}

	var paras []string
	var fields []*discordgo.MessageEmbedField
	for _, b := range r.Blocks {
		switch v := b.(type) {
		case *bot.Text:
			paras = append(paras, paragraph(v))
		case *bot.List:
			paras = append(paras, list(v))
		case *bot.Link:
			paras = append(paras, link(v))
		case *bot.Mention:
			paras = append(paras, mention(v))
		case *bot.Fields:
			for _, f := range v.Fields {
				if len(fields) == maxFields {
					// Past Discord's 25 fields, the rest read as lines.
					paras = append(paras, escape(f.Name+": "+f.Value))
					continue
				}
				fields = append(fields, &discordgo.MessageEmbedField{
					Name:   orBlank(clip(clean(f.Name), maxFieldName)),
					Value:  orBlank(clip(escape(f.Value), maxFieldValue)),
					Inline: f.Inline,
				})
			}
		}
	}
	room := min(maxDescription, budget)
	if prompt != "" {
		room -= utf16Len(prompt) + 2
	}
	desc := clip(strings.Join(paras, "\n\n"), max(room, 0))
	if prompt != "" {
		desc = strings.TrimLeft(desc+"\n\n"+prompt, "\n")
	}
	e.Description = desc
	budget -= utf16Len(desc)
	for _, f := range fields {
		n := utf16Len(f.Name) + utf16Len(f.Value)
		if n > budget {
			break
		}
		budget -= n
		e.Fields = append(e.Fields, f)
	}
	return e
}

func paragraph(t *bot.Text) string {
	s := escape(t.Text)
	if !t.Note {
		return s
	}
	// Notes are secondary: italic, line by line (italics do not span lines).
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = "*" + l + "*"
		}
	}
	return strings.Join(lines, "\n")
}

func list(l *bot.List) string {
	items := make([]string, len(l.Items))
	for i, it := range l.Items {
		if l.Ordered {
			items[i] = strconv.Itoa(i+1) + ". " + escape(it)
		} else {
			items[i] = "• " + escape(it)
		}
	}
	return strings.Join(items, "\n")
}

// link renders a masked link when the URL is a plain web address, and
// "label: URL" otherwise, so no URL can break out of the markup.
func link(l *bot.Link) string {
	u := clean(l.URL)
	web := strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
	if !web || strings.ContainsAny(u, " \t\n()<>[]") || l.Label == "" {
		if l.Label == "" {
			return u
		}
		return escape(l.Label) + ": " + u
	}
	return "[" + escape(l.Label) + "](" + u + ")"
}

// escape makes plain text safe to show as Discord markdown: every
// character that could start formatting, a mention, a timestamp, a
// spoiler or a masked link is backslash-escaped, and so are the list and
// heading markers at the start of a line. Web addresses are left alone so
// that Discord still links them (they cannot carry markup: Discord reads
// a URL as one unit).
func escape(s string) string {
	s = clean(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for i := 0; i < len(s); {
		if (i == 0 || !isWordByte(s[i-1])) && (strings.HasPrefix(s[i:], "https://") || strings.HasPrefix(s[i:], "http://")) {
			j := i
			for j < len(s) && !isSpace(s[j]) && s[j] != '<' { // Discord ends a URL at <
				j++
			}
			b.WriteString(s[i:j])
			i = j
			lineStart = false
			continue
		}
		c := s[i]
		if !lineStart && !escapeLook[c] {
			// Copy the run of bytes that need nothing, up to the next one
			// that might (most text is such runs).
			j := i + 1
			for j < len(s) && !escapeLook[s[j]] && !(s[j] == 'h' && !isWordByte(s[j-1])) {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if lineStart {
			// "- item", "+ item", "1. item" and "# heading" only format at
			// the start of a line.
			if c == '-' || c == '+' {
				b.WriteByte('\\')
			}
			if n := leadingDigits(s[i:]); n > 0 && i+n < len(s) && (s[i+n] == '.' || s[i+n] == ')') {
				b.WriteString(s[i : i+n])
				b.WriteByte('\\')
				i += n
				c = s[i]
			}
		}
		switch c {
		case '\\', '*', '_', '~', '`', '|', '<', '>', '[', ']', '#', '@':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		switch {
		case c == '\n':
			lineStart = true
		case !isSpace(c):
			lineStart = false
		}
		i++
	}
	return b.String()
}

// escapeLook holds the bytes escape must look at when not at the start of
// a line: those it escapes and the line break. (It stops too at an h
// after a byte that ends a word, where a web address may start.)
var escapeLook = func() (t [256]bool) {
	for _, c := range []byte("\\*_~`|<>[]#@\n") {
		t[c] = true
	}
	return t
}()

// clean drops from text an author may have written what must never reach
// a chat: control characters but the newline and the tab (NUL, escape
// sequences, carriage returns), and the bidirectional embeddings,
// overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make text
// display other than it reads: a title that shows reversed, a quantity
// that seems to be another. Invalid UTF-8 becomes U+FFFD. Every echo of
// author text in a rendering goes through clean, whatever the handlers
// already did.
func clean(s string) string {
	for i, r := range s {
		if unsafeRune(r) || r == utf8.RuneError {
			return cleanFrom(s, i)
		}
	}
	return s
}

func cleanFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] { // ranging yields U+FFFD for invalid bytes
		if !unsafeRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return unicode.IsControl(r)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// buttons renders reply buttons as action rows of at most five. Duplicate
// buttons are dropped: Discord refuses two equal custom ids in a message.
func buttons(bs []bot.Button) ([]discordgo.MessageComponent, map[string]string) {
	var rows []discordgo.MessageComponent
	var row discordgo.ActionsRow
	var stash map[string]string
	seen := map[string]bool{}
	for _, b := range bs {
		id, key, long := customID(b.Action, b.Value)
		if seen[id] {
			continue
		}
		if len(rows) == maxRows {
			break
		}
		seen[id] = true
		if long {
			if stash == nil {
				stash = map[string]string{}
			}
			stash[key] = b.Value
		}
		label := clean(b.Label)
		if strings.TrimSpace(label) == "" {
			label = b.Action
		}
		row.Components = append(row.Components, discordgo.Button{
			Label:    clip(label, maxButtonLabel),
			Style:    buttonStyle(b.Style),
			CustomID: id,
		})
		if len(row.Components) == maxButtonsPerRow {
			rows = append(rows, row)
			row = discordgo.ActionsRow{}
		}
	}
	if len(row.Components) > 0 && len(rows) < maxRows {
		rows = append(rows, row)
	}
	return rows, stash
}

func buttonStyle(s bot.ButtonStyle) discordgo.ButtonStyle {
	switch s {
	case bot.Primary:
		return discordgo.PrimaryButton
	case bot.Danger:
		return discordgo.DangerButton
	}
	return discordgo.SecondaryButton
}

// renderChoices turns completions into at most 25 autocomplete choices.
// Integer options need numeric values, so a choice whose value is not a
// whole number is left out there; a string value longer than Discord
// allows is left out rather than cut, since a cut value would name
// something else.
func renderChoices(cs []bot.Choice, typ discordgo.ApplicationCommandOptionType) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(cs), maxChoices))
	seen := map[string]bool{}
	for _, c := range cs {
		if len(out) == maxChoices {
			break
		}
		if seen[c.Value] || c.Value == "" {
			continue
		}
		var value any = c.Value
		if typ == discordgo.ApplicationCommandOptionInteger {
			n, err := strconv.ParseInt(c.Value, 10, 64)
			if err != nil {
				continue
			}
			value = n
		} else if utf16Len(c.Value) > maxChoiceText {
			continue
		}
		seen[c.Value] = true
		name := strings.TrimSpace(clean(c.Name))
		if name == "" {
			name = c.Value
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: clip(name, maxChoiceText), Value: value})
	}
	return out
}

// clip shortens s to at most n characters (UTF-16 units), ending with
// "…" when it cuts, and never inside a character.
func clip(s string, n int) string {
	if utf16Len(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	used := 1 // the ellipsis
	var b strings.Builder
	for _, r := range s {
		w := utf16.RuneLen(r) // ranging yields U+FFFD for invalid bytes: never -1
		if used+w > n {
			break
		}
		used += w
		b.WriteRune(r)
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace) + "…"
}

// orBlank returns s, or a zero-width space when s is empty: Discord
// refuses empty field names and values.
func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return "\u200b"
	}
	return s
}
