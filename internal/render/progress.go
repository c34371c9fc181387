package render

import (
	"html/template"
	"strconv"

	"github.com/plansite/plansite/internal/chart"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/ruby"
	"github.com/plansite/plansite/internal/wareki"
)

// progressPath is the page that lists measures by progress status and by
// department.
const progressPath = "progress.html"

// progressView is a measure's yearly progress on its pillar page.
type progressView struct {
	ID     string // heading id
	Years  []yearView
	Charts []chartView
}

// yearView is one fiscal year of a measure's progress.
type yearView struct {
	FY         template.HTML
	Status     template.HTML
	Evaluation template.HTML
	NotYet     bool // the easy evaluation is missing
}

// chartView is one target drawn as a chart, with its data table.
type chartView struct {
	ID      string
	SVG     template.HTML
	Trend   template.HTML // the trend in words, visible beside the chart
	Caption template.HTML // caption of the data table
	// CaptionText is Caption as plain text, for accessible names (the
	// readings of ruby would be read glued to the words).
	CaptionText string
	Rows        []chartRow
}

// chartRow is one line of a chart's data table.
type chartRow struct {
	FY    template.HTML
	Value template.HTML
	Kind  template.HTML // 現状, 実績 or 目標
}

// hasProgress reports whether any measure of the plan has progress.
func hasProgress(s *plan.Site) bool {
	for _, m := range s.AllMeasures() {
		if len(m.Progress) > 0 {
			return true
		}
	}
	return false
}

// measureProgress renders the progress of m, or nil when it has none.
func (r *Renderer) measureProgress(t *text, m *plan.Measure) *progressView {
	if len(m.Progress) == 0 {
		return nil
	}
	v := t.pg.variant
	pv := &progressView{ID: m.ID + "-progress"}
	for i := len(m.Progress) - 1; i >= 0; i-- { // the latest year first
		p := m.Progress[i]
		ev, ny := pick(v, p.Evaluation, p.Easy)
		yv := yearView{FY: t.label(r.fiscalYear(p.FY)), Status: t.label(r.statusWord(p.Status, v)), NotYet: ny && ev != ""}
		if ev != "" {
			yv.Evaluation = t.inline(m.File, p.Lines.At("evaluation", p.Line), ev)
		}
		pv.Years = append(pv.Years, yv)
	}
	for i, tg := range m.Targets {
		if c, ok := r.targetChart(t, m, tg, m.ID+"-chart-"+strconv.Itoa(i+1)); ok {
			pv.Charts = append(pv.Charts, c)
		}
	}
	return pv
}

// statusWord is a progress status in variant v: the site's easy word in
// the easy variant.
func (r *Renderer) statusWord(name string, v Variant) string {
	for _, st := range r.site.Statuses() {
		if st.Name == name && v == Easy && st.Easy != "" {
			return st.Easy
		}
	}
	return name
}

// targetChart draws target tg of m when progress gave it values.
func (r *Renderer) targetChart(t *text, m *plan.Measure, tg *plan.Target, id string) (chartView, bool) {
	series := m.Series(tg)
	measured := 0
	for _, p := range m.Progress {
		if _, ok := p.ValueOf(m, tg); ok {
			measured++
		}
	}
	if measured == 0 {
		return chartView{}, false
	}
	v := t.pg.variant
	ind := first(v, tg.Indicator, tg.Easy)
	c := chart.Chart{ID: id, Title: ruby.Plain(ind), Unit: tg.Unit, Legend: chartLegend(v)}
	for _, s := range series {
		c.Points = append(c.Points, chart.Point{X: float64(s.FY), Label: eraYear(s.FY, r.fiscalYearEra()), Value: s.Value})
	}
	if tg.Goal.FY != 0 {
		c.Goal = &chart.Point{X: float64(tg.Goal.FY), Label: eraYear(tg.Goal.FY, r.fiscalYearEra()), Value: tg.Goal.Value}
	}
	plain := func(fy int) string { s, _ := wareki.FormatFiscalYear(fy, r.fiscalYearEra()); return s }
	c.Desc = trendSentence(v, ruby.Plain(ind), tg, series, plain)
	cv := chartView{
		ID:      id,
		SVG:     c.SVG(),
		Trend:   t.inline(m.File, tg.Line, trendSentence(v, ind, tg, series, r.fiscalYear)),
		Caption: t.inline(m.File, tg.Line, ind),
		// plain from the source, as the chart's title
		CaptionText: ruby.Plain(ind),
	}
	for i, s := range series {
		kind := "actual"
		if i == 0 && s.FY == tg.Baseline.FY {
			kind = "baseline"
		}
		cv.Rows = append(cv.Rows, chartRow{FY: t.label(r.fiscalYear(s.FY)), Value: t.label(chart.Format(s.Value) + tg.Unit), Kind: t.L(kind)})
	}
	if tg.Goal.FY != 0 {
		cv.Rows = append(cv.Rows, chartRow{FY: t.label(r.fiscalYear(tg.Goal.FY)), Value: t.label(chart.Format(tg.Goal.Value) + tg.Unit), Kind: t.L("goal")})
	}
	return cv, true
}

// eraYear is the short axis label of a fiscal year: 令和6.
func eraYear(fy int, r wareki.Rule) string {
	y, err := wareki.FiscalYear(fy, r)
	if err != nil {
		return strconv.Itoa(fy)
	}
	return y.String()
}

func chartLegend(v Variant) [2]string {
	if v == Easy {
		return [2]string{"じっさいの 数", "めあて"}
	}
	return [2]string{"実績", "目標"}
}

// trendSentence states the trend of a series in words, in variant v;
// fy prints a fiscal year.
func trendSentence(v Variant, ind string, tg *plan.Target, series []plan.Value, fy func(int) string) string {
	f := func(x float64) string { return chart.Format(x) + tg.Unit }
	first, last := series[0], series[len(series)-1]
	pts := []chart.Point{{Value: first.Value}, {Value: last.Value}}
	words := trendWords[v][chart.TrendOf(pts)]
	var s string
	if v == Easy {
		s = ind + "は、" + fy(first.FY) + "に " + f(first.Value) + "でした。"
		if len(series) > 1 {
			s += fy(last.FY) + "は " + f(last.Value) + words
		}
		if tg.Goal.FY != 0 {
			s += "めあては " + fy(tg.Goal.FY) + "に " + f(tg.Goal.Value) + "です。"
		}
		return s
	}
	s = ind + "は、" + fy(first.FY) + "に" + f(first.Value)
	if len(series) > 1 {
		s += "、" + fy(last.FY) + "に" + f(last.Value) + words
	} else {
		s += "です。"
	}
	if tg.Goal.FY != 0 {
		s += "目標は" + fy(tg.Goal.FY) + "に" + f(tg.Goal.Value) + "です。"
		if reached(tg, last.Value) {
			s += "目標に達しています。"
		}
	}
	return s
}

// trendWords end the trend sentence in each variant.
var trendWords = map[Variant]map[chart.Trend]string{
	Standard: {chart.Up: "と増えました。", chart.Down: "と減りました。", chart.Flat: "で、変わりませんでした。"},
	Easy:     {chart.Up: "に ふえました。", chart.Down: "に へりました。", chart.Flat: "で、かわりません でした。"},
}

// reached reports whether value meets the goal, in the goal's direction
// from the baseline.
func reached(tg *plan.Target, value float64) bool {
	if tg.Goal.Value >= tg.Baseline.Value {
		return value >= tg.Goal.Value
	}
	return value <= tg.Goal.Value
}

// summaryView counts measures by their status in the latest fiscal year
// of the plan's progress: one row per pillar.
type summaryView struct {
	FY       template.HTML
	FYText   string          // FY as plain text, for accessible names
	Statuses []template.HTML // column heads; the last is 未報告
	Rows     []summaryRow
	Total    *summaryRow // nil when there is one row
	Href     string      // the progress page
}

// summaryRow is a pillar's counts, in the order of Statuses.
type summaryRow struct {
	Label  template.HTML
	Href   string
	Counts []int
	Sum    int
}

// latestFY is the latest fiscal year of any progress, 0 when none.
func latestFY(s *plan.Site) int {
	fy := 0
	for _, m := range s.AllMeasures() {
		if l := m.Latest(); l != nil && l.FY > fy {
			fy = l.FY
		}
	}
	return fy
}

// statusIn returns the status index of m in fiscal year fy among the
// site's statuses; the index after the last means no report.
func (r *Renderer) statusIn(m *plan.Measure, fy int) int {
	sts := r.site.Statuses()
	for _, p := range m.Progress {
		if p.FY != fy {
			continue
		}
		for i, st := range sts {
			if st.Name == p.Status {
				return i
			}
		}
	}
	return len(sts)
}

// summary counts the measures of pillars; nil when the plan has no progress.
func (r *Renderer) summary(t *text, pillars []*plan.Pillar) *summaryView {
	fy := latestFY(r.site)
	if fy == 0 {
		return nil
	}
	sv := &summaryView{FY: t.label(r.fiscalYear(fy)), FYText: ruby.Plain(r.fiscalYear(fy)), Href: t.href(progressPath)}
	for _, st := range r.site.Statuses() {
		sv.Statuses = append(sv.Statuses, t.label(r.statusWord(st.Name, t.pg.variant)))
	}
	sv.Statuses = append(sv.Statuses, t.L("noreport"))
	total := summaryRow{Label: t.L("total"), Counts: make([]int, len(sv.Statuses))}
	for _, p := range pillars {
		row := summaryRow{Label: t.label(label("pillar", t.pg.variant) + itoa(p.Number)), Href: t.href(pillarPath(p.Number)), Counts: make([]int, len(sv.Statuses))}
		for _, m := range p.AllMeasures() {
			i := r.statusIn(m, fy)
			row.Counts[i]++
			total.Counts[i]++
			row.Sum++
			total.Sum++
		}
		sv.Rows = append(sv.Rows, row)
	}
	if len(pillars) > 1 {
		sv.Total = &total
	}
	return sv
}

// progressBody is the progress page: the summary, the measures by status
// and by department.
type progressBody struct {
	Summary  *summaryView
	ByStatus []progressGroup
	ByDept   []progressGroup
}

// progressGroup is a status or a department with its measures.
type progressGroup struct {
	ID       string
	Name     template.HTML
	Measures []progressItem
}

// progressItem is a measure in a list, with its latest status.
type progressItem struct {
	measureView
	Progress template.HTML
}

func (r *Renderer) progressPage(t *text) content {
	fy := latestFY(r.site)
	v := t.pg.variant
	body := progressBody{Summary: r.summary(t, r.site.Pillars)}
	sts := r.site.Statuses()
	word := func(i int) template.HTML {
		if i == len(sts) {
			return t.L("noreport")
		}
		return t.label(r.statusWord(sts[i].Name, v))
	}
	item := func(m *plan.Measure) progressItem {
		return progressItem{measureView: r.measureSummary(t, m), Progress: word(r.statusIn(m, fy))}
	}
	for i := 0; i <= len(sts); i++ {
		g := progressGroup{ID: "status-" + itoa(i+1), Name: word(i)}
		for _, m := range r.site.AllMeasures() {
			if r.statusIn(m, fy) == i {
				g.Measures = append(g.Measures, item(m))
			}
		}
		if len(g.Measures) > 0 {
			body.ByStatus = append(body.ByStatus, g)
		}
	}
	for _, d := range r.depts {
		g := progressGroup{ID: "progress-" + d.ID, Name: t.inline("", 0, d.Name)}
		for _, m := range d.Measures {
			g.Measures = append(g.Measures, item(m))
		}
		body.ByDept = append(body.ByDept, g)
	}
	return r.fixed(t, "progress", body)
}

// progressFuncs are the template functions of the progress partials.
var progressFuncs = template.FuncMap{
	// next is the heading level below level, at most 6.
	"next": func(level int) int { return min(level+1, 6) },
	// progressArgs bundles what the summary partial needs.
	"progressArgs": func(root layout, s *summaryView, id string) map[string]any {
		return map[string]any{"Root": root, "S": s, "ID": id}
	},
}

func init() {
	for name, f := range progressFuncs {
		funcs[name] = f
	}
}
