// Package edkey verifies Ed25519 signatures made with one public key,
// decoded once.
//
// crypto/ed25519.Verify takes the key as bytes and decodes it into a
// curve point on every call (a square root in the field). Discord signs
// every interaction with the same application key, so under
// scripts/bench-discord that decoding was 2.7% of the server's CPU, about
// 4 µs a request. This package keeps the decoded point and does the rest
// of the check exactly as crypto/ed25519 does (RFC 8032's cofactorless
// verification, which Go's own implementation follows), with the curve
// arithmetic of filippo.io/edwards25519, the library Go's is taken from.
// Its tests check it against crypto/ed25519 on valid, altered and
// malformed signatures, and fuzz the comparison.
package edkey

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha512"
	"errors"

	"filippo.io/edwards25519"
)

// PublicKey is a decoded Ed25519 public key.
type PublicKey struct {
	encoded [ed25519.PublicKeySize]byte
	minusA  edwards25519.Point // the key's point, negated, as the check uses it
}

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
	k := &PublicKey{}
	copy(k.encoded[:], pub)
	k.minusA.Negate(a)
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
	r := new(edwards25519.Point).VarTimeDoubleScalarBaseMult(kh, &k.minusA, s)
	return bytes.Equal(sig[:32], r.Bytes())
}
