package easyread

import (
	"fmt"
	"strings"
)

// checker is the state shared by the rules while one text is checked.
type checker struct {
	file      string
	cfg       Config // with defaults applied
	sentences []sentence
	hard      *wordList
}

// rule is one check over all sentences of a text.
type rule struct {
	name  string
	check func(c *checker) []Finding
}

// rules lists every rule; the order does not matter, findings are sorted.
var rules = []rule{
	{RuleSentenceLength, checkSentenceLength},
	{RuleKanjiRun, checkKanjiRun},
	{RuleKanjiGrade, checkKanjiGrade},
	{RuleCommas, checkCommas},
	{RuleKanjiRatio, checkKanjiRatio},
	{RuleHardWord, checkHardWords},
	{RuleDoubleNegative, checkDoubleNegative},
	{RuleKatakana, checkKatakana},
	{RulePolitePassive, checkPolitePassive},
}

// RuleNames returns the names of all rules in alphabetical order.
func RuleNames() []string {
	return []string{RuleCommas, RuleDoubleNegative, RuleHardWord, RuleKanjiGrade,
		RuleKanjiRatio, RuleKanjiRun, RuleKatakana, RulePolitePassive, RuleSentenceLength}
}

// Check checks one easy text. file names the source in the findings and
// startLine is the line of file on which text starts (use it when front
// matter was cut off; values below 1 mean 1). text is Markdown with author
// ruby; YAML front matter at its top is skipped. Zero fields of cfg take
// their defaults. Check never panics.
func Check(file string, startLine int, text string, cfg Config) (rep Report) {
	rep.File = file
	defer func() {
		// The rules are written not to panic; this is the last line of
		// defence so that a bug in a rule cannot stop a build.
		if v := recover(); v != nil {
			rep.Findings = append(rep.Findings, Finding{File: file, Line: max(startLine, 1),
				Rule: "internal", Severity: Warning,
				Message: fmt.Sprintf("the easy-read checker failed on this text: %v", v)})
		}
	}()
	if startLine < 1 {
		startLine = 1
	}
	c := &checker{
		file:      file,
		cfg:       cfg.withDefaults(),
		sentences: sentences(text, startLine),
	}
	c.hard = hardWordList(c.cfg.HardWords)
	for _, r := range rules {
		rep.Findings = append(rep.Findings, r.check(c)...)
	}
	sortFindings(rep.Findings)
	rep.Sentences = len(c.sentences)
	rep.Score = readability(c.sentences).Score
	return rep
}

// finding returns a finding of rule at line.
func (c *checker) finding(line int, rule string, sev Severity, msg, suggestion string) Finding {
	return Finding{File: c.file, Line: line, Rule: rule, Severity: sev, Message: msg, Suggestion: suggestion}
}

// excerptLen is how many characters of a sentence a message quotes.
const excerptLen = 12

// excerpt quotes the start of a sentence so that the author finds it on its
// line: 「わたしたちは まちの…」.
func excerpt(s []rune) string {
	t := strings.TrimSpace(string(s))
	rs := []rune(t)
	if len(rs) > excerptLen {
		return "「" + string(rs[:excerptLen]) + "…」"
	}
	return "「" + t + "」"
}
