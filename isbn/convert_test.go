package isbn

import (
	"strings"
	"testing"
)

// FuzzConvert checks the conversions on any ISBN that parses: both forms
// parse again, a 978 ISBN-13 and its ISBN-10 convert back to each other,
// they share the nine digits in the middle, and a 979 has no ISBN-10.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"9780306406157", "0306406152", "080442957X", "9791032305690", "978-1-86197-876-9", "0-00-000000-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			return
		}
		thirteen := n.To13()
		if again, err := Parse(string(thirteen)); err != nil || again != thirteen {
			t.Fatalf("%s.To13() = %s, which does not parse: %v", n, thirteen, err)
		}
		ten, ok := n.To10()
		if strings.HasPrefix(string(thirteen), "979") {
			if ok {
				t.Fatalf("%s.To10() = %s for a 979 ISBN", n, ten)
			}
			return
		}
		if !ok {
			t.Fatalf("%s.To10() failed for a 978 ISBN", n)
		}
		if again, err := Parse(string(ten)); err != nil || again != ten {
			t.Fatalf("%s.To10() = %s, which does not parse: %v", n, ten, err)
		}
		if ten.To13() != thirteen {
			t.Fatalf("%s: ISBN-10 %s converts back to %s, not %s", n, ten, ten.To13(), thirteen)
		}
		if string(ten[:9]) != string(thirteen[3:12]) {
			t.Fatalf("%s: %s and %s do not share their nine digits", n, ten, thirteen)
		}
	})
}
