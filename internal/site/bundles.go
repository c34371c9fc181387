package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/plansite/plansite/internal/bundle"
	"github.com/plansite/plansite/internal/output"
	"github.com/plansite/plansite/internal/pdf"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/render"
	"github.com/plansite/plansite/internal/ruby"
)

// OnDemand are the path prefixes of the files that a build with NoSearch
// and NoBundles leaves out.
var OnDemand = []string{"downloads/", render.AssetsDir + "search"}

// pdfPaths are the large-print PDFs.
var pdfPaths = []string{render.PDFPath, render.EasyPDFPath}

// bundlePaths are the files writeBundles makes: the EPUBs and the ZIP.
func (b *builder) bundlePaths() []string {
	var out []string
	for _, bk := range b.epubs() {
		out = append(out, bk.path)
	}
	return append(out, render.ZIPPath)
}

// writeBundles makes the offline versions of the finished site from the
// files in out: an EPUB 3 of each variant (and the 縦書き edition when
// site.yaml asks for it), then a ZIP of the whole site with them (it works
// opened from file://). The ZIP reads each file only when it packs it, and
// reuses the compressed entries of files the previous build's ZIP already
// holds unchanged; the EPUBs reuse the documents of unchanged pages from
// the previous build's books, with the memos prev keeps (next gets the new
// ones). Its home pages link what it cannot hold to the web site.
func (b *builder) writeBundles(out *output.Folder, prev, next *manifest) error {
	var in []bundle.File
	for _, p := range out.Files() {
		in = append(in, bundle.File{Path: p, Load: func() ([]byte, error) { return out.Read(p) }})
	}
	// one book at a time (each converts its pages on every core), so that
	// only one is in memory
	books := map[string][]byte{}
	for _, bk := range b.epubs() {
		reuse := bundle.Reuse{Previous: b.previousFile(bk.path), Memo: prev.Books[bk.path]}
		err := out.WriteStream(bk.path, func(w io.Writer) (err error) {
			books[bk.path], err = bundle.WriteEPUB(w, epubInput(in, bk.variant == "easy"), bk.variant, bk.meta, reuse)
			return err
		})
		if err != nil {
			return fmt.Errorf("EPUB bundle %s: %w", bk.path, err)
		}
		// the ZIP carries the EPUBs too, so its copy of the site is complete
		in = append(in, bundle.File{Path: bk.path, Load: func() ([]byte, error) { return out.Read(bk.path) }})
	}
	next.Books = books
	if err := b.zipHomes(in, out); err != nil {
		return err
	}
	err := out.WriteStream(render.ZIPPath, func(w io.Writer) error {
		return bundle.WriteZIP(w, in, b.bundleMeta(render.Standard), bundle.ZIPOptions{Root: "plan", Workers: b.opts.Workers,
			Previous: b.previousFile(render.ZIPPath)})
	})
	if err != nil {
		return fmt.Errorf("ZIP bundle: %w", err)
	}
	return nil
}

// previousFile is where the previous build put output file p.
func (b *builder) previousFile(p string) string {
	return filepath.Join(b.opts.Dest, filepath.FromSlash(p))
}

// epubInput is the files an EPUB of one variant reads: its pages and the
// images and documents they may link to. The rest are named (links to
// them become text) but not read.
func epubInput(files []bundle.File, easy bool) []bundle.File {
	out := make([]bundle.File, len(files))
	for i, f := range files {
		out[i] = bundle.File{Path: f.Path}
		ext := path.Ext(f.Path)
		isEasy := strings.HasPrefix(f.Path, render.EasyDir)
		switch {
		case ext == ".html" && isEasy == easy, ext != ".html" && ext != ".js" && ext != ".css" && ext != ".xml":
			out[i].Load = f.Load
		}
	}
	return out
}

// book is one EPUB edition.
type book struct {
	path, variant string
	meta          bundle.Meta
}

// epubs are the EPUB editions of the site.
func (b *builder) epubs() []book {
	out := []book{
		{render.EPUBPath, "standard", b.bundleMeta(render.Standard)},
		{render.EasyEPUBPath, "easy", b.bundleMeta(render.Easy)},
	}
	if b.site.HasEdition(plan.EditionVertical) {
		m := b.bundleMeta(render.Standard)
		m.Vertical = true
		if b.site.BaseURL != "" {
			m.Identifier = strings.TrimSuffix(b.site.BaseURL, "/") + "/" + render.VerticalEPUBPath
		}
		out = append(out, book{render.VerticalEPUBPath, "standard", m})
	}
	return out
}

// bundleMeta describes the plan for the bundles of variant v. The
// identifier is the variant's address when base_url is set (else the
// bundle makes one from the title). The department that publishes the plan
// vouches for the conformance claim.
func (b *builder) bundleMeta(v render.Variant) bundle.Meta {
	s, ed := b.site, b.r.Edition(v)
	id := ""
	if s.BaseURL != "" {
		id = strings.TrimSuffix(s.BaseURL, "/") + "/" + ed.Folder
	}
	dept := s.Contact.Department
	if dept != "" && !strings.HasPrefix(dept, s.City) {
		dept = strings.TrimSpace(s.City + " " + dept)
	}
	return bundle.Meta{
		Title:      ruby.Plain(s.Title),
		Author:     s.City,
		Publisher:  bundle.JoinNames(s.City, s.Contact.Department),
		Language:   "ja",
		Identifier: id,
		Modified:   b.published(),
		Certifier:  dept,
		Contents:   ed.Contents,
	}
}

// published is the site's published date, else April 1 of the first
// fiscal year, so that the same input always gives the same bytes.
func (b *builder) published() time.Time {
	s := b.site
	t, err := time.Parse("2006-01-02", s.Published)
	if err != nil {
		t = time.Date(s.Period.From, time.April, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// findChromium decides whether this build prints the large-print PDFs:
// only when asked (Options.PDF, and bundles are made) and a browser is
// found. Finding none is a
// note, said once, and the build goes on; a browser that was named but
// cannot be run is an error.
func (b *builder) findChromium() error {
	if !b.opts.PDF || b.opts.NoBundles {
		return nil
	}
	c, err := pdf.Find(b.opts.Chromium, os.Getenv)
	if errors.Is(err, pdf.ErrNoChromium) {
		if b.opts.Warnings != nil {
			fmt.Fprintf(b.opts.Warnings, "note: the large-print PDFs (%s, %s) were skipped: %v\n", render.PDFPath, render.EasyPDFPath, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("large-print PDFs: %w", err)
	}
	b.chromium = c
	return nil
}

// writePDFs prints the large-print PDF of each variant from the pages
// already written into out, before the build is swapped in.
func (b *builder) writePDFs(out *output.Folder) error {
	if b.chromium == "" {
		return nil
	}
	var docs []pdf.Doc
	for _, v := range []render.Variant{render.Standard, render.Easy} {
		file := render.PDFPath
		if v == render.Easy {
			file = render.EasyPDFPath
		}
		ed := b.r.Edition(v)
		docs = append(docs, pdf.Doc{
			Pages:    ed.Printed,
			Out:      out.Path(file),
			Title:    ed.Title,
			Contents: pdf.Contents{Heading: ed.Heading, Entries: ed.Contents},
		})
	}
	err := pdf.Print(context.Background(), pdf.Options{Chromium: b.chromium, Root: out.Path("."), Date: b.published()}, docs)
	if err != nil {
		return fmt.Errorf("large-print PDFs: %w (build without them with --pdf=false)", err)
	}
	for _, p := range pdfPaths {
		out.Add(p)
	}
	return nil
}

// writeDownloadPages renders the pages that list the downloads (the home
// pages) again once the downloads are made, so that each link states its
// file's size, and replaces the copies renderAll wrote. The sizes are
// those of the files in out: a file this build did not make (plansite
// serve, --bundles=false, a PDF without a browser) has no size, never a
// stale one. The EPUBs and PDFs leave the download section out, and the
// ZIP renders its own home pages, so no bundle depends on these copies.
// A page's manifest key records the sizes it states (sizesKey): a page
// carried over with the same sizes is left as it is.
func (b *builder) writeDownloadPages(out *output.Folder, pages []*render.Page, keys []string, next *manifest) error {
	sizes := b.downloadSizes(out, false)
	for i, pg := range pages {
		r := next.Pages[pg.Path()]
		key := keys[i] + sizesKey(sizes)
		if pg.Kind() != "home" || r.Key == key {
			continue
		}
		res, err := b.r.Render(pg.WithDownloads(sizes, false))
		if err != nil {
			return err
		}
		size, err := out.Replace(pg.Path(), res.HTML)
		if err != nil {
			return err
		}
		r.Key, r.Size = key, size
		next.Pages[pg.Path()] = r
	}
	return nil
}

// withSizes starts the part of a page's manifest key that records the
// sizes of the downloads the page states.
const withSizes = "+sizes"

// sizesKey is that part for sizes: "" for none, so that a page without
// sizes keeps the key renderAll gives it.
func sizesKey(sizes map[string]int64) string {
	if len(sizes) == 0 {
		return ""
	}
	paths := make([]string, 0, len(sizes))
	for p := range sizes {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	b.WriteString(withSizes)
	for _, p := range paths {
		b.WriteString(" " + p + "=" + strconv.FormatInt(sizes[p], 10))
	}
	return b.String()
}

// sameInputs reports whether a manifest record's key is key, possibly with
// the sizes of the downloads the page states (writeDownloadPages).
func sameInputs(recorded, key string) bool {
	return recorded == key || strings.HasPrefix(recorded, key+withSizes)
}

// downloadSizes are the sizes of the downloads written into out so far,
// by path; inZip keeps only those plan.zip holds.
func (b *builder) downloadSizes(out *output.Folder, inZip bool) map[string]int64 {
	sizes := map[string]int64{}
	for _, d := range b.r.Downloads() {
		if inZip && !d.InZip {
			continue
		}
		if st, err := os.Stat(out.Path(d.Path)); err == nil && st.Mode().IsRegular() {
			sizes[d.Path] = st.Size()
		}
	}
	return sizes
}

// zipHomes renders the home pages again for the copy of the site inside
// plan.zip (minified as out minifies) and puts them in place of the web
// site's in files. They state the sizes of the files the ZIP holds (the
// EPUBs, already written); the ZIP's own size cannot be in it.
func (b *builder) zipHomes(files []bundle.File, out *output.Folder) error {
	sizes := b.downloadSizes(out, true)
	for _, pg := range b.pageList {
		if pg.Kind() != "home" {
			continue
		}
		res, err := b.r.Render(pg.WithDownloads(sizes, true))
		var data []byte
		if err == nil {
			data, err = out.Minify(pg.Path(), res.HTML)
		}
		if err != nil {
			return err
		}
		for i := range files {
			if files[i].Path == pg.Path() {
				files[i].Data, files[i].Load = data, nil
			}
		}
	}
	return nil
}
