// Package site is the build pipeline. It runs the stages, each in its own
// package, and keeps what an incremental build needs between them:
//
//	plan.Load (load, validate) → furigana.Cache (annotate, once per
//	distinct text) → render (the pages of both variants, rendered in
//	parallel) → search and bundle (derive) → output (stream, minify,
//	carry over, swap)
//
// Pages are written as they are rendered into a temporary folder that
// replaces the destination only when the whole build succeeded: a failed
// build leaves the destination exactly as it was. Page keys and a
// manifest in the cache folder let a build carry over what did not change
// (incremental.go); a Session keeps them in memory for plansite serve.
package site

import (
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/plansite/plansite/internal/render"

	"github.com/plansite/plansite/internal/output"

	"github.com/plansite/plansite/internal/buildid"
	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/search"
)

// Options control a build.
type Options struct {
	Root     string    // site root: holds content/ and optionally themes/
	Dest     string    // output folder, replaced atomically
	Minify   bool      // minify HTML, CSS, JS and SVG
	Workers  int       // parallel renderers; 0 means GOMAXPROCS
	Warnings io.Writer // where warnings go; nil discards them

	// CacheDir keeps the analyses of texts between builds ("" keeps them
	// for this build only). Safe to delete at any time.
	CacheDir string
	// Readings, when set, is used instead of a new cache: a preview
	// server keeps one across rebuilds. Its dictionary must be the site's.
	Readings *furigana.Cache
	// NoBundles leaves out the ZIP and EPUBs, and NoSearch the search
	// index (a preview makes them only when they are asked for).
	NoBundles bool
	NoSearch  bool
	// Session, when set, carries the last build's manifest to the next
	// build in the same process (a preview server).
	Session *Session
	// PDF prints the large-print PDFs with Chromium when one is found
	// (slow: off in the preview server).
	PDF      bool
	Chromium string // the browser for the PDFs; "" finds one (see pdf.Find)
}

// Stats describe a finished build.
type Stats struct {
	Pages    int // HTML pages written
	Carried  int // pages carried over unchanged from the previous build
	Files    int // all files written
	Warnings int
}

// builder runs one build: it renders the pages with a render.Renderer
// and writes them and what is derived from them.
type builder struct {
	opts     Options
	root     string
	site     *plan.Site
	theme    fs.FS
	r        *render.Renderer
	pageList []*render.Page

	readings   *furigana.Cache // the analysis of every text, shared by all modes
	carried    atomic.Int64    // pages carried over from the previous build
	inPlace    bool            // the output is updated in place (openOutput)
	mdWarnings int             // Markdown warnings printed

	chromium string // the browser that prints the PDFs; "" for none

	copyMu sync.Mutex
	copies map[string]string // output path → content path of files copied as they are, of all pages
}

// withMarkdownErrors adds to the errors of a failed load those of the
// chapters' Markdown (see render.ChapterErrors). s is the partly loaded
// site, or nil.
func withMarkdownErrors(s *plan.Site, opts Options, loadErr error) error {
	if s == nil {
		return loadErr
	}
	var errs diag.List
	errs.Add(loadErr)
	errs.Add(render.ChapterErrors(s, opts.Root).Err())
	return dedupe(errs).Err()
}

// Build loads the plan under opts.Root, renders it and writes it to
// opts.Dest. Every problem is returned at once as a diag.List.
func Build(opts Options) (Stats, error) {
	s, err := plan.LoadFS(opts.Session.sources(opts.Root), opts.Root)
	if err != nil {
		return Stats{}, withMarkdownErrors(s, opts, err)
	}
	return BuildSite(s, opts)
}

// BuildSite renders an already loaded plan. Pages are written as they are
// made into a temporary folder that replaces opts.Dest only when the whole
// build succeeded.
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
	out, err := b.openOutput()
	if err != nil {
		return Stats{}, err
	}
	next, err := b.writeSite(out)
	if err != nil {
		out.Discard()
		return Stats{}, err
	}
	if err := b.saveReadings(); err != nil && opts.Warnings != nil {
		fmt.Fprintf(opts.Warnings, "warning: reading cache not saved (the next build analyses again): %v\n", err)
	}
	st := Stats{Pages: len(b.pageList), Carried: int(b.carried.Load()), Files: len(out.Files()), Warnings: warnings + b.mdWarnings}
	if err := out.Commit(); err != nil {
		out.Discard()
		opts.Session.remember(nil, "", nil) // the destination may be neither build's now
		return Stats{}, err
	}
	opts.Session.remember(next, opts.Dest, out.Files())
	return st, nil
}

// openOutput makes the folder the build writes into. A preview save (a
// session whose last build went into the same destination, without the
// bundles, which read the whole output back) updates the destination in
// place, file by file; every other build makes a new folder that replaces
// the destination whole.
func (b *builder) openOutput() (*output.Folder, error) {
	if s := b.opts.Session; s != nil && s.last != nil && s.dest == b.opts.Dest && b.opts.NoBundles {
		b.inPlace = true
		return output.Update(b.opts.Dest, b.opts.Minify, s.written)
	}
	return output.New(b.opts.Dest, b.opts.Minify)
}

// carry carries the page p, of the given size, over from the previous
// output, and reports whether it could. In place, the destination holds
// what the session's last build committed (only the session's builds
// write it), so the page is known to be there and is not checked again:
// at a thousand chapters those checks are a good part of a save.
func (b *builder) carry(out *output.Folder, p string, size int64) bool {
	if b.inPlace {
		out.Keep(p)
		return true
	}
	return out.LinkSized(p, size)
}

// writeSite renders every page into out, then the files derived from them:
// theme assets, copied content files, the sitemap, the search indexes and
// the bundles. What did not change since the previous build into the same
// output is carried over instead (see incremental.go).
func (b *builder) writeSite(out *output.Folder) (*manifest, error) {
	global, err := b.globalKey()
	if err != nil {
		return nil, err
	}
	prev := b.previousManifest()
	next := &manifest{Format: manifestFormat, Program: buildid.Program(), Pages: map[string]pageRecord{}, Derived: map[string]derived{}}
	pages := b.pageList
	keys := make([]string, len(pages))
	for i, pg := range pages {
		keys[i] = b.pageKey(global, pg)
	}
	derived := derivedKey(keys)
	if b.needsDocs(prev, out, pages, keys, derived) && !b.loadDocs(prev) {
		prev = emptyManifest() // without their search records no page can be carried over
	}
	b.markdownWarnings(prev, next, global)
	docs, err := b.renderAll(pages, keys, prev, next, out)
	if err != nil {
		return nil, err
	}
	if prev.docs != nil || b.carried.Load() == 0 {
		next.docs = make(map[string][]search.Record, len(pages))
		for i, pg := range pages {
			next.docs[pg.Path()] = docs[i]
		}
	} else {
		next.DocsSum = prev.DocsSum // every page carried over, with the records the file holds
	}
	if err := b.writeExtra(out); err != nil {
		return nil, err
	}
	err = b.derive(prev, next, out, "theme", global, func() ([]string, error) { return b.writeTheme(out) })
	if err == nil && !b.opts.NoSearch {
		err = b.derive(prev, next, out, "search", derived, func() ([]string, error) { return b.writeSearch(out, pages, docs) })
	}
	if err == nil {
		err = b.releaseDocs(prev, next)
	}
	if err == nil && !b.opts.NoBundles {
		next.Books = prev.Books // unless the books are made again
		err = b.derive(prev, next, out, "bundles", derived, func() ([]string, error) { return b.bundlePaths(), b.writeBundles(out, prev, next) })
	}
	if err == nil && !b.opts.NoBundles && b.chromium != "" {
		err = b.derive(prev, next, out, "pdf", derived, func() ([]string, error) { return pdfPaths, b.writePDFs(out) })
	}
	if err == nil {
		err = b.writeDownloadPages(out, pages, keys, next)
	}
	if err != nil {
		return nil, err
	}
	if err := out.WriteRaw(stampFile, []byte(stampText)); err != nil {
		return nil, err
	}
	return next, b.saveManifest(next)
}

// persist reports whether the build writes its caches to disk: always,
// but in a session (a preview server keeps them in memory) only after a
// build that rendered every page, so that a save is not slowed down by
// writing caches of the whole site.
func (b *builder) persist() bool {
	return b.opts.Session == nil || b.carried.Load() == 0
}

// saveReadings writes the reading cache. Pages carried over used no texts,
// so it keeps the texts they would use unless every page was rendered.
func (b *builder) saveReadings() error {
	if !b.persist() {
		return nil
	}
	return b.readings.Save(b.carried.Load() == 0)
}

// addCopies adds a page's copied content files to the site's.
func (b *builder) addCopies(m map[string]string) {
	b.copyMu.Lock()
	defer b.copyMu.Unlock()
	for o, c := range m {
		b.copies[o] = c
	}
}

// derive makes the derived output name (the search indexes, the bundles)
// with make, which returns the files it wrote, or links those files from
// the previous output when their inputs, all pages, did not change.
func (b *builder) derive(prev, next *manifest, out *output.Folder, name, key string, make func() ([]string, error)) error {
	files := prev.Derived[name].Files
	carried := carriable(prev, out, name, key)
	for i := 0; carried && i < len(files); i++ {
		carried = out.Link(files[i])
	}
	if !carried {
		var err error
		if files, err = make(); err != nil {
			return err
		}
	}
	next.Derived[name] = derived{Key: key, Files: files}
	return nil
}

// carriable reports whether the derived output name of the previous build
// is still there and made from the inputs of key.
func carriable(prev *manifest, out *output.Folder, name, key string) bool {
	files := prev.Derived[name].Files
	ok := prev.Derived[name].Key == key && len(files) > 0
	for _, p := range files {
		ok = ok && out.Exists(p)
	}
	return ok
}

// needsDocs reports whether the build needs the search records of the
// pages it carries over: when it carries some and makes the search index
// again. A warm build into an empty folder and a build with nothing
// changed do not read them.
func (b *builder) needsDocs(prev *manifest, out *output.Folder, pages []*render.Page, keys []string, derived string) bool {
	if !b.opts.NoSearch && carriable(prev, out, "search", derived) {
		return false
	}
	for i, pg := range pages {
		if r, ok := prev.Pages[pg.Path()]; ok && r.Key == keys[i] && out.Exists(pg.Path()) {
			return true
		}
	}
	return false
}

func newBuilder(s *plan.Site, opts Options) (*builder, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	th, err := render.Theme(opts.Root, s.Theme)
	if err != nil {
		return nil, err
	}
	b := &builder{opts: opts, root: opts.Root, site: s, theme: th, copies: map[string]string{}}
	if err := b.findChromium(); err != nil {
		return nil, err
	}
	b.readings = opts.Readings
	if b.readings == nil {
		b.readings = opts.Session.readingCache(s.Readings, opts.CacheDir)
	}
	b.r, err = render.New(s, render.Options{Root: opts.Root, Theme: th, Readings: b.readings, PDF: b.chromium != ""})
	if err != nil {
		return nil, err
	}
	b.pageList = b.r.Pages()
	return b, nil
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
	ws := make([]string, len(gaps))
	for i, g := range gaps {
		ws[i] = g.Error()
	}
	return b.printWarnings(ws), nil
}
