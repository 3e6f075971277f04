package handlers

import (
	"fmt"
	"time"

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

var (
	frDays   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
)

// fmtDay writes a calendar day: "Wednesday 16 December 2026", "mercredi
// 16 décembre 2026".
func fmtDay(t time.Time, lang string) string {
	if lang == "fr" {
		return fmt.Sprintf("%s %d %s %d", frDays[t.Weekday()], t.Day(), frMonths[t.Month()-1], t.Year())
	}
	return t.Format("Monday 2 January 2006")
}

// fmtWhen writes an instant in its own zone: "Wednesday 16 December 2026,
// 09:00 CET", "mercredi 16 décembre 2026 à 09:00 CET".
func fmtWhen(t time.Time, lang string) string {
	return fmtDay(t, lang) + tr(lang, ", ", " à ") + t.Format("15:04 MST")
}
