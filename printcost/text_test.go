package printcost

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestFromText(t *testing.T) {
	tests := []struct {
		text    string
		want    Params
		missing []Missing
	}{
		{
			text:    "how much to print a 300 page paperback in black ink on amazon.co.uk",
			want:    Params{Pages: 300, Ink: Black, Binding: Paperback, Marketplace: UK},
			missing: []Missing{{Field: FieldTrim}},
		},
		{
			text:    "combien coûte l'impression de 250 pages couleur premium sur amazon.fr",
			want:    Params{Pages: 250, Ink: PremiumColour, Marketplace: FR},
			missing: []Missing{{Field: FieldTrim}, {Field: FieldBinding}},
		},
		{
			text:    "Druckkosten 180 Seiten schwarz-weiß amazon.de",
			want:    Params{Pages: 180, Ink: Black, Marketplace: DE},
			missing: []Missing{{Field: FieldTrim}, {Field: FieldBinding}},
		},
		{
			text: "What does a 6x9 paperback of 300 pages cost in black and white on Amazon.com?",
			want: Params{Pages: 300, Ink: Black, Trim: Regular, Binding: Paperback, Marketplace: US},
		},
		{
			text: "¿Cuánto cuesta imprimir un libro de tapa blanda de 200 páginas en blanco y negro, formato grande, en España?",
			want: Params{Pages: 200, Ink: Black, Trim: Large, Binding: Paperback, Marketplace: ES},
		},
		{
			text: "Quanto costa stampare 120 pagine a colori standard, copertina flessibile, 8,5 x 11 pollici su Amazon IT",
			want: Params{Pages: 120, Ink: StandardColour, Trim: Large, Binding: Paperback, Marketplace: IT},
		},
		{
			text: "Quanto custa imprimir 90 páginas preto e branco, capa dura, 15,24 x 22,86 cm no Japão?",
			want: Params{Pages: 90, Ink: Black, Trim: Regular, Binding: Hardcover, Marketplace: JP},
		},
		{
			text: "Wat kost het drukken van 400 pagina's premium kleur, paperback, 21 x 29,7 cm, op amazon.nl",
			want: Params{Pages: 400, Ink: PremiumColour, Trim: Large, Binding: Paperback, Marketplace: NL},
		},
		{
			// Plurals name the binding as the singular does.
			text: "Quanto costano 20 copertine rigide di 300 pagine in bianco e nero, 6 x 9, su amazon.it?",
			want: Params{Pages: 300, Ink: Black, Trim: Regular, Binding: Hardcover, Marketplace: IT},
		},
		{
			text: "Hardcover 6 by 9 inches, 250 pages, premium colour, shipping to Australia",
			want: Params{Pages: 250, Ink: PremiumColour, Trim: Regular, Binding: Hardcover, Marketplace: AU},
		},
		{
			text: "Ich wohne in Frankreich, bestelle aber über amazon.de: Taschenbuch, Seitenzahl 96, Standardfarbe, Großformat",
			want: Params{Pages: 96, Ink: StandardColour, Trim: Large, Binding: Paperback, Marketplace: DE},
		},
		{
			text:    "I live in the US and print a 200pp A5 colour paperback",
			want:    Params{Pages: 200, Trim: Regular, Binding: Paperback, Marketplace: US},
			missing: []Missing{{Field: FieldInk, Inks: []Ink{StandardColour, PremiumColour}}},
		},
		{
			text: "black and white or premium colour for 100 pages? amazon.de or amazon.fr? hardcover vs paperback",
			want: Params{Pages: 100},
			missing: []Missing{
				{Field: FieldInk, Inks: []Ink{Black, PremiumColour}},
				{Field: FieldTrim},
				{Field: FieldBinding, Bindings: []Binding{Hardcover, Paperback}},
				{Field: FieldMarketplace, Marketplaces: []Marketplace{DE, FR}},
			},
		},
		{
			text: "my book went from 300 pages to 320 pages, 5x8 and 7x10 trims, on amazon.com.br",
			missing: []Missing{
				{Field: FieldPages, Pages: []int{300, 320}},
				{Field: FieldInk},
				{Field: FieldTrim, Trims: []Trim{Regular, Large}},
				{Field: FieldBinding},
				{Field: FieldMarketplace, Unpriced: []string{"amazon.com.br"}},
			},
		},
		{
			text:    "send us the cost, thanks",
			missing: []Missing{{Field: FieldPages}, {Field: FieldInk}, {Field: FieldTrim}, {Field: FieldBinding}, {Field: FieldMarketplace}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, missing := FromText(tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FromText params (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.missing, missing, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("FromText missing (-want +got):\n%s", diff)
			}
		})
	}
}

func BenchmarkFromText(b *testing.B) {
	q := "Hi all! I'm finishing my first novel, a thriller set in Lyon, and I'd like to order some copies " +
		"for a signing. How much would it cost to print a 300 page paperback, 6x9, black and white, " +
		"on amazon.co.uk? Thanks so much in advance for any help, this group has been great."
	for b.Loop() {
		FromText(q)
	}
}

func TestCopies(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
		ok   bool
	}{
		{"how much would 50 copies of a 300-page black and white paperback cost to print in the US?", 50, true},
		{"I need 120 author copies for a fair", 120, true},
		{"combien pour 25 exemplaires d'auteur ?", 25, true},
		{"Was kosten 40 Autorenexemplare?", 40, true},
		{"precio de 1.000 copias", 1000, true},
		{"a 300-page paperback", 0, false},
		{"10 copies or 20 copies?", 0, false},
	} {
		got, ok := Copies(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Copies(%q) = %d, %v, want %d, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
