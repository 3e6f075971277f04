package handlers

import (
	"context"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zone tests pass without a system tz database too

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

// remindRig is a router with reminders on a real SQLite file and a clock
// the test sets.
type remindRig struct {
	r   *Router
	db  *store.DB
	now time.Time
}

func newRemindRig(t testing.TB, now time.Time) *remindRig {
	t.Helper()
	g := &remindRig{db: testDB(t), now: now}
	// No limits: these tests go faster than any author (see TestLimits).
	g.r = testRouter(t, g.db, WithClock(func() time.Time { return g.now }), WithLimits(Limits{}))
	return g
}

// text runs line and returns the reply as plain text, failing on an error.
func (g *remindRig) text(t testing.TB, u bot.User, locale, line string) string {
	t.Helper()
	reply, err := runCmd(t, g.r, u, locale, line)
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	return bot.PlainText(reply)
}

// failure runs line and returns the message of the error it must give.
func (g *remindRig) failure(t testing.TB, u bot.User, line, code string) string {
	t.Helper()
	reply, err := runCmd(t, g.r, u, "", line)
	if err == nil {
		t.Fatalf("%s: succeeded with %q; want a %s error", line, bot.PlainText(reply), code)
	}
	if got := bot.ErrorCode(err); got != code {
		t.Fatalf("%s: error %q has code %s; want %s", line, err, got, code)
	}
	return bot.ErrorMessage(err)
}

func hasAll(t testing.TB, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("LoadLocation(%s): %v (is the tz database installed?)", name, err)
	}
	return loc
}

var slackAuthor = bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1"}

func TestPreorderKDP(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	got := g.text(t, slackAuthor, "", "/preorder 2026-12-18")
	hasAll(t, "KDP plan", got,
		"Release on Friday 18 December 2026: KDP's options",
		"you can schedule the release in KDP now, until Sunday 13 December 2026 (5 days before)",
		"eBook: you can set up the pre-order now (it can go up as early as Thursday 18 December 2025",
		"upload the final file by Tuesday 15 December 2026, 00:00 UTC (72 hours before release day starts)",
		"blocks pre-orders on your account for a year",
		"check KDP's release options, this changes",
		"Times are in UTC. Add tz:",
		"Add remind:yes")

	far := g.text(t, slackAuthor, "", "/preorder 2027-06-30")
	hasAll(t, "a release seven months away", far,
		"between Thursday 1 April 2027 and Friday 25 June 2027 (5 to 90 days ahead). Not yet: the window opens in 132 days.")

	soon := g.text(t, slackAuthor, "", "/preorder 2026-11-23")
	hasAll(t, "a release in three days", soon,
		"too late to schedule a release for this date (it takes at least 5 days; the last day was Wednesday 18 November 2026)",
		"eBook: too late for a pre-order on this date: the final file would have been due by Friday 20 November 2026, 00:00 UTC")

	fr := g.text(t, slackAuthor, "fr", "/preorder 2026-12-18 kdp")
	hasAll(t, "French KDP plan", fr, "Parution le vendredi 18 décembre 2026", "mardi 15 décembre 2026 à 00:00 UTC")
}

func TestPreorderAdvantage(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	got := g.text(t, slackAuthor, "", "/preorder 2026-12-18 plan:advantage")
	hasAll(t, "Advantage plan", got,
		"only works if the book is not yet published on KDP",
		"$99 a year, not paid upfront", "an ISBN", "cover images", "sales copy",
		"1. Now (Friday 20 November 2026): list the book on Amazon Advantage",
		"Backordered with the release date Friday 18 December 2026",
		`"Cancelled: Not yet available"`,
		"Purchase orders are virtual; the customer orders are the real pre-orders",
		"Publish on KDP: Wednesday 16 December 2026, 00:00–12:00 UTC (36 to 48 hours before midnight starting Friday 18 December 2026)",
		"Thursday 17 December 2026, 21:00–23:00 UTC (1 to 3 hours before midnight): re-confirm every confirmed purchase order with 0 units",
		`Manage My Catalog, "Change status of one or more items"`,
		"From Sunday 20 December 2026 to Friday 25 December 2026: the orders move to KDP and are printed over 2 to 7 days",
		"Around Sunday 17 January 2027 (about 30 days later): close the Advantage account",
		"cannot be reopened",
		"2018-2019 article and may no longer work",
		"IngramSpark or Lightning Source",
		"Source: article on print pre-orders through Amazon Advantage, 2018-2019")

	tokyo := g.text(t, slackAuthor, "", "/preorder 2026-12-18 plan:advantage tz:Asia/Tokyo")
	hasAll(t, "Advantage plan in Tokyo", tokyo,
		"Publish on KDP: Wednesday 16 December 2026, 00:00–12:00 JST",
		"Times are in Asia/Tokyo.")

	// tz:Asia/Tokyo above was remembered; UTC again for this one.
	msg := g.failure(t, slackAuthor, "/preorder 2026-11-21 plan:advantage tz:UTC", bot.Conflict)
	hasAll(t, "too late", msg, "needed the book published on KDP by Thursday 19 November 2026, 12:00 UTC")
}

// TestPreorderAcrossDST checks the plan's times where the clocks change
// between a step and the release: hours are elapsed hours, days are
// calendar days, and each time shows the zone in force on its day.
func TestPreorderAcrossDST(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	paris := mustZone(t, "Europe/Paris")
	now := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		release time.Time
		final   string // the eBook file deadline, as shown
		publish string // the KDP publish window, as shown
		zero    string // the 0-unit window, as shown
	}{
		{
			name:    "US spring forward (8 March 2026)",
			release: time.Date(2026, 3, 10, 0, 0, 0, 0, ny),
			final:   "Friday 6 March 2026, 23:00 EST",
			publish: "Saturday 7 March 2026, 23:00 EST – Sunday 8 March 2026, 12:00 EDT",
			zero:    "Monday 9 March 2026, 21:00–23:00 EDT",
		},
		{
			name:    "US fall back (1 November 2026)",
			release: time.Date(2026, 11, 2, 0, 0, 0, 0, ny),
			final:   "Friday 30 October 2026, 01:00 EDT",
			publish: "Saturday 31 October 2026, 01:00–13:00 EDT",
			zero:    "Sunday 1 November 2026, 21:00–23:00 EST",
		},
		{
			name:    "EU fall back (25 October 2026)",
			release: time.Date(2026, 10, 27, 0, 0, 0, 0, paris),
			final:   "Saturday 24 October 2026, 01:00 CEST",
			publish: "Sunday 25 October 2026, 01:00 CEST–12:00 CET",
			zero:    "Monday 26 October 2026, 21:00–23:00 CET",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			local := now.In(tt.release.Location())
			kdp := kdpPlan(tt.release, local, words(t, "en"))
			var texts []string
			for _, s := range kdp.steps {
				texts = append(texts, s.text)
			}
			hasAll(t, "KDP plan", strings.Join(texts, "\n"), "upload the final file by "+tt.final)
			if final := kdp.steps[len(kdp.steps)-1].remindAt.Add(24 * time.Hour); tt.release.Sub(final) != 72*time.Hour {
				t.Errorf("final file due %v, %v before release; want 72h", final, tt.release.Sub(final))
			}

			adv, err := advantagePlan(tt.release, local, words(t, "en"))
			if err != nil {
				t.Fatal(err)
			}
			texts = nil
			for _, s := range adv.steps {
				texts = append(texts, s.text)
			}
			joined := strings.Join(texts, "\n")
			hasAll(t, "Advantage plan", joined, "Publish on KDP: "+tt.publish, tt.zero+" (1 to 3 hours")
			if got := tt.release.Sub(adv.steps[2].remindAt); got != 48*time.Hour {
				t.Errorf("publish reminder %v before release, want 48h", got)
			}
			if got := tt.release.Sub(adv.steps[3].remindAt); got != 3*time.Hour {
				t.Errorf("0-unit reminder %v before release, want 3h", got)
			}
			// Calendar steps keep 09:00 local whatever the offset.
			closeAt := adv.steps[6].remindAt
			if closeAt.Hour() != 9 || closeAt.Location() != tt.release.Location() {
				t.Errorf("close-account reminder at %v, want 09:00 local", closeAt)
			}
		})
	}
}

func TestPreorderRejects(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	tests := []struct {
		line, code, want string
	}{
		{"/preorder 2026-01-05", bot.Invalid, "Monday 5 January 2026 is in the past (today is Friday 20 November 2026)"},
		{"/preorder 2026-11-20", bot.Invalid, "is today: it is too late for a pre-order"},
		{"/preorder 2026-02-30", bot.Invalid, "2026-02-30 is not a real date: February 2026 has 28 days."},
		{"/preorder 18/12/2026", bot.Invalid, "YYYY-MM-DD"},
		{"/preorder 0000-01-01", bot.Invalid, "the year 0 looks like a typo"},
		{"/preorder yesterday", bot.Invalid, "is in the past"},
		{"/preorder 2029-01-01", bot.Invalid, "more than two years away"},
		{"/preorder 2026-12-18 tz:Mars/Olympus", bot.Invalid, "I don't know the time zone “Mars/Olympus”. Type its IANA name, such as Europe/Paris"},
		{"/preorder 2026-12-18 tz:Local", bot.Invalid, "time zone"},
		{"/preorder 2026-12-18 plan:ingram", bot.Invalid, "plan must be one of kdp|advantage"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			var msg string
			if _, err := g.r.Parse(tt.line); err != nil {
				msg = bot.ErrorMessage(err)
			} else {
				msg = g.failure(t, slackAuthor, tt.line, tt.code)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message %q lacks %q", msg, tt.want)
			}
		})
	}
	// Today is the author's today: at 20:00 UTC it is already the 21st in Tokyo.
	g.now = time.Date(2026, 11, 20, 20, 0, 0, 0, time.UTC)
	msg := g.failure(t, slackAuthor, "/preorder 2026-11-20 tz:Asia/Tokyo", bot.Invalid)
	hasAll(t, "Tokyo date", msg, "is in the past (today is Saturday 21 November 2026)")
}

func TestPreorderRemind(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	got := g.text(t, slackAuthor, "", "/preorder 2026-12-18 plan:advantage tz:europe/paris remind:yes")
	hasAll(t, "reminders", got,
		"Reminders set:",
		"#1 · Friday 11 December 2026, 09:00 CET · One week to the release",
		"#2 · Wednesday 16 December 2026, 00:00 CET · Publish the book on KDP now, by Wednesday 16 December 2026, 12:00 CET",
		"#3 · Thursday 17 December 2026, 21:00 CET · Now, by Thursday 17 December 2026, 23:00 CET: re-confirm",
		"#4 · Friday 25 December 2026, 09:00 CET",
		"#5 · Sunday 17 January 2027, 09:00 CET",
		"direct message")
	// Asking again reschedules the same reminders instead of doubling them.
	g.text(t, slackAuthor, "", "/preorder 2026-12-18 plan:advantage remind:yes")
	list, err := g.db.Reminders(context.Background(), slackAuthor.Key())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 5 {
		t.Errorf("%d reminders after asking twice, want 5", len(list))
	}
	for _, r := range list {
		if r.Kind != ledger.ReminderPreorder || r.Zone != "Europe/Paris" || r.Platform != "slack" || r.UserID != "U1" {
			t.Errorf("reminder %+v", r)
		}
	}
	// The zone typed once is remembered.
	hasAll(t, "remembered zone", g.text(t, slackAuthor, "", "/preorder 2026-12-18"), "Times are in Europe/Paris.")

	kdp := g.text(t, slackAuthor, "", "/preorder 2027-06-30 remind:yes")
	hasAll(t, "KDP reminders", kdp,
		"#6 · Thursday 1 April 2027, 09:00 CEST · From today you can schedule the print release",
		"#7 · Friday 25 June 2027, 09:00 CEST · Last day to schedule",
		"#8 · Saturday 26 June 2027, 00:00 CEST · 24 hours left: the final eBook file")

	noDB := routerWithoutReminders(t, g.db, WithClock(func() time.Time { return g.now }))
	reply, err := runCmd(t, noDB, slackAuthor, "", "/preorder 2026-12-18")
	if err != nil || strings.Contains(bot.PlainText(reply), "remind:yes") {
		t.Errorf("without a database: %v, %v", err, reply)
	}
	if _, err := runCmd(t, noDB, slackAuthor, "", "/preorder 2026-12-18 remind:yes"); bot.ErrorCode(err) != bot.Conflict {
		t.Errorf("remind:yes without a database: %v, want a Conflict", err)
	}
}

// FuzzParseRelease checks that any release date typed gives a date in
// the author's zone at midnight, within two years, or a message.
func FuzzParseRelease(f *testing.F) {
	for _, s := range []string{"2026-12-18", "2026-02-30", "0000-01-01", "9999-12-31", "2026-1-5", " 2027-03-28 ", "18/12/2026"} {
		f.Add(s)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		f.Skip("no tz database")
	}
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, paris)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseRelease(s, now, paris, words(t, "en"))
		if err != nil {
			if bot.ErrorCode(err) != bot.Invalid {
				t.Fatalf("%q: %v, want Invalid", s, err)
			}
			return
		}
		if got.Location() != paris || got.Hour() != 0 || got.Minute() != 0 {
			t.Fatalf("%q: %v is not midnight in Paris", s, got)
		}
		if !got.After(now) || got.After(now.AddDate(2, 0, 1)) {
			t.Fatalf("%q: %v is outside the next two years", s, got)
		}
	})
}
