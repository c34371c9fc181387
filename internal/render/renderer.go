// Package render makes the pages of a plan: the list of every page of
// both variants (standard and わかりやすい版), and for each page its HTML
// through the theme's templates, with the search records and the content
// files it links to.
//
// It is the render stage of the build (see package site): it gets a loaded
// and validated plan and the reading cache of the annotate stage, and
// returns bytes; it writes nothing. Author text goes through Markdown
// (internal/markdown) with furigana from the cache, glossary links and
// link checks; the search records come from the same annotation, so
// nothing is ever read back from rendered HTML.
package render

import (
	"html/template"
	"io/fs"
	"sync"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/search"
)

// Options configure a Renderer.
type Options struct {
	Root     string          // the site folder: holds content/ (for files pages link to)
	Theme    fs.FS           // the theme's files (see Theme)
	Readings *furigana.Cache // the analysis of every text, shared by all modes
	// PDF tells the home pages that the large-print PDFs are made, so
	// that they list them.
	PDF bool
}

// Renderer renders the pages of one plan. It is safe for concurrent use:
// the build renders pages on all cores.
type Renderer struct {
	root     string
	site     *plan.Site
	theme    fs.FS
	md       *markdown.Converter
	tmpl     map[string]*template.Template
	targets  map[string]string // content path → standard output path
	depts    []*dept
	readings *furigana.Cache
	pdf      bool
	labels   sync.Map // labelKey → renderedLabel
}

// New returns the renderer of s, with the theme's templates parsed.
func New(s *plan.Site, opts Options) (*Renderer, error) {
	r := &Renderer{
		root:     opts.Root,
		site:     s,
		theme:    opts.Theme,
		md:       markdown.New(MarkdownOptions(s)),
		targets:  targets(s),
		depts:    departments(s),
		readings: opts.Readings,
		pdf:      opts.PDF,
	}
	tmpl, err := parseTemplates(r.theme)
	if err != nil {
		return nil, err
	}
	for _, t := range tmpl {
		t.Funcs(warekiFuncs(r.fiscalYearEra()))
	}
	r.tmpl = tmpl
	return r, nil
}

// Result is a rendered page.
type Result struct {
	HTML    []byte
	Records []search.Record   // the page's search records; none for pages the search leaves out
	Copies  map[string]string // content files the page links to: output path → content path
}

// targets maps each content file to the standard page it becomes, for link
// rewriting.
func targets(s *plan.Site) map[string]string {
	m := map[string]string{"content/site.yaml": homePath}
	if len(s.Glossary) > 0 {
		m[glossaryFile] = glossaryPath
	}
	for _, c := range s.Chapters {
		m[c.File] = chapterPath(c.Slug)
		if c.Easy != nil {
			m[c.Easy.File] = chapterPath(c.Slug)
		}
	}
	for _, p := range s.Pillars {
		m[p.File] = pillarPath(p.Number)
	}
	return m
}

// annotator returns the annotator for mode m, over the cache of analyses.
// The analyzer's dictionary loads on the first text the cache does not
// know, so a build whose texts are all cached never loads it.
func (r *Renderer) annotator(m furigana.Mode) markdown.Annotator {
	return &annotator{c: r.readings, mode: m}
}
