package site

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/sitetest"
)

// dated is a small site whose chapter has its own 更新日 in each variant;
// every other page shows the site's published date.
const dated = `
-- content/site.yaml --
city: 小平市
title: テスト計画
short_title: テスト
period: {from: 2024, to: 2029}
published: 2024-03-29
philosophy: [ともに生きる]
base_url: https://example.jp/plan/
-- content/chapters/01-a.md --
---
title: はじめに
updated: 2025-06-01
---
# 計画

本文です。
-- content/chapters/01-a.easy.md --
---
title: はじめに
updated: 2025-07-15
---
# けいかく

ほんぶん です。
-- content/pillars/1-a.yaml --
number: 1
title: 相談
measures:
  - number: 1
    title: 相談の充実
    description: 相談します。
    departments: [福祉課]
`

// TestSitemapLastmodIsThePageDate: every URL in sitemap.xml carries as
// lastmod the date its page shows as 更新日 (<time datetime>), from the
// front matter of the text the page shows or the site's published date.
func TestSitemapLastmodIsThePageDate(t *testing.T) {
	root := sitetest.Write(t, dated)
	dest := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Dest: dest, NoBundles: true}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatalf("sitemap.xml is not XML: %v\n%s", err, data)
	}
	want := map[string]string{
		"chapters/01-a.html":      "2025-06-01",
		"easy/chapters/01-a.html": "2025-07-15",
		"index.html":              "2024-03-29",
		"easy/pillars/1.html":     "2024-03-29",
	}
	for _, u := range set.URLs {
		rel := strings.TrimPrefix(u.Loc, "https://example.jp/plan/")
		page, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatalf("%s: %v", u.Loc, err)
		}
		if !strings.Contains(string(page), `<time datetime="`+u.Lastmod+`"`) {
			t.Errorf("%s: lastmod %q is not the date the page shows", rel, u.Lastmod)
		}
		if w, ok := want[rel]; ok && u.Lastmod != w {
			t.Errorf("%s: lastmod %q, want %q", rel, u.Lastmod, w)
		}
		delete(want, rel)
	}
	if len(want) > 0 {
		t.Errorf("missing from the sitemap: %v", want)
	}
}

// TestSitemapWithoutDate: a page that shows no date has no lastmod (no
// made-up date, and never a file time).
func TestSitemapWithoutDate(t *testing.T) {
	root := sitetest.Write(t, strings.Replace(strings.Replace(dated, "published: 2024-03-29\n", "", 1), "updated: 2025-06-01\n", "", 1))
	dest := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Dest: dest, NoBundles: true}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.Contains(s, "<loc>https://example.jp/plan/index.html</loc></url>") {
		t.Errorf("home has a lastmod without a date:\n%s", s)
	}
	if !strings.Contains(s, "<loc>https://example.jp/plan/easy/chapters/01-a.html</loc><lastmod>2025-07-15</lastmod>") {
		t.Errorf("easy chapter lost its own date:\n%s", s)
	}
}
