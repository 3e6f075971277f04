package printcost

import (
	"fmt"
	"time"
)

// MissingParams: Compute was called without some of the Params.
type MissingParams struct {
	Fields []Field
}

func (e *MissingParams) Error() string {
	return fmt.Sprintf("printcost: missing %v", e.Fields)
}

// PagesOutOfRange: the page count is outside what KDP prints for this
// binding and ink.
type PagesOutOfRange struct {
	Pages, Min, Max int
}

func (e *PagesOutOfRange) Error() string {
	return fmt.Sprintf("printcost: %d pages outside %d-%d", e.Pages, e.Min, e.Max)
}

// PagesBetweenBands: the page count falls between two cost bands of the
// table (109 pages, between 24-108 and 110-828), which the table does not
// price.
type PagesBetweenBands struct {
	Pages int
	// Below is the last page count of the lower band, Above the first of
	// the upper one.
	Below, Above int
}

func (e *PagesBetweenBands) Error() string {
	return fmt.Sprintf("printcost: %d pages between bands ending %d and starting %d", e.Pages, e.Below, e.Above)
}

// Reason says why a combination is not offered.
type Reason int

// The combinations KDP does not offer.
const (
	// StandardColourHardcover: standard colour is for paperbacks only.
	StandardColourHardcover Reason = iota + 1
	// HardcoverOnUK: hardcover author copies cannot be ordered on
	// Amazon.co.uk; UK delivery goes through the Alternatives.
	HardcoverOnUK
)

// NotOffered: KDP does not print or sell this combination.
type NotOffered struct {
	Reason Reason
	// Alternatives are marketplaces that serve the same need, if any.
	Alternatives []Marketplace
}

func (e *NotOffered) Error() string {
	return fmt.Sprintf("printcost: not offered (reason %d)", e.Reason)
}

// NoVerifiedTable: KDP prints this combination but no verified cost table
// covers it, so no figure is given.
type NoVerifiedTable struct {
	Params Params
	// ChangedOn is the date of a known cost change for this combination
	// whose new figures were not verified, with its source; zero if none.
	ChangedOn    time.Time
	ChangeSource string
}

func (e *NoVerifiedTable) Error() string {
	return fmt.Sprintf("printcost: no verified table for %s %s %s on %s", e.Params.Ink, e.Params.Binding, e.Params.Trim, e.Params.Marketplace)
}
