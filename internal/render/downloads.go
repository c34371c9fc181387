package render

import (
	"strconv"
	"strings"

	"github.com/plansite/plansite/internal/plan"
)

// Output paths of the offline bundles, linked from the home page; the
// build makes them (see package site).
const (
	ZIPPath          = "downloads/plan.zip"
	EPUBPath         = "downloads/plan.epub"
	EasyEPUBPath     = "downloads/plan-easy.epub"
	VerticalEPUBPath = "downloads/plan-vertical.epub"
	PDFPath          = "downloads/plan-large.pdf"
	EasyPDFPath      = "downloads/plan-easy-large.pdf"
)

// Download is one file of the home page's download section.
type Download struct {
	Path  string // output path
	label string // its label's key (labels.go)
	InZip bool   // plan.zip holds it
}

// Downloads are the files of the home page's download section: the ZIP,
// the EPUBs and, when they are made (Options.PDF), the PDFs.
func (r *Renderer) Downloads() []Download {
	all := []Download{{ZIPPath, "dlzip", false}, {EPUBPath, "dlepub", true}, {EasyEPUBPath, "dlepubeasy", true}}
	if r.site.HasEdition(plan.EditionVertical) {
		all = append(all, Download{VerticalEPUBPath, "dlepubvertical", true})
	}
	if r.pdf {
		all = append(all, Download{PDFPath, "dlpdf", false}, Download{EasyPDFPath, "dlpdfeasy", false})
	}
	return all
}

// downloads are the links of the home page's download section, each with
// its file's size when the page knows it (t.pg.sizes). In the copy inside
// plan.zip, files that the ZIP does not hold (itself, the PDFs) link to
// the web site when base_url is set, and are left out otherwise, so that
// the ZIP has no dead link.
func (r *Renderer) downloads(t *text) []link {
	var out []link
	for _, d := range r.Downloads() {
		switch {
		case !t.pg.inZip || d.InZip:
			out = append(out, link{Href: rel(t.pg.path, d.Path), Text: t.label(r.downloadLabel(t.pg, d))})
		case r.site.BaseURL != "":
			out = append(out, link{Href: strings.TrimSuffix(r.site.BaseURL, "/") + "/" + d.Path, Text: t.label(r.downloadLabel(t.pg, d)) + t.L("dlonline")})
		}
	}
	return out
}

// downloadLabel names download d on page pg: what it is, its format and,
// when known, its size, as Japanese public sites write it
// (電子書籍（EPUB形式、52KB）); in the わかりやすい版 the size is said in
// easy words (大きさ 52KB).
func (r *Renderer) downloadLabel(pg *Page, d Download) string {
	size := ""
	if n, ok := pg.sizes[d.Path]; ok {
		size = strings.Replace(label("dlsize", pg.variant), "%s", FileSize(n), 1)
	}
	return strings.Replace(label(d.label, pg.variant), "%s", size, 1)
}

// FileSize is a size in bytes as readers see it in their file manager:
// whole kilobytes (at least 1KB) below a megabyte, else megabytes with one
// decimal (2.5MB); 1KB is 1,024 bytes.
func FileSize(n int64) string {
	const kb, mb = 1024, 1024 * 1024
	if k := (n + kb/2) / kb; k < kb {
		return strconv.FormatInt(max(1, k), 10) + "KB"
	}
	return strconv.FormatFloat(float64(n)/mb, 'f', 1, 64) + "MB"
}
