package render

import (
	"html/template"
	"strconv"

	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/ruby"
)

type pillarBody struct {
	Summary      template.HTML
	NotYet       bool
	Directions   []directionView
	Measures     []measureView
	MeasureLevel int          // heading level of measures: 2 without directions, 3 under them
	Progress     *summaryView // the pillar's measures by progress status; nil when none
}

type directionView struct {
	ID       string
	Label    template.HTML
	Title    template.HTML
	Summary  template.HTML
	NotYet   bool
	Measures []measureView
}

type measureView struct {
	ID          string
	Href        string        // link to the measure, in lists
	Label       template.HTML // 施策3
	LabelText   string        // Label as plain text, for accessible names
	TargetsName string        // plain name of the targets table, 施策3の数値目標 (no readings)
	Title       template.HTML
	Description template.HTML
	NotYet      bool
	Status      string        // 新規, 拡充 or 継続, for the CSS class
	StatusText  template.HTML // the status in the page's variant
	Departments []link
	Targets     []targetView
	Progress    *progressView // yearly progress with charts; nil when none
	Pillar      link          // the measure's pillar, in lists
}

type targetView struct {
	Indicator template.HTML
	Base      figureView
	Goal      figureView
}

// figureView is a target value and the fiscal year it belongs to.
type figureView struct {
	Value template.HTML // with its unit, "8か所"
	FY    template.HTML // "令和4（2022）年度"
}

func (r *Renderer) pillar(p *plan.Pillar) func(t *text) content {
	return func(t *text) content {
		v := t.pg.variant
		title, ny := pick(v, p.Title, easyTitle(p.Easy))
		summary, _ := pick(v, p.Summary, p.Easy.Body())
		body := pillarBody{Summary: t.block(p.File, p.TextLine("summary", v == Easy), summary), NotYet: ny, MeasureLevel: 2, Progress: r.summary(t, []*plan.Pillar{p})}
		for _, d := range p.Directions {
			body.Directions = append(body.Directions, r.direction(t, p, d))
			body.MeasureLevel = 3
		}
		for _, m := range p.Measures {
			body.Measures = append(body.Measures, r.measure(t, m))
		}
		plain := label("pillar", v) + itoa(p.Number) + "　" + ruby.Plain(title)
		h1 := t.label(label("pillar", v)+itoa(p.Number)+"　") + t.inline(p.File, p.TextLine("title", v == Easy), title)
		return content{Title: plain, H1: h1, Body: body, Summary: ruby.Plain(firstParagraph(summary))}
	}
}

func (r *Renderer) direction(t *text, p *plan.Pillar, d *plan.Direction) directionView {
	v := t.pg.variant
	title, ny := pick(v, d.Title, easyTitle(d.Easy))
	summary, _ := pick(v, d.Summary, d.Easy.Body())
	dv := directionView{
		ID:     directionID(p, d),
		Label:  t.label(label("direction", v) + itoa(d.Number)),
		Title:  t.inline(p.File, d.TextLine("title", v == Easy), title),
		NotYet: ny,
	}
	if summary != "" {
		dv.Summary = t.block(p.File, d.TextLine("summary", v == Easy), summary)
	}
	for _, m := range d.Measures {
		dv.Measures = append(dv.Measures, r.measure(t, m))
	}
	return dv
}

// directionID is the element id of direction d on its pillar's page.
func directionID(p *plan.Pillar, d *plan.Direction) string {
	return "direction-" + itoa(p.Number) + "-" + itoa(d.Number)
}

func (r *Renderer) measure(t *text, m *plan.Measure) measureView {
	v := t.pg.variant
	title, ny := pick(v, m.Title, easyTitle(m.Easy))
	desc, _ := pick(v, m.Description, m.Easy.Body())
	t.beginPart(m.ID)
	defer t.endPart()
	mv := measureView{
		ID:          m.ID,
		Label:       t.label(label("measure", v) + m.Number.String()),
		LabelText:   ruby.Plain(label("measure", v) + m.Number.String()),
		TargetsName: label("measure", v) + m.Number.String() + "の" + label("targets", v),
		Title:       t.inline(m.File, m.TextLine("title", v == Easy), title),
	}
	t.partTitle()
	mv.Description = t.block(m.File, m.TextLine("description", v == Easy), desc)
	mv.NotYet = ny
	mv.Status, mv.StatusText = m.Status, t.status(m.Status)
	mv.Departments = r.deptLinks(t, m)
	mv.Progress = r.measureProgress(t, m)
	for _, tg := range m.Targets {
		mv.Targets = append(mv.Targets, targetView{
			Indicator: t.inline(m.File, tg.Lines.At(textKey(v, tg.Easy, "easy", "indicator"), tg.Line), first(v, tg.Indicator, tg.Easy)),
			Base:      t.figure(tg.Baseline, tg.Unit),
			Goal:      t.figure(tg.Goal, tg.Unit),
		})
	}
	return mv
}

// figure prints a target value with its unit, and its fiscal year.
func (t *text) figure(v plan.Value, unit string) figureView {
	if v.FY == 0 {
		return figureView{Value: "—"}
	}
	return figureView{
		Value: t.label(strconv.FormatFloat(v.Value, 'f', -1, 64) + unit),
		FY:    t.label(t.r.fiscalYear(v.FY)),
	}
}

type measuresBody struct {
	Measures []measureView
}

func (r *Renderer) measures(t *text) content {
	var body measuresBody
	for _, m := range r.site.AllMeasures() {
		body.Measures = append(body.Measures, r.measureSummary(t, m))
	}
	return r.fixed(t, "measures", body)
}

// measureSummary is a measure as lists show it: linked title, departments.
func (r *Renderer) measureSummary(t *text, m *plan.Measure) measureView {
	v := t.pg.variant
	title, ny := pick(v, m.Title, easyTitle(m.Easy))
	mv := measureView{
		Href:        t.href(pillarPath(m.Pillar.Number) + "#" + m.ID),
		Label:       t.label(m.Number.String()),
		Title:       t.inline(m.File, m.TextLine("title", v == Easy), title),
		NotYet:      ny,
		Status:      m.Status,
		StatusText:  t.status(m.Status),
		Pillar:      link{Href: t.href(pillarPath(m.Pillar.Number)), Text: t.label(label("pillar", v) + itoa(m.Pillar.Number))},
		Departments: r.deptLinks(t, m),
	}
	return mv
}

// fixed is the content of a generated page whose title is an interface word.
func (r *Renderer) fixed(t *text, key string, body any) content {
	return content{Title: ruby.Plain(label(key, t.pg.variant)), H1: t.L(key), Body: body}
}

// deptLinks links each department of a measure to its entry in the
// department index.
func (r *Renderer) deptLinks(t *text, m *plan.Measure) []link {
	var out []link
	for _, d := range m.Departments {
		out = append(out, link{Href: t.href(departmentsPath + "#" + r.deptID(d)), Text: t.inline(m.File, m.Lines.At("departments", m.Line), d)})
	}
	return out
}

// status renders a measure status in the page's variant; empty stays empty.
func (t *text) status(s string) template.HTML {
	if s == "" {
		return ""
	}
	return t.L(s)
}

// first is pick without the flag: the easy text in the easy variant when
// there is one, else the standard text.
// textKey returns the YAML key of the text that variant v shows: easyKey
// when v is Easy and the easy text is set, else stdKey. Errors in the text
// are reported at that key's line.
func textKey(v Variant, easy, easyKey, stdKey string) string {
	if v == Easy && easy != "" {
		return easyKey
	}
	return stdKey
}

func first(v Variant, std, easy string) string {
	s, _ := pick(v, std, easy)
	return s
}
