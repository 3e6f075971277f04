package kbedit

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/authorbot/authorbot/kb"
)

// Result is a change validated, and stored when it was asked to be: the
// change and the knowledge base it makes, to preview its answers from.
type Result struct {
	Change Change
	KB     *kb.KB
	Saved  bool
}

// apply validates c, the new state of its topic, with every other override
// in effect and stores it when save is set, swapping in the knowledge
// base it makes. Without save, nothing is stored: the result is a preview.
func (e *Editor) apply(ctx context.Context, c Change, save bool) (Result, error) {
	res, err := e.applyAll(ctx, []Change{c}, save)
	if err != nil {
		return Result{}, err
	}
	return Result{Change: res.Changes[0], KB: res.KB, Saved: res.Saved}, nil
}

// batch is several changes validated, and stored, together.
type batch struct {
	Changes []Change
	KB      *kb.KB
	Saved   bool
}

func (e *Editor) applyAll(ctx context.Context, changes []Change, save bool) (batch, error) {
	st := e.cur.Load()
	overrides := maps.Clone(st.overrides)
	for i, c := range changes {
		c.At = e.now().UTC()
		c.BaseHash = e.base.hash(c.Topic)
		c.Parent = st.latest[c.Topic]
		changes[i] = c
		if c.Overrides() {
			overrides[c.Topic] = c
		} else {
			delete(overrides, c.Topic)
		}
	}
	k, err := kb.LoadOverlay(overlay(overrides))
	if err != nil {
		return batch{}, invalid(err)
	}
	if !save {
		return batch{Changes: changes, KB: k}, nil
	}
	stored, err := e.store.AddKBChanges(ctx, changes)
	if err != nil {
		return batch{}, err
	}
	e.mu.Lock()
	// Swap in what was validated when nothing else was stored meanwhile;
	// otherwise read everything again.
	installed := false
	if cur := e.cur.Load(); cur.version == st.version && stored[0].Version == st.version+1 {
		latest := maps.Clone(st.latest)
		for _, c := range stored {
			latest[c.Topic] = c.Version
			if c.Overrides() {
				overrides[c.Topic] = c
			}
		}
		e.cur.Store(&state{version: stored[len(stored)-1].Version, kb: k, overrides: overrides, latest: latest, skipped: st.skipped})
		installed = true
	}
	e.mu.Unlock()
	if !installed {
		if err := e.reload(ctx); err != nil {
			return batch{}, err
		}
	}
	return batch{Changes: stored, KB: k, Saved: true}, nil
}

// invalid turns the loader's error into an Invalid naming each problem.
func invalid(err error) error {
	msg := err.Error()
	_, rest, ok := strings.Cut(msg, "\n")
	if !ok {
		return Invalid{Problems: []string{msg}}
	}
	var problems []string
	for line := range strings.SplitSeq(rest, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			problems = append(problems, line)
		}
	}
	return Invalid{Problems: problems}
}

// effective returns the entries of topic as they are in effect, by
// language: the override's files read back, or the base's.
func (e *Editor) effective(st *state, topic string) (map[string]*kb.Entry, error) {
	out := map[string]*kb.Entry{}
	c, ok := st.overrides[topic]
	for lang, en := range e.base.entries[topic] {
		out[lang] = en
	}
	if !ok {
		return out, nil
	}
	for lang, text := range c.Files {
		en, err := kb.ParseEntry([]byte(text))
		if en == nil {
			return nil, fmt.Errorf("kbedit: stored %s/%s.md: %w", lang, topic, err)
		}
		out[lang] = en
	}
	return out, nil
}

// changeOf is the change that makes topic's entries what entries are:
// the files that differ from the base.
func (e *Editor) changeOf(topic string, entries map[string]*kb.Entry, action Action, by string) Change {
	c := Change{Topic: topic, Action: action, By: by, Files: map[string]string{}}
	for lang, en := range entries {
		text := en.Markdown()
		if be, ok := e.base.entries[topic][lang]; ok && string(be.Markdown()) == string(text) {
			continue
		}
		c.Files[lang] = string(text)
	}
	return c
}

// Fields are the names of what Edit changes, in the order moderators read
// them.
func Fields() []string {
	return []string{"title", "body", "steps", "aliases", "keywords", "caveat", "sources", "verified", "theme", "related"}
}

// shared are the fields every language of a topic has the same (kb's
// loader checks it): an edit of one sets them in all.
func shared(field string) bool {
	switch field {
	case "verified", "theme", "related":
		return true
	}
	return false
}

// EditField sets one field of topic in lang to value, a new version of the
// topic, and stores it when save is set (a preview otherwise). Lists
// (aliases, keywords, sources, related, steps) take one item a line or
// items separated by " | "; steps replace the first numbered list of the
// body, or are added at its end when it has none. The verified date,
// theme and related topics are the same in every language, so they are
// set in all.
func (e *Editor) EditField(ctx context.Context, by, topic, lang, field, value string, save bool) (Result, error) {
	return e.EditFields(ctx, by, topic, lang, map[string]string{field: value}, save)
}

// EditFields sets several fields of topic in lang at once, as EditField
// sets one: one new version, validated whole, for a form that shows every
// field (a chat modal, the dashboard's editor).
func (e *Editor) EditFields(ctx context.Context, by, topic, lang string, fields map[string]string, save bool) (Result, error) {
	st := e.cur.Load()
	entries, err := e.editable(st, topic)
	if err != nil {
		return Result{}, err
	}
	lang = kb.Lang(lang)
	if lang == "" {
		lang = "en"
	}
	if _, ok := entries[lang]; !ok {
		return Result{}, NotFound{Topic: topic, Lang: lang}
	}
	// In the order of Fields, so that steps apply to the body set with them.
	names := slices.SortedFunc(maps.Keys(fields), func(a, b string) int {
		return fieldRank(a) - fieldRank(b)
	})
	for _, field := range names {
		value := strings.TrimSpace(strings.ReplaceAll(fields[field], "\r\n", "\n"))
		langs := []string{lang}
		if shared(field) {
			langs = slices.Collect(maps.Keys(entries))
		}
		for _, l := range langs {
			c := *entries[l]
			if err := set(&c, field, value); err != nil {
				return Result{}, err
			}
			entries[l] = &c
		}
	}
	return e.apply(ctx, e.changeOf(topic, entries, Edit, by), save)
}

// fieldRank is where field comes in Fields; after them all when it is
// none of them (set then names it).
func fieldRank(field string) int {
	if i := slices.Index(Fields(), field); i >= 0 {
		return i
	}
	return len(Fields())
}

// editable returns copies-to-be of topic's effective entries; a hidden
// topic is edited as it was before it was hidden, and stays hidden only
// until the edit is stored (an edit shows it again).
func (e *Editor) editable(st *state, topic string) (map[string]*kb.Entry, error) {
	entries, err := e.effective(st, topic)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, NotFound{Topic: topic}
	}
	return entries, nil
}

// set changes one field of en.
func set(en *kb.Entry, field, value string) error {
	switch field {
	case "title":
		en.Title = value
	case "body":
		en.Body = value
	case "steps":
		en.Body = withSteps(en.Body, list(value))
	case "aliases":
		en.Aliases = list(value)
	case "keywords":
		en.Keywords = list(value)
	case "caveat":
		en.Caveat = value
	case "sources":
		en.Sources = list(value)
	case "verified":
		en.Verified = value
	case "theme":
		en.Theme = value
	case "related":
		en.Related = list(value)
	default:
		return BadField{Field: field}
	}
	return nil
}

// list splits a list value: one item a line, or items separated by " | ".
func list(value string) []string {
	sep := "\n"
	if !strings.Contains(value, "\n") {
		sep = "|"
	}
	var out []string
	for item := range strings.SplitSeq(value, sep) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// withSteps replaces the first numbered list of body with steps, or adds
// them at its end.
func withSteps(body string, steps []string) string {
	var numbered strings.Builder
	for i, s := range steps {
		if i > 0 {
			numbered.WriteString("\n")
		}
		fmt.Fprintf(&numbered, "%d. %s", i+1, strings.TrimSpace(strings.TrimLeft(s, "0123456789.")))
	}
	paras := strings.Split(body, "\n\n")
	for i, p := range paras {
		if isSteps(p) {
			if len(steps) == 0 {
				return strings.Join(slices.Delete(paras, i, i+1), "\n\n")
			}
			paras[i] = numbered.String()
			return strings.Join(paras, "\n\n")
		}
	}
	if len(steps) == 0 {
		return body
	}
	return strings.TrimSpace(body + "\n\n" + numbered.String())
}

// isSteps reports whether a paragraph of a body is a numbered list.
func isSteps(p string) bool {
	num, _, ok := strings.Cut(strings.TrimSpace(p), ". ")
	if !ok || num == "" || len(num) > 3 {
		return false
	}
	return strings.Trim(num, "0123456789") == ""
}

// Verify stamps today's date as the day topic's facts were checked
// against its sources, in every language.
func (e *Editor) Verify(ctx context.Context, by, topic string, save bool) (Result, error) {
	st := e.cur.Load()
	entries, err := e.editable(st, topic)
	if err != nil {
		return Result{}, err
	}
	today := e.now().UTC().Format(time.DateOnly)
	for l, en := range entries {
		c := *en
		c.Verified = today
		entries[l] = &c
	}
	c := e.changeOf(topic, entries, Verify, by)
	c.Hidden = st.overrides[topic].Hidden
	return e.apply(ctx, c, save)
}

// AddTopic adds a topic the base does not have, written in English, with
// today as its verified date. Every other language of the content gets
// the English text until it is translated (export, translate, import):
// the loader requires each language to have every topic, and an answer in
// English is better than none.
func (e *Editor) AddTopic(ctx context.Context, by string, en kb.Entry, save bool) (Result, error) {
	st := e.cur.Load()
	if _, ok := e.base.files[en.ID]; ok {
		return Result{}, Conflict{Topic: en.ID}
	}
	if c, ok := st.overrides[en.ID]; ok && !c.Hidden {
		return Result{}, Conflict{Topic: en.ID, Latest: c.Version}
	}
	en.Lang = "en"
	if en.Verified == "" {
		en.Verified = e.now().UTC().Format(time.DateOnly)
	}
	entries := map[string]*kb.Entry{}
	for _, lang := range e.base.langs {
		c := en
		c.Lang = lang
		entries[lang] = &c
	}
	return e.apply(ctx, e.changeOf(en.ID, entries, Add, by), save)
}

// HideTopic leaves topic out in every language; related links to it are
// dropped from the other topics. Revert brings it back.
func (e *Editor) HideTopic(ctx context.Context, by, topic string, save bool) (Result, error) {
	st := e.cur.Load()
	if _, err := e.editable(st, topic); err != nil {
		return Result{}, err
	}
	c := Change{Topic: topic, Action: Hide, By: by, Hidden: true, Files: st.overrides[topic].Files}
	return e.apply(ctx, c, save)
}

// RevertTopic brings back the state of topic after version, or the base's
// topic for version 0, as a new version.
func (e *Editor) RevertTopic(ctx context.Context, by, topic string, version int64, save bool) (Result, error) {
	c := Change{Topic: topic, Action: Revert, By: by, From: version}
	if version > 0 {
		hist, err := e.store.KBHistory(ctx, topic)
		if err != nil {
			return Result{}, err
		}
		i := slices.IndexFunc(hist, func(h Change) bool { return h.Version == version })
		if i < 0 {
			return Result{}, NotFound{Topic: topic, Version: version}
		}
		c.Hidden, c.Files = hist[i].Hidden, hist[i].Files
	} else if e.base.files[topic] == nil {
		// An added topic has no base to go back to: it goes.
		c.Hidden = true
	}
	return e.apply(ctx, c, save)
}

// Previous is the version a revert without one brings back: the one
// before the latest change of topic, 0 (the base) when there is none.
func Previous(hist []Change) int64 {
	if len(hist) < 2 {
		return 0
	}
	return hist[1].Version
}
