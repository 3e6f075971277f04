package handlers

import (
	"context"
	"fmt"
	"time"
	"unicode"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

func (r *Router) preorderFamily() family {
	return family{
		cmd: &bot.Command{
			Name:        "preorder",
			Description: "Plan a pre-order: KDP's release options, or the dated steps of the Amazon Advantage method",
			Example:     "/preorder {today+60} plan:advantage tz:Europe/Paris",
			Options: []bot.Option{
				{
					Name: "release", Description: "The release date, YYYY-MM-DD",
					Type: bot.String, Required: true, Placeholder: "YYYY-MM-DD",
					Localized: localized("parution", "La date de parution, AAAA-MM-JJ",
						"erscheinungsdatum", "publicación", "uscita", "lançamento", "verschijningsdatum"),
				},
				{
					Name: "plan", Description: "kdp (what KDP offers, the default) or advantage (the print pre-order workaround)",
					Positional: true,
					Choices: []bot.Choice{
						{Name: "kdp", Value: "kdp"},
						{Name: "advantage", Value: "advantage"},
					},
					Localized: localized("methode", "kdp (ce que propose KDP, par défaut) ou advantage (le contournement pour le papier)",
						"methode", "método", "metodo", "método", "methode"),
				},
				optZone,
				{
					Name: "remind", Description: "yes: send me a reminder before each dated step",
					Choices: []bot.Choice{
						{Name: "yes", Value: "yes", Localized: choiceNames("oui", "ja", "sí", "sì", "sim", "ja", "はい")},
						{Name: "no", Value: "no", Localized: choiceNames("non", "nein", "no", "no", "não", "nee", "いいえ")},
					},
					Localized: localized("rappels", "yes : m'envoyer un rappel avant chaque étape datée",
						"erinnerungen", "recordatorios", "promemoria", "lembretes", "herinneringen"),
				},
			},
			Localized: localized("precommande", "Planifier une précommande : options de KDP ou étapes datées de la méthode Amazon Advantage",
				"vorbestellung", "preventa", "preordine", "pré-venda", "voorverkoop"),
		},
		handlers: map[string]bot.HandlerFunc{"": r.preorder},
	}
}

// planStep is one dated step of a pre-order plan.
type planStep struct {
	// text is the step as shown in the plan, with its dates.
	text string
	// remindAt, when not zero, is when a reminder for the step goes out,
	// with remindText as its message.
	remindAt   time.Time
	remindText string
}

// preorderPlan is the outcome of a pre-order computation.
type preorderPlan struct {
	title  string
	intro  []string
	steps  []planStep
	notes  []string // caveats, shown dimmed
	source string
}

func (r *Router) preorder(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	user := req.User.Key()
	z, err := r.zoneFor(ctx, user, req.Option("tz"), lang)
	if err != nil {
		return nil, err
	}
	loc, zone := z.loc, z.name()
	now := r.now().In(loc)
	release, err := parseRelease(req.Option("release"), now, loc, lang)
	if err != nil {
		return nil, err
	}
	var p preorderPlan
	kind := req.Option("plan")
	if kind == "advantage" {
		p, err = advantagePlan(release, now, lang)
	} else {
		kind = "kdp"
		p = kdpPlan(release, now, lang)
	}
	if err != nil {
		return nil, err
	}
	reply := &bot.Reply{Title: p.title, Ephemeral: true, Lang: lang, Source: p.source}
	for _, t := range p.intro {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: t})
	}
	var items []string
	for _, s := range p.steps {
		items = append(items, s.text)
	}
	reply.Blocks = append(reply.Blocks, &bot.List{Items: items, Ordered: kind == "advantage"})
	zoneNote := fmt.Sprintf(tr(lang, "Times are in %s.", "Heures données dans le fuseau %s."), zone)
	if req.Option("tz") == "" && zone == "UTC" {
		zoneNote += tr(lang, " Add tz:<your zone> (e.g. tz:Europe/Paris) for your local times.",
			" Ajoutez tz:<votre fuseau> (par ex. tz:Europe/Paris) pour vos heures locales.")
	}
	for _, n := range p.notes {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: "⚠ " + n, Note: true})
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: zoneNote, Note: true})
	canDM := r.canDM(req.User.Platform)
	saved := false // the typed zone, with the reminders
	switch {
	case req.Option("remind") == "yes" && r.keepsReminders && !canDM:
		// The plan still helps; the reminders could never arrive.
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: bot.ErrorMessage(noDM(req.User.Platform, lang))})
	case req.Option("remind") == "yes":
		var block []bot.Block
		block, saved, err = r.preorderReminders(ctx, req, z, kind, release, now, p.steps, lang)
		if err != nil {
			return nil, err
		}
		reply.Blocks = append(reply.Blocks, block...)
	case r.keepsReminders && canDM && hasReminders(p.steps, now):
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: tr(lang,
			"Add remind:yes to get a reminder before each dated step.",
			"Ajoutez remind:yes pour recevoir un rappel avant chaque étape datée."), Note: true})
	}
	if z.typed && !saved {
		if err := r.reminders.SaveZone(ctx, user, z.name()); err != nil {
			return nil, fmt.Errorf("save time zone: %w", err)
		}
	}
	return reply, nil
}

func hasReminders(steps []planStep, now time.Time) bool {
	for _, s := range steps {
		if s.remindAt.After(now) {
			return true
		}
	}
	return false
}

// preorderReminders sets a reminder for each step still to come, and
// remembers the zone z if it was typed, in one transaction. Each is
// tagged with the release, plan and step, so asking again reschedules
// rather than doubles them. It returns the blocks that say what was set,
// and whether it stored anything.
func (r *Router) preorderReminders(ctx context.Context, req *bot.Request, z zone, kind string, release time.Time,
	now time.Time, steps []planStep, lang string) ([]bot.Block, bool, error) {
	if !r.keepsReminders {
		return nil, false, noReminders(lang)
	}
	var due []int
	for i, s := range steps {
		if s.remindAt.After(now) && !s.remindAt.After(now.AddDate(2, 0, 0)) {
			due = append(due, i)
		}
	}
	if len(due) == 0 {
		return []bot.Block{&bot.Text{Text: tr(lang,
			"No reminders set: every step's time has come already.",
			"Aucun rappel créé : le moment de chaque étape est déjà arrivé."), Note: true}}, false, nil
	}
	var rems []ledger.Reminder
	for _, i := range due {
		s := steps[i]
		rems = append(rems, ledger.Reminder{
			Kind: ledger.ReminderPreorder, Due: s.remindAt, Zone: z.name(), Text: s.remindText,
			Tag: fmt.Sprintf("preorder:%s:%s:%d", release.Format("2006-01-02"), kind, i+1),
		})
	}
	// All steps or none: the cap on open reminders is checked with them.
	rems, err := r.reminders.Remind(ctx, r.author(req, lang), z.save(), rems)
	if err != nil {
		return nil, false, reminderErr("preorder reminders", err, lang)
	}
	var items []string
	for j, i := range due {
		items = append(items, fmt.Sprintf("#%d · %s · %s", rems[j].Number, fmtWhen(steps[i].remindAt, lang), safeText(clipText(rems[j].Text, 80))))
	}
	return []bot.Block{
		&bot.Text{Text: tr(lang, "Reminders set:", "Rappels créés :")},
		&bot.List{Items: items},
		&bot.Text{Text: deliveryNote(req.User.Platform, len(items) > 1, lang), Note: true},
	}, true, nil
}

// parseRelease reads a release date as midnight starting that day in loc,
// and checks that it is a real date still to come and at most two years
// away.
func parseRelease(s string, now time.Time, loc *time.Location, lang string) (time.Time, error) {
	d, err := parseDate(s, "release", lang, ledger.Day(now))
	if err != nil {
		return time.Time{}, err
	}
	release := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	switch {
	case release.Before(today):
		return time.Time{}, bot.Errorf(bot.Invalid, tr(lang,
			"%s is in the past (today is %s). Give the release date you are planning.",
			"Le %s est passé (nous sommes le %s). Indiquez la date de parution prévue."),
			fmtDay(release, lang), fmtDay(today, lang))
	case release.Equal(today):
		return time.Time{}, bot.Errorf(bot.Invalid, tr(lang,
			"%s is today: it is too late for a pre-order. You can publish now with KDP's \"release now\" option.",
			"Le %s, c'est aujourd'hui : trop tard pour une précommande. Vous pouvez publier dès maintenant avec l'option « publier maintenant » de KDP."),
			fmtDay(release, lang))
	case release.After(today.AddDate(2, 0, 0)):
		return time.Time{}, bot.Errorf(bot.Invalid, tr(lang,
			"%s is more than two years away; KDP's options reach a year ahead at most. Pick a date within two years.",
			"Le %s est à plus de deux ans ; les options de KDP vont jusqu'à un an au plus. Choisissez une date d'ici deux ans."),
			fmtDay(release, lang))
	}
	return release, nil
}

// Hours before a release are elapsed hours before the midnight that
// starts release day; days are calendar days in the author's zone. Across
// a daylight-saving change the two differ by an hour, and both are what
// the rules say: "72 hours before" is 72 real hours.
func hoursBefore(release time.Time, h int) time.Time {
	return release.Add(-time.Duration(h) * time.Hour)
}

func atHour(day time.Time, h int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, day.Location())
}

// kdpPlan explains what KDP itself offers for a release on that day
// (facts 36 and 37): a scheduled print release 5 to 90 days ahead, an
// eBook pre-order up to a year ahead with the final file due 72 hours
// before release.
func kdpPlan(release, now time.Time, lang string) preorderPlan {
	today := atHour(now, 0)
	day := fmtDay(release, lang)
	p := preorderPlan{
		title: fmt.Sprintf(tr(lang, "Release on %s: KDP's options", "Parution le %s : les options de KDP"), day),
		source: tr(lang,
			"Source: KDP Help, release date options and eBook pre-orders (checked 2025-11-15)",
			"Source : aide KDP, options de date de parution et précommandes d'eBook (vérifié le 2025-11-15)"),
	}
	p.intro = append(p.intro, tr(lang,
		"KDP offers three release options: release now, schedule a release (paperback and hardcover, 5 to 90 days ahead, the product page stays hidden until release day) and pre-order (eBooks only, up to a year ahead). For this date:",
		"KDP propose trois options : publier maintenant, programmer la parution (broché et relié, de 5 à 90 jours à l'avance, la page produit reste cachée jusqu'au jour J) et la précommande (eBook seulement, jusqu'à un an à l'avance). Pour cette date :"))

	// Print: a scheduled release, chosen 5 to 90 days before.
	open, last := release.AddDate(0, 0, -90), release.AddDate(0, 0, -5)
	s := planStep{}
	switch {
	case today.Before(open):
		s.text = fmt.Sprintf(tr(lang,
			"Paperback/hardcover: schedule the release in KDP between %s and %s (5 to 90 days ahead). Not yet: the window opens in %d days.",
			"Broché/relié : programmez la parution dans KDP entre le %s et le %s (5 à 90 jours avant). Pas encore : la période s'ouvre dans %d jours."),
			fmtDay(open, lang), fmtDay(last, lang), daysBetween(today, open))
		s.remindAt = atHour(open, reminderHour)
		s.remindText = fmt.Sprintf(tr(lang,
			"From today you can schedule the print release for %s in KDP (until %s).",
			"Dès aujourd'hui, vous pouvez programmer dans KDP la parution papier du %s (jusqu'au %s)."), day, fmtDay(last, lang))
	case !today.After(last):
		s.text = fmt.Sprintf(tr(lang,
			"Paperback/hardcover: you can schedule the release in KDP now, until %s (5 days before).",
			"Broché/relié : vous pouvez programmer la parution dans KDP dès maintenant, jusqu'au %s (5 jours avant)."),
			fmtDay(last, lang))
	default:
		s.text = fmt.Sprintf(tr(lang,
			"Paperback/hardcover: too late to schedule a release for this date (it takes at least 5 days; the last day was %s). Release now, or pick a date 5 or more days away.",
			"Broché/relié : trop tard pour programmer une parution à cette date (il faut au moins 5 jours ; le dernier jour était le %s). Publiez maintenant ou choisissez une date dans 5 jours ou plus."),
			fmtDay(last, lang))
	}
	p.steps = append(p.steps, s)
	if today.Before(last) {
		p.steps = append(p.steps, planStep{
			text: fmt.Sprintf(tr(lang,
				"Last day to schedule the print release: %s.", "Dernier jour pour programmer la parution papier : %s."),
				fmtDay(last, lang)),
			remindAt: atHour(last, reminderHour),
			remindText: fmt.Sprintf(tr(lang,
				"Last day to schedule the print release for %s in KDP.",
				"Dernier jour pour programmer dans KDP la parution papier du %s."), day),
		})
	}

	// eBook: a pre-order up to a year ahead, final file 72 hours before.
	ebookOpen := release.AddDate(0, 0, -365)
	final := hoursBefore(release, 72)
	s = planStep{}
	switch {
	case now.After(final):
		s.text = fmt.Sprintf(tr(lang,
			"eBook: too late for a pre-order on this date: the final file would have been due by %s. Publish now, or choose a later date.",
			"eBook : trop tard pour une précommande à cette date : le fichier final aurait dû être remis avant le %s. Publiez maintenant ou choisissez une date plus tardive."),
			fmtWhen(final, lang))
	case today.Before(ebookOpen):
		s.text = fmt.Sprintf(tr(lang,
			"eBook: the pre-order can go up from %s (a year before release); not yet.",
			"eBook : la précommande peut être mise en ligne à partir du %s (un an avant la parution) ; pas encore."),
			fmtDay(ebookOpen, lang))
		s.remindAt = atHour(ebookOpen, reminderHour)
		s.remindText = fmt.Sprintf(tr(lang,
			"From today you can set up the eBook pre-order for %s in KDP.",
			"Dès aujourd'hui, vous pouvez créer dans KDP la précommande de l'eBook du %s."), day)
	default:
		s.text = fmt.Sprintf(tr(lang,
			"eBook: you can set up the pre-order now (it can go up as early as %s, a year before).",
			"eBook : vous pouvez créer la précommande dès maintenant (possible dès le %s, un an avant)."),
			fmtDay(ebookOpen, lang))
	}
	p.steps = append(p.steps, s)
	if now.Before(final) {
		p.steps = append(p.steps, planStep{
			text: fmt.Sprintf(tr(lang,
				"eBook: upload the final file by %s (72 hours before release day starts). Missing this deadline, or cancelling the pre-order, blocks pre-orders on your account for a year.",
				"eBook : envoyez le fichier final avant le %s (72 heures avant le début du jour de parution). Manquer cette échéance, ou annuler la précommande, bloque les précommandes sur votre compte pendant un an."),
				fmtWhen(final, lang)),
			remindAt: final.Add(-24 * time.Hour),
			remindText: fmt.Sprintf(tr(lang,
				"24 hours left: the final eBook file for %s is due by %s. Missing it blocks pre-orders for a year.",
				"Plus que 24 heures : le fichier final de l'eBook du %s est à remettre avant le %s. Le manquer bloque les précommandes pendant un an."),
				day, fmtWhen(final, lang)),
		})
	}
	p.notes = append(p.notes, tr(lang,
		"As of late 2025 KDP had no pre-order for paperbacks or hardcovers; check KDP's release options, this changes. For print pre-orders, see /preorder with plan:advantage (an older workaround) or IngramSpark.",
		"Fin 2025, KDP ne proposait pas de précommande pour les livres brochés ou reliés ; vérifiez les options de KDP, cela évolue. Pour précommander le papier, voyez /preorder avec plan:advantage (un ancien contournement) ou IngramSpark."))
	return p
}

// advantagePlan lays out the Amazon Advantage method (fact 38, from a
// 2018-2019 article) with the date and time of each step for a release at
// midnight starting the given day.
func advantagePlan(release, now time.Time, lang string) (preorderPlan, error) {
	day := fmtDay(release, lang)
	publishFrom, publishTo := hoursBefore(release, 48), hoursBefore(release, 36)
	zeroFrom, zeroTo := hoursBefore(release, 3), hoursBefore(release, 1)
	if now.After(publishTo) {
		return preorderPlan{}, bot.Errorf(bot.Conflict, tr(lang,
			"For a release on %s the Amazon Advantage method needed the book published on KDP by %s, which has passed. Pick a later release date.",
			"Pour une parution le %s, la méthode Amazon Advantage demandait de publier sur KDP avant le %s, ce qui est passé. Choisissez une date plus tardive."),
			day, fmtWhen(publishTo, lang))
	}
	p := preorderPlan{
		title: fmt.Sprintf(tr(lang,
			"Print pre-order through Amazon Advantage: release on %s",
			"Précommande papier via Amazon Advantage : parution le %s"), day),
		source: tr(lang,
			"Source: article on print pre-orders through Amazon Advantage, 2018-2019 (may be outdated)",
			"Source : article sur les précommandes papier via Amazon Advantage, 2018-2019 (peut être dépassé)"),
	}
	p.intro = append(p.intro,
		tr(lang,
			"This method only works if the book is not yet published on KDP. You need: access to Amazon Advantage (the fee was then $99 a year, not paid upfront), KDP as your printer, an ISBN, cover images (front, and back if you can) and the sales copy for the product page.",
			"Cette méthode ne marche que si le livre n'est pas encore publié sur KDP. Il faut : un accès à Amazon Advantage (frais de 99 $ par an à l'époque, non payés d'avance), KDP comme imprimeur, un ISBN, les images de couverture (1re, et 4e si possible) et le texte de présentation de la page produit."),
		tr(lang, "The steps, with their dates:", "Les étapes, avec leurs dates :"))
	today := atHour(now, 0)
	p.steps = []planStep{
		{text: fmt.Sprintf(tr(lang,
			"Now (%s): list the book on Amazon Advantage with the ISBN, the release date %s, the cover images and the sales copy. The page takes from a few hours to 3 days to appear: check amazon.com/dp/ followed by your ISBN-10.",
			"Maintenant (%s) : ajoutez le livre sur Amazon Advantage avec l'ISBN, la date de parution du %s, les images de couverture et le texte de présentation. La page met de quelques heures à 3 jours à apparaître : vérifiez amazon.com/dp/ suivi de votre ISBN-10."),
			fmtDay(today, lang), day)},
		{
			text: fmt.Sprintf(tr(lang,
				"Every day until %s: confirm each new purchase order as Backordered with the release date %s (on Amazon.co.uk: \"Cancelled: Not yet available\"). Purchase orders are virtual; the customer orders are the real pre-orders.",
				"Chaque jour jusqu'au %s : confirmez chaque nouvelle commande d'achat en « Backordered » avec la date de parution du %s (sur Amazon.co.uk : « Cancelled: Not yet available »). Les commandes d'achat sont virtuelles ; les vraies précommandes sont les commandes clients."),
				fmtWhen(zeroFrom, lang), day),
			remindAt: atHour(release.AddDate(0, 0, -7), reminderHour),
			remindText: fmt.Sprintf(tr(lang,
				"One week to the release on %s: keep confirming new Advantage purchase orders as Backordered with the release date.",
				"Une semaine avant la parution du %s : continuez à confirmer les nouvelles commandes d'achat Advantage en « Backordered » avec la date de parution."), day),
		},
		{
			text: fmt.Sprintf(tr(lang,
				"Publish on KDP: %s (36 to 48 hours before midnight starting %s). The listing stays in pre-order until release day.",
				"Publiez sur KDP : %s (36 à 48 heures avant le minuit qui ouvre le %s). La page reste en précommande jusqu'au jour J."),
				fmtRange(publishFrom, publishTo, lang), day),
			remindAt: publishFrom,
			remindText: fmt.Sprintf(tr(lang,
				"Publish the book on KDP now, by %s (36 to 48 hours before the release on %s).",
				"Publiez le livre sur KDP maintenant, avant le %s (36 à 48 heures avant la parution du %s)."),
				fmtWhen(publishTo, lang), day),
		},
		{
			text: fmt.Sprintf(tr(lang,
				"%s (1 to 3 hours before midnight): re-confirm every confirmed purchase order with 0 units (on Amazon.co.uk this is not needed).",
				"%s (1 à 3 heures avant minuit) : reconfirmez chaque commande d'achat confirmée avec 0 unité (inutile sur Amazon.co.uk)."),
				upperFirst(fmtRange(zeroFrom, zeroTo, lang))),
			remindAt: zeroFrom,
			remindText: fmt.Sprintf(tr(lang,
				"Now, by %s: re-confirm your Advantage purchase orders with 0 units, then open the support case to move the pre-orders to KDP.",
				"Maintenant, avant le %s : reconfirmez vos commandes d'achat Advantage avec 0 unité, puis ouvrez la demande au support pour transférer les précommandes vers KDP."),
				fmtWhen(zeroTo, lang)),
		},
		{text: fmt.Sprintf(tr(lang,
			"Right after, before %s: open a support case in Advantage (Contact Us, Manage My Catalog, \"Change status of one or more items\") asking to close the title and transfer the pre-orders to KDP.",
			"Juste après, avant le %s : ouvrez une demande au support d'Advantage (Contact Us, Manage My Catalog, « Change status of one or more items ») pour fermer le titre et transférer les précommandes vers KDP."),
			fmtWhen(release, lang))},
		{
			text: fmt.Sprintf(tr(lang,
				"From %s to %s: the orders move to KDP and are printed over 2 to 7 days; sales show in KDP as copies are printed.",
				"Du %s au %s : les commandes passent chez KDP et sont imprimées en 2 à 7 jours ; les ventes apparaissent dans KDP au fil de l'impression."),
				fmtDay(release.AddDate(0, 0, 2), lang), fmtDay(release.AddDate(0, 0, 7), lang)),
			remindAt: atHour(release.AddDate(0, 0, 7), reminderHour),
			remindText: fmt.Sprintf(tr(lang,
				"The pre-orders for %s should all be printed by now: check your KDP reports.",
				"Les précommandes du %s devraient toutes être imprimées : vérifiez vos rapports KDP."), day),
		},
		{
			text: fmt.Sprintf(tr(lang,
				"Around %s (about 30 days later): close the Advantage account if you won't use it again, confirming you hold no inventory. A closed account cannot be reopened.",
				"Vers le %s (environ 30 jours après) : fermez le compte Advantage si vous ne vous en servirez plus, en confirmant n'avoir aucun stock. Un compte fermé ne peut pas être rouvert."),
				fmtDay(release.AddDate(0, 0, 30), lang)),
			remindAt: atHour(release.AddDate(0, 0, 30), reminderHour),
			remindText: tr(lang,
				"About 30 days since release: close your Amazon Advantage account if you won't use it again (a closed account cannot be reopened).",
				"Environ 30 jours après la parution : fermez votre compte Amazon Advantage si vous ne vous en servez plus (un compte fermé ne peut pas être rouvert)."),
		},
	}
	if publishFrom.Before(now.AddDate(0, 0, 3)) {
		p.notes = append(p.notes, tr(lang,
			"Time is short: a new Advantage listing can take up to 3 days to appear, and it should be live before you publish on KDP.",
			"Le temps est court : une nouvelle fiche Advantage peut mettre jusqu'à 3 jours à apparaître, et elle doit être en ligne avant la publication sur KDP."))
	}
	p.notes = append(p.notes,
		tr(lang,
			"This method comes from a 2018-2019 article and may no longer work: check Amazon Advantage's current terms first.",
			"Cette méthode vient d'un article de 2018-2019 et peut ne plus fonctionner : vérifiez d'abord les conditions actuelles d'Amazon Advantage."),
		tr(lang,
			"Alternative: IngramSpark or Lightning Source take print pre-orders themselves, but show no sales data until publication.",
			"Autre solution : IngramSpark ou Lightning Source prennent eux-mêmes les précommandes papier, mais sans données de vente avant la parution."))
	return p, nil
}

// fmtRange writes a span of time: on one day "Wednesday 16 December 2026,
// 00:00–12:00 CET", else both ends in full, joined by a dash.
func fmtRange(from, to time.Time, lang string) string {
	if from.Year() == to.Year() && from.YearDay() == to.YearDay() {
		start := "15:04" // the zone is said once, unless it changes in between
		if from.Format("MST") != to.Format("MST") {
			start = "15:04 MST"
		}
		return fmtDay(from, lang) + tr(lang, ", ", " de ") + from.Format(start) +
			tr(lang, "–", " à ") + to.Format("15:04 MST")
	}
	return fmtWhen(from, lang) + " – " + fmtWhen(to, lang)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
