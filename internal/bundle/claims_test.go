package bundle

import (
	"strings"
	"testing"
	"time"
)

// onePage is a site of one page whose <main> holds body.
func onePage(body string) []File {
	return []File{{Path: "index.html", Data: []byte(`<!DOCTYPE html><html lang="ja"><body><main>` + body + `</main></body></html>`)}}
}

func TestEPUBRubyClaimsFollowContent(t *testing.T) {
	for _, tc := range []struct {
		name, body, label string
		want              []string // ruby features
		summary           string   // in the summary, "" for no ruby sentence
	}{
		{"every kanji", `<h1><ruby>計画<rt>けいかく</rt></ruby></h1><p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>です</p>`,
			`<ruby>計画<rt>けいかく</rt></ruby>`, []string{"fullRubyAnnotations", "rubyAnnotations"}, "すべての漢字に"},
		{"half", `<h1>計画</h1><p><ruby>漢字<rt>かんじ</rt></ruby>です</p>`,
			"計画", []string{"rubyAnnotations"}, "漢字の約16%に"}, // 2 of 12: 計画 漢字 in the page; 計画, 目次 twice and 本文 in the navigation
		{"empty readings do not count", `<h1>計画</h1><p><ruby>漢字<rt></rt></ruby></p>`,
			"計画", nil, ""},
		{"no ruby", `<h1>計画</h1><p>本文</p>`, "計画", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Meta{Title: "計画", Modified: time.Unix(0, 0), Contents: []Entry{{Page: "index.html", Label: tc.label}}}
			data, err := EPUB(onePage(tc.body), "standard", m)
			if err != nil {
				t.Fatal(err)
			}
			o := openBook(t, data).opf
			var got []string
			for _, f := range o.metas("schema:accessibilityFeature") {
				if strings.Contains(f, "uby") {
					got = append(got, f)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("ruby features %v, want %v", got, tc.want)
			}
			sum := strings.Join(o.metas("schema:accessibilitySummary"), "")
			if tc.summary == "" && strings.Contains(sum, "ふりがな") || tc.summary != "" && !strings.Contains(sum, tc.summary) {
				t.Errorf("summary %q, want %q", sum, tc.summary)
			}
			if strings.Contains(sum, "表には") {
				t.Errorf("summary speaks of tables the book does not have: %q", sum)
			}
		})
	}
}

func TestEPUBConformanceNeedsCertifier(t *testing.T) {
	m := Meta{Title: "計画", Modified: time.Unix(0, 0), Certifier: "小平市 障がい者支援課"}
	data, err := EPUB(onePage(`<h1>計画</h1><table><caption>表</caption><tr><td>1</td></tr></table>`), "standard", m)
	if err != nil {
		t.Fatal(err)
	}
	o := openBook(t, data).opf
	if got := o.metas("dcterms:conformsTo"); len(got) != 1 || got[0] != conformance {
		t.Errorf("conformsTo %v", got)
	}
	if got := o.metas("a11y:certifiedBy"); len(got) != 1 || got[0] != m.Certifier {
		t.Errorf("certifiedBy %v", got)
	}
	sum := strings.Join(o.metas("schema:accessibilitySummary"), "")
	if !strings.Contains(sum, m.Certifier) || !strings.Contains(sum, "表には") {
		t.Errorf("summary %q names neither the certifier nor the tables", sum)
	}
}

func TestEPUBContentsFromEntries(t *testing.T) {
	files := []File{
		{Path: "index.html", Data: []byte(`<html><body><main><h1>ホーム</h1><section data-web-only aria-labelledby="dl"><h2 id="dl">ダウンロード</h2><p>ZIP</p></section></main></body></html>`)},
		{Path: "pillars/1.html", Data: []byte(`<html><body><main><h1>柱1</h1><section id="direction-1-1"><h2>方向</h2><section id="measure-1"><h3>施策1</h3></section></section><section><h2 id="page-terms">このページのことば</h2></section></main></body></html>`)},
	}
	m := Meta{Title: "計画", Modified: time.Unix(0, 0), Contents: []Entry{
		{Page: "pillars/1.html", Label: `<ruby id="x">柱<rt>はしら</rt></ruby>1 <a href="../index.html">link</a>`, Children: []Entry{
			{Page: "pillars/1.html", ID: "direction-1-1", Label: "方向", Children: []Entry{{Page: "pillars/1.html", ID: "measure-1", Label: "施策1"}}},
			{Page: "pillars/1.html", ID: "gone", Label: "消えた場所"},
		}},
		{Page: "missing.html", Label: "ない", Children: []Entry{{Page: "pillars/1.html", Label: "子"}}},
	}}
	data, err := EPUB(files, "standard", m)
	if err != nil {
		t.Fatal(err)
	}
	b := openBook(t, data)
	nav := string(b.files["EPUB/nav.xhtml"])
	toc := nav[:strings.Index(nav, "</nav>")]
	for _, want := range []string{
		`<li><a href="pillars/1.xhtml"><ruby>柱<rt>はしら</rt></ruby>1 link</a>`,
		`<li><a href="pillars/1.xhtml#direction-1-1">方向</a>`,
		`<li><a href="pillars/1.xhtml#measure-1">施策1</a></li>`,
		`<li><a href="pillars/1.xhtml">消えた場所</a></li>`,
	} {
		if !strings.Contains(toc, want) {
			t.Errorf("contents lack %s:\n%s", want, toc)
		}
	}
	for _, bad := range []string{"ない", "子", "このページのことば", "ダウンロード", `id="x"`} {
		if strings.Contains(toc, bad) {
			t.Errorf("contents hold %q:\n%s", bad, toc)
		}
	}
	if home := string(b.files["EPUB/index.xhtml"]); strings.Contains(home, "ダウンロード") {
		t.Errorf("the web-only download section is in the book:\n%s", home)
	}
}

func TestEPUBVertical(t *testing.T) {
	body := `<h1>第1章　計画</h1><p>12人が2024年に1.5倍、3,000円。<ruby>漢字<rt>かんじ</rt></ruby>は9つ。</p>` +
		`<table><caption>表</caption><tr><td>10</td></tr></table>`
	m := Meta{Title: "計画", Modified: time.Unix(0, 0), Vertical: true, Contents: []Entry{{Page: "index.html", Label: "第1章　計画"}}}
	data, err := EPUB(onePage(body), "standard", m)
	if err != nil {
		t.Fatal(err)
	}
	b := openBook(t, data)
	if b.opf.Spine.Direction != "rtl" {
		t.Errorf("page-progression-direction %q", b.opf.Spine.Direction)
	}
	if md := b.opf.Metadata; len(md.Titles) != 1 || md.Titles[0] != "計画"+VerticalTitleSuffix {
		t.Errorf("title %v", md.Titles)
	}
	if css := string(b.files["EPUB/style.css"]); !strings.Contains(css, "writing-mode: vertical-rl") || !strings.Contains(css, "text-combine-upright: all") {
		t.Error("the style sheet does not set vertical writing and tate-chu-yoko")
	}
	doc := string(b.files["EPUB/index.xhtml"])
	for _, want := range []string{
		`第<span class="tcy">1</span>章`, `<span class="tcy">12</span>人が2024年に1.5倍、3,000円`,
		`は<span class="tcy">9</span>つ`, `<td>10</td>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %s:\n%s", want, doc)
		}
	}
	if nav := string(b.files["EPUB/nav.xhtml"]); !strings.Contains(nav, `第<span class="tcy">1</span>章`) {
		t.Errorf("contents labels keep their numbers sideways:\n%s", nav)
	}
	other, err := EPUB(onePage(body), "standard", Meta{Title: "計画", Modified: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if id := openBook(t, other).opf.Metadata.Identifiers[0].Value; id == b.opf.Metadata.Identifiers[0].Value {
		t.Errorf("the vertical and the standard edition share the identifier %s", id)
	}
}
