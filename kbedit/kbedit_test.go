package kbedit_test

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/store"
)

// today is the clock of the tests' editors.
var today = time.Date(2026, time.December, 4, 10, 0, 0, 0, time.UTC)

func openDB(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// loadBase loads the embedded knowledge base once for the package: an
// editor serves it while no override is in effect, and loading it is a
// second under -race.
var loadBase = sync.OnceValues(kb.Load)

func newEditor(t testing.TB, db kbedit.Store) *kbedit.Editor {
	t.Helper()
	k, err := loadBase()
	if err != nil {
		t.Fatal(err)
	}
	e, err := kbedit.New(context.Background(), db, slog.New(slog.DiscardHandler),
		kbedit.WithClock(func() time.Time { return today }), kbedit.WithBase(k))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestEditIsLiveInEveryProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bot.db")
	one := newEditor(t, openDB(t, path))
	other := newEditor(t, openDB(t, path)) // another process on the same file
	before := one.Current()

	res, err := one.EditField(ctx, "slack:T1:U1", "cancel-order", "en", "title", "How do I cancel an order of author copies?", true)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Saved || res.Change.Version != 1 || res.Change.By != "slack:T1:U1" || !res.Change.At.Equal(today) {
		t.Fatalf("change = %+v", res.Change)
	}
	if one.Current() == before {
		t.Fatal("the editing process still serves the old knowledge base")
	}
	if e, _ := one.Current().Entry("cancel-order", "en"); e.Title != "How do I cancel an order of author copies?" {
		t.Fatalf("title = %q", e.Title)
	}
	if e, _ := before.Entry("cancel-order", "en"); e.Title != "How do I cancel an author copy order?" {
		t.Fatalf("the old knowledge base changed: %q", e.Title)
	}
	// Only English changed: the French file stays the base's.
	if len(res.Change.Files) != 1 || res.Change.Files["en"] == "" {
		t.Fatalf("files = %v", slices.Collect(maps.Keys(res.Change.Files)))
	}

	if e, _ := other.Current().Entry("cancel-order", "en"); e.Title == "How do I cancel an order of author copies?" {
		t.Fatal("the other process saw the change before it synced")
	}
	if err := other.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if e, _ := other.Current().Entry("cancel-order", "en"); e.Title != "How do I cancel an order of author copies?" {
		t.Fatalf("after Sync the other process has title %q", e.Title)
	}
	if other.Version() != 1 {
		t.Fatalf("version = %d", other.Version())
	}
}

func TestRunPicksUpChanges(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "bot.db")
	one := newEditor(t, openDB(t, path))
	other := newEditor(t, openDB(t, path))
	done := make(chan error)
	go func() { done <- other.Run(ctx, time.Millisecond) }()
	if _, err := one.HideTopic(ctx, "u", "curled-cover", true); err != nil {
		t.Fatal(err)
	}
	for other.Version() != 1 {
		time.Sleep(time.Millisecond) // the poll is a millisecond; no deadline asserted
	}
	if _, ok := other.Current().Entry("curled-cover", "en"); ok {
		t.Fatal("hidden topic still served")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestInvalidChangeNamesEveryProblemAndStoresNothing(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, ":memory:")
	e := newEditor(t, db)
	before := e.Current()
	_, err := e.EditField(ctx, "u", "cancel-order", "fr", "sources", "", true)
	var inv kbedit.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("err = %v, want Invalid", err)
	}
	joined := strings.Join(inv.Problems, "\n")
	for _, want := range []string{`fr/cancel-order.md: missing required key "sources"`, "number of sources 2 in en but 0 in fr"} {
		if !strings.Contains(joined, want) {
			t.Errorf("problems lack %q:\n%s", want, joined)
		}
	}
	if e.Current() != before {
		t.Error("the knowledge base was swapped")
	}
	if v, _ := db.KBVersion(ctx); v != 0 {
		t.Errorf("version = %d, want nothing stored", v)
	}
	_, err = e.EditField(ctx, "u", "cancel-order", "en", "colour", "red", true)
	if !errors.As(err, new(kbedit.BadField)) {
		t.Errorf("unknown field: err = %v", err)
	}
	_, err = e.EditField(ctx, "u", "no-such-topic", "en", "title", "x", true)
	if !errors.As(err, new(kbedit.NotFound)) {
		t.Errorf("unknown topic: err = %v", err)
	}
}

func TestPreviewStoresNothing(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, ":memory:")
	e := newEditor(t, db)
	res, err := e.EditField(ctx, "u", "cancel-order", "en", "title", "Cancelling an order", false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Saved {
		t.Fatal("a preview was saved")
	}
	if en, _ := res.KB.Entry("cancel-order", "en"); en.Title != "Cancelling an order" {
		t.Fatalf("preview title = %q", en.Title)
	}
	if en, _ := e.Current().Entry("cancel-order", "en"); en.Title != "How do I cancel an author copy order?" {
		t.Fatalf("current title = %q", en.Title)
	}
	if v, _ := db.KBVersion(ctx); v != 0 {
		t.Fatalf("version = %d", v)
	}
}

func TestStepsSharedFieldsAndLists(t *testing.T) {
	ctx := context.Background()
	e := newEditor(t, openDB(t, ":memory:"))
	res, err := e.EditField(ctx, "u", "cancel-order", "en", "steps", "Open Your Orders. | Click \"Cancel Items\". | Confirm.", true)
	if err != nil {
		t.Fatal(err)
	}
	en, _ := res.KB.Entry("cancel-order", "en")
	var steps []string
	for _, b := range en.Blocks() {
		steps = append(steps, b.Steps...)
	}
	if want := []string{"Open Your Orders.", `Click "Cancel Items".`, "Confirm."}; !slices.Equal(steps, want) {
		t.Fatalf("steps = %q, want %q", steps, want)
	}
	if !strings.HasPrefix(en.Body, "You can cancel as long as") || !strings.HasSuffix(en.Body, "used for other orders.") {
		t.Fatalf("the paragraphs around the steps changed:\n%s", en.Body)
	}
	// The verified date is every language's: one edit sets it in all.
	res, err = e.EditField(ctx, "u", "cancel-order", "de", "verified", "2026-11-30", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range res.KB.Languages() {
		if en, _ := res.KB.Entry("cancel-order", lang); en.Verified != "2026-11-30" {
			t.Errorf("%s verified = %q", lang, en.Verified)
		}
	}
	res, err = e.EditField(ctx, "u", "cancel-order", "en", "aliases", "cancel order\ncancel my order", true)
	if err != nil {
		t.Fatal(err)
	}
	if en, _ := res.KB.Entry("cancel-order", "en"); !slices.Equal(en.Aliases, []string{"cancel order", "cancel my order"}) {
		t.Fatalf("aliases = %q", en.Aliases)
	}
}

func TestHistoryAndRevert(t *testing.T) {
	ctx := context.Background()
	e := newEditor(t, openDB(t, ":memory:"))
	for _, title := range []string{"First title", "Second title"} {
		if _, err := e.EditField(ctx, "mod", "cancel-order", "en", "title", title, true); err != nil {
			t.Fatal(err)
		}
	}
	hist, err := e.History(ctx, "cancel-order")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Version != 2 || hist[1].Version != 1 || hist[0].By != "mod" {
		t.Fatalf("history = %+v", hist)
	}
	if kbedit.Previous(hist) != 1 {
		t.Fatalf("Previous = %d", kbedit.Previous(hist))
	}
	title := func() string { en, _ := e.Current().Entry("cancel-order", "en"); return en.Title }
	if _, err := e.RevertTopic(ctx, "mod", "cancel-order", 1, true); err != nil {
		t.Fatal(err)
	}
	if title() != "First title" {
		t.Fatalf("after revert to 1: %q", title())
	}
	if _, err := e.RevertTopic(ctx, "mod", "cancel-order", 0, true); err != nil {
		t.Fatal(err)
	}
	if title() != "How do I cancel an author copy order?" {
		t.Fatalf("after revert to the base: %q", title())
	}
	// A change after going back to the base is made over the latest
	// version, not refused as a conflict.
	if _, err := e.EditField(ctx, "mod", "cancel-order", "en", "title", "Third title", true); err != nil {
		t.Fatal(err)
	}
	if _, err := e.RevertTopic(ctx, "mod", "cancel-order", 99, true); !errors.As(err, new(kbedit.NotFound)) {
		t.Fatalf("revert to a version of nothing: %v", err)
	}
	hist, _ = e.History(ctx, "cancel-order")
	if len(hist) != 5 || hist[1].Action != kbedit.Revert || hist[1].From != 0 || hist[2].From != 1 {
		t.Fatalf("history = %+v", hist)
	}
}

func TestConflictBetweenProcesses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bot.db")
	one := newEditor(t, openDB(t, path))
	other := newEditor(t, openDB(t, path))
	if _, err := one.EditField(ctx, "a", "cancel-order", "en", "title", "A's title", true); err != nil {
		t.Fatal(err)
	}
	// other has not synced: its edit is made over the base.
	_, err := other.EditField(ctx, "b", "cancel-order", "en", "title", "B's title", true)
	var c kbedit.Conflict
	if !errors.As(err, &c) || c.Topic != "cancel-order" || c.Latest != 1 {
		t.Fatalf("err = %v, want a Conflict", err)
	}
	if err := other.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := other.EditField(ctx, "b", "cancel-order", "en", "title", "B's title", true); err != nil {
		t.Fatalf("after Sync: %v", err)
	}
}

func TestHideAddVerify(t *testing.T) {
	ctx := context.Background()
	e := newEditor(t, openDB(t, ":memory:"))
	// cancel-order is a related topic of change-order: hiding it drops the link.
	if _, err := e.HideTopic(ctx, "mod", "cancel-order", true); err != nil {
		t.Fatal(err)
	}
	k := e.Current()
	if _, ok := k.Entry("cancel-order", "fr"); ok {
		t.Fatal("hidden topic still there in French")
	}
	if ch, _ := k.Entry("change-order", "en"); slices.Contains(ch.Related, "cancel-order") {
		t.Fatalf("related still links the hidden topic: %v", ch.Related)
	}
	if r := k.Search("how do I cancel my order", "en"); r.Confident && r.Best != nil && r.Best.ID == "cancel-order" {
		t.Fatal("search still answers with the hidden topic")
	}
	en, info, err := e.Topic("cancel-order", "en")
	if err != nil || !info.Hidden || en.Title == "" {
		t.Fatalf("Topic of a hidden one: %v %+v %v", en, info, err)
	}

	add := kb.Entry{ID: "proof-copy-returns", Theme: "proofs", Title: "Can I return a proof copy?",
		Sources: []string{"KDP Help: Proof Copies"}, Body: "No. Proof copies cannot be returned; order another if it is damaged."}
	res, err := e.AddTopic(ctx, "mod", add, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range res.KB.Languages() {
		got, ok := res.KB.Entry("proof-copy-returns", lang)
		if !ok || got.Lang != lang || got.Verified != "2026-12-04" {
			t.Errorf("%s: %+v", lang, got)
		}
	}
	if r := e.Current().Search("can I return a proof copy", "en"); r.Best == nil || r.Best.ID != "proof-copy-returns" {
		t.Errorf("search for the added topic: %+v", r.Best)
	}
	if _, err := e.AddTopic(ctx, "mod", kb.Entry{ID: "cart-empty", Theme: "cart", Title: "x", Sources: []string{"s"}, Body: "b"}, true); !errors.As(err, new(kbedit.Conflict)) {
		t.Errorf("adding a topic the base has: %v", err)
	}
	_, err = e.AddTopic(ctx, "mod", kb.Entry{ID: "Bad Id", Theme: "nope", Title: "x", Body: "b"}, true)
	var inv kbedit.Invalid
	if !errors.As(err, &inv) || len(inv.Problems) < 3 {
		t.Fatalf("an invalid new topic: %v", err)
	}

	if n := len(e.Unchecked(today)); n == 0 {
		t.Skip("no topic of the content is a year old: nothing to verify")
	}
	stale := e.Unchecked(today)[0].ID
	if _, err := e.Verify(ctx, "mod", stale, true); err != nil {
		t.Fatal(err)
	}
	for _, s := range e.Unchecked(today) {
		if s.ID == stale {
			t.Fatalf("%s still unchecked after verify", stale)
		}
	}
	for _, lang := range e.Current().Languages() {
		if got, _ := e.Current().Entry(stale, lang); got.Verified != "2026-12-04" {
			t.Errorf("%s %s verified = %s", stale, lang, got.Verified)
		}
	}
}

func TestUnchecked(t *testing.T) {
	k, err := loadBase()
	if err != nil {
		t.Fatal(err)
	}
	// The content was checked in 2025: a year and a day after the last
	// check, every topic is due.
	latest := ""
	for _, e := range k.Entries("en") {
		latest = max(latest, e.Verified)
	}
	last, _ := time.Parse(time.DateOnly, latest)
	if n := len(kbedit.Unchecked(k, last.AddDate(1, 0, 1))); n != len(k.Entries("en")) {
		t.Errorf("a year and a day after: %d unchecked of %d", n, len(k.Entries("en")))
	}
	if n := len(kbedit.Unchecked(k, last.AddDate(1, 0, 0))); n == len(k.Entries("en")) {
		t.Errorf("exactly a year after the last check, that topic is not yet due")
	}
}

func TestDriftAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, ":memory:")
	e := newEditor(t, db)
	if _, err := e.EditField(ctx, "mod", "cart-empty", "en", "title", "Moderator's title", true); err != nil {
		t.Fatal(err)
	}
	if d := e.Drifted(); len(d) != 0 {
		t.Fatalf("drift right after the edit: %+v", d)
	}
	// An override made over an older base: as after an upgrade changed it.
	hist, _ := db.KBHistory(ctx, "cancel-order")
	en, _, _ := e.Topic("cancel-order", "en")
	old := *en
	old.Title = "An old override"
	_, err := db.AddKBChanges(ctx, []kbedit.Change{{Topic: "cancel-order", Parent: int64(len(hist)), Action: kbedit.Edit,
		By: "mod", At: today, Files: map[string]string{"en": string(old.Markdown())}, BaseHash: "0123456789abcdef"}})
	if err != nil {
		t.Fatal(err)
	}
	// And one that no longer loads over this base (it links a topic gone).
	broken := *en
	broken.Title, broken.Related = "Broken", []string{"removed-topic"}
	_, err = db.AddKBChanges(ctx, []kbedit.Change{{Topic: "print-defects", Action: kbedit.Edit, By: "mod", At: today,
		Files: map[string]string{"en": strings.Replace(string(broken.Markdown()), "id: cancel-order", "id: print-defects", 1)}, BaseHash: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	fresh := newEditor(t, db) // the upgraded binary starting
	d := fresh.Drifted()
	if len(d) != 2 || d[0].Topic != "cancel-order" || d[1].Topic != "print-defects" || d[1].Problem == "" {
		t.Fatalf("drifted = %+v", d)
	}
	if got, _ := fresh.Current().Entry("cancel-order", "en"); got.Title != "An old override" {
		t.Errorf("a drifted override that loads stays in effect: %q", got.Title)
	}
	if got, _ := fresh.Current().Entry("print-defects", "en"); got.Title == "Broken" {
		t.Error("an override that does not load was served")
	}
	if got, _ := fresh.Current().Entry("cart-empty", "en"); got.Title != "Moderator's title" {
		t.Errorf("the sound override was dropped with the broken one: %q", got.Caveat)
	}
}

func TestExportOfTheBaseIsTheEmbeddedContent(t *testing.T) {
	e := newEditor(t, openDB(t, ":memory:"))
	dir := t.TempDir()
	if err := e.Export(dir); err != nil {
		t.Fatal(err)
	}
	base := kb.BaseFiles()
	n := 0
	err := fs.WalkDir(base, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want, _ := fs.ReadFile(base, name)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return nil
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from the embedded file", name)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, _ error) error {
		if !d.IsDir() {
			written++
		}
		return nil
	})
	if written != n {
		t.Errorf("%d files written, the base has %d", written, n)
	}
}

func TestImport(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, ":memory:")
	e := newEditor(t, db)
	dir := t.TempDir()
	if err := e.Export(dir); err != nil {
		t.Fatal(err)
	}
	plan, err := e.Import(ctx, "cli:alice", dir, false)
	if err != nil || len(plan.Items) != 0 {
		t.Fatalf("importing the export: %+v %v", plan, err)
	}
	edit(t, filepath.Join(dir, "en", "cancel-order.md"), "title: How do I cancel an author copy order?", "title: Cancelling an author copy order")
	for _, lang := range e.Current().Languages() {
		os.Remove(filepath.Join(dir, lang, "curled-cover.md"))
	}
	plan, err = e.Import(ctx, "cli:alice", dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Items) != 2 || plan.Items[0].Topic != "cancel-order" || plan.Items[0].What != "edit" ||
		!slices.Equal(plan.Items[0].Fields["en"], []string{"title"}) || plan.Items[1].What != "hide" || plan.Saved {
		t.Fatalf("plan = %+v", plan)
	}
	if v, _ := db.KBVersion(ctx); v != 0 {
		t.Fatal("a dry run stored something")
	}
	plan, err = e.Import(ctx, "cli:alice", dir, true)
	if err != nil || !plan.Saved || len(plan.Changes) != 2 {
		t.Fatalf("apply: %+v %v", plan, err)
	}
	if got, _ := e.Current().Entry("cancel-order", "en"); got.Title != "Cancelling an author copy order" {
		t.Fatalf("title = %q", got.Title)
	}
	if plan, err = e.Import(ctx, "cli:alice", dir, true); err != nil || len(plan.Items) != 0 {
		t.Fatalf("importing it again: %+v %v", plan, err)
	}
	// A topic added since the export is not in the directory: importing
	// it hides the topic, as for the base's.
	add := kb.Entry{ID: "proof-copy-returns", Theme: "proofs", Title: "Can I return a proof copy?",
		Sources: []string{"KDP Help: Proof Copies"}, Body: "No."}
	if _, err := e.AddTopic(ctx, "mod", add, true); err != nil {
		t.Fatal(err)
	}
	plan, err = e.Import(ctx, "cli:alice", dir, false)
	if err != nil || len(plan.Items) != 1 || plan.Items[0].Topic != "proof-copy-returns" || plan.Items[0].What != "hide" {
		t.Fatalf("import without the added topic: %+v %v", plan, err)
	}
	// An invalid directory: every problem, nothing stored.
	edit(t, filepath.Join(dir, "fr", "cart-empty.md"), "theme: cart", "theme: nowhere")
	edit(t, filepath.Join(dir, "de", "cart-empty.md"), "verified: ", "verified: 20")
	_, err = e.Import(ctx, "cli:alice", dir, true)
	var inv kbedit.Invalid
	if !errors.As(err, &inv) || len(inv.Problems) < 3 {
		t.Fatalf("err = %v", err)
	}
	if v, _ := db.KBVersion(ctx); v != 3 {
		t.Fatalf("version = %d after a refused import", v)
	}
}

// edit replaces old with new in the file at path, failing when old is not
// there.
func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEditFieldsIsOneVersion(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, ":memory:")
	e := newEditor(t, db)
	res, err := e.EditFields(ctx, "mod", "cart-empty", "en", map[string]string{
		"title": "A new title", "body": "A new body.", "aliases": "empty basket\nbasket empty"}, true)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := res.KB.Entry("cart-empty", "en")
	if got.Title != "A new title" || got.Body != "A new body." || len(got.Aliases) != 2 {
		t.Errorf("entry after the edit: %q, %q, %q", got.Title, got.Body, got.Aliases)
	}
	hist, _ := e.History(ctx, "cart-empty")
	if len(hist) != 1 {
		t.Errorf("%d versions, want one for the whole form", len(hist))
	}
	if _, err := e.EditFields(ctx, "mod", "cart-empty", "en", map[string]string{"title": "", "body": "x"}, true); err == nil {
		t.Error("an empty title was stored")
	}
	if hist, _ := e.History(ctx, "cart-empty"); len(hist) != 1 {
		t.Errorf("a refused form stored something: %d versions", len(hist))
	}
}
