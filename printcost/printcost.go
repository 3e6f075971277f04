// Package printcost computes what KDP charges to print one copy of a
// paperback or hardcover (the author price of one author copy) from the
// verified cost tables, and says plainly when no verified table covers a
// book rather than estimating one.
//
// The figures come from KDP's printing cost help page as it read after the
// change of 20 June 2023. A later change on 10 June 2025 lowered some colour
// costs without verified figures, so those combinations report
// NoVerifiedTable with the date of the change. KDP's own calculator is
// always the authority; callers say so next to any figure.
package printcost

import (
	"fmt"
	"time"
)

// Ink is the interior type of a book.
type Ink int

// The interior types KDP prints. The zero value means not known.
const (
	// Black ink, on white or cream paper.
	Black Ink = iota + 1
	// StandardColour, on white paper; paperbacks only.
	StandardColour
	// PremiumColour.
	PremiumColour
)

func (i Ink) String() string {
	switch i {
	case Black:
		return "black"
	case StandardColour:
		return "standard-colour"
	case PremiumColour:
		return "premium-colour"
	}
	return "unknown-ink"
}

// Trim is the cost class of a trim size.
type Trim int

// The trim classes. The zero value means not known.
const (
	// Regular: at most 6.12 in wide and 9 in tall.
	Regular Trim = iota + 1
	// Large: wider than 6.12 in or taller than 9 in.
	Large
)

func (t Trim) String() string {
	switch t {
	case Regular:
		return "regular"
	case Large:
		return "large"
	}
	return "unknown-trim"
}

// Large-trim limits: a trim wider or taller than these costs more.
const (
	RegularMaxWidthIn  = 6.12
	RegularMaxHeightIn = 9.0
)

// TrimForSize returns the trim class of a book width x height inches.
func TrimForSize(widthIn, heightIn float64) Trim {
	if widthIn > RegularMaxWidthIn || heightIn > RegularMaxHeightIn {
		return Large
	}
	return Regular
}

// Binding is paperback or hardcover.
type Binding int

// The bindings. The zero value means not known.
const (
	Paperback Binding = iota + 1
	Hardcover
)

func (b Binding) String() string {
	switch b {
	case Paperback:
		return "paperback"
	case Hardcover:
		return "hardcover"
	}
	return "unknown-binding"
}

// Marketplace is an Amazon marketplace that sells author copies, by its
// country code.
type Marketplace string

// The marketplaces with a printing cost table. The empty value means not
// known.
const (
	US Marketplace = "US"
	UK Marketplace = "UK"
	DE Marketplace = "DE"
	FR Marketplace = "FR"
	ES Marketplace = "ES"
	IT Marketplace = "IT"
	NL Marketplace = "NL"
	CA Marketplace = "CA"
	JP Marketplace = "JP"
	AU Marketplace = "AU"
)

// Marketplaces lists every marketplace the package knows, in a stable order.
func Marketplaces() []Marketplace {
	return []Marketplace{US, UK, DE, FR, ES, IT, NL, CA, JP, AU}
}

// Domain returns the Amazon site of m, such as "amazon.co.uk".
func (m Marketplace) Domain() string {
	switch m {
	case US:
		return "amazon.com"
	case UK:
		return "amazon.co.uk"
	case JP:
		return "amazon.co.jp"
	case AU:
		return "amazon.com.au"
	case DE, FR, ES, IT, NL, CA:
		return "amazon." + lower(string(m))
	}
	return ""
}

// Currency returns the currency m charges in, or "" for an unknown m.
func (m Marketplace) Currency() Currency {
	switch m {
	case US:
		return USD
	case UK:
		return GBP
	case DE, FR, ES, IT, NL:
		return EUR
	case CA:
		return CAD
	case JP:
		return JPY
	case AU:
		return AUD
	}
	return ""
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Currency is an ISO 4217 code.
type Currency string

// The currencies of the cost tables.
const (
	USD Currency = "USD"
	GBP Currency = "GBP"
	EUR Currency = "EUR"
	CAD Currency = "CAD"
	JPY Currency = "JPY"
	AUD Currency = "AUD"
)

// MinorDigits is how many decimals the currency is written with: 0 for
// yen, 2 for the others.
func (c Currency) MinorDigits() int {
	if c == JPY {
		return 0
	}
	return 2
}

// Money is an amount in thousandths of a currency unit, so that per-page
// costs such as $0.012 stay exact.
type Money struct {
	Milli    int64
	Currency Currency
}

// Rounded returns m rounded half up to the currency's smallest written
// unit (cents, or whole yen), still in thousandths.
func (m Money) Rounded() Money {
	step := int64(10)
	if m.Currency.MinorDigits() == 0 {
		step = 1000
	}
	r := (m.Milli + step/2) / step * step
	return Money{Milli: r, Currency: m.Currency}
}

// String writes m rounded, as "4.60 USD" or "422 JPY": a neutral form for
// logs and tests; replies format money in the reader's language.
func (m Money) String() string {
	r := m.Rounded()
	if m.Currency.MinorDigits() == 0 {
		return fmt.Sprintf("%d %s", r.Milli/1000, m.Currency)
	}
	return fmt.Sprintf("%d.%02d %s", r.Milli/1000, r.Milli%1000/10, m.Currency)
}

// Params describes one copy to price. Zero fields are unknown.
type Params struct {
	Pages       int
	Ink         Ink
	Trim        Trim
	Binding     Binding
	Marketplace Marketplace
}

// Field names one of the Params.
type Field int

// The fields of Params.
const (
	FieldPages Field = iota + 1
	FieldInk
	FieldTrim
	FieldBinding
	FieldMarketplace
)

func (f Field) String() string {
	switch f {
	case FieldPages:
		return "pages"
	case FieldInk:
		return "ink"
	case FieldTrim:
		return "trim"
	case FieldBinding:
		return "binding"
	case FieldMarketplace:
		return "marketplace"
	}
	return "unknown-field"
}

// Note is a coded remark that goes with a cost; callers turn it into words.
type Note int

// The notes a Cost may carry.
const (
	// AUAddressesOnly: Amazon.com.au takes proof and author-copy orders
	// for Australian addresses only.
	AUAddressesOnly Note = iota + 1
	// JPAccountOnly: Japanese author copies are ordered from a
	// kdp.amazon.co.jp account; a kdp.amazon.com account cannot pick
	// amazon.co.jp.
	JPAccountOnly
	// NLOlderGuidance: an older KDP page sent Dutch-language authors to
	// Amazon.de and listed no paperback distribution to Amazon.nl; the
	// newer cost tables include the Netherlands, so KDP should be checked.
	NLOlderGuidance
)

// Cost is the printing cost of one copy.
type Cost struct {
	Params Params
	// Amount is Fixed + Pages x PerPage, exact; Amount.Rounded() is the
	// figure to show.
	Amount  Money
	Fixed   Money
	PerPage Money
	// Effective is the date the table took effect and Source the page it
	// comes from.
	Effective time.Time
	Source    string
	// Secondary is set when a figure used comes from a secondary source
	// rather than KDP's own page.
	Secondary bool
	// MayBeOutdated is set when the facts sheet warns that a figure used may
	// no longer be current.
	MayBeOutdated bool
	Notes         []Note
}
