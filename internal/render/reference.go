package render

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/ruby"
)

// dept is one 担当課 with every measure it is responsible for.
type dept struct {
	Name     string
	ID       string
	Measures []*plan.Measure
}

// anchorID makes a stable id from a name (a department, a term): the name
// itself, which survives reordering, with spaces made hyphens.
func anchorID(prefix, name string) string {
	return prefix + strings.Join(strings.Fields(name), "-")
}

// departments groups measures by department, in order of first appearance
// in the plan (the order in which a reader of the plan meets them).
func departments(s *plan.Site) []*dept {
	var out []*dept
	byName := map[string]*dept{}
	for _, m := range s.AllMeasures() {
		for _, name := range m.Departments {
			d, ok := byName[name]
			if !ok {
				d = &dept{Name: name, ID: anchorID("dept-", name)}
				byName[name] = d
				out = append(out, d)
			}
			d.Measures = append(d.Measures, m)
		}
	}
	return out
}

func (r *Renderer) deptID(name string) string {
	for _, d := range r.depts {
		if d.Name == name {
			return d.ID
		}
	}
	return ""
}

type deptView struct {
	ID       string
	Name     template.HTML
	Measures []measureView
}

func (r *Renderer) departments(t *text) content {
	var body []deptView
	for _, d := range r.depts {
		dv := deptView{ID: d.ID, Name: t.inline("", 0, d.Name)}
		for _, m := range d.Measures {
			dv.Measures = append(dv.Measures, r.measureSummary(t, m))
		}
		body = append(body, dv)
	}
	return r.fixed(t, "departments", body)
}

type termView struct {
	ID          string
	Term        template.HTML
	Reading     string
	Explanation template.HTML
	NotYet      bool
}

func (r *Renderer) glossary(t *text) content {
	const file = "content/glossary.yaml"
	var body glossaryBody
	for _, term := range gojuonOrder(r.site.Glossary) {
		expl, ny := pick(t.pg.variant, term.Description, term.Easy)
		t.beginPart(term.ID)
		tv := termView{ID: term.ID, Term: t.inline(file, term.Lines.At("term", term.Line), term.Term), NotYet: ny}
		if hasKanji(term.Term) {
			tv.Reading = term.Reading // a reading helps only where there is kanji
		}
		t.partTitle()
		tv.Explanation = t.block(file, term.Lines.At(textKey(t.pg.variant, term.Easy, "easy", "description"), term.Line), expl)
		t.endPart()
		body.add(t, kanaRow(sortKey(term)), tv)
	}
	return r.fixed(t, "glossary", body)
}

// pageTerms lists the glossary terms linked on the page, in glossary order.
func (r *Renderer) pageTerms(t *text) []link {
	var out []link
	for _, term := range r.site.Glossary {
		if t.used[term.Term] {
			out = append(out, link{
				Href: t.href(glossaryPath + "#" + term.ID),
				Text: t.inline(glossaryFile, term.Lines.At("term", term.Line), term.Term),
			})
		}
	}
	return out
}

type contactBody struct {
	Address template.HTML
	Phone   string // digits only, for tel: links
}

func (r *Renderer) contact(t *text) content {
	c := r.site.Contact
	return r.fixed(t, "contact", contactBody{Address: t.inline(siteFile, 0, c.Address), Phone: digits(c.Phone)})
}

// digits keeps the digits (and a leading +) of a phone number, for tel: links.
func digits(phone string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '+' {
			return r
		}
		return -1
	}, phone)
}

// policyView is the ウェブアクセシビリティ方針 with furigana on its texts.
type policyView struct {
	Target, Scope, Period, Established, Contact template.HTML
	Exceptions                                  []template.HTML
}

func (r *Renderer) policy(t *text) content {
	p := r.site.A11y
	in := func(s string) template.HTML { return t.inline(siteFile, 0, s) }
	return r.fixed(t, "policy", policyView{
		Target: in(p.Target), Scope: in(p.Scope), Period: in(p.Period),
		Established: in(japaneseDate(p.Established)), Contact: in(p.Contact),
		Exceptions: t.inlines(siteFile, 0, p.Exceptions),
	})
}

// japaneseDate prints an ISO date (2024-04-01) as 2024年4月1日; other
// text is returned as it is.
func japaneseDate(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return d.Format("2006年1月2日")
}

type resultsBody struct {
	R          *plan.A11yResults
	Criteria   []criterion
	ToolsOrder []toolVersion
	Clean      bool   // no violation and no HTML error
	Pages      []link // every page of the site, as tested
	Date       template.HTML
	Checks     []checkRow // the checks as run, with furigana (the easy variant has ruby on every kanji)
}

type checkRow struct {
	Name  template.HTML
	Count int
}

type criterion struct {
	ID    string
	Count int
}

type toolVersion struct{ Name, Version string }

func (r *Renderer) results(t *text) content {
	body := resultsBody{R: r.site.A11yResults}
	if res := body.R; res != nil {
		body.Clean = res.TotalViolations == 0 && res.HTMLErrors == 0
		body.Date = t.label(japaneseDate(res.Date))
		for _, c := range res.Checks {
			body.Checks = append(body.Checks, checkRow{Name: t.label(c.Name), Count: c.Count})
		}
		for _, pg := range r.Pages() {
			body.Pages = append(body.Pages, link{Href: rel(t.pg.path, pg.path), Text: template.HTML(template.HTMLEscapeString(pg.path))})
		}
		for id, n := range res.ViolationsByCriterion {
			body.Criteria = append(body.Criteria, criterion{ID: id, Count: n})
		}
		sort.Slice(body.Criteria, func(i, j int) bool { return criterionLess(body.Criteria[i].ID, body.Criteria[j].ID) })
		for name, v := range res.Tools {
			body.ToolsOrder = append(body.ToolsOrder, toolVersion{name, v})
		}
		sort.Slice(body.ToolsOrder, func(i, j int) bool { return body.ToolsOrder[i].Name < body.ToolsOrder[j].Name })
	}
	return r.fixed(t, "results", body)
}

func (r *Renderer) searchPage(t *text) content {
	return r.fixed(t, "search", nil)
}

func (r *Renderer) notFound(t *text) content {
	return r.fixed(t, "notfound", nil)
}

// plainTitle is the page title of the site for <title>: "page | plan | city".
func (r *Renderer) plainTitle(c content, v Variant) string {
	parts := []string{c.Title}
	if v == Easy {
		parts[0] += "（" + Easy.Label() + "）"
	}
	if c.Title != ruby.Plain(r.site.Title) {
		parts = append(parts, ruby.Plain(r.site.ShortTitle))
	}
	return strings.Join(append(parts, r.site.City), " | ")
}

// criterionLess orders WCAG success criteria numerically (1.4.2 before
// 1.4.10); names that are not numbers (best-practice) come last.
func criterionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		switch {
		case ea != nil || eb != nil:
			if (ea == nil) != (eb == nil) {
				return ea == nil
			}
			return a < b
		case na != nb:
			return na < nb
		}
	}
	return len(pa) < len(pb)
}
