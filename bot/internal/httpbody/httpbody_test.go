package httpbody

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/iotest"
)

// TestAppend: the body is appended whole, whatever the declared length
// says and however the reader hands it over, and a body over the limit
// is refused as http.MaxBytesReader refuses it.
func TestAppend(t *testing.T) {
	body := strings.Repeat("0123456789", 300)
	tests := []struct {
		name     string
		body     string
		declared int64
		reader   func(io.Reader) io.Reader
		limit    int64
		tooLarge bool
	}{
		{"declared", body, int64(len(body)), nil, 1 << 20, false},
		{"not declared", body, -1, nil, 1 << 20, false},
		{"declared shorter", body, 10, nil, 1 << 20, false},
		{"declared longer", body, 5000, nil, 1 << 20, false},
		{"a byte at a time", body, int64(len(body)), iotest.OneByteReader, 1 << 20, false},
		{"with the data, EOF", body, int64(len(body)), iotest.DataErrReader, 1 << 20, false},
		{"empty", "", 0, nil, 1 << 20, false},
		{"at the limit", body, int64(len(body)), nil, int64(len(body)), false},
		{"over the limit", body, int64(len(body)), nil, int64(len(body)) - 1, true},
		{"over the limit, not declared", body, -1, nil, 100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rd io.Reader = strings.NewReader(tt.body)
			if tt.reader != nil {
				rd = tt.reader(rd)
			}
			r := httptest.NewRequest(http.MethodPost, "/", nil)
			r.Body, r.ContentLength = io.NopCloser(rd), tt.declared
			got, err := Append([]byte("prefix:"), httptest.NewRecorder(), r, tt.limit)
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) != tt.tooLarge {
				t.Fatalf("error = %v, want too large: %v", err, tt.tooLarge)
			}
			if tt.tooLarge {
				return
			}
			if err != nil || !bytes.Equal(got, []byte("prefix:"+tt.body)) {
				t.Errorf("Append = %d bytes, %v; want the prefix and the %d bytes of the body", len(got), err, len(tt.body))
			}
		})
	}
}

// TestAppendGrowsOnce: a body of the declared length is read into one
// buffer, not grown as it is read.
func TestAppendGrowsOnce(t *testing.T) {
	body := strings.Repeat("x", 3000)
	allocs := testing.AllocsPerRun(100, func() {
		r := &http.Request{Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}
		if _, err := Append(nil, nil, r, 1<<20); err != nil {
			t.Fatal(err)
		}
	})
	// The buffer, the strings.Reader, its NopCloser and the MaxBytesReader.
	if allocs > 4 {
		t.Errorf("%v allocations to read a body, want the buffer and the readers only", allocs)
	}
}
