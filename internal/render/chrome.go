package render

import (
	"encoding/json"
	"html/template"
	"strings"

	"github.com/plansite/plansite/internal/ruby"
)

// cityBand is the city's name for the identity band at the top of every
// page, or nothing when the plan's title already names the city.
func (r *Renderer) cityBand(t *text) template.HTML {
	if strings.Contains(ruby.Plain(r.siteTitle(t.pg.variant)), r.site.City) {
		return ""
	}
	return t.inline(siteFile, 1, r.site.City)
}

// description is the page's one-line description for search engines and
// link previews: its summary, else its title with the plan's.
func (r *Renderer) description(c content, v Variant) string {
	if s := strings.Join(strings.Fields(c.Summary), " "); s != "" {
		return s
	}
	return c.Title + "（" + joinPlan(r.site.City, ruby.Plain(r.siteTitle(v))) + "）"
}

// joinPlan names a plan with its city, once: 小平市の障がい者福祉計画, but
// 第四次小平市障がい者福祉計画 as it is.
func joinPlan(city, title string) string {
	if strings.Contains(title, city) {
		return title
	}
	return city + "の" + title
}

// updated is the page's last-updated date (pageDate) as YYYY-MM-DD and in
// Japanese with furigana.
func (r *Renderer) updated(t *text) (string, template.HTML) {
	d := r.Date(t.pg)
	if d == "" {
		return "", ""
	}
	return d, t.label(japaneseDate(d))
}

// Date is a page's last-updated date, YYYY-MM-DD: the front matter's
// `updated` of the chapter text the page shows, else the site's published
// date, else "" (unknown). Never file times, so builds stay deterministic;
// the page's 更新日 and its lastmod in sitemap.xml both come from here.
func (r *Renderer) Date(pg *Page) string {
	if pg.chapter != nil {
		if src, _ := chapterText(pg.chapter, pg.variant); src.Front.Updated != "" {
			return src.Front.Updated
		}
	}
	return r.site.Published
}

// readingsJSON is the site's readings dictionary (readings.yaml) as a JSON
// object, so that read-aloud speaks names as the site reads them (小平 as
// こだいら) where a page shows no ruby. Keys are sorted: the output is
// deterministic.
func (r *Renderer) readingsJSON() string {
	if len(r.site.Readings) == 0 {
		return "{}"
	}
	out, err := json.Marshal(r.site.Readings)
	if err != nil {
		return "{}"
	}
	return string(out)
}
