// Package schema reads the numbered migrations both database engines
// apply: files NNNN_name.sql, embedded in the binary, run in order. Each
// engine records how far its database has come in its own way (SQLite in
// PRAGMA user_version, PostgreSQL in a table) and takes its own lock while
// it applies a step, so that two processes starting together apply each
// step once.
//
// A step is never edited once released: a change is a new file with the
// next number.
package schema

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Step is one migration.
type Step struct {
	Version int
	Name    string // the file's name, for the log
	SQL     string
}

// Read lists the NNNN_name.sql files of fsys in order and checks that
// their numbers run 1, 2, 3… without gaps or repeats.
func Read(fsys fs.FS) ([]Step, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var list []Step
	for _, name := range names {
		num, _, ok := strings.Cut(path.Base(name), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || v < 1 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", name, err)
		}
		list = append(list, Step{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Version < list[j].Version })
	for i, m := range list {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %04d", m.Name, i+1)
		}
	}
	return list, nil
}
