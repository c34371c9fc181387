package plan

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/wareki"
)

// Progress is one fiscal year of a measure's yearly check (進捗状況の点検・
// 評価): its status, the evaluation text and the values its targets'
// indicators reached that year.
type Progress struct {
	FY         int    `yaml:"fy"`
	Status     string `yaml:"status"`
	Evaluation string `yaml:"evaluation"` // 評価, Markdown
	Easy       string `yaml:"easy"`       // the evaluation in easy words
	// Values holds the value of each target, keyed by its indicator.
	Values map[string]float64 `yaml:"values"`
	// Value is the value of the measure's only target (a shorthand for Values).
	Value *float64 `yaml:"value"`

	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
}

// UnmarshalYAML decodes a progress entry and records its lines.
func (p *Progress) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Progress
	p.Line, p.Lines, err = decodeKeyed(n, (*raw)(p))
	return err
}

// ProgressStatus is one status a yearly check may give a measure, with its
// wording for the わかりやすい版.
type ProgressStatus struct {
	Name string `yaml:"name"`
	Easy string `yaml:"easy"`
}

// DefaultStatuses are the statuses of a site that lists none.
var DefaultStatuses = []ProgressStatus{
	{"完了", "おわった"},
	{"実施", "やった"},
	{"一部実施", "すこし やった"},
	{"未実施", "まだ やっていない"},
}

// Statuses returns the site's progress statuses, in order.
func (s *Site) Statuses() []ProgressStatus {
	if len(s.ProgressStatuses) > 0 {
		return s.ProgressStatuses
	}
	return DefaultStatuses
}

// Latest returns the progress of the latest fiscal year, or nil.
func (m *Measure) Latest() *Progress {
	if len(m.Progress) == 0 {
		return nil
	}
	return m.Progress[len(m.Progress)-1]
}

// ValueOf returns the value progress p gives target t of measure m.
func (p *Progress) ValueOf(m *Measure, t *Target) (float64, bool) {
	if v, ok := p.Values[t.Indicator]; ok {
		return v, true
	}
	if p.Value != nil && len(m.Targets) == 1 {
		return *p.Value, true
	}
	return 0, false
}

// Series returns the figures of target t of measure m in fiscal year
// order: the baseline, then the value of each year of progress that has
// one. The goal is not part of it. A later figure for the same year wins.
func (m *Measure) Series(t *Target) []Value {
	byFY := map[int]float64{}
	if t.Baseline.FY != 0 {
		byFY[t.Baseline.FY] = t.Baseline.Value
	}
	for _, p := range m.Progress {
		if v, ok := p.ValueOf(m, t); ok {
			byFY[p.FY] = v
		}
	}
	out := make([]Value, 0, len(byFY))
	for fy, v := range byFY {
		out = append(out, Value{FY: fy, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FY < out[j].FY })
	return out
}

// firstFY is the first fiscal year the era table prints (明治元年度).
const firstFY = 1868

// validateAuthoring checks the site-wide settings for fiscal years and
// progress.
func validateAuthoring(s *Site, errs *diag.List) {
	if _, err := wareki.ParseRule(s.FiscalYearEra); err != nil {
		errs.Add(diag.New(siteFile, s.Lines.At("fiscal_year_era", 1), "fiscal_year_era: "+err.Error(), "new: FY2019 is 令和元年度; start: 平成31年度"))
	}
	seen := map[string]bool{}
	for _, st := range s.ProgressStatuses {
		line := s.Lines.At("progress_statuses", 1)
		switch {
		case strings.TrimSpace(st.Name) == "":
			errs.Add(diag.New(siteFile, line, "progress_statuses: a status without a name", "write - {name: 実施, easy: やった}"))
		case seen[st.Name]:
			errs.Add(diag.New(siteFile, line, fmt.Sprintf("progress_statuses: %s is listed twice", st.Name), "keep one"))
		}
		seen[st.Name] = true
	}
}

// validateProgress checks a measure's targets' years and its progress.
func validateProgress(s *Site, m *Measure, errs *diag.List) {
	for _, t := range m.Targets {
		checkFY(m.File, t.Lines.At("baseline", t.Line), "baseline", t.Baseline.FY, true, errs)
		checkFY(m.File, t.Lines.At("goal", t.Line), "goal", t.Goal.FY, true, errs)
	}
	m.Progress = compact(m.Progress)
	sort.SliceStable(m.Progress, func(i, j int) bool { return m.Progress[i].FY < m.Progress[j].FY })
	years := map[int]bool{}
	for _, p := range m.Progress {
		at := func(key string) int { return p.Lines.At(key, p.Line) }
		checkFY(m.File, at("fy"), "progress", p.FY, false, errs)
		if years[p.FY] && p.FY != 0 {
			errs.Add(diag.New(m.File, at("fy"), fmt.Sprintf("progress for fiscal year %d is given twice", p.FY), "keep one entry per year"))
		}
		years[p.FY] = true
		checkStatus(s, m.File, at("status"), p.Status, errs)
		checkValues(m, p, errs)
	}
}

// checkFY reports a fiscal year that is missing (unless optional) or
// before the era table.
func checkFY(file string, line int, what string, fy int, optional bool, errs *diag.List) {
	switch {
	case fy == 0 && !optional:
		errs.Add(diag.New(file, line, what+": missing fiscal year fy", "add fy: 2024"))
	case fy != 0 && fy < firstFY:
		errs.Add(diag.New(file, line, fmt.Sprintf("%s: fiscal year %d is before %d (明治)", what, fy, firstFY), "write the fiscal year in the western calendar, e.g. 2024"))
	}
}

func checkStatus(s *Site, file string, line int, status string, errs *diag.List) {
	var names []string
	for _, st := range s.Statuses() {
		if st.Name == status {
			return
		}
		names = append(names, st.Name)
	}
	errs.Add(diag.New(file, line, fmt.Sprintf("progress status %q is not allowed", status),
		"use "+strings.Join(names, ", ")+" (or list the site's own under progress_statuses: in site.yaml)"))
}

// HasIndicator reports whether the measure has a target with the indicator
// name, as written under targets:.
func (m *Measure) HasIndicator(name string) bool {
	for _, t := range m.Targets {
		if t.Indicator == name {
			return true
		}
	}
	return false
}

// checkValues reports values that are not numbers or too large, and
// values for indicators the measure has no target for.
func checkValues(m *Measure, p *Progress, errs *diag.List) {
	keys := make([]string, 0, len(p.Values))
	for k := range p.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		checkFigure(m.File, p.Lines.At("values", p.Line), fmt.Sprintf("progress value for %q", k), p.Values[k], errs)
		if !m.HasIndicator(k) {
			errs.Add(diag.New(m.File, p.Lines.At("values", p.Line), fmt.Sprintf("progress value for %q: the measure has no target with that indicator", k),
				"use the indicator exactly as written under targets:"))
		}
	}
	if p.Value != nil {
		checkFigure(m.File, p.Lines.At("value", p.Line), "progress value", *p.Value, errs)
	}
	if p.Value != nil && len(m.Targets) != 1 {
		errs.Add(diag.New(m.File, p.Lines.At("value", p.Line), fmt.Sprintf("value: needs exactly one target, the measure has %d", len(m.Targets)),
			"write values: {indicator: number} instead"))
	}
}
