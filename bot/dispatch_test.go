package bot

import (
	"context"
	"errors"
	"log/slog"
	"regexp"
	"testing"
)

// TestApologyInTheAuthorsLanguage: a fault is shown as the catalog's
// apology, in the request's locale, with a reference id.
func TestApologyInTheAuthorsLanguage(t *testing.T) {
	failing := HandlerFunc(func(context.Context, *Request) (*Reply, error) {
		return nil, errors.New("disk on fire")
	})
	d := &Dispatcher{Handler: failing, Log: slog.New(slog.DiscardHandler)}
	for locale, want := range map[string]string{
		"":      `^Sorry, something went wrong on my side\. Please try again in a moment \(reference [0-9a-f]{8}\)\.$`,
		"en-US": `^Sorry, something went wrong on my side\.`,
		"fr-CA": `^Désolé, un problème est survenu de mon côté\. Réessayez dans un instant \(référence [0-9a-f]{8}\)\.$`,
		"ja":    `^Sorry, something went wrong`,
	} {
		got := PlainText(d.Serve(context.Background(), &Request{Command: "ask", Locale: locale}))
		if !regexp.MustCompile(want).MatchString(got) {
			t.Errorf("locale %q: got %q, want %s", locale, got, want)
		}
	}
}
