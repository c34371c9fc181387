package wareki

import "testing"

// FuzzParseYear reads any text without panicking; a year it accepts and
// can print comes back from its printed form.
func FuzzParseYear(f *testing.F) {
	for _, s := range []string{"2024", "令和元年度", "R6", "平成31年度", "令和6（2024）年度", "明治", "ｈ３０", "平成(", "（2019）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, err := ParseYear(s)
		if err != nil {
			return
		}
		for _, r := range []Rule{NewEra, StartEra} {
			printed, err := FormatFiscalYear(y, r)
			if err != nil {
				continue
			}
			if back, err := ParseYear(printed); err != nil || back != y {
				t.Fatalf("ParseYear(%q) = %d, printed %q, read back %d, %v", s, y, printed, back, err)
			}
		}
	})
}
