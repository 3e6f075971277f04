package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/kbedit"
)

// pollInterval is how often a running bot looks for moderators' changes
// stored by another process: well within the second they must take to be
// live everywhere, for one indexed read (kbedit BenchmarkSyncUnchanged).
const pollInterval = 250 * time.Millisecond

// liveKnowledge builds the knowledge base in effect from db's overrides
// and keeps it current until ctx ends: its editor, and the router options
// that answer from it and let moderators change it.
func liveKnowledge(ctx context.Context, db kbedit.Store, k *kb.KB, log *slog.Logger) (*kbedit.Editor, []handlers.Option, error) {
	ed, err := kbedit.New(ctx, db, log.With("component", "kb"), kbedit.WithBase(k))
	if err != nil {
		return nil, nil, fmt.Errorf("knowledge base overrides: %w", err)
	}
	warnDrifted(ed, log)
	go ed.Run(ctx, pollInterval)
	return ed, []handlers.Option{handlers.WithKnowledge(ed), handlers.WithTopicEditor(ed)}, nil
}

// warnDrifted logs the topics whose base an upgrade changed under a
// moderator's override, for the operator to pass on.
func warnDrifted(ed *kbedit.Editor, log *slog.Logger) {
	var topics []string
	for _, d := range ed.Drifted() {
		topics = append(topics, d.Topic)
	}
	if len(topics) > 0 {
		log.Warn("knowledge base: topics changed by the upgrade under moderators' changes; see /admin topic show",
			slog.String("topics", strings.Join(topics, ",")))
	}
}

// runKB runs "authorbot kb export DIR" and "authorbot kb import DIR".
func runKB(ctx context.Context, cfg config.Config, k *kb.KB, log *slog.Logger, std stdio) error {
	db, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	ed, err := kbedit.New(ctx, db, log, kbedit.WithBase(k))
	if err != nil {
		return fmt.Errorf("knowledge base overrides: %w", err)
	}
	dir := cfg.Args[0]
	if cfg.Command == "kb export" {
		if err := ed.Export(dir); err != nil {
			return err
		}
		fmt.Fprintf(std.out, "Wrote the knowledge base in effect (version %d) to %s.\n", ed.Version(), dir)
		printDrifted(std.out, ed)
		return nil
	}
	plan, err := ed.Import(ctx, "cli:"+cfg.User, dir, cfg.Apply)
	var inv kbedit.Invalid
	if errors.As(err, &inv) {
		return fmt.Errorf("%s is not valid content, nothing was stored:\n  - %s", dir, strings.Join(inv.Problems, "\n  - "))
	}
	var conflict kbedit.Conflict
	if errors.As(err, &conflict) {
		return fmt.Errorf("topic %s was changed meanwhile (version %d), nothing was stored: export again and merge", conflict.Topic, conflict.Latest)
	}
	if err != nil {
		return err
	}
	printPlan(std.out, dir, plan)
	printDrifted(std.out, ed)
	return nil
}

// printPlan writes what an import changes, or changed.
func printPlan(w io.Writer, dir string, plan kbedit.Plan) {
	if len(plan.Items) == 0 {
		fmt.Fprintf(w, "%s is the knowledge base in effect: nothing to change.\n", dir)
		return
	}
	if plan.Saved {
		fmt.Fprintf(w, "Stored %d changes from %s:\n", len(plan.Items), dir)
	} else {
		fmt.Fprintf(w, "%s would change %d topics (dry run: nothing stored; run with --apply to store):\n", dir, len(plan.Items))
	}
	for i, it := range plan.Items {
		line := fmt.Sprintf("  %-5s %s", it.What, it.Topic)
		var langs []string
		for _, lang := range []string{"en", "fr", "de", "es", "it", "pt", "nl"} {
			if f, ok := it.Fields[lang]; ok {
				langs = append(langs, lang+": "+strings.Join(f, ", "))
			}
		}
		if len(langs) > 0 {
			line += " (" + strings.Join(langs, "; ") + ")"
		}
		if plan.Saved {
			line += fmt.Sprintf(", version %d", plan.Changes[i].Version)
		}
		fmt.Fprintln(w, line)
	}
}

// printDrifted lists the overrides an upgrade changed the base under.
func printDrifted(w io.Writer, ed *kbedit.Editor) {
	drifted := ed.Drifted()
	if len(drifted) == 0 {
		return
	}
	fmt.Fprintln(w, "The release changed these topics since moderators changed them; compare and keep, merge or revert:")
	for _, d := range drifted {
		line := fmt.Sprintf("  %s (version %d by %s)", d.Topic, d.Version, d.By)
		if d.Problem != "" {
			line += ": left out, " + strings.ReplaceAll(d.Problem, "\n", " ")
		}
		fmt.Fprintln(w, line)
	}
}
