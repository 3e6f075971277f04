package kb

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
)

// Overlay is what moderators changed of the embedded content, for
// LoadOverlay. The embedded content stays the base: an overlay only names
// files that replace or add to it and topics it leaves out.
type Overlay struct {
	// Files replaces or adds content files by path, "<lang>/<id>.md".
	Files map[string][]byte
	// Hidden lists topics left out in every language. A related link to a
	// hidden topic is dropped from the topics that have it, and the
	// labelled questions of a hidden topic are not learnt, so hiding one
	// needs no other change to load.
	Hidden map[string]bool
}

// LoadOverlay loads the embedded content with o laid over it, validated
// as Load validates the embedded content alone: every problem is reported
// at once, each naming its file, and no KB is returned while there is one.
func LoadOverlay(o Overlay) (*KB, error) {
	fsys, err := overlayFS(BaseFiles(), o)
	if err != nil {
		return nil, fmt.Errorf("kb: embedded content: %w", err)
	}
	return loadHiding(fsys, exampleFiles, defaultTuning(), o.Hidden)
}

// overlayFS is base with o's files in place of its own and without the
// files of hidden topics. fstest.MapFS is an in-memory fs.FS of the
// standard library; the content is small enough to hold.
func overlayFS(base fs.FS, o Overlay) (fs.FS, error) {
	m := fstest.MapFS{}
	err := fs.WalkDir(base, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(base, name)
		if err != nil {
			return err
		}
		m[name] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name, data := range o.Files {
		m[path.Clean(name)] = &fstest.MapFile{Data: data}
	}
	for name := range m {
		if id, ok := strings.CutSuffix(path.Base(name), ".md"); ok && o.Hidden[id] {
			delete(m, name)
		}
	}
	return m, nil
}

// hide drops the entries of hidden topics and the related links to them.
func hide(entries []*Entry, hidden map[string]bool) []*Entry {
	if len(hidden) == 0 {
		return entries
	}
	out := entries[:0:0]
	for _, e := range entries {
		if hidden[e.ID] {
			continue
		}
		if slices.ContainsFunc(e.Related, func(id string) bool { return hidden[id] }) {
			c := *e
			c.Related = slices.DeleteFunc(slices.Clone(e.Related), func(id string) bool { return hidden[id] })
			e = &c
		}
		out = append(out, e)
	}
	return out
}

// hideExamples drops the labelled questions of hidden topics.
func hideExamples(exs []example, hidden map[string]bool) []example {
	if len(hidden) == 0 {
		return exs
	}
	return slices.DeleteFunc(slices.Clone(exs), func(ex example) bool { return hidden[ex.topic] })
}
