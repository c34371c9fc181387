package search

import (
	"testing"
	"unicode/utf16"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"相談", "相談"},
		{"ソウダン", "そうだん"},
		{"そうだん", "そうだん"},
		{"サービス", "さーびす"},
		{"ｻｰﾋﾞｽ", "さーびす"},     // half-width, voiced mark composed
		{"ﾊﾟﾝﾌﾚｯﾄ", "ぱんふれっと"}, // semi-voiced
		{"か\u3099", "が"},      // combining voiced mark (NFD)
		{"ほ\u309a", "ぽ"},      // combining semi-voiced mark
		{"か゛", "が"},           // spacing voiced mark
		{"ウ\u3099", "ゔ"},      // ヴ → ゔ
		{"ヴ", "ゔ"},
		{"ワ゛", "ヷ"}, // no hiragana for ヷ: kept
		{"ヶ所", "ゖ所"},
		{"ヽヾ", "ゝゞ"},
		{"ＮＰＯ法人", "npo法人"},
		{"NPO", "npo"},
		{"０４２－３４６－１１１１", "042-346-1111"},
		{"042−346‐1111", "042-346-1111"}, // minus sign, hyphen
		{"10〜20", "10~20"},
		{"相談\u3000支援", "相談 支援"},
		{"ｰ", "ー"},
		{"｢ｶﾞｲﾄﾞ｣｡", "「がいど」。"},
		{"ﾞ", "゛"}, // a lone mark stays
		{"a\tb\x00", "a b "},
		{"Ünïcode ÄÖ", "Ünïcode ÄÖ"}, // only ASCII letters are lower-cased
		{"𠮷野家", "𠮷野家"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldKeepsUTF16Length checks what search.js relies on: fold maps each
// rune to one rune of the same UTF-16 length, so folded offsets are text
// offsets.
func TestFoldKeepsUTF16Length(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if utf16.RuneLen(fold(r)) != utf16.RuneLen(r) {
			t.Fatalf("fold(%U) = %U changes the UTF-16 length", r, fold(r))
		}
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range []string{"ｻｰﾋﾞｽ", "ＡＢＣ　ソウダン", "か\u3099ﾟ", "ﾞﾞ"} {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Errorf("Normalize(Normalize(%q)) = %q, want %q", s, Normalize(n), n)
		}
	}
}

func TestCompose(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック"},
		{"ガイド", "ガイド"},
		{"ABC ｱ", "ABC ア"}, // Compose keeps case and width of ASCII
		{"line\nbreak", "line break"},
	}
	for _, tt := range tests {
		if got := Compose(tt.in); got != tt.want {
			t.Errorf("Compose(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"ｻｰﾋﾞｽ", "相談支援", "か\u3099", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Compose(s)
		if len([]rune(Normalize(s))) != len([]rune(c)) {
			t.Fatalf("Normalize(%q) and Compose differ in length", s)
		}
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}
