package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
)

func (r *Router) orderProblem(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang, _, n, err := r.orderArgs(req)
	if err != nil {
		return nil, err
	}
	kind := strings.ToLower(req.Option("kind"))
	switch kind {
	case ledger.ProblemDamaged, ledger.ProblemLost, ledger.ProblemDefective, ledger.ProblemWrong:
	default:
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			fmt.Sprintf("Say what went wrong: damaged, lost, defective or wrong. Example: /order problem %d damaged", n),
			fmt.Sprintf("Indiquez le problème : damaged (abîmés), lost (perdus), defective (défaut d'impression) ou wrong (mauvais article). Exemple : /order problem %d damaged", n)))
	}
	details, err := cleanText(req.Options["details"], "details", maxDetails, lang)
	if err != nil {
		return nil, err
	}
	c, err := r.ledger.Report(ctx, r.author(req, lang), n, kind)
	if err != nil {
		return nil, ledgerErr(err, n, lang)
	}
	o := c.Order
	reply := &bot.Reply{Ephemeral: true, Lang: lang, Title: problemTitle(kind, n, lang)}
	var texts []string
	var refs []string
	switch {
	case o.Status == ledger.StatusCancelled:
		texts = []string{tr(lang,
			fmt.Sprintf("Order #%d is marked cancelled (%s), so no copies should have come. If Amazon shipped it anyway, contact KDP with the order number from Your Orders.", n, showDate(o.Cancelled)),
			fmt.Sprintf("La commande #%d est marquée annulée (%s) : aucun exemplaire n'aurait dû arriver. Si Amazon l'a tout de même expédiée, contactez KDP avec le numéro de commande indiqué dans Vos commandes.", n, showDate(o.Cancelled)))}
	case kind == ledger.ProblemDamaged:
		texts, refs = r.damagedAdvice(o, lang), []string{"damaged-or-lost"}
	case kind == ledger.ProblemLost:
		texts, refs = r.lostAdvice(o, lang), []string{"damaged-or-lost", "track-order"}
	case kind == ledger.ProblemDefective:
		texts, refs = defectiveAdvice(lang), []string{"print-defects", "blank-pages", "curled-cover"}
	case kind == ledger.ProblemWrong:
		texts, refs = wrongAdvice(o, lang), []string{"wrong-item"}
	}
	for _, t := range texts {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: t})
	}
	if kind != ledger.ProblemWrong || o.Status == ledger.StatusCancelled {
		reply.Blocks = append(reply.Blocks,
			&bot.Link{Label: tr(lang, "Contact KDP", "Contacter KDP"), URL: contactURL},
			&bot.Text{Note: true, Text: forKDP(o, kind, details, lang)})
	}
	if ref := r.topicRef(lang, refs...); ref != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: ref, Note: true})
	}
	if c.Reminder != nil {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: autoNote(*c.Reminder, lang), Note: true})
	}
	return reply, nil
}

func problemTitle(kind string, n int, lang string) string {
	switch kind {
	case ledger.ProblemDamaged:
		return tr(lang, fmt.Sprintf("Order #%d: damaged copies", n), fmt.Sprintf("Commande #%d : exemplaires abîmés", n))
	case ledger.ProblemLost:
		return tr(lang, fmt.Sprintf("Order #%d: lost copies", n), fmt.Sprintf("Commande #%d : exemplaires perdus", n))
	case ledger.ProblemDefective:
		return tr(lang, fmt.Sprintf("Order #%d: printing defects", n), fmt.Sprintf("Commande #%d : défauts d'impression", n))
	}
	return tr(lang, fmt.Sprintf("Order #%d: wrong item", n), fmt.Sprintf("Commande #%d : mauvais article", n))
}

func (r *Router) damagedAdvice(o ledger.Order, lang string) []string {
	n := o.Number
	lines := []string{}
	if o.Status == ledger.StatusDelivered {
		lines = append(lines, r.windowLine(o, o.Delivered, lang))
	} else {
		lines = append(lines, tr(lang,
			fmt.Sprintf("Order #%d isn't marked delivered yet, so I can't count the days. KDP refunds damaged copies when you contact it within 30 days of receiving them: record the day they came with /order delivered %d date:YYYY-MM-DD and I'll tell you the deadline.", n, n),
			fmt.Sprintf("La commande #%d n'est pas encore marquée livrée, je ne peux donc pas compter les jours. KDP rembourse les exemplaires abîmés si vous le contactez dans les 30 jours suivant leur réception : notez le jour d'arrivée avec /order delivered %d date:AAAA-MM-JJ et je vous donnerai la date limite.", n, n)))
	}
	return append(lines, tr(lang,
		"Contact KDP with the order number from Your Orders and describe the damage (photos help). Damaged copies are not a wrong item: don't send them back through the Online Returns Center with that reason.",
		"Contactez KDP avec le numéro de commande indiqué dans Vos commandes et décrivez les dégâts (des photos aident). Des exemplaires abîmés ne sont pas un mauvais article : ne les renvoyez pas par le Centre de retour en ligne avec ce motif."))
}

func (r *Router) lostAdvice(o ledger.Order, lang string) []string {
	n := o.Number
	today := r.today()
	explain := tr(lang,
		"KDP refunds copies lost in transit when you contact it within 30 days of being told they were lost.",
		"KDP rembourse les exemplaires perdus pendant le transport si vous le contactez dans les 30 jours suivant l'avis de perte.")
	switch {
	case o.Status == ledger.StatusDelivered:
		return []string{r.windowLine(o, o.Delivered, lang), explain + " " + tr(lang,
			"The order is marked delivered, so I count from that day: if the carrier's delivery scan is when you learned the copies were missing, that is your deadline.",
			"La commande est marquée livrée, je compte donc à partir de ce jour : si c'est le signalement de livraison du transporteur qui vous a appris la perte, c'est votre date limite.")}
	case o.Expected.IsZero():
		return []string{explain + " " + tr(lang,
			fmt.Sprintf("Order #%d has no expected date, so I can't count the days: contact KDP within 30 days of the day Amazon or the carrier told you the copies were lost.", n),
			fmt.Sprintf("La commande #%d n'a pas de date de livraison prévue, je ne peux donc pas compter les jours : contactez KDP dans les 30 jours suivant le jour où Amazon ou le transporteur vous a signalé la perte.", n))}
	case !today.After(o.Expected):
		return []string{tr(lang,
			fmt.Sprintf("Order #%d is expected on %s, so it isn't late yet: follow it in Your Orders on %s (Track Package).", n, showDate(o.Expected), o.Marketplace),
			fmt.Sprintf("La commande #%d est attendue le %s : elle n'est pas encore en retard. Suivez-la dans Vos commandes sur %s (« Suivre votre colis »).", n, showDate(o.Expected), o.Marketplace)),
			explain}
	}
	return []string{r.windowLine(o, o.Expected, lang), explain + " " + tr(lang,
		"I count from the expected delivery date, the earliest you could have been told, so you have at least this long; if Amazon or the carrier told you later, your 30 days run from that day.",
		"Je compte à partir de la date de livraison prévue, la plus précoce à laquelle vous avez pu être prévenu : vous avez donc au moins ce délai ; si Amazon ou le transporteur vous a prévenu plus tard, vos 30 jours courent à partir de ce jour-là.")}
}

func defectiveAdvice(lang string) []string {
	return []string{
		tr(lang,
			"Small differences in printing and colour between copies are normal for print on demand: KDP's tolerance is 0.125 in (3.2 mm). Within it, KDP does not refund.",
			"De petites différences d'impression et de couleur entre exemplaires sont normales en impression à la demande : la tolérance de KDP est de 0,125 pouce (3,2 mm). En deçà, KDP ne rembourse pas."),
		tr(lang,
			"Blank pages at the end of the book are an expected part of printing, and a curled or wavy cover comes from paper stored very dry: neither is a defect.",
			"Des pages blanches à la fin du livre font partie de l'impression, et une couverture bombée ou ondulée vient d'un papier stocké très sec : ce ne sont pas des défauts."),
		tr(lang,
			"If what you see is outside that tolerance, contact KDP: they investigate and refund when the mistake was theirs.",
			"Si ce que vous constatez dépasse cette tolérance, contactez KDP : ils examinent le cas et remboursent si l'erreur vient d'eux."),
	}
}

func wrongAdvice(o ledger.Order, lang string) []string {
	n := o.Number
	return []string{
		tr(lang,
			fmt.Sprintf("If you received a different item from the one you ordered, return it through the Online Returns Center on %s and choose the reason “Wrong item was sent”.", o.Marketplace),
			fmt.Sprintf("Si vous avez reçu un autre article que celui commandé, renvoyez-le par le Centre de retour en ligne de %s, avec le motif indiquant qu'un mauvais article a été envoyé (« Wrong item was sent » sur les sites en anglais).", o.Marketplace)),
		tr(lang,
			fmt.Sprintf("Damaged or defective copies of your own book are not a wrong item: for those, see /order problem %d damaged or /order problem %d defective.", n, n),
			fmt.Sprintf("Des exemplaires abîmés ou défectueux de votre propre livre ne sont pas un mauvais article : voyez plutôt /order problem %d damaged ou /order problem %d defective.", n, n)),
	}
}

// windowLine counts the days left in KDP's 30-day window from the given
// day (the delivery date, or the expected date for lost copies), e.g.
// "Order #3, delivered 2026-11-10: 18 days left to contact KDP (until
// 2026-12-10)." Past the window it says so, and that KDP can still be
// asked.
func (r *Router) windowLine(o ledger.Order, from time.Time, lang string) string {
	today := r.today()
	deadline := ledger.RefundDeadline(from)
	left := daysBetween(today, deadline)
	en, fr := "delivered", "livrée le"
	if !from.Equal(o.Delivered) {
		en, fr = "expected", "attendue le"
	}
	head := tr(lang,
		fmt.Sprintf("Order #%d, %s %s: ", o.Number, en, showDate(from)),
		fmt.Sprintf("Commande #%d, %s %s : ", o.Number, fr, showDate(from)))
	switch {
	case left > 0:
		return head + tr(lang,
			fmt.Sprintf("%s left to contact KDP about damaged or lost copies (until %s).", plural(left, "day", "days"), showDate(deadline)),
			fmt.Sprintf("il reste %s pour contacter KDP au sujet d'exemplaires abîmés ou perdus (jusqu'au %s).", plural(left, "jour", "jours"), showDate(deadline)))
	case left == 0:
		return head + tr(lang,
			"today is the last of the 30 days to contact KDP about damaged or lost copies.",
			"c'est aujourd'hui le dernier des 30 jours pour contacter KDP au sujet d'exemplaires abîmés ou perdus.")
	}
	return head + tr(lang,
		fmt.Sprintf("the 30 days to contact KDP about damaged or lost copies ended on %s (%s ago). You can still contact KDP and explain; a refund is then up to them.", showDate(deadline), plural(-left, "day", "days")),
		fmt.Sprintf("les 30 jours pour contacter KDP au sujet d'exemplaires abîmés ou perdus ont pris fin le %s (il y a %s). Vous pouvez tout de même contacter KDP et expliquer la situation ; le remboursement est alors à leur discrétion.", showDate(deadline), plural(-left, "jour", "jours")))
}

// problemNames names the kinds of problem in the summary for KDP.
var problemNames = wording{
	ledger.ProblemDamaged:   {"damaged copies", "exemplaires abîmés"},
	ledger.ProblemLost:      {"copies lost in transit", "exemplaires perdus pendant le transport"},
	ledger.ProblemDefective: {"printing defect", "défaut d'impression"},
	ledger.ProblemWrong:     {"wrong item", "mauvais article"},
}

// forKDP sums up the order for the author's message to KDP.
func forKDP(o ledger.Order, kind, details, lang string) string {
	parts := []string{tr(lang,
		fmt.Sprintf("For your message to KDP: %s of %s on %s, ordered %s", copies(o, lang), safeQuote(o.Title), o.Marketplace, showDate(o.Ordered)),
		fmt.Sprintf("Pour votre message à KDP : %s de %s sur %s, commandée le %s", copies(o, lang), safeQuote(o.Title), o.Marketplace, showDate(o.Ordered)))}
	if o.ISBN != "" {
		parts = append(parts, "ISBN "+o.ISBN)
	}
	if !o.Delivered.IsZero() {
		parts = append(parts, tr(lang, "delivered ", "livrée le ")+showDate(o.Delivered))
	}
	parts = append(parts, tr(lang, "problem: ", "problème : ")+problemNames.in(kind, lang))
	if details != "" {
		parts = append(parts, tr(lang, "details: ", "détails : ")+safeText(details))
	}
	return strings.Join(parts, "; ") + tr(lang, ". Add the order number shown in Your Orders.", ". Ajoutez le numéro de commande indiqué dans Vos commandes.")
}
