package kb

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// frontMatter is the YAML header of a content file. Its fields mirror Entry;
// unknown keys are rejected so a misspelt key cannot silently drop data.
type frontMatter struct {
	ID       string   `yaml:"id"`
	Lang     string   `yaml:"lang"`
	Title    string   `yaml:"title"`
	Theme    string   `yaml:"theme"`
	Aliases  []string `yaml:"aliases"`
	Keywords []string `yaml:"keywords"`
	Related  []string `yaml:"related"`
	Sources  []string `yaml:"sources"`
	Verified string   `yaml:"verified"`
	Caveat   string   `yaml:"caveat"`
}

// knownTheme reports whether theme is one of the groups the bot's topic menu is
// organised by.
func knownTheme(theme string) bool {
	switch theme {
	case "ordering", "proofs", "cost", "marketplaces", "shipping", "manage",
		"cart", "problems", "resale", "preorder", "isbn":
		return true
	}
	return false
}

// validID reports whether id is lowercase letters and digits joined by
// single hyphens, which keeps ids usable unchanged in file names, button
// values and slash-command arguments.
func validID(id string) bool {
	for part := range strings.SplitSeq(id, "-") {
		if part == "" {
			return false
		}
		for _, r := range part {
			if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

// readEntries parses every <lang>/<id>.md file under the root of fsys.
// Only English must be there; another language's directory may be absent,
// and validate checks that one present is complete. Files that are not
// Markdown are ignored so the content directory can hold notes for
// writers. It returns the entries whose front matter could be read and
// that sit in the right file, for the checks across entries, and every
// problem found.
func readEntries(fsys fs.FS) ([]*Entry, []error) {
	var entries []*Entry
	var errs []error
	for _, lang := range languages() {
		files, err := fs.ReadDir(fsys, lang)
		if errors.Is(err, fs.ErrNotExist) && lang != "en" {
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", lang, err))
			continue
		}
		for _, f := range files {
			if f.IsDir() || path.Ext(f.Name()) != ".md" {
				continue
			}
			name := path.Join(lang, f.Name())
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
				continue
			}
			e, err := parseEntry(data)
			errs = append(errs, eachNamed(name, err)...)
			if e == nil {
				continue
			}
			placed := true
			if e.ID != strings.TrimSuffix(f.Name(), ".md") {
				errs = append(errs, fmt.Errorf("%s: id %q does not match the file name", name, e.ID))
				placed = false
			}
			if e.Lang != lang {
				errs = append(errs, fmt.Errorf("%s: lang %q does not match the directory", name, e.Lang))
				placed = false
			}
			if placed {
				entries = append(entries, e)
			}
		}
	}
	return entries, errs
}

// eachNamed is every problem err joins, each prefixed with the file name,
// so that every line of a load error names its file.
func eachNamed(name string, err error) []error {
	if err == nil {
		return nil
	}
	list := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	out := make([]error, len(list))
	for i, e := range list {
		out[i] = fmt.Errorf("%s: %w", name, e)
	}
	return out
}

// loadError joins every problem into one error whose first line says what
// failed, followed by one problem per line.
func loadError(errs []error) error {
	return fmt.Errorf("kb: invalid content:\n%w", errors.Join(errs...))
}

// parseEntry splits a content file into its YAML front matter and body and
// checks the fields that make sense on their own. It returns the entry
// whenever the front matter could be read, even with problems, so that
// the checks across entries still run.
func parseEntry(data []byte) (*Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, errors.New("missing front matter: the file must start with a --- line")
	}
	// The newline put back in front lets an empty header close at once.
	header, body, ok := bytes.Cut(append([]byte("\n"), rest...), []byte("\n---\n"))
	if !ok {
		header, ok = bytes.CutSuffix(bytes.TrimRight(append([]byte("\n"), rest...), "\n"), []byte("\n---"))
		if !ok {
			return nil, errors.New("unterminated front matter: no closing --- line")
		}
		body = nil
	}
	var fm frontMatter
	dec := yaml.NewDecoder(bytes.NewReader(header))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	e := &Entry{
		ID:       strings.TrimSpace(fm.ID),
		Lang:     strings.TrimSpace(fm.Lang),
		Title:    strings.TrimSpace(fm.Title),
		Theme:    strings.TrimSpace(fm.Theme),
		Aliases:  trimAll(fm.Aliases),
		Keywords: trimAll(fm.Keywords),
		Related:  trimAll(fm.Related),
		Sources:  trimAll(fm.Sources),
		Verified: strings.TrimSpace(fm.Verified),
		Caveat:   strings.TrimSpace(fm.Caveat),
		Body:     strings.TrimSpace(string(body)),
	}
	return e, checkEntry(e)
}

func trimAll(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// checkEntry reports the problems of one entry that need no other entry to
// find.
func checkEntry(e *Entry) error {
	var errs []error
	missing := func(key string) { errs = append(errs, fmt.Errorf("missing required key %q", key)) }
	switch {
	case e.ID == "":
		missing("id")
	case !validID(e.ID):
		errs = append(errs, fmt.Errorf("id %q must be lowercase letters and digits joined by single hyphens", e.ID))
	}
	if e.Lang == "" {
		missing("lang")
	}
	if e.Title == "" {
		missing("title")
	}
	switch {
	case e.Theme == "":
		missing("theme")
	case !knownTheme(e.Theme):
		errs = append(errs, fmt.Errorf("unknown theme %q", e.Theme))
	}
	if len(e.Sources) == 0 {
		missing("sources")
	}
	switch {
	case e.Verified == "":
		missing("verified")
	default:
		if _, err := time.Parse(time.DateOnly, e.Verified); err != nil {
			errs = append(errs, fmt.Errorf("verified %q is not a YYYY-MM-DD date", e.Verified))
		}
	}
	if e.Body == "" {
		errs = append(errs, errors.New("empty body"))
	}
	for _, a := range e.Aliases {
		if a != strings.ToLower(a) {
			errs = append(errs, fmt.Errorf("alias %q must be lowercase", a))
		}
	}
	for _, r := range e.Related {
		if r == e.ID {
			errs = append(errs, errors.New("related lists the entry itself"))
		}
	}
	return errors.Join(errs...)
}

// validate checks what spans entries: every language present covers the
// English topics, no more, with the same theme, related topics, number of
// sources, verification date and caveat (present or not), so that a
// translation cannot drift from what was checked in English; related ids
// exist; and no alias points at two topics (the exact-match step would
// then pick one arbitrarily).
func validate(entries []*Entry) []error {
	byLang := make(map[string]map[string]*Entry)
	for _, e := range entries {
		if byLang[e.Lang] == nil {
			byLang[e.Lang] = make(map[string]*Entry)
		}
		byLang[e.Lang][e.ID] = e
	}
	var errs []error
	if len(entries) == 0 {
		errs = append(errs, errors.New("no entries"))
	}
	en := byLang["en"]
	for _, lang := range languages()[1:] {
		tr, ok := byLang[lang]
		if !ok {
			continue // not written yet
		}
		for _, id := range sortedKeys(en) {
			if t, ok := tr[id]; ok {
				errs = append(errs, sameAsEnglish(en[id], t)...)
				continue
			}
			errs = append(errs, fmt.Errorf("en/%s.md has no %s version %s/%s.md", id, langName(lang), lang, id))
		}
		for _, id := range sortedKeys(tr) {
			if _, ok := en[id]; !ok {
				errs = append(errs, fmt.Errorf("%s/%s.md has no English version en/%s.md", lang, id, id))
			}
		}
	}
	for _, lang := range languages() {
		aliasOwner := make(map[string]string)
		for _, id := range sortedKeys(byLang[lang]) {
			e := byLang[lang][id]
			for _, r := range e.Related {
				if _, ok := byLang[lang][r]; !ok {
					errs = append(errs, fmt.Errorf("%s/%s.md: related %q does not exist", lang, id, r))
				}
			}
			for _, a := range e.Aliases {
				if other, ok := aliasOwner[a]; ok && other != id {
					errs = append(errs, fmt.Errorf("%s/%s.md: alias %q is also an alias of %s", lang, id, a, other))
				}
				aliasOwner[a] = id
			}
		}
	}
	return errs
}

// sameAsEnglish reports how the translation t of the English entry en
// differs from it in what must not change with the language.
func sameAsEnglish(en, t *Entry) []error {
	var errs []error
	diff := func(what string, inEN, inT any) {
		errs = append(errs, fmt.Errorf("%s: %s %v in en but %v in %s", en.ID, what, inEN, inT, t.Lang))
	}
	if t.Theme != en.Theme {
		diff("theme", fmt.Sprintf("%q", en.Theme), fmt.Sprintf("%q", t.Theme))
	}
	if !sameSet(t.Related, en.Related) {
		diff("related", en.Related, t.Related)
	}
	if len(t.Sources) != len(en.Sources) {
		diff("number of sources", len(en.Sources), len(t.Sources))
	}
	if t.Verified != en.Verified {
		diff("verified", en.Verified, t.Verified)
	}
	if (t.Caveat == "") != (en.Caveat == "") {
		diff("caveat", fmt.Sprintf("%q", en.Caveat), fmt.Sprintf("%q", t.Caveat))
	}
	return errs
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// langName is the English name of a language of languages().
func langName(lang string) string {
	switch lang {
	case "fr":
		return "French"
	case "de":
		return "German"
	case "es":
		return "Spanish"
	case "it":
		return "Italian"
	case "pt":
		return "Portuguese"
	case "nl":
		return "Dutch"
	}
	return "English"
}

func sortedKeys(m map[string]*Entry) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
