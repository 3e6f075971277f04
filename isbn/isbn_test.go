package isbn

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want ISBN
		err  *Error
	}{
		{in: "9780306406157", want: "9780306406157"},
		{in: "978-0-306-40615-7", want: "9780306406157"},
		{in: "978 0 306 40615 7", want: "9780306406157"},
		{in: "ISBN 978-0-306-40615-7", want: "9780306406157"},
		{in: "ISBN-13: 978-0-306-40615-7", want: "9780306406157"},
		{in: "isbn-10: 0-306-40615-2", want: "0306406152"},
		{in: "0306406152", want: "0306406152"},
		{in: "080442957X", want: "080442957X"},
		{in: "0-8044-2957-x", want: "080442957X"},
		{in: "9791032305690", want: "9791032305690"},
		{in: "978-0-306-40615-8", err: &Error{Reason: CheckDigit, Got: '8', Want: '7'}},
		{in: "0306406153", err: &Error{Reason: CheckDigit, Got: '3', Want: '2'}},
		{in: "0804429570", err: &Error{Reason: CheckDigit, Got: '0', Want: 'X'}},
		{in: "12345", err: &Error{Reason: Length, Digits: 5}},
		{in: "", err: &Error{Reason: Length}},
		{in: "97803064061571", err: &Error{Reason: Length, Digits: 14}},
		{in: "978030640615X", err: &Error{Reason: Character, Char: 'X'}},
		{in: "03064X6152", err: &Error{Reason: Character, Char: 'X'}},
		{in: "978-0-306-4O615-7", err: &Error{Reason: Character, Char: 'O'}},
		{in: "1234567890123", err: &Error{Reason: Prefix}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Parse(%q) = %q, %v; want error %v", tt.in, got, err, tt.err)
				}
				if diff := cmp.Diff(tt.err, e); diff != "" {
					t.Errorf("Parse(%q) error (-want +got):\n%s", tt.in, diff)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		in     ISBN
		want13 ISBN
		want10 ISBN
		has10  bool
		is13   bool
	}{
		{in: "9780306406157", want13: "9780306406157", want10: "0306406152", has10: true, is13: true},
		{in: "0306406152", want13: "9780306406157", want10: "0306406152", has10: true},
		{in: "080442957X", want13: "9780804429573", want10: "080442957X", has10: true},
		{in: "9791032305690", want13: "9791032305690", has10: false, is13: true},
	}
	for _, tt := range tests {
		if got := tt.in.Is13(); got != tt.is13 {
			t.Errorf("%s.Is13() = %v, want %v", tt.in, got, tt.is13)
		}
		if got := tt.in.To13(); got != tt.want13 {
			t.Errorf("%s.To13() = %s, want %s", tt.in, got, tt.want13)
		}
		got, ok := tt.in.To10()
		if ok != tt.has10 || got != tt.want10 {
			t.Errorf("%s.To10() = %s, %v; want %s, %v", tt.in, got, ok, tt.want10, tt.has10)
		}
		if _, err := Parse(string(tt.want13)); err != nil {
			t.Errorf("To13 result %s does not parse: %v", tt.want13, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"978-0-306-40615-7", "080442957X", "ISBN 0-306-40615-2", "x", "--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			return
		}
		again, err := Parse(string(n))
		if err != nil || again != n {
			t.Fatalf("Parse(%q) = %q, but reparsing gives %q, %v", s, n, again, err)
		}
		if len(n) != 10 && len(n) != 13 {
			t.Fatalf("Parse(%q) = %q: length %d", s, n, len(n))
		}
	})
}

func TestDigits(t *testing.T) {
	for in, want := range map[string]string{
		"978-0-306-40615-8":           "9780306406158",
		" ISBN-13: 978 0 306 40615 8": "9780306406158",
		"isbn 10 0-8044-2957-x":       "080442957X",
		"ISBN0306406153":              "0306406153",
		"":                            "",
	} {
		if got := Digits(in); got != want {
			t.Errorf("Digits(%q) = %q, want %q", in, got, want)
		}
	}
}
