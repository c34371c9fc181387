package furigana

import (
	"strings"
	"testing"
)

// TestSentenceAccuracy scores whole sentences of plan prose and, inside
// them, the ruby words: a sentence is right only if every reading in it
// is. The floors are the measured figures (README.md) less one sentence.
func TestSentenceAccuracy(t *testing.T) {
	for _, set := range []struct {
		path string
		min  float64
	}{
		{"testdata/sentences.tsv", 0.95},         // measured 39/40
		{"testdata/heldout_sentences.tsv", 0.93}, // measured 29/30
	} {
		t.Run(set.path, func(t *testing.T) { sentenceAccuracy(t, set.path, set.min) })
	}
}

func sentenceAccuracy(t *testing.T, path string, min float64) {
	a := New(siteDict)
	cases := loadWords(t, path)
	okSentences, okWords, words := 0, 0, 0
	for _, c := range cases {
		got := normalize(a.Annotate(c.word, Mode{All: true}))
		if got == c.want {
			okSentences++
		} else {
			t.Logf("got  %s\nwant %s", got, c.want)
		}
		w, ok := rubyWordsRight(t, got, c.want)
		words += w
		okWords += ok
	}
	acc := float64(okSentences) / float64(len(cases))
	t.Logf("sentences: %d/%d right (%.1f%%); ruby words: %d/%d right (%.2f%%)",
		okSentences, len(cases), 100*acc, okWords, words, 100*float64(okWords)/float64(words))
	if acc < min {
		t.Errorf("sentence accuracy %.1f%% is below %.0f%%", 100*acc, 100*min)
	}
}

// rubyWordsRight counts the ruby groups of want and how many of them got
// has at the same place with the same reading.
func rubyWordsRight(t *testing.T, got, want string) (words, right int) {
	at := func(s string) map[int]Token {
		m := map[int]Token{}
		n := 0
		for _, tok := range parseAnnotated(t, s) {
			if tok.Reading != "" {
				m[n] = tok
			}
			n += len(tok.Text)
		}
		return m
	}
	g := at(got)
	for off, w := range at(want) {
		words++
		if g[off] == w {
			right++
		}
	}
	return words, right
}

// TestMunicipalities reads every name of municipalities.tsv inside a
// sentence and checks the reading of the data.
func TestMunicipalities(t *testing.T) {
	a := New(nil)
	wrong := 0
	for name, m := range municipalities {
		got := ""
		for _, tok := range a.Annotate("、"+name+"の計画", Mode{All: true}) {
			if strings.Contains(name, tok.Text) || tok.Reading == "" {
				got += tok.Reading
			}
		}
		// The kana of the name (日の出町) are not ruby: compare the kanji's.
		if want := kanjiReading(name, m.reading); got != want {
			wrong++
			if wrong <= 10 {
				t.Logf("%s: got %s, want %s", name, got, want)
			}
		}
	}
	t.Logf("municipality names: %d/%d read as the postal data reads them", len(municipalities)-wrong, len(municipalities))
	if wrong > len(municipalities)/100 {
		t.Errorf("%d of %d municipality names read wrong", wrong, len(municipalities))
	}
}

// kanjiReading is the part of reading that align puts over the kanji of
// name: the reading without the kana the name writes.
func kanjiReading(name, reading string) string {
	var b strings.Builder
	for _, tok := range align(name, reading) {
		b.WriteString(tok.Reading)
	}
	return b.String()
}
