package editdist

import "testing"

// TestDistance checks each kind of slip, and the early stop at the limit.
func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"cart", "cart", 1, 0},
		{"crat", "cart", 1, 1},  // transposition
		{"cat", "cart", 1, 1},   // insertion
		{"carts", "cart", 1, 1}, // deletion
		{"cort", "cart", 1, 1},  // substitution
		{"tarc", "cart", 1, 2},  // beyond the limit: limit+1
		{"shiping", "shipping", 2, 1},
		{"delivrey", "delivery", 2, 1},
		{"qauntiy", "quantity", 2, 2},
		{"abc", "xyzabc", 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := Distance(tt.a, tt.b, tt.limit); got != tt.want {
				t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
			}
		})
	}
}
