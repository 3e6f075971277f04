package printcost

import "time"

// rate is fixed + pages x perPage, in thousandths of the currency.
type rate struct {
	fixed, perPage int64
	secondary      bool
	mayBeOutdated  bool
}

// band prices one range of page counts, inclusive, by trim.
type band struct {
	min, max       int
	regular, large rate
}

// table is one verified cost table.
type table struct {
	marketplace Marketplace
	ink         Ink
	binding     Binding
	effective   time.Time
	source      string
	bands       []band
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Sources of the tables and changes.
const (
	sourcePrintingCost = "KDP Help: Printing cost"
	sourceJune2025     = "KDP printing cost change of 10 June 2025"
)

// short is the flat cost of a black-ink paperback of 24-108 pages.
func short(regular, large int64) band {
	return band{min: 24, max: 108, regular: rate{fixed: regular}, large: rate{fixed: large}}
}

// tables returns the verified tables. Only black-ink paperbacks were
// verified; of the longer books only the US figures were, and its
// large-trim per-page rate comes from a secondary source.
func tables() []table {
	effective2023 := date(2023, time.June, 20)
	black := func(m Marketplace, bands ...band) table {
		return table{marketplace: m, ink: Black, binding: Paperback, effective: effective2023, source: sourcePrintingCost, bands: bands}
	}
	return []table{
		black(US, short(2300, 2840), band{min: 110, max: 828,
			regular: rate{fixed: 1000, perPage: 12},
			large:   rate{fixed: 1000, perPage: 17, secondary: true}}),
		black(UK, short(1930, 2150)),
		black(DE, short(2050, 2480)),
		black(FR, short(2050, 2480)),
		black(ES, short(2050, 2480)),
		black(IT, short(2050, 2480)),
		black(NL, short(2050, 2480)),
		black(CA, short(2990, 3530)),
		black(JP, short(422000, 530000)),
		black(AU, short(4740, 5280)),
	}
}

// change is a known cost change without verified new figures.
type change struct {
	ink          Ink
	binding      Binding
	marketplaces []Marketplace
	on           time.Time
	source       string
}

// changes lists the June 2025 cuts: standard colour on Amazon.com,
// premium colour on the UK and EU marketplaces.
func changes() []change {
	june := date(2025, time.June, 10)
	return []change{
		{ink: StandardColour, binding: Paperback, marketplaces: []Marketplace{US}, on: june, source: sourceJune2025},
		{ink: PremiumColour, binding: Paperback, marketplaces: []Marketplace{UK, DE, FR, ES, IT, NL}, on: june, source: sourceJune2025},
	}
}

// pageRanges returns the page counts KDP prints for a binding and ink, as
// the sheet gives them: black paperbacks 24-108 and 110-828, hardcovers
// 75-550. Nil means the sheet gives none (colour paperbacks).
func pageRanges(b Binding, i Ink) [][2]int {
	switch {
	case b == Hardcover:
		return [][2]int{{75, 550}}
	case i == Black:
		return [][2]int{{24, 108}, {110, 828}}
	}
	return nil
}
