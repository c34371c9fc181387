package render

import (
	"html/template"
	"strings"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/markdown"

	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/ruby"
)

const siteFile = "content/site.yaml"

// card is a linked summary of a chapter or pillar.
type card struct {
	Href    string
	Label   template.HTML // 基本施策1, 第2章 …
	Title   template.HTML
	Summary template.HTML
	NotYet  bool
}

type homeBody struct {
	Downloads        []link
	Period           template.HTML
	Philosophy       []template.HTML
	Policies         []template.HTML
	PhilosophyNotYet bool
	PoliciesNotYet   bool
	Chapters         []card
	Pillars          []card
	Progress         *summaryView // measures by progress status, per pillar; nil when none
}

func (r *Renderer) home(t *text) content {
	s, v := r.site, t.pg.variant
	body := homeBody{}
	phil, ny := pickList(v, s.Philosophy, s.Easy, func(e *plan.EasySite) []string { return e.Philosophy })
	body.Philosophy, body.PhilosophyNotYet = t.inlines(siteFile, 1, phil), ny
	pol, ny := pickList(v, s.Policies, s.Easy, func(e *plan.EasySite) []string { return e.Policies })
	body.Policies, body.PoliciesNotYet = t.inlines(siteFile, 1, pol), ny
	for i, c := range s.Chapters {
		body.Chapters = append(body.Chapters, r.chapterCard(t, i, c))
	}
	for _, p := range s.Pillars {
		body.Pillars = append(body.Pillars, r.pillarCard(t, p))
	}
	body.Progress = r.summary(t, s.Pillars)
	body.Downloads = r.downloads(t)
	title := r.siteTitle(v)
	period := r.fiscalYear(s.Period.From) + "～" + r.fiscalYear(s.Period.To)
	body.Period = t.label(period)
	return content{Title: ruby.Plain(title), H1: t.inline(siteFile, 1, title), Body: body,
		Summary: ruby.Plain(title) + "（" + label("period", v) + "：" + ruby.Plain(period) + "）"}
}

// siteTitle is the plan's title in variant v: site.yaml's easy.title in the
// easy variant when there is one.
func (r *Renderer) siteTitle(v Variant) string {
	if e := r.site.Easy; v == Easy && e != nil && e.Title != "" {
		return e.Title
	}
	return r.site.Title
}

func (t *text) inlines(file string, line int, src []string) []template.HTML {
	out := make([]template.HTML, len(src))
	for i, s := range src {
		out[i] = t.inline(file, line, s)
	}
	return out
}

func (r *Renderer) chapterCard(t *text, i int, c *plan.Chapter) card {
	src, ny := chapterText(c, t.pg.variant)
	return card{
		Href:    t.href(chapterPath(c.Slug)),
		Label:   t.label("第" + itoa(i+1) + "章"),
		Title:   t.inline(src.File, 2, src.Front.Title),
		Summary: t.inline(src.File, 2, src.Front.Summary),
		NotYet:  ny,
	}
}

// chapterText is the text of a chapter in variant v: its easy-read text in
// the easy variant when there is one, and whether the standard text had
// to stand in for a missing easy text.
func chapterText(c *plan.Chapter, v Variant) (chapterSource, bool) {
	if v == Easy && c.Easy != nil {
		return chapterSource{c.Easy.File, c.Easy.Front, c.Easy.Body}, false
	}
	return chapterSource{c.File, c.Front, c.Body}, v == Easy
}

// chapterSource is one Markdown file of a chapter.
type chapterSource struct {
	File  string
	Front plan.Front
	Body  []byte
}

func (r *Renderer) pillarCard(t *text, p *plan.Pillar) card {
	title, ny := pick(t.pg.variant, p.Title, easyTitle(p.Easy))
	summary, _ := pick(t.pg.variant, p.Summary, p.Easy.Body())
	return card{
		Href:    t.href(pillarPath(p.Number)),
		Label:   t.label(label("pillar", t.pg.variant) + itoa(p.Number)),
		Title:   t.inline(p.File, p.TextLine("title", t.pg.variant == Easy), title),
		Summary: t.block(p.File, p.TextLine("summary", t.pg.variant == Easy), firstParagraph(summary)),
		NotYet:  ny,
	}
}

func easyTitle(e *plan.EasyText) string {
	if e == nil {
		return ""
	}
	return e.Title
}

// firstParagraph returns the first paragraph of Markdown text, for cards.
func firstParagraph(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// href links from the current page to a standard path in the same variant.
func (t *text) href(std string) string {
	return rel(t.pg.path, variantPath(std, t.pg.variant))
}

// label renders a fixed interface word (with furigana in the page's mode).
// Labels recur on every page, so each is converted once per mode.
func (t *text) label(s string) template.HTML {
	key := labelKey{t.pg.mode.Mode, s}
	if v, ok := t.r.labels.Load(key); ok {
		l := v.(renderedLabel)
		t.record(l.runs)
		return l.html
	}
	p := t.mdPage("", 0)
	p.Terms, p.Resolve = nil, nil
	html, runs, err := t.r.md.Inline(s, p)
	t.errs.Add(err)
	if err == nil {
		t.r.labels.Store(key, renderedLabel{html, runs})
	}
	t.record(runs)
	return html
}

// labelKey identifies a converted label: the same words in the same
// furigana mode give the same HTML.
type labelKey struct {
	mode furigana.Mode
	text string
}

type renderedLabel struct {
	html template.HTML
	runs []markdown.Run
}

// L renders the interface word key in the page's variant.
func (t *text) L(key string) template.HTML {
	return t.label(label(key, t.pg.variant))
}

type chapterBody struct {
	TOC    []tocEntry
	HTML   template.HTML
	NotYet bool
	Prev   *link
	Next   *link
}

type tocEntry struct {
	ID   string
	Text template.HTML
}

func (r *Renderer) chapter(c *plan.Chapter) func(t *text) content {
	return func(t *text) content {
		src, ny := chapterText(c, t.pg.variant)
		file, front := src.File, src.Front
		html, heads := t.chapterFile(file, src.Body)
		body := chapterBody{HTML: html, NotYet: ny}
		for _, h := range heads {
			if h.Level == 2 {
				body.TOC = append(body.TOC, tocEntry{ID: h.ID, Text: t.inline(file, 0, h.Text)})
			}
		}
		body.Prev, body.Next = r.neighbours(t, c)
		return content{Title: ruby.Plain(front.Title), H1: t.inline(file, 2, front.Title), Body: body,
			Summary: ruby.Plain(front.Summary)}
	}
}

func (r *Renderer) neighbours(t *text, c *plan.Chapter) (prev, next *link) {
	chs := r.site.Chapters
	for i, x := range chs {
		if x != c {
			continue
		}
		if i > 0 {
			prev = r.chapterLink(t, chs[i-1])
		}
		if i+1 < len(chs) {
			next = r.chapterLink(t, chs[i+1])
		}
	}
	return prev, next
}

func (r *Renderer) chapterLink(t *text, c *plan.Chapter) *link {
	src, _ := chapterText(c, t.pg.variant)
	return &link{Href: t.href(chapterPath(c.Slug)), Text: t.inline(src.File, 2, src.Front.Title)}
}
