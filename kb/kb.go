// Package kb is authorbot's knowledge base: the answers about ordering KDP
// author copies, written in English and in each language KDP sells author
// copies in (French, German, Spanish, Italian, Portuguese, Dutch), and the
// search that maps an author's free-text question to one of them.
//
// The content lives in content/<lang>/<id>.md, embedded in the binary so a
// deployed bot cannot drift from the answers it was tested with. English
// is the reference: every other language present has every English topic.
// Load validates it as a whole and builds one search index per language;
// the KB is read-only afterwards and safe for concurrent use.
//
// Search splits the question into words with its language's tokenizer,
// folds case and accents, drops elisions and stop words, splits German and
// Dutch compounds into the words the content has, maps the synonyms
// authors use to one word, corrects typos against the content's own
// vocabulary and stems what is left. It then takes an exact
// id, title or alias as the answer, or ranks the topics with BM25F over
// their title, aliases, keywords and body, and with a naive Bayes
// classifier trained at load on the content and on labelled questions
// (examples/*.tsv and testdata/questions.tsv), whose off-topic class
// learns the questions no topic answers. The two are combined into one
// probability per topic and for "off topic" (with the off-topic cues of
// the word lists counting for the latter); Search answers the most
// probable topic when it is probable enough and the question is not
// likely off topic, and declines otherwise. The word lists are in
// lexicon.go, the parameters in defaultTuning.
package kb

import (
	"crypto/sha256"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
)

//go:embed content
var content embed.FS

// languages lists the languages the knowledge base can be written in,
// English, the reference, first. A function rather than a variable so
// nothing can change it at run time.
func languages() []string { return []string{"en", "fr", "de", "es", "it", "pt", "nl"} }

// Languages returns the languages the knowledge base can be written in,
// English first: those a caller may pass as lang. A KB holds a subset
// (see KB.Languages).
func Languages() []string { return languages() }

// Entry is one topic in one language. Entries returned by a KB are shared
// by every caller: treat them as read-only.
type Entry struct {
	ID, Lang, Title, Theme              string
	Aliases, Keywords, Related, Sources []string
	Verified                            string // YYYY-MM-DD
	Caveat                              string
	Body                                string // Markdown-light body, trimmed
}

// KB holds every entry of the knowledge base and a search index per
// language. It is immutable once built.
type KB struct {
	langs   []string // the languages of the content, in languages() order
	byLang  map[string]map[string]*Entry
	ordered map[string][]*Entry
	indexes map[string]*index
	// unknowns are the subjects k declines by name (see Unknown).
	unknowns []*Unknown
	// triggers index the unknowns' triggers (triggerIndex).
	triggers map[string]map[string][]triggerRef
	// folded is the text of each entry as unknownText gives it.
	folded map[*Entry]string
}

// Load reads and validates the knowledge base embedded in the binary, with
// the labelled examples the search learns from.
func Load() (*KB, error) {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		return nil, fmt.Errorf("kb: embedded content: %w", err)
	}
	return loadFS(sub, exampleFiles, defaultTuning())
}

// LoadFS reads and validates a knowledge base laid out as <lang>/<id>.md at
// the root of fsys, with optional labelled questions in examples/*.tsv
// (columns lang, topic, question; an empty topic marks a question no topic
// answers). It reports every problem it finds at once, each naming the
// file, so that a content change can be fixed in one pass.
func LoadFS(fsys fs.FS) (*KB, error) {
	return loadFS(fsys, fsys, defaultTuning())
}

// loadFS reads the entries of contentFS and the examples of examplesFS and
// builds the KB with the ranking parameters given.
func loadFS(contentFS, examplesFS fs.FS, tu tuning) (*KB, error) {
	return loadHiding(contentFS, examplesFS, tu, nil)
}

// loadHiding is loadFS leaving out the topics hidden names (see Overlay).
func loadHiding(contentFS, examplesFS fs.FS, tu tuning, hidden map[string]bool) (*KB, error) {
	entries, exs, err := readHiding(contentFS, examplesFS, hidden)
	if err != nil {
		return nil, err
	}
	unknowns, err := readUnknowns(contentFS)
	if err != nil {
		return nil, loadError([]error{err})
	}
	k := build(entries, exs, tu, built)
	k.unknowns = unknowns
	k.triggers = triggerIndex(unknowns)
	k.folded = make(map[*Entry]string, len(entries))
	for _, list := range k.ordered {
		for _, e := range list {
			k.folded[e] = unknownText(strings.Join(append([]string{e.Title, e.Body}, append(e.Aliases, e.Keywords...)...), " "))
		}
	}
	return k, nil
}

// readContent reads and validates the entries of contentFS and the
// examples of examplesFS.
func readContent(contentFS, examplesFS fs.FS) ([]*Entry, []example, error) {
	return readHiding(contentFS, examplesFS, nil)
}

// readHiding is readContent leaving out the topics hidden names: their
// files, the related links to them and the examples labelled with them.
func readHiding(contentFS, examplesFS fs.FS, hidden map[string]bool) ([]*Entry, []example, error) {
	entries, errs := readEntries(contentFS)
	entries = hide(entries, hidden)
	errs = append(errs, validate(entries)...)
	exs, exErrs := readExamples(examplesFS)
	exs = hideExamples(exs, hidden)
	errs = append(errs, exErrs...)
	errs = append(errs, checkExamples(exs, entries)...)
	if len(errs) > 0 {
		return nil, nil, loadError(errs)
	}
	return entries, exs, nil
}

// build makes the KB of valid entries and examples. With a cache, a
// language whose entries and examples are those of an index built before
// gets that index (and its entries) back instead of a new one.
func build(entries []*Entry, exs []example, tu tuning, cache *indexCache) *KB {
	k := &KB{
		byLang:  make(map[string]map[string]*Entry),
		ordered: make(map[string][]*Entry),
		indexes: make(map[string]*index),
	}
	for _, e := range entries {
		if k.byLang[e.Lang] == nil {
			k.byLang[e.Lang] = make(map[string]*Entry)
		}
		k.byLang[e.Lang][e.ID] = e
		k.ordered[e.Lang] = append(k.ordered[e.Lang], e)
	}
	for _, lang := range languages() {
		if k.byLang[lang] != nil {
			k.langs = append(k.langs, lang)
		}
	}
	// The indexes are independent: build them at once.
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, lang := range k.langs {
		list := k.ordered[lang]
		sort.Slice(list, func(i, j int) bool {
			if list[i].Theme != list[j].Theme {
				return list[i].Theme < list[j].Theme
			}
			return list[i].ID < list[j].ID
		})
		var own []example
		for _, ex := range exs {
			if ex.lang == lang {
				own = append(own, ex)
			}
		}
		var key [sha256.Size]byte
		if cache != nil {
			key = indexKey(list, own, tu)
			if b, ok := cache.Get(key); ok {
				mu.Lock()
				k.indexes[lang] = b.ix
				mu.Unlock()
				k.ordered[lang] = b.entries
				k.byLang[lang] = make(map[string]*Entry, len(b.entries))
				for _, e := range b.entries {
					k.byLang[lang][e.ID] = e
				}
				continue
			}
		}
		wg.Go(func() {
			ix := newIndex(newAnalyzer(lang), list, own, tu)
			if cache != nil {
				cache.Add(key, builtIndex{ix: ix, entries: list})
			}
			mu.Lock()
			k.indexes[lang] = ix
			mu.Unlock()
		})
	}
	wg.Wait()
	return k
}

// builtIndex is an index and the entries it was built from, in their
// order, which the KB that takes it must hold.
type builtIndex struct {
	ix      *index
	entries []*Entry
}

// indexCache holds the indexes built last, by indexKey. Building the
// seven indexes is most of a load (BenchmarkLoad: 141 ms), and a
// moderator's edit changes one topic in one language, or a few: each
// edit loaded everything again, twice (once to check it, once to serve
// it), and the others' indexes came out the same. An index is immutable,
// so two KBs can share one.
type indexCache = lru.Cache[[sha256.Size]byte, builtIndex]

// maxCachedIndexes bounds the cache: two per language, the content
// served and the one an edit is checked or rebuilt with.
const maxCachedIndexes = 14

// built is the cache of every load.
var built = func() *indexCache {
	c, err := lru.New[[sha256.Size]byte, builtIndex](maxCachedIndexes)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return c
}()

// indexKey is a digest of everything newIndex builds an index from: the
// language's entries in their order, its examples and the ranking
// parameters. (The analyzer, the labelled questions and the word lists
// are part of the binary.)
func indexKey(entries []*Entry, exs []example, tu tuning) [sha256.Size]byte {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, e := range entries {
		_ = enc.Encode(e) // strings and lists of strings: cannot fail
	}
	for _, ex := range exs {
		fmt.Fprintf(h, "%q %q %q\n", ex.lang, ex.topic, ex.text)
	}
	fmt.Fprintf(h, "%+v", tu)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// Languages returns the languages k is written in, English first.
func (k *KB) Languages() []string { return append([]string(nil), k.langs...) }

// Entry returns the topic id in lang, falling back to English when lang is
// not one k is written in.
func (k *KB) Entry(id, lang string) (*Entry, bool) {
	e, ok := k.byLang[k.lang(lang)][id]
	return e, ok
}

// Entries returns every topic in lang (English for a language k is not
// written in), sorted by theme then id. The slice is a copy; the entries
// are shared.
func (k *KB) Entries(lang string) []*Entry {
	list := k.ordered[k.lang(lang)]
	return append([]*Entry(nil), list...)
}

// lang is the language of k that answers for lang, a language or a locale:
// itself when k is written in it, English otherwise.
func (k *KB) lang(lang string) string {
	if l := Lang(lang); l != "" && k.byLang[l] != nil {
		return l
	}
	return "en"
}

// has reports whether k is written in lang, a language code.
func (k *KB) has(lang string) bool { return lang != "" && k.byLang[lang] != nil }

// normLang reduces a locale such as "fr-CA", "pt_BR" or "FR" to its
// language code.
func normLang(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// Lang maps a language code or a locale ("de", "pt-BR", "pt_PT", "FR") to
// the language of Languages it is, or "" for any other: Brazilian and
// European Portuguese read the same content, "pt".
func Lang(locale string) string {
	lang := normLang(locale)
	if slices.Contains(languages(), lang) {
		return lang
	}
	return ""
}
