package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/moderation"
	"github.com/authorbot/authorbot/store/postgres"
)

// TestPostgresErrorsHideThePassword opens PostgreSQL databases that
// cannot be used: the error names the database without its password.
func TestPostgresErrorsHideThePassword(t *testing.T) {
	for _, u := range []string{
		"postgres://bot:s3cret-pw@127.0.0.1:1/authorbot?connect_timeout=2", // nothing listens
		"postgres://bot:s3cret-pw@127.0.0.1:1/authorbot?sslmode=bogus",     // refused by pgx's parser
	} {
		var logs lockedBuffer
		log := slog.New(slog.NewTextHandler(&logs, nil))
		_, err := openStore(context.Background(), config.Config{DBURL: u}, log)
		if err == nil {
			t.Fatalf("%s opened", u)
		}
		if strings.Contains(err.Error(), "s3cret-pw") || strings.Contains(logs.String(), "s3cret-pw") {
			t.Errorf("the password shows: %v\n%s", err, logs.String())
		}
		if !strings.Contains(err.Error(), "127.0.0.1:1") {
			t.Errorf("the error does not say which database: %v", err)
		}
	}
}

// TestServeOnPostgres runs authorbot serve on PostgreSQL with the
// moderators' features, which the SQLite tests cover in depth: a
// question passed on to the moderators and resolved once, a change of
// the knowledge base made by "authorbot kb import" answered from by the
// console on the same database, and a dashboard sign-in link made by "authorbot admin link"
// opening on serve.
func TestServeOnPostgres(t *testing.T) {
	dbURL := pg.Database(t)
	ctx := context.Background()
	// This week's digest counts as sent, so that the moderators' channel
	// holds only what the loop posts.
	db, err := postgres.Open(ctx, dbURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	week := moderation.Week(time.Now())
	if claim, ok, err := db.ClaimDigest(ctx, week, time.Now(), time.Minute); err != nil || !ok {
		t.Fatalf("claim digest: %v %v", ok, err)
	} else if _, err := db.MarkDigestSent(ctx, week, claim, time.Now()); err != nil {
		t.Fatal(err)
	}

	api := newFakeSlackAPI(t)
	vars := map[string]string{
		"AUTHORBOT_DB":                   dbURL,
		"AUTHORBOT_SLACK_SIGNING_SECRET": slackTestSecret,
		"AUTHORBOT_SLACK_BOT_TOKEN":      "xoxb-test",
		"AUTHORBOT_SLACK_API_URL":        api.srv.URL + "/",
		"AUTHORBOT_SLACK_MOD_CHANNEL":    "CMODS",
		"AUTHORBOT_SLACK_MODERATORS":     "UMOD",
	}
	base := startServe(t, vars)
	hook := newResponseHook(t)

	t.Run("handoff", func(t *testing.T) {
		const question = "can amazon gift wrap author copies for my readers"
		r := slash(t, base, "T1", "U1", "/ask", question)
		pressSlack(t, base, "U1", hook.srv.URL, button(blockValue(t, string(r.Blocks), "handoff:")))
		if passed := hook.next(t); !strings.Contains(passed.Text, "passed your question on") {
			t.Fatalf("after Ask a moderator: %q", passed.Text)
		}
		mods := api.postsTo("CMODS")
		if len(mods) != 1 {
			t.Fatalf("%d posts to the moderators' channel, want 1", len(mods))
		}
		resolve := blockValue(t, mods[0].Blocks, "mod-resolve:")
		pressSlack(t, base, "UMOD", hook.srv.URL, button(resolve))
		hook.next(t)
		if open, err := db.OpenHandoffs(ctx); err != nil || len(open) != 0 {
			t.Errorf("open handoffs after Resolve: %+v, %v", open, err)
		}
		pressSlack(t, base, "UMOD", hook.srv.URL, button(resolve))
		if again := hook.next(t); !strings.Contains(again.Text, "already been marked resolved") {
			t.Errorf("a second Resolve: %q", again.Text)
		}
	})

	t.Run("kb override", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "content")
		cli := map[string]string{"AUTHORBOT_DB": dbURL}
		if _, errOut, err := runWith(t, []string{"kb", "export", dir}, cli, ""); err != nil {
			t.Fatalf("export: %v (%s)", err, errOut)
		}
		const title = "How do I cancel an order of author copies?"
		// serve has answered the topic before the change: what it keeps
		// of that answer must not outlive the change.
		if r := slash(t, base, "T1", "U1", "/help", "cancel-order"); strings.Contains(r.Text, title) {
			t.Fatalf("the new title before the import: %q", r.Text)
		}
		replaceIn(t, filepath.Join(dir, "en", "cancel-order.md"),
			"title: How do I cancel an author copy order?", "title: "+title)
		if out, errOut, err := runWith(t, []string{"kb", "import", "--user", "alice", "--apply", dir}, cli, ""); err != nil {
			t.Fatalf("import: %v (%s)", err, errOut)
		} else if !strings.Contains(out, "edit  cancel-order") {
			t.Fatalf("import stored: %s", out)
		}
		console, _, err := runWith(t, []string{"console"}, cli, "/help cancel-order\nexit\n")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(console, title) {
			t.Errorf("the console on the same database does not answer from the import:\n%s", console)
		}
		// The running serve picks the change up within a second or so.
		var last slackReply
		for i := 0; i < 50; i++ {
			time.Sleep(100 * time.Millisecond)
			// (each look from another author: one author's rate limit
			// would answer instead)
			if last = slash(t, base, "T1", fmt.Sprintf("UPOLL%d", i), "/help", "cancel-order"); strings.Contains(last.Text, title) {
				break
			}
		}
		if !strings.Contains(last.Text, title) {
			t.Errorf("serve still answers from before the import: %q", last.Text)
		}
	})

	t.Run("dashboard sign-in", func(t *testing.T) {
		cli := map[string]string{"AUTHORBOT_DB": dbURL, "AUTHORBOT_PUBLIC_URL": base}
		out, errOut, err := runWith(t, []string{"admin", "link", "--user", "maria"}, cli, "")
		if err != nil {
			t.Fatalf("admin link: %v (%s)", err, errOut)
		}
		link := regexp.MustCompile(`http://\S+/admin/sign-in/\S+`).FindString(out)
		if !strings.HasPrefix(link, base+"/admin/sign-in/") {
			t.Fatalf("admin link printed no link under %s:\n%s", base, out)
		}
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		req, _ := http.NewRequest(http.MethodPost, link, nil)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		for i, want := range []string{"/admin/", ""} {
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if got := resp.Request.URL.Path; want != "" && (resp.StatusCode != http.StatusOK || got != want) {
				t.Fatalf("sign-in: status %d at %s, want the overview", resp.StatusCode, got)
			} else if want == "" && resp.StatusCode == http.StatusOK && got == "/admin/" {
				t.Errorf("sign-in #%d: the link worked twice", i+1)
			}
		}
	})
}
