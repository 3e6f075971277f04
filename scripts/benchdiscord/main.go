// Command benchdiscord load-tests Discord HTTP interactions on loopback.
// It is run by scripts/bench-discord, which starts the servers it
// measures.
//
//	benchdiscord keygen
//	    prints a new Ed25519 key pair: the private seed and the public
//	    key, in hex, on one line.
//	benchdiscord baseline -key PUBLIC
//	    serves POST /discord/interactions on 127.0.0.1 with a handler that
//	    only verifies the Ed25519 signature and returns a fixed reply;
//	    prints its address on the first line of standard output.
//	benchdiscord load -seed SEED -target name=URL [-pid name=PID] [-target …]
//	    drives signed slash commands (/ask question:my cart is empty,
//	    /order list) at each target in turn, for a bounded count and time,
//	    and prints throughput and p50/p99 latency per target, each
//	    target's throughput as a share of the first's, and the generator's
//	    own CPU time per request of each target, and with -pid the
//	    server's, over the measured rounds.
//
// Either mode takes -cpuprofile FILE, to write a CPU profile of its run
// (the baseline's, until it is stopped).
//
// Interactions are shaped like those Discord sends from a server (member,
// channel, guild, permissions and all) and signed as Discord signs them
// (Ed25519 over timestamp and body), each with a fresh id and token, so no
// two are the same delivery.
//
// They come from 5,000 authors by default, each of whom sends a few a
// round, within the bot's limits (2 commands a second after a burst of
// 20): the load measures the commands, not the bot asking an author to
// slow down. An answer that does ask fails the run.
package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/authorbot/authorbot/scripts/internal/loadtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdiscord:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: benchdiscord keygen|baseline|load [flags]")
	}
	switch args[0] {
	case "keygen":
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, hex.EncodeToString(priv.Seed()), hex.EncodeToString(pub))
		return nil
	case "baseline":
		return runBaseline(ctx, args[1:], out)
	case "load":
		return runLoad(ctx, args[1:], out)
	}
	return fmt.Errorf("unknown mode %q: want keygen, baseline or load", args[0])
}

// runBaseline serves the bare minimum a Discord interactions endpoint
// must do: read the body within 1 MiB, verify the Ed25519 signature of
// timestamp and body, answer a fixed reply.
func runBaseline(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("baseline", flag.ContinueOnError)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	key := fs.String("key", "", "the application's public key, hex")
	if err := fs.Parse(args); err != nil {
		return err
	}
	stop, err := profile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	pub, err := hex.DecodeString(*key)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return errors.New("baseline needs -key, 64 hex characters")
	}
	reply := []byte(`{"type":4,"data":{"content":"ok","flags":64}}`)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /discord/interactions", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		sig, err := hex.DecodeString(r.Header.Get("X-Signature-Ed25519"))
		stamp := r.Header.Get("X-Signature-Timestamp")
		if err != nil || len(sig) != ed25519.SignatureSize || stamp == "" ||
			!ed25519.Verify(pub, append([]byte(stamp), body...), sig) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(reply)
	})
	return loadtest.Serve(ctx, mux, out)
}

func runLoad(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	seed := fs.String("seed", "", "the application's private key seed, hex")
	var cfg loadtest.Config
	loadtest.Flags(fs, &cfg, "/discord/interactions", "Discord users")
	if err := fs.Parse(args); err != nil {
		return err
	}
	stop, err := profile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	s, err := hex.DecodeString(*seed)
	if err != nil || len(s) != ed25519.SeedSize || len(cfg.Targets) == 0 {
		return errors.New("load needs -seed (64 hex characters) and at least one -target")
	}
	g := &generator{
		client: &http.Client{
			Timeout:   10 * time.Second,
			Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Conc, MaxConnsPerHost: cfg.Conc},
		},
		key: ed25519.NewKeyFromSeed(s),
	}
	// Every user records an order first, so /order list has rows to show.
	cfg.Setup = []loadtest.Command{{Name: "/order", Text: "add"}}
	cfg.Mix = []loadtest.Command{{Name: "/ask", Text: "my cart is empty"}, {Name: "/order", Text: "list"}}
	cfg.Send = g.send
	return loadtest.Run(ctx, cfg, out)
}

type generator struct {
	client *http.Client
	key    ed25519.PrivateKey
	seq    atomic.Int64
}

// Discord's ids: the bench's guild, channel, application and commands.
const (
	guildID   = "1098765432109876543"
	channelID = "1098765432109876544"
	appID     = "1098765432109876545"
	roleID    = "1098765432109876546"
)

// commandData is the data of each command the bench sends, as Discord
// lays it out.
var commandData = map[loadtest.Command]string{
	{Name: "/ask", Text: "my cart is empty"}: `{"id":"1098765432109876550","name":"ask","options":[{"name":"question","type":3,"value":"my cart is empty"}],"type":1}`,
	{Name: "/order", Text: "list"}:           `{"id":"1098765432109876551","name":"order","options":[{"name":"list","options":[],"type":1}],"type":1}`,
	{Name: "/order", Text: "add"}: `{"id":"1098765432109876551","name":"order","options":[{"name":"add","options":[` +
		`{"name":"quantity","type":4,"value":25},{"name":"marketplace","type":3,"value":"amazon.com"},{"name":"title","type":3,"value":"The Long Road"}],"type":1}],"type":1}`,
}

// interaction returns the body of one application command interaction
// from user, as Discord sends it to an Interactions Endpoint URL.
func (g *generator) interaction(c loadtest.Command, user int) ([]byte, error) {
	data, ok := commandData[c]
	if !ok {
		return nil, fmt.Errorf("no interaction for %s %s", c.Name, c.Text)
	}
	seq := g.seq.Add(1)
	// A snowflake: milliseconds since Discord's epoch, then a sequence.
	id := strconv.FormatUint(uint64(time.Now().UnixMilli()-1420070400000)<<22|uint64(seq&0x3fffff), 10)
	uid := strconv.Itoa(1100000000000000000 + user)
	name := "author" + strconv.Itoa(user)
	token := make([]byte, 96)
	rand.Read(token)
	var b strings.Builder
	b.Grow(2048)
	b.WriteString(`{"app_permissions":"562949953601536","application_id":"` + appID + `",`)
	b.WriteString(`"authorizing_integration_owners":{"0":"` + guildID + `"},`)
	b.WriteString(`"channel":{"flags":0,"guild_id":"` + guildID + `","icon_emoji":{"id":null,"name":"👋"},"id":"` + channelID +
		`","last_message_id":"1098765432109876560","name":"general","nsfw":false,"parent_id":"1098765432109876561",` +
		`"permissions":"2248473465835073","position":0,"rate_limit_per_user":0,"theme_color":null,"topic":null,"type":0},`)
	b.WriteString(`"channel_id":"` + channelID + `","context":0,"data":` + data + `,`)
	b.WriteString(`"entitlement_sku_ids":[],"entitlements":[],`)
	b.WriteString(`"guild":{"features":["COMMUNITY","NEWS"],"id":"` + guildID + `","locale":"en-US"},`)
	b.WriteString(`"guild_id":"` + guildID + `","guild_locale":"en-US","id":"` + id + `","locale":"en-US",`)
	b.WriteString(`"member":{"avatar":null,"banner":null,"communication_disabled_until":null,"deaf":false,"flags":0,` +
		`"joined_at":"2024-03-01T12:00:00.000000+00:00","mute":false,"nick":null,"pending":false,` +
		`"permissions":"2248473465835073","premium_since":null,"roles":["` + roleID + `"],"unusual_dm_activity_until":null,`)
	b.WriteString(`"user":{"avatar":"a_1269e74af4df7417b13759eae50c83dc","avatar_decoration_data":null,"clan":null,` +
		`"discriminator":"0","global_name":"Author ` + strconv.Itoa(user) + `","id":"` + uid + `","primary_guild":null,` +
		`"public_flags":0,"username":"` + name + `"}},`)
	b.WriteString(`"token":"aW50ZXJhY3Rpb246` + id + `:` + hex.EncodeToString(token) + `","type":2,"version":1}`)
	return []byte(b.String()), nil
}

// send posts one signed interaction and checks that it was answered with
// a message.
func (g *generator) send(ctx context.Context, u string, c loadtest.Command, user int) error {
	body, err := g.interaction(c, user)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	sig := ed25519.Sign(g.key, append([]byte(stamp), body...))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", stamp)
	resp, err := g.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, done, err := loadtest.ReadAnswer(resp.Body)
	defer done()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !bytes.Contains(b, []byte(`"type":4`)) {
		return fmt.Errorf("%s %s: status %d, body %.120q", c.Name, c.Text, resp.StatusCode, b)
	}
	if loadtest.Refused(b) {
		return fmt.Errorf("%s %s: refused as going too fast: use more -users", c.Name, c.Text)
	}
	return nil
}

// profile starts a CPU profile into path, when path is set, and returns
// what stops it.
func profile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
