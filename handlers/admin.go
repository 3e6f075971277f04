package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/moderation"
)

// adminSub is one subcommand of /admin: its command and its handler,
// which runs only for a moderator. A new set of subcommands (/admin topic
// …) is a few more rows of adminSubs.
type adminSub struct {
	cmd    *bot.Command
	handle bot.HandlerFunc
	// gaps marks the subcommands that read the moderation store (gaps,
	// handoffs, figures), which say so when there is none.
	gaps bool
}

// Defaults and bounds of the periods /admin reads.
const (
	defaultAdminDays = 7
	maxAdminDays     = 365
	// maxGroups and maxHandoffsListed bound the lines of one reply.
	maxGroups         = 10
	maxHandoffsListed = 15
)

func daysOption() bot.Option {
	return bot.Option{Name: "days", Type: bot.Integer,
		Positional: true, Min: 1, Max: maxAdminDays, Placeholder: "N",
		Localized: localized("jours", "tage", "días", "giorni", "dias", "dagen")}
}

// adminSubs is the table of /admin's subcommands.
func (r *Router) adminSubs() []adminSub {
	return []adminSub{
		{&bot.Command{Name: "gaps", Example: "/admin gaps 30", Options: []bot.Option{daysOption()},
			Localized: localized("lacunes", "lücken", "lagunas", "lacune", "lacunas", "hiaten")}, r.adminGaps, true},
		{&bot.Command{Name: "handoffs", Example: "/admin handoffs",
			Localized: localized("transmises", "weitergeleitet", "derivadas", "inoltrate", "encaminhadas", "doorgestuurd")}, r.adminHandoffs, true},
		{&bot.Command{Name: "stats", Example: "/admin stats 30", Options: []bot.Option{daysOption()},
			Localized: localized("stats", "statistik", "estadísticas", "statistiche", "estatísticas", "statistieken")}, r.adminStats, true},
		{&bot.Command{Name: "digest", Example: "/admin digest now",
			Options: []bot.Option{{Name: "when", Required: true,
				Choices:   []bot.Choice{{Name: "now", Value: "now", Localized: choiceNames("maintenant", "jetzt", "ahora", "ora", "agora", "nu", "今")}},
				Localized: localized("quand", "wann", "cuándo", "quando", "quando", "wanneer")}},
			Localized: localized("résumé", "übersicht", "resumen", "riepilogo", "resumo", "overzicht")}, r.adminDigest, true},
		{r.topicCommand(), r.adminTopic, false},
		{&bot.Command{Name: "dashboard", Example: "/admin dashboard",
			Localized: localized("tableau", "dashboard", "panel", "pannello", "painel", "dashboard")}, r.adminDashboard, false},
	}
}

func (r *Router) adminFamily() family {
	cmd := &bot.Command{
		Name:       "admin",
		Example:    "/admin gaps",
		Moderators: true,
		Localized:  localized("admin", "admin", "admin", "admin", "admin", "admin"),
	}
	handlers := map[string]bot.HandlerFunc{}
	for _, s := range r.adminSubs() {
		cmd.Subs = append(cmd.Subs, s.cmd)
		handlers[s.cmd.Name] = r.onlyModerators(s.handle, s.gaps)
	}
	return family{cmd: cmd, handlers: handlers}
}

// onlyModerators runs h for a moderator and refuses anyone else, whatever
// the platform showed them. With gaps, h needs the moderation store.
func (r *Router) onlyModerators(h bot.HandlerFunc, gaps bool) bot.HandlerFunc {
	return func(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
		p := r.printer(r.lang(req, ""))
		if err := r.moderatorOnly(ctx, req, p); err != nil {
			return nil, err
		}
		if gaps && r.mod == nil {
			return bot.Say("%s", p.T("admin.not_kept")), nil
		}
		return h(ctx, req)
	}
}

// adminDays reads the days option.
func (r *Router) adminDays(req *bot.Request, p *i18n.Printer) (int, time.Time, error) {
	days := defaultAdminDays
	if v := req.Option("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxAdminDays {
			return 0, time.Time{}, fail(p, bot.Invalid, "admin.days", "Max", maxAdminDays)
		}
		days = n
	}
	return days, r.today().AddDate(0, 0, 1-days), nil
}

func (r *Router) adminGaps(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	days, since, err := r.adminDays(req, p)
	if err != nil {
		return nil, err
	}
	gaps, err := r.mod.Gaps.Gaps(ctx, since)
	if err != nil {
		return nil, fmt.Errorf("admin gaps: %w", err)
	}
	reply := &bot.Reply{Title: p.T("admin.gaps_title", "Count", days), Ephemeral: true, Lang: p.Lang()}
	groups := moderation.Groups(gaps)
	if len(groups) == 0 {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("admin.no_gaps")})
		return reply, nil
	}
	reply.Blocks = append(reply.Blocks, &bot.List{Items: r.groupLines(groups, maxGroups, r.taught(ctx, gaps), p)})
	return reply, nil
}

// taught returns the topics taught for the questions of gaps (see
// moderation.Taught); nil when the examples cannot be read, which only
// leaves the lines without them.
func (r *Router) taught(ctx context.Context, gaps []moderation.Gap) map[string]string {
	_, exs, err := r.mod.Examples.Examples(ctx)
	if err != nil {
		r.log.Warn("admin gaps: cannot read the taught examples", slog.Any("err", err))
		return nil
	}
	return moderation.Taught(exs, gaps)
}

// groupLines writes the biggest groups of gaps, one line each, with the
// topic taught for one of a group's questions when taught has it.
func (r *Router) groupLines(groups []moderation.Group, n int, taught map[string]string, p *i18n.Printer) []string {
	var items []string
	for _, g := range groups[:min(n, len(groups))] {
		quoted := make([]string, len(g.Examples))
		for i, ex := range g.Examples {
			quoted[i] = p.T("admin.quoted", "Text", clipRunes(ex, 120))
		}
		line := p.T("admin.gap_line", "Count", g.Count, "Examples", strings.Join(quoted, " / "), "Langs", strings.Join(g.Langs, ", "))
		if topic := g.TaughtTopic(taught); topic != "" {
			line += " · " + p.T("admin.taught", "Topic", r.topicTitle(topic, p.Lang()))
		} else if g.Guess != "" {
			line += " · " + p.T("admin.closest", "Topic", r.topicTitle(g.Guess, p.Lang()))
		}
		items = append(items, line)
	}
	return items
}

// topicTitle is a topic's title in lang, its id when it has none.
func (r *Router) topicTitle(id, lang string) string {
	if e, ok := r.kb.Entry(id, lang); ok {
		return e.Title
	}
	return id
}

func (r *Router) adminHandoffs(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	open, err := r.mod.Handoffs.OpenHandoffs(ctx)
	if err != nil {
		return nil, fmt.Errorf("admin handoffs: %w", err)
	}
	reply := &bot.Reply{Title: p.T("admin.handoffs_title", "Count", len(open)), Ephemeral: true, Lang: p.Lang()}
	if len(open) == 0 {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("admin.no_handoffs")})
		return reply, nil
	}
	reply.Blocks = append(reply.Blocks, &bot.List{Items: r.handoffLines(open, p)})
	return reply, nil
}

// handoffLines writes the open handoffs, oldest first, one line each.
func (r *Router) handoffLines(open []moderation.Handoff, p *i18n.Printer) []string {
	var items []string
	for _, h := range open[:min(maxHandoffsListed, len(open))] {
		items = append(items, p.T("admin.handoff_line", "ID", h.ID, "Date", h.Created.Format(dateLayout),
			"Question", clipRunes(h.Question, 160), "Lang", h.Lang, "Platform", h.Platform))
	}
	return items
}

func (r *Router) adminStats(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	days, since, err := r.adminDays(req, p)
	if err != nil {
		return nil, err
	}
	r.FlushCounts(ctx)
	s, err := r.mod.Gaps.Stats(ctx, since)
	if err != nil {
		return nil, fmt.Errorf("admin stats: %w", err)
	}
	reply := &bot.Reply{Title: p.T("admin.stats_title", "Count", days), Ephemeral: true, Lang: p.Lang()}
	reply.Blocks = append(r.statsBlocks(s, p), r.topicCareBlocks(p)...)
	return reply, nil
}

// statsBlocks writes a period's figures.
func (r *Router) statsBlocks(s moderation.Stats, p *i18n.Printer) []bot.Block {
	if s.Asked == 0 {
		return []bot.Block{&bot.Text{Text: p.T("admin.no_questions")}}
	}
	counts := func(cs []moderation.Count, title bool) string {
		var parts []string
		for _, c := range cs[:min(5, len(cs))] {
			name := c.Name
			if title {
				name = r.topicTitle(c.Name, p.Lang())
			}
			parts = append(parts, name+" ("+p.Num(c.Count)+")")
		}
		if len(parts) == 0 {
			return "–"
		}
		return strings.Join(parts, ", ")
	}
	var unhelpful []string
	for _, v := range s.Unhelpful[:min(5, len(s.Unhelpful))] {
		unhelpful = append(unhelpful, p.T("admin.votes", "Title", r.topicTitle(v.Topic, p.Lang()), "No", v.No, "Yes", v.Yes))
	}
	if len(unhelpful) == 0 {
		unhelpful = []string{"–"}
	}
	fields := &bot.Fields{Fields: []bot.Field{
		{Name: p.T("admin.asked"), Value: p.Num(s.Asked), Inline: true},
		{Name: p.T("admin.answered"), Value: p.T("admin.percent", "Percent", int(s.AnsweredShare()*100+0.5)), Inline: true},
		{Name: p.T("admin.by_lang"), Value: counts(s.ByLang, false), Inline: true},
		{Name: p.T("admin.by_platform"), Value: counts(s.ByPlatform, false), Inline: true},
		{Name: p.T("admin.top_topics"), Value: counts(s.Topics, true)},
		{Name: p.T("admin.most_no"), Value: strings.Join(unhelpful, ", ")},
	}}
	var perDay []string
	for _, d := range s.Days {
		perDay = append(perDay, p.T("admin.day_line", "Date", d.Day.Format(dateLayout), "Asked", d.Asked, "Answered", d.Answered))
	}
	return []bot.Block{fields, &bot.List{Items: perDay}}
}

func (r *Router) adminDigest(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	sent, err := r.SendDigest(ctx, r.now())
	if err != nil {
		return nil, fmt.Errorf("admin digest: %w", err)
	}
	reply, err := r.DigestReply(ctx, r.now(), p.Lang())
	if err != nil {
		return nil, fmt.Errorf("admin digest: %w", err)
	}
	reply.Ephemeral = true
	note := p.T("admin.digest_sent", "Count", sent)
	if sent == 0 {
		note = p.T("admin.digest_nowhere")
	}
	reply.Blocks = append([]bot.Block{&bot.Text{Text: note, Note: true}}, reply.Blocks...)
	return reply, nil
}

// Digest gathers the digest of the seven days up to now.
func (r *Router) Digest(ctx context.Context, now time.Time) (moderation.Digest, error) {
	if r.mod == nil {
		return moderation.Digest{}, fmt.Errorf("digest: no moderation")
	}
	r.FlushCounts(ctx)
	since := now.AddDate(0, 0, -7)
	d := moderation.Digest{Week: moderation.Week(now)}
	var err error
	if d.Stats, err = r.mod.Gaps.Stats(ctx, since); err != nil {
		return d, err
	}
	gaps, err := r.mod.Gaps.Gaps(ctx, since)
	if err != nil {
		return d, err
	}
	d.Gaps = moderation.Groups(gaps)
	d.Gaps = d.Gaps[:min(5, len(d.Gaps))]
	if d.Open, err = r.mod.Handoffs.OpenHandoffs(ctx); err != nil {
		return d, err
	}
	if d.Falling, err = r.mod.Gaps.Falling(ctx, since); err != nil {
		return d, err
	}
	return d, nil
}

// DigestReply is the digest of the seven days up to now, written in lang.
func (r *Router) DigestReply(ctx context.Context, now time.Time, lang string) (*bot.Reply, error) {
	d, err := r.Digest(ctx, now)
	if err != nil {
		return nil, err
	}
	p := r.printer(lang)
	reply := &bot.Reply{Title: p.T("admin.digest_title", "Week", d.Week), Lang: p.Lang()}
	reply.Blocks = append(reply.Blocks, r.statsBlocks(d.Stats, p)...)
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("admin.digest_gaps")})
	if len(d.Gaps) == 0 {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("admin.no_gaps"), Note: true})
	} else {
		reply.Blocks = append(reply.Blocks, &bot.List{Items: r.groupLines(d.Gaps, len(d.Gaps), nil, p)})
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("admin.handoffs_title", "Count", len(d.Open))})
	if len(d.Open) > 0 {
		reply.Blocks = append(reply.Blocks, &bot.List{Items: r.handoffLines(d.Open, p)})
	}
	if len(d.Falling) > 0 {
		var items []string
		for _, f := range d.Falling {
			items = append(items, p.T("admin.falling_line", "Title", r.topicTitle(f.Topic, p.Lang()),
				"Before", int(f.Before*100+0.5), "Now", int(f.Now*100+0.5)))
		}
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("admin.digest_falling")}, &bot.List{Items: items})
	}
	reply.Blocks = append(reply.Blocks, r.topicCareBlocks(p)...)
	return reply, nil
}

// SendDigest posts the digest to every platform's moderators' channel
// and returns to how many it was posted; it fails only when every
// channel there is refused it.
func (r *Router) SendDigest(ctx context.Context, now time.Time) (int, error) {
	if r.mod == nil || r.mod.Reach == nil {
		return 0, nil
	}
	reply, err := r.DigestReply(ctx, now, r.mod.Lang)
	if err != nil {
		return 0, err
	}
	sent, tried := 0, 0
	var last error
	for _, p := range []bot.Platform{bot.Slack, bot.Discord} {
		mods := r.mod.Reach.Moderators(p)
		if mods == nil {
			continue
		}
		tried++
		if _, err := mods.PostModerators(ctx, "", reply); err != nil {
			last = fmt.Errorf("%s: %w", p, err)
			continue
		}
		sent++
	}
	if tried > 0 && sent == 0 {
		return 0, last
	}
	return sent, nil
}

// SignInLinks makes a one-time sign-in link to the moderators' dashboard
// for u. The link is a secret: it is shown to u alone and never logged.
type SignInLinks func(ctx context.Context, u bot.User) (string, error)

// WithSignInLinks gives the router what /admin dashboard makes links
// with. Without it, /admin dashboard says there is no dashboard here.
func WithSignInLinks(f SignInLinks) Option { return func(r *Router) { r.signIn = f } }

// adminDashboard gives the moderator, privately, a link that signs them in
// to the dashboard once.
func (r *Router) adminDashboard(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if r.signIn == nil {
		return nil, fail(p, bot.Conflict, "admin.no_dashboard")
	}
	link, err := r.signIn(ctx, req.User)
	if err != nil {
		return nil, fmt.Errorf("admin dashboard: %w", err)
	}
	return &bot.Reply{Ephemeral: true, Lang: p.Lang(), Blocks: []bot.Block{
		&bot.Text{Text: p.T("admin.dashboard_link", "Minutes", int(signInMinutes))},
		&bot.Link{Label: p.T("admin.dashboard_open"), URL: link},
	}}, nil
}

// signInMinutes is how long a sign-in link works (dashboard.LinkTTL).
const signInMinutes = 10

// maxUncheckedListed bounds the topics unchecked for a year that one
// reply names.
const maxUncheckedListed = 10

// drifter is the part of a TopicEditor that knows which moderators'
// changes an upgrade changed the base under; *kbedit.Editor is one.
type drifter interface {
	Drifted() []kbedit.Drift
}

// topicCareBlocks are the topics that need a moderator's eye: those
// unchecked for twelve months, oldest first, in the knowledge base in
// effect, and those an upgrade changed under a moderator's version.
func (r *Router) topicCareBlocks(p *i18n.Printer) []bot.Block {
	var blocks []bot.Block
	if stale := kbedit.Unchecked(r.current().kb, r.now()); len(stale) > 0 {
		var items []string
		for _, e := range stale[:min(maxUncheckedListed, len(stale))] {
			items = append(items, p.T("admin.unchecked_line", "Title", r.topicTitle(e.ID, p.Lang()), "Topic", e.ID, "Date", e.Verified))
		}
		blocks = append(blocks, &bot.Text{Text: p.T("admin.unchecked_title", "Count", len(stale))}, &bot.List{Items: items})
	}
	if d, ok := r.topics.(drifter); ok {
		if drifted := d.Drifted(); len(drifted) > 0 {
			var items []string
			for _, t := range drifted {
				items = append(items, p.T("admin.drifted_line", "Title", r.topicTitle(t.Topic, p.Lang()), "Topic", t.Topic))
			}
			blocks = append(blocks, &bot.Text{Text: p.T("admin.drifted_title", "Count", len(drifted))}, &bot.List{Items: items})
		}
	}
	return blocks
}
