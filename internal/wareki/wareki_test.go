package wareki

import (
	"errors"
	"testing"
)

// TestBoundaries checks the last day of each era and the first day of the
// next, for every era since 明治.
func TestBoundaries(t *testing.T) {
	tests := []struct {
		date string
		want string
	}{
		{"1868-01-25", "明治元年1月25日"},
		{"1872-12-31", "明治5年12月31日"},
		{"1873-01-01", "明治6年1月1日"},
		{"1912-07-29", "明治45年7月29日"},
		{"1912-07-30", "大正元年7月30日"},
		{"1912-12-31", "大正元年12月31日"},
		{"1913-01-01", "大正2年1月1日"},
		{"1926-12-24", "大正15年12月24日"},
		{"1926-12-25", "昭和元年12月25日"},
		{"1927-01-01", "昭和2年1月1日"},
		{"1989-01-07", "昭和64年1月7日"},
		{"1989-01-08", "平成元年1月8日"},
		{"2019-04-30", "平成31年4月30日"},
		{"2019-05-01", "令和元年5月1日"},
		{"2020-01-01", "令和2年1月1日"},
		{"2026-12-01", "令和8年12月1日"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		d, err := ParseDate(tt.date)
		if err != nil {
			t.Fatal(err)
		}
		got, err := FormatDate(d)
		if err != nil || got != tt.want {
			t.Errorf("FormatDate(%s) = %q, %v; want %q", tt.date, got, err, tt.want)
		}
		y, _ := At(d)
		if y.N == 1 && d.Equal(y.Era.Start) {
			seen[y.Era.Name] = true
		}
	}
	for _, e := range Eras {
		if !seen[e.Name] {
			t.Errorf("no test of the first day of %s", e.Name)
		}
	}
}

func TestBeforeMeiji(t *testing.T) {
	for _, s := range []string{"1868-01-24", "1600-10-21"} {
		d, _ := ParseDate(s)
		if _, err := FormatDate(d); !errors.Is(err, ErrRange) {
			t.Errorf("FormatDate(%s) error = %v, want ErrRange", s, err)
		}
	}
	if _, err := FormatFiscalYear(1867, NewEra); !errors.Is(err, ErrRange) {
		t.Errorf("FY1867: %v", err)
	}
}

// TestFiscalYears checks fiscal years around every era change under both
// rules: a fiscal year starts on April 1.
func TestFiscalYears(t *testing.T) {
	tests := []struct {
		fy         int
		new, start string
	}{
		{1868, "明治元（1868）年度", "明治元（1868）年度"},
		{1911, "明治44（1911）年度", "明治44（1911）年度"},
		{1912, "大正元（1912）年度", "明治45（1912）年度"},
		{1913, "大正2（1913）年度", "大正2（1913）年度"},
		{1925, "大正14（1925）年度", "大正14（1925）年度"},
		{1926, "昭和元（1926）年度", "大正15（1926）年度"},
		{1927, "昭和2（1927）年度", "昭和2（1927）年度"},
		{1988, "昭和63（1988）年度", "昭和63（1988）年度"},
		{1989, "平成元（1989）年度", "平成元（1989）年度"},
		{2018, "平成30（2018）年度", "平成30（2018）年度"},
		{2019, "令和元（2019）年度", "平成31（2019）年度"},
		{2020, "令和2（2020）年度", "令和2（2020）年度"},
		{2026, "令和8（2026）年度", "令和8（2026）年度"},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			r    Rule
			want string
		}{{NewEra, tt.new}, {StartEra, tt.start}} {
			got, err := FormatFiscalYear(tt.fy, c.r)
			if err != nil || got != c.want {
				t.Errorf("FormatFiscalYear(%d, %v) = %q, %v; want %q", tt.fy, c.r, got, err, c.want)
			}
		}
	}
}

func TestPiecesReadings(t *testing.T) {
	ps, err := FiscalYearPieces(2019, NewEra)
	if err != nil {
		t.Fatal(err)
	}
	var r string
	for _, p := range ps {
		if p.Reading != "" {
			r += p.Reading
		} else {
			r += p.Text
		}
	}
	if r != "れいわがん（2019）ねんど" {
		t.Errorf("reading %q", r)
	}
}

func TestParseRule(t *testing.T) {
	for in, want := range map[string]Rule{"": NewEra, "new": NewEra, "start": StartEra} {
		if got, err := ParseRule(in); err != nil || got != want {
			t.Errorf("ParseRule(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseRule("old"); err == nil {
		t.Error("ParseRule(old) accepted")
	}
	if _, err := ParseDate("2019/05/01"); err == nil {
		t.Error("ParseDate accepted slashes")
	}
}

func TestParseYear(t *testing.T) {
	for in, want := range map[string]int{
		"2024": 2024, "2024年度": 2024, "２０２４年度": 2024, "令和6年度": 2024, "令和６年度": 2024, "令和元年度": 2019,
		"平成31年度": 2019, "令和6（2024）年度": 2024, "R6": 2024, "r6": 2024, "H30年度": 2018, "昭和64年": 1989,
		"明治元年": 1868, "大正15年度": 1926, "S63": 1988,
	} {
		if got, err := ParseYear(in); err != nil || got != want {
			t.Errorf("ParseYear(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "令和", "平成32年度", "昭和65年", "去年", "R0", "24"} {
		if y, err := ParseYear(bad); err == nil {
			t.Errorf("ParseYear(%q) = %d, want an error", bad, y)
		}
	}
}
