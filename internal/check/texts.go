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
// Each Text's Line is the source line where its text starts.
func EasyTexts(s *plan.Site) []Text {
	var out []Text
	if s.Easy != nil {
		if s.Easy.Title != "" {
			out = append(out, Text{siteFile, s.Easy.Lines.At("title", 1), s.Easy.Title})
		}
		out = append(out, lines(siteFile, s.Easy.Philosophy, s.Easy.PhilosophyLines)...)
		out = append(out, lines(siteFile, s.Easy.Policies, s.Easy.PoliciesLines)...)
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
			out = append(out, easyTargets(m)...)
			out = append(out, easyProgress(m)...)
		}
	}
	for _, t := range s.Glossary {
		if t.Easy != "" {
			out = append(out, Text{plan.ContentDir + "/glossary.yaml", t.Lines.At("easy", t.Line), t.Easy})
		}
	}
	return out
}

// easy returns the title and body of e; line is where e's owner starts,
// for texts whose own line is unknown.
func easy(file string, line int, e *plan.EasyText) []Text {
	if e == nil {
		return nil
	}
	var out []Text
	for _, t := range []Text{
		{file, e.Lines.At("title", line), e.Title},
		{file, e.BodyLine(line), e.Body()},
	} {
		if strings.TrimSpace(t.Text) != "" {
			out = append(out, t)
		}
	}
	return out
}

// lines returns one Text per list item; at holds the items' lines.
func lines(file string, ls []string, at []int) []Text {
	out := make([]Text, 0, len(ls))
	for i, l := range ls {
		line := 1
		if i < len(at) {
			line = at[i]
		}
		out = append(out, Text{file, line, l})
	}
	return out
}

// AllTexts returns every text of the plan that is shown to readers, easy
// texts included.
func AllTexts(s *plan.Site) []Text {
	out := []Text{{siteFile, s.Lines.At("title", 1), s.Title}}
	out = append(out, lines(siteFile, s.Philosophy, s.PhilosophyLines)...)
	out = append(out, lines(siteFile, s.Policies, s.PoliciesLines)...)
	for _, c := range s.Chapters {
		out = append(out, Text{c.File, c.BodyLine, body(c.Body, c.BodyLine)})
	}
	for _, p := range s.Pillars {
		out = append(out, Text{p.File, p.Lines.At("title", p.Line), p.Title}, Text{p.File, p.Lines.At("summary", p.Line), p.Summary})
		for _, d := range p.Directions {
			out = append(out, Text{p.File, d.Lines.At("title", d.Line), d.Title})
		}
		for _, m := range p.AllMeasures() {
			out = append(out, Text{m.File, m.Lines.At("title", m.Line), m.Title}, Text{m.File, m.Lines.At("description", m.Line), m.Description})
			for _, p := range m.Progress {
				if p.Evaluation != "" {
					out = append(out, Text{m.File, p.Lines.At("evaluation", p.Line), p.Evaluation})
				}
			}
		}
	}
	return append(out, EasyTexts(s)...)
}

// body drops the front matter lines of a chapter.
func body(src []byte, bodyLine int) string {
	ls := strings.SplitN(string(src), "\n", bodyLine)
	return ls[len(ls)-1]
}

// easyTargets returns the easy wording of a measure's target indicators.
func easyTargets(m *plan.Measure) []Text {
	var out []Text
	for _, t := range m.Targets {
		if t.Easy != "" {
			out = append(out, Text{m.File, t.Lines.At("easy", t.Line), t.Easy})
		}
	}
	return out
}

// easyProgress returns the easy evaluations of a measure's yearly progress.
func easyProgress(m *plan.Measure) []Text {
	var out []Text
	for _, p := range m.Progress {
		if p.Easy != "" {
			out = append(out, Text{m.File, p.Lines.At("easy", p.Line), p.Easy})
		}
	}
	return out
}
