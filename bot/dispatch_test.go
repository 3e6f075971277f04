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

// TestUsageErrorsInTheAuthorsLanguage: a usage error carries its catalog
// message, which ErrorIn writes in the language asked for; its Message is
// English, for logs and callers that know no language.
func TestUsageErrorsInTheAuthorsLanguage(t *testing.T) {
	cmds := []*Command{{Name: "order", Subs: []*Command{
		{Name: "show", Example: "/order show 3", Options: []Option{{Name: "number", Type: Integer, Required: true}}},
	}}}
	_, err := Parse(cmds, "/order show three")
	tests := map[string]string{
		"":      "number must be a whole number, not \"three\".\nUsage: /order show number:<number>\nExample: /order show 3",
		"en-GB": "number must be a whole number, not \"three\".\nUsage: /order show number:<number>\nExample: /order show 3",
		"fr":    "number doit être un nombre entier, et non « three ».\nUtilisation : /order show number:<number>\nExemple : /order show 3",
		"fr-BE": "number doit être un nombre entier, et non « three ».\nUtilisation : /order show number:<number>\nExemple : /order show 3",
		"ja":    "number must be a whole number, not \"three\".\nUsage: /order show number:<number>\nExample: /order show 3",
	}
	for lang, want := range tests {
		if got := ErrorIn(err, lang); got != want {
			t.Errorf("ErrorIn(%q) = %q, want %q", lang, got, want)
		}
	}
	if got, want := ErrorMessage(err), tests[""]; got != want {
		t.Errorf("ErrorMessage = %q, want %q", got, want)
	}
	if got := ErrorIn(errors.New("disk on fire"), "fr"); got != "" {
		t.Errorf("ErrorIn(internal) = %q, want nothing", got)
	}
}
