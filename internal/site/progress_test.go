package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// progressSite is a small plan with yearly progress: measure 1 has values
// for its target, measure 2 a status only, measure 3 (pillar 2) nothing.
var progressSite = map[string]string{
	"site.yaml": `city: 小平市
title: テスト計画
short_title: テスト
period: {from: 2024, to: 2029}
philosophy: [ともに生きる]
contact: {department: 障がい者支援課}
`,
	"pillars/1-a.yaml": `number: 1
title: 相談
measures:
  - number: 1
    title: 研修
    description: 研修を開きます。
    departments: [障がい者支援課]
    targets:
      - {indicator: 研修の回数, easy: べんきょう会の 回数, unit: 回, baseline: {fy: 2022, value: 4}, goal: {fy: 2029, value: 10}}
    progress:
      - {fy: 2024, status: 実施, evaluation: 六回開いた。, easy: 6回 ひらきました。, value: 6}
      - {fy: 2025, status: 実施, evaluation: 七回開いた。, value: 7}
  - number: 2
    title: 窓口
    description: 窓口を置きます。
    departments: [福祉総務課]
    progress:
      - {fy: 2025, status: 一部実施}
`,
	"pillars/2-b.yaml": `number: 2
title: 暮らし
measures:
  - number: 3
    title: 住まい
    description: 住まいを探します。
    departments: [障がい者支援課]
`,
}

func writeContent(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// stripRuby leaves the base text of ruby, for assertions on wording.
var rubyRe = regexp.MustCompile(`<rp>（</rp><rt[^>]*>[^<]*</rt><rp>）</rp>|</?ruby[^>]*>`)

func TestProgressPages(t *testing.T) {
	root := writeContent(t, progressSite)
	dest := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	read := func(p string) string {
		data, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	home := rubyRe.ReplaceAllString(read("index.html"), "")
	for _, want := range []string{
		`<caption id="progress-summary">令和7（2025）年度時点の施策の状況</caption>`,
		`<th scope="col">完了</th><th scope="col">実施</th><th scope="col">一部実施</th><th scope="col">未実施</th><th scope="col">未報告</th><th scope="col">計</th>`,
		`<a href="pillars/1.html">基本施策1</a></th><td class="num">0</td><td class="num">1</td><td class="num">1</td><td class="num">0</td><td class="num">0</td><td class="num">2</td>`,
		`<a href="pillars/2.html">基本施策2</a></th><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">1</td><td class="num">1</td>`,
		`<tfoot><tr><th scope="row">計</th><td class="num">0</td><td class="num">1</td><td class="num">1</td><td class="num">0</td><td class="num">1</td><td class="num">3</td>`,
		`<a href="progress.html">進捗状況の一覧</a>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home lacks %s", want)
		}
	}
	pillar := read("pillars/1.html")
	plain := rubyRe.ReplaceAllString(pillar, "")
	for _, want := range []string{
		`role="img"`,
		`<desc id="measure-1-chart-1-d">研修の回数は、令和4（2022）年度に4回、令和7（2025）年度に7回と増えました。目標は令和11（2029）年度に10回です。</desc>`,
		`<p class="chart__trend">研修の回数は、令和4（2022）年度に4回、令和7（2025）年度に7回と増えました。`,
		`<tr><th scope="row">令和6（2024）年度</th><td class="num">6回</td><td>実績</td></tr>`,
		`<tr><th scope="row">令和11（2029）年度</th><td class="num">10回</td><td>目標</td></tr>`,
		`<td><span data-th hidden aria-hidden="true">評価</span>七回開いた。</td>`,
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("pillar page lacks %s", want)
		}
	}
	if strings.Index(plain, "令和7（2025）年度</th>") > strings.Index(plain, "令和6（2024）年度</th>") {
		t.Error("the years of progress are not latest first")
	}
	if !strings.Contains(pillar, `<ruby class="furi">令和<rp>（</rp><rt inert>れいわ</rt><rp>）</rp></ruby>7（2025）`) {
		t.Error("fiscal years carry no reading of the era")
	}
	easy := rubyRe.ReplaceAllString(read("easy/pillars/1.html"), "")
	for _, want := range []string{
		`べんきょう会の 回数は、令和4（2022）年度に 4回でした。令和7（2025）年度は 7回に ふえました。めあては 令和11（2029）年度に 10回です。`,
		`>じっさいの 数</text>`, `</span>6回 ひらきました。</td>`, `<strong class="progress-status">やった</strong>`,
	} {
		if !strings.Contains(easy, want) {
			t.Errorf("easy pillar page lacks %s", want)
		}
	}
	prog := rubyRe.ReplaceAllString(read("progress.html"), "")
	for _, want := range []string{`<h3 id="status-2">実施（1）</h3>`, `<h3 id="status-5">未報告（1）</h3>`, `<h3 id="progress-dept-福祉総務課">福祉総務課</h3>`} {
		if !strings.Contains(prog, want) {
			t.Errorf("progress page lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "easy", "progress.html")); err != nil {
		t.Error("no easy progress page")
	}
}

// TestNoProgress makes no progress page and no summary for a plan
// without progress.
func TestNoProgress(t *testing.T) {
	files := map[string]string{"site.yaml": progressSite["site.yaml"], "pillars/2-b.yaml": progressSite["pillars/2-b.yaml"]}
	root := writeContent(t, files)
	dest := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "progress.html")); err == nil {
		t.Error("a plan without progress has a progress page")
	}
	home, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if strings.Contains(string(home), "progress-summary") {
		t.Error("a plan without progress shows a summary")
	}
}
