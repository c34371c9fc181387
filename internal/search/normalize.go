package search

import (
	"strings"
	"unicode/utf8"
)

// Normalize folds s for matching, the same way search.js folds the query
// and the indexed text:
//
//   - half-width katakana become full-width (ｶﾞｲﾄﾞ → ガイド), and a kana
//     followed by a (combining, spacing or half-width) voiced or
//     semi-voiced sound mark is composed (か゛ → が, は゜ → ぱ);
//   - full-width ASCII becomes ASCII (ＡＢＣ１２３ → ABC123) and the
//     ideographic space a space;
//   - katakana become hiragana (ソウダン → そうだん, ヴ → ゔ, ヶ → ゖ);
//     the prolonged sound mark ー is kept;
//   - dashes and minus signs (‐ ‑ ‒ – — ― − ﹣) become "-", and the
//     wave dash 〜 becomes "~";
//   - ASCII letters become lower case.
//
// Apart from the composition in the first step, Normalize maps one rune
// to one rune of the same UTF-16 length, so offsets in a composed text
// (see Compose) are offsets in its normalised form: search.js relies on
// that to put <mark> around a match. It is not full NFKC (no ① → 1,
// ㈱ → (株)); the standard library has no Unicode normalisation and the
// simple folding covers what readers type.
func Normalize(s string) string {
	s = Compose(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// fold is the one-rune part of Normalize.
func fold(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r >= 'Ａ' && r <= 'Ｚ':
		return r - 'Ａ' + 'a'
	case r >= '！' && r <= '～': // U+FF01–FF5E
		return r - '！' + '!'
	case r == '\u3000':
		return ' '
	case r >= 'ァ' && r <= 'ヶ', r == 'ヽ', r == 'ヾ':
		return r - 0x60
	case r == '〜':
		return '~'
	case r >= '\u2010' && r <= '\u2015', r == '\u2212', r == '\uFE63':
		return '-'
	}
	return r
}

// halfKana maps the half-width katakana U+FF61–U+FF9F to full width.
const halfKana = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"

var halfKanaRunes = []rune(halfKana)

// Compose makes the text form that the index stores and search.js
// displays: half-width katakana become full width, a kana followed by a
// voiced or semi-voiced sound mark (U+3099/309A combining, U+309B/309C
// spacing, U+FF9E/FF9F half-width) becomes the precomposed kana, and
// control characters become spaces. Nothing else changes.
func Compose(s string) string {
	needs := false
	for _, r := range s {
		if (r >= 0xFF61 && r <= 0xFF9F) || (r >= 0x3099 && r <= 0x309C) || r < 0x20 || r == 0x7F {
			needs = true
			break
		}
	}
	if !needs {
		return s
	}
	out := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		if r >= 0xFF61 && r <= 0xFF9F {
			r = halfKanaRunes[r-0xFF61]
		}
		if r < 0x20 || r == 0x7F {
			r = ' '
		}
		if n := len(out); n > 0 && (r == 0x3099 || r == 0x309B || r == 0x309A || r == 0x309C) {
			if c, ok := voice(out[n-1], r == 0x3099 || r == 0x309B); ok {
				out[n-1] = c
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// voice returns base with a voiced (dakuten) or semi-voiced (handakuten)
// mark, when that kana exists.
func voice(base rune, voiced bool) (rune, bool) {
	const (
		dakuten   = "かきくけこさしすせそたちつてとはひふへほカキクケコサシスセソタチツテトハヒフヘホ"
		handakuon = "はひふへほハヒフヘホ"
	)
	if !voiced {
		if strings.ContainsRune(handakuon, base) {
			return base + 2, true
		}
		return 0, false
	}
	switch {
	case strings.ContainsRune(dakuten, base):
		return base + 1, true
	case base == 'う':
		return 'ゔ', true
	case base == 'ウ':
		return 'ヴ', true
	case base == 'ゝ', base == 'ヽ':
		return base + 1, true
	case base >= 'ワ' && base <= 'ヲ':
		return 'ヷ' + (base - 'ワ'), true
	}
	return 0, false
}
