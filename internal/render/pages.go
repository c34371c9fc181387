package render

import (
	"html/template"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/plan"
)

// Page is one output HTML file in one variant.
type Page struct {
	kind    string // template name
	path    string // output path, variant prefix included
	std     string // the standard variant's path (counterpart key)
	variant Variant
	mode    pageMode
	file    string        // main source file, for errors; may be empty
	chapter *plan.Chapter // the chapter a chapter page shows, whose body is its own input
	make    func(t *text) content
	inZip   bool // rendered for the copy of the site inside plan.zip
	// sizes are the sizes in bytes of the downloads already made, by
	// output path, for the pages that list them (see downloads); a file
	// without a known size is listed without one.
	sizes map[string]int64
}

// content is what a page kind produces for the layout.
type content struct {
	Title  string        // plain text, for <title> and the breadcrumb
	H1     template.HTML // the heading, with ruby
	Crumbs []link        // between home and this page
	Body   any

	Summary string // plain one-line description, for <meta name="description">; empty: made from the title
}

// link is a rendered hyperlink.
type link struct {
	Href    string
	Text    template.HTML
	Current bool
}

// Pages lists every page of both variants, in a fixed order.
func (r *Renderer) Pages() []*Page {
	var out []*Page
	for _, v := range []Variant{Standard, Easy} {
		add := func(kind, std, file string, mode pageMode, make func(t *text) content) {
			out = append(out, &Page{kind: kind, path: variantPath(std, v), std: std, variant: v, mode: mode, file: file, make: make})
		}
		mode := r.mode(v, "")
		add("home", homePath, "content/site.yaml", mode, r.home)
		for _, c := range r.site.Chapters {
			add("chapter", chapterPath(c.Slug), c.File, r.mode(v, c.Front.Furigana), r.chapter(c))
			out[len(out)-1].chapter = c
		}
		for _, p := range r.site.Pillars {
			add("pillar", pillarPath(p.Number), p.File, r.mode(v, p.Furigana), r.pillar(p))
		}
		add("measures", measuresPath, "", mode, r.measures)
		add("departments", departmentsPath, "", mode, r.departments)
		if hasProgress(r.site) {
			add("progress", progressPath, "", mode, r.progressPage)
		}
		if len(r.site.Glossary) > 0 {
			add("glossary", glossaryPath, "content/glossary.yaml", mode, r.glossary)
		}
		add("contact", contactPath, "content/site.yaml", mode, r.contact)
		add("search", searchPath, "", mode, r.searchPage)
		if r.site.A11y != nil {
			add("policy", policyPath, "content/site.yaml", mode, r.policy)
			add("results", resultsPath, "", mode, r.results)
		}
		add("notfound", notFoundPath, "", mode, r.notFound)
	}
	return out
}

// pageMode is the furigana of a page: which readings the page carries,
// and whether the reader switch starts on.
type pageMode struct {
	furigana.Mode
	on bool
}

// mode is the furigana of a page: always 総ルビ, on, in the easy variant;
// otherwise the page's own setting, else the site's. A page set to none
// still carries readings for every kanji, switched off, so that a reader
// who needs them can turn them on.
func (r *Renderer) mode(v Variant, override string) pageMode {
	all := furigana.Mode{All: true}
	if v == Easy {
		return pageMode{all, true}
	}
	s := override
	if s == "" {
		s = r.site.Furigana
	}
	m, err := furigana.ParseMode(s)
	if err != nil || s == "" || m == (furigana.Mode{}) {
		return pageMode{all, false}
	}
	return pageMode{m, true}
}

// pick returns the easy text in the easy variant when there is one, and
// whether the standard text had to stand in for a missing easy text.
func pick(v Variant, std, easy string) (string, bool) {
	if v == Easy {
		if easy != "" {
			return easy, false
		}
		return std, true
	}
	return std, false
}

// pickList is pick for lists of lines.
func pickList(v Variant, std []string, easy *plan.EasySite, get func(*plan.EasySite) []string) ([]string, bool) {
	if v == Easy {
		if easy != nil && len(get(easy)) > 0 {
			return get(easy), false
		}
		return std, true
	}
	return std, false
}

// Path is the page's output path, variant folder included
// ("easy/chapters/01-a.html").
func (pg *Page) Path() string { return pg.path }

// Kind is the page's kind, the name of its layout ("chapter", "home").
func (pg *Page) Kind() string { return pg.kind }

// File is the page's main source file, for errors; it may be empty.
func (pg *Page) File() string { return pg.file }

// Chapter is the chapter a chapter page shows (its body is the page's own
// input), else nil.
func (pg *Page) Chapter() *plan.Chapter { return pg.chapter }

// Variant is the page's variant.
func (pg *Page) Variant() Variant { return pg.variant }

// WithDownloads returns a copy of pg that states the sizes of the
// downloads (by output path; a file without a size is listed without one)
// and, with inZip, is the copy inside plan.zip: files the ZIP does not
// hold link to the web site.
func (pg *Page) WithDownloads(sizes map[string]int64, inZip bool) *Page {
	c := *pg
	c.sizes, c.inZip = sizes, inZip
	return &c
}
