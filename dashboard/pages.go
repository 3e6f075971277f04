package dashboard

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
)

// pageNames are the templates/*.html files that are whole pages, each
// drawn inside layout.html.
var pageNames = []string{"sign-in", "message", "overview", "gaps", "handoffs", "topics", "editor", "history"}

// parsePages parses every page with the layout. The templates are part
// of the binary and checked by the tests, so a parse error is a broken
// build.
func parsePages() map[string]*template.Template {
	funcs := template.FuncMap{
		"date":  func(t time.Time) string { return t.UTC().Format(time.DateOnly) },
		"stamp": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
		"lines": func(list []string) string { return strings.Join(list, "\n") },
		"join":  func(list []string) string { return strings.Join(list, ", ") },
	}
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		pages[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/"+name+".html"))
	}
	return pages
}

// page is what every template is given: the words, the signed-in
// moderator (none on the sign-in pages), and the page's own data.
type page struct {
	p       *i18n.Printer
	Nav     string // the section the page belongs to, for the menu
	Session *session
	Data    any
}

// T writes a catalog message in the page's language.
func (p page) T(id string, args ...any) string { return p.p.T(id, args...) }

// Lang is the page's language.
func (p page) Lang() string { return p.p.Lang() }

// Message writes m's text.
func (p page) Message(m message) string { return p.p.T(m.Text, m.Args...) }

// CSRF is the form token of the session.
func (p page) CSRF() string {
	if p.Session == nil {
		return ""
	}
	return p.Session.csrf
}

// message is a page of one title and one text, both message ids.
type message struct {
	Title, Text string
	ID          string // the element id of the text, for tests and styles
	Args        []any
}

// render writes the page name with status. The page is written to a
// buffer first, so that a template error becomes an apology and not
// half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, pg page) {
	s.write(w, r, status, s.pages[name], "layout", pg)
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, t *template.Template, name string, pg page) {
	pg.p = s.printer(r)
	if sess, ok := r.Context().Value(sessionKey{}).(session); ok {
		pg.Session = &sess
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, pg); err != nil {
		s.log.Error("dashboard template", slog.String("page", name), slog.Any("err", err))
		http.Error(w, pg.T("bot.sorry", "Ref", "template"), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// fail logs err with a reference and apologises with it; no error text
// reaches the page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	b := make([]byte, 4)
	rand.Read(b)
	ref := hex.EncodeToString(b)
	s.log.Error("dashboard", slog.String("ref", ref), slog.String("path", logPath(r)), slog.Any("err", err))
	s.render(w, r, http.StatusInternalServerError, "message",
		page{Data: message{Title: "dash.error_title", Text: "bot.sorry", Args: []any{"Ref", ref}}})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, "message", page{Data: message{Title: "dash.not_found_title", Text: "dash.not_found"}})
}

// unavailable says a page's data is not part of this build.
func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, nav string) {
	s.render(w, r, http.StatusOK, "message", page{Nav: nav, Data: message{Title: "dash.unavailable_title", Text: "dash.unavailable"}})
}

// periods are the choices of days a page of figures offers.
var periods = []int{7, 30, 90}

// days reads the period asked for, 30 days when none or another.
func days(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("days"))
	if err != nil || !slices.Contains(periods, n) {
		return 30
	}
	return n
}

// overviewData is the overview page's.
type overviewData struct {
	Days                                      int
	Periods                                   []int
	Questions, Feedback, Languages, Platforms template.HTML
	Stale                                     []Topic
	// Unavailable is set when the build keeps no figures: the page then
	// shows the stale topics alone.
	Unavailable bool
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	d := overviewData{Days: days(r), Periods: periods, Unavailable: s.cfg.Stats == nil}
	if s.cfg.Stats != nil {
		st, err := s.cfg.Stats.Stats(r.Context(), d.Days)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p := s.printer(r)
		d.Questions = dayChart("chart-questions", p.T("dash.chart_questions"), st.Days, p.T("dash.answered"), p.T("dash.declined"))
		d.Feedback = barChart("chart-feedback", p.T("dash.chart_feedback"), feedbackBars(st.Feedback), p.T("dash.yes"), p.T("dash.no"))
		d.Languages = barChart("chart-languages", p.T("dash.chart_languages"), countBars(st.Languages), "", "")
		d.Platforms = barChart("chart-platforms", p.T("dash.chart_platforms"), countBars(st.Platforms), "", "")
	}
	if s.cfg.Topics != nil {
		topics, err := s.cfg.Topics.Topics(r.Context(), "en")
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, t := range topics {
			if t.Stale {
				d.Stale = append(d.Stale, t)
			}
		}
	}
	s.render(w, r, http.StatusOK, "overview", page{Nav: "overview", Data: d})
}

// gapsData is the gaps page's.
type gapsData struct {
	Days     int
	Periods  []int
	Gaps     []Gap
	Topics   []Topic
	Assigned string // the gap just assigned, for the notice
}

func (s *Server) gaps(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Gaps == nil {
		s.unavailable(w, r, "gaps")
		return
	}
	n := days(r)
	list, err := s.cfg.Gaps.Gaps(r.Context(), n)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := gapsData{Days: n, Periods: periods, Gaps: list, Assigned: r.URL.Query().Get("assigned")}
	if s.cfg.Topics != nil {
		if d.Topics, err = s.cfg.Topics.Topics(r.Context(), "en"); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "gaps", page{Nav: "gaps", Data: d})
}

// assign records a "should have answered" from the gaps page, and goes
// back to it.
func (s *Server) assign(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Gaps == nil {
		s.unavailable(w, r, "gaps")
		return
	}
	gap, topic := r.PostFormValue("gap"), r.PostFormValue("topic")
	if gap == "" || topic == "" {
		s.render(w, r, http.StatusBadRequest, "message", page{Nav: "gaps", Data: message{Title: "dash.gaps_title", Text: "dash.choose_topic"}})
		return
	}
	if err := s.cfg.Gaps.AssignTopic(r.Context(), gap, topic, sessionOf(r).Moderator); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("dashboard gap assigned", slog.String("moderator", sessionOf(r).Key), slog.String("gap", gap), slog.String("topic", topic))
	q := url.Values{"days": {r.PostFormValue("days")}, "assigned": {gap}}
	http.Redirect(w, r, Prefix+"gaps?"+q.Encode(), http.StatusSeeOther)
}

func (s *Server) handoffs(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Handoffs == nil {
		s.unavailable(w, r, "handoffs")
		return
	}
	list, err := s.cfg.Handoffs.Handoffs(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "handoffs", page{Nav: "handoffs", Data: list})
}

// topicsData is the topics page's.
type topicsData struct {
	Lang   string
	Langs  []string
	Topics []Topic
}

// topicLang reads the language asked for, English when none or another.
func topicLang(lang string) string {
	if slices.Contains(kb.Languages(), lang) {
		return lang
	}
	return "en"
}

func (s *Server) topics(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Topics == nil {
		s.unavailable(w, r, "topics")
		return
	}
	lang := topicLang(r.URL.Query().Get("lang"))
	list, err := s.cfg.Topics.Topics(r.Context(), lang)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "topics", page{Nav: "topics", Data: topicsData{Lang: lang, Langs: kb.Languages(), Topics: list}})
}

// editorData is the editor page's.
type editorData struct {
	Fields   TopicFields
	Editable bool
	Preview  *Preview
	Problems []string
	Saved    bool
}

func (s *Server) editTopic(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Topics == nil {
		s.unavailable(w, r, "topics")
		return
	}
	f, ok, err := s.cfg.Topics.Topic(r.Context(), r.PathValue("id"), topicLang(r.PathValue("lang")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.notFound(w, r)
		return
	}
	d := editorData{Fields: f, Editable: s.cfg.Editor != nil, Saved: r.URL.Query().Has("saved")}
	if d.Editable {
		pv, err := s.cfg.Editor.Preview(r.Context(), f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Preview = &pv
	}
	s.render(w, r, http.StatusOK, "editor", page{Nav: "topics", Data: d})
}

// fields reads the editor's form for the topic of the request's path.
func fields(r *http.Request) TopicFields {
	return TopicFields{
		ID: r.PathValue("id"), Lang: topicLang(r.PathValue("lang")),
		Title:    strings.TrimSpace(r.PostFormValue("title")),
		Body:     strings.TrimSpace(strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")),
		Aliases:  formLines(r.PostFormValue("aliases")),
		Caveat:   strings.TrimSpace(r.PostFormValue("caveat")),
		Sources:  formLines(r.PostFormValue("sources")),
		Verified: strings.TrimSpace(r.PostFormValue("verified")),
	}
}

// formLines splits a text area into its non-empty lines.
func formLines(s string) []string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// saveTopic stores the editor's form, or shows it again with its
// problems or, for the Preview button (the editor without its script),
// with the preview.
func (s *Server) saveTopic(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Editor == nil {
		s.unavailable(w, r, "topics")
		return
	}
	ctx := r.Context()
	f := fields(r)
	d := editorData{Fields: f, Editable: true}
	if r.PostFormValue("action") != "preview" {
		problems, err := s.cfg.Editor.SaveTopic(ctx, f, sessionOf(r).Moderator)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if len(problems) == 0 {
			s.log.Info("dashboard topic saved", slog.String("moderator", sessionOf(r).Key), slog.String("topic", f.ID), slog.String("lang", f.Lang))
			http.Redirect(w, r, Prefix+"topics/"+f.Lang+"/"+f.ID+"?saved", http.StatusSeeOther)
			return
		}
		d.Problems = problems
	}
	pv, err := s.cfg.Editor.Preview(ctx, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Preview = &pv
	status := http.StatusOK
	if len(d.Problems) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "editor", page{Nav: "topics", Data: d})
}

// previewTopic answers the editor's script with the preview of the form
// as it stands: the preview's part of the page alone.
func (s *Server) previewTopic(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Editor == nil {
		s.unavailable(w, r, "topics")
		return
	}
	pv, err := s.cfg.Editor.Preview(r.Context(), fields(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.write(w, r, http.StatusOK, s.pages["editor"], "preview", page{Data: editorData{Preview: &pv}})
}

func (s *Server) history(w http.ResponseWriter, r *http.Request) {
	if s.cfg.History == nil {
		s.unavailable(w, r, "history")
		return
	}
	list, err := s.cfg.History.History(r.Context(), 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "history", page{Nav: "history", Data: list})
}
