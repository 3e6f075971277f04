package kb

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Markdown writes e as a content file, <lang>/<id>.md, in the layout the
// embedded files use: the front matter's keys in a fixed order, lists one
// item a line, sources and caveat always in double quotes, other values
// quoted only where YAML needs it, then the body. An entry read from an
// embedded file writes back to the same bytes (TestMarkdownRoundTrip), so
// an export of the content diffs cleanly against the repository's.
func (e *Entry) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	fmt.Fprintf(&b, "id: %s\n", plain(e.ID))
	fmt.Fprintf(&b, "lang: %s\n", plain(e.Lang))
	fmt.Fprintf(&b, "title: %s\n", plain(e.Title))
	fmt.Fprintf(&b, "theme: %s\n", plain(e.Theme))
	writeList(&b, "aliases", e.Aliases, plain)
	writeList(&b, "keywords", e.Keywords, plain)
	writeList(&b, "related", e.Related, plain)
	writeList(&b, "sources", e.Sources, quoted)
	// A date reads back as a string into Entry.Verified: it stays plain.
	verified := e.Verified
	if _, err := time.Parse(time.DateOnly, verified); err != nil {
		verified = plain(verified)
	}
	fmt.Fprintf(&b, "verified: %s\n", verified)
	fmt.Fprintf(&b, "caveat: %s\n", quoted(e.Caveat))
	b.WriteString("---\n")
	if e.Body != "" {
		b.WriteString(e.Body)
		b.WriteString("\n")
	}
	return b.Bytes()
}

// Path is where e's content file lives under the content root.
func (e *Entry) Path() string { return e.Lang + "/" + e.ID + ".md" }

func writeList(b *bytes.Buffer, key string, items []string, quote func(string) string) {
	if len(items) == 0 {
		fmt.Fprintf(b, "%s: []\n", key)
		return
	}
	fmt.Fprintf(b, "%s:\n", key)
	for _, s := range items {
		fmt.Fprintf(b, "  - %s\n", quote(s))
	}
}

// plain writes s unquoted when YAML reads it back as the same string, and
// in double quotes otherwise: a leading indicator ("-", "?", "[", a
// quote...), ": " or " #" inside, a value YAML would take for a boolean
// or null. A value that starts with an ASCII character other than a
// letter ("999", "3.2 mm", "...") is quoted too, as the content's writers
// do, so that it stays text to any YAML reader.
func plain(s string) string {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\t") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return quoted(s)
	}
	if c := s[0]; c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return quoted(s)
	}
	var v map[string]any
	if err := yaml.Unmarshal([]byte("v: "+s), &v); err != nil {
		return quoted(s)
	}
	if got, ok := v["v"].(string); !ok || got != s {
		return quoted(s)
	}
	return s
}

// quoted writes s as a double-quoted YAML string.
func quoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\x%02x`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ParseEntry reads one content file as Load does and reports every
// problem of it that needs no other entry to find. The entry is returned
// whenever the front matter could be read, even with problems.
func ParseEntry(data []byte) (*Entry, error) { return parseEntry(data) }

// BaseFiles is the content embedded in the binary, laid out as LoadFS
// reads it: <lang>/<id>.md and unknowns.yaml.
func BaseFiles() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err) // "content" is a valid path: fs.Sub cannot fail on it
	}
	return sub
}
