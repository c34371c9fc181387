package furigana

import (
	"github.com/ikawaha/kagome-dict/dict"
)

// entry is one reading the system dictionary lists for a surface.
type entry struct {
	pos     []string
	reading string // hiragana
}

// lexicon looks words up in the analyzer's system dictionary, outside of
// an analysis: the context rules use it to find the other readings of a
// word (公: こう besides おおやけ) and whether a compound is a word of its
// own (結び付け).
type lexicon struct{ d *dict.Dict }

// entries returns the dictionary's entries for surface, in dictionary
// order; nil when it has none.
func (l lexicon) entries(surface string) []entry {
	if l.d == nil {
		return nil
	}
	ri, ok := l.d.ContentsMeta[dict.ReadingIndex]
	if !ok {
		return nil
	}
	bi, hasBase := l.d.ContentsMeta[dict.BaseFormIndex]
	var out []entry
	for _, id := range l.d.Index.Search(surface) {
		if id < 0 || id >= len(l.d.POSTable.POSs) || id >= len(l.d.Contents) {
			continue
		}
		pos := make([]string, 0, 4)
		for _, p := range l.d.POSTable.POSs[id] {
			pos = append(pos, l.d.POSTable.NameList[p])
		}
		feat := append(pos[:len(pos):len(pos)], l.d.Contents[id]...)
		// Search may answer a key it does not hold; a surface that is its
		// own base form (nouns) or a reading of an inflected form proves
		// the hit.
		if hasBase && int(bi) < len(feat) && feat[bi] != surface && !posIs(pos, "動詞") && !posIs(pos, "形容詞") {
			continue
		}
		if int(ri) >= len(feat) {
			continue
		}
		r := toHiragana(feat[ri])
		if !isReading(r) {
			continue
		}
		out = append(out, entry{pos: pos, reading: r})
	}
	return out
}
