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

func TestIsNoncharacter(t *testing.T) {
	for _, r := range []rune{0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x10ffff} {
		if !IsNoncharacter(r) {
			t.Errorf("U+%04X is a noncharacter", r)
		}
	}
	for _, r := range []rune{'あ', 0xfdcf, 0xfdf0, 0xfeff, 0xfffd, 0x1fffd, 0x20000} {
		if IsNoncharacter(r) {
			t.Errorf("U+%04X is a character", r)
		}
	}
}
