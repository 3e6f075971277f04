// Package seal seals the Slack workspaces' bot tokens for keeping in a
// database, with AES-256-GCM under AUTHORBOT_SECRET_KEY, the same way
// for every engine (package store and store/postgres), so that a token
// stored by one opens with the other.
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// prefix marks the form of a sealed token, so that another (a new key,
// another cipher) can be told apart later.
const prefix = "v1:"

// Tokens seals and opens bot tokens with one key.
type Tokens struct {
	aead cipher.AEAD
}

// New returns the sealer of key, which must be 32 bytes.
func New(key []byte) (*Tokens, error) {
	if len(key) != 32 {
		return nil, errors.New("the secret key must be 32 bytes")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	return &Tokens{aead: aead}, nil
}

// additional binds a sealed token to its workspace: copied to another
// workspace's row, it does not open.
func additional(team string) []byte { return []byte("authorbot slack bot token\x00" + team) }

// Seal returns token sealed for team: "v1:" and the base64 of a fresh
// nonce followed by the sealed token.
func (s *Tokens) Seal(team, token string) string {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(token)+s.aead.Overhead())
	rand.Read(nonce) // never fails (crypto/rand)
	return prefix + base64.StdEncoding.EncodeToString(s.aead.Seal(nonce, nonce, []byte(token), additional(team)))
}

// Open returns the token that sealed holds for team. Its errors say
// nothing of the token or the key.
func (s *Tokens) Open(team, sealed string) (string, error) {
	text, ok := strings.CutPrefix(sealed, prefix)
	if !ok {
		return "", errors.New("slack token: not a sealed token")
	}
	b, err := base64.StdEncoding.DecodeString(text)
	if err != nil || len(b) < s.aead.NonceSize() {
		return "", errors.New("slack token: not a sealed token")
	}
	plain, err := s.aead.Open(nil, b[:s.aead.NonceSize()], b[s.aead.NonceSize():], additional(team))
	if err != nil {
		// The key is not the one the token was sealed with (or the row
		// was altered): say so, without anything of either.
		return "", errors.New("slack token: cannot open it with AUTHORBOT_SECRET_KEY (a different key from the one it was stored with?)")
	}
	return string(plain), nil
}
