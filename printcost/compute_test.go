package printcost

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestComputeBlackPaperback(t *testing.T) {
	june2023 := time.Date(2023, time.June, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		p         Params
		want      string // Amount.String()
		milli     int64  // exact amount
		secondary bool
		notes     []Note
	}{
		// Fact 12: 24-108 pages is a flat fixed cost, the page count adds nothing.
		// US regular: $2.30 flat.
		{name: "US regular 24", p: Params{24, Black, Regular, Paperback, US}, want: "2.30 USD", milli: 2300},
		// US large: $2.84 flat.
		{name: "US large 108", p: Params{108, Black, Large, Paperback, US}, want: "2.84 USD", milli: 2840},
		// UK: GBP 1.93 / 2.15.
		{name: "UK regular 100", p: Params{100, Black, Regular, Paperback, UK}, want: "1.93 GBP", milli: 1930},
		{name: "UK large 60", p: Params{60, Black, Large, Paperback, UK}, want: "2.15 GBP", milli: 2150},
		// DE/ES/FR/IT/NL: EUR 2.05 / 2.48.
		{name: "DE regular 80", p: Params{80, Black, Regular, Paperback, DE}, want: "2.05 EUR", milli: 2050},
		{name: "DE large 80", p: Params{80, Black, Large, Paperback, DE}, want: "2.48 EUR", milli: 2480},
		{name: "FR regular 50", p: Params{50, Black, Regular, Paperback, FR}, want: "2.05 EUR", milli: 2050},
		{name: "FR large 50", p: Params{50, Black, Large, Paperback, FR}, want: "2.48 EUR", milli: 2480},
		{name: "ES regular 24", p: Params{24, Black, Regular, Paperback, ES}, want: "2.05 EUR", milli: 2050},
		{name: "ES large 108", p: Params{108, Black, Large, Paperback, ES}, want: "2.48 EUR", milli: 2480},
		{name: "IT regular 30", p: Params{30, Black, Regular, Paperback, IT}, want: "2.05 EUR", milli: 2050},
		{name: "IT large 30", p: Params{30, Black, Large, Paperback, IT}, want: "2.48 EUR", milli: 2480},
		{name: "NL regular 90", p: Params{90, Black, Regular, Paperback, NL}, want: "2.05 EUR", milli: 2050, notes: []Note{NLOlderGuidance}},
		{name: "NL large 90", p: Params{90, Black, Large, Paperback, NL}, want: "2.48 EUR", milli: 2480, notes: []Note{NLOlderGuidance}},
		// CA: CAD 2.99 / 3.53.
		{name: "CA regular 70", p: Params{70, Black, Regular, Paperback, CA}, want: "2.99 CAD", milli: 2990},
		{name: "CA large 70", p: Params{70, Black, Large, Paperback, CA}, want: "3.53 CAD", milli: 3530},
		// JP: JPY 422 / 530, no decimals.
		{name: "JP regular 40", p: Params{40, Black, Regular, Paperback, JP}, want: "422 JPY", milli: 422000, notes: []Note{JPAccountOnly}},
		{name: "JP large 40", p: Params{40, Black, Large, Paperback, JP}, want: "530 JPY", milli: 530000, notes: []Note{JPAccountOnly}},
		// AU: AUD 4.74 / 5.28.
		{name: "AU regular 100", p: Params{100, Black, Regular, Paperback, AU}, want: "4.74 AUD", milli: 4740, notes: []Note{AUAddressesOnly}},
		{name: "AU large 100", p: Params{100, Black, Large, Paperback, AU}, want: "5.28 AUD", milli: 5280, notes: []Note{AUAddressesOnly}},
		// Fact 13: US 110-828 pages, fixed + pages x per page.
		// $1.00 + 110 x $0.012 = 1.00 + 1.32 = $2.32.
		{name: "US regular 110", p: Params{110, Black, Regular, Paperback, US}, want: "2.32 USD", milli: 2320},
		// $1.00 + 300 x $0.012 = 1.00 + 3.60 = $4.60.
		{name: "US regular 300", p: Params{300, Black, Regular, Paperback, US}, want: "4.60 USD", milli: 4600},
		// $1.00 + 828 x $0.012 = 1.00 + 9.936 = $10.936, shown $10.94.
		{name: "US regular 828", p: Params{828, Black, Regular, Paperback, US}, want: "10.94 USD", milli: 10936},
		// Large trim, secondary source: $1.00 + 300 x $0.017 = 1.00 + 5.10 = $6.10.
		{name: "US large 300", p: Params{300, Black, Large, Paperback, US}, want: "6.10 USD", milli: 6100, secondary: true},
		// $1.00 + 112 x $0.017 = 1.00 + 1.904 = $2.904, shown $2.90.
		{name: "US large 112", p: Params{112, Black, Large, Paperback, US}, want: "2.90 USD", milli: 2904, secondary: true},
		// $1.00 + 250 x $0.017 = 1.00 + 4.25 = $5.25.
		{name: "US large 250", p: Params{250, Black, Large, Paperback, US}, want: "5.25 USD", milli: 5250, secondary: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Compute(tt.p)
			if err != nil {
				t.Fatalf("Compute(%+v) error %v", tt.p, err)
			}
			if got.Amount.String() != tt.want || got.Amount.Milli != tt.milli {
				t.Errorf("Compute(%+v).Amount = %s (%d milli); want %s (%d milli)", tt.p, got.Amount, got.Amount.Milli, tt.want, tt.milli)
			}
			if got.Secondary != tt.secondary {
				t.Errorf("Secondary = %v; want %v", got.Secondary, tt.secondary)
			}
			if got.MayBeOutdated {
				t.Errorf("MayBeOutdated set on a current table")
			}
			if !got.Effective.Equal(june2023) || got.Source != sourcePrintingCost {
				t.Errorf("table = %s, %q; want %s, %q", got.Effective, got.Source, june2023, sourcePrintingCost)
			}
			if diff := cmp.Diff(tt.notes, got.Notes); diff != "" {
				t.Errorf("Notes (-want +got):\n%s", diff)
			}
			if got.Amount.Currency != tt.p.Marketplace.Currency() {
				t.Errorf("currency %s; want %s", got.Amount.Currency, tt.p.Marketplace.Currency())
			}
		})
	}
}

func TestComputeErrors(t *testing.T) {
	june2025 := time.Date(2025, time.June, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		p    Params
		want error
	}{
		{name: "nothing", p: Params{}, want: &MissingParams{Fields: []Field{FieldPages, FieldInk, FieldTrim, FieldBinding, FieldMarketplace}}},
		{name: "no trim", p: Params{Pages: 300, Ink: Black, Binding: Paperback, Marketplace: US}, want: &MissingParams{Fields: []Field{FieldTrim}}},
		{name: "unknown marketplace", p: Params{300, Black, Regular, Paperback, "BR"}, want: &MissingParams{Fields: []Field{FieldMarketplace}}},
		{name: "too few pages", p: Params{20, Black, Regular, Paperback, US}, want: &PagesOutOfRange{Pages: 20, Min: 24, Max: 828}},
		{name: "too many pages", p: Params{900, Black, Regular, Paperback, UK}, want: &PagesOutOfRange{Pages: 900, Min: 24, Max: 828}},
		{name: "109 pages", p: Params{109, Black, Regular, Paperback, US}, want: &PagesBetweenBands{Pages: 109, Below: 108, Above: 110}},
		// Fact 12 gives only the 24-108 band outside the US.
		{name: "UK long black", p: Params{300, Black, Regular, Paperback, UK}, want: &NoVerifiedTable{Params: Params{300, Black, Regular, Paperback, UK}}},
		{name: "JP long black", p: Params{200, Black, Large, Paperback, JP}, want: &NoVerifiedTable{Params: Params{200, Black, Large, Paperback, JP}}},
		// Fact 45: changed on 10 June 2025, no verified figures.
		{name: "US standard colour", p: Params{200, StandardColour, Regular, Paperback, US},
			want: &NoVerifiedTable{Params: Params{200, StandardColour, Regular, Paperback, US}, ChangedOn: june2025, ChangeSource: sourceJune2025}},
		{name: "UK premium colour", p: Params{250, PremiumColour, Regular, Paperback, UK},
			want: &NoVerifiedTable{Params: Params{250, PremiumColour, Regular, Paperback, UK}, ChangedOn: june2025, ChangeSource: sourceJune2025}},
		{name: "DE premium colour", p: Params{250, PremiumColour, Large, Paperback, DE},
			want: &NoVerifiedTable{Params: Params{250, PremiumColour, Large, Paperback, DE}, ChangedOn: june2025, ChangeSource: sourceJune2025}},
		{name: "FR premium colour", p: Params{250, PremiumColour, Regular, Paperback, FR},
			want: &NoVerifiedTable{Params: Params{250, PremiumColour, Regular, Paperback, FR}, ChangedOn: june2025, ChangeSource: sourceJune2025}},
		{name: "ES premium colour", p: Params{250, PremiumColour, Regular, Paperback, ES},
			want: &NoVerifiedTable{Params: Params{250, PremiumColour, Regular, Paperback, ES}, ChangedOn: june2025, ChangeSource: sourceJune2025}},
		{name: "IT premium colour", p: Params{250, PremiumColour, Regular, Paperback, IT},
			want: &NoVerifiedTable{Params: Params{250, PremiumColour, Regular, Paperback, IT}, ChangedOn: june2025, ChangeSource: sourceJune2025}},
		{name: "NL premium colour", p: Params{250, PremiumColour, Regular, Paperback, NL},
			want: &NoVerifiedTable{Params: Params{250, PremiumColour, Regular, Paperback, NL}, ChangedOn: june2025, ChangeSource: sourceJune2025}},
		// Colour without a known change: still no verified table.
		{name: "US premium colour", p: Params{250, PremiumColour, Regular, Paperback, US}, want: &NoVerifiedTable{Params: Params{250, PremiumColour, Regular, Paperback, US}}},
		{name: "UK standard colour", p: Params{250, StandardColour, Regular, Paperback, UK}, want: &NoVerifiedTable{Params: Params{250, StandardColour, Regular, Paperback, UK}}},
		// Fact 14: hardcovers 75-550 pages, no verified table.
		{name: "hardcover US", p: Params{300, Black, Regular, Hardcover, US}, want: &NoVerifiedTable{Params: Params{300, Black, Regular, Hardcover, US}}},
		{name: "hardcover too short", p: Params{60, Black, Regular, Hardcover, DE}, want: &PagesOutOfRange{Pages: 60, Min: 75, Max: 550}},
		{name: "hardcover too long", p: Params{600, PremiumColour, Regular, Hardcover, DE}, want: &PagesOutOfRange{Pages: 600, Min: 75, Max: 550}},
		{name: "hardcover standard colour", p: Params{300, StandardColour, Regular, Hardcover, US}, want: &NotOffered{Reason: StandardColourHardcover}},
		// Facts 17, 44.
		{name: "hardcover UK", p: Params{300, Black, Regular, Hardcover, UK}, want: &NotOffered{Reason: HardcoverOnUK, Alternatives: []Marketplace{DE, ES, FR, IT}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Compute(tt.p)
			if err == nil {
				t.Fatalf("Compute(%+v) = %s; want error %v", tt.p, got.Amount, tt.want)
			}
			if diff := cmp.Diff(tt.want, err); diff != "" {
				t.Errorf("Compute(%+v) error (-want +got):\n%s", tt.p, diff)
			}
			if errors.Unwrap(err) != nil {
				t.Errorf("error wraps %v; want a plain coded value", errors.Unwrap(err))
			}
		})
	}
}

func TestTrimForSize(t *testing.T) {
	tests := []struct {
		w, h float64
		want Trim
	}{
		{5, 8, Regular}, {6, 9, Regular}, {6.12, 9, Regular}, {6.14, 9.21, Large}, {7, 10, Large}, {8.5, 11, Large}, {6.13, 8, Large}, {5.5, 9.01, Large},
	}
	for _, tt := range tests {
		if got := TrimForSize(tt.w, tt.h); got != tt.want {
			t.Errorf("TrimForSize(%v, %v) = %s; want %s", tt.w, tt.h, got, tt.want)
		}
	}
}

func TestMoneyRounded(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{Money{2904, USD}, "2.90 USD"}, {Money{2905, USD}, "2.91 USD"}, {Money{10936, USD}, "10.94 USD"},
		{Money{422000, JPY}, "422 JPY"}, {Money{422500, JPY}, "423 JPY"}, {Money{1930, GBP}, "1.93 GBP"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("%d %s = %q; want %q", tt.m.Milli, tt.m.Currency, got, tt.want)
		}
	}
}
