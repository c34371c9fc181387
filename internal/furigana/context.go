package furigana

import (
	_ "embed"
	"slices"
	"strings"
)

//go:embed directions.tsv
var directionsData string

//go:embed moto.tsv
var motoData string

// directions are the nouns after which の方 is a side or a direction (右の方,
// 駅の方へ), not a person.
var directions = parseWordList(directionsData)

// motoNouns are the nouns besides action nouns (サ変接続) after which の下
// is もと, "under": 理念の下に, 方針の下で.
var motoNouns = parseWordList(motoData)

func parseWordList(data string) map[string]bool {
	words := map[string]bool{}
	for _, line := range dataLines(data) {
		words[strings.TrimSpace(line)] = true
	}
	return words
}

// readInContext corrects readings that depend on the words around them and
// that the analyzer reads one way everywhere.
//
// 方 (名詞 非自立, read ほう by IPA) is a person, かた, when it follows what
// modifies a person: a verb or adjective (利用する方, 困っている方, 若い方),
// an auxiliary (必要な方, 利用できない方, 参加した方) or the particle の
// (障害のある方 is ある+方; 高齢の方, 65歳以上の方). It stays ほう
//   - after a demonstrative (この方が, その方: ambiguous, the analyzer's
//     reading is kept), and after 方 words not listed here (方法, 地方 are
//     words of their own);
//   - after の when the noun before の is a pronoun (こちらの方, 私の方から),
//     a time or place noun the dictionary marks 副詞可能 (前の方, 今の方) or
//     a direction (directions.tsv: 右の方, 駅の方);
//   - in the comparison 〜方がよい / 方がいい (早く相談した方がよい).
//
// 元 before 年 or 年度 is the first year of an era, がん: IPA knows 元年
// (がんねん) but reads 令和元年度 as the prefix 元 (もと, "former") + 年度.
//
// After the particle の, and 後 also after a verb or an auxiliary, three
// single-kanji nouns take their reading as a word of their own:
//   - 時 is とき (びょうきの時: the suffix じ of 災害時 never follows の; the
//     check is on the text, as easy-Japanese kana can hide the particle
//     from the analyzer: びょうき → びょう + きの);
//   - 後 (非自立, のち) is あと (亡くなった後の, 働き始めた後も, 食事の後);
//   - 間 (ま) is あいだ (人との間に; 間もない keeps ま).
//
// 下 after の is もと, "under the guidance of", when the noun before の is
// an action noun (連携の下, 指導の下: IPA サ変接続) or an abstract noun of
// moto.tsv (理念の下に, 方針の下で); IPA reads した unless で follows, and
// keeps した after other nouns (机の下に).
//
// 他 (た) before a particle is ほか (他の人, 他に), except after その and
// この (その他の事業 stays そのた).
//
// Then come the rules of other files, in this order: municipality names
// (places.go), the iteration mark 々, compound words (compound.go) and
// kanji numerals before counters (numbers.go). The result may be shorter
// than ms: a rule can join morphs into one word.
func (a *Annotator) readInContext(ms []morph) []morph {
	ms = readPlaces(ms)
	ms = readIterationMarks(ms)
	lx := lexicon{a.sys.dict()}
	readCompounds(ms, lx)
	readKanjiCounters(ms)
	readWordsInContext(ms)
	return ms
}

// readWordsInContext applies the rules on single words described at
// readInContext.
func readWordsInContext(ms []morph) {
	for i := range ms {
		m := &ms[i]
		if m.fixed() {
			continue
		}
		switch {
		case m.surface == "元" && i+1 < len(ms) && (ms[i+1].surface == "年度" || ms[i+1].surface == "年"):
			m.reading = "がん"
		case m.surface == "他" && m.reading == "た" && i+1 < len(ms) && posIs(ms[i+1].pos, "助詞") &&
			(i == 0 || ms[i-1].surface != "その" && ms[i-1].surface != "この"):
			m.reading = "ほか"
		case i == 0:
		case m.surface == "時" && m.reading == "じ" && strings.HasSuffix(ms[i-1].surface, "の"):
			m.reading = "とき"
		case m.surface == "後" && m.reading == "のち" && posIs(m.pos, "名詞", "非自立") &&
			(isParticleNo(ms[i-1]) || posIs(ms[i-1].pos, "動詞") || posIs(ms[i-1].pos, "助動詞")):
			m.reading = "あと"
		case m.surface == "間" && m.reading == "ま" && isParticleNo(ms[i-1]):
			m.reading = "あいだ"
		case m.surface == "方" && m.reading == "ほう" && posIs(m.pos, "名詞", "非自立") &&
			personBefore(ms, i) && !comparisonAfter(ms, i):
			m.reading = "かた"
		case m.surface == "下" && m.reading == "した" && i >= 2 && isParticleNo(ms[i-1]) && underGuidance(ms[i-2]):
			m.reading = "もと"
		}
	}
}

// underGuidance reports whether 〜の下 after the noun n means "under" (もと).
func underGuidance(n morph) bool {
	return posIs(n.pos, "名詞", "サ変接続") || motoNouns[n.surface]
}

// personBefore reports whether the words before ms[i] (i > 0) modify a
// person.
func personBefore(ms []morph, i int) bool {
	p := ms[i-1]
	switch {
	case p.user:
		return false
	case posIs(p.pos, "動詞"), posIs(p.pos, "形容詞"), posIs(p.pos, "助動詞"):
		return true
	case isParticleNo(p):
		if i < 2 {
			return false
		}
		n := ms[i-2]
		if directions[n.surface] {
			return false
		}
		if n.user {
			return true
		}
		return !posIs(n.pos, "名詞", "代名詞") && !posIs(n.pos, "名詞", "副詞可能")
	}
	return false
}

// comparisonAfter reports whether ms[i] (方) starts 方がよい, 方がいい or
// 方が望ましい: "it is better to".
func comparisonAfter(ms []morph, i int) bool {
	if i+2 >= len(ms) || ms[i+1].surface != "が" {
		return false
	}
	n := ms[i+2]
	return posIs(n.pos, "形容詞") && slices.Contains([]string{"よい", "良い", "いい", "好い", "望ましい"}, n.base)
}

func isParticleNo(m morph) bool { return m.surface == "の" && posIs(m.pos, "助詞") }

// posIs reports whether pos begins with want (IPA: 名詞 非自立 一般 *).
func posIs(pos []string, want ...string) bool {
	return len(pos) >= len(want) && slices.Equal(pos[:len(want)], want)
}
