// Package kanji classifies kanji and knows the grade in which Japanese
// elementary schools teach each of them (the 学年別漢字配当表).
package kanji

import (
	_ "embed"
	"strings"
)

// Is reports whether r is a kanji: a CJK unified ideograph (the basic block
// and extensions A–I), a CJK compatibility ideograph, or one of the
// ideographic marks that stand for a kanji inside a word:
// 々 (U+3005, repeats the previous kanji: 人々), 〆 (U+3006) and 〇 (U+3007, the
// kanji numeral zero). Kana, the prolonged sound mark ー and the katakana
// counters ヶ/ヵ are not kanji.
func Is(r rune) bool {
	switch {
	case r == '々' || r == '〆' || r == '〇':
		return true
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs
		return true
	case r >= 0x3400 && r <= 0x4DBF: // Extension A
		return true
	case r >= 0xF900 && r <= 0xFAFF: // Compatibility Ideographs
		return true
	case r >= 0x20000 && r <= 0x323AF: // Extensions B–H (planes 2 and 3)
		return true
	case r >= 0x2EBF0 && r <= 0x2EE5F: // Extension I
		return true
	case r >= 0x2F800 && r <= 0x2FA1F: // Compatibility Ideographs Supplement
		return true
	}
	return false
}

// IsIterationMark reports whether r is 々, the mark that repeats the kanji
// before it. It has no grade of its own: a reader who knows 人 can read 人々.
func IsIterationMark(r rune) bool { return r == '々' }

//go:embed grades.txt
var gradesData string

var grades = parseGrades(gradesData)

func parseGrades(data string) map[rune]int {
	m := make(map[rune]int, 1026)
	g := 0
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		g++
		for _, r := range line {
			m[r] = g
		}
	}
	return m
}

// Grade returns the elementary-school grade (1–6) in which the kanji r is
// taught according to the 学年別漢字配当表 of the 2017 学習指導要領 (小学校,
// in force from school year 2020; 1026 kanji), or 0 if r is not one of these
// 教育漢字 (including 々 and every non-kanji rune).
func Grade(r rune) int { return grades[r] }

// IsKana reports whether r can be part of a furigana reading: hiragana,
// full-width katakana, the prolonged sound mark ー and the kana iteration
// marks ゝゞヽヾ.
func IsKana(r rune) bool {
	return r >= 'ぁ' && r <= 'ゖ' || r >= 'ァ' && r <= 'ヺ' || r == 'ー' || r == 'ゝ' || r == 'ゞ' || r == 'ヽ' || r == 'ヾ'
}
