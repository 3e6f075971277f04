package slack

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot/internal/httpbody"
)

// Routes mounts POST /slack/commands, POST /slack/interactions and POST
// /slack/events on mux, when a signing secret is configured (without one,
// requests cannot be verified, so none are taken), and the install's GET
// /slack/install and GET /slack/oauth/callback when Install is.
func (a *Adapter) Routes(mux *http.ServeMux) {
	if a.cfg.Install != nil {
		mux.HandleFunc("GET "+InstallPath, a.serveInstall)
		mux.HandleFunc("GET "+CallbackPath, a.serveCallback)
	}
	if a.cfg.SigningSecret == "" {
		return
	}
	mux.HandleFunc("POST /slack/commands", a.serveCommand)
	mux.HandleFunc("POST /slack/interactions", a.serveInteraction)
	mux.HandleFunc("POST "+EventsPath, a.serveEvent)
}

// serveCommand answers a slash command: with its reply when it is ready
// within the budget, else with an empty 200 at the budget and the reply on
// response_url.
func (a *Adapter) serveCommand(w http.ResponseWriter, r *http.Request) {
	body, ok := a.verify(w, r)
	if !ok {
		return
	}
	s, err := slashCommand(body)
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	out := a.command(r.Context(), s, func() {
		// A complete, empty answer now; this handler goes on to post the
		// reply to the response URL.
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(http.StatusOK)
		_ = http.NewResponseController(w).Flush()
	})
	switch {
	case out.body != nil:
		writeJSON(w, out.body)
	case out.msg != nil:
		writeMessage(w, out.msg)
	}
}

// serveInteraction acknowledges a button press at once; its outcome is
// posted to response_url.
func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request) {
	body, ok := a.verify(w, r)
	if !ok {
		return
	}
	cb, err := interactionCallback(body)
	if err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	a.interaction(r.Context(), cb)
	w.WriteHeader(http.StatusOK)
}

// verify checks that r comes from Slack, before anything parses its body:
// the body must fit in 64 KiB (413 otherwise), carry a valid signature of
// the signing secret and a timestamp within five minutes of now (401
// otherwise), and not be a delivery already seen (200 with nothing done).
// Slack's certificate check (ssl_check=1) gets an empty 200 whether signed
// or not. It returns the body and whether the request may go on; when
// not, it has written the answer.
func (a *Adapter) verify(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := httpbody.Append(nil, w, r, maxBody)
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			a.refuse(w, "size", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return nil, false
	}
	if sslCheck(body) {
		// Slack checks the URL's certificate now and then with a POST of
		// ssl_check=1 and a token, unsigned: it wants a 200 and nothing
		// else. Bolt answers it the same way, before verifying anything;
		// nothing is run, whoever sends it.
		w.WriteHeader(http.StatusOK)
		return nil, false
	}
	stamp, reason := a.checkSignature(r.Header, body)
	if reason != "" {
		a.refuse(w, reason, http.StatusUnauthorized)
		return nil, false
	}
	first, err := a.firstRequest(r.Context(), body, stamp)
	if err != nil {
		// Unsure whether it ran: Slack retries a request that fails.
		a.log.Warn("request refused: cannot check for a replay", slog.Any("err", err))
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return nil, false
	}
	if !first {
		// The first delivery was (or is being) answered; answering this one
		// would run the command twice.
		a.cfg.VerifyFailed("replay")
		a.log.Info("request refused", slog.String("reason", "replay"))
		w.WriteHeader(http.StatusOK)
		return nil, false
	}
	return body, true
}

// checkSignature verifies Slack's v0 signature of body (X-Slack-Signature:
// "v0=" and the hex of an HMAC-SHA256 of "v0:timestamp:body" with the
// signing secret) and that its timestamp (X-Slack-Request-Timestamp, Unix
// seconds) is within five minutes of now. It returns the timestamp, or the
// reason to refuse the request: "missing" headers, a bad "signature", a
// "stale" timestamp. It checks what slack-go's SecretsVerifier checks, in
// the same order, with an HMAC keyed once rather than for every request
// (keying hashes two blocks; with slack-go's allocations it was a fifth
// of verifying).
func (a *Adapter) checkSignature(h http.Header, body []byte) (int64, string) {
	signature, stampText := h.Get("X-Slack-Signature"), h.Get("X-Slack-Request-Timestamp")
	if signature == "" || stampText == "" {
		return 0, "missing"
	}
	v := a.macs.Get().(*verifier)
	defer a.macs.Put(v)
	hexSig, ok := strings.CutPrefix(signature, "v0=")
	if !ok || len(hexSig) != len(v.hex) {
		return 0, "signature"
	}
	copy(v.hex[:], hexSig)
	if _, err := hex.Decode(v.want[:], v.hex[:]); err != nil {
		return 0, "signature"
	}
	stamp, err := strconv.ParseInt(stampText, 10, 64)
	if err != nil {
		return 0, "signature"
	}
	if time.Since(time.Unix(stamp, 0)).Abs() > 5*time.Minute {
		return 0, "stale"
	}
	v.mac.Reset()
	v.mac.Write([]byte("v0:"))
	v.mac.Write(append(append(v.prefix[:0], stampText...), ':'))
	v.mac.Write(body)
	if !hmac.Equal(v.mac.Sum(v.got[:0]), v.want[:]) {
		return 0, "signature"
	}
	return stamp, ""
}

// verifier is an HMAC-SHA256 keyed with the signing secret, reset and
// used again for each request verified, with room for what it reads and
// writes: slices of local arrays passed to the hash (an interface) or
// converted from strings of over 32 bytes were allocated on every
// request: BenchmarkCommands went from 117 to 114 allocs/op (ask).
type verifier struct {
	mac    hash.Hash
	hex    [2 * sha256.Size]byte
	want   [sha256.Size]byte
	got    [sha256.Size]byte
	prefix [24]byte // a timestamp and its ':' (a longer one is appended past it)
}

// sslCheck reports whether body is Slack's certificate check: a form
// whose ssl_check field is 1. Slack sends the field as is; it is looked
// for without decoding the form, which every command would pay for.
func sslCheck(body []byte) bool {
	for q := body; len(q) > 0; {
		var kv []byte
		kv, q, _ = bytes.Cut(q, []byte("&"))
		if string(kv) == "ssl_check=1" {
			return true
		}
	}
	return false
}

// replayed records a verified request, signed at stamp (Unix seconds),
// and reports whether it may be a delivery already seen. Slack's payloads
// carry a fresh trigger_id or action_ts, so equal bodies are the same
// delivery: an exact replay (which the freshness check alone would let
// through for minutes) or a retry (X-Slack-Retry-Num) that Slack sends,
// newly signed, when the first answer seemed late. The key is half the
// body's SHA-256, as an array (seenKey): one entry a request, and no
// encoding.
//
// When the seen set is full it forgets its oldest entry; a request signed
// no later than a forgotten one could be that one's replay, and is refused
// too (with room for 50,000 requests this only happens under a flood).
func (a *Adapter) replayed(body []byte, stamp int64) bool {
	if floor := a.replayFloor.Load(); floor != 0 && stamp <= floor {
		a.log.Warn("request refused: too many recent requests to rule out a replay")
		return true
	}
	return !a.seen.Add(digestKey(body), stamp)
}

// refuse answers a request that failed verification and counts it.
func (a *Adapter) refuse(w http.ResponseWriter, reason string, status int) {
	a.cfg.VerifyFailed(reason)
	// Debug, not Info: anyone can send such requests, as many as they like.
	a.log.Debug("request refused", slog.String("reason", reason))
	http.Error(w, http.StatusText(status), status)
}

// writeMessage answers with msg as JSON.
func writeMessage(w http.ResponseWriter, msg *slackapi.WebhookMessage) {
	buf := replyBuffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledReply {
			replyBuffers.Put(buf)
		}
	}()
	b, err := appendMessage((*buf)[:0], msg)
	*buf = b
	if err != nil {
		http.Error(w, "cannot encode reply", http.StatusInternalServerError)
		return
	}
	writeJSON(w, b)
}

// writeJSON answers with the JSON body b. The length is set, so a reply
// longer than net/http's 2 KiB buffer goes out in one piece rather than
// chunked.
func writeJSON(w http.ResponseWriter, b []byte) {
	h := w.Header()
	// Set by their canonical names: Header.Set would canonicalize them,
	// and allocate a slice for each, on every request. net/http copies
	// the values when it writes them, so one slice serves every response.
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	_, _ = w.Write(b)
}

// jsonContentType is the Content-Type of every JSON answer. Nothing may
// change it.
var jsonContentType = []string{"application/json; charset=utf-8"}

// replyBuffers holds the buffers replies are encoded into: an answer is a
// few KiB, and allocating it anew on every request made the encoder the
// largest allocator of a slash command.
var replyBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 4096)
	return &b
}}

// maxPooledReply keeps a rare huge reply's buffer out of the pool.
const maxPooledReply = 64 << 10
