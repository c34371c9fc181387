package render

import (
	"net/url"
	"path"
	"strings"

	"github.com/plansite/plansite/internal/safefs"
)

// EasyDir is the output folder of the わかりやすい版.
const EasyDir = "easy/"

// StampFile marks a folder as plansite output: the build writes it at the
// top of every output folder (see package site). No content file may be
// copied over it.
const StampFile = ".plansite-output"

// rel returns a relative URL from the page at output path from (for
// example "chapters/01-intro.html") to the output path to, which may carry
// a #fragment. Output never needs a leading slash or host, so the site
// works under any sub-path and from file://.
func rel(from, to string) string {
	target, frag, _ := strings.Cut(to, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if target == "" {
		return frag
	}
	if target == from {
		if frag != "" {
			return frag
		}
		return path.Base(target)
	}
	fromDir := path.Dir(from)
	up := 0
	for fromDir != "." && !strings.HasPrefix(target, fromDir+"/") {
		fromDir = path.Dir(fromDir)
		up++
	}
	if fromDir != "." {
		target = strings.TrimPrefix(target, fromDir+"/")
	}
	return strings.Repeat("../", up) + target + frag
}

// variantPath returns the output path of the standard path p in variant v.
func variantPath(p string, v Variant) string {
	if v == Easy {
		return EasyDir + p
	}
	return p
}

// Standard output paths of the site's fixed pages.
const (
	homePath        = "index.html"
	measuresPath    = "measures.html"
	departmentsPath = "departments.html"
	glossaryPath    = "glossary.html"
	contactPath     = "contact.html"
	searchPath      = "search.html"
	policyPath      = "accessibility.html"
	resultsPath     = "accessibility-results.html"
	notFoundPath    = "404.html"
)

// AssetsDir is the output folder of the theme's static files and the
// search index.
const AssetsDir = "assets/"

func chapterPath(slug string) string { return "chapters/" + slug + ".html" }
func pillarPath(n int) string        { return "pillars/" + itoa(n) + ".html" }

// EscapePath percent-encodes each segment of the relative URL p (a path
// with "/" and "../", no fragment), so that a file named 計画書 #2.pdf
// links as %E8%A8%88%E7%94%BB%E6%9B%B8%20%232.pdf. Page paths are already
// safe; this is for copied files, whose names authors choose.
func EscapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// contentFS reads content and copied files of the site: regular files
// inside the site folder only, up to safefs.CopyLimit.
func (r *Renderer) contentFS() safefs.FS { return safefs.New(r.root, safefs.CopyLimit) }

// generated reports whether the output path out is a file the build makes
// itself (a page, a theme asset, a bundle, sitemap.xml), which a copied
// content file must not replace.
func (r *Renderer) generated(out string) bool {
	if strings.HasPrefix(out, AssetsDir) || strings.HasPrefix(out, "downloads/") || out == "sitemap.xml" || out == StampFile {
		return true
	}
	for _, pg := range r.Pages() {
		if pg.path == out {
			return true
		}
	}
	return false
}
