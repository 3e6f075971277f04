package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

// harness is a router on a real SQLite file with a clock the test sets.
type harness struct {
	r   *Router
	db  *store.DB
	now time.Time
}

var (
	alice = bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1"}
	bob   = bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U2"}
)

func newHarness(t testing.TB) *harness {
	t.Helper()
	h := &harness{db: testDB(t), now: time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC)}
	// No limits: these tests go faster than any author (see TestLimits).
	h.r = testRouter(t, h.db, WithClock(func() time.Time { return h.now }), WithLimits(Limits{}))
	return h
}

// do parses line as user would type it and handles it.
func (h *harness) do(user bot.User, locale, line string) (*bot.Reply, error) {
	req, err := h.r.Parse(line)
	if err != nil {
		return nil, err
	}
	req.User, req.Locale = user, locale
	return h.r.Handle(context.Background(), req)
}

// ok runs line and returns the reply as plain text, failing on an error.
func (h *harness) ok(t testing.TB, user bot.User, line string) string {
	t.Helper()
	reply, err := h.do(user, "", line)
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	if !reply.Ephemeral {
		t.Errorf("%s: reply is not ephemeral", line)
	}
	return bot.PlainText(reply)
}

// fail runs line and returns the error message, failing unless the error
// has the given code.
func (h *harness) fail(t testing.TB, user bot.User, line, code string) string {
	t.Helper()
	reply, err := h.do(user, "", line)
	if err == nil {
		t.Fatalf("%s: succeeded with %q; want a %s error", line, bot.PlainText(reply), code)
	}
	if got := bot.ErrorCode(err); got != code {
		t.Fatalf("%s: error %q has code %s; want %s", line, err, got, code)
	}
	return bot.ErrorMessage(err)
}

func wantIn(t testing.TB, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q lacks %q", what, got, w)
		}
	}
}

func wantNotIn(t testing.TB, what, got string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			t.Errorf("%s: %q contains %q", what, got, w)
		}
	}
}

func TestOrderAdd(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
		check      func(t *testing.T, o ledger.Order)
	}{
		{
			name: "positional values, title without quotes",
			line: "/order add 25 us The Long Road",
			want: []string{"Order #1 added", "25 author copies", "“The Long Road”", "amazon.com", "ordered 2026-11-22"},
			check: func(t *testing.T, o ledger.Order) {
				if o.Quantity != 25 || o.Marketplace != "amazon.com" || o.Title != "The Long Road" || o.Kind != "author" || o.Status != "ordered" {
					t.Errorf("stored %+v", o)
				}
			},
		},
		{
			name: "every option",
			line: `/order add quantity:3 marketplace:www.amazon.co.uk title:"Robert's Book" kind:proof isbn:978-0-306-40615-7 ordered:2026-11-01 expected:2026-11-12 note:launch copies`,
			want: []string{"3 proof copies", "amazon.co.uk", "ISBN: 9780306406157", "Ordered: 2026-11-01", "Expected: 2026-11-12", "Note: launch copies"},
			check: func(t *testing.T, o ledger.Order) {
				if o.Kind != "proof" || o.ISBN != "9780306406157" || o.Note != "launch copies" ||
					o.Ordered.Format(dateLayout) != "2026-11-01" || o.Expected.Format(dateLayout) != "2026-11-12" {
					t.Errorf("stored %+v", o)
				}
			},
		},
		{name: "marketplace by country", line: "/order add 10 germany Das Buch", want: []string{"amazon.de"}},
		{name: "marketplace with capitals", line: "/order add 10 Amazon.fr Le Livre", want: []string{"amazon.fr"}},
		{name: "marketplace .com", line: "/order add 10 .com Book", want: []string{"amazon.com"}},
		{name: "marketplace japan", line: "/order add 10 japan Book", want: []string{"amazon.co.jp"}},
		{name: "ISBN-10 with X", line: "/order add 10 uk Book isbn:0-8044-2957-x", want: []string{"ISBN: 080442957X"}},
		{name: "999 copies", line: "/order add 999 uk Book", want: []string{"999 author copies"}},
		{name: "one copy", line: "/order add 1 uk Book", want: []string{"1 author copy"}},
	}
	h := newHarness(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user := bot.User{Platform: bot.Console, ID: tt.name} // a fresh ledger
			got := h.ok(t, user, tt.line)
			wantIn(t, tt.line, got, tt.want...)
			if tt.check != nil {
				o, err := h.db.Order(context.Background(), user.Key(), 1)
				if err != nil {
					t.Fatal(err)
				}
				tt.check(t, o)
			}
		})
	}
}

func TestOrderAddFrench(t *testing.T) {
	h := newHarness(t)
	reply, err := h.do(alice, "fr", "/order add 12 france Le Long Chemin")
	if err != nil {
		t.Fatal(err)
	}
	got := bot.PlainText(reply)
	wantIn(t, "french add", got, "Commande #1 ajoutée", "12 exemplaires d'auteur", "amazon.fr", "commandée le 2026-11-22")
	_, err = h.do(alice, "fr", "/order add 1000 france Livre")
	wantIn(t, "french error", bot.ErrorMessage(err), "pour 1\u202f000 exemplaires, passez 2 commandes")
}

// TestBadInput: each line must be refused with a message that says what
// to type instead, and store nothing.
func TestBadInput(t *testing.T) {
	long := strings.Repeat("x", 10*1024)
	tests := []struct {
		name, line, code string
		want             []string
	}{
		{"quantity 0", "/order add 0 us Book", bot.Invalid, []string{"1 to 999", "0 is not a number of copies"}},
		{"quantity 1000", "/order add 1000 us Book", bot.Invalid, []string{"Quantity must be 1 to 999 (KDP's limit per order); for 1,000 copies place 2 orders."}},
		{"quantity 2500", "/order add 2500 us Book", bot.Invalid, []string{"for 2,500 copies place 3 orders"}},
		{"quantity 1,200", "/order add 1,200 us Book", bot.Invalid, []string{"for 1,200 copies place 2 orders"}},
		{"quantity 1 200, narrow no-break space", `/order add quantity:"1 200" marketplace:us title:Book`, bot.Invalid, []string{"for 1,200 copies place 2 orders"}},
		{"quantity 1 500, no-break space", `/order add quantity:"1 500" marketplace:us title:Book`, bot.Invalid, []string{"for 1,500 copies place 2 orders"}},
		{"quantity -1", "/order add quantity:-1 marketplace:us title:Book", bot.Invalid, []string{"1 to 999", "-1 is not"}},
		{"quantity ten", "/order add ten us Book", bot.Invalid, []string{"quantity must be a whole number", "ten", "Example: /order add"}},
		{"six proofs", "/order add 6 us Book kind:proof", bot.Invalid, []string{"limited to 5 per order", "for 6 proofs place 2 orders"}},
		{"unknown marketplace", "/order add 5 narnia Book", bot.Invalid, []string{"I don't know the Amazon marketplace “narnia”", "amazon.com", "amazon.co.uk", "amazon.in"}},
		{"February 30", "/order add 5 us Book ordered:2026-02-30", bot.Invalid, []string{"2026-02-30 is not a real date: February 2026 has 28 days."}},
		{"leap year is fine, month 13 is not", "/order add 5 us Book ordered:2026-13-01", bot.Invalid, []string{"months run from 01 to 12"}},
		{"not a date", "/order add 5 us Book expected:next week", bot.Invalid, []string{"YYYY-MM-DD", "“next week”"}},
		{"slashes", "/order add 5 us Book expected:12/01/2026", bot.Invalid, []string{"YYYY-MM-DD"}},
		{"ordered in the future", "/order add 5 us Book ordered:2026-12-01", bot.Invalid, []string{"can't be in the future", "today is 2026-11-22"}},
		{"expected before ordered", "/order add 5 us Book ordered:2026-11-10 expected:2026-11-09", bot.Invalid, []string{"can't be before the order date (2026-11-10)"}},
		{"10 KB title", "/order add 5 us " + long, bot.Invalid, []string{"The title is 10,240 characters long; the limit is 200."}},
		{"long note", "/order add 5 us Book note:" + strings.Repeat("n", 501), bot.Invalid, []string{"note is 501 characters", "limit is 500"}},
		{"empty title", `/order add 5 us ""`, bot.Invalid, []string{"Give the book's title"}},
		{"bad ISBN check digit", "/order add 5 us Book isbn:978-0-306-40615-8", bot.Invalid, []string{"the check digit should be 7, not 8"}},
		{"short ISBN", "/order add 5 us Book isbn:12345", bot.Invalid, []string{"10 or 13 digits", "has 5"}},
		{"unknown kind", "/order add 5 us Book kind:ebook", bot.Invalid, []string{"kind must be one of author|proof"}},
		{"no number", "/order show", bot.Invalid, []string{"/order show needs number"}},
		{"number zero", "/order show 0", bot.Invalid, []string{"Give the order's number"}},
		{"no such order", "/order show 7", bot.NotFound, []string{"You have no order #7."}},
		{"edit without changes", "/order edit 7", bot.Invalid, []string{"Say what to change"}},
		{"problem kind", "/order problem 1 stolen", bot.Invalid, []string{"kind must be one of damaged|lost|defective|wrong"}},
		{"list status", "/order list lost", bot.Invalid, []string{"status must be one of"}},
		{"long tracking", "/order shipped 1 " + strings.Repeat("1", 101), bot.Invalid, []string{"tracking is 101 characters", "limit is 100"}},
		{"long details", "/order problem 1 damaged details:" + strings.Repeat("d", 501), bot.Invalid, []string{"details is 501 characters"}},
	}
	h := newHarness(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user := bot.User{Platform: bot.Console, ID: tt.name} // a fresh ledger
			msg := h.fail(t, user, tt.line, tt.code)
			wantIn(t, tt.name, msg, tt.want...)
			if len(msg) > 2000 {
				t.Errorf("message is %d bytes: it must not echo the whole input", len(msg))
			}
			if list, _ := h.db.Orders(context.Background(), user.Key(), ""); len(list) != 0 {
				t.Errorf("a refused line stored %d orders", len(list))
			}
		})
	}
}

// TestTextStoredVerbatim: text that looks like SQL or markup is stored as
// typed; control characters are dropped; mentions never come back raw.
func TestTextStoredVerbatim(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	sqlish := `'; DROP TABLE orders; --`
	got := h.ok(t, alice, `/order add 5 us title:"`+sqlish+`"`)
	wantIn(t, "sql title", got, "“"+sqlish+"”")
	o, err := h.db.Order(ctx, alice.Key(), 1)
	if err != nil {
		t.Fatalf("orders table gone? %v", err)
	}
	if o.Title != sqlish {
		t.Errorf("stored title %q, want %q", o.Title, sqlish)
	}
	h.ok(t, alice, "/order add 5 us Second")
	if list, err := h.db.Orders(ctx, alice.Key(), ""); err != nil || len(list) != 2 {
		t.Errorf("after the SQL-looking title: %d orders, %v", len(list), err)
	}

	got = h.ok(t, alice, "/order add 5 us Bad\x00Ti\x1btle\u202e here note:one\ttwo")
	o, _ = h.db.Order(ctx, alice.Key(), 3)
	if o.Title != "BadTitle here" || o.Note != "one two" {
		t.Errorf("stored title %q, note %q; want control characters removed", o.Title, o.Note)
	}
	wantNotIn(t, "control characters", got, "\x00", "\x1b", "\u202e")

	mentions := []string{"@everyone", "@here", "@channel", "<!channel>", "<!here>", "<@U123>", "<#C1>", "@Everyone"}
	title := strings.Join(mentions, " ")
	line := fmt.Sprintf(`/order add 5 us title:"%s" note:"%s" isbn:`, title, title)
	out := []string{h.fail(t, alice, line+"@everyone", bot.Invalid)} // the ISBN error echoes the text
	out = append(out, h.ok(t, alice, fmt.Sprintf(`/order add 5 us title:"%s" note:"%s"`, title, title)))
	o, _ = h.db.Order(ctx, alice.Key(), 4)
	if o.Title != title || o.Note != title {
		t.Errorf("stored %q / %q; the stored text must stay as typed", o.Title, o.Note)
	}
	out = append(out,
		h.ok(t, alice, "/order show 4"),
		h.ok(t, alice, "/order list"),
		h.ok(t, alice, fmt.Sprintf(`/order edit 4 note:"%s x"`, title)),
		h.ok(t, alice, "/order shipped 4 tracking:@here"),
		h.ok(t, alice, "/order problem 4 damaged details:@everyone look <!channel>"),
		h.fail(t, alice, "/order add 5 @everyone Book", bot.Invalid),
		h.ok(t, alice, "/mydata export"),
	)
	for _, text := range out {
		lower := strings.ToLower(text)
		wantNotIn(t, "reply", lower, "@everyone", "@here", "@channel", "<!", "<@", "<#")
	}
}

func TestOrderListAndShow(t *testing.T) {
	h := newHarness(t)
	wantIn(t, "empty list", h.ok(t, alice, "/order list"), "You have no orders yet", "/order add")
	h.ok(t, alice, "/order add 10 us First expected:2026-12-01")
	h.ok(t, alice, "/order add 20 uk Second")
	h.ok(t, alice, "/order add 30 de Third")
	h.ok(t, alice, "/order shipped 2")
	h.ok(t, alice, "/order cancel 3")

	got := h.ok(t, alice, "/order list")
	wantIn(t, "list", got, "Your orders (3)",
		"#1 · ordered · 10 author copies · amazon.com · “First” · expected 2026-12-01",
		"#2 · shipped · 20 author copies · amazon.co.uk · “Second”",
		"#3 · cancelled · 30 author copies · amazon.de · “Third” · cancelled 2026-11-22")
	got = h.ok(t, alice, "/order list shipped")
	wantIn(t, "list shipped", got, "Your shipped orders (1)", "#2")
	wantNotIn(t, "list shipped", got, "#1", "#3")
	wantIn(t, "list delivered", h.ok(t, alice, "/order list status:delivered"), "You have no delivered orders")

	got = h.ok(t, alice, "/order show #2")
	wantIn(t, "show", got, "Order #2", "Status: shipped", "Shipped: 2026-11-22", "Track Package", "/order delivered 2")
	h.now = h.now.AddDate(0, 0, 12)
	wantIn(t, "show late", h.ok(t, alice, "/order show 1"), "Order #1 was expected 3 days ago (2026-12-01)", "Your Orders on amazon.com")
}

func TestOrderListLimit(t *testing.T) {
	h := newHarness(t)
	for i := range maxListed + 5 {
		h.ok(t, alice, fmt.Sprintf("/order add 1 us Book %d", i+1))
	}
	got := h.ok(t, alice, "/order list")
	wantIn(t, "long list", got, fmt.Sprintf("Your orders (%d)", maxListed+5), "The latest 25 of 30", "#30 ")
	wantNotIn(t, "long list", got, "#5 ·")
}

func TestOrderLifecycle(t *testing.T) {
	h := newHarness(t)
	h.ok(t, alice, "/order add 10 us Book ordered:2026-11-10")

	// Edit while ordered.
	got := h.ok(t, alice, "/order edit 1 quantity:20 expected:2026-11-30 note:gift")
	wantIn(t, "edit", got, "quantity: 10 → 20", "expected: (none) → 2026-11-30", "Order Details", "Change", "Expected Delivery Date", "only my record")
	wantIn(t, "edit empty title", h.fail(t, alice, "/order edit 1 title:", bot.Invalid), "Give the book's title")
	h.ok(t, alice, "/order edit 1 note:")
	if o, _ := h.db.Order(context.Background(), alice.Key(), 1); o.Note != "" || o.Quantity != 20 {
		t.Errorf("after clearing the note: %+v", o)
	}

	// Shipped, then no more edits or cancelling.
	got = h.ok(t, alice, "/order shipped 1 1Z999")
	wantIn(t, "shipped", got, "marked shipped on 2026-11-22", "Track Package", "Tracking: 1Z999")
	wantIn(t, "shipped twice", h.fail(t, alice, "/order shipped 1", bot.Conflict), "already marked shipped (2026-11-22)")
	h.ok(t, alice, "/order shipped 1 tracking:1Z888") // a corrected tracking number
	wantIn(t, "edit shipped", h.fail(t, alice, "/order edit 1 quantity:5", bot.Conflict), "Order #1 has shipped (2026-11-22), so it can no longer be changed.")
	wantIn(t, "cancel shipped", h.fail(t, alice, "/order cancel 1", bot.Conflict),
		"Order #1 has shipped (2026-11-22), so it can no longer be cancelled.", "Amazon only cancels orders that have not entered shipping")

	// Delivered: date rules.
	wantIn(t, "future", h.fail(t, alice, "/order delivered 1 2026-11-23", bot.Invalid), "in the future (today is 2026-11-22)")
	wantIn(t, "before shipping", h.fail(t, alice, "/order delivered 1 2026-11-21", bot.Invalid), "shipped on 2026-11-22")
	got = h.ok(t, alice, "/order delivered 1")
	wantIn(t, "delivered", got, "marked delivered on 2026-11-22", "Order #1, delivered 2026-11-22: 30 days left to contact KDP", "by 2026-12-22")
	wantIn(t, "delivered twice", h.fail(t, alice, "/order delivered 1", bot.Conflict), "already marked delivered on 2026-11-22")
	wantIn(t, "cancel delivered", h.fail(t, alice, "/order cancel 1", bot.Conflict), "Order #1 was delivered on 2026-11-22, so it can no longer be cancelled.")
	wantIn(t, "ship delivered", h.fail(t, alice, "/order shipped 1", bot.Conflict), "so it can no longer be marked shipped")

	// Cancel from ordered, then nothing moves it.
	h.ok(t, alice, "/order add 5 uk Other ordered:2026-11-20")
	got = h.ok(t, alice, "/order cancel 2")
	wantIn(t, "cancel", got, "Order #2 is marked cancelled", "amazon.co.uk", "Your Orders", "Cancel Items", "Cancel checked items",
		"confirmation email", "Cancelled Orders", "go into inventory to fill other orders", "/help cancel-order")
	wantIn(t, "cancel twice", h.fail(t, alice, "/order cancel 2", bot.Conflict), "Order #2 was cancelled on 2026-11-22")
	wantIn(t, "ship cancelled", h.fail(t, alice, "/order shipped 2", bot.Conflict), "was cancelled")
	wantIn(t, "deliver cancelled", h.fail(t, alice, "/order delivered 2", bot.Conflict), "was cancelled")
	wantIn(t, "edit cancelled", h.fail(t, alice, "/order edit 2 note:x", bot.Conflict), "can no longer be changed")

	// Delivered straight from ordered, with a date, and a corrected date.
	h.ok(t, alice, "/order add 5 fr Livre ordered:2026-11-01")
	wantIn(t, "before ordered", h.fail(t, alice, "/order delivered 3 2026-10-31", bot.Invalid), "ordered on 2026-11-01, so it can't have arrived on 2026-10-31")
	wantIn(t, "delivered with date", h.ok(t, alice, "/order delivered 3 date:2026-11-10"), "Order #3, delivered 2026-11-10: 18 days left to contact KDP about damaged or lost copies (until 2026-12-10).")
	wantIn(t, "corrected date", h.ok(t, alice, "/order delivered 3 2026-11-12"), "delivered on 2026-11-12")

	// Delete: gone, and the number is not given again.
	wantIn(t, "delete", h.ok(t, alice, "/order delete 3"), "Order #3 is removed", "no other order will be #3")
	h.fail(t, alice, "/order show 3", bot.NotFound)
	h.fail(t, alice, "/order delete 3", bot.NotFound)
	wantIn(t, "next number", h.ok(t, alice, "/order add 1 us After"), "Order #4 added")
}

func TestOrderProblem(t *testing.T) {
	h := newHarness(t)
	h.now = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	h.ok(t, alice, "/order add 10 us Delivered ordered:2026-11-01")                  // #1
	h.ok(t, alice, "/order delivered 1 2026-11-10")                                  //
	h.ok(t, alice, "/order add 10 us Old ordered:2026-09-01")                        // #2
	h.ok(t, alice, "/order delivered 2 2026-10-01")                                  //
	h.ok(t, alice, "/order add 10 uk Late ordered:2026-10-20 expected:2026-11-02")   // #3
	h.ok(t, alice, "/order add 10 de Coming ordered:2026-11-20 expected:2026-11-28") // #4
	h.ok(t, alice, "/order add 10 fr Undated ordered:2026-11-20")                    // #5
	h.ok(t, alice, "/order add 10 it Gone ordered:2026-11-20")                       // #6
	h.ok(t, alice, "/order cancel 6")                                                //
	h.ok(t, alice, "/order add 10 us Today ordered:2026-10-01")                      // #7
	h.ok(t, alice, "/order delivered 7 2026-10-23")                                  //

	tests := []struct {
		line   string
		want   []string
		absent []string
	}{
		{"/order problem 1 damaged the box was crushed", []string{
			"Order #1, delivered 2026-11-10: 18 days left to contact KDP about damaged or lost copies (until 2026-12-10).",
			"https://kdp.amazon.com/contact-us", "not a wrong item", "details: the box was crushed", "/help damaged-or-lost"}, nil},
		{"/order problem 2 damaged", []string{
			"Order #2, delivered 2026-10-01: the 30 days to contact KDP about damaged or lost copies ended on 2026-10-31 (22 days ago).",
			"You can still contact KDP", "https://kdp.amazon.com/contact-us"}, []string{"days left"}},
		{"/order problem 7 damaged", []string{"Order #7, delivered 2026-10-23: today is the last of the 30 days"}, nil},
		{"/order problem 4 damaged", []string{"isn't marked delivered yet", "/order delivered 4 date:YYYY-MM-DD", "within 30 days of receiving"}, nil},
		{"/order problem 1 lost", []string{"Order #1, delivered 2026-11-10: 18 days left", "marked delivered, so I count from that day"}, nil},
		{"/order problem 3 lost", []string{
			"Order #3, expected 2026-11-02: 10 days left to contact KDP", "within 30 days of being told they were lost",
			"I count from the expected delivery date", "if Amazon or the carrier told you later"}, nil},
		{"/order problem 4 lost", []string{"expected on 2026-11-28, so it isn't late yet", "Track Package"}, []string{"days left"}},
		{"/order problem 5 lost", []string{"has no expected date, so I can't count the days", "within 30 days of the day Amazon or the carrier told you"}, nil},
		{"/order problem 1 defective", []string{"0.125 in (3.2 mm)", "Blank pages at the end", "curled or wavy cover", "neither is a defect",
			"outside that tolerance, contact KDP", "https://kdp.amazon.com/contact-us", "/help print-defects"}, nil},
		{"/order problem 1 wrong", []string{"Online Returns Center on amazon.com", "“Wrong item was sent”", "not a wrong item", "/order problem 1 damaged", "/help wrong-item"},
			[]string{"contact-us"}},
		{"/order problem 6 damaged", []string{"marked cancelled (2026-11-22)", "contact KDP"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got := h.ok(t, alice, tt.line)
			wantIn(t, tt.line, got, tt.want...)
			wantNotIn(t, tt.line, got, tt.absent...)
		})
	}
	reply, err := h.do(alice, "fr", "/order problem 1 damaged")
	if err != nil {
		t.Fatal(err)
	}
	wantIn(t, "french window", bot.PlainText(reply), "Commande #1, livrée le 2026-11-10 : il reste 18 jours pour contacter KDP")
}

// TestIsolation: for every order and mydata subcommand, user B (and the
// same Slack id in another workspace) can neither see nor change user A's
// order #1, though B has an order #1 of their own.
func TestIsolation(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	otherWorkspace := bot.User{Platform: bot.Slack, Workspace: "T2", ID: alice.ID}
	sameIDOnDiscord := bot.User{Platform: bot.Discord, Workspace: "G1", ID: alice.ID}
	h.ok(t, alice, "/order add 10 us Alice Secret Title note:alice-note")
	before, _ := h.db.Order(ctx, alice.Key(), 1)

	for _, intruder := range []bot.User{bob, otherWorkspace, sameIDOnDiscord} {
		t.Run(intruder.Key(), func(t *testing.T) {
			if intruder.Key() == alice.Key() {
				t.Fatalf("%s has alice's key", intruder.Key())
			}
			for _, line := range []string{
				"/order show 1", "/order edit 1 quantity:99", "/order shipped 1", "/order delivered 1",
				"/order cancel 1", "/order problem 1 damaged", "/order delete 1",
			} {
				msg := h.fail(t, intruder, line, bot.NotFound)
				wantIn(t, line, msg, "You have no order #1.")
			}
			got := h.ok(t, intruder, "/order list")
			wantNotIn(t, "list", got, "Alice")
			got = h.ok(t, intruder, "/mydata export")
			wantNotIn(t, "export", got, "Alice", "alice-note", alice.Key())
			h.ok(t, intruder, "/mydata forget confirm:yes")

			// The intruder's own #1 is theirs alone.
			wantIn(t, "own add", h.ok(t, intruder, "/order add 1 uk Mine"), "Order #1 added")
			wantIn(t, "own show", h.ok(t, intruder, "/order show 1"), "Mine")
			h.ok(t, intruder, "/order delete 1")
		})
	}
	// A forget button made for alice does nothing for bob.
	msg := h.forgetButton(t, bob, alice.Key(), bot.Forbidden)
	wantIn(t, "foreign button", msg, "for someone else")

	after, err := h.db.Order(ctx, alice.Key(), 1)
	if err != nil {
		t.Fatalf("alice's order is gone: %v", err)
	}
	if !after.Updated.Equal(before.Updated) || after.Quantity != 10 || after.Status != "ordered" {
		t.Errorf("alice's order changed: %+v", after)
	}
	if d, _ := h.db.Export(ctx, alice.Key()); len(d.Orders) != 1 {
		t.Errorf("alice has %d orders, want 1", len(d.Orders))
	}
}

// TestNoUserID: an author the platform does not name has no ledger.
func TestNoUserID(t *testing.T) {
	r := testRouter(t, testDB(t))
	req, err := r.Parse("/order list")
	if err != nil {
		t.Fatal(err)
	}
	req.User = bot.User{Platform: bot.Console}
	if _, err := r.Handle(context.Background(), req); bot.ErrorCode(err) != bot.Forbidden {
		t.Errorf("without a user id: %v, want Forbidden", err)
	}
}

func TestMarketplaces(t *testing.T) {
	for in, want := range map[string]string{
		"us": "amazon.com", "usa": "amazon.com", "USA": "amazon.com", "united states": "amazon.com", ".com": "amazon.com",
		"amazon.com": "amazon.com", "https://www.amazon.com/": "amazon.com", "uk": "amazon.co.uk", "gb": "amazon.co.uk",
		"www.amazon.co.uk": "amazon.co.uk", "co.uk": "amazon.co.uk", "Royaume-Uni": "amazon.co.uk", "de": "amazon.de",
		"amazon.de": "amazon.de", "germany": "amazon.de", "Allemagne": "amazon.de", "Amazon.fr": "amazon.fr",
		"france": "amazon.fr", "japan": "amazon.co.jp", "jp": "amazon.co.jp", "amazon.co.jp": "amazon.co.jp",
		"ca": "amazon.ca", "au": "amazon.com.au", "amazon.com.au": "amazon.com.au", "com.br": "amazon.com.br",
		"mexico": "amazon.com.mx", "in": "amazon.in", "india": "amazon.in", "nl": "amazon.nl", "pl": "amazon.pl",
		"sweden": "amazon.se", "es": "amazon.es", "italy": "amazon.it", "  Amazon.DE  ": "amazon.de",
	} {
		m, ok := LookupMarketplace(in)
		if !ok || m.Domain != want {
			t.Errorf("LookupMarketplace(%q) = %q, %v; want %q", in, m.Domain, ok, want)
		}
	}
	for _, in := range []string{"", "narnia", "amazon", "amazon.xyz", "com.xx", "ebay.com"} {
		if m, ok := LookupMarketplace(in); ok {
			t.Errorf("LookupMarketplace(%q) = %q; want no match", in, m.Domain)
		}
	}
	owner := map[string]string{}
	for _, m := range Marketplaces() {
		for _, key := range append([]string{m.Code, strings.TrimPrefix(m.Domain, "amazon.")}, m.Names...) {
			if o, ok := owner[key]; ok && o != m.Domain {
				t.Errorf("%q names both %s and %s", key, o, m.Domain)
			}
			owner[key] = m.Domain
		}
	}
	if len(Marketplaces()) < 15 {
		t.Errorf("only %d marketplaces", len(Marketplaces()))
	}
}

// The marketplaces a caller is given are its own: changing them changes
// no later lookup.
func TestMarketplacesAreCopies(t *testing.T) {
	m, _ := LookupMarketplace("germany")
	m.Names[0] = "narnia"
	list := Marketplaces()
	list[0].Domain, list[0].Names[0] = "ebay.com", "atlantis"
	for _, in := range []string{"narnia", "atlantis"} {
		if m, ok := LookupMarketplace(in); ok {
			t.Errorf("LookupMarketplace(%q) = %q after a caller changed its copy", in, m.Domain)
		}
	}
	if got := Marketplaces()[0]; got.Domain != "amazon.com" || got.Names[0] != "com" {
		t.Errorf("Marketplaces()[0] = %v after a caller changed its copy", got)
	}
}

func TestParseDate(t *testing.T) {
	today := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"2026-02-28": "2026-02-28", "2028-02-29": "2028-02-29", "2026-3-5": "2026-03-05", "today": "2026-11-22",
		"yesterday": "2026-11-21", "aujourd'hui": "2026-11-22",
	} {
		got, err := parseDate(in, "date", words(t, "en"), today)
		if err != nil || got.Format(dateLayout) != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"2026-02-29": "February 2026 has 28 days", "2026-04-31": "April 2026 has 30 days",
		"2026-00-10": "months run from 01 to 12", "1926-01-01": "looks like a typo", "2026-1-0": "January 2026 has 31 days",
		"22/11/2026": "YYYY-MM-DD",
	} {
		_, err := parseDate(in, "date", words(t, "en"), today)
		if !strings.Contains(bot.ErrorMessage(err), want) {
			t.Errorf("parseDate(%q) error = %v; want it to say %q", in, err, want)
		}
	}
	_, err := parseDate("2026-02-30", "date", words(t, "fr"), today)
	wantIn(t, "french date", bot.ErrorMessage(err), "février 2026 compte 28 jours")
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":               "plain",
		"@everyone":           "@\u200beveryone",
		"hi @Here now":        "hi @\u200bHere now",
		"<!channel>":          "<\u200b!channel>",
		"<@U1> and <#C1>":     "<\u200b@U1> and <\u200b#C1>",
		"mail@example.com":    "mail@example.com",
		"a < b":               "a < b",
		"line\nbreak\x07bell": "line break bell",
	} {
		if got := safeText(in); got != want {
			t.Errorf("safeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCommandSpec(t *testing.T) {
	h := newHarness(t)
	for _, name := range []string{"order", "mydata"} {
		c := bot.Find(h.r.Commands(), name)
		if c == nil {
			t.Fatalf("no /%s command", name)
		}
		checkLocalized(t, "/"+name, c.Localized)
		for _, s := range c.Subs {
			checkLocalized(t, "/"+name+" "+s.Name, s.Localized)
			if s.Example == "" {
				t.Errorf("/%s %s has no example", name, s.Name)
			} else if _, err := h.r.Parse(s.Example); err != nil {
				t.Errorf("/%s %s example %q does not parse: %v", name, s.Name, s.Example, err)
			}
			for _, o := range s.Options {
				checkLocalized(t, "/"+name+" "+s.Name+" "+o.Name, o.Localized)
				if len(o.Description) > 100 {
					t.Errorf("/%s %s %s: description longer than 100 characters", name, s.Name, o.Name)
				}
			}
		}
	}
	add := bot.Find(bot.Find(h.r.Commands(), "order").Subs, "add")
	want := "/order add quantity:<1-999> marketplace:<market> title:<text> [kind:author|proof] [isbn:<isbn>] [ordered:<YYYY-MM-DD>] [expected:<YYYY-MM-DD>] [note:<text>]"
	if got := add.Usage("order add"); got != want {
		t.Errorf("usage:\n got %s\nwant %s", got, want)
	}
}

// checkLocalized holds a French name and description to Discord's rules:
// lowercase, no spaces, at most 32 characters; description at most 100.
func checkLocalized(t *testing.T, what string, l map[string]bot.Localized) {
	t.Helper()
	fr, ok := l["fr"]
	if !ok || fr.Name == "" || fr.Description == "" {
		t.Errorf("%s: no French name and description", what)
		return
	}
	if fr.Name != strings.ToLower(fr.Name) || strings.ContainsAny(fr.Name, " \t") || len([]rune(fr.Name)) > 32 {
		t.Errorf("%s: French name %q must be lowercase, without spaces, at most 32 characters", what, fr.Name)
	}
	if len([]rune(fr.Description)) > 100 {
		t.Errorf("%s: French description is %d characters, more than 100", what, len([]rune(fr.Description)))
	}
}

// TestTopicRefsExist: every knowledge-base topic the order replies point
// to exists, in both languages.
func TestTopicRefsExist(t *testing.T) {
	h := newHarness(t)
	for _, id := range []string{"damaged-or-lost", "track-order", "print-defects", "blank-pages", "curled-cover", "wrong-item", "cancel-order", "change-order"} {
		for _, lang := range []string{"en", "fr"} {
			if _, ok := h.r.kb.Entry(id, lang); !ok {
				t.Errorf("topic %s (%s) is linked from order replies but missing from the knowledge base", id, lang)
			}
		}
	}
}

func BenchmarkOrderAdd(b *testing.B) {
	h := newHarness(b)
	for b.Loop() {
		if _, err := h.do(alice, "", "/order add 10 us The Long Road expected:2026-12-01"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

func BenchmarkOrderList(b *testing.B) {
	h := newHarness(b)
	for range 20 {
		if _, err := h.do(alice, "", "/order add 10 us The Long Road"); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := h.do(alice, "", "/order list"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

func TestCompleteOrder(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	h.ok(t, alice, "/order add 1 us The Long Road")
	h.ok(t, alice, "/order add 1 us Short Stories")
	h.ok(t, alice, "/order shipped 2")
	for i := 3; i <= 12; i++ {
		h.ok(t, alice, fmt.Sprintf("/order add 1 uk Book %d", i))
	}
	values := func(cs []bot.Choice) []string {
		var v []string
		for _, c := range cs {
			v = append(v, c.Value)
		}
		return v
	}
	req := func(user bot.User, sub string) *bot.Request {
		return &bot.Request{User: user, Command: "order", Sub: sub}
	}
	got := h.r.completeOrder(ctx, req(alice, "show"), "number", "1")
	if want := []string{"12", "11", "10", "1"}; strings.Join(values(got), ",") != strings.Join(want, ",") {
		t.Errorf("numbers starting with 1 = %v, want %v", values(got), want)
	}
	got = h.r.completeOrder(ctx, req(alice, "show"), "number", "long")
	if len(got) != 1 || got[0].Value != "1" || got[0].Name != "#1 · ordered · The Long Road" {
		t.Errorf("title match = %+v", got)
	}
	// Cancelling: unshipped orders first, the shipped one last.
	got = h.r.completeOrder(ctx, req(alice, "cancel"), "number", "")
	if v := values(got); len(v) != 12 || v[0] != "12" || v[len(v)-1] != "2" {
		t.Errorf("cancel suggestions = %v", v)
	}
	if got := h.r.completeOrder(ctx, req(bob, "show"), "number", ""); len(got) != 0 {
		t.Errorf("bob is offered alice's orders: %+v", got)
	}
	got = h.r.completeOrder(ctx, req(alice, "add"), "marketplace", "co")
	if v := strings.Join(values(got), ","); v != "amazon.com,amazon.co.uk,amazon.co.jp,amazon.com.au,amazon.com.br,amazon.com.mx" {
		t.Errorf("marketplaces for co = %s", v)
	}
	if got := h.r.completeOrder(ctx, req(alice, "add"), "marketplace", "Amazon.f"); len(got) != 1 || got[0].Value != "amazon.fr" {
		t.Errorf("marketplaces for Amazon.f = %+v", got)
	}
	if got := h.r.completeOrder(ctx, req(alice, "add"), "marketplace", ""); len(got) != len(Marketplaces()) {
		t.Errorf("empty prefix gives %d marketplaces", len(got))
	}
}

// TestShippedDate records a shipment days after it happened, so that the
// delivery that followed can be recorded on its real day.
func TestShippedDate(t *testing.T) {
	h := newHarness(t)
	h.ok(t, alice, "/order add 5 de Weg ordered:2026-10-20")
	wantIn(t, "before ordering", h.fail(t, alice, "/order shipped 1 date:2026-10-19", bot.Invalid), "ordered on 2026-10-20, so it can't have shipped on 2026-10-19")
	wantIn(t, "future", h.fail(t, alice, "/order shipped 1 date:2026-11-30", bot.Invalid), "in the future (today is 2026-11-22)")
	wantIn(t, "shipped", h.ok(t, alice, "/order shipped 1 date:2026-11-02"), "marked shipped on 2026-11-02")
	wantIn(t, "delivered", h.ok(t, alice, "/order delivered 1 2026-11-10"), "Order #1, delivered 2026-11-10: 18 days left to contact KDP")
}

// BenchmarkOrderListLedger measures /order list for a ledger of 10 orders
// and one of 5,000: served from the order cache ("cached") and right after
// a write to the author's ledger ("after-write"), which the cache cannot
// serve. A list shows at most maxListed orders, so its cost should not
// grow with the ledger.
func BenchmarkOrderListLedger(b *testing.B) {
	for _, n := range []int{10, 25, 5000} {
		h := newHarness(b)
		ctx := context.Background()
		for range n {
			o := ledger.Order{User: alice.Key(), Quantity: 10, Marketplace: "amazon.com", Title: "The Long Road", Ordered: h.now}
			if _, err := h.db.AddOrder(ctx, o); err != nil {
				b.Fatal(err)
			}
		}
		list := func(b *testing.B) {
			if _, err := h.do(alice, "", "/order list"); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("orders=%d/cached", n), func(b *testing.B) {
			for b.Loop() {
				list(b)
			}
		})
		b.Run(fmt.Sprintf("orders=%d/after-write", n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				if _, err := h.db.UpdateOrder(ctx, alice.Key(), 1, func(o *ledger.Order) error { o.Note += "x"; return nil }); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				list(b)
			}
		})
	}
}

// TestOrderAddAtCap: a ledger holding ledger.MaxOrders orders takes no
// more, and the author is told, in their language, what to do instead.
func TestOrderAddAtCap(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	for range ledger.MaxOrders {
		o := ledger.Order{User: alice.Key(), Quantity: 1, Marketplace: "amazon.fr", Title: "Le Long Chemin", Ordered: h.now}
		if _, err := h.db.AddOrder(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	got := h.fail(t, alice, "/order add 10 us The Long Road", bot.Conflict)
	wantIn(t, "at the cap", got, "Your ledger holds 5,000 orders, the most I keep", "/mydata export", "/order delete <number>")
	reply, err := h.do(alice, "fr", "/order add 10 fr Le Long Chemin")
	if bot.ErrorCode(err) != bot.Conflict {
		t.Fatalf("in French: %v, %v; want a Conflict", reply, err)
	}
	wantIn(t, "in French", bot.ErrorMessage(err), "Votre suivi compte 5\u202f000 commandes", "/mydata export", "/order delete <numéro>")
	// Deleting one makes room for one.
	h.ok(t, alice, "/order delete 1")
	wantIn(t, "after a delete", h.ok(t, alice, "/order add 10 us The Long Road"), "Order #5001")
	wantIn(t, "the list", h.ok(t, alice, "/order list"), "Your orders (5000)", "The latest 25 of 5000", "#5001 ")
}

// TestEditReportsInTurn: /order edit names the first thing wrong in the
// order it checks them: the order (missing, shipped), then each option in
// turn, with the limits of the order's own kind.
func TestEditReportsInTurn(t *testing.T) {
	h := newHarness(t)
	h.ok(t, alice, "/order add 2 us Proofs kind:proof ordered:2026-11-10")
	h.ok(t, alice, "/order add 10 us Shipped")
	h.ok(t, alice, "/order shipped 2")
	tests := []struct {
		name, line, code string
		want             string
	}{
		{"missing order before a bad option", "/order edit 9 marketplace:narnia", bot.NotFound, "You have no order #9."},
		{"shipped before a bad option", "/order edit 2 marketplace:narnia", bot.Conflict, "has shipped"},
		{"quantity before marketplace", "/order edit 1 quantity:9 marketplace:narnia", bot.Invalid, "limited to 5 per order"},
		{"marketplace before quantity's kind check", "/order edit 1 marketplace:narnia note:x", bot.Invalid, "I don't know the Amazon marketplace"},
		{"expected before note", "/order edit 1 expected:2026-11-01 note:" + strings.Repeat("n", 501), bot.Invalid, "can't be before the order date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantIn(t, tt.name, h.fail(t, alice, tt.line, tt.code), tt.want)
		})
	}
	// The text grammar refuses a quantity that is not a number; a platform
	// that sends options as they were typed reaches the handler with it.
	_, err := h.r.Handle(context.Background(), &bot.Request{User: alice, Command: "order", Sub: "edit",
		Options: map[string]string{"number": "1", "quantity": "ten"}})
	wantIn(t, "unreadable quantity", bot.ErrorMessage(err), "from 1 to 5, like 10")
	if o, _ := h.db.Order(context.Background(), alice.Key(), 1); o.Quantity != 2 || o.Note != "" {
		t.Errorf("a refused edit changed the order: %+v", o)
	}
}
