package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Unknown is a subject next to ordering author copies that the knowledge
// base does not answer, and the KDP page that does: a question about it
// is declined with this pointer rather than answered with the nearest
// topic.
type Unknown struct {
	ID   string // e.g. "amazon-ads"
	Name string // in English, e.g. "Amazon Ads"
	URL  string // the KDP page that covers the subject
	// triggers are the folded phrases, by language, that name the
	// subject (see unknowns.yaml).
	triggers map[string][]string
}

// Note is the decline in words for logs and tests: "declined: known
// unknown <name>, see <url>". What an author reads is worded by the
// caller.
func (u *Unknown) Note() string {
	return fmt.Sprintf("declined: known unknown %s, see %s", u.Name, u.URL)
}

// unknownsFile is the list of known unknowns at the root of the content.
const unknownsFile = "unknowns.yaml"

// readUnknowns reads the known unknowns of fsys; a content without the
// file has none.
func readUnknowns(fsys fs.FS) ([]*Unknown, error) {
	data, err := fs.ReadFile(fsys, unknownsFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("%s: %w", unknownsFile, err)
	}
	var raw []struct {
		ID       string              `yaml:"id"`
		Name     string              `yaml:"name"`
		URL      string              `yaml:"url"`
		Triggers map[string][]string `yaml:"triggers"`
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", unknownsFile, err)
	}
	var out []*Unknown
	for _, r := range raw {
		if r.ID == "" || r.Name == "" || !strings.HasPrefix(r.URL, "https://kdp.amazon.com/") {
			return nil, fmt.Errorf("%s: %q: want an id, a name and a kdp.amazon.com url", unknownsFile, r.ID)
		}
		u := &Unknown{ID: r.ID, Name: r.Name, URL: r.URL, triggers: make(map[string][]string)}
		for lang, ts := range r.Triggers {
			if Lang(lang) != lang {
				return nil, fmt.Errorf("%s: %s: unknown language %q", unknownsFile, r.ID, lang)
			}
			for _, t := range ts {
				// Matched within " "+folded text: a leading space anchors
				// the trigger at a word start, a trailing one (unless *)
				// at a word end.
				p := " " + strings.TrimSpace(unknownText(t))
				if strings.HasSuffix(t, "*") {
					p = strings.TrimSuffix(p, "*")
				} else {
					p += " "
				}
				u.triggers[lang] = append(u.triggers[lang], p)
			}
		}
		out = append(out, u)
	}
	return out, nil
}

// unknownText folds text for trigger matching: lowercase, no accents,
// every character but letters, digits, + and * a space, runs of spaces
// one, with a space at each end.
func unknownText(text string) string {
	s := fold(text)
	b := make([]byte, 0, len(s)+2)
	b = append(b, ' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isWordByte(c) && c != '+' && c != '*' {
			c = ' '
		}
		if c == ' ' && b[len(b)-1] == ' ' {
			continue
		}
		b = append(b, c)
	}
	if b[len(b)-1] != ' ' {
		b = append(b, ' ')
	}
	return string(b)
}

// unknownIn returns the first known unknown that text (as unknownText
// gives it) names in one of langs, with the trigger that names it, or nil.
func (k *KB) unknownIn(text string, langs ...string) (*Unknown, string) {
	for _, u := range k.unknowns {
		for i, lang := range langs {
			if lang == "" || slices.Contains(langs[:i], lang) {
				continue
			}
			for _, p := range u.triggers[lang] {
				if strings.Contains(text, p) {
					return u, p
				}
			}
		}
	}
	return nil, ""
}

// covers reports whether the entry e speaks of trigger itself, as
// reselling-copies speaks of royalties and curled-cover of bleed: a
// confident answer from it is about the author's copies, not about the
// subject it does not cover.
func (k *KB) covers(e *Entry, trigger string) bool {
	return strings.Contains(k.folded[e], trigger)
}

// Unknowns returns the known unknowns: the subjects next to author copies
// that k declines, each with the page that answers it.
func (k *KB) Unknowns() []*Unknown { return append([]*Unknown(nil), k.unknowns...) }
