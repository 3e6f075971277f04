package kbedit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/authorbot/authorbot/kb"
)

// unknownsFile is the content's list of subjects it declines by name; it
// is not a topic and cannot be overridden, but an export carries it so
// that the directory is a whole content tree.
const unknownsFile = "unknowns.yaml"

// Export writes the effective knowledge base to dir as kb/content is laid
// out: <lang>/<id>.md for every topic in effect, and unknowns.yaml. An
// export of the base alone is byte for byte the embedded content. A
// Markdown file of a language directory that is not a topic in effect (a
// topic since hidden) is removed, so that importing the directory back
// does not bring it back; nothing else in dir is touched.
func Export(k *kb.KB, dir string) error {
	want := map[string][]byte{}
	for _, lang := range k.Languages() {
		for _, en := range k.Entries(lang) {
			want[en.Path()] = en.Markdown()
		}
	}
	unknowns, err := fs.ReadFile(kb.BaseFiles(), unknownsFile)
	if err != nil {
		return fmt.Errorf("kbedit: export: %w", err)
	}
	want[unknownsFile] = unknowns
	for _, lang := range kb.Languages() {
		old, _ := filepath.Glob(filepath.Join(dir, lang, "*.md"))
		for _, name := range old {
			rel := lang + "/" + filepath.Base(name)
			if _, ok := want[rel]; !ok {
				if err := os.Remove(name); err != nil {
					return fmt.Errorf("kbedit: export: %w", err)
				}
			}
		}
	}
	for _, rel := range slices.Sorted(maps.Keys(want)) {
		name := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return fmt.Errorf("kbedit: export: %w", err)
		}
		if err := os.WriteFile(name, want[rel], 0o644); err != nil {
			return fmt.Errorf("kbedit: export: %w", err)
		}
	}
	return nil
}

// Export writes the effective knowledge base to dir (see the function
// Export).
func (e *Editor) Export(dir string) error { return Export(e.Current(), dir) }

// Plan is what an import changes, topic by topic.
type Plan struct {
	Items []PlanItem
	// Saved is set once the changes are stored.
	Saved bool
	// Changes are the changes stored, with their versions, once Saved.
	Changes []Change
}

// PlanItem is the change of one topic by an import.
type PlanItem struct {
	Topic string
	// What is "add", "edit", "hide" or "base" (the directory has the
	// base's text again where an override was).
	What string
	// Fields lists, by language, the fields that change for an edit.
	Fields map[string][]string
}

// Import reads a content directory laid out as Export writes it and
// validates it as the knowledge base it would make, with the base's
// files where the directory has none of a language of a topic, and the
// topics it has no file of at all hidden. The differences from what is in
// effect become one change per topic; with apply they are stored, in one
// transaction, otherwise nothing is (a dry run). An invalid directory is
// an Invalid naming every problem.
func (e *Editor) Import(ctx context.Context, by string, dir string, apply bool) (Plan, error) {
	raw, err := readDir(dir)
	if err != nil {
		return Plan{}, err
	}
	st := e.cur.Load()
	hidden := map[string]bool{}
	for topic := range e.base.files {
		if raw[topic] == nil {
			hidden[topic] = true
		}
	}
	for topic, c := range st.overrides {
		if raw[topic] == nil && !c.Hidden {
			hidden[topic] = true // a topic moderators added, gone from the directory
		}
	}
	o := kb.Overlay{Files: map[string][]byte{}, Hidden: hidden}
	for _, files := range raw {
		maps.Copy(o.Files, files)
	}
	if _, err := kb.LoadOverlay(o); err != nil {
		return Plan{}, invalid(err)
	}
	var plan Plan
	var changes []Change
	topics := slices.Collect(maps.Keys(e.base.files))
	topics = append(topics, slices.Collect(maps.Keys(raw))...)
	topics = append(topics, slices.Collect(maps.Keys(st.overrides))...)
	slices.Sort(topics)
	for _, topic := range slices.Compact(topics) {
		c, item, err := e.importTopic(st, topic, raw[topic], hidden)
		if err != nil {
			return Plan{}, err
		}
		if item.What == "" {
			continue
		}
		c.Action, c.By = Import, by
		changes = append(changes, c)
		plan.Items = append(plan.Items, item)
	}
	if len(changes) == 0 || !apply {
		return plan, nil
	}
	b, err := e.applyAll(ctx, changes, true)
	if err != nil {
		return Plan{}, err
	}
	plan.Saved, plan.Changes = true, b.Changes
	return plan, nil
}

// importTopic is the change that makes topic what files (its directory's
// files, by path) say, and what it changes; an empty What when nothing.
func (e *Editor) importTopic(st *state, topic string, files map[string][]byte, hidden map[string]bool) (Change, PlanItem, error) {
	cur, isOverridden := st.overrides[topic]
	item := PlanItem{Topic: topic}
	if files == nil {
		if hidden[topic] && !(isOverridden && cur.Hidden) {
			item.What = "hide"
			return Change{Topic: topic, Hidden: true}, item, nil
		}
		return Change{}, item, nil
	}
	before, err := e.effective(st, topic)
	if err != nil {
		return Change{}, item, err
	}
	after := map[string]*kb.Entry{}
	for lang, en := range e.base.entries[topic] {
		after[lang] = pruned(en, hidden)
	}
	for name, data := range files {
		en, err := kb.ParseEntry(data)
		if en == nil {
			// LoadOverlay accepted the file: it cannot fail here.
			return Change{}, item, fmt.Errorf("kbedit: import %s: %w", name, err)
		}
		after[en.Lang] = pruned(en, hidden)
	}
	c := Change{Topic: topic, Files: map[string]string{}}
	for lang, en := range after {
		text := string(en.Markdown())
		if be, ok := e.base.entries[topic][lang]; ok && string(pruned(be, hidden).Markdown()) == text {
			continue
		}
		c.Files[lang] = text
	}
	switch {
	case isOverridden && !cur.Hidden && maps.Equal(cur.Files, c.Files):
		return Change{}, item, nil
	case !isOverridden && len(c.Files) == 0:
		return Change{}, item, nil
	case len(c.Files) == 0:
		item.What = "base"
	case e.base.files[topic] == nil && !isOverridden:
		item.What = "add"
	default:
		item.What = "edit"
		item.Fields = map[string][]string{}
		for lang, en := range after {
			if d := changedFields(before[lang], en); len(d) > 0 {
				item.Fields[lang] = d
			}
		}
	}
	return c, item, nil
}

// pruned is en without the related links to hidden topics, as the loader
// reads it with them hidden.
func pruned(en *kb.Entry, hidden map[string]bool) *kb.Entry {
	if !slices.ContainsFunc(en.Related, func(id string) bool { return hidden[id] }) {
		return en
	}
	c := *en
	c.Related = slices.DeleteFunc(slices.Clone(en.Related), func(id string) bool { return hidden[id] })
	return &c
}

// changedFields names the fields of Fields in which a and b differ, all
// of them when a is nil (a new language).
func changedFields(a, b *kb.Entry) []string {
	if a == nil {
		return []string{"all"}
	}
	var out []string
	eq := func(name string, same bool) {
		if !same {
			out = append(out, name)
		}
	}
	eq("title", a.Title == b.Title)
	eq("body", a.Body == b.Body)
	eq("aliases", slices.Equal(a.Aliases, b.Aliases))
	eq("keywords", slices.Equal(a.Keywords, b.Keywords))
	eq("caveat", a.Caveat == b.Caveat)
	eq("sources", slices.Equal(a.Sources, b.Sources))
	eq("verified", a.Verified == b.Verified)
	eq("theme", a.Theme == b.Theme)
	eq("related", slices.Equal(a.Related, b.Related))
	return out
}

// readDir reads the content files of dir: <lang>/<id>.md by topic id, each
// by its path relative to dir. A directory without an en/ is refused: it is
// not a content tree, and importing it would hide every topic.
func readDir(dir string) (map[string]map[string][]byte, error) {
	fsys := os.DirFS(dir)
	if _, err := fs.Stat(fsys, "en"); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Invalid{Problems: []string{fmt.Sprintf("%s has no en/ directory: it is not a content tree like kb/content", dir)}}
		}
		return nil, fmt.Errorf("kbedit: import: %w", err)
	}
	raw := map[string]map[string][]byte{}
	for _, lang := range kb.Languages() {
		names, err := fs.Glob(fsys, lang+"/*.md")
		if err != nil {
			return nil, fmt.Errorf("kbedit: import: %w", err)
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("kbedit: import: %w", err)
			}
			id := strings.TrimSuffix(path.Base(name), ".md")
			if raw[id] == nil {
				raw[id] = map[string][]byte{}
			}
			raw[id][name] = data
		}
	}
	return raw, nil
}
