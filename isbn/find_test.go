package isbn

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestFindAll(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Found
	}{
		{
			name: "bare 13 inside a question",
			text: "what is the ISBN-10 of 9780306406157 please?",
			want: []Found{{Text: "9780306406157", Start: 23, End: 36, ISBN13: "9780306406157", ISBN10: "0306406152"}},
		},
		{
			name: "hyphenated 13",
			text: "Mon livre 978-0-306-40615-7 n'a pas d'ISBN-10 ?",
			want: []Found{{Text: "978-0-306-40615-7", Start: 10, End: 27, ISBN13: "9780306406157", ISBN10: "0306406152"}},
		},
		{
			name: "spaced 13",
			text: "ISBN 978 0 306 40615 7.",
			want: []Found{{Text: "978 0 306 40615 7", Start: 5, End: 22, ISBN13: "9780306406157", ISBN10: "0306406152"}},
		},
		{
			name: "spaced 13 without a label",
			text: "can I use 978 0 306 40615 7 on KDP?",
			want: []Found{{Text: "978 0 306 40615 7", Start: 10, End: 27, ISBN13: "9780306406157", ISBN10: "0306406152"}},
		},
		{
			name: "ten with X",
			text: "convert 0-8044-2957-X to 13 digits",
			want: []Found{{Text: "0-8044-2957-X", Start: 8, End: 21, ISBN13: "9780804429573", ISBN10: "080442957X"}},
		},
		{
			name: "ten with lowercase x, unbroken",
			text: "isbn 080442957x",
			want: []Found{{Text: "080442957x", Start: 5, End: 15, ISBN13: "9780804429573", ISBN10: "080442957X"}},
		},
		{
			name: "979 has no ten",
			text: "my ISBN is 979-10-323-0569-0, what is its ISBN-10?",
			want: []Found{{Text: "979-10-323-0569-0", Start: 11, End: 28, ISBN13: "9791032305690"}},
		},
		{
			name: "two numbers",
			text: "0306406152 and 9781861978769",
			want: []Found{
				{Text: "0306406152", Start: 0, End: 10, ISBN13: "9780306406157", ISBN10: "0306406152"},
				{Text: "9781861978769", Start: 15, End: 28, ISBN13: "9781861978769", ISBN10: "1861978766"},
			},
		},
		{
			name: "quantity before the number",
			text: "I ordered 12 9780306406157 copies",
			want: []Found{{Text: "9780306406157", Start: 13, End: 26, ISBN13: "9780306406157", ISBN10: "0306406152"}},
		},
		{
			name: "wrong check digit on a 13",
			text: "KDP rejects 978-0-306-40615-8, why?",
			want: []Found{{Text: "978-0-306-40615-8", Start: 12, End: 29, Err: &Error{Reason: CheckDigit, Got: '8', Want: '7'}}},
		},
		{
			name: "wrong check digit on a labelled ten",
			text: "my isbn is 0306406153",
			want: []Found{{Text: "0306406153", Start: 11, End: 21, Err: &Error{Reason: CheckDigit, Got: '3', Want: '2'}}},
		},
		{
			name: "ten that needs X",
			text: "ISBN-10: 0804429570",
			want: []Found{{Text: "0804429570", Start: 9, End: 19, Err: &Error{Reason: CheckDigit, Got: '0', Want: 'X'}}},
		},
		{
			name: "labelled, wrong length",
			text: "ISBN 978030640615 is refused",
			want: []Found{{Text: "978030640615", Start: 5, End: 17, Err: &Error{Reason: Length, Digits: 12}}},
		},
		{name: "unlabelled invalid ten is not an ISBN", text: "call me on 0612345678", want: nil},
		{name: "spaced phone number", text: "call 06 12 34 56 78 tonight", want: nil},
		{name: "order id", text: "order 114-1234567-1234567 is late", want: nil},
		{name: "thirteen digits, not a book prefix", text: "tracking 1234567890123", want: nil},
		{name: "glued to letters", text: "ref A9780306406157 and 9780306406157b", want: nil},
		{name: "sizes and counts", text: "300 pages, 6x9, 999 copies, $4.60", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindAll(tt.text)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("FindAll(%q) (-want +got):\n%s", tt.text, diff)
			}
			for _, f := range got {
				if tt.text[f.Start:f.End] != f.Text {
					t.Errorf("text[%d:%d] = %q; Text = %q", f.Start, f.End, tt.text[f.Start:f.End], f.Text)
				}
			}
		})
	}
}

// FuzzFindAll checks that every ISBN found is where it says, and that a
// valid one parses to its ISBN-13.
func FuzzFindAll(f *testing.F) {
	for _, s := range []string{"isbn 978 0 306 40615 7", "0-8044-2957-X and 9791032305690", "12 0306406152", "ISBN 12345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fd := range FindAll(s) {
			if fd.Start < 0 || fd.End > len(s) || s[fd.Start:fd.End] != fd.Text {
				t.Fatalf("FindAll(%q): %+v is not where it says", s, fd)
			}
			if fd.Err != nil {
				continue
			}
			n, err := Parse(Digits(fd.Text))
			if err != nil || n.To13() != fd.ISBN13 {
				t.Fatalf("FindAll(%q): %q parses to %v, %v; want %s", s, fd.Text, n, err, fd.ISBN13)
			}
		}
	})
}
