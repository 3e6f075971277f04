package dashboard_test

// TEST DOUBLE. The dashboard's data comes from parts of authorbot that
// are built beside it: the record of missed questions and handoffs with
// its figures, and the knowledge base's overrides with their versions
// and history. Until those are connected, the tests give the dashboard
// the stand-ins below.
//
//   - memory is wholly in memory: stats, gaps, handoffs and history,
//     with fixed figures.
//   - kbOverlay is real where authorbot is real today: it loads the real
//     content of kb/ (the files the binary embeds) with kb.LoadFS, lays
//     the edited topics over it, validates them with the knowledge base's
//     own loader, and renders previews through handlers' /ask. Only the
//     place the edits are kept (a map, not the database) is a stand-in.

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/dashboard"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/kb"
)

// memory is the in-memory stand-in for the stats, gaps, handoffs and
// history.
type memory struct {
	mu       sync.Mutex
	stats    dashboard.Stats
	gaps     []dashboard.Gap
	handoffs []dashboard.Handoff
	history  []dashboard.Change
	assigned []string // "gap→topic by moderator", in order
}

// newMemory fills a memory with a month of made-up but plausible figures
// ending on today.
func newMemory(today time.Time) *memory {
	m := &memory{}
	for i := 29; i >= 0; i-- {
		day := today.AddDate(0, 0, -i)
		m.stats.Days = append(m.stats.Days, dashboard.DayCount{Day: day, Answered: 20 + (i*7)%13, Declined: 2 + (i*5)%6})
	}
	m.stats.Feedback = []dashboard.TopicFeedback{
		{Topic: "cart-empty", Yes: 41, No: 3}, {Topic: "print-defects", Yes: 18, No: 7},
		{Topic: "shipping-options", Yes: 12, No: 9}, {Topic: "proof-copies", Yes: 9, No: 1},
	}
	m.stats.Languages = []dashboard.Count{{Name: "en", N: 412}, {Name: "fr", N: 96}, {Name: "de", N: 71}, {Name: "es", N: 33}}
	m.stats.Platforms = []dashboard.Count{{Name: "slack", N: 301}, {Name: "discord", N: 284}, {Name: "console", N: 27}}
	m.gaps = []dashboard.Gap{
		{ID: "g1", Count: 14, Lang: "en", Examples: []string{"can I order copies of someone else's book?", "buy author copies for a co-author's title"},
			Guesses: []string{"order-author-copies", "reselling-copies"}},
		{ID: "g2", Count: 6, Lang: "fr", Examples: []string{"mon panier se vide tout seul"}, Guesses: []string{"cart-empty"}},
	}
	m.handoffs = []dashboard.Handoff{
		{ID: "h1", Asked: today.Add(-3 * time.Hour), Question: "Why was my order of 40 copies split in two parcels?", Lang: "en", Platform: "slack", Author: "@maria"},
		{ID: "h2", Asked: today.Add(-26 * time.Hour), Question: "Kann ich Autorenexemplare nach Österreich schicken?", Lang: "de", Platform: "discord", Author: "@jonas"},
	}
	return m
}

func (m *memory) Stats(ctx context.Context, days int) (dashboard.Stats, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.stats
	s.Days = s.Days[max(0, len(s.Days)-days):]
	return s, nil
}

func (m *memory) Gaps(ctx context.Context, days int) ([]dashboard.Gap, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.gaps), nil
}

func (m *memory) AssignTopic(ctx context.Context, gap, topic string, by dashboard.Moderator) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.gaps {
		if m.gaps[i].ID == gap {
			m.gaps[i].Assigned = topic
			m.assigned = append(m.assigned, gap+"→"+topic+" by "+by.Key)
			return nil
		}
	}
	return fmt.Errorf("no gap %q", gap)
}

func (m *memory) Handoffs(ctx context.Context) ([]dashboard.Handoff, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.handoffs), nil
}

func (m *memory) History(ctx context.Context, limit int) ([]dashboard.Change, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := slices.Clone(m.history)
	slices.Reverse(out)
	return out[:min(limit, len(out))], nil
}

func (m *memory) record(c dashboard.Change) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.history = append(m.history, c)
}

// kbOverlay is the real knowledge base of kb/ with moderators' edits
// laid over it (see the top of the file).
type kbOverlay struct {
	mu       sync.Mutex
	base     fstest.MapFS      // kb/content and kb/examples, as read from disk
	edits    map[string][]byte // "en/cart-empty.md" → the edited file
	current  *kb.KB
	versions map[string]int
	// last is the latest knowledge base loaded with one more file, by
	// the file's name and content: a save after its preview, and the
	// editor after the save, load nothing again.
	last struct {
		key      string
		k        *kb.KB
		problems []string
	}
	log *memory
	now func() time.Time
}

// contentFS reads the real knowledge base's files once per test binary.
var contentFS = sync.OnceValues(func() (fstest.MapFS, error) {
	files := fstest.MapFS{}
	add := func(root, under string) error {
		return fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path.Join(root, p))
			files[path.Join(under, p)] = &fstest.MapFile{Data: b}
			return err
		})
	}
	if err := add("../kb/content", "."); err != nil {
		return nil, err
	}
	return files, add("../kb/examples", "examples")
})

func newKBOverlay(t testing.TB, log *memory, now func() time.Time) *kbOverlay {
	t.Helper()
	base, err := contentFS()
	if err != nil {
		t.Fatal(err)
	}
	k, err := baseKB()
	if err != nil {
		t.Fatalf("the knowledge base of kb/ does not load: %v", err)
	}
	return &kbOverlay{base: base, edits: map[string][]byte{}, versions: map[string]int{}, log: log, now: now, current: k}
}

// baseKB is the knowledge base of kb/ without edits, loaded once per test
// binary (a knowledge base is immutable, so the fixtures share it).
var baseKB = sync.OnceValues(func() (*kb.KB, error) {
	base, err := contentFS()
	if err != nil {
		return nil, err
	}
	return kb.LoadFS(base)
})

// KB is the knowledge base with the edits saved so far.
func (o *kbOverlay) KB() *kb.KB {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.current
}

// Overridden tells whether a topic was edited.
func (o *kbOverlay) Overridden(id, lang string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, ok := o.edits[lang+"/"+id+".md"]
	return ok
}

// load builds the knowledge base of the base files, the saved edits and
// extra, or returns the loader's problems, one per line.
func (o *kbOverlay) load(extra map[string][]byte) (*kb.KB, []string) {
	fsys := fstest.MapFS{}
	for name, f := range o.base {
		fsys[name] = f
	}
	for _, m := range []map[string][]byte{o.edits, extra} {
		for name, b := range m {
			fsys[name] = &fstest.MapFile{Data: b}
		}
	}
	k, err := kb.LoadFS(fsys)
	if err != nil {
		lines := strings.Split(err.Error(), "\n")
		return nil, lines[1:] // the first line says the content is invalid
	}
	return k, nil
}

// file writes f as a content file, with the fields the editor leaves
// alone (theme, keywords, related) from the topic as it stands.
func (o *kbOverlay) file(f dashboard.TopicFields) (string, []byte) {
	e, _ := o.current.Entry(f.ID, f.Lang)
	fm := struct {
		ID       string   `yaml:"id"`
		Lang     string   `yaml:"lang"`
		Title    string   `yaml:"title"`
		Theme    string   `yaml:"theme"`
		Aliases  []string `yaml:"aliases,omitempty"`
		Keywords []string `yaml:"keywords,omitempty"`
		Related  []string `yaml:"related,omitempty"`
		Sources  []string `yaml:"sources"`
		Verified string   `yaml:"verified"`
		Caveat   string   `yaml:"caveat,omitempty"`
	}{ID: f.ID, Lang: f.Lang, Title: f.Title, Theme: e.Theme, Aliases: f.Aliases, Keywords: e.Keywords,
		Related: e.Related, Sources: f.Sources, Verified: f.Verified, Caveat: f.Caveat}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.Encode(fm)
	enc.Close()
	b.WriteString("---\n" + f.Body + "\n")
	return f.Lang + "/" + f.ID + ".md", b.Bytes()
}

// with returns the knowledge base with f saved, or the loader's
// problems; o.mu is held.
func (o *kbOverlay) with(f dashboard.TopicFields) (k *kb.KB, name string, data []byte, problems []string) {
	name, data = o.file(f)
	if e, ok := o.current.Entry(f.ID, f.Lang); ok && e.Lang == f.Lang && sameFields(dashboard.FieldsOf(e), f) {
		return o.current, name, data, nil
	}
	if key := name + "\x00" + string(data); key != o.last.key {
		o.last.key = key
		o.last.k, o.last.problems = o.load(map[string][]byte{name: data})
	}
	return o.last.k, name, data, o.last.problems
}

func sameFields(a, b dashboard.TopicFields) bool {
	return a.ID == b.ID && a.Lang == b.Lang && a.Title == b.Title && a.Body == b.Body && a.Caveat == b.Caveat &&
		a.Verified == b.Verified && slices.Equal(a.Aliases, b.Aliases) && slices.Equal(a.Sources, b.Sources)
}

func (o *kbOverlay) Preview(ctx context.Context, f dashboard.TopicFields) (dashboard.Preview, error) {
	o.mu.Lock()
	k, _, _, problems := o.with(f)
	o.mu.Unlock()
	if len(problems) > 0 {
		return dashboard.Preview{Problems: problems}, nil
	}
	// The answer /ask gives when asked for the topic by its id.
	a, err := handlers.NewAnswers(k).Ask(ctx, &bot.Request{Command: "ask", Locale: f.Lang,
		User: bot.User{Platform: bot.Console, ID: "preview"}, Options: map[string]string{"question": f.ID}})
	if err != nil {
		return dashboard.Preview{}, err
	}
	return dashboard.Preview{Text: bot.PlainText(a.Reply)}, nil
}

func (o *kbOverlay) SaveTopic(ctx context.Context, f dashboard.TopicFields, by dashboard.Moderator) ([]string, error) {
	o.mu.Lock()
	k, name, data, problems := o.with(f)
	if len(problems) > 0 {
		o.mu.Unlock()
		return problems, nil
	}
	o.edits[name] = data
	o.current = k
	o.versions[name]++
	v := o.versions[name]
	o.mu.Unlock()
	o.log.record(dashboard.Change{When: o.now(), Who: by.Name, Topic: f.ID, Lang: f.Lang, Version: v, What: "edit"})
	return nil, nil
}
