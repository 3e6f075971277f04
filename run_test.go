package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// env returns a getenv that sees only vars.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// runWith calls run with a scripted stdin and returns stdout and stderr.
func runWith(t *testing.T, args []string, vars map[string]string, stdin string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, env(vars), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// TestConsoleAnswers drives the whole program through the console with a
// scripted stdin and compares every reply with a golden file.
func TestConsoleAnswers(t *testing.T) {
	script := strings.Join([]string{
		"/ask my cart is empty",
		"the quantity in my cart is wrong",
		"/ask I can't find the Order Author Copies option",
		"/ask is a 2 mm shift a printing defect within tolerance?",
		"/ask mon panier est vide",
		"/help cart-quantity",
		"/ask what's the weather in Paris tomorrow?",
		"/help no-such-topic",
		"/frobnicate",
		"/order",
		"exit",
		"/ask this line is never read",
	}, "\n")
	db := filepath.Join(t.TempDir(), "bot.db")
	out, errOut, err := runWith(t, []string{"console", "--db", db, "--user", "alice"}, nil, script)
	if err != nil {
		t.Fatalf("run: %v (stderr %s)", err, errOut)
	}
	golden(t, "console-answers.golden", out)
}

func TestNoArgumentsOpensConsole(t *testing.T) {
	dir := t.TempDir()
	out, _, err := runWith(t, nil, map[string]string{"AUTHORBOT_DB": filepath.Join(dir, "a.db")}, "/ask my cart is empty\n")
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, want := range []string{"authorbot console", "AUTHORBOT_SLACK_SIGNING_SECRET", "AUTHORBOT_DISCORD_TOKEN", "My cart is empty"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "a.db")); err != nil {
		t.Errorf("database not created on first run: %v", err)
	}
}

func TestAskJSON(t *testing.T) {
	tests := []struct {
		args      []string
		topic     string
		lang      string
		declined  bool
		textWants string
	}{
		{[]string{"ask", "--json", "my cart is empty"}, "cart-empty", "en", false, "sign"},
		{[]string{"ask", "--json", "--lang", "fr", "my", "cart", "is", "empty"}, "cart-empty", "fr", false, "panier"},
		{[]string{"ask", "--json", "je ne trouve pas l'option commander des exemplaires d'auteur"}, "order-option-missing", "fr", false, "24"},
		{[]string{"ask", "--json", "what is the capital of France?"}, "", "en", true, "contact-us"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, _, err := runWith(t, tt.args, nil, "")
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			var got struct {
				Topic       string   `json:"topic"`
				Lang        string   `json:"lang"`
				Text        string   `json:"text"`
				Suggestions []string `json:"suggestions"`
				Score       *float64 `json:"score"`
			}
			dec := json.NewDecoder(strings.NewReader(out))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("output is not the JSON object: %v\n%s", err, out)
			}
			if dec.More() {
				t.Errorf("more than one JSON value in %q", out)
			}
			if got.Topic != tt.topic || got.Lang != tt.lang {
				t.Errorf("topic, lang = %q, %q; want %q, %q", got.Topic, got.Lang, tt.topic, tt.lang)
			}
			if got.Score == nil || got.Suggestions == nil {
				t.Errorf("score or suggestions missing: %s", out)
			}
			if tt.declined && len(got.Suggestions) > 3 {
				t.Errorf("declined with %d suggestions, want at most 3", len(got.Suggestions))
			}
			if !strings.Contains(got.Text, tt.textWants) {
				t.Errorf("text lacks %q: %s", tt.textWants, got.Text)
			}
		})
	}
}

func TestAskPlain(t *testing.T) {
	out, _, err := runWith(t, []string{"ask", "my", "cart", "is", "empty"}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "My cart is empty") || !strings.Contains(out, "Source: ") {
		t.Errorf("ask output:\n%s", out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, err := runWith(t, []string{"--version"}, nil, "")
	if err != nil || !strings.HasPrefix(out, "authorbot ") {
		t.Errorf("--version = %q, %v", out, err)
	}
	for _, args := range [][]string{{"--help"}, {"console", "--help"}, {"ask", "--help"}, {"serve", "--help"}, {"discord", "register", "--help"}} {
		out, _, err := runWith(t, args, nil, "")
		if err != nil {
			t.Errorf("%v: err %v", args, err)
		}
		if !strings.Contains(strings.ToLower(out), "usage") && !strings.Contains(out, "-") {
			t.Errorf("%v printed no usage: %q", args, out)
		}
	}
}

func TestConfigProblemsNamedTogether(t *testing.T) {
	_, _, err := runWith(t, []string{"serve"}, map[string]string{
		"AUTHORBOT_SLACK_APP_TOKEN":    "not-a-token",
		"AUTHORBOT_DISCORD_PUBLIC_KEY": "zz",
		"AUTHORBOT_HTTP_ADDR":          "8080",
	}, "")
	if err == nil {
		t.Fatal("serve started with broken settings")
	}
	for _, want := range []string{"AUTHORBOT_SLACK_APP_TOKEN must start with xapp-", "also needs AUTHORBOT_SLACK_BOT_TOKEN", "AUTHORBOT_DISCORD_PUBLIC_KEY must be 64 hex", "AUTHORBOT_HTTP_ADDR"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "not-a-token") {
		t.Errorf("error repeats a secret: %v", err)
	}
}

// wantMetric fetches /metrics from the server at base and checks that it
// has the line want.
func wantMetric(t *testing.T, base, want string) {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), want) {
		t.Errorf("/metrics lacks %s; its verification lines:\n%s", want, grepLines(string(b), "verification"))
	}
}

// TestCIRunsTheReadmeTestCommand checks that .ci/run runs the command the
// README gives under **Test**, so that the two cannot drift apart.
func TestCIRunsTheReadmeTestCommand(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "**Test**")
	if !ok {
		t.Fatal("README.md has no **Test** paragraph")
	}
	_, block, ok := strings.Cut(after, "```sh\n")
	if !ok {
		t.Fatal("the **Test** paragraph has no sh block")
	}
	command, _, _ := strings.Cut(block, "\n")
	ci, err := os.ReadFile(filepath.Join(".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(ci)), "\n")
	if last := lines[len(lines)-1]; last != command {
		t.Errorf(".ci/run ends with %q; the README's test command is %q", last, command)
	}
}

// TestReadmeBuildsTheCommand checks that the README says how to build the
// authorbot command before its sections run it.
func TestReadmeBuildsTheCommand(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	build := strings.Index(s, "go build -o authorbot .")
	first := strings.Index(s, "authorbot serve\n")
	if build < 0 || first < 0 || build > first {
		t.Errorf("go build -o authorbot . at %d, the first authorbot serve at %d: build first", build, first)
	}
}
