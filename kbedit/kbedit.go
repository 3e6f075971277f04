// Package kbedit lets moderators change the knowledge base without a new
// release. The content embedded in the binary (package kb) stays the
// reviewed base; a moderator's change to a topic is kept in the database
// as an override of that topic, one version per change with who made it
// and when, and any version can be brought back.
//
// Every change is validated by kb's own loader with every other override
// laid over the base, before anything is stored: a change that the
// loader refuses is refused whole, with every problem named. The search
// index is then rebuilt and swapped in at once (Editor.Current), and
// every process on the same database picks the change up from a version
// counter it polls (Editor.Sync, Editor.Run).
//
// An override records a hash of the base files it was made over, so that
// when an upgrade changes a topic a moderator had overridden, the topic is
// listed for moderators (Editor.Drifted) rather than the new base text
// being hidden silently behind the old override.
package kbedit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/authorbot/authorbot/kb"
)

// Action names what a change did.
type Action string

// The actions a change records.
const (
	Edit   Action = "edit"
	Add    Action = "add"
	Hide   Action = "hide"
	Revert Action = "revert"
	Verify Action = "verify"
	Import Action = "import"
)

// Change is one version of one topic's override: the state the topic is
// in after it, whole, so that bringing a version back is copying it.
type Change struct {
	// Version numbers the changes of the whole knowledge base, 1, 2, 3...
	// in the order they were stored; the store sets it.
	Version int64
	// Parent is the version of the topic's override the change was made
	// over, 0 for the base: the store refuses the change when the topic
	// has a newer one (Conflict), so two moderators editing the same topic
	// at once cannot overwrite each other unknowingly.
	Parent int64
	Topic  string
	Action Action
	By     string // the moderator, as bot.User.Key() or "cli:<user>"
	At     time.Time
	// Hidden leaves the topic out in every language.
	Hidden bool
	// Files are the topic's content files that differ from the base, by
	// language, in the format of kb/content (kb.Entry.Markdown). With
	// Hidden false and no files, the topic is the base's again.
	Files map[string]string
	// BaseHash identifies the base's files of the topic when the change
	// was made, "" when the base had none.
	BaseHash string
	// From, for a revert, is the version brought back (0: the base).
	From int64
}

// Overrides reports whether c changes anything of the base.
func (c Change) Overrides() bool { return c.Hidden || len(c.Files) > 0 }

// Store keeps the changes. *store.DB is one.
type Store interface {
	// KBVersion returns the version of the latest change, 0 when there is
	// none. It is read on every poll, so it must be cheap. Errors are
	// internal.
	KBVersion(ctx context.Context) (int64, error)
	// KBOverrides returns the latest change of every topic that has one,
	// and the version of the latest change of all, read at once.
	// Errors are internal.
	KBOverrides(ctx context.Context) ([]Change, int64, error)
	// KBHistory returns the changes of topic, newest first. Errors are
	// internal.
	KBHistory(ctx context.Context, topic string) ([]Change, error)
	// AddKBChanges stores changes in one transaction, each as the next
	// version, and returns them with Version set. It returns a Conflict,
	// and stores none, when a change's Parent is not its topic's latest
	// version. Other errors are internal.
	AddKBChanges(ctx context.Context, changes []Change) ([]Change, error)
}

// Conflict is the error of a change made over a version of its topic
// that is no longer the latest.
type Conflict struct {
	Topic  string
	Latest int64
}

func (c Conflict) Error() string {
	return fmt.Sprintf("kbedit: topic %s changed meanwhile (now version %d)", c.Topic, c.Latest)
}

// Invalid is the error of a change the knowledge base's loader refused:
// every problem it named, one a line, nothing stored.
type Invalid struct {
	Problems []string
}

func (e Invalid) Error() string {
	return "kbedit: invalid change:\n" + strings.Join(e.Problems, "\n")
}

// NotFound is the error of a topic, a language or a version that does not
// exist.
type NotFound struct {
	Topic, Lang string
	Version     int64
}

func (e NotFound) Error() string {
	switch {
	case e.Version > 0:
		return fmt.Sprintf("kbedit: topic %s has no version %d", e.Topic, e.Version)
	case e.Lang != "":
		return fmt.Sprintf("kbedit: topic %s has no %s version", e.Topic, e.Lang)
	}
	return fmt.Sprintf("kbedit: no topic %s", e.Topic)
}

// BadField is the error of an edit of a field that is not one of Fields,
// or of a value that cannot be read for it.
type BadField struct {
	Field string
}

func (e BadField) Error() string { return fmt.Sprintf("kbedit: cannot edit field %q", e.Field) }

// Editor holds the effective knowledge base, the base with the stored
// overrides, and makes the changes. It is safe for concurrent use.
type Editor struct {
	store Store
	log   *slog.Logger
	now   func() time.Time
	base  *base
	// loaded, when set, is kb.Load's knowledge base (WithBase).
	loaded *kb.KB
	cur    atomic.Pointer[state]
	// mu serialises the rebuilds, so that a burst of polls after a change
	// builds the index once.
	mu sync.Mutex
}

// state is one effective knowledge base and what it was built from.
type state struct {
	version   int64
	kb        *kb.KB
	overrides map[string]Change // by topic, those in effect
	// latest is the version of each topic's latest change, in effect or
	// not (a change back to the base overrides nothing), for Parent.
	latest map[string]int64
	// skipped are stored overrides the loader refuses over the current
	// base (after an upgrade), by topic: the base's topic is served and
	// moderators are told (Drifted).
	skipped map[string]error
}

// Option changes one of New's defaults.
type Option func(*Editor)

// WithBase gives the editor the knowledge base kb.Load returned, to serve
// as it is while no override is in effect instead of loading the same
// content again (a quarter of a second at each start).
func WithBase(k *kb.KB) Option { return func(e *Editor) { e.loaded = k } }

// WithClock sets the clock that dates changes and verify stamps; tests
// pass a fixed one. The default is time.Now.
func WithClock(now func() time.Time) Option { return func(e *Editor) { e.now = now } }

// New builds the effective knowledge base from the embedded content and
// the overrides in s. An override the loader refuses over this base (an
// upgrade changed what it relied on) is left out and logged, never fatal:
// the bot keeps answering from the base for that topic.
func New(ctx context.Context, s Store, log *slog.Logger, opts ...Option) (*Editor, error) {
	b, err := loadBase()
	if err != nil {
		return nil, err
	}
	e := &Editor{store: s, log: log, now: time.Now, base: b}
	for _, o := range opts {
		o(e)
	}
	if err := e.reload(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// Current returns the effective knowledge base. It is one atomic load:
// callers may call it on every request.
func (e *Editor) Current() *kb.KB { return e.cur.Load().kb }

// Version returns the version of the latest change the current knowledge
// base includes.
func (e *Editor) Version() int64 { return e.cur.Load().version }

// Sync reads the version counter and, when another process (or this one)
// stored a change since, rebuilds the knowledge base and swaps it in.
func (e *Editor) Sync(ctx context.Context) error {
	v, err := e.store.KBVersion(ctx)
	if err != nil {
		return err
	}
	if v == e.cur.Load().version {
		return nil
	}
	return e.reload(ctx)
}

// Run calls Sync every interval until ctx ends; a failed Sync is logged
// and tried again at the next tick. A quarter of a second keeps every
// process within a second of the latest change for the price of one
// indexed read (BenchmarkSyncUnchanged).
func (e *Editor) Run(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if err := e.Sync(ctx); err != nil && ctx.Err() == nil {
				e.log.Warn("knowledge base: reading the overrides", slog.Any("err", err))
			}
		}
	}
}

// reload reads every override and swaps in the knowledge base they make.
func (e *Editor) reload(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	list, version, err := e.store.KBOverrides(ctx)
	if err != nil {
		return err
	}
	if cur := e.cur.Load(); cur != nil && cur.version == version {
		return nil // another Sync rebuilt it meanwhile
	}
	overrides := map[string]Change{}
	latest := map[string]int64{}
	for _, c := range list {
		latest[c.Topic] = c.Version
		if c.Overrides() {
			overrides[c.Topic] = c
		}
	}
	st, err := e.build(overrides)
	if err != nil {
		return err
	}
	st.version, st.latest = version, latest
	for topic, err := range st.skipped {
		e.log.Error("knowledge base: override left out", slog.String("topic", topic), slog.Any("err", err))
	}
	e.cur.Store(st)
	return nil
}

// build loads the base with overrides. When the loader refuses them
// together, as it can after an upgrade, each is tried alone over the base
// and those it refuses are left out.
func (e *Editor) build(overrides map[string]Change) (*state, error) {
	if len(overrides) == 0 && e.loaded != nil {
		return &state{kb: e.loaded, overrides: overrides}, nil
	}
	k, err := kb.LoadOverlay(overlay(overrides))
	if err == nil {
		return &state{kb: k, overrides: overrides}, nil
	}
	skipped := map[string]error{}
	kept := map[string]Change{}
	for topic, c := range overrides {
		if _, err := kb.LoadOverlay(overlay(map[string]Change{topic: c})); err != nil {
			skipped[topic] = err
			continue
		}
		kept[topic] = c
	}
	k, err = kb.LoadOverlay(overlay(kept))
	if err != nil {
		// The overrides that load alone still clash together: serve the
		// base, which Load has already accepted once.
		for topic := range kept {
			skipped[topic] = err
		}
		kept = map[string]Change{}
		if k, err = kb.LoadOverlay(kb.Overlay{}); err != nil {
			return nil, err
		}
	}
	return &state{kb: k, overrides: kept, skipped: skipped}, nil
}

// overlay is the kb.Overlay of a set of overrides.
func overlay(overrides map[string]Change) kb.Overlay {
	o := kb.Overlay{Files: map[string][]byte{}, Hidden: map[string]bool{}}
	for topic, c := range overrides {
		if c.Hidden {
			o.Hidden[topic] = true
			continue
		}
		for lang, text := range c.Files {
			o.Files[lang+"/"+topic+".md"] = []byte(text)
		}
	}
	return o
}

// base is the embedded content, by topic and language.
type base struct {
	files   map[string]map[string][]byte // topic -> lang -> file
	entries map[string]map[string]*kb.Entry
	langs   []string // the languages of the content, English first
}

func loadBase() (*base, error) {
	fsys := kb.BaseFiles()
	b := &base{files: map[string]map[string][]byte{}, entries: map[string]map[string]*kb.Entry{}}
	for _, lang := range kb.Languages() {
		names, err := fs.Glob(fsys, lang+"/*.md")
		if err != nil {
			return nil, fmt.Errorf("kbedit: base: %w", err)
		}
		if len(names) > 0 {
			b.langs = append(b.langs, lang)
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("kbedit: base: %w", err)
			}
			en, err := kb.ParseEntry(data)
			if err != nil {
				return nil, fmt.Errorf("kbedit: base %s: %w", name, err)
			}
			id := strings.TrimSuffix(path.Base(name), ".md")
			if b.files[id] == nil {
				b.files[id] = map[string][]byte{}
				b.entries[id] = map[string]*kb.Entry{}
			}
			b.files[id][lang] = data
			b.entries[id][lang] = en
		}
	}
	return b, nil
}

// hash identifies the base's files of topic, "" when it has none.
func (b *base) hash(topic string) string {
	files := b.files[topic]
	if len(files) == 0 {
		return ""
	}
	h := sha256.New()
	for _, lang := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s\x00%d\x00", lang, len(files[lang]))
		h.Write(files[lang])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Info is what moderators see about a topic besides its text.
type Info struct {
	// Version is the latest change of the topic in effect, 0 when the
	// topic is the base's.
	Version int64
	By      string
	At      time.Time
	Hidden  bool
	// Added is set for a topic the base does not have.
	Added bool
	// Drifted is set when the base's topic changed (an upgrade) since the
	// override was made, or when the override no longer loads over the
	// new base and is left out.
	Drifted bool
	// Problem is why an override is left out, "" when it is in effect.
	Problem string
}

// Topic returns the effective entry of id in lang, with what moderators
// need to know of it. A hidden topic returns its last text before it was
// hidden (so a moderator can see what they would bring back) and Hidden.
func (e *Editor) Topic(id, lang string) (*kb.Entry, Info, error) {
	st := e.cur.Load()
	info := e.info(st, id)
	if !info.Hidden {
		if en, ok := st.kb.Entry(id, lang); ok {
			return en, info, nil
		}
		return nil, info, NotFound{Topic: id}
	}
	entries, err := e.effective(st, id)
	if err != nil {
		return nil, info, err
	}
	if en, ok := entries[kb.Lang(lang)]; ok {
		return en, info, nil
	}
	if en, ok := entries["en"]; ok {
		return en, info, nil
	}
	return nil, info, NotFound{Topic: id}
}

func (e *Editor) info(st *state, id string) Info {
	c, ok := st.overrides[id]
	info := Info{Added: e.base.files[id] == nil}
	if err, ok := st.skipped[id]; ok {
		info.Drifted, info.Problem = true, err.Error()
	}
	if !ok {
		return info
	}
	info.Version, info.By, info.At, info.Hidden = c.Version, c.By, c.At, c.Hidden
	info.Drifted = info.Drifted || c.BaseHash != e.base.hash(id)
	return info
}

// Drift is an override whose base changed under it.
type Drift struct {
	Topic string
	Info
}

// Drifted lists the overridden topics whose base an upgrade changed since
// the override was made, and the overrides left out because they no
// longer load over the new base, by topic: for moderators to re-read the
// new base text and keep, merge or revert their version.
func (e *Editor) Drifted() []Drift {
	st := e.cur.Load()
	topics := slices.Collect(maps.Keys(st.overrides))
	topics = append(topics, slices.Collect(maps.Keys(st.skipped))...)
	slices.Sort(topics)
	var out []Drift
	for _, t := range slices.Compact(topics) {
		if info := e.info(st, t); info.Drifted {
			out = append(out, Drift{Topic: t, Info: info})
		}
	}
	return out
}

// Unchecked lists the topics of k whose facts were last checked more than
// twelve months before now, oldest first: for the moderators' stats, the
// digest and the dashboard. On an Editor's knowledge base it counts the
// verify stamps of the overrides, which are the effective entries' dates.
func Unchecked(k *kb.KB, now time.Time) []*kb.Entry {
	return k.Stale(now, now.Sub(now.AddDate(-1, 0, 0)))
}

// Unchecked lists the effective topics unchecked for twelve months as of
// now (see the function Unchecked).
func (e *Editor) Unchecked(now time.Time) []*kb.Entry { return Unchecked(e.Current(), now) }

// History returns the changes of topic, newest first.
func (e *Editor) History(ctx context.Context, topic string) ([]Change, error) {
	return e.store.KBHistory(ctx, topic)
}

// ChangedTopics lists, sorted, the topics moderators have changed at
// least once: those whose History is not empty.
func (e *Editor) ChangedTopics(ctx context.Context) ([]string, error) {
	list, _, err := e.store.KBOverrides(ctx)
	if err != nil {
		return nil, err
	}
	topics := make([]string, len(list))
	for i, c := range list {
		topics[i] = c.Topic
	}
	slices.Sort(topics)
	return slices.Compact(topics), nil
}
