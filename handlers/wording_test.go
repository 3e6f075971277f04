package handlers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/i18n"
)

// notWords are the string literals of the handlers that may reach an
// author without being catalog messages: they are no language, only
// syntax, names and separators.
var notWords = map[string]bool{
	"%s":        true, // bot.Say("%s", p.T(…)): a message written already
	"ISBN ":     true, // a reply's title: "ISBN 9780306406157"
	"⚠ ":        true, // marks a caveat
	" · ":       true, // separates the parts of a list item
	"#%d":       true, // an order's number
	"; ":        true,
	", ":        true,
	" (":        true, // "amazon.fr (fr)", a marketplace's code
	")":         true,
	"/help ":    true, // a command
	"15:04 MST": true, // a time's layout
}

// wordRE finds language in a literal: two letters in a row.
var wordRE = regexp.MustCompile(`\pL\pL`)

// replyFields are the fields of bot values whose text an author reads.
var replyFields = map[string]bool{
	"Text": true, "Title": true, "Label": true, "ButtonPrompt": true, "Source": true, "Message": true,
}

// handlerFiles parses the handlers' own files, tests left out.
func handlerFiles(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}

// messageCall reports whether call writes a catalog message, and the index
// of its id among the call's arguments: p.T(id, …), fail(p, code, id, …),
// i18n.M(id, …).
func messageCall(call *ast.CallExpr) (int, bool) {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		if fn.Name == "fail" {
			return 2, true
		}
	case *ast.SelectorExpr:
		if fn.Sel.Name == "T" {
			return 0, true
		}
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "i18n" && fn.Sel.Name == "M" {
			return 0, true
		}
	}
	return 0, false
}

// literals returns the string literals of e that would be shown as they
// are: those of concatenations and of fmt calls, not a message's id and
// argument names.
func literals(e ast.Expr) []*ast.BasicLit {
	var out []*ast.BasicLit
	ast.Inspect(e, func(n ast.Node) bool {
		switch v := n.(type) {
		case *ast.BasicLit:
			if v.Kind == token.STRING {
				out = append(out, v)
			}
		case *ast.CallExpr:
			if i, ok := messageCall(v); ok {
				// Only the values of the arguments are shown.
				for j := i + 2; j < len(v.Args); j += 2 {
					out = append(out, literals(v.Args[j])...)
				}
				return false
			}
		case *ast.IndexExpr, *ast.FuncLit:
			return false // a table lookup (ids), a function's body
		}
		return true
	})
	return out
}

// shownLiterals returns every literal of the handlers that reaches an
// author: in a reply's or an error's text, a button's label, a field's
// name, an argument of a message.
func shownLiterals(t *testing.T) map[string][]string {
	t.Helper()
	fset, files := handlerFiles(t)
	shown := map[string][]string{}
	add := func(es ...ast.Expr) {
		for _, e := range es {
			for _, lit := range literals(e) {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				shown[s] = append(shown[s], fset.Position(lit.Pos()).String())
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch v := n.(type) {
			case *ast.CallExpr:
				if sel, ok := v.Fun.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "bot" && (sel.Sel.Name == "Say" || sel.Sel.Name == "Errorf") {
						add(v.Args...)
					}
				}
				if i, ok := messageCall(v); ok {
					for j := i + 2; j < len(v.Args); j += 2 {
						add(v.Args[j])
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := v.Key.(*ast.Ident); ok && replyFields[k.Name] {
					add(v.Value)
				}
			case *ast.AssignStmt:
				for i, lhs := range v.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && replyFields[sel.Sel.Name] && i < len(v.Rhs) {
						add(v.Rhs[i])
					}
				}
			}
			return true
		})
	}
	return shown
}

// TestNoWordsOutsideTheCatalog fails when a handler shows an author a
// string literal that is not a catalog message: every sentence belongs in
// i18n/locales, in every language.
func TestNoWordsOutsideTheCatalog(t *testing.T) {
	for s, where := range shownLiterals(t) {
		if wordRE.MatchString(s) && !notWords[s] && !strings.HasPrefix(s, "https://") {
			t.Errorf("%s: %q is shown to authors but is not in the message catalog", where[0], s)
		}
	}
}

// TestShownLiteralsFindsWords shows that the scan above sees a literal in
// each place it looks.
func TestShownLiteralsFindsWords(t *testing.T) {
	shown := shownLiterals(t)
	for _, s := range []string{"ISBN ", "⚠ ", "%s"} {
		if len(shown[s]) == 0 {
			t.Errorf("the scan did not see %q", s)
		}
	}
}

// TestMessageIDsAndArguments checks every message the handlers write with
// a literal id: the id is in the catalog, and the arguments are named as
// the message's placeholders, each given and none left over.
func TestMessageIDsAndArguments(t *testing.T) {
	src, err := i18n.Default().Placeholders()
	if err != nil {
		t.Fatal(err)
	}
	fset, files := handlerFiles(t)
	seen := 0
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			i, ok := messageCall(call)
			if !ok || i >= len(call.Args) {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true // an id chosen at run time: the catalog tests write every message
			}
			id, _ := strconv.Unquote(lit.Value)
			where := fset.Position(lit.Pos())
			want, ok := src[id]
			if !ok {
				t.Errorf("%s: message %s is not in the catalog", where, id)
				return true
			}
			var got []string
			for j := i + 1; j < len(call.Args); j += 2 {
				name, ok := call.Args[j].(*ast.BasicLit)
				if !ok {
					return true
				}
				s, _ := strconv.Unquote(name.Value)
				got = append(got, s)
			}
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s is written with %v, its placeholders are %v", where, id, got, want)
			}
			seen++
			return true
		})
	}
	if seen < 200 {
		t.Errorf("checked only %d messages", seen)
	}
}

// TestWordingTablesInCatalog checks the ids in the handlers' tables.
func TestWordingTablesInCatalog(t *testing.T) {
	src, err := i18n.Default().Placeholders()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, w := range []wording{statusNames, problemNames, reminderStates, themeLabels} {
		for _, id := range w {
			ids = append(ids, id)
		}
	}
	for _, id := range actionVerbs {
		ids = append(ids, id)
	}
	ids = append(append(ids, weekdays[:]...), months[:]...)
	for _, id := range ids {
		if _, ok := src[id]; !ok {
			t.Errorf("%s is not in the catalog", id)
		}
	}
}
