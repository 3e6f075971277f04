package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/config"
)

// TestAdminLinkSignsInToServe makes a link with "authorbot admin link",
// one run of the program, and uses it on serve, another one on the same
// database: the link lives in the database, not in a process.
func TestAdminLinkSignsInToServe(t *testing.T) {
	vars := map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET": slackTestSecret}
	base := startServe(t, vars)
	// The same database, and the address serve listens at; a map of its
	// own, as serve goes on reading vars.
	cli := map[string]string{"AUTHORBOT_DB": vars["AUTHORBOT_DB"], "AUTHORBOT_PUBLIC_URL": base}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"admin", "link", "--user", "maria"}, env(cli), strings.NewReader(""), &out, io.Discard); err != nil {
		t.Fatalf("admin link: %v", err)
	}
	link := regexp.MustCompile(`http://\S+/admin/sign-in/\S+`).FindString(out.String())
	if link == "" || !strings.HasPrefix(link, base+"/admin/sign-in/") {
		t.Fatalf("admin link printed no link under %s:\n%s", base, out.String())
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	get := func(u string) (int, string) {
		resp, err := c.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get(base + "/admin/topics"); code != http.StatusUnauthorized {
		t.Fatalf("/admin/topics before signing in: status %d, want 401", code)
	}
	if code, body := get(link); code != http.StatusOK || !strings.Contains(body, "maria") {
		t.Fatalf("the link on serve: status %d, want 200 naming maria:\n%s", code, body)
	}
	req, _ := http.NewRequest(http.MethodPost, link, nil)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/admin/" {
		t.Fatalf("sign-in: status %d at %s, want the overview", resp.StatusCode, resp.Request.URL.Path)
	}
	// The topics of the knowledge base, with their freshness.
	if code, body := get(base + "/admin/topics"); code != http.StatusOK || !strings.Contains(body, `id="topic-cart-empty"`) {
		t.Errorf("/admin/topics after signing in: status %d, want the list of topics", code)
	}
}

func TestPublicBase(t *testing.T) {
	for _, tt := range []struct {
		cfg  config.Config
		want string
	}{
		{config.Config{HTTPAddr: ":8080"}, "http://127.0.0.1:8080"},
		{config.Config{HTTPAddr: "0.0.0.0:9000"}, "http://127.0.0.1:9000"},
		{config.Config{HTTPAddr: ":8080", PublicURL: "https://bot.example.org"}, "https://bot.example.org"},
	} {
		if got := publicBase(tt.cfg); got != tt.want {
			t.Errorf("publicBase(%+v) = %q, want %q", tt.cfg, got, tt.want)
		}
	}
}
