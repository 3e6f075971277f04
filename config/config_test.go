package config

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func getenv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestDefaults(t *testing.T) {
	c, err := Load([]string{"console"}, getenv(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Command != "console" || c.DBPath != filepath.Join("data", "authorbot.db") || c.HTTPAddr != ":8080" || c.User != "local" {
		t.Errorf("defaults = %+v", c)
	}
}

func TestSecretFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(path, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load([]string{"serve"}, getenv(map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET_FILE": path}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Slack.SigningSecret != "s3cret" {
		t.Errorf("signing secret = %q, want the file's trimmed content", c.Slack.SigningSecret)
	}
	_, err = Load([]string{"serve"}, getenv(map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET_FILE": path + ".missing"}), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "AUTHORBOT_SLACK_SIGNING_SECRET_FILE: cannot read") {
		t.Errorf("missing secret file: %v", err)
	}
	key := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(key, []byte(testPublicKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err = Load([]string{"serve"}, getenv(map[string]string{"AUTHORBOT_DISCORD_PUBLIC_KEY_FILE": key}), io.Discard)
	if err != nil || c.Discord.PublicKey != testPublicKey {
		t.Errorf("public key from a file = %q, %v", c.Discord.PublicKey, err)
	}
}

// testPublicKey is an Ed25519 public key: RFC 8032's first test vector.
const testPublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

func TestProblems(t *testing.T) {
	tests := []struct {
		args []string
		vars map[string]string
		want string
	}{
		{[]string{"serve"}, nil, "serve has nothing to run"},
		{[]string{"discord", "register"}, nil, "discord register needs AUTHORBOT_DISCORD_TOKEN"},
		{[]string{"discord"}, nil, "usage: authorbot discord register"},
		{[]string{"admin"}, nil, "usage: authorbot admin link"},
		{[]string{"admin", "links"}, nil, "usage: authorbot admin link"},
		{[]string{"fly"}, nil, `unknown command "fly"`},
		{[]string{"ask"}, nil, "ask needs a question"},
		{[]string{"ask", "--lang", "ja", "hi"}, nil, "--lang must be one of en, fr, de, es, it, pt or nl"},
		{[]string{"serve"}, map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET": "x", "AUTHORBOT_SLACK_BOT_TOKEN": "bad"}, "must start with xoxb-"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := Load(tt.args, getenv(tt.vars), io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%v) error %v, want %q", tt.args, err, tt.want)
			}
		})
	}
}

// slackHTTP is a valid Slack setup over HTTP, for tests to spoil one
// setting of.
func slackHTTP() map[string]string {
	return map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99yyyzzz85a5", "AUTHORBOT_SLACK_BOT_TOKEN": "xoxb-17-42-abc"}
}

// with returns vars with the given settings added.
func with(vars map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range vars {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// TestEverySettingChecked spoils one setting at a time, from a start that
// loads: each bad value stops the start with a problem that names it, and
// no problem repeats a secret.
func TestEverySettingChecked(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	secretFile := filepath.Join(dir, "token")
	if err := os.WriteFile(secretFile, []byte("xoxb-from-a-file"), 0o600); err != nil {
		t.Fatal(err)
	}
	serve := []string{"serve"}
	tests := []struct {
		name string
		args []string
		vars map[string]string
		want string
	}{
		{"log level", serve, with(slackHTTP(), "AUTHORBOT_LOG_LEVEL", "loud"), `AUTHORBOT_LOG_LEVEL must be debug, info, warn or error, not "loud"`},
		{"log level on the console", []string{"console"}, map[string]string{"AUTHORBOT_LOG_LEVEL": "verbose"}, "AUTHORBOT_LOG_LEVEL must be"},
		{"addr without a port", serve, with(slackHTTP(), "AUTHORBOT_HTTP_ADDR", "8080"), "is not host:port"},
		{"addr with a URL", serve, with(slackHTTP(), "AUTHORBOT_HTTP_ADDR", "http://localhost:8080"), "is not host:port"},
		{"addr with a named port", serve, with(slackHTTP(), "AUTHORBOT_HTTP_ADDR", ":http"), "the port must be a number"},
		{"addr with a port too large", serve, with(slackHTTP(), "AUTHORBOT_HTTP_ADDR", ":80800"), "the port must be a number from 0 to 65535"},
		{"addr with a path", serve, with(slackHTTP(), "AUTHORBOT_HTTP_ADDR", "localhost:8080/"), "the port must be a number"},
		{"addr with a bad host", serve, with(slackHTTP(), "AUTHORBOT_HTTP_ADDR", "local_host:8080"), `"local_host" is not an IP address or host name`},
		{"--addr", []string{"serve", "--addr", "nowhere"}, slackHTTP(), `AUTHORBOT_HTTP_ADDR (or --addr) "nowhere"`},
		{"empty --db", []string{"serve", "--db", ""}, slackHTTP(), "AUTHORBOT_DB (or --db) must not be empty"},
		{"db with a query", serve, with(slackHTTP(), "AUTHORBOT_DB", "a.db?mode=ro"), "must not contain ? or #"},
		{"db is a directory", serve, with(slackHTTP(), "AUTHORBOT_DB", dir), "is a directory; name the database file"},
		{"bot token prefix", serve, with(slackHTTP(), "AUTHORBOT_SLACK_BOT_TOKEN", "abc"), "AUTHORBOT_SLACK_BOT_TOKEN must start with xoxb-"},
		{"bot token swapped", serve, with(slackHTTP(), "AUTHORBOT_SLACK_BOT_TOKEN", "xapp-1-A1-2-s3"), "this one is an app-level token (xapp-…), which belongs in AUTHORBOT_SLACK_APP_TOKEN"},
		{"user token", serve, with(slackHTTP(), "AUTHORBOT_SLACK_BOT_TOKEN", "xoxp-1-2-3"), "this one is a user token (xoxp-…), which authorbot cannot use"},
		{"app token prefix", serve, map[string]string{"AUTHORBOT_SLACK_APP_TOKEN": "xoxb-1", "AUTHORBOT_SLACK_BOT_TOKEN": "xoxb-2"}, "AUTHORBOT_SLACK_APP_TOKEN must start with xapp-; this one is a bot token"},
		{"token with a line break", serve, with(slackHTTP(), "AUTHORBOT_SLACK_BOT_TOKEN", "xoxb-1\nxoxb-2"), "AUTHORBOT_SLACK_BOT_TOKEN contains a space or a line break"},
		{"signing secret with a space", serve, with(slackHTTP(), "AUTHORBOT_SLACK_SIGNING_SECRET", "ab cd"), "AUTHORBOT_SLACK_SIGNING_SECRET contains a space"},
		{"discord token with a space", serve, map[string]string{"AUTHORBOT_DISCORD_TOKEN": "abc def"}, "AUTHORBOT_DISCORD_TOKEN contains a space"},
		{"public key too short", serve, map[string]string{"AUTHORBOT_DISCORD_PUBLIC_KEY": "abcd"}, "AUTHORBOT_DISCORD_PUBLIC_KEY must be 64 hex characters (the Public Key on the application's General Information page); this one has 4"},
		{"public key not hex", serve, map[string]string{"AUTHORBOT_DISCORD_PUBLIC_KEY": strings.Repeat("zz", 32)}, "this one has 64, some of them not hexadecimal"},
		{"public key not a point", serve, map[string]string{"AUTHORBOT_DISCORD_PUBLIC_KEY": "02" + strings.Repeat("00", 31)}, "AUTHORBOT_DISCORD_PUBLIC_KEY is 64 hex characters but not an Ed25519 public key"},
		{"app id", serve, map[string]string{"AUTHORBOT_DISCORD_TOKEN": "tok", "AUTHORBOT_DISCORD_APP_ID": "authorbot"}, `AUTHORBOT_DISCORD_APP_ID must be the Application ID, digits only, not "authorbot"`},
		{"app id too long", serve, map[string]string{"AUTHORBOT_DISCORD_TOKEN": "tok", "AUTHORBOT_DISCORD_APP_ID": "123456789012345678901234567890"}, "AUTHORBOT_DISCORD_APP_ID must be"},
		{"guild", []string{"discord", "register", "--guild", "my server"}, map[string]string{"AUTHORBOT_DISCORD_TOKEN": "tok"}, `--guild must be a server id, digits only`},
		{"lang", []string{"console", "--lang", "ja"}, nil, `--lang must be one of en, fr, de, es, it, pt or nl, not "ja"`},
		{"lang with a region", []string{"console", "--lang", "pt-BR"}, nil, `--lang must be one of en, fr, de, es, it, pt or nl, not "pt-BR"`},
		{"empty user", []string{"console", "--user", " "}, nil, "--user must not be empty"},
		{"empty moderator", []string{"admin", "link", "--user", ""}, nil, "--user must not be empty (it names the moderator the link signs in)"},
		{"public URL without a scheme", serve, with(slackHTTP(), "AUTHORBOT_PUBLIC_URL", "bot.example.org"), `AUTHORBOT_PUBLIC_URL "bot.example.org" must be the bot's address`},
		{"public URL of another scheme", []string{"admin", "link"}, map[string]string{"AUTHORBOT_PUBLIC_URL": "ftp://bot.example.org"}, "AUTHORBOT_PUBLIC_URL"},
		{"public URL with a path", serve, with(slackHTTP(), "AUTHORBOT_PUBLIC_URL", "https://example.org/bot"), "with no path"},
		{"public URL with a query", serve, with(slackHTTP(), "AUTHORBOT_PUBLIC_URL", "https://bot.example.org/?a=1"), "AUTHORBOT_PUBLIC_URL"},
		{"bool flag", []string{"ask", "--json=maybe", "hi"}, nil, `invalid boolean value "maybe" for -json`},
		{"unknown flag", []string{"serve", "--port", "80"}, slackHTTP(), "flag provided but not defined: -port"},
		{"_FILE that points nowhere", serve, map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET_FILE": filepath.Join(dir, "missing")}, "AUTHORBOT_SLACK_SIGNING_SECRET_FILE: cannot read " + filepath.Join(dir, "missing") + ": no such file or directory"},
		{"_FILE that is a directory", serve, map[string]string{"AUTHORBOT_DISCORD_TOKEN_FILE": dir}, "AUTHORBOT_DISCORD_TOKEN_FILE: cannot read " + dir + ": is a directory"},
		{"_FILE that is empty", serve, map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET_FILE": empty}, "AUTHORBOT_SLACK_SIGNING_SECRET_FILE: " + empty + " is empty"},
		{"a setting and its _FILE", serve, with(slackHTTP(), "AUTHORBOT_SLACK_BOT_TOKEN_FILE", secretFile), "AUTHORBOT_SLACK_BOT_TOKEN and AUTHORBOT_SLACK_BOT_TOKEN_FILE are both set; keep one"},
		{"public key _FILE", serve, map[string]string{"AUTHORBOT_DISCORD_PUBLIC_KEY_FILE": filepath.Join(dir, "missing")}, "AUTHORBOT_DISCORD_PUBLIC_KEY_FILE: cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.args, getenv(tt.vars), io.Discard)
			if err == nil {
				t.Fatalf("Load accepted %v", tt.vars)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to say %q", err, tt.want)
			}
			for _, secret := range []string{"8f742231b10e8888abcd99yyyzzz85a5", "17-42-abc", "from-a-file", "A1-2-s3", "abc def"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error repeats a secret (%s): %v", secret, err)
				}
			}
		})
	}
}

// TestGoodSettingsLoad checks that the checks let through the values the
// README shows, and what authors really set.
func TestGoodSettingsLoad(t *testing.T) {
	tests := []struct {
		name string
		args []string
		vars map[string]string
	}{
		{"slack over HTTP", []string{"serve"}, slackHTTP()},
		{"slack socket mode", []string{"serve"}, map[string]string{"AUTHORBOT_SLACK_APP_TOKEN": "xapp-1-A1-2-s3", "AUTHORBOT_SLACK_BOT_TOKEN": "xoxb-1"}},
		{"discord", []string{"serve"}, map[string]string{"AUTHORBOT_DISCORD_TOKEN": "Bot MTA.x.y", "AUTHORBOT_DISCORD_PUBLIC_KEY": strings.ToUpper(testPublicKey[:32]) + testPublicKey[32:], "AUTHORBOT_DISCORD_APP_ID": "1234567890123456789"}},
		{"addresses", []string{"serve", "--addr", "[::1]:0"}, with(slackHTTP(), "AUTHORBOT_LOG_LEVEL", "DEBUG")},
		{"host name", []string{"serve"}, with(slackHTTP(), "AUTHORBOT_HTTP_ADDR", "bot.example.com:8443", "AUTHORBOT_LOG_LEVEL", "warn")},
		{"console", []string{"console", "--user", "alice", "--lang", "fr", "--db", ":memory:"}, map[string]string{"AUTHORBOT_LOG_LEVEL": "error"}},
		{"register", []string{"discord", "register", "--guild", "81384788765712384"}, map[string]string{"AUTHORBOT_DISCORD_TOKEN": "tok"}},
		{"admin link", []string{"admin", "link", "--user", "maria", "--db", ":memory:"}, nil},
		{"public URL", []string{"serve"}, with(slackHTTP(), "AUTHORBOT_PUBLIC_URL", "https://bot.example.org:8443/")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Load(tt.args, getenv(tt.vars), io.Discard); err != nil {
				t.Errorf("Load(%v): %v", tt.args, err)
			}
		})
	}
}

// TestLangs checks that --lang takes each of the bot's seven languages,
// on the console and for a single question.
func TestLangs(t *testing.T) {
	for _, lang := range []string{"en", "fr", "de", "es", "it", "pt", "nl"} {
		for _, args := range [][]string{{"console", "--lang", lang}, {"ask", "--lang", lang, "hi"}} {
			c, err := Load(args, getenv(nil), io.Discard)
			if err != nil {
				t.Errorf("Load(%v): %v", args, err)
			} else if c.Lang != lang {
				t.Errorf("Load(%v).Lang = %q", args, c.Lang)
			}
		}
	}
}

// TestProblemsNamedTogether sets several bad values at once: one error
// names each of them, one per line.
func TestProblemsNamedTogether(t *testing.T) {
	_, err := Load([]string{"serve", "--addr", "8080"}, getenv(map[string]string{
		"AUTHORBOT_LOG_LEVEL":          "loud",
		"AUTHORBOT_SLACK_APP_TOKEN":    "not-a-token",
		"AUTHORBOT_DISCORD_PUBLIC_KEY": "zz",
		"AUTHORBOT_DISCORD_APP_ID":     "app",
		"AUTHORBOT_DISCORD_TOKEN_FILE": filepath.Join(t.TempDir(), "missing"),
	}), io.Discard)
	if err == nil {
		t.Fatal("Load accepted broken settings")
	}
	want := []string{
		`AUTHORBOT_DISCORD_TOKEN_FILE: cannot read`,
		`AUTHORBOT_HTTP_ADDR (or --addr) "8080" is not host:port`,
		`AUTHORBOT_LOG_LEVEL must be debug, info, warn or error, not "loud"`,
		`AUTHORBOT_SLACK_APP_TOKEN must start with xapp-`,
		`AUTHORBOT_DISCORD_PUBLIC_KEY must be 64 hex characters`,
		`AUTHORBOT_DISCORD_APP_ID must be the Application ID`,
		`Socket Mode (AUTHORBOT_SLACK_APP_TOKEN) also needs AUTHORBOT_SLACK_BOT_TOKEN`,
	}
	lines := strings.Split(err.Error(), "\n")
	if lines[0] != "configuration problems:" || len(lines) != len(want)+1 {
		t.Fatalf("error has %d lines, want a heading and %d problems:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i+1], "  - "+w) {
			t.Errorf("problem %d = %q, want it to start with %q", i+1, lines[i+1], w)
		}
	}
	if strings.Contains(err.Error(), "not-a-token") {
		t.Errorf("error repeats a secret: %v", err)
	}
}

func TestKBCommands(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		command string
		apply   bool
		problem string
	}{
		{[]string{"kb", "export", "out"}, "kb export", false, ""},
		{[]string{"kb", "import", "--apply", "--db", "x.db", "out"}, "kb import", true, ""},
		{[]string{"kb", "import", "out", "--apply"}, "", false, "flags go before the directory: authorbot kb import --apply out"},
		{[]string{"kb", "export"}, "", false, "kb export needs one directory"},
		{[]string{"kb", "list"}, "", false, "usage: authorbot kb export DIR"},
	} {
		c, err := Load(tc.args, func(string) string { return "" }, io.Discard)
		if tc.problem != "" {
			if err == nil || !strings.Contains(err.Error(), tc.problem) {
				t.Errorf("%v: err = %v, want %q", tc.args, err, tc.problem)
			}
			continue
		}
		if err != nil || c.Command != tc.command || c.Apply != tc.apply || len(c.Args) != 1 {
			t.Errorf("%v: %+v %v", tc.args, c, err)
		}
	}
}

func TestPostgresURL(t *testing.T) {
	const u = "postgres://bot:s3cret@db.internal:5432/authorbot?sslmode=require"
	for _, args := range [][]string{{"console"}, {"serve", "--db", u}} {
		vars := slackHTTP()
		if len(args) == 1 {
			vars["AUTHORBOT_DB"] = u
		}
		c, err := Load(args, getenv(vars), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if c.DBURL != u || c.DBPath != "" {
			t.Errorf("%v: DBURL %q, DBPath %q; want the URL and no file", args, c.DBURL, c.DBPath)
		}
		if r := c.Redacted(); strings.Contains(r, "s3cret") || !strings.Contains(r, "db.internal") {
			t.Errorf("Redacted() = %q", r)
		}
	}
	// A file path keeps SQLite.
	c, err := Load([]string{"console"}, getenv(map[string]string{"AUTHORBOT_DB": "data/postgres.db"}), io.Discard)
	if err != nil || c.DBURL != "" || c.DBPath != "data/postgres.db" {
		t.Errorf("a file named postgres: %+v, %v", c, err)
	}
	// From a file, as a secret.
	path := filepath.Join(t.TempDir(), "db")
	os.WriteFile(path, []byte(u+"\n"), 0o600)
	c, err = Load([]string{"console"}, getenv(map[string]string{"AUTHORBOT_DB_FILE": path}), io.Discard)
	if err != nil || c.DBURL != u {
		t.Errorf("AUTHORBOT_DB_FILE: %q, %v", c.DBURL, err)
	}
	// A malformed one is refused without being repeated.
	_, err = Load([]string{"console"}, getenv(map[string]string{"AUTHORBOT_DB": "postgres://bot:s3cret@/x"}), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "names no host") || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("no host: %v", err)
	}
	_, err = Load([]string{"console"}, getenv(map[string]string{"AUTHORBOT_DB": "postgres://bot:s3%zzcret@h/x"}), io.Discard)
	if err == nil || strings.Contains(err.Error(), "s3") {
		t.Errorf("bad URL: %v", err)
	}
}

func TestReminderEvery(t *testing.T) {
	c, err := Load([]string{"console"}, getenv(map[string]string{"AUTHORBOT_REMINDER_EVERY": "2s"}), io.Discard)
	if err != nil || c.RemindEvery != 2*time.Second {
		t.Errorf("RemindEvery = %v, %v", c.RemindEvery, err)
	}
	for _, bad := range []string{"soon", "1ms"} {
		if _, err := Load([]string{"console"}, getenv(map[string]string{"AUTHORBOT_REMINDER_EVERY": bad}), io.Discard); err == nil {
			t.Errorf("AUTHORBOT_REMINDER_EVERY=%s accepted", bad)
		}
	}
}
