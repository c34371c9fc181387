package plan

import (
	"strings"
	"testing"
)

const progressPillar = `number: 1
title: 相談
summary: 相談します。
measures:
  - number: 1
    title: 研修
    description: 研修を開きます。
    departments: [障がい者支援課]
    targets:
      - {indicator: 研修の回数, unit: 回, baseline: {fy: 2022, value: 4}, goal: {fy: 2029, value: 10}}
    progress:
      - {fy: 2025, status: 一部実施, value: 5}
      - fy: 2024
        status: 実施
        evaluation: 予定どおり開いた。
        values: {研修の回数: 6}
`

// TestProgressLoads decodes progress, sorts it by year and gives each
// target its series: the baseline, then the yearly values.
func TestProgressLoads(t *testing.T) {
	root := writeSite(t, map[string]string{"site.yaml": goodSite, "pillars/1-a.yaml": progressPillar})
	s, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	m := s.AllMeasures()[0]
	if len(m.Progress) != 2 || m.Progress[0].FY != 2024 || m.Latest().Status != "一部実施" {
		t.Fatalf("progress %+v", m.Progress)
	}
	got := m.Series(m.Targets[0])
	want := []Value{{2022, 4}, {2024, 6}, {2025, 5}}
	if len(got) != len(want) {
		t.Fatalf("series %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("series %v, want %v", got, want)
		}
	}
}

// TestProgressErrors names file and line for every bad progress field.
func TestProgressErrors(t *testing.T) {
	bad := strings.NewReplacer(
		"status: 一部実施", "status: 途中",
		"values: {研修の回数: 6}", "values: {研修回数: 6}",
		"fy: 2024", "fy: 2025",
	).Replace(progressPillar) + `  - number: 2
    title: 二つ
    description: 二つの目標。
    departments: [障がい者支援課]
    targets:
      - {indicator: A, baseline: {fy: 1850, value: 1}}
      - {indicator: B}
    progress:
      - {fy: 2024, status: 実施, value: 3}
`
	root := writeSite(t, map[string]string{"site.yaml": goodSite + "fiscal_year_era: old\n", "pillars/1-a.yaml": bad})
	_, err := Load(root)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`content/site.yaml:11: fiscal_year_era: "old" is not a fiscal year era rule`,
		`content/pillars/1-a.yaml:12: progress status "途中" is not allowed (use 完了, 実施, 一部実施, 未実施`,
		`content/pillars/1-a.yaml:13: progress for fiscal year 2025 is given twice`,
		`content/pillars/1-a.yaml:16: progress value for "研修回数": the measure has no target with that indicator`,
		`content/pillars/1-a.yaml:22: baseline: fiscal year 1850 is before 1868`,
		`content/pillars/1-a.yaml:25: value: needs exactly one target, the measure has 2`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in\n%v", want, err)
		}
	}
}

// TestSiteStatuses lets a site list its own statuses.
func TestSiteStatuses(t *testing.T) {
	site := goodSite + "progress_statuses:\n  - {name: 順調, easy: うまく いっている}\n  - {name: 遅れ}\n"
	root := writeSite(t, map[string]string{"site.yaml": site, "pillars/1-a.yaml": progressPillar})
	_, err := Load(root)
	if err == nil || !strings.Contains(err.Error(), `progress status "実施" is not allowed (use 順調, 遅れ`) {
		t.Errorf("error %v", err)
	}
}
