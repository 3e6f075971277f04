package printcost

import "slices"

// Compute returns the printing cost of one copy described by p. Its errors
// are *MissingParams, *NotOffered, *PagesOutOfRange, *PagesBetweenBands and
// *NoVerifiedTable, checked in that order.
func Compute(p Params) (Cost, error) {
	if missing := p.missing(); len(missing) > 0 {
		return Cost{}, &MissingParams{Fields: missing}
	}
	if err := offered(p); err != nil {
		return Cost{}, err
	}
	if err := checkPages(p); err != nil {
		return Cost{}, err
	}
	t, b, ok := lookup(p)
	if !ok {
		return Cost{}, noTable(p)
	}
	r := b.regular
	if p.Trim == Large {
		r = b.large
	}
	cur := p.Marketplace.Currency()
	return Cost{
		Params:        p,
		Amount:        Money{Milli: r.fixed + int64(p.Pages)*r.perPage, Currency: cur},
		Fixed:         Money{Milli: r.fixed, Currency: cur},
		PerPage:       Money{Milli: r.perPage, Currency: cur},
		Effective:     t.effective,
		Source:        t.source,
		Secondary:     r.secondary,
		MayBeOutdated: r.mayBeOutdated,
		Notes:         notes(p.Marketplace),
	}, nil
}

// missing lists the unknown fields of p, in Field order.
func (p Params) missing() []Field {
	var f []Field
	if p.Pages == 0 {
		f = append(f, FieldPages)
	}
	if p.Ink == 0 {
		f = append(f, FieldInk)
	}
	if p.Trim == 0 {
		f = append(f, FieldTrim)
	}
	if p.Binding == 0 {
		f = append(f, FieldBinding)
	}
	if p.Marketplace.Currency() == "" {
		f = append(f, FieldMarketplace)
	}
	return f
}

func offered(p Params) error {
	if p.Binding != Hardcover {
		return nil
	}
	if p.Ink == StandardColour {
		return &NotOffered{Reason: StandardColourHardcover}
	}
	if p.Marketplace == UK {
		return &NotOffered{Reason: HardcoverOnUK, Alternatives: []Marketplace{DE, ES, FR, IT}}
	}
	return nil
}

func checkPages(p Params) error {
	ranges := pageRanges(p.Binding, p.Ink)
	if len(ranges) == 0 {
		return nil
	}
	lo, hi := ranges[0][0], ranges[len(ranges)-1][1]
	if p.Pages < lo || p.Pages > hi {
		return &PagesOutOfRange{Pages: p.Pages, Min: lo, Max: hi}
	}
	for i := 1; i < len(ranges); i++ {
		below, above := ranges[i-1][1], ranges[i][0]
		if p.Pages > below && p.Pages < above {
			return &PagesBetweenBands{Pages: p.Pages, Below: below, Above: above}
		}
	}
	return nil
}

func lookup(p Params) (table, band, bool) {
	for _, t := range tables() {
		if t.marketplace != p.Marketplace || t.ink != p.Ink || t.binding != p.Binding {
			continue
		}
		for _, b := range t.bands {
			if p.Pages >= b.min && p.Pages <= b.max {
				return t, b, true
			}
		}
	}
	return table{}, band{}, false
}

func noTable(p Params) error {
	e := &NoVerifiedTable{Params: p}
	for _, c := range changes() {
		if c.ink == p.Ink && c.binding == p.Binding && slices.Contains(c.marketplaces, p.Marketplace) {
			e.ChangedOn, e.ChangeSource = c.on, c.source
		}
	}
	return e
}

func notes(m Marketplace) []Note {
	switch m {
	case AU:
		return []Note{AUAddressesOnly}
	case JP:
		return []Note{JPAccountOnly}
	case NL:
		return []Note{NLOlderGuidance}
	}
	return nil
}
