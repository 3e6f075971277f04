package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Moderation holds the settings of the moderators' loop.
type Moderation struct {
	// SlackChannel and DiscordChannel are the moderators' channels, ""
	// for none: without one, no question is passed on from that platform.
	SlackChannel, DiscordChannel string
	// SlackModerators are Slack user ids of moderators, besides the
	// workspace's admins and owners.
	SlackModerators []string
	// DiscordRoles are Discord role ids whose members are moderators,
	// besides the members with Manage Server.
	DiscordRoles []string
	// GapRetention is how long missed questions are kept.
	GapRetention time.Duration
	// Lang is the language of the bot's posts to the moderators.
	Lang string
}

// DefaultGapRetention is how long missed questions are kept by default.
const DefaultGapRetention = 90 * 24 * time.Hour

// moderationUsage lists the moderation settings, for the usage text.
const moderationUsage = `  AUTHORBOT_SLACK_MOD_CHANNEL     Slack moderators' channel id (C...); the bot must be in it
  AUTHORBOT_SLACK_MODERATORS      Slack user ids of moderators, comma-separated (admins and owners are too)
  AUTHORBOT_DISCORD_MOD_CHANNEL   Discord moderators' channel id; the bot needs Send Messages there
  AUTHORBOT_DISCORD_MOD_ROLES     Discord role ids of moderators, comma-separated (Manage Server is too)
  AUTHORBOT_GAP_RETENTION         how long missed questions are kept: 90d (default), 30d, 720h...
  AUTHORBOT_MOD_LANG              language of the posts to moderators: ` + langList + ` (default en)
`

// loadModeration reads the moderation settings and their problems.
func loadModeration(getenv func(string) string) (Moderation, []string) {
	var p []string
	m := Moderation{
		SlackChannel:    strings.TrimSpace(getenv("AUTHORBOT_SLACK_MOD_CHANNEL")),
		DiscordChannel:  strings.TrimSpace(getenv("AUTHORBOT_DISCORD_MOD_CHANNEL")),
		SlackModerators: list(getenv("AUTHORBOT_SLACK_MODERATORS")),
		DiscordRoles:    list(getenv("AUTHORBOT_DISCORD_MOD_ROLES")),
		GapRetention:    DefaultGapRetention,
		Lang:            strings.ToLower(strings.TrimSpace(getenv("AUTHORBOT_MOD_LANG"))),
	}
	if c := m.SlackChannel; c != "" && !slackID(c, "CG") {
		p = append(p, fmt.Sprintf("AUTHORBOT_SLACK_MOD_CHANNEL must be a channel id such as C0123ABCD (in the channel's details), not %q", c))
	}
	for _, id := range m.SlackModerators {
		if !slackID(id, "UW") {
			p = append(p, fmt.Sprintf("AUTHORBOT_SLACK_MODERATORS must list user ids such as U0123ABCD, not %q", id))
		}
	}
	if c := m.DiscordChannel; c != "" && !isSnowflake(c) {
		p = append(p, fmt.Sprintf("AUTHORBOT_DISCORD_MOD_CHANNEL must be a channel id, digits only (Copy Channel ID), not %q", c))
	}
	for _, id := range m.DiscordRoles {
		if !isSnowflake(id) {
			p = append(p, fmt.Sprintf("AUTHORBOT_DISCORD_MOD_ROLES must list role ids, digits only (Copy Role ID), not %q", id))
		}
	}
	if v := strings.TrimSpace(getenv("AUTHORBOT_GAP_RETENTION")); v != "" {
		d, ok := retention(v)
		if !ok {
			p = append(p, fmt.Sprintf("AUTHORBOT_GAP_RETENTION must be a number of days such as 90d, or a duration such as 720h, of at least a day; not %q", v))
		} else {
			m.GapRetention = d
		}
	}
	if m.Lang != "" && !answerLang(m.Lang) {
		p = append(p, fmt.Sprintf("AUTHORBOT_MOD_LANG must be one of %s, not %q", langList, m.Lang))
	}
	return m, p
}

// retention reads "90d" or a Go duration of at least a day.
func retention(v string) (time.Duration, bool) {
	if n, ok := strings.CutSuffix(v, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 1 || days > 3650 {
			return 0, false
		}
		return time.Duration(days) * 24 * time.Hour, true
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 24*time.Hour {
		return 0, false
	}
	return d, true
}

// list splits a comma-separated setting, blanks left out.
func list(v string) []string {
	var out []string
	for s := range strings.SplitSeq(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// slackID reports whether s is a Slack id starting with one of prefixes.
func slackID(s, prefixes string) bool {
	if len(s) < 2 || len(s) > 32 || !strings.ContainsRune(prefixes, rune(s[0])) {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
