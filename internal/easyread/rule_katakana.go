package easyread

import "fmt"

// checkKatakana reports katakana words longer than MaxKatakana characters,
// each once per text, where it first appears (where it should be
// explained). A word on the hard-word list is left to the hard-word rule,
// which has a better suggestion.
func checkKatakana(c *checker) []Finding {
	max := c.cfg.MaxKatakana
	if max < 0 {
		return nil
	}
	var out []Finding
	seen := map[string]bool{}
	for _, s := range c.sentences {
		for _, r := range runs(s.text) {
			w := string(r.text)
			if r.class != katakana || len(r.text) <= max || c.hard.has(w) || seen[w] {
				continue
			}
			seen[w] = true
			out = append(out, c.finding(s.line, RuleKatakana, Warning,
				fmt.Sprintf("katakana word 「%s」 has %d characters (max %d)", string(r.text), len(r.text), max),
				"use a Japanese word, or explain the word"))
		}
	}
	return out
}
