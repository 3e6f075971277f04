package edkey

import (
	"bytes"
	"crypto/ed25519"
	"math/big"
	"math/rand/v2"
	"testing"

	"filippo.io/edwards25519"
)

// keyFromSeed is a deterministic key pair, so a failure can be replayed.
func keyFromSeed(t testing.TB, n byte) (ed25519.PrivateKey, *PublicKey) {
	t.Helper()
	seed := bytes.Repeat([]byte{n}, ed25519.SeedSize)
	priv := ed25519.NewKeyFromSeed(seed)
	k, err := New(priv.Public().(ed25519.PublicKey))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return priv, k
}

// agree fails unless the key and crypto/ed25519 give the same verdict,
// and that verdict is want.
func agree(t *testing.T, priv ed25519.PrivateKey, k *PublicKey, msg, sig []byte, want bool) {
	t.Helper()
	std := ed25519.Verify(priv.Public().(ed25519.PublicKey), msg, sig)
	got := k.Verify(msg, sig)
	if got != std || got != want {
		t.Fatalf("Verify(%x, %x) = %v, crypto/ed25519 says %v, want %v", msg, sig, got, std, want)
	}
}

func TestVerifyMatchesStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range byte(8) {
		priv, k := keyFromSeed(t, n)
		for _, size := range []int{0, 1, 31, 64, 1000, 5000} {
			msg := make([]byte, size)
			for i := range msg {
				msg[i] = byte(rng.Uint32())
			}
			sig := ed25519.Sign(priv, msg)
			agree(t, priv, k, msg, sig, true)

			// Every single-bit change of the signature is refused.
			for bit := range len(sig) * 8 {
				bad := bytes.Clone(sig)
				bad[bit/8] ^= 1 << (bit % 8)
				agree(t, priv, k, msg, bad, false)
			}
			// So is any change of the message.
			if size > 0 {
				bad := bytes.Clone(msg)
				bad[rng.IntN(size)] ^= 0x40
				agree(t, priv, k, bad, sig, false)
			}
			agree(t, priv, k, append(bytes.Clone(msg), 0), sig, false)
			// And a signature of another length.
			agree(t, priv, k, msg, sig[:63], false)
			agree(t, priv, k, msg, append(bytes.Clone(sig), 0), false)
			agree(t, priv, k, msg, nil, false)
		}
	}
}

func TestVerifyRefusesAnotherKey(t *testing.T) {
	priv, _ := keyFromSeed(t, 1)
	_, other := keyFromSeed(t, 2)
	msg := []byte("1733500000{\"type\":2}")
	if other.Verify(msg, ed25519.Sign(priv, msg)) {
		t.Fatal("a signature by another key verified")
	}
}

// TestVerifyRefusesMalleableS checks the bound on S: S + ℓ satisfies the
// curve equation as S does, but RFC 8032 refuses it, and so must this.
func TestVerifyRefusesMalleableS(t *testing.T) {
	priv, k := keyFromSeed(t, 3)
	msg := []byte("pay once")
	sig := ed25519.Sign(priv, msg)
	order, _ := new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
	s := new(big.Int).SetBytes(reversed(sig[32:]))
	s.Add(s, order)
	if s.BitLen() > 253 {
		t.Fatalf("S + ℓ needs %d bits", s.BitLen())
	}
	bad := bytes.Clone(sig)
	copy(bad[32:], reversed(s.FillBytes(make([]byte, 32))))
	agree(t, priv, k, msg, bad, false)
}

func reversed(b []byte) []byte {
	r := bytes.Clone(b)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return r
}

// TestTableProducts checks the tables' sums against the library's own
// scalar multiplication, on the scalars whose digits are at the edges
// (bytes 0 to 30 all 127, 128 or 255, which recentre and carry into the
// next place, under a top byte of 0x0f that keeps them below ℓ; the
// largest scalar, ℓ-1) and on random ones.
func TestTableProducts(t *testing.T) {
	_, k := keyFromSeed(t, 9)
	minusA := new(edwards25519.Point).Negate(mustPoint(t, k.encoded[:]))
	order, _ := new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
	var scalars []*big.Int
	for _, n := range []int64{0, 1, 127, 128, 255, 256, 32767, 32768} {
		scalars = append(scalars, big.NewInt(n))
	}
	scalars = append(scalars, new(big.Int).Sub(order, big.NewInt(1)))
	for _, b := range []byte{0x7f, 0x80, 0xff} {
		be := append([]byte{0x0f}, bytes.Repeat([]byte{b}, 31)...) // big-endian: the top byte first
		scalars = append(scalars, new(big.Int).SetBytes(be))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var wide [64]byte
		for i := range wide {
			wide[i] = byte(rng.Uint32())
		}
		s, _ := new(edwards25519.Scalar).SetUniformBytes(wide[:])
		scalars = append(scalars, new(big.Int).SetBytes(reversed(s.Bytes())))
	}
	for _, n := range scalars {
		s, err := new(edwards25519.Scalar).SetCanonicalBytes(reversed(n.FillBytes(make([]byte, 32))))
		if err != nil {
			t.Fatalf("scalar %v: %v", n, err)
		}
		for _, c := range []struct {
			name  string
			table *table
			point *edwards25519.Point
		}{{"-A", k.minusA, minusA}, {"B", baseTable(), edwards25519.NewGeneratorPoint()}} {
			got := edwards25519.NewIdentityPoint()
			c.table.addProduct(got, s)
			if want := new(edwards25519.Point).ScalarMult(s, c.point); got.Equal(want) != 1 {
				t.Errorf("[%v]%s from the table is not the library's product", n, c.name)
			}
		}
	}
}

func mustPoint(t *testing.T, b []byte) *edwards25519.Point {
	t.Helper()
	p, err := new(edwards25519.Point).SetBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewRefusesWhatIsNotAKey(t *testing.T) {
	if _, err := New(make([]byte, 31)); err == nil {
		t.Error("a 31-byte key was taken")
	}
	// Find 32 bytes that are not a point; crypto/ed25519 refuses every
	// signature under them, and New refuses them outright.
	for y := range byte(255) {
		pub := make([]byte, 32)
		pub[0] = y
		pub[31] = 0x20
		if _, err := New(pub); err != nil {
			if ed25519.Verify(pub, []byte("m"), make([]byte, 64)) {
				t.Fatal("crypto/ed25519 took a signature under a key that is not a point")
			}
			return
		}
	}
	t.Fatal("no 32-byte string tried was refused as a key")
}

func FuzzVerify(f *testing.F) {
	priv, k := keyFromSeed(f, 5)
	f.Add([]byte("1733500000{}"), ed25519.Sign(priv, []byte("1733500000{}")), false)
	f.Add([]byte(""), make([]byte, 64), true)
	f.Fuzz(func(t *testing.T, msg, sig []byte, signed bool) {
		if signed {
			sig = ed25519.Sign(priv, msg)
		}
		std := ed25519.Verify(priv.Public().(ed25519.PublicKey), msg, sig)
		if got := k.Verify(msg, sig); got != std {
			t.Fatalf("Verify(%x, %x) = %v, crypto/ed25519 says %v", msg, sig, got, std)
		}
	})
}

func BenchmarkVerify(b *testing.B) {
	priv, k := keyFromSeed(b, 6)
	pub := priv.Public().(ed25519.PublicKey)
	msg := bytes.Repeat([]byte("x"), 3000)
	sig := ed25519.Sign(priv, msg)
	b.Run("edkey", func(b *testing.B) {
		for b.Loop() {
			k.Verify(msg, sig)
		}
	})
	b.Run("crypto-ed25519", func(b *testing.B) {
		for b.Loop() {
			ed25519.Verify(pub, msg, sig)
		}
	})
}
