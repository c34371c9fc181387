package site

import (
	"fmt"
	"github.com/plansite/plansite/internal/output"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/plansite/plansite/internal/bundle"
	"github.com/plansite/plansite/internal/ruby"
)

// Output paths of the offline bundles, linked from the home page.
const (
	zipPath      = "downloads/plan.zip"
	epubPath     = "downloads/plan.epub"
	easyEPUBPath = "downloads/plan-easy.epub"
)

// OnDemand are the path prefixes of the files that a build with NoSearch
// and NoBundles leaves out.
var OnDemand = []string{"downloads/", assetsDir + "search"}

// bundlePaths are the bundle files.
var bundlePaths = []string{epubPath, easyEPUBPath, zipPath}

// writeBundles makes the offline versions of the finished site from the
// files in out: a ZIP of the whole site (it works opened from file://) and
// an EPUB 3 of each variant. The ZIP reads each file only when it packs
// it, and reuses the compressed entries of files the previous build's ZIP
// already holds unchanged.
func (b *builder) writeBundles(out *output.Folder) error {
	var in []bundle.File
	for _, p := range out.Files() {
		in = append(in, bundle.File{Path: p, Load: func() ([]byte, error) { return out.Read(p) }})
	}
	m := b.bundleMeta()
	var books [2][]byte
	var errs [2]error
	b.parallel(2, func(i int) {
		books[i], errs[i] = bundle.EPUB(epubInput(in, i == 1), []string{"standard", "easy"}[i], m)
	})
	if errs[0] != nil {
		return fmt.Errorf("EPUB bundle: %w", errs[0])
	}
	if errs[1] != nil {
		return fmt.Errorf("EPUB bundle (わかりやすい版): %w", errs[1])
	}
	if err := out.WriteRaw(epubPath, books[0]); err != nil {
		return err
	}
	if err := out.WriteRaw(easyEPUBPath, books[1]); err != nil {
		return err
	}
	// the ZIP carries the EPUBs too, so its copy of the site is complete
	in = append(in, bundle.File{Path: epubPath, Data: books[0]}, bundle.File{Path: easyEPUBPath, Data: books[1]})
	zipFile := out.Path(zipPath)
	f, err := os.Create(zipFile)
	if err != nil {
		return err
	}
	err = bundle.WriteZIP(f, in, m, bundle.ZIPOptions{Root: "plan", Workers: b.opts.Workers,
		Previous: filepath.Join(b.opts.Dest, filepath.FromSlash(zipPath))})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("ZIP bundle: %w", err)
	}
	out.Add(zipPath)
	return nil
}

// epubInput is the files an EPUB of one variant reads: its pages and the
// images and documents they may link to. The rest are named (links to
// them become text) but not read.
func epubInput(files []bundle.File, easy bool) []bundle.File {
	out := make([]bundle.File, len(files))
	for i, f := range files {
		out[i] = bundle.File{Path: f.Path}
		ext := path.Ext(f.Path)
		isEasy := strings.HasPrefix(f.Path, EasyDir)
		switch {
		case ext == ".html" && isEasy == easy, ext != ".html" && ext != ".js" && ext != ".css" && ext != ".xml":
			out[i].Load = f.Load
		}
	}
	return out
}

// bundleMeta describes the plan for the bundles. The date is the site's
// published date, else April 1 of the first fiscal year, so that the same
// input always gives the same bytes.
func (b *builder) bundleMeta() bundle.Meta {
	s := b.site
	mod, err := time.Parse("2006-01-02", s.Published)
	if err != nil {
		mod = time.Date(s.Period.From, time.April, 1, 0, 0, 0, 0, time.UTC)
	}
	id := "urn:plansite:" + ruby.Plain(s.Title)
	if s.BaseURL != "" {
		id = strings.TrimSuffix(s.BaseURL, "/") + "/"
	}
	return bundle.Meta{
		Title:      ruby.Plain(s.Title),
		Author:     s.City,
		Publisher:  bundle.JoinNames(s.City, s.Contact.Department),
		Language:   "ja",
		Identifier: id,
		Modified:   mod,
	}
}
