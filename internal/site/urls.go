package site

import (
	"path"
	"strings"
)

// EasyDir is the output folder of the わかりやすい版.
const EasyDir = "easy/"

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
	assetsDir       = "assets/"
)

func chapterPath(slug string) string { return "chapters/" + slug + ".html" }
func pillarPath(n int) string        { return "pillars/" + itoa(n) + ".html" }
