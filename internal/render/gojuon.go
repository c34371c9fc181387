package render

import (
	"html/template"
	"sort"
	"strings"

	"github.com/plansite/plansite/internal/kanji"
	"github.com/plansite/plansite/internal/plan"
)

// glossaryBody is the glossary in 五十音順, in groups by the kana row of
// each term's reading (あ か さ た な は ま や ら わ, then the rest), with
// an index of the rows.
type glossaryBody struct {
	Index  []kanaIndexEntry
	Groups []termGroup
}

// kanaIndexEntry is one row of the index; rows without terms have no ID.
type kanaIndexEntry struct {
	Label template.HTML
	ID    string
}

type termGroup struct {
	ID    string
	Label template.HTML
	Terms []termView
}

// kanaRows are the first kana of the rows of the 五十音 table; a reading
// belongs to the last row whose first kana sorts at or before it.
var kanaRows = []string{"あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"}

// otherRow is the group of readings that start with no kana (英数字).
const otherRow = "その他"

// add puts a term into the group of its row, building the index of every
// row on the first call.
func (g *glossaryBody) add(t *text, row string, tv termView) {
	if g.Index == nil {
		for _, r := range append(kanaRows, otherRow) {
			g.Index = append(g.Index, kanaIndexEntry{Label: t.label(r)})
		}
	}
	if n := len(g.Groups); n == 0 || g.Groups[n-1].ID != rowID(row) {
		g.Groups = append(g.Groups, termGroup{ID: rowID(row), Label: t.label(row)})
		for i, r := range append(kanaRows, otherRow) {
			if r == row {
				g.Index[i].ID = rowID(row)
			}
		}
	}
	last := &g.Groups[len(g.Groups)-1]
	last.Terms = append(last.Terms, tv)
}

// rowID is the ASCII anchor of a row: kana-a, kana-ka … kana-other.
func rowID(row string) string {
	for i, r := range kanaRows {
		if r == row {
			return "kana-" + kanaRowNames[i]
		}
	}
	return "kana-other"
}

var kanaRowNames = []string{"a", "ka", "sa", "ta", "na", "ha", "ma", "ya", "ra", "wa"}

// gojuonOrder sorts glossary terms in 五十音順 by their readings (a term
// without a reading by itself), readings without kana last.
func gojuonOrder(terms []*plan.Term) []*plan.Term {
	out := append([]*plan.Term(nil), terms...)
	sort.SliceStable(out, func(i, j int) bool {
		ki, kj := sortKey(out[i]), sortKey(out[j])
		oi, oj := kanaRow(ki) == otherRow, kanaRow(kj) == otherRow
		if oi != oj {
			return oj
		}
		return ki < kj
	})
	return out
}

// sortKey is a term's reading in hiragana (katakana folded), the key of
// 五十音順.
func sortKey(t *plan.Term) string {
	s := t.Reading
	if s == "" {
		s = t.Term
	}
	return strings.Map(func(r rune) rune {
		if r >= 'ァ' && r <= 'ヶ' {
			return r - 'ァ' + 'ぁ'
		}
		return r
	}, s)
}

// kanaRow is the row of the 五十音 table a hiragana key starts in.
func kanaRow(key string) string {
	first := []rune(key + " ")[0]
	if first < 'ぁ' || first > 'ゖ' {
		return otherRow
	}
	row := kanaRows[0]
	for _, r := range kanaRows {
		if string(first) >= r || (r == "や" && first == 'ゃ') || (r == "わ" && first == 'ゎ') {
			row = r
		}
	}
	return row
}

// hasKanji reports whether s holds a kanji.
func hasKanji(s string) bool {
	for _, r := range s {
		if kanji.Is(r) {
			return true
		}
	}
	return false
}
