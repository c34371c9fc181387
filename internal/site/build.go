// Package site is the build pipeline: from a loaded and validated plan it
// makes the pages of both variants (standard and わかりやすい版), renders
// them in parallel through the theme's templates, minifies them and writes
// the whole site atomically.
//
// Stages: plan.Load → pages (one per output file and variant) → render
// (Markdown, furigana, glossary, templates) → minify → write into a
// temporary folder → swap it in for the destination. A failed build leaves
// the destination exactly as it was.
package site

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"runtime"
	"sync"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
)

// Options control a build.
type Options struct {
	Root     string    // site root: holds content/ and optionally themes/
	Dest     string    // output folder, replaced atomically
	Minify   bool      // minify HTML, CSS, JS and SVG
	Workers  int       // parallel renderers; 0 means GOMAXPROCS
	Warnings io.Writer // where warnings go; nil discards them
}

// Stats describe a finished build.
type Stats struct {
	Pages    int // HTML pages written
	Files    int // all files written
	Warnings int
}

// builder holds what every page needs while rendering.
type builder struct {
	opts    Options
	root    string
	site    *plan.Site
	theme   fs.FS
	md      *markdown.Converter
	tmpl    map[string]*template.Template
	targets map[string]string // content path → standard output path
	depts   []*dept

	furiOnce sync.Once
	furi     *furigana.Annotator
	annotMu  sync.Mutex
	annots   map[furigana.Mode]markdown.Annotator // one per mode, sharing a cache

	copyMu sync.Mutex
	copies map[string]string // output path → content path of files copied as they are
}

// Build loads the plan under opts.Root, renders it and writes it to
// opts.Dest. Every problem is returned at once as a diag.List.
func Build(opts Options) (Stats, error) {
	s, err := plan.Load(opts.Root)
	if err != nil {
		return Stats{}, withMarkdownErrors(s, opts, err)
	}
	return BuildSite(s, opts)
}

// BuildSite renders an already loaded plan.
func BuildSite(s *plan.Site, opts Options) (Stats, error) {
	if err := checkDest(opts.Root, opts.Dest); err != nil {
		return Stats{}, err
	}
	b, err := newBuilder(s, opts)
	if err != nil {
		return Stats{}, err
	}
	warnings, err := b.easyGaps()
	if err != nil {
		return Stats{}, err
	}
	pages := b.pages()
	files, err := b.renderAll(pages)
	if err != nil {
		return Stats{}, err
	}
	extra, err := b.extraFiles()
	if err != nil {
		return Stats{}, err
	}
	files = append(files, extra...)
	files = append(files, b.searchIndexes(pages, files)...)
	if opts.Minify {
		if err := minifyFiles(files); err != nil {
			return Stats{}, err
		}
	}
	bundles, err := b.bundles(files)
	if err != nil {
		return Stats{}, err
	}
	files = append(files, bundles...)
	files = append(files, file{Path: stampFile, Data: []byte(stampText)})
	if err := writeAtomic(opts.Dest, files); err != nil {
		return Stats{}, err
	}
	return Stats{Pages: len(pages), Files: len(files), Warnings: warnings}, nil
}

func newBuilder(s *plan.Site, opts Options) (*builder, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	th, err := themeFS(opts.Root, s.Theme)
	if err != nil {
		return nil, err
	}
	b := &builder{
		opts:   opts,
		root:   opts.Root,
		site:   s,
		theme:  th,
		md:     markdown.New(markdown.Options{AllowHTML: s.UnsafeHTML}),
		copies: map[string]string{},
	}
	b.targets = targets(s)
	b.depts = departments(s)
	tmpl, err := parseTemplates(b.theme)
	if err != nil {
		return nil, err
	}
	b.tmpl = tmpl
	return b, nil
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

// furigana returns the analyzer, loading it on first use only, so a site
// that needs no automatic readings never loads the dictionary.
func (b *builder) furigana() *furigana.Annotator {
	b.furiOnce.Do(func() { b.furi = furigana.New(furigana.Dictionary(b.site.Readings)) })
	return b.furi
}

// annotator returns the shared annotator for mode m.
func (b *builder) annotator(m furigana.Mode) markdown.Annotator {
	b.annotMu.Lock()
	defer b.annotMu.Unlock()
	if b.annots == nil {
		b.annots = map[furigana.Mode]markdown.Annotator{}
	}
	a, ok := b.annots[m]
	if !ok {
		a = NewAnnotator(b.furigana(), m)
		b.annots[m] = a
	}
	return a
}

// easyGaps prints a warning for each text without an easy-read version, or
// fails when the site requires them.
func (b *builder) easyGaps() (int, error) {
	gaps := plan.EasyGaps(b.site)
	if b.site.RequireEasy {
		var errs diag.List
		for _, g := range gaps {
			g.Msg += " (require_easy is set)"
			errs.Add(g)
		}
		return 0, errs.Err()
	}
	if b.opts.Warnings != nil {
		for _, g := range gaps {
			fmt.Fprintf(b.opts.Warnings, "warning: %v\n", g)
		}
	}
	return len(gaps), nil
}

func (b *builder) themeFile(name string) ([]byte, error) {
	return fs.ReadFile(b.theme, name)
}
