package config

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// SecretKeySize is the size of AUTHORBOT_SECRET_KEY: an AES-256 key.
const SecretKeySize = 32

// loadScale reads the settings of a bot that serves many workspaces or
// runs as several processes: the Slack install's OAuth credentials, the
// Web API's URL, the public URL, the secret key and the Discord shard.
// secret reads a secret setting (and records its problems itself).
func (c *Config) loadScale(getenv func(string) string, secret func(string) string) []string {
	var p []string
	c.Slack.ClientID = secret("AUTHORBOT_SLACK_CLIENT_ID")
	c.Slack.ClientSecret = secret("AUTHORBOT_SLACK_CLIENT_SECRET")
	c.PublicURL = strings.TrimRight(strings.TrimSpace(getenv("AUTHORBOT_PUBLIC_URL")), "/")
	api, problem := apiURL(strings.TrimSpace(getenv("AUTHORBOT_SLACK_API_URL")))
	c.Slack.APIURL = api
	if problem != "" {
		p = append(p, problem)
	}
	if key := secret("AUTHORBOT_SECRET_KEY"); key != "" {
		c.SecretKey, problem = secretKey(key)
		if problem != "" {
			p = append(p, problem)
		}
	}
	var err string
	c.Discord.ShardID, c.Discord.ShardCount, err = shard(getenv("AUTHORBOT_DISCORD_SHARD_ID"), getenv("AUTHORBOT_DISCORD_SHARD_COUNT"))
	if err != "" {
		p = append(p, err)
	}
	return p
}

// apiURL checks AUTHORBOT_SLACK_API_URL and returns it with the trailing
// slash slack-go appends method names to.
func apiURL(v string) (string, string) {
	if v == "" {
		return "", ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Sprintf("AUTHORBOT_SLACK_API_URL must be an http or https URL such as https://slack.com/api/, not %q", v)
	}
	if !strings.HasSuffix(v, "/") {
		v += "/"
	}
	return v, ""
}

// secretKey decodes AUTHORBOT_SECRET_KEY: 32 bytes written as 64 hex
// characters (openssl rand -hex 32) or in base64 (openssl rand -base64
// 32). The problem, when there is one, says what is wrong with its form
// and never repeats the key.
func secretKey(v string) ([]byte, string) {
	if b, err := hex.DecodeString(v); err == nil && len(b) == SecretKeySize {
		return b, ""
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(v); err == nil && len(b) == SecretKeySize {
			return b, ""
		}
	}
	return nil, fmt.Sprintf("AUTHORBOT_SECRET_KEY must be %d bytes written as 64 hex characters (make one with: openssl rand -hex 32); this one has %d characters",
		SecretKeySize, len(v))
}

// shard reads the Discord shard settings: both unset means shard 0 of 1;
// otherwise the count must be set, 1 or more, and the id 0 to count-1.
func shard(idText, countText string) (id, count int, problem string) {
	idText, countText = strings.TrimSpace(idText), strings.TrimSpace(countText)
	if idText == "" && countText == "" {
		return 0, 1, ""
	}
	count, err := strconv.Atoi(countText)
	if err != nil || count < 1 {
		return 0, 1, fmt.Sprintf("AUTHORBOT_DISCORD_SHARD_COUNT must be the number of gateway shards, 1 or more, not %q", countText)
	}
	if idText == "" {
		idText = "0"
	}
	id, err = strconv.Atoi(idText)
	if err != nil || id < 0 || id >= count {
		return 0, 1, fmt.Sprintf("AUTHORBOT_DISCORD_SHARD_ID must be a number from 0 to %d (AUTHORBOT_DISCORD_SHARD_COUNT less one), not %q", count-1, idText)
	}
	return id, count, ""
}

// installProblems checks what the Slack install needs besides its own
// settings.
func (c Config) installProblems() []string {
	s := c.Slack
	if !s.OAuth() {
		return nil
	}
	var p []string
	if s.ClientID == "" || s.ClientSecret == "" {
		p = append(p, "the Slack install needs both AUTHORBOT_SLACK_CLIENT_ID and AUTHORBOT_SLACK_CLIENT_SECRET (Basic Information, App Credentials)")
	}
	if c.SecretKey == nil {
		p = append(p, "the Slack install (AUTHORBOT_SLACK_CLIENT_ID) needs AUTHORBOT_SECRET_KEY to encrypt the workspaces' bot tokens: make one with openssl rand -hex 32, and keep a copy")
	}
	if !s.Enabled() {
		p = append(p, "the Slack install (AUTHORBOT_SLACK_CLIENT_ID) also needs AUTHORBOT_SLACK_SIGNING_SECRET, for the commands and events Slack sends")
	}
	return p
}
