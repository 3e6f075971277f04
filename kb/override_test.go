package kb

import (
	"slices"
	"strings"
	"testing"
)

// TestLoadOverlay checks what an overlay does to the embedded content: a
// file replaced, a topic hidden with the links and examples that name it,
// and an invalid file refused with every problem at once.
func TestLoadOverlay(t *testing.T) {
	base := mustLoad(t)
	en, _ := base.Entry("cancel-order", "en")
	edited := *en
	edited.Title = "Cancelling an order"
	k, err := LoadOverlay(Overlay{
		Files:  map[string][]byte{"en/cancel-order.md": edited.Markdown()},
		Hidden: map[string]bool{"track-order": true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := k.Entry("cancel-order", "en"); got.Title != "Cancelling an order" || slices.Contains(got.Related, "track-order") {
		t.Errorf("cancel-order = %q, related %v", got.Title, got.Related)
	}
	if _, ok := k.Entry("track-order", "fr"); ok {
		t.Error("hidden topic loaded")
	}
	if got, _ := base.Entry("cancel-order", "en"); got.Title == "Cancelling an order" || !slices.Contains(got.Related, "track-order") {
		t.Error("the overlay changed the base's knowledge base")
	}

	broken := edited
	broken.Theme, broken.Sources = "nowhere", nil
	_, err = LoadOverlay(Overlay{Files: map[string][]byte{
		"en/cancel-order.md": broken.Markdown(),
		"fr/new-topic.md":    []byte("no front matter"),
	}})
	if err == nil {
		t.Fatal("invalid overlay loaded")
	}
	for _, want := range []string{`en/cancel-order.md: unknown theme "nowhere"`, `en/cancel-order.md: missing required key "sources"`, "fr/new-topic.md: missing front matter"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}
