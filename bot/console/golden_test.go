package console

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot/internal/replytest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestRenderGolden prints the shared replies as the console shows them,
// into testdata/reply-NAME.golden; Slack and Discord render the same
// replies into their own testdata.
func TestRenderGolden(t *testing.T) {
	for _, c := range replytest.Replies() {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			var out bytes.Buffer
			a := &Adapter{Out: &out, ExportDir: dir}
			a.Print(c.Reply)
			// The export's path is the test's own directory.
			got := strings.ReplaceAll(out.String(), dir, "$EXPORT_DIR")
			replytest.Golden(t, filepath.Join("testdata", "reply-"+c.Name+".golden"), []byte(got), *update)
		})
	}
	replytest.Stale(t, "testdata", *update)
}
