// Package edkey verifies Ed25519 signatures made with one public key,
// decoded once.
//
// crypto/ed25519.Verify takes the key as bytes and decodes it into a
// curve point on every call (a square root in the field), then computes
// [S]B - [k]A with 253 doublings shared by both products. Discord signs
// every interaction with the same application key, so this package
// decodes the key once and keeps, for the key and for the base point B,
// a table of their multiples by every digit at every place of a scalar
// written in base 256: each product is then a sum of 32 table entries,
// with no doubling at all. BenchmarkVerify compares the two. The tables
// cost 640 KiB each and a few milliseconds to build.
//
// The check itself is crypto/ed25519's (RFC 8032's cofactorless
// verification, which Go's own implementation follows), with the curve
// arithmetic of filippo.io/edwards25519, the library Go's is taken from;
// a sum of the same points is the same point however it is added up.
// Everything it works on is public (the key, the message, the
// signature), so, like crypto/ed25519's verification, it need not run in
// constant time. Its tests check it against crypto/ed25519 on valid,
// altered and malformed signatures, and fuzz the comparison.
package edkey

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha512"
	"errors"
	"sync"

	"filippo.io/edwards25519"
)

// PublicKey is a decoded Ed25519 public key.
type PublicKey struct {
	encoded [ed25519.PublicKeySize]byte
	minusA  *table // multiples of the key's point, negated, as the check uses it
}

// A table holds the multiples of a point P that a product [s]P is summed
// from: row i, entry j is (j+1)·256^i·P. A scalar's 32 little-endian bytes
// are its digits in base 256; recentred to -128…127 (carrying one into
// the next byte where a byte is over 127), each digit d at place i adds
// row i's entry |d|-1, or subtracts it when d is negative, so a row needs
// only 128 entries. A scalar below 2^253, as every scalar of the check
// is, keeps its top byte at most 0x1f plus a carry: it is never
// recentred, and no carry is left over.
type table [32][128]edwards25519.Point

// newTable computes p's table.
func newTable(p *edwards25519.Point) *table {
	t := new(table)
	place := new(edwards25519.Point).Set(p) // 256^i·P
	for i := range t {
		row := &t[i]
		row[0].Set(place)
		for j := 1; j < len(row); j++ {
			row[j].Add(&row[j-1], place)
		}
		place.Add(&row[len(row)-1], &row[len(row)-1]) // 2·128·256^i·P
	}
	return t
}

// addProduct adds [s]P to acc, where t is P's table.
func (t *table) addProduct(acc *edwards25519.Point, s *edwards25519.Scalar) {
	b := s.Bytes()
	carry := 0
	for i := range t {
		d := int(b[i]) + carry
		carry = 0
		if d > 127 && i < len(t)-1 {
			d -= 256
			carry = 1
		}
		switch {
		case d > 0:
			acc.Add(acc, &t[i][d-1])
		case d < 0:
			acc.Subtract(acc, &t[i][-d-1])
		}
	}
}

// baseTable is the table of the base point B, built the first time a key
// is decoded. It is the package's one state: a constant of the curve,
// never changed once built, and kept here so that a process with no
// Discord key pays nothing for it.
var baseTable = sync.OnceValue(func() *table { return newTable(edwards25519.NewGeneratorPoint()) })

// New decodes an Ed25519 public key of 32 bytes. It fails where
// crypto/ed25519.Verify would refuse every signature: a key of another
// length or bytes that are not a point of the curve.
func New(pub []byte) (*PublicKey, error) {
	if len(pub) != ed25519.PublicKeySize {
		return nil, errors.New("edkey: an Ed25519 public key is 32 bytes")
	}
	a, err := new(edwards25519.Point).SetBytes(pub)
	if err != nil {
		return nil, errors.New("edkey: not an Ed25519 public key")
	}
	k := &PublicKey{minusA: newTable(new(edwards25519.Point).Negate(a))}
	copy(k.encoded[:], pub)
	baseTable()
	return k, nil
}

// Verify reports whether sig is a valid signature of message by the key,
// as crypto/ed25519.Verify does.
func (k *PublicKey) Verify(message, sig []byte) bool {
	if len(sig) != ed25519.SignatureSize || sig[63]&224 != 0 {
		return false
	}
	h := sha512.New()
	h.Write(sig[:32])
	h.Write(k.encoded[:])
	h.Write(message)
	var digest [sha512.Size]byte
	kh, err := new(edwards25519.Scalar).SetUniformBytes(h.Sum(digest[:0]))
	if err != nil {
		return false // cannot happen: the digest is 64 bytes
	}
	s, err := new(edwards25519.Scalar).SetCanonicalBytes(sig[32:])
	if err != nil {
		return false
	}
	// [S]B = R + [k]A, checked as [k](-A) + [S]B = R.
	r := edwards25519.NewIdentityPoint()
	k.minusA.addProduct(r, kh)
	baseTable().addProduct(r, s)
	return bytes.Equal(sig[:32], r.Bytes())
}
