package render

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/sitetest"
)

// linkSite is a small site for the link check: a chapter, its easy text, a
// pillar, a glossary, files with sitetest.Hostile names and a link that leaves the
// site folder (added by resolveBuilder).
const linkSite = sitetest.Hostile + `-- content/chapters/01-a.easy.md --
---
title: はじめに
---
やさしい ことば
-- content/chapters/02-b.md --
---
title: 計画
---
本文
-- content/pillars/1-soudan.yaml --
number: 1
title: 相談
measures:
  - number: 1
    title: 相談窓口
    description: 窓口を置きます。
    departments: [福祉課]
-- content/glossary.yaml --
- term: 合理的配慮
  description: 説明
-- content/chapters/files/ok.pdf --
pdf
-- content/chapters/01-a.html --
not a page
`

// resolveBuilder loads linkSite into a renderer, with a link to a file
// outside the site folder at content/chapters/files/leak.pdf.
func resolveBuilder(f *testing.F) *Renderer {
	root := sitetest.Write(f, linkSite)
	outside := filepath.Join(f.TempDir(), "secret.pdf")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		f.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "content", "chapters", "files", "leak.pdf")); err != nil {
		f.Fatal(err)
	}
	s, err := plan.Load(root)
	if err != nil {
		f.Fatal(err)
	}
	th, err := Theme(root, s.Theme)
	if err != nil {
		f.Fatal(err)
	}
	r, err := New(s, Options{Root: root, Theme: th, Readings: furigana.NewCache(furigana.New(nil), "")})
	if err != nil {
		f.Fatal(err)
	}
	return r
}

// FuzzResolve feeds link destinations, as an author writes them in a
// chapter, to the link check. None may panic; a link that resolves points
// inside the output folder, and a file it copies is a regular file under
// content/ whose copy replaces none of the site's own files.
func FuzzResolve(f *testing.F) {
	b := resolveBuilder(f)
	for _, s := range []string{
		"02-b.md", "02-b.md#x", "01-a.easy.md", "../pillars/1-soudan.yaml#measure-1",
		"../glossary.yaml#合理的配慮", "../glossary.yaml#ないことば", "../glossary.yaml",
		"files/ok.pdf", "files/%E8%A8%88%E7%94%BB%E6%9B%B8%20%232.pdf", "files/a&b%22c%3Cd%3E.csv",
		"files/leak.pdf", "files/missing.pdf", "files", "01-a.html", "../../assets/plansite.css",
		"../../../etc/passwd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..\\files\\ok.pdf", "C:\\docs\\a.pdf",
		"/index.html", "//evil.example/x", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x",
		"file:///etc/passwd", "picto:../../x", "picto:", "#", "", "?x", "files/ok.pdf?x#y", "%zz", "%00",
		"../site.yaml", "../../content/chapters/02-b.md", "../.plansite-output", "../sitemap.xml",
		"../404.html", "../downloads/x.zip", "files/../../../plansite/x",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, dest string, easy bool) {
		v, from := Standard, chapterPath("01-a")
		if easy {
			v, from = Easy, variantPath(from, Easy)
		}
		links := &pageLinks{used: map[string]bool{}, copies: map[string]string{}}
		got, err := b.resolver("content/chapters/01-a.md", from, v, links)(dest)
		if err != nil {
			if !utf8.ValidString(err.Error()) && utf8.ValidString(dest) {
				t.Fatalf("%q: message not UTF-8: %q", dest, err)
			}
			return
		}
		if got == "" || strings.HasPrefix(got, "#") || hasScheme(got) {
			return
		}
		checkInside(t, dest, from, got)
		for out, src := range links.copies {
			checkCopy(t, b, dest, out, src)
		}
	})
}

// checkInside fails unless the relative URL got, on the page from, points
// inside the output folder.
func checkInside(t *testing.T, dest, from, got string) {
	t.Helper()
	u, err := url.Parse(got)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
		t.Fatalf("%q resolved to %q, not a relative address (%v)", dest, got, err)
	}
	if p := path.Join(path.Dir(from), u.Path); p == ".." || strings.HasPrefix(p, "../") {
		t.Fatalf("%q resolved to %q, outside the output folder (%s)", dest, got, p)
	}
}

// checkCopy fails unless the copy of src to out stays inside content/ and
// the output folder, reads a regular file inside the site folder and
// replaces none of the site's own files.
func checkCopy(t *testing.T, b *Renderer, dest, out, src string) {
	t.Helper()
	if path.Clean(out) != out || strings.HasPrefix(out, "../") || path.IsAbs(out) || b.generated(out) {
		t.Fatalf("%q copies to %q", dest, out)
	}
	if !strings.HasPrefix(src, "content/") || path.Clean(src) != src {
		t.Fatalf("%q copies %q", dest, src)
	}
	real, err := filepath.EvalSymlinks(filepath.Join(b.root, filepath.FromSlash(src)))
	if err != nil {
		t.Fatalf("%q copies %q: %v", dest, src, err)
	}
	root, _ := filepath.EvalSymlinks(b.root)
	if st, err := os.Stat(real); err != nil || !st.Mode().IsRegular() || !strings.HasPrefix(real, root+string(filepath.Separator)) {
		t.Fatalf("%q copies %q, which is %s", dest, src, real)
	}
}
