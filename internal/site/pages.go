package site

import (
	"html/template"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/plan"
)

// page is one output HTML file in one variant.
type page struct {
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

// pages lists every page of both variants, in a fixed order.
func (b *builder) pages() []*page {
	var out []*page
	for _, v := range []Variant{Standard, Easy} {
		add := func(kind, std, file string, mode pageMode, make func(t *text) content) {
			out = append(out, &page{kind: kind, path: variantPath(std, v), std: std, variant: v, mode: mode, file: file, make: make})
		}
		mode := b.mode(v, "")
		add("home", homePath, "content/site.yaml", mode, b.home)
		for _, c := range b.site.Chapters {
			add("chapter", chapterPath(c.Slug), c.File, b.mode(v, c.Front.Furigana), b.chapter(c))
			out[len(out)-1].chapter = c
		}
		for _, p := range b.site.Pillars {
			add("pillar", pillarPath(p.Number), p.File, b.mode(v, p.Furigana), b.pillar(p))
		}
		add("measures", measuresPath, "", mode, b.measures)
		add("departments", departmentsPath, "", mode, b.departments)
		if hasProgress(b.site) {
			add("progress", progressPath, "", mode, b.progressPage)
		}
		if len(b.site.Glossary) > 0 {
			add("glossary", glossaryPath, "content/glossary.yaml", mode, b.glossary)
		}
		add("contact", contactPath, "content/site.yaml", mode, b.contact)
		add("search", searchPath, "", mode, b.searchPage)
		if b.site.A11y != nil {
			add("policy", policyPath, "content/site.yaml", mode, b.policy)
			add("results", resultsPath, "", mode, b.results)
		}
		add("notfound", notFoundPath, "", mode, b.notFound)
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
func (b *builder) mode(v Variant, override string) pageMode {
	all := furigana.Mode{All: true}
	if v == Easy {
		return pageMode{all, true}
	}
	s := override
	if s == "" {
		s = b.site.Furigana
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
