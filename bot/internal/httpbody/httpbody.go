// Package httpbody reads request bodies for the adapters' HTTP endpoints.
package httpbody

import (
	"io"
	"net/http"
	"slices"
)

// Append appends r's body, of at most limit bytes, to b and returns the
// result. It reads as io.ReadAll does, to the end, but grows b once to the
// length the request declares (Slack and Discord declare it) rather than
// by doubling as it reads. A body over the limit is an
// *http.MaxBytesError, and the connection is closed after the response,
// as http.MaxBytesReader does.
func Append(b []byte, w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body := http.MaxBytesReader(w, r.Body, limit)
	if n := r.ContentLength; n >= 0 && n <= limit {
		b = slices.Grow(b, int(n)+1) // one byte more, to read the end without growing
	}
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		m, err := body.Read(b[len(b):cap(b)])
		b = b[:len(b)+m]
		switch {
		case err == io.EOF:
			return b, nil
		case err != nil:
			return b, err
		}
	}
}
