package furigana

import (
	"unicode/utf8"

	"github.com/plansite/plansite/internal/kanji"
)

// segment is a run of a word's surface: kanji (gets ruby), kana (must appear
// in the reading as written) or other (digits, Latin letters, symbols: they
// stand for some part of the reading but never carry ruby).
type segment struct {
	text string
	kind segKind
}

type segKind uint8

const (
	segKanji segKind = iota
	segKana
	segOther
)

func kindOf(r rune) segKind {
	switch {
	case kanji.Is(r):
		return segKanji
	case isKana(r):
		return segKana
	}
	return segOther
}

func segments(s string) []segment {
	var segs []segment
	rs := []rune(s)
	start := 0 // byte offset of the current segment
	var cur segKind
	at := 0
	for i, r := range rs {
		k := kindOf(r)
		if isCounterKa(rs, i) {
			k = segKanji
		}
		if i > 0 && k != cur {
			segs = append(segs, segment{s[start:at], cur})
			start = at
		}
		cur = k
		at += utf8.RuneLen(r)
	}
	if start < len(s) {
		segs = append(segs, segment{s[start:], cur})
	}
	return segs
}

// isCounterKa reports whether rs[i] is ヶ, ヵ, ケ or カ standing for the
// kanji 箇 (5ヶ所, 3ケ月) or the particle が in a name (霞ヶ関): a small ヶ or
// ヵ before or after a kanji, a full-size ケ or カ before a kanji and not
// after katakana (アメリカ人 keeps its カ). It is read with the kanji
// around it, so it goes under the ruby: {ヶ所|かしょ}, not ヶ{所|しょ}.
func isCounterKa(rs []rune, i int) bool {
	r := rs[i]
	next := i+1 < len(rs) && kanji.Is(rs[i+1])
	prev := i > 0 && kanji.Is(rs[i-1])
	switch r {
	case 'ヶ', 'ヵ':
		return next || prev
	case 'ケ', 'カ':
		return next && (i == 0 || !isKatakana(rs[i-1]))
	}
	return false
}

// align splits a word's reading over its kanji runs: the kana written in
// the word (okurigana and kana between kanji) are matched against the
// reading, and what lies between them is the reading of each kanji run.
// 取り組み/とりくみ gives 取(と) り 組(く) み. The search backtracks, trying the
// shortest reading for each kanji run first. If the reading cannot be
// matched (the analyzer's reading belongs to another form), the word gets
// no ruby: a missing reading is better than a wrong one.
func align(surface, reading string) []Token {
	reading = toHiragana(reading)
	segs := segments(surface)
	if !hasKanji(surface) || !isReading(reading) {
		return []Token{{Text: surface}}
	}
	if len(segs) == 1 {
		return []Token{{Text: surface, Reading: reading}}
	}
	r := []rune(reading)
	parts := make([]string, len(segs))
	if !match(segs, 0, r, parts) {
		return []Token{{Text: surface}}
	}
	out := make([]Token, 0, len(segs))
	for i, s := range segs {
		if s.kind == segKanji {
			out = append(out, Token{Text: s.text, Reading: parts[i]})
		} else {
			out = append(out, Token{Text: s.text})
		}
	}
	return out
}

// match assigns r to segs[i:], recording each kanji segment's share in parts.
func match(segs []segment, i int, r []rune, parts []string) bool {
	if i == len(segs) {
		return len(r) == 0
	}
	s := segs[i]
	switch s.kind {
	case segKana:
		n, ok := kanaPrefix(s.text, r)
		return ok && match(segs, i+1, r[n:], parts)
	case segOther:
		// Digits and letters stand for some of the reading (possibly none).
		for n := 0; n <= len(r); n++ {
			if match(segs, i+1, r[n:], parts) {
				return true
			}
		}
		return false
	}
	// Kanji run: at least one kana of reading, shortest first. If the next
	// segment is kana, only try ends where that kana follows.
	for n := 1; n <= len(r); n++ {
		if i+1 < len(segs) && segs[i+1].kind == segKana {
			if _, ok := kanaPrefix(segs[i+1].text, r[n:]); !ok {
				continue
			}
		}
		parts[i] = string(r[:n])
		if match(segs, i+1, r[n:], parts) {
			return true
		}
	}
	return false
}

// kanaPrefix reports whether the written kana w begin r, and how many runes
// of r they cover. Katakana matches hiragana; ヶ/ヵ match か, が and こ;
// ー matches any kana (readings spell long vowels either way).
func kanaPrefix(w string, r []rune) (int, bool) {
	n := 0
	for _, c := range w {
		if n >= len(r) {
			return 0, false
		}
		got := r[n]
		c = hira(c)
		switch {
		case c == got:
		case c == 'ゖ' || c == 'ゕ':
			if got != 'か' && got != 'が' && got != 'こ' {
				return 0, false
			}
		case c == 'ー' || got == 'ー':
		default:
			return 0, false
		}
		n++
	}
	return n, true
}
