package render

import (
	"html/template"
	"sort"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/wareki"
)

// TestFiscalYear prints fiscal years era first, with reading aids, under
// the site's rule for the year an era begins.
func TestFiscalYear(t *testing.T) {
	for _, tt := range []struct {
		rule string
		y    int
		want string
	}{
		{"", 2018, "{~平成|へいせい}30（2018）{~年度|ねんど}"},
		{"", 2019, "{~令和|れいわ}{~元|がん}（2019）{~年度|ねんど}"},
		{"start", 2019, "{~平成|へいせい}31（2019）{~年度|ねんど}"},
		{"new", 2024, "{~令和|れいわ}6（2024）{~年度|ねんど}"},
		{"", 1800, "1800年度"},
	} {
		r := &Renderer{site: &plan.Site{FiscalYearEra: tt.rule}}
		if got := r.fiscalYear(tt.y); got != tt.want {
			t.Errorf("fiscalYear(%d) under %q = %q, want %q", tt.y, tt.rule, got, tt.want)
		}
	}
}

// TestWarekiFuncs runs the template functions fy and wareki.
func TestWarekiFuncs(t *testing.T) {
	tmpl := template.Must(template.New("x").Funcs(funcs).Parse(`{{fy 2026}} {{wareki "2019-05-01"}} {{wareki "x<"}}`))
	tmpl.Funcs(warekiFuncs(wareki.StartEra))
	var b strings.Builder
	if err := tmpl.Execute(&b, nil); err != nil {
		t.Fatal(err)
	}
	want := `<ruby class="furi">令和<rp>（</rp><rt inert>れいわ</rt><rp>）</rp></ruby>8（2026）<ruby class="furi">年度<rp>（</rp><rt inert>ねんど</rt><rp>）</rp></ruby> ` +
		`<ruby class="furi">令和<rp>（</rp><rt inert>れいわ</rt><rp>）</rp></ruby><ruby class="furi">元<rp>（</rp><rt inert>がん</rt><rp>）</rp></ruby><ruby class="furi">年<rp>（</rp><rt inert>ねん</rt><rp>）</rp></ruby>5<ruby class="furi">月<rp>（</rp><rt inert>がつ</rt><rp>）</rp></ruby>1<ruby class="furi">日<rp>（</rp><rt inert>にち</rt><rp>）</rp></ruby> x&lt;`
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

func TestCriterionOrder(t *testing.T) {
	ids := []string{"best-practice", "1.4.10", "1.4.2", "2.1.1", "1.4.12", "1.1.1"}
	sort.Slice(ids, func(i, j int) bool { return criterionLess(ids[i], ids[j]) })
	want := "1.1.1 1.4.2 1.4.10 1.4.12 2.1.1 best-practice"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestJapaneseDate(t *testing.T) {
	if got := japaneseDate("2024-04-01"); got != "2024年4月1日" {
		t.Errorf("got %q", got)
	}
	if got := japaneseDate("令和6年4月1日"); got != "令和6年4月1日" {
		t.Errorf("got %q", got)
	}
}
