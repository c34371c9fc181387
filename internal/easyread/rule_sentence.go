package easyread

import (
	"fmt"
	"strings"
)

// checkSentenceLength reports sentences longer than MaxSentence characters:
// a warning, or an error above twice the limit.
func checkSentenceLength(c *checker) []Finding {
	max := c.cfg.MaxSentence
	if max < 0 {
		return nil
	}
	var out []Finding
	for _, s := range c.sentences {
		n := s.length()
		if n <= max {
			continue
		}
		sev := Warning
		if n > 2*max {
			sev = Error
		}
		out = append(out, c.finding(s.line, RuleSentenceLength, sev,
			fmt.Sprintf("sentence %s has %d characters (max %d)", excerpt(s.text), n, max),
			"split it into shorter sentences"))
	}
	return out
}

// checkCommas reports sentences with more than MaxCommas 、.
func checkCommas(c *checker) []Finding {
	max := c.cfg.MaxCommas
	if max < 0 {
		return nil
	}
	var out []Finding
	for _, s := range c.sentences {
		n := commas(string(s.text))
		if n <= max {
			continue
		}
		out = append(out, c.finding(s.line, RuleCommas, Warning,
			fmt.Sprintf("sentence %s has %d 、 (max %d)", excerpt(s.text), n, max),
			"split it into shorter sentences"))
	}
	return out
}

// commas counts the Japanese commas 、 and ， in s.
func commas(s string) int {
	return strings.Count(s, "、") + strings.Count(s, "，") + strings.Count(s, "､")
}
