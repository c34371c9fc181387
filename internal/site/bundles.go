package site

import (
	"fmt"
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

// bundles makes the offline versions of the finished site: a ZIP of the
// whole site (it works opened from file://) and an EPUB 3 of each variant.
func (b *builder) bundles(files []file) ([]file, error) {
	in := make([]bundle.File, len(files))
	for i, f := range files {
		in[i] = bundle.File{Path: f.Path, Data: f.Data}
	}
	m := b.bundleMeta()
	var std, easy []byte
	var errs [2]error
	b.parallel(2, func(i int) {
		if i == 0 {
			std, errs[0] = bundle.EPUB(in, "standard", m)
		} else {
			easy, errs[1] = bundle.EPUB(in, "easy", m)
		}
	})
	if errs[0] != nil {
		return nil, fmt.Errorf("EPUB bundle: %w", errs[0])
	}
	if errs[1] != nil {
		return nil, fmt.Errorf("EPUB bundle (わかりやすい版): %w", errs[1])
	}
	// the ZIP carries the EPUBs too, so its copy of the site is complete
	in = append(in, bundle.File{Path: epubPath, Data: std}, bundle.File{Path: easyEPUBPath, Data: easy})
	zip, err := bundle.ZIP(in, "plan", m)
	if err != nil {
		return nil, fmt.Errorf("ZIP bundle: %w", err)
	}
	return []file{{epubPath, std}, {easyEPUBPath, easy}, {zipPath, zip}}, nil
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
		Publisher:  strings.TrimSpace(s.City + " " + s.Contact.Department),
		Language:   "ja",
		Identifier: id,
		Modified:   mod,
	}
}
