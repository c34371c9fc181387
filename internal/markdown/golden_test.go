package markdown

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .html files under testdata")

// goldenTerms is the glossary of every golden test page.
var goldenTerms = []Term{
	{Term: "成年後見制度", Href: "../glossary.html#成年後見制度"},
	{Term: "後見", Href: "../glossary.html#後見"},
	{Term: "相談", Href: "../glossary.html#相談"},
}

// fakeResolve rewrites chapter links to .html, picto:NAME to an asset, and
// fails for anything named missing.
func fakeResolve(dest string) (string, error) {
	switch {
	case strings.Contains(dest, "missing"):
		return "", fmt.Errorf("link to a missing file %s", dest)
	case strings.HasPrefix(dest, "picto:"):
		return "../assets/picto/" + strings.TrimPrefix(dest, "picto:") + ".svg", nil
	case strings.HasSuffix(dest, ".md"):
		return strings.TrimSuffix(dest, ".md") + ".html", nil
	}
	return dest, nil
}

// goldenPage returns the page context of a golden file; some names select
// special settings.
func goldenPage(name string) (*Page, Options) {
	p := &Page{
		File:      "testdata/" + name + ".md",
		Line:      1,
		Resolve:   fakeResolve,
		Annotator: fakeAnn{},
		Terms:     goldenTerms,
		Used:      map[string]bool{},
	}
	var o Options
	switch name {
	case "rawhtml_allowed":
		o.AllowHTML = true
	case "error_line_offset":
		p.Line = 10
	case "error_heading_deep", "heading_base":
		p.HeadingBase = 4
		p.IDPrefix = "m12"
	case "no_context":
		p = nil
	}
	return p, o
}

// TestGolden converts testdata/NAME.md and compares with testdata/NAME.html:
// the HTML and the headings, or the error text.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, o := goldenPage(name)
			got := goldenOutput(New(o), src, p)
			if strings.HasPrefix(name, "error") != strings.HasPrefix(got, "ERROR") {
				t.Errorf("error files must fail and others succeed:\n%s", got)
			}
			compareGolden(t, strings.TrimSuffix(file, ".md")+".html", got)
		})
	}
}

func goldenOutput(c *Converter, src []byte, p *Page) string {
	r, err := c.Convert(src, p)
	if err != nil {
		var b strings.Builder
		b.WriteString("ERROR\n")
		b.WriteString(err.Error())
		b.WriteString("\n")
		return b.String()
	}
	var b strings.Builder
	b.Write(r.HTML)
	if len(r.Headings) > 0 {
		b.WriteString("<!-- headings\n")
		for _, h := range r.Headings {
			fmt.Fprintf(&b, "h%d #%s %s\n", h.Level, h.ID, h.Text)
		}
		b.WriteString("-->\n")
	}
	if len(r.Warnings) > 0 {
		b.WriteString("<!-- warnings\n")
		for _, w := range r.Warnings {
			fmt.Fprintf(&b, "%v\n", w)
		}
		b.WriteString("-->\n")
	}
	return b.String()
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update and review the diff)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
