package easyread

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// hardWordsTSV is the built-in hard-word list: word <TAB> suggestion per
// line, # comments.
//
//go:embed hardwords.tsv
var hardWordsTSV string

var (
	builtinOnce sync.Once
	builtin     map[string]string
)

// HardWords returns a copy of the built-in hard-word list: each hard word
// mapped to the plain word to suggest instead.
func HardWords() map[string]string {
	b := builtinWords()
	m := make(map[string]string, len(b))
	for k, v := range b {
		m[k] = v
	}
	return m
}

func builtinWords() map[string]string {
	builtinOnce.Do(func() { builtin = parseWordList(hardWordsTSV) })
	return builtin
}

// parseWordList reads "word<TAB>suggestion" lines; blank lines and lines
// starting with # are skipped, a line without a tab has no suggestion.
func parseWordList(s string) map[string]string {
	m := make(map[string]string)
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		word, sugg, _ := strings.Cut(l, "\t")
		if word = strings.Join(strings.Fields(word), ""); word != "" {
			m[word] = strings.TrimSpace(sugg)
		}
	}
	return m
}

// wordList finds hard words in a text, leftmost first and longest first.
type wordList struct {
	words map[string]string
	first map[rune][]string // words by first rune, longest first
}

// hardWordList merges the built-in list with a site's own entries (see
// Config.HardWords).
func hardWordList(site map[string]string) *wordList {
	w := &wordList{words: make(map[string]string), first: make(map[rune][]string)}
	for k, v := range builtinWords() {
		w.words[k] = v
	}
	for k, v := range site {
		k = strings.Join(strings.Fields(k), "")
		if k == "" || !utf8.ValidString(k) {
			continue
		}
		if strings.TrimSpace(v) == "-" {
			delete(w.words, k)
			continue
		}
		w.words[k] = strings.TrimSpace(v)
	}
	for k := range w.words {
		r, _ := utf8.DecodeRuneInString(k)
		w.first[r] = append(w.first[r], k)
	}
	for _, list := range w.first {
		sort.Slice(list, func(i, j int) bool {
			if len(list[i]) != len(list[j]) {
				return len(list[i]) > len(list[j])
			}
			return list[i] < list[j]
		})
	}
	return w
}

// has reports whether word is on the list.
func (w *wordList) has(word string) bool {
	_, ok := w.words[word]
	return ok
}

// find returns the hard words of a sentence in order. Words are matched
// on the text without whitespace, so 分かち書き does not hide them (推進
// します); a word found is skipped over, so the stem of a longer match is
// not reported again.
func (w *wordList) find(text []rune) []string {
	var cr []rune // text without whitespace
	var pos []int // index in text of each rune of cr
	for i, r := range text {
		if !unicode.IsSpace(r) {
			cr, pos = append(cr, r), append(pos, i)
		}
	}
	var out []string
	for i := 0; i < len(cr); {
		matched := 0
		for _, word := range w.first[cr[i]] {
			wr := []rune(word)
			if len(wr) <= len(cr)-i && string(cr[i:i+len(wr)]) == word && wholeWord(text, pos[i], pos[i+len(wr)-1]+1) {
				out = append(out, word)
				matched = len(wr)
				break
			}
		}
		i += max(matched, 1)
	}
	return out
}

// wholeWord reports whether text[i:j] may be taken as a word. Katakana and
// alphabet words have visible edges: マネジメント inside ケアマネジメント is
// not the word マネジメント (the katakana rule reports the long word). A
// word in hiragana (a hard word spelt in kana: すいしん) must not start or
// end inside a hiragana word: before it comes a space, a non-hiragana
// character or a particle, after it one of those or the start of する
// (すいしんします), so きょうか is not found in きょうかしょ. Words in kanji
// have no such edges and always match.
func wholeWord(text []rune, i, j int) bool {
	first, last := text[i], text[j-1]
	var before, after rune
	if i > 0 {
		before = text[i-1]
	}
	if j < len(text) {
		after = text[j]
	}
	if allHiragana(text[i:j]) {
		return (before == 0 || classOf(before, 0) != hiragana || strings.ContainsRune(particles, before)) &&
			(after == 0 || classOf(after, last) != hiragana || strings.ContainsRune(particles+"しすさせ", after))
	}
	if c := classOf(first, 0); (c == katakana || c == alphabet) && before != 0 && classOf(before, 0) == c {
		return false
	}
	if c := classOf(last, 0); (c == katakana || c == alphabet) && after != 0 && classOf(after, last) == c {
		return false
	}
	return true
}

// particles may stand right before or after a word spelt in hiragana.
const particles = "のをにがはでともやへかね"

func allHiragana(rs []rune) bool {
	for i, r := range rs {
		prev := rune(0)
		if i > 0 {
			prev = rs[i-1]
		}
		if classOf(r, prev) != hiragana {
			return false
		}
	}
	return true
}

// checkHardWords reports every word of the hard-word list with its plain
// replacement.
func checkHardWords(c *checker) []Finding {
	var out []Finding
	for _, s := range c.sentences {
		for _, word := range c.hard.find(s.text) {
			out = append(out, c.finding(s.line, RuleHardWord, Error,
				fmt.Sprintf("「%s」 is a hard word", word), c.hard.words[word]))
		}
	}
	return out
}
