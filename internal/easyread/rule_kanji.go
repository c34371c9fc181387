package easyread

import (
	"fmt"
	"math"
	"strings"

	"github.com/plansite/plansite/internal/kanji"
)

// checkKanjiRun reports runs of KanjiRunMin or more kanji in a row. Spaces
// do not end a run: 地域 自立 支援 協議会 is still one long kanji word.
func checkKanjiRun(c *checker) []Finding {
	min := c.cfg.KanjiRunMin
	if min < 0 {
		return nil
	}
	var out []Finding
	for _, s := range c.sentences {
		for _, r := range runs(s.flat) {
			if r.class != kanjiClass || len(r.text) < min {
				continue
			}
			out = append(out, c.finding(s.line, RuleKanjiRun, Warning,
				fmt.Sprintf("「%s」 is %d kanji in a row (max %d)", string(r.text), len(r.text), min-1),
				"split the word or write part of it in hiragana"))
		}
	}
	return out
}

// checkKanjiGrade reports, once per line, the kanji taught after school
// grade Grade or not at primary school (grade 0 of the kanji package).
func checkKanjiGrade(c *checker) []Finding {
	limit := c.cfg.Grade
	if limit < 0 {
		return nil
	}
	var out []Finding
	for i := 0; i < len(c.sentences); {
		line := c.sentences[i].line
		var list []string
		seen := map[rune]bool{}
		for ; i < len(c.sentences) && c.sentences[i].line == line; i++ {
			for _, r := range c.sentences[i].text {
				if seen[r] || !kanji.Is(r) || strings.ContainsRune("々〆〇", r) {
					continue
				}
				seen[r] = true
				g := kanji.Grade(r)
				switch {
				case g == 0:
					list = append(list, string(r)+"(中学以上)")
				case g > limit:
					list = append(list, fmt.Sprintf("%c(%d年)", r, g))
				}
			}
		}
		if len(list) > 0 {
			out = append(out, c.finding(line, RuleKanjiGrade, Warning,
				fmt.Sprintf("kanji above grade %d: %s", limit, strings.Join(list, " ")),
				"they get furigana, but use them rarely; write the word in hiragana or use an easier word"))
		}
	}
	return out
}

// checkKanjiRatio reports sentences of at least MinRatioLength characters
// whose share of kanji is above MaxKanjiRatio.
func checkKanjiRatio(c *checker) []Finding {
	max := c.cfg.MaxKanjiRatio
	if max < 0 || math.IsNaN(max) {
		return nil
	}
	var out []Finding
	for _, s := range c.sentences {
		n := s.length()
		if n < MinRatioLength {
			continue
		}
		k := 0
		for _, r := range s.text {
			if isKanji(r) {
				k++
			}
		}
		ratio := float64(k) / float64(n)
		if ratio <= max {
			continue
		}
		out = append(out, c.finding(s.line, RuleKanjiRatio, Warning,
			fmt.Sprintf("sentence %s is %.0f%% kanji (%d of %d characters; max %.0f%%)",
				excerpt(s.text), 100*ratio, k, n, 100*max),
			"write some words in hiragana"))
	}
	return out
}
