package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/safefs"
)

// aliasBomb is a pillar whose lists are aliases of aliases: expanded, it
// holds 10^levels measures.
func aliasBomb(levels int) string {
	var b strings.Builder
	b.WriteString("number: 1\ntitle: 爆弾\nx0: &a0 {number: 1, title: t, description: d, departments: [課]}\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "x%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	fmt.Fprintf(&b, "measures: *a%d\n", levels)
	return b.String()
}

func TestBadYAML(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
		not              []string
	}{
		{"alias bomb", "pillars/1-soudan.yaml", aliasBomb(9),
			[]string{"content/pillars/1-soudan.yaml:4: YAML alias *a0: aliases are not allowed in content files (write the value out in full where *a0 stands)"}, nil},
		{"merge key", "pillars/1-soudan.yaml", goodPillar + "easy: &e {title: a}\nx:\n  <<: *e\n",
			[]string{"content/pillars/1-soudan.yaml:19: YAML alias *e"}, nil},
		{"second document", "pillars/1-soudan.yaml", goodPillar + "---\nnumber: 2\n",
			[]string{"content/pillars/1-soudan.yaml:17: a second YAML document (after ---): only one is read"}, nil},
		{"control character", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "相談窓口", "相談\x1b[31m窓口", 1),
			[]string{"content/pillars/1-soudan.yaml:9: control character U+001B (ESC) in the text (delete it"}, nil},
		{"BEL in Markdown", "chapters/01-intro.md", goodChapter + "\n鳴る\a\n",
			[]string{"content/chapters/01-intro.md:9: control character U+0007 (BEL)"}, nil},
		{"DEL", "glossary.yaml", "- term: a\n  description: b\x7f\n",
			[]string{"content/glossary.yaml:2: control character U+007F (DEL)"}, nil},
		{"C1 control", "site.yaml", goodSite + "published: \u00852024-04-01\n",
			[]string{"content/site.yaml:11: control character U+0085"}, nil},
		{"old Mac line ends (CR only)", "pillars/1-soudan.yaml", strings.ReplaceAll(goodPillar, "\n", "\r") + "stauts: 継続\r",
			[]string{`content/pillars/1-soudan.yaml:17: unknown key "stauts"`}, nil},
		{"CRLF and BOM are fine", "pillars/1-soudan.yaml", "\ufeff" + strings.ReplaceAll(goodPillar, "\n", "\r\n") + "status: 完了\r\n",
			[]string{"unknown key \"status\""}, []string{"control character"}},
		{"wrong type keeps characters whole", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "number: 1\ntitle", "number: 相談支援の充実\ntitle", 1),
			[]string{`content/pillars/1-soudan.yaml:1: YAML: expected a whole number here, found the text "相談…"`}, []string{"plan.", "unmarshal"}},
		{"list where a block belongs", "pillars/1-soudan.yaml", goodPillar + "easy: [a, b]\n",
			[]string{"content/pillars/1-soudan.yaml:17: YAML: expected a block of keys (key: value) here, found a list"}, []string{"raw"}},
		{"block where a text belongs", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "title: 相談窓口", "title: {a: b}", 1),
			[]string{"content/pillars/1-soudan.yaml:9: YAML: expected a text here, found a block of keys"}, nil},
		{"lone dash in glossary", "glossary.yaml", "- term: a\n  description: b\n-\n",
			[]string{"content/glossary.yaml:3: empty entry in the list (a lone -)"}, nil},
		{"lone dash among measures", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "      - number: 新", "      -\n      - number: 新", 1),
			[]string{"content/pillars/1-soudan.yaml:13: empty entry in the list"}, nil},
		{"empty pillar", "pillars/1-soudan.yaml", "", []string{"content/pillars/1-soudan.yaml:1: file is empty"}, []string{"missing required"}},
		{"comments only", "pillars/1-soudan.yaml", "# まだ\n", []string{"content/pillars/1-soudan.yaml:1: file is empty"}, []string{"missing required"}},
		{"null document", "pillars/1-soudan.yaml", "~\n", []string{"content/pillars/1-soudan.yaml:1: file is empty"}, []string{"missing required"}},
		{"fraction for a whole number", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "number: 1\ntitle", "number: 1.5\ntitle", 1),
			[]string{`content/pillars/1-soudan.yaml:1: expected a whole number here, found the number "1.5"`}, nil},
		{"custom tag", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "number: 1\ntitle", "number: !x 1\ntitle", 1),
			[]string{`content/pillars/1-soudan.yaml:1: YAML: expected a whole number here, found a value tagged !x "1"`}, nil},
		{"deep nesting", "pillars/1-soudan.yaml", "number: 1\ntitle: " + strings.Repeat("[", 20000) + "\n",
			[]string{"content/pillars/1-soudan.yaml:2: YAML: exceeded max depth of 10000"}, nil},
		{"deep nesting on the first line", "glossary.yaml", strings.Repeat("[", 20000),
			[]string{"content/glossary.yaml:1: YAML: exceeded max depth of 10000"}, nil},
		{"syntax error on the first line", "glossary.yaml", "a: b: c\n",
			[]string{"content/glossary.yaml:1: YAML: mapping values are not allowed in this context"}, nil},
		{"duplicate key", "pillars/1-soudan.yaml", goodPillar + "number: 2\n",
			[]string{`content/pillars/1-soudan.yaml:17: YAML: mapping key "number" already defined at line 1`}, nil},
		{"tab indentation", "pillars/1-soudan.yaml", "number: 1\n\ttitle: a\n",
			[]string{"content/pillars/1-soudan.yaml:2: YAML: found a tab character that violates indentation"}, nil},
		{"UTF-16", "pillars/1-soudan.yaml", "\xff\xfen\x00u\x00", []string{"content/pillars/1-soudan.yaml:1: invalid UTF-8 (save the file as UTF-8"}, nil},
		{"Shift_JIS", "chapters/01-intro.md", goodChapter + "\x91\x8a\x92k\n", []string{"content/chapters/01-intro.md:8: invalid UTF-8"}, nil},
		{"invisible title", "chapters/01-intro.md", strings.Replace(goodChapter, "title: はじめに", "title: \"\u200b\u3000\"", 1),
			[]string{"content/chapters/01-intro.md:2: missing required field title"}, nil},
		{"theme leaving themes/", "site.yaml", goodSite + "theme: ../../etc\n",
			[]string{`content/site.yaml:11: theme "../../etc" is not the name of a folder in themes/`}, nil},
		{"negative period", "site.yaml", strings.Replace(goodSite, "{from: 2024, to: 2029}", "{from: -5, to: 3}", 1),
			[]string{"content/site.yaml:4: period {from: -5, to: 3} is not a span of fiscal years"}, nil},
		{"period before Heisei", "site.yaml", strings.Replace(goodSite, "from: 2024", "from: 1980", 1),
			[]string{"content/site.yaml:4: period {from: 1980, to: 2029}"}, nil},
		{"missing period", "site.yaml", strings.Replace(goodSite, "period: {from: 2024, to: 2029}\n", "", 1),
			[]string{"content/site.yaml:1: period must have from and to fiscal years"}, nil},
		{"target year", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "        status: 継続\n", "        status: 継続\n        targets:\n          - indicator: 数\n            baseline: {fy: 22, value: .nan}\n", 1),
			[]string{"content/pillars/1-soudan.yaml:15: baseline.fy: 22 is not a fiscal year", "content/pillars/1-soudan.yaml:15: baseline.value is not a number"}, nil},
		{"noncharacter", "glossary.yaml", "- term: 用語\n  description: 説明\uffff\n",
			[]string{"content/glossary.yaml:2: noncharacter U+FFFF in the text (delete it: it is not a character, and not allowed in web pages or e-books"}, nil},
		{"figures out of range", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "        status: 継続\n", "        status: 継続\n        targets:\n          - indicator: 数\n            baseline: {fy: 2022, value: 4}\n            goal: {fy: 2029, value: 1e300}\n        progress:\n          - {fy: 2024, status: 実施, value: .nan}\n          - {fy: 2025, status: 実施, values: {数: -2e15}}\n", 1),
			[]string{"content/pillars/1-soudan.yaml:16: goal.value 1e+300 is larger than a plan's figures can be (at most 10^15) (write a figure such as 12 or 3.5; for large amounts, a larger unit such as 億円)",
				"content/pillars/1-soudan.yaml:18: progress value is not a number",
				`content/pillars/1-soudan.yaml:19: progress value for "数" -2e+15 is larger than a plan's figures can be`}, nil},
		{"base_url with an empty query", "site.yaml", goodSite + "base_url: https://example.jp/plan?\n",
			[]string{`content/site.yaml:11: base_url "https://example.jp/plan?" is not the address of a folder on the web`}, nil},
		{"base_url with quotes", "site.yaml", goodSite + "base_url: 'https://example.jp/a\"<b>'\n",
			[]string{`content/site.yaml:11: base_url "https://example.jp/a\"<b>" is not the address of a folder`}, nil},
		{"base_url without scheme", "site.yaml", goodSite + "base_url: www.example.jp/plan/\n",
			[]string{`content/site.yaml:11: base_url "www.example.jp/plan/"`}, nil},
		{"base_url javascript", "site.yaml", goodSite + "base_url: javascript:alert(1)\n",
			[]string{`content/site.yaml:11: base_url "javascript:alert(1)"`}, nil},
		{"reading not kana", "readings.yaml", "小平: kodaira\n花小金井: はなこがねい\n国分寺: 国分寺\n",
			[]string{`content/readings.yaml:1: the reading "kodaira" of "小平" is not kana`, `content/readings.yaml:3: the reading "国分寺" of "国分寺" is not kana`}, []string{"花小金井"}},
		{"reading missing", "readings.yaml", "小平:\n",
			[]string{`content/readings.yaml:1: the reading of "小平" is missing or not a text`}, nil},
		{"reading twice", "readings.yaml", "小平: こだいら\n小平: おだいら\n",
			[]string{`content/readings.yaml:2: "小平" is given twice (also line 1)`}, nil},
		{"readings as a list", "readings.yaml", "- 小平: こだいら\n",
			[]string{"content/readings.yaml:1: readings.yaml must be a list of word: reading lines"}, nil},
		{"unsafe chapter name", "chapters/03-a#b.md", goodChapter,
			[]string{"content/chapters/03-a#b.md: file name is not safe for a web address (rename it with letters a–z, digits, - and _ only, such as 03-soudan.md)"}, nil},
		{"unsafe pillar name", `pillars/2-a"<b.yaml`, goodPillar,
			[]string{`content/pillars/2-a"<b.yaml: file name is not safe`}, nil},
		{"Japanese chapter name", "chapters/03-相談.easy.md", goodChapter,
			[]string{"content/chapters/03-相談.easy.md: file name is not safe", "such as 03-soudan.easy.md"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := good()
			files[tt.file] = tt.text
			_, err := Load(writeSite(t, files))
			if err == nil {
				t.Fatal("no error")
			}
			if !utf8.ValidString(err.Error()) {
				t.Errorf("error is not valid UTF-8: %q", err)
			}
			wantIn(t, err.Error(), tt.want...)
			wantNotIn(t, err.Error(), tt.not...)
		})
	}
}

// TestSpecialFiles: links leaving the site, devices, FIFOs and huge files
// are refused with a clear error, and never read.
func TestSpecialFiles(t *testing.T) {
	root := writeSite(t, good())
	outside := filepath.Join(filepath.Dir(root), "secret.txt")
	if err := os.WriteFile(outside, []byte("title: x"), 0o644); err != nil {
		t.Fatal(err)
	}
	chapters := filepath.Join(root, "content", "chapters")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(outside, filepath.Join(chapters, "02-shadow.md")))
	must(os.Symlink("/dev/zero", filepath.Join(chapters, "03-zero.md")))
	must(os.Symlink("01-intro.md", filepath.Join(chapters, "04-inside.md")))
	must(os.WriteFile(filepath.Join(chapters, "05-huge.md"), []byte(goodChapter+strings.Repeat("あ", int(safefs.SourceLimit)/3)), 0o644))
	fifo := syscall.Mkfifo(filepath.Join(chapters, "06-fifo.md"), 0o644) == nil
	_, err := Load(root)
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	wantIn(t, got,
		"content/chapters/02-shadow.md: cannot read: a symbolic link that leads outside the site folder, to "+outside+" (copy the file into the site folder instead of linking to it)",
		"content/chapters/03-zero.md: cannot read: a symbolic link that leads outside the site folder, to /dev/zero (copy the file",
		"content/chapters/05-huge.md: cannot read: file is 1048648 bytes, more than the limit of 1048576 bytes per file (split it into smaller files, or make it smaller)")
	if fifo {
		wantIn(t, got, "content/chapters/06-fifo.md: cannot read: not a regular file")
	}
	wantNotIn(t, got, "04-inside", root)
}

// TestUnloadedFiles: files that failed to load are named so that links
// into them are not reported again.
func TestUnloadedFiles(t *testing.T) {
	files := good()
	files["pillars/2-broken.yaml"] = "number: 2\ntitle: [\n"
	files["glossary.yaml"] = "- term: a\n  description: [b]\n"
	s, err := Load(writeSite(t, files))
	if err == nil || s == nil {
		t.Fatal("want errors and a site")
	}
	for _, f := range []string{"content/pillars/2-broken.yaml", "content/glossary.yaml"} {
		if !s.Unloaded[f] {
			t.Errorf("%s not in Unloaded %v", f, s.Unloaded)
		}
	}
	if s.Unloaded["content/pillars/1-soudan.yaml"] {
		t.Error("a good pillar is marked unloaded")
	}
}

// A Japanese domain name is written in its ASCII form (xn--yeto9c, as
// Python's idna codec gives it too), which browsers and
// search engines resolve; the path is percent-encoded.
func TestBaseURLNormalised(t *testing.T) {
	files := good()
	files["site.yaml"] = goodSite + "base_url: https://小平.jp:8443/計画\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://xn--yeto9c.jp:8443/%E8%A8%88%E7%94%BB/"; s.BaseURL != want {
		t.Errorf("base_url %q, want %q", s.BaseURL, want)
	}
}
