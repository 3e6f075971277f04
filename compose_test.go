package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/authorbot/authorbot/config"
)

// composeFile is what the test reads of docker-compose.yaml.
type composeFile struct {
	Services map[string]struct {
		Image       string
		Environment map[string]string
		Secrets     []string
		Healthcheck struct{ Test []string }
		Volumes     []string
	}
	Secrets map[string]struct{ File string }
}

// composeVar is a ${NAME…} of the compose file, filled from .env.
var composeVar = regexp.MustCompile(`\$\{([A-Z_]+)(:\?[^}]*)?\}`)

// TestComposeFile checks docker-compose.yaml against the settings: three
// replicas and a proxy on one PostgreSQL, every AUTHORBOT_ variable one
// that authorbot knows, every secret file mounted, one Discord shard per
// replica, health checked on /readyz, and the proxy's upstreams the
// replicas. It also loads each replica's settings as authorbot would,
// with the placeholders filled and the secret files made.
func TestComposeFile(t *testing.T) {
	raw, err := os.ReadFile("docker-compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yaml: %v", err)
	}
	var help bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, env(nil), strings.NewReader(""), &help, io.Discard); err != nil {
		t.Fatal(err)
	}
	replicas := []string{"authorbot-1", "authorbot-2", "authorbot-3"}
	for _, name := range append([]string{"postgres", "proxy"}, replicas...) {
		if _, ok := c.Services[name]; !ok {
			t.Errorf("no service %s", name)
		}
	}
	dir := t.TempDir()
	shards := map[string]bool{}
	for _, name := range replicas {
		s := c.Services[name]
		vars := map[string]string{}
		for k, v := range s.Environment {
			base := strings.TrimSuffix(k, "_FILE")
			if !strings.Contains(help.String(), base) {
				t.Errorf("%s: %s is not a setting of authorbot (authorbot --help names none)", name, k)
			}
			v = composeVar.ReplaceAllStringFunc(v, func(m string) string {
				return map[string]string{
					"POSTGRES_PASSWORD": "pw", "AUTHORBOT_SITE": "bot.example.org",
					"AUTHORBOT_SLACK_CLIENT_ID": "123.456", "AUTHORBOT_DISCORD_PUBLIC_KEY": discordTestKey,
				}[composeVar.FindStringSubmatch(m)[1]]
			})
			if secret, ok := strings.CutPrefix(v, "/run/secrets/"); ok {
				if !slices.Contains(s.Secrets, secret) || c.Secrets[secret].File == "" {
					t.Errorf("%s: %s reads secret %s, which is not mounted", name, k, secret)
				}
				path := filepath.Join(dir, secret)
				content := "secret-value"
				switch secret {
				case "secret_key":
					content = strings.Repeat("0f", 32)
				case "discord_token":
					content = "discord-token"
				}
				os.WriteFile(path, []byte(content), 0o600)
				v = path
			}
			vars[k] = v
		}
		if !strings.HasPrefix(vars["AUTHORBOT_DB"], "postgres://authorbot:pw@postgres:5432/") {
			t.Errorf("%s: AUTHORBOT_DB = %q, want the postgres service", name, vars["AUTHORBOT_DB"])
		}
		cfg, err := config.Load([]string{"serve"}, env(vars), io.Discard)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !cfg.Slack.OAuth() || cfg.PublicURL != "https://bot.example.org" || cfg.Discord.ShardCount != len(replicas) {
			t.Errorf("%s: settings %+v", name, cfg)
		}
		shards[fmt.Sprint(cfg.Discord.ShardID)] = true
		if test := strings.Join(s.Healthcheck.Test, " "); !strings.Contains(test, "/readyz") || !strings.Contains(test, "8080") {
			t.Errorf("%s: healthcheck %q does not ask /readyz", name, test)
		}
	}
	if len(shards) != len(replicas) {
		t.Errorf("shard ids %v: each replica must hold its own", shards)
	}

	caddy, err := os.ReadFile(filepath.Join("deploy", "Caddyfile"))
	if err != nil {
		t.Fatal(err)
	}
	proxy := c.Services["proxy"]
	if !slices.Contains(proxy.Volumes, "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro") {
		t.Errorf("proxy volumes %v do not mount deploy/Caddyfile", proxy.Volumes)
	}
	for _, name := range replicas {
		if !bytes.Contains(caddy, []byte(name+":8080")) {
			t.Errorf("the Caddyfile does not send requests to %s", name)
		}
	}
	if !bytes.Contains(caddy, []byte("health_uri /readyz")) {
		t.Error("the Caddyfile does not check /readyz")
	}
}

// TestKubernetesManifests checks that deploy/kubernetes parses, and that
// every AUTHORBOT_ variable it sets is one authorbot knows.
func TestKubernetesManifests(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("deploy", "kubernetes", "authorbot.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var help bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, env(nil), strings.NewReader(""), &help, io.Discard); err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	kinds := map[string]bool{}
	for {
		var doc struct {
			Kind string
			Data map[string]string
			Spec struct {
				Replicas int
				Template struct {
					Spec struct {
						Containers []struct {
							Env            []struct{ Name string }
							ReadinessProbe struct {
								HTTPGet struct{ Path string } `yaml:"httpGet"`
							} `yaml:"readinessProbe"`
						}
					}
				}
			}
		}
		if err := dec.Decode(&doc); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		kinds[doc.Kind] = true
		names := slices.Collect(func(yield func(string) bool) {
			for k := range doc.Data {
				yield(k)
			}
			for _, c := range doc.Spec.Template.Spec.Containers {
				for _, e := range c.Env {
					yield(e.Name)
				}
				if c.ReadinessProbe.HTTPGet.Path != "/readyz" {
					t.Errorf("readiness probe on %q, want /readyz", c.ReadinessProbe.HTTPGet.Path)
				}
			}
		})
		for _, n := range names {
			if !strings.Contains(help.String(), strings.TrimSuffix(n, "_FILE")) {
				t.Errorf("%s: %s is not a setting of authorbot", doc.Kind, n)
			}
		}
		if doc.Kind == "ConfigMap" && doc.Data["AUTHORBOT_DISCORD_SHARD_COUNT"] != "3" {
			t.Errorf("shard count %q, want the StatefulSet's 3 replicas", doc.Data["AUTHORBOT_DISCORD_SHARD_COUNT"])
		}
	}
	for _, k := range []string{"ConfigMap", "Service", "StatefulSet"} {
		if !kinds[k] {
			t.Errorf("no %s", k)
		}
	}
}
