// Package config reads authorbot's settings from the command line and the
// environment. Secrets come from the environment, or from a file that a
// *_FILE variable names, never from flags (flags show up in process lists).
package config

import (
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
)

// Config is everything a run of authorbot needs to know.
type Config struct {
	// Command is the subcommand: "console", "ask", "serve" or "discord register".
	Command string
	// Args are the arguments left after the flags (the question for "ask").
	Args []string

	DBPath   string // SQLite file; its directory is created on first run
	HTTPAddr string
	LogLevel string
	User     string // console user id
	Lang     string // explicit answer language ("" = detect)
	JSON     bool   // ask: one JSON object
	Guild    string // discord register: guild id for instant updates

	Slack   Slack
	Discord Discord
}

// Slack holds the Slack app's settings.
type Slack struct {
	SigningSecret string
	BotToken      string
	AppToken      string // Socket Mode
}

// Discord holds the Discord application's settings.
type Discord struct {
	Token     string
	PublicKey string // hex Ed25519 key for HTTP interactions
	AppID     string
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
  authorbot --version             print the version

Run "authorbot COMMAND --help" for a command's flags.

Environment:
  AUTHORBOT_DB                    SQLite database file (default data/authorbot.db)
  AUTHORBOT_HTTP_ADDR             HTTP listen address for serve (default :8080)
  AUTHORBOT_LOG_LEVEL             debug, info, warn or error (default info)
  AUTHORBOT_SLACK_SIGNING_SECRET  Slack signing secret (enables POST /slack/...)
  AUTHORBOT_SLACK_BOT_TOKEN       Slack bot token (xoxb-...)
  AUTHORBOT_SLACK_APP_TOKEN       Slack app-level token (xapp-...) for Socket Mode
  AUTHORBOT_DISCORD_TOKEN         Discord bot token (gateway mode and registration)
  AUTHORBOT_DISCORD_PUBLIC_KEY    Discord public key, hex (HTTP interactions)
  AUTHORBOT_DISCORD_APP_ID        Discord application id (registration)
Each secret may instead be read from a file named by the same variable with _FILE appended.
`

// Load parses args (without the program name) and the environment.
// Problems with the settings are reported together in one error.
func Load(args []string, getenv func(string) string, out io.Writer) (Config, error) {
	var c Config
	var problems []string
	c.DBPath = orDefault(getenv("AUTHORBOT_DB"), filepath.Join("data", "authorbot.db"))
	c.HTTPAddr = orDefault(getenv("AUTHORBOT_HTTP_ADDR"), ":8080")
	c.LogLevel = orDefault(getenv("AUTHORBOT_LOG_LEVEL"), "info")
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
		PublicKey: strings.TrimSpace(getenv("AUTHORBOT_DISCORD_PUBLIC_KEY")),
		AppID:     strings.TrimSpace(getenv("AUTHORBOT_DISCORD_APP_ID")),
	}

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
	fs := flag.NewFlagSet("authorbot "+cmd, flag.ContinueOnError)
	fs.SetOutput(out)
	version := false
	switch cmd {
	case "":
		fs.BoolVar(&version, "version", false, "print the version and exit")
		fs.Usage = func() { fmt.Fprint(out, mainUsage) }
	case "console":
		fs.StringVar(&c.User, "user", "local", "the user id the console speaks as (each id has its own orders)")
		fs.StringVar(&c.DBPath, "db", c.DBPath, "SQLite database file")
		fs.StringVar(&c.Lang, "lang", "", "answer language: en or fr (default: the language of each question)")
	case "ask":
		fs.StringVar(&c.Lang, "lang", "", "answer language: en or fr (default: the language of the question)")
		fs.BoolVar(&c.JSON, "json", false, "print one JSON object: topic, lang, text, suggestions, score")
	case "serve":
		fs.StringVar(&c.DBPath, "db", c.DBPath, "SQLite database file")
		fs.StringVar(&c.HTTPAddr, "addr", c.HTTPAddr, "HTTP listen address")
	case "discord register":
		fs.StringVar(&c.Guild, "guild", "", "register in this guild only (instant updates while testing); global otherwise")
	default:
		return c, fmt.Errorf("unknown command %q; run authorbot --help", cmd)
	}
	if err := fs.Parse(rest); err != nil {
		return c, err
	}
	if version {
		cmd = "version"
	}
	c.Command, c.Args = cmd, fs.Args()
	if c.Lang != "" && c.Lang != "en" && c.Lang != "fr" {
		problems = append(problems, fmt.Sprintf("--lang must be en or fr, not %q", c.Lang))
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

// platformProblems checks the Slack and Discord settings as a whole, so
// that one start names every problem at once.
func (c Config) platformProblems(cmd string) []string {
	var p []string
	if _, _, err := net.SplitHostPort(c.HTTPAddr); err != nil {
		p = append(p, fmt.Sprintf("AUTHORBOT_HTTP_ADDR %q is not host:port (e.g. :8080)", c.HTTPAddr))
	}
	s := c.Slack
	if s.BotToken != "" && !strings.HasPrefix(s.BotToken, "xoxb-") {
		p = append(p, "AUTHORBOT_SLACK_BOT_TOKEN must start with xoxb-")
	}
	if s.AppToken != "" && !strings.HasPrefix(s.AppToken, "xapp-") {
		p = append(p, "AUTHORBOT_SLACK_APP_TOKEN must start with xapp-")
	}
	if s.AppToken != "" && s.BotToken == "" {
		p = append(p, "Socket Mode (AUTHORBOT_SLACK_APP_TOKEN) also needs AUTHORBOT_SLACK_BOT_TOKEN")
	}
	if s.BotToken != "" && s.SigningSecret == "" && s.AppToken == "" {
		p = append(p, "AUTHORBOT_SLACK_BOT_TOKEN is set but neither AUTHORBOT_SLACK_SIGNING_SECRET (HTTP) nor AUTHORBOT_SLACK_APP_TOKEN (Socket Mode) is")
	}
	d := c.Discord
	if d.PublicKey != "" {
		if k, err := hex.DecodeString(d.PublicKey); err != nil || len(k) != 32 {
			p = append(p, "AUTHORBOT_DISCORD_PUBLIC_KEY must be 64 hex characters (the Public Key on the application's General Information page)")
		}
	}
	if cmd == "discord register" && d.Token == "" {
		p = append(p, "discord register needs AUTHORBOT_DISCORD_TOKEN")
	}
	if cmd == "serve" && !s.Enabled() && !d.Enabled() {
		p = append(p, "serve has nothing to run: set AUTHORBOT_SLACK_SIGNING_SECRET, AUTHORBOT_SLACK_APP_TOKEN, AUTHORBOT_DISCORD_TOKEN or AUTHORBOT_DISCORD_PUBLIC_KEY")
	}
	return p
}

// readSecret returns the variable's value, or the trimmed content of the
// file named by name_FILE.
func readSecret(name string, getenv func(string) string) (string, error) {
	if v := getenv(name); v != "" {
		return strings.TrimSpace(v), nil
	}
	path := getenv(name + "_FILE")
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("%s_FILE: cannot read %s", name, path)
	}
	return strings.TrimSpace(string(b)), nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
