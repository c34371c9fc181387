package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/wareki"
)

// fiscalYearEra is the site's rule for naming a fiscal year in which an
// era begins; site.yaml's value was checked by validation.
func (r *Renderer) fiscalYearEra() wareki.Rule {
	rule, _ := wareki.ParseRule(r.site.FiscalYearEra)
	return rule
}

// fiscalYear returns fiscal year y as author text with reading aids, as
// plans print it: {~令和|れいわ}6（2024）{~年度|ねんど}. A year the era
// table does not cover prints as 1800年度.
func (r *Renderer) fiscalYear(y int) string {
	ps, err := wareki.FiscalYearPieces(y, r.fiscalYearEra())
	if err != nil {
		return strconv.Itoa(y) + "年度"
	}
	return rubySource(ps)
}

// rubySource writes pieces as author ruby syntax, the readings as reading
// aids ({~令和|れいわ}), which the furigana switch shows and hides.
func rubySource(ps []wareki.Piece) string {
	var s strings.Builder
	for _, p := range ps {
		if p.Reading == "" {
			s.WriteString(p.Text)
			continue
		}
		s.WriteString("{~" + p.Text + "|" + p.Reading + "}")
	}
	return s.String()
}

// warekiFuncs are the template functions for the Japanese era calendar,
// under rule r: {{fy 2026}} prints 令和8（2026）年度 and
// {{wareki "2019-05-01"}} 令和元年5月1日, with reading aids. A value out of
// range prints as it is.
func warekiFuncs(r wareki.Rule) template.FuncMap {
	return template.FuncMap{
		"fy": func(y int) template.HTML {
			ps, err := wareki.FiscalYearPieces(y, r)
			if err != nil {
				return template.HTML(strconv.Itoa(y) + "年度") // #nosec G203 -- digits
			}
			return markdown.WarekiHTML(ps)
		},
		"wareki": func(date string) template.HTML {
			d, err := wareki.ParseDate(date)
			ps, err2 := wareki.DatePieces(d)
			if err != nil || err2 != nil {
				return template.HTML(template.HTMLEscapeString(date)) // #nosec G203 -- escaped
			}
			return markdown.WarekiHTML(ps)
		},
	}
}

func init() {
	for name, f := range warekiFuncs(wareki.NewEra) {
		funcs[name] = f
	}
}

// MarkdownOptions are the site's settings of the Markdown converter.
func MarkdownOptions(s *plan.Site) markdown.Options {
	r, _ := wareki.ParseRule(s.FiscalYearEra)
	return markdown.Options{AllowHTML: s.UnsafeHTML, RequireCaptions: s.RequireCaptions, FiscalYearEra: r}
}
