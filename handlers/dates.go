package handlers

import (
	"time"

	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/ledger"
)

// dateLayout is how dates are typed and shown.
const dateLayout = "2006-01-02"

// daysBetween counts calendar days from a to b (negative when b is before a).
func daysBetween(a, b time.Time) int {
	return int(ledger.Day(b).Sub(ledger.Day(a)).Hours() / 24)
}

func showDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// weekdays and months are the ids of the names of days and months, from
// Sunday and from January.
var (
	weekdays = [...]string{"date.weekday.sunday", "date.weekday.monday", "date.weekday.tuesday",
		"date.weekday.wednesday", "date.weekday.thursday", "date.weekday.friday", "date.weekday.saturday"}
	months = [...]string{"date.month.january", "date.month.february", "date.month.march",
		"date.month.april", "date.month.may", "date.month.june", "date.month.july", "date.month.august",
		"date.month.september", "date.month.october", "date.month.november", "date.month.december"}
)

// fmtDay writes a calendar day in words, as the language orders them:
// "Wednesday 16 December 2026", "mercredi 16 décembre 2026". It is for
// reading: a date the author types back is written YYYY-MM-DD (showDate).
func fmtDay(t time.Time, p *i18n.Printer) string {
	return p.T("date.day", "Weekday", p.T(weekdays[t.Weekday()]), "Day", t.Day(),
		"Month", monthName(t.Month(), p), "Year", t.Year())
}

// monthName is the name of month m.
func monthName(m time.Month, p *i18n.Printer) string { return p.T(months[m-1]) }

// fmtWhen writes an instant in its own zone: "Wednesday 16 December 2026,
// 09:00 CET", "mercredi 16 décembre 2026 à 09:00 CET".
func fmtWhen(t time.Time, p *i18n.Printer) string {
	return p.T("date.when", "Day", fmtDay(t, p), "Time", t.Format("15:04 MST"))
}
