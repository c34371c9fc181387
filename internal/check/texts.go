package check

import (
	"strings"

	"github.com/plansite/plansite/internal/plan"
)

// Text is a piece of author text with where it comes from.
type Text struct {
	File string
	Line int
	Text string
}

const siteFile = plan.ContentDir + "/site.yaml"

// EasyTexts returns every easy-read text of the plan, in a fixed order.
func EasyTexts(s *plan.Site) []Text {
	var out []Text
	if s.Easy != nil {
		out = append(out, lines(siteFile, s.Easy.Philosophy)...)
		out = append(out, lines(siteFile, s.Easy.Policies)...)
	}
	for _, c := range s.Chapters {
		if c.Easy != nil {
			out = append(out, Text{c.Easy.File, 1, string(c.Easy.Body)})
		}
	}
	for _, p := range s.Pillars {
		out = append(out, easy(p.File, p.Line, p.Easy)...)
		for _, d := range p.Directions {
			out = append(out, easy(p.File, d.Line, d.Easy)...)
		}
		for _, m := range p.AllMeasures() {
			out = append(out, easy(m.File, m.Line, m.Easy)...)
		}
	}
	for _, t := range s.Glossary {
		if t.Easy != "" {
			out = append(out, Text{plan.ContentDir + "/glossary.yaml", t.Line, t.Easy})
		}
	}
	return out
}

func easy(file string, line int, e *plan.EasyText) []Text {
	if e == nil {
		return nil
	}
	var out []Text
	for _, s := range []string{e.Title, e.Body()} {
		if strings.TrimSpace(s) != "" {
			out = append(out, Text{file, line, s})
		}
	}
	return out
}

func lines(file string, ls []string) []Text {
	out := make([]Text, 0, len(ls))
	for _, l := range ls {
		out = append(out, Text{file, 1, l})
	}
	return out
}

// AllTexts returns every text of the plan that is shown to readers, easy
// texts included.
func AllTexts(s *plan.Site) []Text {
	out := []Text{{siteFile, 1, s.Title}}
	out = append(out, lines(siteFile, s.Philosophy)...)
	out = append(out, lines(siteFile, s.Policies)...)
	for _, c := range s.Chapters {
		out = append(out, Text{c.File, c.BodyLine, body(c.Body, c.BodyLine)})
	}
	for _, p := range s.Pillars {
		out = append(out, Text{p.File, p.Line, p.Title}, Text{p.File, p.Line, p.Summary})
		for _, d := range p.Directions {
			out = append(out, Text{p.File, d.Line, d.Title})
		}
		for _, m := range p.AllMeasures() {
			out = append(out, Text{m.File, m.Line, m.Title}, Text{m.File, m.Line, m.Description})
		}
	}
	return append(out, EasyTexts(s)...)
}

// body drops the front matter lines of a chapter.
func body(src []byte, bodyLine int) string {
	ls := strings.SplitN(string(src), "\n", bodyLine)
	return ls[len(ls)-1]
}
