// Package furigana adds readings (furigana, ルビ) to Japanese text: it
// finds the reading of each word with the kagome morphological analyzer
// (IPA dictionary), lets a readings dictionary override the analyzer, splits
// each word's reading over its kanji runs so that okurigana stay outside
// the ruby, reads counters after Arabic numbers, and selects which runs
// get ruby for a Mode. It knows nothing of HTML or Markdown.
package furigana

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/plansite/plansite/internal/kanji"
)

// Token is a piece of annotated text. Concatenating the Text of the tokens
// Annotate returns gives back its input.
//
// A Token with a non-empty Reading is ruby: Reading (hiragana) is shown over
// Text. Text is then a run of kanji (支 in 支える, 人々), or an Arabic number
// with its counter when the two are read as one word that cannot be split
// (1人 ひとり, 3日 みっか, 4月1日's 1日 ついたち). A Token with an empty
// Reading is plain text.
type Token struct {
	Text    string
	Reading string
}

// Mode says which kanji runs get ruby. The zero Mode is "none": no ruby.
// All gives every kanji run ruby (総ルビ). Grade N (1–6) gives ruby only to
// runs with a kanji not taught by the end of school grade N (a kanji with
// kanji.Grade 0 or above N; 々 repeats the kanji before it and counts as
// taught). All wins over Grade.
type Mode struct {
	All   bool
	Grade int
}

// ParseMode parses a mode as written in site.yaml and front matter:
// "none", "all" or "grade:N" with N from 1 to 6.
func ParseMode(s string) (Mode, error) {
	switch s {
	case "none":
		return Mode{}, nil
	case "all":
		return Mode{All: true}, nil
	}
	if rest, ok := strings.CutPrefix(s, "grade:"); ok {
		n, err := strconv.Atoi(rest)
		if err == nil && n >= 1 && n <= 6 {
			return Mode{Grade: n}, nil
		}
		return Mode{}, fmt.Errorf("furigana mode %q: the grade must be a number from 1 to 6", s)
	}
	return Mode{}, fmt.Errorf("furigana mode %q: want none, all or grade:N (N = 1–6)", s)
}

// String returns the mode as ParseMode accepts it.
func (m Mode) String() string {
	switch {
	case m.All:
		return "all"
	case m.Grade > 0:
		return "grade:" + strconv.Itoa(m.Grade)
	}
	return "none"
}

// none reports whether m gives no ruby at all.
func (m Mode) none() bool { return !m.All && m.Grade <= 0 }

// Shows reports whether a ruby token of text keeps its reading under m.
func (m Mode) Shows(text string) bool { return m.wants(text) }

// wants reports whether a ruby token of text keeps its reading under m.
func (m Mode) wants(text string) bool {
	if m.All {
		return true
	}
	if m.Grade <= 0 {
		return false
	}
	for _, r := range text {
		if !kanji.Is(r) || kanji.IsIterationMark(r) {
			continue
		}
		if g := kanji.Grade(r); g == 0 || g > m.Grade {
			return true
		}
	}
	return false
}

// Dictionary maps words to their readings in hiragana (katakana is accepted
// and converted), as read from readings.yaml. Its words win over the
// analyzer: 小平 → こだいら. A word may contain kana (障がい → しょうがい); its
// reading is split over its kanji runs like any other.
type Dictionary map[string]string

// Format writes tokens for a terminal or a plain-text file:
//
//   - "text": ruby as 漢字(かんじ) — for `plansite ruby --format text`;
//   - "annotated": ruby as author ruby syntax {漢字|かんじ}, which
//     internal/ruby parses back;
//   - "plain": the text without readings.
func Format(tokens []Token, format string) (string, error) {
	var b strings.Builder
	for _, t := range tokens {
		switch {
		case t.Reading == "" || format == "plain":
			b.WriteString(t.Text)
		case format == "text":
			b.WriteString(t.Text + "(" + t.Reading + ")")
		case format == "annotated":
			b.WriteString("{" + t.Text + "|" + t.Reading + "}")
		default:
			return "", fmt.Errorf("furigana: unknown format %q (want text, annotated or plain)", format)
		}
	}
	if format != "text" && format != "annotated" && format != "plain" {
		return "", fmt.Errorf("furigana: unknown format %q (want text, annotated or plain)", format)
	}
	return b.String(), nil
}
