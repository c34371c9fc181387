package markdown

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/diag"
)

// TestErrorsAreDiag checks the error value: a sorted diag.List of *diag.Error.
func TestErrorsAreDiag(t *testing.T) {
	_, err := New(Options{}).Convert([]byte("![](x.png)\n\na {b\n"), &Page{File: "c.md", Line: 3})
	var list diag.List
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("error %#v, want a diag.List of 2", err)
	}
	var lines []int
	for _, e := range list {
		var de *diag.Error
		if !errors.As(e, &de) || de.File != "c.md" {
			t.Fatalf("element %#v is not a *diag.Error of c.md", e)
		}
		lines = append(lines, de.Line)
	}
	if fmt.Sprint(lines) != "[3 5]" {
		t.Errorf("lines %v, want [3 5]", lines)
	}
}

// TestResolveDiagError keeps the message and hint of a *diag.Error from Resolve.
func TestResolveDiagError(t *testing.T) {
	p := &Page{File: "d.md", Line: 1, Resolve: func(string) (string, error) {
		return "", diag.New("other", 0, "no such chapter", "check the file name")
	}}
	_, err := New(Options{}).Convert([]byte("x\n[a](b.md)\n"), p)
	if err == nil || err.Error() != "d.md:2: no such chapter (check the file name)" {
		t.Errorf("got %v", err)
	}
}

func TestInline(t *testing.T) {
	c := New(Options{})
	tests := []struct {
		in   string
		page *Page
		want string
	}{
		{"1. {小平|こだいら}の*計画*", nil, "1. <ruby>小平<rp>（</rp><rt inert>こだいら</rt><rp>）</rp></ruby>の<em>計画</em>"},
		{"# 見出しではない", nil, "# 見出しではない"},
		{"- 箇条書きでもない", nil, "- 箇条書きでもない"},
		{"漢字の<b>計画</b>", &Page{Annotator: fakeAnn{}}, "<ruby class=\"furi\">漢字<rp>（</rp><rt inert>かんじ</rt><rp>）</rp></ruby>の&lt;b&gt;<ruby class=\"furi\">計画<rp>（</rp><rt inert>けいかく</rt><rp>）</rp></ruby>&lt;/b&gt;"},
		{"[章](02-plan.md)", &Page{Resolve: fakeResolve}, `<a href="02-plan.html">章</a>`},
		{"相談と相談", &Page{Terms: goldenTerms}, `<a class="term" href="../glossary.html#%E7%9B%B8%E8%AB%87">相談</a>と相談`},
		{"![図](picto:soudan) 文", &Page{Resolve: fakeResolve}, `<img src="../assets/picto/soudan.svg" alt="図"> 文`},
		{"", nil, ""},
	}
	for _, tt := range tests {
		got, _, err := c.Inline(tt.in, tt.page)
		if err != nil || string(got) != tt.want {
			t.Errorf("Inline(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	_, _, err := c.Inline("題名{小平}", &Page{File: "site.yaml", Line: 7})
	if err == nil || !strings.HasPrefix(err.Error(), "site.yaml:7: ruby without reading") {
		t.Errorf("Inline error = %v", err)
	}
}

// TestUsedAcrossCalls links a term once per page across several calls.
func TestUsedAcrossCalls(t *testing.T) {
	c := New(Options{})
	p := &Page{Terms: goldenTerms, Used: map[string]bool{}}
	r1, err1 := c.Convert([]byte("相談\n"), p)
	r2, err2 := c.Convert([]byte("相談\n"), p)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !strings.Contains(string(r1.HTML), `class="term"`) || strings.Contains(string(r2.HTML), `class="term"`) || !p.Used["相談"] {
		t.Errorf("first %s second %s used %v", r1.HTML, r2.HTML, p.Used)
	}
	// A nil Used map still links each term once within the call.
	r3, _ := c.Convert([]byte("相談と相談\n"), &Page{Terms: goldenTerms})
	if n := strings.Count(string(r3.HTML), `class="term"`); n != 1 {
		t.Errorf("got %d links: %s", n, r3.HTML)
	}
}

// badAnn changes the text; its pieces must be ignored.
type badAnn struct{}

func (badAnn) Annotate(s string) []Ruby { return []Ruby{{Base: "別", Reading: "べつ"}} }

func TestAnnotatorMismatchIgnored(t *testing.T) {
	r, err := New(Options{}).Convert([]byte("漢字\n"), &Page{Annotator: badAnn{}})
	if err != nil || string(r.HTML) != "<p>漢字</p>\n" {
		t.Errorf("got %q, %v", r.HTML, err)
	}
}

// TestConcurrent converts pages in parallel with one Converter (run with -race).
func TestConcurrent(t *testing.T) {
	c := New(Options{})
	src := []byte("# 漢字\n\n相談の{漢字|かんじ}と[章](02-plan.md)。\n\n表: 表\n| a |\n|---|\n| 1 |\n")
	want, err := c.Convert(src, &Page{Annotator: fakeAnn{}, Terms: goldenTerms, Resolve: fakeResolve})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got, err := c.Convert(src, &Page{Annotator: fakeAnn{}, Terms: goldenTerms, Resolve: fakeResolve})
				if err != nil || string(got.HTML) != string(want.HTML) {
					t.Errorf("concurrent result differs: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// unsafeHref matches a link or image address with a scheme that runs code.
var unsafeHref = regexp.MustCompile(`(?i)(href|src)="\s*(javascript|vbscript|data|file):`)

func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"# {漢字|かんじ}\n\n本文の漢字と相談。\n",
		"表: x\n| a | {b\\|c} |\n|---|---|\n| 1 | 2 |\n",
		"![相談](picto:soudan) 文\n",
		"<div>x</div>\n\n`{a}` \\{ {a{b|c}\n",
		"# a\n### b\n####### c\n",
		"[x](missing.md) ![](y)\n漢字\n計画",
		"> - {~障|しょう}がい\n>   成年後見制度\n",
		"#\n\n# \u200b\n\n[](03-kihon.md) [\u3000](x.md)\n",
		"<javascript:alert(1)> <JavaScript:x> [a](javascript:alert(1)) ![b](data:image/png;base64,AA)\n",
		"[a](03-a#b.md) [b](計画書 #2.pdf) <https://example.jp/?a=1&b=\"2\">\n",
		"\x1b[31m赤\a\x7f\n",
		"## 節\n\n[[fy:2019]]と[[date:1989-01-07]]\n\n| a |\n|---|\n| [[fy:x]] |\n# 上\n",
		"[[ fy : 1868 ]] [[date:2019-02-29]] [[fy:99999999999999999999]]\n",
	} {
		f.Add(s)
	}
	c := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		p := &Page{File: "f.md", Line: 1, Resolve: fakeResolve, Annotator: fakeAnn{}, Terms: goldenTerms, HeadingBase: 2}
		r, err := c.Convert([]byte(s), p)
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error is not a diag.List: %v", err)
			}
			for _, e := range list {
				var de *diag.Error
				if !errors.As(e, &de) || de.Line < 1 || de.Line > strings.Count(s, "\n")+1 {
					t.Fatalf("bad error %v for %q", e, s)
				}
			}
			return
		}
		if unsafeHref.Match(r.HTML) {
			t.Fatalf("unsafe link in %q for %q", r.HTML, s)
		}
		if h, _, err := c.Inline(s, p); err == nil && unsafeHref.MatchString(string(h)) {
			t.Fatalf("unsafe inline link in %q for %q", h, s)
		}
	})
}

// hiddenReadings reads 相談 and 支援, the second hidden (a mode that does not
// show it).
type hiddenReadings struct{}

func (hiddenReadings) Annotate(s string) []Ruby {
	var out []Ruby
	for s != "" {
		switch {
		case strings.HasPrefix(s, "相談"):
			out, s = append(out, Ruby{Base: "相談", Reading: "そうだん"}), s[len("相談"):]
		case strings.HasPrefix(s, "支援"):
			out, s = append(out, Ruby{Base: "支援", Reading: "しえん", Hidden: true}), s[len("支援"):]
		default:
			_, n := utf8.DecodeRuneInString(s)
			out, s = append(out, Ruby{Base: s[:n]}), s[n:]
		}
	}
	return out
}

func runsText(runs []Run) (text, reading string) {
	for _, r := range runs {
		text += r.Text
		if r.Reading != "" {
			reading += "{" + r.Text + "|" + r.Reading + "}"
		} else {
			reading += r.Text
		}
	}
	return text, reading
}

// Convert returns the text as sections cut at the top-level headings, with
// every reading the annotator gave, shown or hidden, and author ruby.
func TestSections(t *testing.T) {
	src := "前書きの相談。\n\n# 相談の窓口\n\n相談と支援を\n進めます。\n\n- 一つ\n- 二つ\n\n## 細目\n\n{小平|こだいら}で `code`。\n\n# 二番\n\nend\nline"
	res, err := New(Options{}).Convert([]byte(src), &Page{Annotator: hiddenReadings{}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(res.HTML), "しえん") {
		t.Errorf("a hidden reading was rendered: %s", res.HTML)
	}
	if !strings.Contains(string(res.HTML), "<rt inert>そうだん</rt>") {
		t.Errorf("a shown reading is missing: %s", res.HTML)
	}
	want := []struct{ id, title, text string }{
		{"", "", "前書きの{相談|そうだん}。"},
		{"sec-1", "{相談|そうだん}の窓口", "{相談|そうだん}の窓口 {相談|そうだん}と{支援|しえん}を進めます。 一つ 二つ 細目 {小平|こだいら}で code。"},
		{"sec-2", "二番", "二番 end line"},
	}
	if len(res.Sections) != len(want) {
		t.Fatalf("%d sections, want %d: %+v", len(res.Sections), len(want), res.Sections)
	}
	for i, w := range want {
		s := res.Sections[i]
		_, title := runsText(s.Title)
		_, text := runsText(s.Runs)
		if s.ID != w.id || title != w.title || text != w.text {
			t.Errorf("section %d = %q %q %q, want %q %q %q", i, s.ID, title, text, w.id, w.title, w.text)
		}
	}
	_, runs, err := New(Options{}).Inline("相談の**窓口**", &Page{Annotator: hiddenReadings{}})
	if _, got := runsText(runs); err != nil || got != "{相談|そうだん}の窓口" {
		t.Errorf("Inline runs = %q, %v", got, err)
	}
}

// A text field that starts with "---" keeps every line: only whole files
// have front matter.
func TestFrontMatterOnlyInFiles(t *testing.T) {
	src := []byte("---\n\ntitle: x\n\n---\n\n本文です。\n")
	c := New(Options{})
	field, err := c.Convert(src, &Page{})
	if err != nil || !strings.Contains(string(field.HTML), "title: x") {
		t.Errorf("field lost its first lines: %s (%v)", field.HTML, err)
	}
	file, err := c.ConvertFile(src, &Page{})
	if err != nil || strings.Contains(string(file.HTML), "title") || !strings.Contains(string(file.HTML), "本文です。") {
		t.Errorf("file front matter not skipped: %s (%v)", file.HTML, err)
	}
}

// TestRequireCaptions turns the warning for an uncaptioned table into an
// error naming the file and line.
func TestRequireCaptions(t *testing.T) {
	src := []byte("# 節\n\n| a |\n|---|\n| 1 |\n")
	res, err := New(Options{}).Convert(src, &Page{File: "c.md", Line: 4})
	if err != nil || len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].Error(), "c.md:6: table without a caption") {
		t.Fatalf("default: warnings %v, error %v; want one warning at c.md:6", res.Warnings, err)
	}
	_, err = New(Options{RequireCaptions: true}).Convert(src, &Page{File: "c.md", Line: 4})
	if err == nil || !strings.HasPrefix(err.Error(), "c.md:6: table without a caption (captions are required)") {
		t.Errorf("required: error %v", err)
	}
}
