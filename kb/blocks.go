package kb

import (
	"strconv"
	"strings"
)

// Block is one block of an entry's body: a paragraph when Steps is nil,
// otherwise a numbered list whose items are Steps (without their numbers)
// and Text is empty.
type Block struct {
	Text  string
	Steps []string
}

// Blocks splits Body into paragraphs and numbered lists. Blank lines end a
// block; a line starting with a number and a dot ("1. ") starts a step; a
// line that is neither continues the current paragraph or step, the way
// Markdown reads soft-wrapped text. Bullet lines ("- ") keep their own line
// inside a paragraph so renderers can show them as written.
func (e *Entry) Blocks() []Block {
	var (
		blocks []Block
		para   []string
		steps  []string
	)
	flush := func() {
		if len(para) > 0 {
			blocks = append(blocks, Block{Text: strings.Join(para, "")})
			para = nil
		}
		if len(steps) > 0 {
			blocks = append(blocks, Block{Steps: steps})
			steps = nil
		}
	}
	for line := range strings.SplitSeq(e.Body, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
			continue
		}
		if step, ok := cutStepNumber(trimmed); ok {
			if len(para) > 0 {
				flush()
			}
			steps = append(steps, step)
			continue
		}
		if len(steps) > 0 {
			steps[len(steps)-1] += " " + trimmed
			continue
		}
		switch {
		case len(para) == 0:
			para = append(para, trimmed)
		case isBullet(trimmed):
			para = append(para, "\n"+trimmed)
		default:
			para = append(para, " "+trimmed)
		}
	}
	flush()
	return blocks
}

// cutStepNumber returns the text of a numbered list item ("12. Text").
func cutStepNumber(line string) (string, bool) {
	num, text, ok := strings.Cut(line, ". ")
	if !ok || num == "" || len(num) > 3 {
		return "", false
	}
	if _, err := strconv.Atoi(num); err != nil || strings.ContainsAny(num, "+-") {
		return "", false
	}
	return strings.TrimSpace(text), true
}

func isBullet(line string) bool {
	return strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ")
}

// PlainText returns the body without Markdown markup: paragraphs separated
// by blank lines, list items numbered "1. ", links written as "text (url)".
// It is meant for JSON output and plain-text platforms.
func (e *Entry) PlainText() string {
	var b strings.Builder
	for i, bl := range e.Blocks() {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if bl.Steps == nil {
			b.WriteString(stripInline(bl.Text))
			continue
		}
		for j, s := range bl.Steps {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strconv.Itoa(j + 1))
			b.WriteString(". ")
			b.WriteString(stripInline(s))
		}
	}
	return b.String()
}

// stripInline removes the inline Markdown the content uses: bold and code
// markers, and [text](url) links.
func stripInline(s string) string {
	s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
	var b strings.Builder
	for {
		open := strings.Index(s, "[")
		if open < 0 {
			break
		}
		mid := strings.Index(s[open:], "](")
		if mid < 0 {
			break
		}
		mid += open
		end := strings.Index(s[mid:], ")")
		if end < 0 {
			break
		}
		end += mid
		b.WriteString(s[:open])
		b.WriteString(s[open+1 : mid])
		b.WriteString(" (")
		b.WriteString(s[mid+2 : end])
		b.WriteString(")")
		s = s[end+1:]
	}
	b.WriteString(s)
	return b.String()
}
