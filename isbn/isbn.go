// Package isbn checks International Standard Book Numbers as authors type
// them and converts between the 10- and 13-digit forms.
package isbn

import (
	"fmt"
	"strings"
	"unicode"
)

// ISBN is a checked ISBN-10 or ISBN-13 without separators: 13 digits, or
// 10 where the last may be X.
type ISBN string

// Reason says what is wrong with a string that is not an ISBN.
type Reason int

// The reasons Parse rejects a string.
const (
	// Length: neither 10 nor 13 digits.
	Length Reason = iota + 1
	// Character: a character other than a digit, hyphen or space (or a
	// final X in an ISBN-10).
	Character
	// Prefix: a 13-digit number that does not start with 978 or 979.
	Prefix
	// CheckDigit: the last digit does not match the others.
	CheckDigit
)

// Error describes why a string is not a valid ISBN, with enough detail for
// a message in any language.
type Error struct {
	Reason Reason
	// Digits is how many digits (and X) were found, for Length.
	Digits int
	// Char is the unexpected character, for Character.
	Char rune
	// Got is the check digit typed and Want the one the other digits call
	// for, for CheckDigit.
	Got, Want rune
}

func (e *Error) Error() string {
	switch e.Reason {
	case Length:
		return fmt.Sprintf("isbn: %d digits; an ISBN has 10 or 13", e.Digits)
	case Character:
		return fmt.Sprintf("isbn: unexpected character %q", e.Char)
	case Prefix:
		return "isbn: an ISBN-13 starts with 978 or 979"
	case CheckDigit:
		return fmt.Sprintf("isbn: check digit is %c but the other digits call for %c", e.Got, e.Want)
	}
	return "isbn: invalid"
}

// Parse checks s and returns it without separators. It accepts hyphens and
// spaces anywhere, a leading "ISBN", "ISBN-10" or "ISBN-13" label, and a
// lowercase x. Errors are *Error values; a wrong check digit names the one
// expected.
func Parse(s string) (ISBN, error) {
	s = strings.TrimSpace(s)
	s = stripLabel(s)
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == '‐' || r == '‑' || unicode.IsSpace(r):
		case (r == 'x' || r == 'X') && strings.Trim(s[i+1:], "- ") == "":
			b.WriteByte('X')
		default:
			return "", &Error{Reason: Character, Char: r}
		}
	}
	d := b.String()
	switch {
	case len(d) == 13 && strings.Contains(d, "X"):
		return "", &Error{Reason: Character, Char: 'X'}
	case len(d) == 13:
		if !strings.HasPrefix(d, "978") && !strings.HasPrefix(d, "979") {
			return "", &Error{Reason: Prefix}
		}
		if want := check13(d[:12]); rune(d[12]) != want {
			return "", &Error{Reason: CheckDigit, Got: rune(d[12]), Want: want}
		}
	case len(d) == 10:
		if want := check10(d[:9]); rune(d[9]) != want {
			return "", &Error{Reason: CheckDigit, Got: rune(d[9]), Want: want}
		}
	default:
		return "", &Error{Reason: Length, Digits: len(d)}
	}
	return ISBN(d), nil
}

// Digits returns the digits (and X) of s after its label: the number
// Parse checks, for echoing one whose check digit is wrong.
func Digits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == 'x' || r == 'X':
			return 'X'
		}
		return -1
	}, stripLabel(strings.TrimSpace(s)))
}

// stripLabel removes a leading "ISBN", "ISBN-10:" or "ISBN-13:" label.
func stripLabel(s string) string {
	if len(s) < 4 || !strings.EqualFold(s[:4], "isbn") {
		return s
	}
	s = strings.TrimLeft(s[4:], "- ")
	for _, n := range []string{"10", "13"} {
		if strings.HasPrefix(s, n) && len(s) > 2 && (s[2] == ':' || s[2] == ' ') {
			s = s[2:]
		}
	}
	return strings.TrimLeft(s, ": ")
}

// check10 is the ISBN-10 check digit of nine digits: weights 10 down to 2,
// (11 - sum mod 11) mod 11, with 10 written X.
func check10(nine string) rune {
	sum := 0
	for i := range 9 {
		sum += int(nine[i]-'0') * (10 - i)
	}
	c := (11 - sum%11) % 11
	if c == 10 {
		return 'X'
	}
	return rune('0' + c)
}

// check13 is the ISBN-13 check digit of twelve digits: weights 1, 3, 1,
// 3…, (10 - sum mod 10) mod 10.
func check13(twelve string) rune {
	sum := 0
	for i := range 12 {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(twelve[i]-'0') * w
	}
	return rune('0' + (10-sum%10)%10)
}

// Is13 reports whether n is an ISBN-13.
func (n ISBN) Is13() bool { return len(n) == 13 }

// To13 returns the ISBN-13 form of n: n itself, or 978 + the first nine
// digits of an ISBN-10 with a new check digit.
func (n ISBN) To13() ISBN {
	if n.Is13() {
		return n
	}
	twelve := "978" + string(n[:9])
	return ISBN(twelve + string(check13(twelve)))
}

// To10 returns the ISBN-10 form of n. An ISBN-13 starting with 979 has
// none, and ok is false.
func (n ISBN) To10() (ISBN, bool) {
	if !n.Is13() {
		return n, len(n) == 10
	}
	if !strings.HasPrefix(string(n), "978") {
		return "", false
	}
	nine := string(n[3:12])
	return ISBN(nine + string(check10(nine))), true
}

// String returns n without separators.
func (n ISBN) String() string { return string(n) }
