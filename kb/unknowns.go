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
	// unless are the folded phrases, by language, of a question that is
	// about a topic even though it names the subject: "can I take the
	// KDP ISBN to a local printer" names another printer but asks about
	// the ISBN. A question with one of them is not declined for this
	// subject.
	unless map[string][]string
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
		Unless   map[string][]string `yaml:"unless"`
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", unknownsFile, err)
	}
	var out []*Unknown
	for _, r := range raw {
		if r.ID == "" || r.Name == "" || !strings.HasPrefix(r.URL, "https://kdp.amazon.com/") {
			return nil, fmt.Errorf("%s: %q: want an id, a name and a kdp.amazon.com url", unknownsFile, r.ID)
		}
		u := &Unknown{ID: r.ID, Name: r.Name, URL: r.URL}
		var err error
		if u.triggers, err = phrasePatterns(r.ID, r.Triggers); err != nil {
			return nil, err
		}
		if u.unless, err = phrasePatterns(r.ID, r.Unless); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// phrasePatterns turns the phrases of unknown id, by language, into the
// patterns matched within unknownText: a leading space anchors a phrase at
// a word start, a trailing one (unless the phrase ends in *) at a word end.
// A phrase may have gaps, written "...": "konto ... geschlossen" is
// "konto", then "geschlossen" after at most gapWords other words, as a
// verb comes at the end of a German or Dutch clause ("mein Konto ohne
// Vorwarnung geschlossen"). Each part of it is anchored as a phrase is;
// the pattern joins them with gapMark.
func phrasePatterns(id string, phrases map[string][]string) (map[string][]string, error) {
	out := make(map[string][]string)
	for lang, ts := range phrases {
		if Lang(lang) != lang {
			return nil, fmt.Errorf("%s: %s: unknown language %q", unknownsFile, id, lang)
		}
		for _, t := range ts {
			var parts []string
			for _, part := range strings.Split(t, gapPhrase) {
				part = strings.TrimSpace(part)
				if unknownText(part) == " " {
					return nil, fmt.Errorf("%s: %s: %q: a gap must have words on both sides", unknownsFile, id, t)
				}
				p := " " + strings.TrimSpace(unknownText(part))
				if strings.HasSuffix(part, "*") {
					p = strings.TrimSuffix(p, "*")
				} else {
					p += " "
				}
				parts = append(parts, p)
			}
			out[lang] = append(out[lang], strings.Join(parts, gapMark))
		}
	}
	return out, nil
}

// gapPhrase is how a phrase of unknowns.yaml marks a gap, and gapMark how
// its pattern does: unknownText leaves no "~" in a text.
const (
	gapPhrase = "..."
	gapMark   = "~"
)

// gapWords is how many words a gap in a phrase may stand for.
const gapWords = 3

// matchesAt reports whether pattern matches text (as unknownText gives
// it) from its start: every part of it in turn, each after at most
// gapWords words past the one before.
func matchesAt(text, pattern string) bool {
	first, rest, gapped := strings.Cut(pattern, gapMark)
	if !strings.HasPrefix(text, first) {
		return false
	}
	if !gapped {
		return true
	}
	// The next part starts at a word start after first: its space, if
	// first ends in one, is the next part's leading space; otherwise the
	// word first starts runs to the next.
	after := text[len(first)-1:]
	if !strings.HasSuffix(first, " ") {
		j := strings.IndexByte(text[len(first):], ' ')
		if j < 0 {
			return false
		}
		after = text[len(first)+j:]
	}
	for skipped := 0; skipped <= gapWords; skipped++ {
		if matchesAt(after, rest) {
			return true
		}
		// Skip a word: to the next space after this one's start.
		j := strings.IndexByte(after[1:], ' ')
		if j < 0 {
			return false
		}
		after = after[j+1:]
	}
	return false
}

// containsPattern reports whether pattern matches text (as unknownText
// gives it) somewhere: strings.Contains for a pattern without gaps, and
// matchesAt from each place its first part is found for one with them.
func containsPattern(text, pattern string) bool {
	if !strings.Contains(pattern, gapMark) {
		return strings.Contains(text, pattern)
	}
	first, _, _ := strings.Cut(pattern, gapMark)
	for i := 0; ; {
		j := strings.Index(text[i:], first)
		if j < 0 {
			return false
		}
		if matchesAt(text[i+j:], pattern) {
			return true
		}
		i += j + 1
	}
}

// excused reports whether text (as unknownText gives it) has one of u's
// unless phrases in one of langs: it names u's subject but asks about a
// topic.
func (u *Unknown) excused(text string, langs []string) bool {
	for _, lang := range langs {
		for _, p := range u.unless[lang] {
			if containsPattern(text, p) {
				return true
			}
		}
	}
	return false
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

// triggerKey is how many bytes of a trigger's first word index it: a
// word of the text looks up each of its first triggerKey prefixes.
const triggerKey = 4

// triggerRef is one trigger of one unknown in the triggers index: the
// unknown's place in KB.unknowns and the trigger's in its language's list,
// which decide between several that match as unknownIn's order does.
type triggerRef struct {
	unknown, n int
	pattern    string
}

// triggerIndex indexes the triggers of unknowns by language and by the
// first triggerKey bytes of their first word (all of it when shorter), so
// that a question is matched against the few triggers that can start at
// each of its words rather than against every trigger.
func triggerIndex(unknowns []*Unknown) map[string]map[string][]triggerRef {
	ix := make(map[string]map[string][]triggerRef)
	for ui, u := range unknowns {
		for lang, ps := range u.triggers {
			if ix[lang] == nil {
				ix[lang] = make(map[string][]triggerRef)
			}
			for n, p := range ps {
				key := strings.TrimPrefix(p, " ")
				if i := strings.IndexAny(key, " "+gapMark); i >= 0 {
					key = key[:i]
				}
				key = key[:min(len(key), triggerKey)]
				ix[lang][key] = append(ix[lang][key], triggerRef{ui, n, p})
			}
		}
	}
	return ix
}

// unknownIn returns the first known unknown (in the order of k.unknowns)
// that text (as unknownText gives it) names in one of langs, tried in
// that order, with the first of its triggers that names it, or nil: as
// if every trigger were looked for in text in turn, but looking up only
// those that start with a word of text.
//
// A trigger skip reports (skip may be nil) is passed over, and so is every
// trigger of an unknown whose unless phrases text has (excused).
func (k *KB) unknownIn(text string, skip func(pattern string) bool, langs ...string) (*Unknown, string) {
	best := triggerRef{unknown: len(k.unknowns)}
	bestLang := len(langs)
	// excused is decided once per unknown, when one of its triggers
	// first matches: 1 for excused, -1 for not.
	var excused map[int]int
	for li, lang := range langs {
		if lang == "" || slices.Contains(langs[:li], lang) {
			continue
		}
		ix := k.triggers[lang]
		if ix == nil {
			continue
		}
		// Every word of text starts after a space (unknownText puts one
		// at each end).
		for i := 0; i < len(text)-1; i++ {
			if text[i] != ' ' {
				continue
			}
			word := text[i+1:]
			if j := strings.IndexByte(word, ' '); j >= 0 {
				word = word[:j]
			}
			for n := 1; n <= min(len(word), triggerKey); n++ {
				for _, t := range ix[word[:n]] {
					if !earlier(t, li, best, bestLang) || !matchesAt(text[i:], t.pattern) || skip != nil && skip(t.pattern) {
						continue
					}
					if u := k.unknowns[t.unknown]; len(u.unless) > 0 {
						if excused[t.unknown] == 0 {
							if excused == nil {
								excused = make(map[int]int)
							}
							excused[t.unknown] = -1
							if u.excused(text, langs) {
								excused[t.unknown] = 1
							}
						}
						if excused[t.unknown] > 0 {
							continue
						}
					}
					best, bestLang = t, li
				}
			}
		}
	}
	if best.unknown == len(k.unknowns) {
		return nil, ""
	}
	return k.unknowns[best.unknown], best.pattern
}

// earlier reports whether trigger t of language li comes before the best
// so far in unknownIn's order: unknown, then language, then trigger.
func earlier(t triggerRef, li int, best triggerRef, bestLang int) bool {
	if t.unknown != best.unknown {
		return t.unknown < best.unknown
	}
	if li != bestLang {
		return li < bestLang
	}
	return t.n < best.n
}

// covers reports whether the entry e speaks of trigger itself, as
// reselling-copies speaks of royalties and curled-cover of bleed: a
// confident answer from it is about the author's copies, not about the
// subject it does not cover.
func (k *KB) covers(e *Entry, trigger string) bool {
	return containsPattern(k.folded[e], trigger)
}

// names reports whether text (as unknownText gives it) is, word for word,
// the id, title or an alias of the topic of e in some language: a topic's
// own name, which is answered even when it names a known unknown. A query
// that matches a name only once analysed ("como vender mais livros" and
// the alias "vender em livrarias" share their stems) is not one.
func (k *KB) names(e *Entry, text string) bool {
	if e == nil {
		return false
	}
	for _, lang := range k.langs {
		t := k.byLang[lang][e.ID]
		if t == nil {
			continue
		}
		if unknownText(t.ID) == text || unknownText(t.Title) == text {
			return true
		}
		for _, a := range t.Aliases {
			if unknownText(a) == text {
				return true
			}
		}
	}
	return false
}

// Unknowns returns the known unknowns: the subjects next to author copies
// that k declines, each with the page that answers it.
func (k *KB) Unknowns() []*Unknown { return append([]*Unknown(nil), k.unknowns...) }
