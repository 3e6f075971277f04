package handlers

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// zone is the time zone a command works in.
type zone struct {
	loc *time.Location
	// typed is whether the author gave it with this command: it is then
	// remembered, with whatever else the command stores.
	typed bool
}

// name is the zone's IANA name.
func (z zone) name() string { return z.loc.String() }

// save is what to store as the author's zone with the command's changes:
// its name when the author typed it, "" to keep the one stored.
func (z zone) save() string {
	if z.typed {
		return z.name()
	}
	return ""
}

// zoneFor resolves the time zone for a request: the one typed (which the
// command then remembers), else the author's saved one, else UTC.
func (r *Router) zoneFor(ctx context.Context, user, typed string, p *i18n.Printer) (zone, error) {
	if typed != "" {
		loc, err := loadZone(typed)
		if err != nil {
			return zone{}, fail(p, bot.Invalid, "remind.i_don_t_know_the", "Typed", safeQuote(typed, p))
		}
		return zone{loc: loc, typed: true}, nil
	}
	s, err := r.reminders.ReminderSettings(ctx, user)
	if err != nil {
		return zone{}, fmt.Errorf("time zone: %w", err)
	}
	if loc, err := loadZone(s.Zone); s.Zone != "" && err == nil {
		return zone{loc: loc}, nil
	}
	return zone{loc: time.UTC}, nil
}

// loadZone loads an IANA time zone, forgiving its capitalisation
// (europe/paris, america/new_york). "Local" is refused: it would be the
// server's zone, not the author's.
func loadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.EqualFold(name, "local") || len(name) > 64 {
		return nil, fmt.Errorf("no such zone %q", name)
	}
	if strings.EqualFold(name, "utc") || strings.EqualFold(name, "gmt") || strings.EqualFold(name, "z") {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(name)
	if err == nil {
		return loc, nil
	}
	if loc, err2 := time.LoadLocation(titleZone(name)); err2 == nil {
		return loc, nil
	}
	return nil, err
}

// titleZone capitalises each word of a zone name: america/new_york
// becomes America/New_York.
func titleZone(name string) string {
	b := []rune(strings.ToLower(name))
	up := true
	for i, c := range b {
		if up {
			b[i] = unicode.ToUpper(c)
		}
		up = c == '/' || c == '_' || c == '-'
	}
	return string(b)
}

// inZone shows t in the named zone, or in UTC if the zone is unknown here.
func inZone(t time.Time, zone string) time.Time {
	if loc, err := loadZone(zone); err == nil {
		return t.In(loc)
	}
	return t.UTC()
}

// splitWhen separates the time at the start of a when value from words
// that follow it (the grammar gives when the bare words after it):
// "2026-12-16 09:00 Publish" is "2026-12-16 09:00" and "Publish".
func splitWhen(s string) (when, rest string) {
	f := strings.Fields(s)
	switch {
	case len(f) == 0:
		return "", ""
	case len(f) >= 2 && isDate(f[0]) && isClock(f[1]):
		return f[0] + " " + f[1], strings.Join(f[2:], " ")
	}
	return f[0], strings.Join(f[1:], " ")
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func isClock(s string) bool {
	_, _, ok := parseClock(s)
	return ok
}

// parseClock reads H:MM or HH:MM (also 9h30, as French authors write it).
func parseClock(s string) (h, m int, ok bool) {
	hs, ms, found := strings.Cut(strings.ToLower(s), ":")
	if !found {
		hs, ms, found = strings.Cut(strings.ToLower(s), "h")
	}
	if !found || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || ms[0] == '+' || ms[0] == '-' || hs[0] == '+' || hs[0] == '-' {
		return 0, 0, false
	}
	return h, m, true
}

// parseWhen reads a reminder time: YYYY-MM-DD (at reminderHour),
// YYYY-MM-DD HH:MM (or with a T), both in loc, or a delay from now such as
// 90m, 2h, 3d, 1w or 1d12h. Days and weeks are calendar days in loc, so
// "1d" keeps the time of day across a daylight-saving change; minutes and
// hours are elapsed time.
func parseWhen(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return time.Time{}, false
	}
	day, clock, hasClock := strings.Cut(strings.Replace(s, "T", " ", 1), " ")
	if d, err := time.Parse("2006-01-02", day); err == nil {
		h, m := reminderHour, 0
		if hasClock {
			var ok bool
			if h, m, ok = parseClock(strings.TrimSpace(clock)); !ok {
				return time.Time{}, false
			}
		}
		return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc), true
	}
	return parseDelay(s, now, loc)
}

// parseDelay reads one or more number-unit pairs: m or min, h, d (or j),
// w. Totals beyond a few years are capped, so a huge number is "too far"
// rather than an overflow.
func parseDelay(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	const capDays = 5 * 366
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	days, elapsed := 0, time.Duration(0)
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i > 7 {
			return time.Time{}, false
		}
		n, _ := strconv.Atoi(s[:i])
		s = s[i:]
		j := 0
		for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		unit := s[:j]
		s = s[j:]
		switch unit {
		case "m", "min", "mn":
			elapsed += time.Duration(min(n, capDays*24*60)) * time.Minute
		case "h":
			elapsed += time.Duration(min(n, capDays*24)) * time.Hour
		case "d", "j":
			days += min(n, capDays)
		case "w":
			days += min(n, capDays/7+1) * 7
		default:
			return time.Time{}, false
		}
		days = min(days, capDays)
		elapsed = min(elapsed, capDays*24*time.Hour)
	}
	if days == 0 && elapsed == 0 {
		return time.Time{}, false
	}
	return now.In(loc).AddDate(0, 0, days).Add(elapsed), true
}
