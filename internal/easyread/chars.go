package easyread

import "github.com/plansite/plansite/internal/kanji"

// class is the script of a character, for runs (連) of the same script.
type class int

const (
	other class = iota
	alphabet
	hiragana
	kanjiClass
	katakana
)

// isKanji reports whether r is a kanji; the marks 々 〆 〇 count as kanji
// (人々 is a run of two kanji), as in package kanji.
func isKanji(r rune) bool { return kanji.Is(r) }

// classOf returns the script of r. The long vowel mark ー belongs to the
// script before it (hiragana after hiragana, katakana otherwise).
func classOf(r, prev rune) class {
	switch {
	case r == 'ー' || r == 'ｰ':
		if classOf(prev, 0) == hiragana {
			return hiragana
		}
		return katakana
	case r >= 'ぁ' && r <= 'ゖ', r >= 'ゝ' && r <= 'ゟ':
		return hiragana
	case r >= 'ァ' && r <= 'ヺ', r >= 'ヽ' && r <= 'ヿ', r >= 'ㇰ' && r <= 'ㇿ', r >= 'ｦ' && r <= 'ﾟ':
		return katakana
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= 'ａ' && r <= 'ｚ', r >= 'Ａ' && r <= 'Ｚ':
		return alphabet
	case isKanji(r):
		return kanjiClass
	}
	return other
}

// run is a maximal sequence of characters of one script inside a sentence.
type run struct {
	class class
	text  []rune
}

// runs returns the runs of letters of s; characters of class other
// (punctuation, digits, spaces) end a run and belong to none.
func runs(s []rune) []run {
	var out []run
	var prev rune
	for i := 0; i < len(s); {
		c := classOf(s[i], prev)
		if c == other {
			prev = s[i]
			i++
			continue
		}
		j := i + 1
		p := s[i]
		for j < len(s) && classOf(s[j], p) == c {
			p = s[j]
			j++
		}
		out = append(out, run{class: c, text: s[i:j]})
		prev = p
		i = j
	}
	return out
}
