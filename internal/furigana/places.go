package furigana

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/kanji"
)

//go:generate sh -c "go run ./internal/genmunicipalities > municipalities.tsv"

//go:embed municipalities.tsv
var municipalitiesData string

// municipality is a city, ward, town or village name split into its stem
// and its suffix (市 区 町 村) with their readings (瑞穂 みずほ + 町 まち).
type municipality struct {
	reading       string // of the whole name
	stem          string
	stemReading   string // "" when the reading does not end in the suffix's
	suffixReading string
}

// municipalities are the names of municipalities.tsv (Japan Post's postal
// data) by name.
var municipalities, municipalityLen = mustParseMunicipalities(municipalitiesData)

// suffixReadings are the readings a municipality's suffix may have.
var suffixReadings = map[string][]string{"市": {"し"}, "区": {"く"}, "町": {"まち", "ちょう"}, "村": {"むら", "そん"}}

func mustParseMunicipalities(data string) (map[string]municipality, int) {
	out := map[string]municipality{}
	longest := 0
	for n, line := range dataLines(data) {
		name, reading, ok := strings.Cut(line, "\t")
		if !ok || !hasKanji(name) || !isReading(reading) {
			panic("furigana: municipalities.tsv:" + itoa(n) + ": want name<TAB>kana reading")
		}
		last, size := utf8.DecodeLastRuneInString(name)
		m := municipality{reading: reading, stem: name[:len(name)-size]}
		for _, sr := range suffixReadings[string(last)] {
			if head, ok := strings.CutSuffix(reading, sr); ok && head != "" && m.stem != "" {
				m.stemReading, m.suffixReading = head, sr
			}
		}
		out[name] = m
		longest = max(longest, runeLen(name))
	}
	return out, longest
}

// readPlaces reads the names of municipalities as municipalities.tsv
// does, so that 国立市 is くにたちし and 瑞穂町 みずほまち whatever the
// analyzer makes of them. A name matches when it covers whole morphs:
// the name itself (瑞穂 + 町), or a city's or ward's stem before a word
// that begins with 市 or 区 (国立 + 市民, 小平 + 市役所). The stem becomes
// one morph; the suffix keeps its own. A name right after another kanji
// is not a name (村山市 inside 東村山市), unless that kanji ends a
// prefecture, county or city (東京都小平市, 横浜市中区); a name that starts
// with kana (むかわ町) must not follow kana either. Morphs from the
// readings dictionary are never touched.
func readPlaces(ms []morph) []morph {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		n, full, ok := matchPlace(ms, i)
		if !ok {
			out = append(out, ms[i])
			continue
		}
		out = append(out, placeMorphs(ms[i:i+n], full)...)
		i += n - 1
	}
	return out
}

// matchPlace finds the longest municipality name starting at ms[i]: it
// covers n morphs, full says whether they hold the whole name or only
// the stem of a city or ward.
func matchPlace(ms []morph, i int) (n int, full string, ok bool) {
	if !placeMayStart(ms, i) {
		return 0, "", false
	}
	var buf [64]byte
	key := buf[:0]
	for j := i; j < len(ms) && !ms[j].fixed() && hasKanjiOrKana(ms[j].surface); j++ {
		key = append(key, ms[j].surface...)
		if utf8.RuneCount(key) > municipalityLen {
			break
		}
		if _, hit := municipalities[string(key)]; hit {
			n, full, ok = j-i+1, string(key), true
			continue
		}
		if j+1 < len(ms) && !ms[j+1].fixed() {
			c, size := utf8.DecodeRuneInString(ms[j+1].surface)
			if c != '市' && c != '区' {
				continue
			}
			withSuffix := append(key, ms[j+1].surface[:size]...)
			if m, hit := municipalities[string(withSuffix)]; hit && m.stemReading != "" {
				n, full, ok = j-i+1, string(withSuffix), true
			}
		}
	}
	return n, full, ok
}

// placeMayStart reports whether a municipality name may start at ms[i].
func placeMayStart(ms []morph, i int) bool {
	if ms[i].fixed() || !hasKanjiOrKana(ms[i].surface) {
		return false
	}
	if i == 0 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(ms[i-1].surface)
	if !hasKanji(ms[i].surface) && isKana(last) {
		return false // むかわ町 does not start inside a kana word
	}
	return !kanji.Is(last) || strings.ContainsRune("都道府県郡市", last)
}

// placeMorphs returns the morphs of a matched name: the stem as one morph
// and the suffix as another when the morphs split there, else one morph.
func placeMorphs(ms []morph, name string) []morph {
	m := municipalities[name]
	var s strings.Builder
	for _, x := range ms {
		s.WriteString(x.surface)
	}
	text := s.String()
	pos := []string{"名詞", "固有名詞", "地域", "一般"}
	switch {
	case text == m.stem:
		return []morph{{surface: text, reading: m.stemReading, place: true, pos: pos}}
	case len(ms) > 1 && ms[len(ms)-1].surface == name[len(m.stem):] && m.stemReading != "":
		suffix := ms[len(ms)-1]
		suffix.reading, suffix.place = m.suffixReading, true
		return []morph{{surface: m.stem, reading: m.stemReading, place: true, pos: pos}, suffix}
	}
	return []morph{{surface: text, reading: m.reading, place: true, pos: pos}}
}

func hasKanjiOrKana(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return kanji.Is(r) || isKana(r) })
}
