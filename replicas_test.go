package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/internal/pgtest"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store/postgres"
)

// pg is the package's PostgreSQL server, started by the first test that
// needs one (see TestMain).
var pg pgtest.Once

// buildBinary builds authorbot once for the test, with the race detector
// when the tests have it, so that the packages compiled for the tests are
// reused.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "authorbot")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// replica is one authorbot serve process.
type replica struct {
	bin  string
	env  []string
	addr string
	cmd  *exec.Cmd
	log  *lockedBuffer // every run's, a restart's after the first
	done chan error
}

// start starts the process and waits for it to answer /healthz.
func (r *replica) start() error {
	r.cmd = exec.Command(r.bin, "serve")
	r.cmd.Env = append(append([]string{}, r.env...), "AUTHORBOT_HTTP_ADDR="+r.addr)
	r.cmd.Stdout, r.cmd.Stderr = r.log, r.log
	if err := r.cmd.Start(); err != nil {
		return err
	}
	r.done = make(chan error, 1)
	go func() { r.done <- r.cmd.Wait() }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + r.addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case err := <-r.done:
			r.done <- err
			return fmt.Errorf("replica %s exited: %v\n%s", r.addr, err, r.log.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("replica %s did not start:\n%s", r.addr, r.log.String())
		}
	}
}

// kill ends the process with SIGKILL.
func (r *replica) kill() {
	r.cmd.Process.Signal(syscall.SIGKILL)
	<-r.done
}

// stop ends the process as an operator would, if it was started.
func (r *replica) stop() {
	if r.done == nil {
		return
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.done:
	case <-time.After(15 * time.Second):
		r.cmd.Process.Kill()
		<-r.done
	}
}

// freeAddr is a loopback address that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// delivery is one command sent to the replicas: an order added from
// Slack or Discord, its retry (to another replica than the original),
// and what came of each.
type delivery struct {
	platform bot.Platform
	user     string
	title    string
	body     string // the form or the interaction, the same for the retry
	// retry is when the retry goes: "" for none, "after" the original's
	// answer, "with" it at the same moment.
	retry string

	confirmed atomic.Int32 // answers that added the order
	refused   atomic.Int32 // answers that refused a delivery already seen
	failed    atomic.Int32 // sends that found the replica down
	failover  atomic.Int32 // sends to the next replica after a failure
}

// TestReplicas runs three authorbot serve processes on one PostgreSQL
// database and spreads signed Slack and Discord traffic across them,
// every third command retried on another replica than the original (half
// of those at the same moment), while one replica is killed with SIGKILL
// and started again. Every confirmed order is in the database exactly
// once, no retry or replay runs a command twice, and every reminder that
// falls due is delivered once, by one replica, to a fake Slack and
// Discord.
func TestReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dbURL := pg.Database(t)
	began := time.Now()
	bin := buildBinary(t)
	built := time.Since(began)
	platforms := newFakePlatforms(t)
	pub, _ := discordKey()
	env := append(platforms.env(),
		"HOME="+t.TempDir(), "PATH="+os.Getenv("PATH"),
		"AUTHORBOT_DB="+dbURL,
		"AUTHORBOT_SLACK_SIGNING_SECRET="+slackTestSecret,
		"AUTHORBOT_SLACK_BOT_TOKEN=xoxb-1-2-replicas",
		"AUTHORBOT_DISCORD_PUBLIC_KEY="+hex.EncodeToString(pub),
		"AUTHORBOT_DISCORD_TOKEN=replicas.test.token",
		"AUTHORBOT_REMINDER_EVERY=200ms",
		"AUTHORBOT_LOG_LEVEL=info",
	)
	replicas := make([]*replica, 3)
	for i := range replicas {
		replicas[i] = &replica{bin: bin, env: env, addr: freeAddr(t), log: &lockedBuffer{}}
	}
	defer func() {
		var stops sync.WaitGroup
		for _, r := range replicas {
			stops.Go(r.stop)
		}
		stops.Wait()
		if t.Failed() {
			for i, r := range replicas {
				t.Logf("replica %d log:\n%s", i, r.log.String())
			}
		}
	}()
	starts := make(chan error, len(replicas))
	for _, r := range replicas {
		go func() { starts <- r.start() }()
	}
	for range replicas {
		if err := <-starts; err != nil {
			t.Fatal(err)
		}
	}

	// The load: authors of both platforms add orders, round robin over
	// the replicas.
	const authors, each = 12, 10
	var all []*delivery
	for a := range authors {
		for k := range each {
			d := &delivery{user: fmt.Sprintf("U%02d", a), title: fmt.Sprintf("Book %02d-%02d", a, k)}
			if a%2 == 0 {
				d.platform = bot.Slack
				d.body = slashForm("T1", d.user, "/order", "add 3 amazon.com "+d.title).Encode()
			} else {
				d.platform = bot.Discord
				d.body = string(interaction(2, "guild-1/"+d.user, "en-US", slashData("order", subOption("add",
					value("quantity", 4, 3), value("marketplace", 3, "amazon.com"), value("title", 3, d.title)))))
			}
			switch (a*each + k) % 6 {
			case 0:
				d.retry = "after"
			case 3:
				d.retry = "with"
			}
			all = append(all, d)
		}
	}

	client := &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 8}}
	// send delivers d to replica i, and on a connection failure to the
	// next ones, as a retry; it counts what came back.
	var send func(d *delivery, i int, retry bool)
	send = func(d *delivery, i int, retry bool) {
		for attempt := range len(replicas) {
			addr := replicas[(i+attempt)%len(replicas)].addr
			if attempt > 0 {
				d.failover.Add(1)
				retry = true
			}
			outcome, err := post(client, addr, d, retry)
			if err != nil {
				d.failed.Add(1)
				time.Sleep(50 * time.Millisecond)
				continue
			}
			switch outcome {
			case "confirmed":
				d.confirmed.Add(1)
			case "refused":
				d.refused.Add(1)
			default:
				t.Errorf("%s %s: %s", d.platform, d.title, outcome)
			}
			return
		}
		t.Errorf("%s %s: no replica answered", d.platform, d.title)
	}

	jobs := make(chan int)
	var wg sync.WaitGroup
	var sent atomic.Int32
	for range 6 {
		wg.Go(func() {
			for n := range jobs {
				d := all[n]
				i := n % len(replicas)
				other := (i + 1) % len(replicas)
				switch d.retry {
				case "with":
					var both sync.WaitGroup
					both.Go(func() { send(d, i, false) })
					both.Go(func() { send(d, other, true) })
					both.Wait()
				case "after":
					send(d, i, false)
					send(d, other, true)
				default:
					send(d, i, false)
				}
				sent.Add(1)
			}
		})
	}

	// Kill a replica a third of the way in, and start it again; reminders
	// fall due once it is back, while the load goes on.
	loadStart := time.Now()
	killed := make(chan error, 1)
	var reminders []ledger.Reminder
	go func() {
		for sent.Load() < int32(len(all)/3) {
			time.Sleep(5 * time.Millisecond)
		}
		replicas[1].kill()
		time.Sleep(300 * time.Millisecond)
		err := replicas[1].start()
		if err == nil {
			reminders, err = addReminders(dbURL, 24)
		}
		killed <- err
	}()
	for n := range all {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	loadTime := time.Since(loadStart)
	if err := <-killed; err != nil {
		t.Fatal(err)
	}

	// Every due reminder reaches its author once.
	deadline := time.Now().Add(20 * time.Second)
	for delivered(platforms.received(), reminders) < len(reminders) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // several ticks of every scheduler, for any second delivery
	got := platforms.received()
	for _, r := range reminders {
		if n := count(got, r); n != 1 {
			t.Errorf("reminder %q to %s %s delivered %d times, want once", r.Text, r.Platform, r.UserID, n)
		}
	}

	statuses := reminderStatuses(t, dbURL)
	for _, r := range reminders {
		if st := statuses[r.Text]; st != ledger.ReminderDelivered {
			t.Errorf("reminder %q is %s in the database, want delivered", r.Text, st)
		}
	}

	// Every confirmed order is there once; nothing ran twice.
	titles := orderTitles(t, dbURL)
	var confirmed, present, retries, refused, failovers, unconfirmed int
	for _, d := range all {
		c, n := int(d.confirmed.Load()), titles[d.title]
		confirmed += c
		refused += int(d.refused.Load())
		failovers += int(d.failover.Load())
		if d.retry != "" {
			retries++
		}
		if n > 0 {
			present++
		}
		switch {
		case c > 1:
			t.Errorf("%s %s confirmed %d times: a retry ran again", d.platform, d.title, c)
		case c == 1 && n != 1:
			t.Errorf("%s %s confirmed, and %d times in the database", d.platform, d.title, n)
		case n > 1:
			t.Errorf("%s %s is %d times in the database", d.platform, d.title, n)
		case c == 0:
			unconfirmed++
		}
		if d.retry != "" && c == 1 && d.refused.Load() != 1 && d.failover.Load() == 0 {
			t.Errorf("%s %s: its retry was not refused (%d refusals)", d.platform, d.title, d.refused.Load())
		}
	}
	t.Logf("binary built in %v; %d orders from %d authors on 3 replicas in %v (%.0f commands/s), %d retries on another replica",
		built.Round(time.Millisecond), len(all), authors, loadTime.Round(time.Millisecond),
		float64(len(all)+retries)/loadTime.Seconds(), retries)
	t.Logf("one replica killed with SIGKILL and restarted: %d orders confirmed, %d in the database, %d unconfirmed (in flight on the killed replica), %d sends failed over, %d deliveries refused as already seen",
		confirmed, present, unconfirmed, failovers, refused)
	t.Logf("%d reminders due across the replicas, %d direct messages received", len(reminders), len(got))
	if confirmed < len(all)*3/4 {
		t.Errorf("only %d of %d orders confirmed", confirmed, len(all))
	}
}

// post sends d to the replica at addr, as a retry when retry is set
// (Slack signs it anew and says so; Discord sends the same request), and
// says what the answer was: "confirmed", "refused", or what went wrong.
func post(client *http.Client, addr string, d *delivery, retry bool) (string, error) {
	var req *http.Request
	if d.platform == bot.Slack {
		req, _ = http.NewRequest(http.MethodPost, "http://"+addr+"/slack/commands", strings.NewReader(d.body))
		signSlack(req.Header, d.body)
		if retry {
			req.Header.Set("X-Slack-Retry-Num", "1")
			req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		}
	} else {
		_, priv := discordKey()
		stamp := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ = http.NewRequest(http.MethodPost, "http://"+addr+"/discord/interactions", bytes.NewReader([]byte(d.body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", stamp)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(stamp), d.body...))))
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	switch {
	case resp.StatusCode == http.StatusServiceUnavailable:
		return "", fmt.Errorf("503: %s", b)
	case d.platform == bot.Slack && resp.StatusCode == http.StatusOK && len(b) == 0:
		return "refused", nil // Slack's duplicate: acknowledged, not run
	case d.platform == bot.Discord && resp.StatusCode == http.StatusUnauthorized:
		return "refused", nil // Discord's replay
	case resp.StatusCode == http.StatusOK && strings.Contains(string(b), "added"):
		return "confirmed", nil
	}
	return fmt.Sprintf("status %d: %.200s", resp.StatusCode, b), nil
}

// addReminders stores n reminders due within the next second, half for
// Slack authors and half for Discord ones, each with a text of its own.
func addReminders(dbURL string, n int) ([]ledger.Reminder, error) {
	db, err := postgres.Open(context.Background(), dbURL, nil)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var out []ledger.Reminder
	now := time.Now()
	for i := range n {
		p, ws := bot.Slack, "T1"
		if i%2 == 1 {
			p, ws = bot.Discord, "guild-1"
		}
		u := bot.User{Platform: p, Workspace: ws, ID: fmt.Sprintf("R%02d", i)}
		r, err := db.AddReminder(context.Background(), ledger.Reminder{User: u.Key(), Platform: string(p), Workspace: ws,
			UserID: u.ID, Kind: ledger.ReminderNote, Due: now.Add(time.Duration(i) * time.Second / time.Duration(n)),
			Text: "reminder" + strconv.Itoa(i) + "x"})
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// count is how many of the direct messages are reminder r.
func count(dms []dm, r ledger.Reminder) int {
	n := 0
	for _, m := range dms {
		if m.platform == r.Platform && m.to == r.UserID && strings.Contains(m.body, r.Text) {
			n++
		}
	}
	return n
}

// delivered is how many of the reminders have reached their author.
func delivered(dms []dm, rs []ledger.Reminder) int {
	n := 0
	for _, r := range rs {
		if count(dms, r) > 0 {
			n++
		}
	}
	return n
}

// reminderStatuses reads the reminders' statuses by text.
func reminderStatuses(t *testing.T, dbURL string) map[string]string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT text, status FROM reminders`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var text, status string
		if err := rows.Scan(&text, &status); err != nil {
			t.Fatal(err)
		}
		out[text] = status
	}
	return out
}

// orderTitles counts the orders in the database by title.
func orderTitles(t *testing.T, dbURL string) map[string]int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT title, count(*) FROM orders GROUP BY title`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var title string
		var n int
		if err := rows.Scan(&title, &n); err != nil {
			t.Fatal(err)
		}
		out[title] = n
	}
	return out
}
