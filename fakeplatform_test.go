package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakePlatforms stands in for slack.com and discord.com for processes of
// their own (authorbot serve run as a binary), which a test cannot hand
// an HTTP client: the processes get HTTPS_PROXY, naming a proxy on
// loopback that tunnels every connection to one fake server, and
// SSL_CERT_FILE, naming a certificate authority made for the test that
// signed the fake's certificate for the platforms' host names. Their
// calls go to the platforms' real URLs, verified over TLS as always, and
// none leaves the machine.
//
// The fake answers the Web API calls a reply and a reminder make (Slack's
// users.info and chat.postMessage; Discord's DM channel and message) and
// records the direct messages; Discord's gateway is refused, so that the
// adapters serve HTTP interactions only.
type fakePlatforms struct {
	proxy, api *httptest.Server
	caFile     string

	mu  sync.Mutex
	dms []dm
}

// dm is one direct message the bot sent.
type dm struct {
	platform, to, body string
}

func newFakePlatforms(t *testing.T) *fakePlatforms {
	t.Helper()
	f := &fakePlatforms{}
	ca, caKey, caPEM := newCA(t)
	f.caFile = filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(f.caFile, caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	f.api = httptest.NewUnstartedServer(http.HandlerFunc(f.serve))
	f.api.TLS = &tls.Config{Certificates: []tls.Certificate{leafCert(t, ca, caKey,
		"slack.com", "hooks.slack.com", "discord.com", "gateway.discord.gg")}}
	f.api.StartTLS()
	t.Cleanup(f.api.Close)
	target := f.api.Listener.Addr().String()
	f.proxy = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "this proxy only tunnels", http.StatusMethodNotAllowed)
			return
		}
		tunnel(w, target)
	}))
	t.Cleanup(f.proxy.Close)
	return f
}

// env is what a process needs to reach the fake.
func (f *fakePlatforms) env() []string {
	return []string{"HTTPS_PROXY=" + f.proxy.URL, "SSL_CERT_FILE=" + f.caFile}
}

// tunnel answers a CONNECT by joining the client's connection to target.
func tunnel(w http.ResponseWriter, target string) {
	up, err := net.Dial("tcp", target)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		up.Close()
		return
	}
	fmt.Fprint(conn, "HTTP/1.1 200 Connection established\r\n\r\n")
	go func() {
		defer up.Close()
		defer conn.Close()
		go io.Copy(up, buf)
		io.Copy(conn, up)
	}()
}

// serve answers the platforms' API calls.
func (f *fakePlatforms) serve(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	switch {
	case host == "slack.com" && r.URL.Path == "/api/users.info":
		fmt.Fprint(w, `{"ok":true,"user":{"id":"U","locale":"en-US"}}`)
	case host == "slack.com" && r.URL.Path == "/api/chat.postMessage":
		form, _ := url.ParseQuery(string(b))
		f.record(dm{platform: "slack", to: form.Get("channel"), body: form.Get("text") + form.Get("blocks")})
		fmt.Fprintf(w, `{"ok":true,"channel":"D%s","ts":"1.%d"}`, form.Get("channel"), time.Now().UnixNano())
	case host == "discord.com" && r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/users/@me/channels"):
		var req struct {
			Recipient string `json:"recipient_id"`
		}
		json.Unmarshal(b, &req)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":"dm-%s","type":1}`, req.Recipient)
	case host == "discord.com" && r.Method == http.MethodPost && strings.Contains(r.URL.Path, "/channels/dm-"):
		channel := strings.TrimPrefix(r.URL.Path[strings.Index(r.URL.Path, "/channels/"):], "/channels/")
		channel, _, _ = strings.Cut(channel, "/")
		f.record(dm{platform: "discord", to: strings.TrimPrefix(channel, "dm-"), body: string(b)})
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":"m%d","channel_id":%q}`, time.Now().UnixNano(), channel)
	case host == "discord.com" && strings.Contains(r.URL.Path, "/gateway"):
		http.Error(w, `{"message":"no gateway here","code":0}`, http.StatusServiceUnavailable)
	case host == "slack.com":
		fmt.Fprint(w, `{"ok":true}`)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

func (f *fakePlatforms) record(d dm) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dms = append(f.dms, d)
}

// received returns the direct messages sent so far.
func (f *fakePlatforms) received() []dm {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]dm(nil), f.dms...)
}

// newCA makes a certificate authority for one test.
func newCA(t *testing.T) (*x509.Certificate, *ecdsa.PrivateKey, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "authorbot test CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return ca, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// leafCert is a server certificate for hosts, signed by ca.
func leafCert(t *testing.T, ca *x509.Certificate, caKey *ecdsa.PrivateKey, hosts ...string) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: hosts[0]},
		DNSNames:     hosts,
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}
