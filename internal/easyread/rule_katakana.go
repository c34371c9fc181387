package easyread

import "fmt"

// checkKatakana reports katakana words longer than MaxKatakana characters.
// A word on the hard-word list is left to the hard-word rule, which has a
// better suggestion.
func checkKatakana(c *checker) []Finding {
	max := c.cfg.MaxKatakana
	if max < 0 {
		return nil
	}
	var out []Finding
	for _, s := range c.sentences {
		for _, r := range runs(s.text) {
			if r.class != katakana || len(r.text) <= max || c.hard.has(string(r.text)) {
				continue
			}
			out = append(out, c.finding(s.line, RuleKatakana, Warning,
				fmt.Sprintf("katakana word 「%s」 has %d characters (max %d)", string(r.text), len(r.text), max),
				"use a Japanese word, or explain the word"))
		}
	}
	return out
}
