package kb

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// exampleFiles holds labelled questions written for every topic, and for
// nearby subjects the knowledge base does not cover, independently of the
// test sets in testdata. The search learns from them how authors phrase
// each topic.
//
//go:embed examples/*.tsv
var exampleFiles embed.FS

// example is one labelled question: the topic that answers it, "" when
// no topic should.
type example struct {
	lang, topic, text string
	pos               string // file:line, for error messages
}

// readExamples reads every examples/*.tsv file of fsys, tab-separated with
// the header "lang	topic	question". A missing examples directory is
// no error: a knowledge base can be searched without examples.
func readExamples(fsys fs.FS) ([]example, []error) {
	names, err := fs.Glob(fsys, "examples/*.tsv")
	if err != nil {
		return nil, []error{fmt.Errorf("examples: %w", err)}
	}
	var out []example
	var errs []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		exs, fileErrs := parseExamples(name, string(data))
		out = append(out, exs...)
		errs = append(errs, fileErrs...)
	}
	return out, errs
}

// parseExamples parses one examples file named name.
func parseExamples(name, data string) ([]example, []error) {
	var out []example
	var errs []error
	lines := strings.Split(strings.ReplaceAll(data, "\r\n", "\n"), "\n")
	for n, line := range lines {
		pos := fmt.Sprintf("%s:%d", path.Clean(name), n+1)
		if n == 0 {
			if line != "lang\ttopic\tquestion" {
				errs = append(errs, fmt.Errorf("%s: header %q, want \"lang\\ttopic\\tquestion\"", pos, line))
			}
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			errs = append(errs, fmt.Errorf("%s: %d columns, want 3 (lang, topic, question)", pos, len(cols)))
			continue
		}
		ex := example{lang: cols[0], topic: cols[1], text: strings.TrimSpace(cols[2]), pos: pos}
		if Lang(ex.lang) != ex.lang {
			errs = append(errs, fmt.Errorf("%s: unknown lang %q, want one of %s", pos, ex.lang, strings.Join(languages(), ", ")))
			continue
		}
		if ex.text == "" {
			errs = append(errs, fmt.Errorf("%s: empty question", pos))
			continue
		}
		out = append(out, ex)
	}
	return out, errs
}

// checkExamples reports the examples whose topic the knowledge base does
// not have in their language, or that are in a language it is not written
// in.
func checkExamples(exs []example, entries []*Entry) []error {
	have := make(map[string]bool, len(entries))
	langs := make(map[string]bool)
	for _, e := range entries {
		have[e.Lang+"/"+e.ID] = true
		langs[e.Lang] = true
	}
	var errs []error
	for _, ex := range exs {
		if !langs[ex.lang] {
			errs = append(errs, fmt.Errorf("%s: no content in %s to learn for", ex.pos, ex.lang))
			continue
		}
		if ex.topic != "" && !have[ex.lang+"/"+ex.topic] {
			errs = append(errs, fmt.Errorf("%s: unknown topic %q in %s", ex.pos, ex.topic, ex.lang))
		}
	}
	return errs
}
