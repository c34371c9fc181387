package site

import (
	"sort"
	"strings"
	"testing"
)

func TestFiscalYear(t *testing.T) {
	for y, want := range map[int]string{
		2018: "2018（平成30）年度",
		2019: "2019（令和元）年度",
		2024: "2024（令和6）年度",
	} {
		if got := fiscalYear(y); got != want {
			t.Errorf("fiscalYear(%d) = %q, want %q", y, got, want)
		}
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
