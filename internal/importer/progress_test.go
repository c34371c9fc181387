package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/plansite/plansite/internal/plan"
)

const progSite = `city: 小平市
title: テスト計画
short_title: テスト
period: {from: 2024, to: 2029}
philosophy: [ともに生きる]
contact: {department: 障がい者支援課}
`

const progPillar = `number: 1
title: 相談
measures:
  - number: 1
    title: 研修
    description: 研修を開きます。
    departments: [障がい者支援課]
    targets:
      - {indicator: 研修の回数, unit: 回, baseline: {fy: 2022, value: 4}, goal: {fy: 2029, value: 10}}
  - number: 2
    title: 二つの目標
    description: 二つ。
    departments: [福祉総務課]
    targets:
      - {indicator: 相談件数, unit: 件}
      - {indicator: 訪問件数, unit: 件}
`

var progRows = [][]string{
	{"令和7年4月1日現在"},
	{"施策番号", "年度", "進捗状況", "評価", "実績値", "相談件数"},
	{"1", "令和6年度", "実施", "研修を6回{開}いた。", "6", ""},
	{"", "R7", "一部実施", "続けた。", "7", ""},
	{"2", "2025", "実施", "", "", "1,234"},
	{"9", "2025", "実施", "", "", ""},
	{"1", "2026", "途中", "", "", ""},
	{"2", "2024", "実施", "", "5", ""},
	{"新", "2024", "実施", "", "", ""},
}

// TestImportProgress reads a CP932 CSV of progress, adds it to the pillar
// file, reports the rows it cannot map, and refuses to replace a year
// without force.
func TestImportProgress(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content", "pillars"), 0o755)
	os.WriteFile(filepath.Join(root, "content", "site.yaml"), []byte(progSite), 0o644)
	os.WriteFile(filepath.Join(root, "content", "pillars", "1-a.yaml"), []byte(progPillar), 0o644)
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes(csvBytes(t, progRows, ','))
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(root, "progress.csv")
	os.WriteFile(src, sjis, 0o644)
	var out strings.Builder
	if err := ImportProgress(src, Options{Root: root}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{
		"read " + src + " (Shift_JIS (CP932)), 3 rows of progress",
		"wrote content/pillars/1-a.yaml",
		"not mapped: row 6: the plan has no measure 9",
		`not mapped: row 7: status "途中" is not one of the site's statuses`,
		"not mapped: row 8: a value for measure 2, which has 2 targets",
		"not mapped: row 9: a new measure (新) has no number yet",
		"4 rows not mapped",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	s, err := plan.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	ms := s.AllMeasures()
	m1, m2 := ms[0], ms[1]
	if len(m1.Progress) != 2 || m1.Progress[0].FY != 2024 || m1.Progress[1].FY != 2025 || m1.Progress[1].Status != "一部実施" {
		t.Fatalf("measure 1 progress %+v", m1.Progress)
	}
	if m1.Progress[0].Evaluation != `研修を6回\{開}いた。` || *m1.Progress[1].Value != 7 {
		t.Errorf("measure 1: %q, %v", m1.Progress[0].Evaluation, *m1.Progress[1].Value)
	}
	if len(m2.Progress) != 1 || m2.Progress[0].Values["相談件数"] != 1234 {
		t.Errorf("measure 2 progress %+v", m2.Progress)
	}
	if err := ImportProgress(src, Options{Root: root}, &out); err == nil || !strings.Contains(err.Error(), "measure 1 already has progress for 2024 (row 3); ") {
		t.Errorf("second import: %v", err)
	}
	if err := ImportProgress(src, Options{Root: root, Force: true}, &out); err != nil {
		t.Errorf("--force: %v", err)
	}
	if s, err = plan.Load(root); err != nil || len(s.AllMeasures()[0].Progress) != 2 {
		t.Errorf("after --force: %v", err)
	}
}
