package site

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/pdf"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/render"
)

// epubEntry reads one file of an EPUB.
func epubEntry(t *testing.T, book []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var (
	tocLink  = regexp.MustCompile(`<a href="([^"]*)">`)
	metaProp = regexp.MustCompile(`<meta property="([^"]+)">([^<]*)</meta>`)
)

// TestEditionContents checks the EPUBs of the sample against the plan:
// the contents list every chapter, pillar, direction and measure once, in
// the plan's structure, and nothing else on the pages; the metadata says
// what is true of each book.
func TestEditionContents(t *testing.T) {
	s, err := plan.Load(sampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	dest, _ := buildSample(t, true)
	for _, tc := range []struct {
		path, id, ruby string
		easy           bool
	}{
		{render.EPUBPath, "https://www.example.jp/plan/", "rubyAnnotations", false},
		{render.EasyEPUBPath, "https://www.example.jp/plan/easy/", "fullRubyAnnotations rubyAnnotations", true},
	} {
		book, err := os.ReadFile(filepath.Join(dest, tc.path))
		if err != nil {
			t.Fatal(err)
		}
		nav := epubEntry(t, book, "EPUB/nav.xhtml")
		toc := nav[:strings.Index(nav, "</nav>")]
		var want []string
		want = append(want, "index.xhtml")
		for _, c := range s.Chapters {
			want = append(want, "chapters/"+c.Slug+".xhtml")
		}
		for _, p := range s.Pillars {
			pg := "pillars/" + strconv.Itoa(p.Number) + ".xhtml"
			want = append(want, pg)
			for _, d := range p.Directions {
				want = append(want, pg+"#direction-"+strconv.Itoa(p.Number)+"-"+strconv.Itoa(d.Number))
				for _, m := range d.Measures {
					want = append(want, pg+"#"+m.ID)
				}
			}
			for _, m := range p.Measures {
				want = append(want, pg+"#"+m.ID)
			}
		}
		want = append(want, "measures.xhtml", "departments.xhtml", "glossary.xhtml", "contact.xhtml")
		var got []string
		for _, m := range tocLink.FindAllStringSubmatch(toc, -1) {
			got = append(got, m[1])
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s contents:\n%s\nwant\n%s", tc.path, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, bad := range []string{"このページのことば", "ダウンロード", "ことば</a>"} {
			if strings.Contains(toc, bad) {
				t.Errorf("%s contents list page furniture %q", tc.path, bad)
			}
		}
		if tc.easy && strings.Count(toc, "<ruby") < len(want) {
			t.Errorf("easy contents labels lack ruby:\n%s", toc)
		}
		if home := epubEntry(t, book, "EPUB/index.xhtml"); strings.Contains(home, "plan.zip") || strings.Contains(home, "ダウンロード") {
			t.Errorf("%s carries the download section", tc.path)
		}
		meta := map[string][]string{}
		opf := epubEntry(t, book, "EPUB/package.opf")
		for _, m := range metaProp.FindAllStringSubmatch(opf, -1) {
			meta[m[1]] = append(meta[m[1]], m[2])
		}
		if !strings.Contains(opf, `<dc:identifier id="pub-id">`+tc.id+`</dc:identifier>`) {
			t.Errorf("%s identifier is not %s", tc.path, tc.id)
		}
		var ruby []string
		for _, f := range meta["schema:accessibilityFeature"] {
			if strings.Contains(f, "uby") {
				ruby = append(ruby, f)
			}
		}
		if strings.Join(ruby, " ") != tc.ruby {
			t.Errorf("%s ruby features %v, want %s", tc.path, ruby, tc.ruby)
		}
		if c := meta["a11y:certifiedBy"]; len(c) != 1 || c[0] != s.Contact.Department || len(meta["dcterms:conformsTo"]) != 1 {
			t.Errorf("%s claim %v certified by %v", tc.path, meta["dcterms:conformsTo"], c)
		}
		sum := strings.Join(meta["schema:accessibilitySummary"], "")
		if tc.easy != strings.Contains(sum, "すべての漢字に") || tc.easy == strings.Contains(sum, "漢字の約") {
			t.Errorf("%s summary does not match its ruby: %s", tc.path, sum)
		}
	}
}

// TestPDFSkippedWithoutChromium: with no browser the build says so once,
// succeeds, and links no PDF.
func TestPDFSkippedWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(pdf.EnvVar, "")
	dest := filepath.Join(t.TempDir(), "public")
	var warn bytes.Buffer
	if _, err := Build(Options{Root: sampleRoot, Dest: dest, PDF: true, Warnings: &warn}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(warn.String(), "large-print PDFs"); n != 1 || !strings.Contains(warn.String(), "--chromium") {
		t.Errorf("%d notes about the PDFs:\n%s", n, warn.String())
	}
	home, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if _, err := os.Stat(filepath.Join(dest, render.PDFPath)); err == nil || bytes.Contains(home, []byte(".pdf")) {
		t.Error("a PDF was written or linked without Chromium")
	}
	if _, err := Build(Options{Root: sampleRoot, Dest: dest, PDF: true, Chromium: "/no/such/chromium"}); err == nil || !strings.Contains(err.Error(), "--chromium /no/such/chromium") {
		t.Errorf("a named browser that is missing: %v", err)
	}
}

var hrefAttr = regexp.MustCompile(`\s(?:href|src)="?([^"\s>]+)`)

// TestZIPHasNoDeadLinks: every relative link of every page in plan.zip
// reaches a file of the ZIP; what the ZIP cannot hold (itself) is linked on
// the web site, from base_url.
func TestZIPHasNoDeadLinks(t *testing.T) {
	dest, _ := buildSample(t, true)
	data, err := os.ReadFile(filepath.Join(dest, render.ZIPPath))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, f := range zr.File {
		has[f.Name] = true
	}
	checked := 0
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".html") {
			continue
		}
		page := epubEntry(t, data, f.Name)
		for _, m := range hrefAttr.FindAllStringSubmatch(page, -1) {
			u := m[1]
			if strings.Contains(u, ":") || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "//") {
				continue
			}
			u, _, _ = strings.Cut(u, "#")
			u, _, _ = strings.Cut(u, "?")
			target := path.Join(path.Dir(f.Name), u)
			if strings.HasSuffix(u, "/") || u == "." {
				target += "/index.html"
			}
			checked++
			if !has[target] {
				t.Errorf("%s links to %s, which plan.zip does not hold", f.Name, m[1])
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
	home := epubEntry(t, data, "plan/index.html")
	if !strings.Contains(home, `href="https://www.example.jp/plan/downloads/plan.zip"`) {
		t.Error("the home page in the ZIP does not say where plan.zip lives")
	}
	if web, _ := os.ReadFile(filepath.Join(dest, "index.html")); !bytes.Contains(web, []byte(`href="downloads/plan.zip"`)) {
		t.Error("the web site's home page lost its relative link to plan.zip")
	}
}
