package furigana

import (
	"cmp"
	"strings"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/kanji"
)

// readIterationMarks reads 々 that the analyzer left on its own after a
// single kanji (村 + 々): the two become one word, read as the kanji's
// reading twice. A repeated kun reading takes rendaku (国々 くにぐに, 島々
// しまじま); an on reading does not (点々 てんてん). 人々, 日々, 時々 and
// most others are words of the analyzer's dictionary and never get here.
func readIterationMarks(ms []morph) []morph {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.surface == "々" && m.reading == "" && !m.fixed() {
			p := &out[n-1]
			if !p.fixed() && p.reading != "" && runeLen(p.surface) == 1 && hasKanji(p.surface) {
				p.surface += m.surface
				p.reading += repeatReading(p.reading)
				p.unknown = false
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// repeatReading is the reading of a kanji's repetition by 々.
func repeatReading(r string) string {
	if onLike(r) {
		return r
	}
	return rendaku(r)
}

// readCompounds makes the readings of compound words independent of how
// the analyzer cut them:
//
//   - A suffix read with rendaku after a verb stem (結び + 付け, IPA's
//     suffix づけ as in 位置付け) is read as the dictionary reads the
//     whole word when the dictionary has it (結び付け むすびつけ): the word
//     alone is analysed that way, inside a sentence the analyzer may prefer
//     the noun + suffix path, and the reading must not depend on it.
//   - A run of two or more single kanji the analyzer read one by one, one
//     of them with a kun reading, is a Sino-Japanese compound the
//     dictionary lacks (公助 read おおやけ + すけ, 病児 やまい + じ): each kun
//     reading is replaced by the kanji's on reading from the dictionary
//     when it has one, and the morphs are marked split so that Notes
//     reports the word for readings.yaml.
func readCompounds(ms []morph, lx lexicon) {
	for i := 1; i < len(ms); i++ {
		if afterVerbStem(ms, i) {
			readWholeWord(&ms[i-1], &ms[i], lx)
		}
	}
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && isSplitKanji(ms[j]) {
			j++
		}
		if j-i >= 2 {
			readOn(ms[i:j], lx)
		}
		i = max(j, i+1)
	}
}

// afterVerbStem reports whether ms[i] is a suffix read with rendaku right
// after a verb stem written with okurigana (結び, 取り).
func afterVerbStem(ms []morph, i int) bool {
	m, p := ms[i], ms[i-1]
	if m.fixed() || p.fixed() || !posIs(m.pos, "名詞", "接尾") || !voiced(firstRune(m.reading)) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p.surface)
	last, _ := utf8.DecodeLastRuneInString(p.surface)
	return kanji.Is(first) && isHiragana(last) && p.reading != ""
}

// readWholeWord gives p and m the readings of the dictionary word p+m, if
// the dictionary has one that begins with p's reading.
func readWholeWord(p, m *morph, lx lexicon) {
	for _, e := range lx.entries(p.surface + m.surface) {
		if rest, ok := strings.CutPrefix(e.reading, p.reading); ok && rest != "" {
			m.reading = rest
			return
		}
	}
}

// isSplitKanji reports whether m is a single kanji the analyzer read as a
// noun of its own (not a number, not a name from a list).
func isSplitKanji(m morph) bool {
	return !m.fixed() && !m.unknown && m.reading != "" && runeLen(m.surface) == 1 &&
		hasKanji(m.surface) && m.surface != "々" && posIs(m.pos, "名詞") &&
		!posIs(m.pos, "名詞", "数") && !posIs(m.pos, "名詞", "固有名詞")
}

// readOn reads a run of single-kanji morphs with on readings; see
// readCompounds.
func readOn(run []morph, lx lexicon) {
	kun := false
	for _, m := range run {
		kun = kun || !onLike(m.reading)
	}
	if !kun {
		return
	}
	on := make([]string, len(run))
	found := true
	for i, m := range run {
		on[i] = m.reading
		if !onLike(m.reading) {
			on[i] = onReading(m.surface, lx)
			found = found && on[i] != ""
		}
	}
	for i := range run {
		run[i].split = true
		if found {
			run[i].reading = on[i]
		}
	}
}

// onReading returns an on reading the dictionary lists for the kanji k, or
// "" when it lists none. Entries of personal names come last.
func onReading(k string, lx lexicon) string {
	var name string
	for _, e := range lx.entries(k) {
		if !onLike(e.reading) {
			continue
		}
		if posIs(e.pos, "名詞", "固有名詞") {
			name = cmp.Or(name, e.reading)
			continue
		}
		return e.reading
	}
	return name
}

// onLike reports whether the hiragana reading r has the shape of a
// Sino-Japanese (on) reading of one kanji: one mora, or two whose second
// is ん, う, い, き, く, ち, つ or っ (こう, じょ, びょう, てん). Kun readings
// mostly have another shape (おおやけ, すけ, やまい); a few (つき) look like
// on readings and are taken for them.
func onLike(r string) bool {
	m := morae(r)
	switch len(m) {
	case 1:
		return true
	case 2:
		return strings.Contains("んういきくちつっ", m[1]) && !strings.ContainsAny(m[1], "ゃゅょ")
	}
	return false
}

// morae splits a hiragana reading into morae: a small ゃ ゅ ょ ぁ ぃ ぅ ぇ ぉ
// belongs to the kana before it.
func morae(r string) []string {
	var out []string
	for _, c := range r {
		if n := len(out); n > 0 && strings.ContainsRune("ゃゅょぁぃぅぇぉ", c) {
			out[n-1] += string(c)
			continue
		}
		out = append(out, string(c))
	}
	return out
}

// voicing maps a kana to its voiced (rendaku) form: か → が, は → ば.
var voicing = map[rune]rune{
	'か': 'が', 'き': 'ぎ', 'く': 'ぐ', 'け': 'げ', 'こ': 'ご',
	'さ': 'ざ', 'し': 'じ', 'す': 'ず', 'せ': 'ぜ', 'そ': 'ぞ',
	'た': 'だ', 'ち': 'ぢ', 'つ': 'づ', 'て': 'で', 'と': 'ど',
	'は': 'ば', 'ひ': 'び', 'ふ': 'ぶ', 'へ': 'べ', 'ほ': 'ぼ',
}

// rendaku voices the first kana of r, if it can be voiced.
func rendaku(r string) string {
	c, n := utf8.DecodeRuneInString(r)
	if v, ok := voicing[c]; ok {
		return string(v) + r[n:]
	}
	return r
}

// voiced reports whether c is a voiced kana (が, ざ, だ, ば rows).
func voiced(c rune) bool {
	for _, v := range voicing {
		if v == c {
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
