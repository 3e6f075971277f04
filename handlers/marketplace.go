package handlers

import (
	"slices"
	"strings"
)

// Marketplace is one Amazon store an author can order copies from.
type Marketplace struct {
	// Domain is the canonical form stored with an order, e.g. "amazon.co.uk".
	Domain string
	// Code is the short country code authors type, e.g. "uk".
	Code string
	// Names are the other ways authors write it, lowercase: country names
	// in English and French, other codes, the domain's ending.
	Names []string
}

// Marketplaces returns Amazon's marketplaces in the order KDP lists them,
// for validation, help texts and autocomplete. The slice is new on each
// call.
func Marketplaces() []Marketplace {
	list := make([]Marketplace, len(marketplaces))
	for i, m := range marketplaces {
		m.Names = slices.Clone(m.Names)
		list[i] = m
	}
	return list
}

// marketplaces is the table Marketplaces copies. Looking a marketplace up
// reads it as it is: building the table anew was a tenth of reading an
// /order add's options.
var marketplaces = [...]Marketplace{
	{"amazon.com", "us", []string{"com", "usa", "united states", "united states of america", "america", "états-unis", "etats-unis", "etats unis"}},
	{"amazon.co.uk", "uk", []string{"co.uk", "gb", "united kingdom", "great britain", "britain", "england", "royaume-uni", "royaume uni", "angleterre"}},
	{"amazon.de", "de", []string{"germany", "deutschland", "allemagne"}},
	{"amazon.fr", "fr", []string{"france"}},
	{"amazon.es", "es", []string{"spain", "españa", "espana", "espagne"}},
	{"amazon.it", "it", []string{"italy", "italia", "italie"}},
	{"amazon.nl", "nl", []string{"netherlands", "the netherlands", "holland", "nederland", "pays-bas", "pays bas"}},
	{"amazon.pl", "pl", []string{"poland", "polska", "pologne"}},
	{"amazon.se", "se", []string{"sweden", "sverige", "suède", "suede"}},
	{"amazon.co.jp", "jp", []string{"co.jp", "japan", "nippon", "japon"}},
	{"amazon.ca", "ca", []string{"canada"}},
	{"amazon.com.au", "au", []string{"com.au", "australia", "australie"}},
	{"amazon.com.br", "br", []string{"com.br", "brazil", "brasil", "brésil", "bresil"}},
	{"amazon.com.mx", "mx", []string{"com.mx", "mexico", "méxico", "mexique"}},
	{"amazon.in", "in", []string{"india", "inde"}},
}

// LookupMarketplace finds the marketplace an author means, however they
// write it: "us", "USA", "uk", "gb", "amazon.de", "Amazon.fr",
// "www.amazon.co.uk", "https://www.amazon.com/", ".com", "germany".
func LookupMarketplace(s string) (Marketplace, bool) {
	key := marketplaceKey(s)
	if key == "" {
		return Marketplace{}, false
	}
	for _, m := range marketplaces {
		if slices.Contains(m.Names, key) || key == m.Code || key == strings.TrimPrefix(m.Domain, "amazon.") {
			m.Names = slices.Clone(m.Names) // the table's own stay as they are
			return m, true
		}
	}
	return Marketplace{}, false
}

// marketplaceKey reduces what an author typed to the part after "amazon.",
// or to the plain name: "https://www.Amazon.co.uk/" becomes "co.uk".
func marketplaceKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"https://", "http://", "www.", "amazon.", "amazon "} {
		s = strings.TrimPrefix(s, p)
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimPrefix(s, ".")
	return strings.Join(strings.Fields(s), " ")
}

// marketplaceDomains lists the canonical domains, for messages.
func marketplaceDomains() string {
	var d []string
	for _, m := range marketplaces {
		d = append(d, m.Domain)
	}
	return strings.Join(d, ", ")
}
