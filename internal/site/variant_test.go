package site

import "testing"

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
