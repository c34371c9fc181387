package furigana

import (
	_ "embed"
	"strings"
)

//go:embed placesuffixes.tsv
var placeSuffixData string

// placeSuffixes are the words that follow a place name (町, 駅, 丁目), with
// whether they belong to the name an editor confirms (町: まち or ちょう)
// or only mark the word before them as a place (駅).
var placeSuffixes = parsePlaceSuffixes(placeSuffixData)

func parsePlaceSuffixes(data string) map[string]bool {
	out := map[string]bool{}
	for n, line := range dataLines(data) {
		w, how, ok := strings.Cut(line, "\t")
		if !ok || (how != "name" && how != "before") {
			panic("furigana: placesuffixes.tsv:" + itoa(n) + ": want word<TAB>name|before")
		}
		out[w] = how == "name"
	}
	return out
}

// NoteKind says why a Note asks an editor to look at a word.
type NoteKind int

const (
	// NoteUnknown is a kanji word the analyzer has no dictionary entry
	// for; Annotate gives it no ruby (the words Unknown returns).
	NoteUnknown NoteKind = iota
	// NotePlace is a place name the readings dictionary does not list:
	// the analyzer's guess for 町 (まち or ちょう), 橋 and names is often
	// wrong, and a municipality's reading may not be that of a district
	// of the same name (小川町: the town おがわまち, a district おがわちょう).
	NotePlace
	// NoteSplit is a kanji compound the analyzer does not know and read
	// kanji by kanji; Annotate reads it with on readings (公助 こうじょ)
	// where the dictionary has them.
	NoteSplit
)

// Note is a word of a text whose reading an editor should confirm once in
// the readings dictionary (readings.yaml).
type Note struct {
	Kind    NoteKind
	Word    string
	Reading string // the reading Annotate gives the word; "" for NoteUnknown
	// Municipal says that Reading comes from the municipality list
	// (Japan Post's data), not from the analyzer.
	Municipal bool
}

// Notes returns the words of text an editor should confirm, each once, in
// order of first appearance: the words Unknown reports, place names (the
// analyzer's proper nouns of place, and kanji words before a place suffix
// of placesuffixes.tsv such as 町, 駅, 丁目, 橋) that neither the
// readings dictionary nor the municipality list covers, and compounds the
// analyzer split into single kanji. It analyses text once.
func (a *Annotator) Notes(text string) []Note {
	if !hasKanji(text) {
		return nil
	}
	ms := a.analyze(text)
	var out []Note
	seen := map[Note]bool{}
	add := func(n Note) {
		if n.Word != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, w := range unknownWords(ms) {
		add(Note{Kind: NoteUnknown, Word: w})
	}
	for i := 0; i < len(ms); i++ {
		if ms[i].place {
			j := i
			for j < len(ms) && ms[j].place {
				j++
			}
			add(Note{Kind: NotePlace, Word: joinSurfaces(ms[i:j]), Reading: joinReadings(ms[i:j]), Municipal: true})
			i = j - 1
			continue
		}
		if lo, hi, ok := placeAt(ms, i); ok {
			add(Note{Kind: NotePlace, Word: joinSurfaces(ms[lo:hi]), Reading: joinReadings(ms[lo:hi])})
			i = hi - 1
			continue
		}
		if ms[i].split {
			j := i
			for j < len(ms) && ms[j].split {
				j++
			}
			add(Note{Kind: NoteSplit, Word: joinSurfaces(ms[i:j]), Reading: joinReadings(ms[i:j])})
			i = j - 1
		}
	}
	return out
}

// placeAt reports whether a place name to confirm starts at ms[i] and the
// morphs it covers.
func placeAt(ms []morph, i int) (lo, hi int, ok bool) {
	if !isNameMorph(ms[i]) {
		return 0, 0, false
	}
	hi = i + 1
	for hi < len(ms) && isNameMorph(ms[hi]) && !isPlaceSuffix(ms, hi) {
		hi++
	}
	named := posIs(ms[i].pos, "名詞", "固有名詞", "地域") && !posIs(ms[i].pos, "名詞", "固有名詞", "地域", "国") &&
		!(hi < len(ms) && posIs(ms[hi].pos, "名詞", "接尾", "地域") && strings.Contains("都道府県", ms[hi].surface))
	end := hi
	for end < len(ms) && posIs(ms[end].pos, "名詞", "数") {
		end++ // 本町 二 丁目
	}
	if end < len(ms) && isPlaceSuffix(ms, end) {
		if placeSuffixes[ms[end].surface] && end == hi {
			hi++
		}
		return i, hi, true
	}
	return i, hi, named
}

// isNameMorph reports whether m may be part of a place name: a noun in
// kanji the analyzer read, not from a list, not a number, pronoun or
// suffix.
func isNameMorph(m morph) bool {
	return !m.fixed() && !m.unknown && m.reading != "" && posIs(m.pos, "名詞") && !posIs(m.pos, "名詞", "数") &&
		!posIs(m.pos, "名詞", "代名詞") && !posIs(m.pos, "名詞", "接尾") && onlyKanji(m.surface)
}

// isPlaceSuffix reports whether ms[i] is a place suffix after a name.
func isPlaceSuffix(ms []morph, i int) bool {
	_, ok := placeSuffixes[ms[i].surface]
	return ok && i > 0 && !ms[i].fixed()
}

func onlyKanji(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !hasKanji(string(r)) })
}

func joinSurfaces(ms []morph) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.surface)
	}
	return b.String()
}

func joinReadings(ms []morph) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.reading)
	}
	return b.String()
}
