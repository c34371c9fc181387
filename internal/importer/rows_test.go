package importer

import (
	"strings"
	"testing"
)

// A measure placed directly in a pillar whose first direction starts only
// below it cannot be written (a pillar has directions or measures, not
// both): it is reported as unmapped, never dropped silently.
func TestMeasureBeforeFirstDirection(t *testing.T) {
	rows := [][]string{
		{"基本施策", "施策の方向", "施策名", "施策内容", "担当課"},
		{"1 相談", "", "1 窓口", "置きます。", "福祉課"},
		{"", "1 相談の場", "2 研修", "開きます。", "福祉課"},
	}
	res, err := ReadMeasures(&Table{File: "t.csv", Rows: rows}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Pillars[0]
	if len(p.Measures) != 0 || len(p.Directions) != 1 || len(p.Directions[0].Measures) != 1 {
		t.Fatalf("pillar has %d measures and %d directions", len(p.Measures), len(p.Directions))
	}
	if len(res.Unmapped) != 1 || res.Unmapped[0].Row != 2 || !strings.Contains(res.Unmapped[0].Reason, "first 施策の方向 starts in row 3") {
		t.Errorf("unmapped: %+v", res.Unmapped)
	}
	data, err := pillarYAML(p)
	if err != nil || !strings.Contains(string(data), "研修") {
		t.Errorf("written: %s, %v", data, err)
	}
}
