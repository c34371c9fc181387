package markdown

import (
	"strings"
	"testing"
)

// A table of records (three columns, text after the first) stacks: it is
// marked, its parts carry their roles, and every body cell starts with its
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
		`<table data-stack="" role="table">`,
		`<thead role="rowgroup">` + "\n" + `<tr role="row">`,
		`<th scope="col" role="columnheader">`,
		`<tbody role="rowgroup">` + "\n" + `<tr role="row">`,
		`<td role="cell"><span data-th hidden aria-hidden="true">` + furi("相談", "そうだん") + `</span>窓口</td>`,
		`<td role="cell"><span data-th hidden aria-hidden="true">` + furi("計画", "けいかく") + `</span>` + furi("漢字", "かんじ") + `</td>`,
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
		for _, bad := range []string{"data-stack", `role="table"`, `role="cell"`, `role="row"`, "data-th"} {
			if strings.Contains(string(res.HTML), bad) {
				t.Errorf("%q: has %s\n%s", src, bad, res.HTML)
			}
		}
	}
}
