package easyread

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says how bad a finding is.
type Severity int

const (
	// Warning is a finding the author should look at; it does not fail a build.
	Warning Severity = iota
	// Error is a finding that breaks the easy-read rules outright.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Rule names, as printed in findings.
const (
	RuleSentenceLength = "sentence-length"
	RuleKanjiRun       = "kanji-run"
	RuleKanjiGrade     = "kanji-grade"
	RuleCommas         = "commas"
	RuleKanjiRatio     = "kanji-ratio"
	RuleHardWord       = "hard-word"
	RuleDoubleNegative = "double-negative"
	RuleKatakana       = "katakana"
	RulePolitePassive  = "polite-passive"
)

// Finding is one place in an easy text that breaks a rule.
type Finding struct {
	File       string   // path of the source file, as given to Check
	Line       int      // 1-based line in File
	Rule       string   // rule name, one of the Rule constants
	Severity   Severity // Warning or Error
	Message    string   // what is wrong
	Suggestion string   // what to write instead; may be empty
}

// String formats the finding as "file:line: rule: message (→ suggestion)";
// the part in parentheses is left out when there is no suggestion.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
	}
	b.WriteString(": ")
	b.WriteString(f.Rule)
	b.WriteString(": ")
	b.WriteString(f.Message)
	if f.Suggestion != "" {
		b.WriteString(" (→ ")
		b.WriteString(f.Suggestion)
		b.WriteString(")")
	}
	return b.String()
}

// Report is the result of checking one easy text.
type Report struct {
	File      string    // path of the source file, as given to Check
	Findings  []Finding // sorted by line, then rule
	Score     float64   // readability RS of the page (see Readability); 0 when there is no text
	Sentences int       // number of sentences found
}

// Errors returns the number of findings with severity Error.
func (r Report) Errors() int { return r.count(Error) }

// Warnings returns the number of findings with severity Warning.
func (r Report) Warnings() int { return r.count(Warning) }

func (r Report) count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// String formats the report: one finding per line, each prefixed with its
// severity, then a summary line with the sentence count, the readability
// score and the counts of errors and warnings.
func (r Report) String() string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(f.Severity.String())
		b.WriteString(": ")
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%s: %d sentences, readability %.1f, %d errors, %d warnings\n",
		r.File, r.Sentences, r.Score, r.Errors(), r.Warnings())
	return b.String()
}

// Errors returns the findings of severity Error of all reports, in report
// order.
func Errors(reports []Report) []Finding {
	return filter(reports, Error)
}

// Warnings returns the findings of severity Warning of all reports, in
// report order.
func Warnings(reports []Report) []Finding {
	return filter(reports, Warning)
}

func filter(reports []Report, s Severity) []Finding {
	var out []Finding
	for _, r := range reports {
		for _, f := range r.Findings {
			if f.Severity == s {
				out = append(out, f)
			}
		}
	}
	return out
}

// Counts returns the number of findings per rule name over all reports.
func Counts(reports []Report) map[string]int {
	m := make(map[string]int)
	for _, r := range reports {
		for _, f := range r.Findings {
			m[f.Rule]++
		}
	}
	return m
}

// sortFindings orders findings by line, then rule; findings of one rule on
// one line keep the order in which the rule produced them.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		return fs[i].Rule < fs[j].Rule
	})
}
