package isbn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Found is an ISBN written inside a longer text.
type Found struct {
	// Text is the number as written, at text[Start:End].
	Text       string
	Start, End int
	// ISBN13 and ISBN10 are its checked forms; ISBN10 is empty for an
	// ISBN-13 starting with 979, which has none. Both are empty when Err is
	// set.
	ISBN13, ISBN10 ISBN
	// Err says why a number written as an ISBN is not one: mostly a wrong
	// check digit, with the digit expected.
	Err *Error
}

// FindAll returns the ISBNs written in text, in order, with hyphens,
// spaces or neither, an ISBN-10 possibly ending in X. To leave order ids,
// phone numbers and prices alone, it takes a number as an ISBN when it has
// 10 or 13 digits and is labelled ("ISBN", "my isbn is …" within three
// words), or is written in one piece, or is 13 digits starting with 978 or
// 979. A number that is not valid is returned with Err only when it is
// labelled, hyphenated, or starts with 978 or 979; a labelled number of 8
// to 15 digits but the wrong length is returned with a Length error.
func FindAll(text string) []Found {
	var found []Found
	for _, run := range runs(text) {
		found = append(found, inRun(text, run)...)
	}
	return found
}

// piece is one space-free stretch of digits and hyphens (and a final X) at
// text[start:end]; digits holds its digits and X.
type piece struct {
	start, end int
	digits     string
	hyphens    bool
}

// runs splits text into runs of pieces separated by one space each.
func runs(text string) [][]piece {
	var all [][]piece
	var cur []piece
	for i := 0; i < len(text); {
		p, ok := pieceAt(text, i)
		if !ok {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if n := len(cur); n > 0 && !oneSpace(text[cur[n-1].end:p.start]) {
			all, cur = append(all, cur), nil
		}
		cur = append(cur, p)
		i = p.end
	}
	if len(cur) > 0 {
		all = append(all, cur)
	}
	return all
}

// oneSpace reports whether gap is a single space or no-break space.
func oneSpace(gap string) bool { return gap == " " || gap == "\u00a0" }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// pieceAt reads a piece starting at text[i]: a digit not glued to a
// letter or digit before it, then digits and single hyphens between
// digits, and an optional final X; it must not be followed by a letter or
// digit.
func pieceAt(text string, i int) (piece, bool) {
	if text[i] < '0' || text[i] > '9' {
		return piece{}, false
	}
	if i > 0 {
		prev, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
			return piece{}, false
		}
		// The 10 of "ISBN-10" is part of a word.
		if before, _ := utf8.DecodeLastRuneInString(text[:i-size]); isHyphen(prev) && (unicode.IsLetter(before) || unicode.IsDigit(before)) {
			return piece{}, false
		}
	}
	var b strings.Builder
	p := piece{start: i}
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
			j += size
			continue
		}
		if isHyphen(r) && j+size < len(text) && isDigitOrX(text[j+size]) {
			p.hyphens = true
			j += size
			continue
		}
		if (r == 'x' || r == 'X') && b.Len() == 9 {
			b.WriteByte('X')
			j += size
		}
		break
	}
	if j < len(text) {
		next, _ := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(next) || unicode.IsDigit(next) {
			return piece{}, false
		}
	}
	p.end, p.digits = j, b.String()
	return p, true
}

func isDigitOrX(c byte) bool { return c >= '0' && c <= '9' || c == 'x' || c == 'X' }

// inRun finds the ISBNs among consecutive pieces of one run, taking at each
// start the longest stretch that makes an acceptable ISBN.
func inRun(text string, run []piece) []Found {
	var found []Found
	for a := 0; a < len(run); {
		labelled := labelBefore(text[:run[a].start])
		f, b, ok := longest(text, run, a, labelled)
		if !ok {
			if n := len(run[a].digits); labelled && a == 0 && n >= 8 && n <= 15 {
				found = append(found, Found{Text: text[run[a].start:run[a].end], Start: run[a].start, End: run[a].end,
					Err: &Error{Reason: Length, Digits: len(run[a].digits)}})
			}
			a++
			continue
		}
		found = append(found, f)
		a = b + 1
	}
	return found
}

func longest(text string, run []piece, a int, labelled bool) (Found, int, bool) {
	var invalid *Found
	invalidEnd := 0
	for b := len(run) - 1; b >= a; b-- {
		var digits strings.Builder
		hyphens := false
		for _, p := range run[a : b+1] {
			digits.WriteString(p.digits)
			hyphens = hyphens || p.hyphens
		}
		d := digits.String()
		if len(d) != 10 && len(d) != 13 {
			continue
		}
		isbnPrefix := len(d) == 13 && (strings.HasPrefix(d, "978") || strings.HasPrefix(d, "979"))
		spaced := b > a
		if spaced && !labelled && !isbnPrefix {
			continue
		}
		f := Found{Text: text[run[a].start:run[b].end], Start: run[a].start, End: run[b].end}
		n, err := Parse(d)
		if err == nil {
			f.ISBN13 = n.To13()
			f.ISBN10, _ = n.To10()
			return f, b, true
		}
		if invalid == nil && (labelled || isbnPrefix || hyphens) {
			f.Err = err.(*Error)
			invalid, invalidEnd = &f, b
		}
	}
	if invalid != nil {
		return *invalid, invalidEnd, true
	}
	return Found{}, 0, false
}

// labelBefore reports whether one of the three words before a number is
// "ISBN" (ISBN, ISBN-13:, isbn:).
func labelBefore(before string) bool {
	if len(before) > 40 {
		before = before[len(before)-40:]
	}
	words := strings.Fields(before)
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		if len(words[i]) >= 4 && strings.EqualFold(words[i][:4], "isbn") {
			return true
		}
	}
	return false
}
