package easyread

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
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

// find returns the hard words of s in order; a word found is skipped over,
// so the stem of a longer match is not reported again.
func (w *wordList) find(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		matched := ""
		for _, word := range w.first[r] {
			if strings.HasPrefix(s[i:], word) && wholeWord(s, i, i+len(word)) {
				matched = word
				break
			}
		}
		if matched == "" {
			i += size
			continue
		}
		out = append(out, matched)
		i += len(matched)
	}
	return out
}

// wholeWord reports whether s[i:j] may be taken as a word. Katakana and
// alphabet words have visible edges: マネジメント inside ケアマネジメント is
// not the word マネジメント (the katakana rule reports the long word).
// Words in kanji and hiragana have no such edges and always match.
func wholeWord(s string, i, j int) bool {
	first, _ := utf8.DecodeRuneInString(s[i:])
	last, _ := utf8.DecodeLastRuneInString(s[:j])
	if c := classOf(first, 0); c == katakana || c == alphabet {
		if before, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && classOf(before, 0) == c {
			return false
		}
	}
	if c := classOf(last, 0); c == katakana || c == alphabet {
		if after, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && classOf(after, last) == c {
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
		for _, word := range c.hard.find(s.compact()) {
			out = append(out, c.finding(s.line, RuleHardWord, Error,
				fmt.Sprintf("「%s」 is a hard word", word), c.hard.words[word]))
		}
	}
	return out
}
