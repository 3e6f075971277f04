package discord

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiscordgoVersion keeps discordgo at the release the project has
// approved: a plain go get or go mod tidy would move it to the newest,
// which is served but not approved. The test binary carries no module
// versions, so go.mod itself is read.
func TestDiscordgoVersion(t *testing.T) {
	const module, want = "github.com/bwmarrin/discordgo", "v0.28.1"
	b, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var required []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && f[0] == module {
			required = append(required, f[1])
		}
		if strings.Contains(line, module) && strings.Contains(line, "=>") {
			t.Errorf("go.mod replaces discordgo: %s", strings.TrimSpace(line))
		}
	}
	if len(required) != 1 || required[0] != want {
		t.Errorf("go.mod requires discordgo %v; want %s, the approved release", required, want)
	}
}
