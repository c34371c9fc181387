package markdown

import (
	"regexp"
	"strings"
	"testing"
)

// A table of records (three columns, text after the first) stacks: it is
// marked, and every body cell starts with its
// column's header, with the header's ruby and without its link. The copies
// are not search text.
func TestStackedTable(t *testing.T) {
	src := "# 節\n\n表: 相談の窓口\n\n| [相談](a.md) | *計画* | 番号 |\n|---|---|---:|\n| 窓口 | 漢字 | 1 |\n"
	res, err := New(Options{}).Convert([]byte(src), &Page{Annotator: fakeAnn{}, Resolve: fakeResolve})
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	furi := func(base, reading string) string {
		return `<ruby class="furi">` + base + `<rp>（</rp><rt inert>` + reading + `</rt><rp>）</rp></ruby>`
	}
	for _, want := range []string{
		`<table data-stack="">`,
		`<td><span data-th hidden aria-hidden="true">` + furi("相談", "そうだん") + `</span>窓口</td>`,
		`<td><span data-th hidden aria-hidden="true">` + furi("計画", "けいかく") + `</span>` + furi("漢字", "かんじ") + `</td>`,
		`<span data-th hidden aria-hidden="true">番号</span>1</td>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("lacks %s\n%s", want, html)
		}
	}
	if n := strings.Count(html, "<a "); n != 1 {
		t.Errorf("%d links, want the header's one (a label holds no link)\n%s", n, html)
	}
	var text strings.Builder
	for _, s := range res.Sections {
		for _, r := range s.Runs {
			text.WriteString(r.Text)
		}
	}
	if n := strings.Count(text.String(), "相談"); n != 2 {
		t.Errorf("相談 is %d times in the search text (caption and header), want 2: %q", n, text.String())
	}
}

// Tables that keep their columns: two columns, or figures after the first
// (right-aligned).
func TestUnstackedTables(t *testing.T) {
	for _, src := range []string{
		"表: 二列\n\n| 年 | 人 |\n|---|---|\n| 2020 | 1 |\n",
		"表: 数\n\n| 年 | 人 | 人 |\n|---|---:|---:|\n| 2020 | 1 | 2 |\n",
	} {
		res, err := New(Options{}).Convert([]byte(src), &Page{})
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"data-stack", "data-th"} {
			if strings.Contains(string(res.HTML), bad) {
				t.Errorf("%q: has %s\n%s", src, bad, res.HTML)
			}
		}
	}
}

// With PhraseBreaks, block text gets a <wbr> where a word in kanji follows
// a particle or the て of a verb, from the annotator's pieces; never after
// other kana (inside a word), never in Inline text, and not without the
// option.
func TestPhraseBreaks(t *testing.T) {
	src := "これは漢字です。ここで相談して計画を立てる。ちか漢字\n"
	conv := New(Options{})
	res, err := conv.Convert([]byte(src), &Page{Annotator: fakeAnn{}, PhraseBreaks: true})
	if err != nil {
		t.Fatal(err)
	}
	html := rubyTags.ReplaceAllString(string(res.HTML), "")
	want := "<p>これは<wbr>漢字です。ここで<wbr>相談して<wbr>計画を立てる。ちか漢字</p>"
	if !strings.Contains(html, want) {
		t.Errorf("got %s\nwant %s", html, want)
	}
	var text strings.Builder
	for _, s := range res.Sections {
		for _, r := range s.Runs {
			text.WriteString(r.Text)
		}
	}
	if text.String() != "これは漢字です。ここで相談して計画を立てる。ちか漢字" {
		t.Errorf("search text %q", text.String())
	}
	for _, p := range []*Page{{Annotator: fakeAnn{}}, {Annotator: fakeAnn{}, PhraseBreaks: true}} {
		var out string
		if p.PhraseBreaks {
			h, _, err := conv.Inline("これは漢字", p)
			if err != nil {
				t.Fatal(err)
			}
			out = string(h)
		} else {
			r, err := conv.Convert([]byte(src), p)
			if err != nil {
				t.Fatal(err)
			}
			out = string(r.HTML)
		}
		if strings.Contains(out, "<wbr>") {
			t.Errorf("a break where none was asked for: %s", out)
		}
	}
}

var rubyTags = regexp.MustCompile(`<rp>（</rp><rt inert>[^<]*</rt><rp>）</rp>|</?ruby[^>]*>`)
