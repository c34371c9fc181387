package site

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/sitetest"
)

func TestHostileNamesEscaped(t *testing.T) {
	root := sitetest.Write(t, sitetest.Hostile)
	dest := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dest, "chapters", "01-a.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`href="files/%E8%A8%88%E7%94%BB%E6%9B%B8%20%232.pdf"`,
		`href="files/a&amp;b%22c%3Cd%3E.csv"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("chapter lacks %s", want)
		}
	}
	for _, f := range []string{"chapters/files/計画書 #2.pdf", `chapters/files/a&b"c<d>.csv`} {
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(f))); err != nil {
			t.Errorf("copied file missing: %v", err)
		}
	}
	data, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatalf("sitemap.xml is not XML: %v\n%s", err, data)
	}
	if len(set.URLs) == 0 || set.URLs[0].Loc != "https://example.jp/a&b/index.html" {
		t.Errorf("locs %v", set.URLs)
	}
}

// TestLinkOutsideSite: a linked file that is a symbolic link out of the
// site is an error at the link, and the file is not copied.
func TestLinkOutsideSite(t *testing.T) {
	root := sitetest.Write(t, strings.Replace(sitetest.Hostile, "[表]", "[秘密](files/shadow.pdf)\n\n[表]", 1))
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("root:x"), 0o600)
	if err := os.Symlink(secret, filepath.Join(root, "content", "chapters", "files", "shadow.pdf")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(root, "public")
	_, err := Build(Options{Root: root, Dest: dest})
	want := `content/chapters/01-a.md:8: link to "files/shadow.pdf": content/chapters/files/shadow.pdf: a symbolic link that leads outside the site folder, to ` + secret + ` (copy the file into the site folder instead of linking to it)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("output written")
	}
}

// TestThemeLinkOutside: a theme file that links out of themes/ is refused,
// not replaced silently by the default theme's file.
func TestThemeLinkOutside(t *testing.T) {
	root := sitetest.Write(t, sitetest.Hostile+"-- themes/city/static/city.css --\nbody{}\n")
	src := filepath.Join(root, "content", "site.yaml")
	data, _ := os.ReadFile(src)
	os.WriteFile(src, append(data, "theme: city\n"...), 0o644)
	if err := os.Symlink("/etc/passwd", filepath.Join(root, "themes", "city", "static", "plansite.css")); err != nil {
		t.Fatal(err)
	}
	_, err := Build(Options{Root: root, Dest: filepath.Join(root, "public")})
	want := "themes/city/static/plansite.css: a symbolic link that leads outside the site folder, to /etc/passwd (copy the file into themes/ instead of linking to it)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v", err)
	}
}
