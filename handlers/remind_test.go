package handlers

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

func TestParseWhen(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	// Saturday 7 March 2026, 10:00 in New York; the clocks go forward on
	// Sunday the 8th at 02:00.
	now := time.Date(2026, 3, 7, 10, 0, 0, 0, ny)
	tests := []struct {
		in   string
		want time.Time // zero: not readable
	}{
		{"2026-03-20", time.Date(2026, 3, 20, 9, 0, 0, 0, ny)},
		{"2026-03-20 14:30", time.Date(2026, 3, 20, 14, 30, 0, 0, ny)},
		{"2026-03-20T14:30", time.Date(2026, 3, 20, 14, 30, 0, 0, ny)},
		{"2026-03-20 9:05", time.Date(2026, 3, 20, 9, 5, 0, 0, ny)},
		{"2026-03-20 9h05", time.Date(2026, 3, 20, 9, 5, 0, 0, ny)},
		{"90m", now.Add(90 * time.Minute)},
		{"2h", now.Add(2 * time.Hour)},
		// Days are calendar days: 10:00 again three days later, though
		// only 71 hours pass.
		{"3d", time.Date(2026, 3, 10, 10, 0, 0, 0, ny)},
		{"3j", time.Date(2026, 3, 10, 10, 0, 0, 0, ny)},
		{"1w", time.Date(2026, 3, 14, 10, 0, 0, 0, ny)},
		{"1d12h", time.Date(2026, 3, 8, 22, 0, 0, 0, ny)},
		{"2D", time.Date(2026, 3, 9, 10, 0, 0, 0, ny)},
		{"", time.Time{}},
		{"soon", time.Time{}},
		{"3", time.Time{}},
		{"d3", time.Time{}},
		{"3x", time.Time{}},
		{"-3d", time.Time{}},
		{"0d", time.Time{}},
		{"2026-13-01", time.Time{}},
		{"2026-02-30", time.Time{}},
		{"2026-03-20 25:00", time.Time{}},
		{"2026-03-20 14:3", time.Time{}},
		{"2026-03-20 +1:00", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseWhen(tt.in, now, ny)
			if tt.want.IsZero() {
				if ok {
					t.Errorf("parseWhen(%q) = %v; want it refused", tt.in, got)
				}
				return
			}
			if !ok || !got.Equal(tt.want) {
				t.Errorf("parseWhen(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
	// A huge delay is read, capped, and then refused as too far.
	if got, ok := parseWhen("99999999w", now, ny); ok {
		t.Errorf("parseWhen(99999999w) = %v, want refused (too many digits)", got)
	}
	if got, ok := parseWhen("999999w999999d", now, ny); !ok || got.Before(now.AddDate(5, 0, 0)) {
		t.Errorf("parseWhen(999999w999999d) = %v, %v; want a time past five years", got, ok)
	}
}

func TestSplitWhen(t *testing.T) {
	tests := []struct{ in, when, rest string }{
		{"3d", "3d", ""},
		{"3d Check the proof", "3d", "Check the proof"},
		{"2026-12-16 09:00", "2026-12-16 09:00", ""},
		{"2026-12-16 09:00 Publish it", "2026-12-16 09:00", "Publish it"},
		{"2026-12-16 Publish it", "2026-12-16", "Publish it"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if w, r := splitWhen(tt.in); w != tt.when || r != tt.rest {
			t.Errorf("splitWhen(%q) = %q, %q; want %q, %q", tt.in, w, r, tt.when, tt.rest)
		}
	}
}

func TestRemindAddListCancel(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	bob := bot.User{Platform: bot.Discord, Workspace: "G1", ID: "42"}

	got := g.text(t, slackAuthor, "", "/remind add when:2026-12-16 09:00 tz:Europe/Paris text:Publish the paperback on KDP")
	hasAll(t, "add", got, "Reminder #1 set for Wednesday 16 December 2026, 09:00 CET.", "direct message")
	got = g.text(t, slackAuthor, "", "/remind add 3d Check the proof copy")
	hasAll(t, "add with bare words", got, "Reminder #2 set for Monday 23 November 2026, 11:00 CET.")
	got = g.text(t, slackAuthor, "", "/remind add when:2h text:line one\nline two\x07")
	hasAll(t, "add with control characters", got, "Reminder #3")
	got = g.text(t, bob, "", "/remind add 1w Order more copies")
	hasAll(t, "bob's first", got, "Reminder #1 set for Friday 27 November 2026, 10:00 UTC.")
	got = g.text(t, consoleAuthor, "", "/remind add 1w From the console")
	hasAll(t, "console", got, "It will appear here in the console")

	list, err := g.db.Reminders(context.Background(), slackAuthor.Key())
	if err != nil || len(list) != 3 {
		t.Fatalf("stored %d reminders, %v", len(list), err)
	}
	if list[1].Text != "Check the proof copy" || list[2].Text != "line one line two" || list[0].Zone != "Europe/Paris" {
		t.Errorf("stored %+v", list)
	}

	got = g.text(t, slackAuthor, "", "/remind list")
	hasAll(t, "list", got,
		"#1 · Wednesday 16 December 2026, 09:00 CET · Publish the paperback on KDP",
		"#2 · Monday 23 November 2026, 11:00 CET · Check the proof copy",
		"Automatic reminders about your orders are on")
	if strings.Contains(got, "Order more copies") {
		t.Errorf("alice sees bob's reminder:\n%s", got)
	}

	msg := g.failure(t, bob, "/remind cancel 2", bot.NotFound)
	hasAll(t, "bob cancelling alice's #2", msg, "You have no reminder #2")
	got = g.text(t, slackAuthor, "", "/remind cancel number:2")
	hasAll(t, "cancel", got, "Reminder #2 (Check the proof copy) is cancelled.")
	msg = g.failure(t, slackAuthor, "/remind cancel 2", bot.Conflict)
	hasAll(t, "cancel twice", msg, "already cancelled")
	if got := g.text(t, slackAuthor, "", "/remind list"); strings.Contains(got, "Check the proof") {
		t.Errorf("a cancelled reminder is listed:\n%s", got)
	}
	hasAll(t, "bob's list", g.text(t, bob, "", "/remind list"), "#1 · Friday 27 November 2026, 10:00 UTC · Order more copies")
}

func TestRemindAddRejects(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	tests := []struct{ line, code, want string }{
		{"/remind add when:2026-11-19 text:x", bot.Invalid, "already passed"},
		{"/remind add when:2026-11-20 09:00 text:x", bot.Invalid, "already passed"},
		{"/remind add when:2029-01-01 text:x", bot.Invalid, "up to two years ahead"},
		{"/remind add when:200w text:x", bot.Invalid, "up to two years ahead"},
		{"/remind add when:tomorrow text:x", bot.Invalid, "I can't read when: “tomorrow”"},
		{"/remind add when:3d", bot.Invalid, "What should I remind you of?"},
		{"/remind add when:3d text:" + strings.Repeat("x", 301), bot.Invalid, "the limit is 300"},
		{"/remind add when:3d tz:Nowhere/Town text:x", bot.Invalid, "I don't know the time zone"},
		{"/remind cancel 99", bot.NotFound, "You have no reminder #99"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			hasAll(t, tt.line, g.failure(t, slackAuthor, tt.line, tt.code), tt.want)
		})
	}
	if _, err := g.r.Parse("/remind cancel two"); bot.ErrorCode(err) != bot.Invalid {
		t.Errorf("/remind cancel two: %v, want a usage error", err)
	}
	noDB := routerWithoutReminders(t, g.db)
	if _, err := runCmd(t, noDB, slackAuthor, "", "/remind list"); bot.ErrorCode(err) != bot.Conflict {
		t.Errorf("/remind without a database: %v, want a Conflict", err)
	}
}

func TestRemindOpenLimit(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	for range ledger.MaxOpenReminders {
		g.text(t, slackAuthor, "", "/remind add 1d x")
	}
	hasAll(t, "limit", g.failure(t, slackAuthor, "/remind add 1d one more", bot.Conflict), "You have 100 reminders to come")
}

func TestRemindAuto(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	hasAll(t, "off", g.text(t, slackAuthor, "", "/remind auto off"), "Automatic reminders about your orders are off")
	s, _ := g.db.ReminderSettings(context.Background(), slackAuthor.Key())
	if s.Automatic {
		t.Error("still on after /remind auto off")
	}
	hasAll(t, "list", g.text(t, slackAuthor, "", "/remind list"), "are off (/remind auto on")
	hasAll(t, "on", g.text(t, slackAuthor, "fr", "/remind auto on"), "Les rappels automatiques sont activés")
	if s, _ := g.db.ReminderSettings(context.Background(), slackAuthor.Key()); !s.Automatic {
		t.Error("still off after /remind auto on")
	}
	if _, err := g.r.Parse("/remind auto maybe"); bot.ErrorCode(err) != bot.Invalid {
		t.Errorf("/remind auto maybe: %v", err)
	}
}

func TestReminderMessage(t *testing.T) {
	now := time.Date(2026, 12, 16, 8, 0, 0, 0, time.UTC)
	r := testRouter(t, testDB(t), WithClock(func() time.Time { return now }))
	tests := []struct {
		rem  ledger.Reminder
		want []string
	}{
		{ledger.Reminder{Number: 4, Kind: ledger.ReminderNote, Due: now, Zone: "UTC", Lang: "en", Text: "Call @everyone"},
			[]string{"⏰ Reminder", "Call @\u200beveryone", "Reminder #4, which you set."}},
		{ledger.Reminder{Number: 2, Kind: ledger.ReminderPreorder, Due: now.Add(-2 * time.Hour), Zone: "Europe/Paris", Lang: "fr", Text: "Publiez"},
			[]string{"⏰ Rappel", "une étape de votre plan de précommande", "Il était prévu le mercredi 16 décembre 2026 à 07:00 CET ; j'étais hors ligne"}},
		{ledger.Reminder{Number: 9, Kind: ledger.ReminderLate, Order: 3, Due: now, Zone: "UTC", Lang: "en", Text: "late"},
			[]string{"Automatic reminder about order #3. To stop these: /remind auto off"}},
	}
	for _, tt := range tests {
		hasAll(t, tt.rem.Kind, bot.PlainText(r.ReminderMessage(tt.rem)), tt.want...)
	}
}

// FuzzParseWhen checks that any when typed is refused or read as a time
// in the author's zone that a delay can reach, without a panic.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2026-12-18", "2026-12-18 09:30", "2026-12-18T9h30", "90m", "2h", "3d", "1w", "1d12h", "9999999999d", "2026-02-30", "-1h", "0m"} {
		f.Add(s)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		f.Skip("no tz database")
	}
	now := time.Date(2026, 3, 28, 22, 0, 0, 0, paris)
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseWhen(s, now, paris)
		if !ok {
			return
		}
		if got.Location() != paris {
			t.Fatalf("%q: %v is not in the author's zone", s, got)
		}
		if got.Year() < 0 || got.Year() > 10000 { // 0000-01-01 reads; /remind add then refuses it as past
			t.Fatalf("%q: %v is not a plausible time", s, got)
		}
		when, rest := splitWhen(s)
		if again, ok2 := parseWhen(when, now, paris); rest == "" && (!ok2 || !again.Equal(got)) {
			t.Fatalf("%q: splitWhen gives %q, which reads as %v, %v", s, when, again, ok2)
		}
	})
}

// TestOrderReminders follows the automatic reminders of an order through
// its life: set when it has an expected date, moved with it, withdrawn on
// delivery; a refund-window reminder after a damage report; none when the
// author switched them off.
func TestOrderReminders(t *testing.T) {
	ctx := context.Background()
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	g.text(t, slackAuthor, "", "/preorder 2026-12-18 tz:Europe/Paris")
	list := func() []ledger.Reminder {
		l, err := g.db.Reminders(ctx, slackAuthor.Key())
		if err != nil {
			t.Fatal(err)
		}
		return l
	}

	got := g.text(t, slackAuthor, "", "/order add 25 us The Long Road expected:2026-11-27")
	hasAll(t, "order add", got, "I'll remind you on Saturday 28 November 2026, 09:00 CET")
	l := list()
	if len(l) != 1 || l[0].Kind != ledger.ReminderLate || l[0].Order != 1 || l[0].Tag != "order:1:late" {
		t.Fatalf("reminders after /order add: %+v", l)
	}
	hasAll(t, "late text", l[0].Text, "Order #1 (“The Long Road” on amazon.com) was expected on Friday 27 November 2026", "/order delivered 1")

	got = g.text(t, slackAuthor, "", "/order edit 1 expected:2026-12-02")
	hasAll(t, "order edit", got, "I'll remind you on Thursday 3 December 2026, 09:00 CET")
	if l := list(); len(l) != 1 || !l[0].Due.Equal(time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("after moving the date: %+v", l)
	}
	g.text(t, slackAuthor, "", "/order shipped 1")
	if l := list(); l[0].Status != ledger.ReminderPending {
		t.Errorf("shipping withdrew the reminder: %s", l[0].Status)
	}
	g.now = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	g.text(t, slackAuthor, "", "/order delivered 1")
	if l := list(); l[0].Status != ledger.ReminderCancelled {
		t.Errorf("after delivery the late reminder is %s, want cancelled", l[0].Status)
	}

	got = g.text(t, slackAuthor, "", "/order problem 1 damaged")
	hasAll(t, "problem", got, "I'll remind you on Friday 25 December 2026, 09:00 CET, 5 days before the deadline")
	l = list()
	if len(l) != 2 || l[1].Kind != ledger.ReminderRefund || l[1].Tag != "order:1:refund" {
		t.Fatalf("after /order problem: %+v", l)
	}
	hasAll(t, "refund text", l[1].Text, "5 days left: KDP refunds damaged copies of order #1", "by Wednesday 30 December 2026", contactURL)
	// Reporting again does not add a second one.
	g.text(t, slackAuthor, "", "/order problem 1 damaged")
	if l := list(); len(l) != 2 {
		t.Errorf("%d reminders after reporting twice, want 2", len(l))
	}

	// An order entered after its expected date gets no reminder; a deleted
	// order's reminders go with it.
	got = g.text(t, slackAuthor, "", "/order add 5 us Late Entry ordered:2026-11-01 expected:2026-11-10")
	if strings.Contains(got, "I'll remind you") {
		t.Errorf("a reminder for a date already past:\n%s", got)
	}
	g.text(t, slackAuthor, "", "/order add 5 us Third expected:2026-12-10")
	g.text(t, slackAuthor, "", "/order delete 3")
	for _, r := range list() {
		if r.Order == 3 && r.Status != ledger.ReminderCancelled {
			t.Errorf("deleted order's reminder is %s", r.Status)
		}
	}

	// Off: no new automatic reminders, and no promise of one.
	g.text(t, slackAuthor, "", "/remind auto off")
	got = g.text(t, slackAuthor, "", "/order add 5 us Fourth expected:2026-12-10")
	if strings.Contains(got, "I'll remind you") {
		t.Errorf("promised a reminder with automatic reminders off:\n%s", got)
	}
	for _, r := range list() {
		if r.Order == 4 {
			t.Errorf("reminder for order 4 with automatic reminders off: %+v", r)
		}
	}

	// Without a database for reminders the orders work as before.
	plain := routerWithoutReminders(t, g.db, WithClock(func() time.Time { return g.now }))
	if _, err := runCmd(t, plain, slackAuthor, "", "/order add 5 us Fifth expected:2026-12-10"); err != nil {
		t.Fatal(err)
	}
}

// TestRemindersInMyData: /mydata export shows reminders and settings,
// /mydata forget deletes them, and a forgotten reminder is never sent.
func TestRemindersInMyData(t *testing.T) {
	ctx := context.Background()
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	g.text(t, slackAuthor, "", "/remind add 3d tz:Europe/Paris Send the ARC to @everyone")

	reply, err := runCmd(t, g.r, slackAuthor, "", "/mydata export")
	if err != nil || reply.File == nil {
		t.Fatalf("/mydata export: %v, no file", err)
	}
	hasAll(t, "export", bot.PlainText(reply), "1 reminder", "your reminder settings")
	hasAll(t, "export file", string(reply.File.Data), `"reminders": [`, `"text": "Send the ARC to \u0040everyone"`,
		`"reminder_settings": {`, `"zone": "Europe/Paris"`)
	hasAll(t, "forget prompt", g.text(t, slackAuthor, "", "/mydata forget"), "Delete all your data?", "1 reminder")
	hasAll(t, "forget", g.text(t, slackAuthor, "", "/mydata forget confirm:yes"), "Done: I deleted everything", "1 reminder")

	if l, _ := g.db.Reminders(ctx, slackAuthor.Key()); len(l) != 0 {
		t.Errorf("%d reminders left after /mydata forget", len(l))
	}
	claimed, err := g.db.ClaimReminders(ctx, ledger.Claim{Now: g.now.AddDate(0, 0, 4), Lease: time.Minute, Platforms: []string{"slack"}})
	if err != nil || len(claimed) != 0 {
		t.Errorf("claimed after forget: %v, %v", claimed, err)
	}
	hasAll(t, "numbering", g.text(t, slackAuthor, "", "/remind add 1d again"), "Reminder #1 set")
}

// TestRemindOpenLimitUnderConcurrency: forty /remind add released at once
// with 90 reminders to come leave exactly 100, the cap; the others are
// told why, and how to make room.
func TestRemindOpenLimitUnderConcurrency(t *testing.T) {
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	for range ledger.MaxOpenReminders - 10 {
		g.text(t, slackAuthor, "", "/remind add 1d x")
	}
	start := make(chan struct{})
	errs := make([]error, 40)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			<-start
			_, errs[i] = runCmd(t, g.r, slackAuthor, "", "/remind add 2d racing")
		})
	}
	close(start)
	wg.Wait()
	refused := 0
	for _, err := range errs {
		switch {
		case err == nil:
		case bot.ErrorCode(err) == bot.Conflict:
			refused++
			hasAll(t, "refusal", bot.ErrorMessage(err), "You have 100 reminders to come, the most I keep is 100", "/remind cancel")
		default:
			t.Errorf("/remind add: %v", err)
		}
	}
	list, err := g.db.Reminders(context.Background(), slackAuthor.Key())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != ledger.MaxOpenReminders || refused != 30 {
		t.Errorf("%d reminders set and %d refused; want %d and 30", len(list), refused, ledger.MaxOpenReminders)
	}
}

// TestRefusedCommandKeepsNoZone: a time zone typed with a command that is
// refused is not remembered; one typed with a command that succeeds is,
// with what the command stores.
func TestRefusedCommandKeepsNoZone(t *testing.T) {
	ctx := context.Background()
	g := newRemindRig(t, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	zone := func() string {
		t.Helper()
		s, err := g.db.ReminderSettings(ctx, slackAuthor.Key())
		if err != nil {
			t.Fatal(err)
		}
		return s.Zone
	}
	g.failure(t, slackAuthor, "/remind add when:tomorrow tz:Asia/Tokyo text:x", bot.Invalid)
	g.failure(t, slackAuthor, "/preorder 2020-01-01 tz:Asia/Tokyo", bot.Invalid)
	if z := zone(); z != "" {
		t.Errorf("zone %q remembered from refused commands", z)
	}
	g.text(t, slackAuthor, "", "/remind add when:3d tz:Asia/Tokyo text:x")
	if z := zone(); z != "Asia/Tokyo" {
		t.Errorf("zone %q after /remind add; want Asia/Tokyo", z)
	}
	g.text(t, slackAuthor, "", "/preorder 2026-12-18 tz:Europe/Paris")
	if z := zone(); z != "Europe/Paris" {
		t.Errorf("zone %q after /preorder; want Europe/Paris", z)
	}
}
