package furigana

import (
	"strings"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/kanji"
)

// toHiragana maps katakana to hiragana; everything else is kept.
func toHiragana(s string) string {
	if !strings.ContainsFunc(s, isKatakana) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(hira(r))
	}
	return b.String()
}

func hira(r rune) rune {
	if r >= 'ァ' && r <= 'ヶ' {
		return r - 0x60
	}
	return r
}

func isKatakana(r rune) bool { return r >= 'ァ' && r <= 'ヺ' }
func isHiragana(r rune) bool { return r >= 'ぁ' && r <= 'ゖ' }

// isKana reports whether r is hiragana, katakana or the prolonged sound mark.
func isKana(r rune) bool { return kanji.IsKana(r) }

// isReading reports whether s is a usable reading: non-empty, all kana.
func isReading(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isKana(r) {
			return false
		}
	}
	return true
}

func hasKanji(s string) bool { return strings.ContainsFunc(s, kanji.Is) }

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

func digitValue(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
