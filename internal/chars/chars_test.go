package chars

import "testing"

func TestIsBlank(t *testing.T) {
	for s, want := range map[string]bool{"": true, " \u3000\u200b\ufeff\u2060\u3164\t\n": true, "a": false, "\u200bあ": false, "・": false} {
		if got := IsBlank(s); got != want {
			t.Errorf("IsBlank(%q) = %v", s, got)
		}
	}
}

func TestIsControl(t *testing.T) {
	for _, r := range "\x00\a\b\x1b\x7f\u0085\u009f\f\v" {
		if !IsControl(r) {
			t.Errorf("IsControl(%U) = false", r)
		}
	}
	for _, r := range "\t\n\r a　\u00a0\u200b" {
		if IsControl(r) {
			t.Errorf("IsControl(%U) = true", r)
		}
	}
}
