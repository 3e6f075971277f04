// Package config reads authorbot's settings from the command line and the
// environment. Secrets come from the environment, or from a file that a
// *_FILE variable names, never from flags (flags show up in process lists).
package config

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"filippo.io/edwards25519"
)

// Config is everything a run of authorbot needs to know.
type Config struct {
	// Command is the subcommand: "console", "ask", "serve", "discord
	// register", "admin link", "kb export" or "kb import".
	Command string
	// Args are the arguments left after the flags (the question for "ask").
	Args []string

	DBPath   string // SQLite file; its directory is created on first run. "" with DBURL
	HTTPAddr string
	LogLevel string // debug, info, warn or error; "" for the command's default
	User     string // console user id
	Lang     string // explicit answer language, one of langList ("" = detect)
	JSON     bool   // ask: one JSON object
	Guild    string // discord register: guild id for instant updates
	Apply    bool   // kb import: store the changes (a dry run otherwise)

	// DBURL is the PostgreSQL database (postgres://…) when AUTHORBOT_DB
	// (or --db) names one instead of a file; it may hold a password, so it
	// is never logged or shown (Redacted is).
	DBURL string
	// RemindEvery is how often the reminder scheduler looks for due
	// reminders; 0 for its default.
	RemindEvery time.Duration

	Slack   Slack
	Discord Discord
	Mod     Moderation

	// PublicURL is the address that reaches serve from outside
	// (https://bot.example.org, AUTHORBOT_PUBLIC_URL), "" when unset; the
	// Slack install's redirect URL and the dashboard's sign-in links are
	// made from it.
	PublicURL string
	// SecretKey is the 32-byte key that encrypts what the database keeps
	// secret (the bot tokens of the workspaces that installed the app);
	// nil when unset.
	SecretKey []byte
}

// Slack holds the Slack app's settings.
type Slack struct {
	SigningSecret string
	BotToken      string
	AppToken      string // Socket Mode

	// ClientID and ClientSecret are the app's OAuth credentials: with
	// them, any workspace can install the app (GET /slack/install).
	ClientID, ClientSecret string
	// APIURL is the Web API's base URL, with its trailing slash; "" means
	// Slack's own (GovSlack and local fakes use another).
	APIURL string
}

// OAuth reports whether workspaces install the app through Slack's OAuth
// flow, each with a bot token of its own.
func (s Slack) OAuth() bool { return s.ClientID != "" || s.ClientSecret != "" }

// Discord holds the Discord application's settings.
type Discord struct {
	Token     string
	PublicKey string // hex Ed25519 key for HTTP interactions
	AppID     string
	// ShardID and ShardCount say which of the gateway's shards this
	// process holds (0 of 1 unless set).
	ShardID, ShardCount int
}

// Enabled reports whether any Slack setting is present.
func (s Slack) Enabled() bool { return s.SigningSecret != "" || s.AppToken != "" }

// Enabled reports whether any Discord setting is present.
func (d Discord) Enabled() bool { return d.Token != "" || d.PublicKey != "" }

// ErrHelp is returned when --help was asked for; the usage text has been
// written to the output given to Load.
var ErrHelp = flag.ErrHelp

// Usage texts, one per subcommand.
const mainUsage = `authorbot answers self-published authors' questions about KDP author
copies and keeps track of their copy orders, on Slack, Discord or a local console.

Usage:
  authorbot                       open the console (or serve, when platform tokens are set)
  authorbot console [flags]       read commands from standard input
  authorbot ask [flags] QUESTION  answer one question and exit
  authorbot serve [flags]         run the Slack and Discord adapters that are configured
  authorbot discord register      register the slash commands with Discord
  authorbot admin link            print a one-time sign-in link to the moderators' dashboard
  authorbot kb export DIR         write the knowledge base in effect as Markdown files
  authorbot kb import [--apply] DIR  store a directory's differences as moderators' changes
  authorbot --version             print the version

Run "authorbot COMMAND --help" for a command's flags.

Environment:
  AUTHORBOT_DB                    SQLite database file (default data/authorbot.db),
                                  or a PostgreSQL URL, postgres://user:password@host/dbname
  AUTHORBOT_REMINDER_EVERY        how often due reminders are looked for (default 30s)
  AUTHORBOT_HTTP_ADDR             HTTP listen address for serve (default :8080)
  AUTHORBOT_LOG_LEVEL             debug, info, warn or error (default info; warn on the console)
  AUTHORBOT_PUBLIC_URL            the address serve is reached at, for dashboard links
                                  (default http://127.0.0.1:PORT; https makes the cookie Secure)
  AUTHORBOT_SLACK_SIGNING_SECRET  Slack signing secret (enables POST /slack/...)
  AUTHORBOT_SLACK_BOT_TOKEN       Slack bot token (xoxb-...)
  AUTHORBOT_SLACK_APP_TOKEN       Slack app-level token (xapp-...) for Socket Mode
  AUTHORBOT_DISCORD_TOKEN         Discord bot token (gateway mode and registration)
  AUTHORBOT_DISCORD_PUBLIC_KEY    Discord public key, hex (HTTP interactions)
  AUTHORBOT_DISCORD_APP_ID        Discord application id (registration)
  AUTHORBOT_DISCORD_SHARD_ID      gateway shard this process holds, from 0 (default 0)
  AUTHORBOT_DISCORD_SHARD_COUNT   number of gateway shards in all (default 1)
  AUTHORBOT_SLACK_CLIENT_ID       Slack app's client id (enables GET /slack/install for many workspaces)
  AUTHORBOT_SLACK_CLIENT_SECRET   Slack app's client secret
  AUTHORBOT_SLACK_API_URL         Slack Web API base URL (default https://slack.com/api/)
  AUTHORBOT_PUBLIC_URL            the public https:// address of serve (the install's redirect URL)
  AUTHORBOT_SECRET_KEY            32-byte key, 64 hex characters, that encrypts stored tokens
` + moderationUsage + `Each Slack and Discord setting, and AUTHORBOT_SECRET_KEY, may instead be read from a file
named by the same variable with _FILE appended (set one of the two); so may AUTHORBOT_DB.
`

// Load parses args (without the program name) and the environment.
// Every setting is checked, and the problems are reported together in one
// error, so that one start names all of them. No problem repeats a secret.
func Load(args []string, getenv func(string) string, out io.Writer) (Config, error) {
	var c Config
	var problems []string
	db := getenv("AUTHORBOT_DB")
	if getenv("AUTHORBOT_DB_FILE") != "" {
		// A PostgreSQL URL holds a password: it may come from a file.
		db, _ = readSecretInto(&problems, "AUTHORBOT_DB", getenv)
	}
	c.DBPath = orDefault(db, filepath.Join("data", "authorbot.db"))
	if every := getenv("AUTHORBOT_REMINDER_EVERY"); every != "" {
		d, err := time.ParseDuration(every)
		if err != nil || d < 100*time.Millisecond {
			problems = append(problems, fmt.Sprintf("AUTHORBOT_REMINDER_EVERY %q must be a duration of 100ms or more, e.g. 30s", every))
		}
		c.RemindEvery = d
	}
	c.HTTPAddr = orDefault(getenv("AUTHORBOT_HTTP_ADDR"), ":8080")
	c.LogLevel = strings.ToLower(strings.TrimSpace(getenv("AUTHORBOT_LOG_LEVEL")))
	secret := func(name string) string {
		v, err := readSecret(name, getenv)
		if err != nil {
			problems = append(problems, err.Error())
		}
		return v
	}
	c.Slack = Slack{
		SigningSecret: secret("AUTHORBOT_SLACK_SIGNING_SECRET"),
		BotToken:      secret("AUTHORBOT_SLACK_BOT_TOKEN"),
		AppToken:      secret("AUTHORBOT_SLACK_APP_TOKEN"),
	}
	c.Discord = Discord{
		Token:     secret("AUTHORBOT_DISCORD_TOKEN"),
		PublicKey: secret("AUTHORBOT_DISCORD_PUBLIC_KEY"),
		AppID:     secret("AUTHORBOT_DISCORD_APP_ID"),
	}
	problems = append(problems, c.loadScale(getenv, secret)...)

	mod, modProblems := loadModeration(getenv)
	c.Mod, problems = mod, append(problems, modProblems...)

	cmd, rest := "", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	if cmd == "discord" {
		if len(rest) == 0 || rest[0] != "register" {
			return c, fmt.Errorf("usage: authorbot discord register [--guild ID]")
		}
		cmd, rest = "discord register", rest[1:]
	}
	if cmd == "admin" {
		if len(rest) == 0 || rest[0] != "link" {
			return c, fmt.Errorf("usage: authorbot admin link [--db FILE] [--user NAME]")
		}
		cmd, rest = "admin link", rest[1:]
	}
	if cmd == "kb" {
		if len(rest) == 0 || (rest[0] != "export" && rest[0] != "import") {
			return c, fmt.Errorf("usage: authorbot kb export DIR | authorbot kb import [--apply] DIR")
		}
		cmd, rest = "kb "+rest[0], rest[1:]
	}
	fs := flag.NewFlagSet("authorbot "+cmd, flag.ContinueOnError)
	fs.SetOutput(out)
	version := false
	switch cmd {
	case "":
		fs.BoolVar(&version, "version", false, "print the version and exit")
		fs.Usage = func() { fmt.Fprint(out, mainUsage) }
	case "console":
		fs.StringVar(&c.User, "user", "local", "the user id the console speaks as (each id has its own orders)")
		fs.StringVar(&c.DBPath, "db", c.DBPath, "SQLite database file, or a postgres:// URL")
		fs.StringVar(&c.Lang, "lang", "", "answer language: "+langList+" (default: the language of each question)")
	case "ask":
		fs.StringVar(&c.Lang, "lang", "", "answer language: "+langList+" (default: the language of the question)")
		fs.BoolVar(&c.JSON, "json", false, "print one JSON object: topic, lang, text, suggestions, score")
	case "serve":
		fs.StringVar(&c.DBPath, "db", c.DBPath, "SQLite database file, or a postgres:// URL")
		fs.StringVar(&c.HTTPAddr, "addr", c.HTTPAddr, "HTTP listen address")
	case "admin link":
		fs.StringVar(&c.User, "user", "operator", "the moderator name the link signs in as, on the console platform")
		fs.StringVar(&c.DBPath, "db", c.DBPath, "SQLite database file (the one serve uses)")
		fs.StringVar(&c.HTTPAddr, "addr", c.HTTPAddr, "serve's HTTP listen address, for the link's default address")
	case "discord register":
		fs.StringVar(&c.Guild, "guild", "", "register in this guild only (instant updates while testing); global otherwise")
	case "kb export", "kb import":
		fs.StringVar(&c.DBPath, "db", c.DBPath, "SQLite database file")
		fs.StringVar(&c.User, "user", "operator", "who the changes are recorded as made by (cli:USER)")
		if cmd == "kb import" {
			fs.BoolVar(&c.Apply, "apply", false, "store the changes; without it, only print what would change")
		}
	default:
		return c, fmt.Errorf("unknown command %q; run authorbot --help", cmd)
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		// The flag package has printed the usage; the environment's
		// problems are still worth naming in the same start.
		problems = append(problems, err.Error())
	}
	if version {
		cmd = "version"
	}
	c.Command, c.Args = cmd, fs.Args()
	if IsPostgres(c.DBPath) {
		c.DBURL, c.DBPath = c.DBPath, ""
	}
	if cmd == "version" {
		return c, nil
	}
	problems = append(problems, c.settingProblems()...)
	if (cmd == "kb export" || cmd == "kb import") && len(c.Args) != 1 {
		p := cmd + " needs one directory, e.g. authorbot " + cmd + " kb-content"
		if len(c.Args) > 1 && strings.HasPrefix(c.Args[1], "-") {
			p = "flags go before the directory: authorbot " + cmd + " " + strings.Join(c.Args[1:], " ") + " " + c.Args[0]
		}
		problems = append(problems, p)
	}
	if cmd == "ask" && len(c.Args) == 0 {
		problems = append(problems, `ask needs a question, e.g. authorbot ask "my cart is empty"`)
	}
	if cmd == "serve" || cmd == "discord register" || cmd == "" {
		problems = append(problems, c.platformProblems(cmd)...)
	}
	if len(problems) > 0 {
		return c, errors.New("configuration problems:\n  - " + strings.Join(problems, "\n  - "))
	}
	return c, nil
}

// langList names the languages the bot answers in, which --lang takes.
const langList = "en, fr, de, es, it, pt or nl"

// answerLang reports whether l is one of langList.
func answerLang(l string) bool {
	switch l {
	case "en", "fr", "de", "es", "it", "pt", "nl":
		return true
	}
	return false
}

// settingProblems checks the form of every setting that is set, whatever
// the command: a malformed value is a mistake even where this command
// does not use it, and the next start that does would fail later and
// less clearly.
func (c Config) settingProblems() []string {
	var p []string
	add := func(problem string) {
		if problem != "" {
			p = append(p, problem)
		}
	}
	if c.DBURL != "" {
		add(dbURLProblem(c.DBURL))
	} else {
		add(dbPathProblem(c.DBPath))
	}
	add(addrProblem(c.HTTPAddr))
	switch c.LogLevel {
	case "", "debug", "info", "warn", "error":
	default:
		p = append(p, fmt.Sprintf("AUTHORBOT_LOG_LEVEL must be debug, info, warn or error, not %q", c.LogLevel))
	}
	if c.Lang != "" && !answerLang(c.Lang) {
		p = append(p, fmt.Sprintf("--lang must be one of %s, not %q", langList, c.Lang))
	}
	if c.Command == "console" && strings.TrimSpace(c.User) == "" {
		p = append(p, "--user must not be empty (it names whose orders the console shows)")
	}
	if c.Command == "admin link" && strings.TrimSpace(c.User) == "" {
		p = append(p, "--user must not be empty (it names the moderator the link signs in)")
	}
	if c.Guild != "" && !isSnowflake(c.Guild) {
		p = append(p, fmt.Sprintf("--guild must be a server id, digits only (Copy Server ID in Discord), not %q", c.Guild))
	}
	for _, s := range []struct{ name, value string }{
		{"AUTHORBOT_SLACK_SIGNING_SECRET", c.Slack.SigningSecret},
		{"AUTHORBOT_SLACK_BOT_TOKEN", c.Slack.BotToken},
		{"AUTHORBOT_SLACK_APP_TOKEN", c.Slack.AppToken},
		{"AUTHORBOT_SLACK_CLIENT_ID", c.Slack.ClientID},
		{"AUTHORBOT_SLACK_CLIENT_SECRET", c.Slack.ClientSecret},
		{"AUTHORBOT_DISCORD_TOKEN", strings.TrimPrefix(c.Discord.Token, "Bot ")},
	} {
		if strings.ContainsFunc(s.value, unicode.IsSpace) {
			p = append(p, s.name+" contains a space or a line break: copy the value alone")
		}
	}
	add(slackTokenProblem("AUTHORBOT_SLACK_BOT_TOKEN", "xoxb-", c.Slack.BotToken))
	add(slackTokenProblem("AUTHORBOT_SLACK_APP_TOKEN", "xapp-", c.Slack.AppToken))
	add(publicURLProblem(c.PublicURL))
	if k := c.Discord.PublicKey; k != "" {
		if b, err := hex.DecodeString(k); err != nil || len(b) != ed25519.PublicKeySize {
			p = append(p, fmt.Sprintf("AUTHORBOT_DISCORD_PUBLIC_KEY must be 64 hex characters (the Public Key on the application's General Information page); this one has %d%s",
				len(k), notHex(k)))
		} else if _, err := new(edwards25519.Point).SetBytes(b); err != nil {
			// Every signature would be refused under it.
			p = append(p, "AUTHORBOT_DISCORD_PUBLIC_KEY is 64 hex characters but not an Ed25519 public key; copy the Public Key again from the application's General Information page")
		}
	}
	if id := c.Discord.AppID; id != "" && !isSnowflake(id) {
		p = append(p, fmt.Sprintf("AUTHORBOT_DISCORD_APP_ID must be the Application ID, digits only, not %q", id))
	}
	return p
}

// slackTokenProblem checks that a Slack token has the prefix want. A
// wrong prefix is an error, not a warning: Slack documents its token
// prefixes, a token of another kind cannot do this setting's job (Slack
// refuses an app-level token for chat.postMessage and a bot token for
// Socket Mode), and a bot started with it would seem to work until its
// first direct message or connection failed, long after the start.
func slackTokenProblem(name, want, token string) string {
	if token == "" || strings.HasPrefix(token, want) {
		return ""
	}
	// Slack's kinds of token by prefix, with the setting each one belongs
	// in ("" for none of authorbot's).
	kinds := []struct{ prefix, kind, setting string }{
		{"xoxb-", "a bot token", "AUTHORBOT_SLACK_BOT_TOKEN"},
		{"xapp-", "an app-level token", "AUTHORBOT_SLACK_APP_TOKEN"},
		{"xoxp-", "a user token", ""},
		{"xoxe", "a rotating or refresh token", ""},
	}
	for _, t := range kinds {
		switch {
		case !strings.HasPrefix(token, t.prefix):
		case t.setting != "":
			return fmt.Sprintf("%s must start with %s; this one is %s (%s…), which belongs in %s", name, want, t.kind, t.prefix, t.setting)
		default:
			return fmt.Sprintf("%s must start with %s; this one is %s (%s…), which authorbot cannot use", name, want, t.kind, t.prefix)
		}
	}
	return fmt.Sprintf("%s must start with %s", name, want)
}

// dbPathProblem checks the database path: something store.Open can open,
// and not a directory (the path names the file).
func dbPathProblem(path string) string {
	switch {
	case strings.TrimSpace(path) == "":
		return "AUTHORBOT_DB (or --db) must not be empty"
	case path == ":memory:":
		return ""
	case strings.ContainsAny(path, "?#"):
		return fmt.Sprintf("AUTHORBOT_DB (or --db) %q must not contain ? or #", path)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Sprintf("AUTHORBOT_DB (or --db) %s is a directory; name the database file, e.g. %s", path, filepath.Join(path, "authorbot.db"))
	}
	return ""
}

// IsPostgres reports whether a database setting names a PostgreSQL
// database rather than a SQLite file.
func IsPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// dbURLProblem checks a PostgreSQL URL's form, without repeating it:
// its password must not reach a log.
func dbURLProblem(db string) string {
	u, err := url.Parse(db)
	if err != nil {
		return "AUTHORBOT_DB (or --db) is not a valid postgres:// URL"
	}
	if u.Hostname() == "" && u.Query().Get("host") == "" {
		return fmt.Sprintf("AUTHORBOT_DB (or --db) %s names no host", u.Redacted())
	}
	return ""
}

// Redacted is the database setting as it can be shown: the file, or the
// URL with its password replaced.
func (c Config) Redacted() string {
	if c.DBURL == "" {
		return c.DBPath
	}
	u, err := url.Parse(c.DBURL)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// addrProblem checks a listen address: host:port with a numeric port,
// and a host that is empty, an IP address or a host name.
func addrProblem(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Sprintf("AUTHORBOT_HTTP_ADDR (or --addr) %q is not host:port (e.g. :8080 or 127.0.0.1:8080)", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 || strings.HasPrefix(port, "+") {
		return fmt.Sprintf("AUTHORBOT_HTTP_ADDR (or --addr) %q: the port must be a number from 0 to 65535", addr)
	}
	if host != "" && net.ParseIP(host) == nil && !isHostName(host) {
		return fmt.Sprintf("AUTHORBOT_HTTP_ADDR (or --addr) %q: %q is not an IP address or host name", addr, host)
	}
	return ""
}

// publicURLProblem checks AUTHORBOT_PUBLIC_URL: an absolute http or
// https address with no path, query or fragment. The dashboard's pages
// link to /admin/... from the root, so a proxy must pass the root
// through.
func publicURLProblem(s string) string {
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Sprintf("AUTHORBOT_PUBLIC_URL %q must be the bot's address with no path, such as https://bot.example.org", s)
	}
	return ""
}

// isHostName reports whether s has the form of a DNS host name.
func isHostName(s string) bool {
	if len(s) > 253 {
		return false
	}
	for label := range strings.SplitSeq(strings.TrimSuffix(s, "."), ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

// isSnowflake reports whether s is a Discord id: a 64-bit unsigned
// number in decimal.
func isSnowflake(s string) bool {
	if s == "" || strings.HasPrefix(s, "+") {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// notHex says, for a problem message, whether s has characters that are
// not hexadecimal digits.
func notHex(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F')
	}) {
		return ", some of them not hexadecimal"
	}
	return ""
}

// platformProblems checks the Slack and Discord settings as a whole: what
// each mode needs besides what is set.
func (c Config) platformProblems(cmd string) []string {
	var p []string
	s := c.Slack
	if s.AppToken != "" && s.BotToken == "" {
		p = append(p, "Socket Mode (AUTHORBOT_SLACK_APP_TOKEN) also needs AUTHORBOT_SLACK_BOT_TOKEN")
	}
	if s.BotToken != "" && s.SigningSecret == "" && s.AppToken == "" {
		p = append(p, "AUTHORBOT_SLACK_BOT_TOKEN is set but neither AUTHORBOT_SLACK_SIGNING_SECRET (HTTP) nor AUTHORBOT_SLACK_APP_TOKEN (Socket Mode) is")
	}
	p = append(p, c.installProblems()...)
	d := c.Discord
	if cmd == "discord register" && d.Token == "" {
		p = append(p, "discord register needs AUTHORBOT_DISCORD_TOKEN")
	}
	if cmd == "serve" && !s.Enabled() && !d.Enabled() {
		p = append(p, "serve has nothing to run: set AUTHORBOT_SLACK_SIGNING_SECRET, AUTHORBOT_SLACK_APP_TOKEN, AUTHORBOT_DISCORD_TOKEN or AUTHORBOT_DISCORD_PUBLIC_KEY")
	}
	return p
}

// readSecret returns the variable's value, or the trimmed content of the
// file named by name_FILE. Setting both, a file that cannot be read and
// an empty file are problems: each would otherwise leave the setting
// quietly unset or quietly ignored.
func readSecret(name string, getenv func(string) string) (string, error) {
	v, path := getenv(name), getenv(name+"_FILE")
	switch {
	case v != "" && path != "":
		return "", fmt.Errorf("%s and %s_FILE are both set; keep one", name, name)
	case path == "":
		return strings.TrimSpace(v), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		why := "cannot read it"
		var pe *fs.PathError
		if errors.As(err, &pe) {
			why = pe.Err.Error()
		}
		return "", fmt.Errorf("%s_FILE: cannot read %s: %s", name, path, why)
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", fmt.Errorf("%s_FILE: %s is empty", name, path)
	}
	return strings.TrimSpace(string(b)), nil
}

// readSecretInto is readSecret adding its problem, if any, to problems.
func readSecretInto(problems *[]string, name string, getenv func(string) string) (string, error) {
	v, err := readSecret(name, getenv)
	if err != nil {
		*problems = append(*problems, err.Error())
	}
	return v, err
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
