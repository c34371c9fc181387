package site

import "strconv"

// Variant is one of the two parallel versions of every page.
type Variant int

const (
	// Standard is the full plan (くわしい版).
	Standard Variant = iota
	// Easy is the easy-read version (わかりやすい版).
	Easy
)

// String returns the name used in data-variant attributes.
func (v Variant) String() string {
	if v == Easy {
		return "easy"
	}
	return "standard"
}

// Label is the Japanese name of the variant, as the header link shows it.
func (v Variant) Label() string {
	if v == Easy {
		return "わかりやすい版"
	}
	return "くわしい版"
}

// other returns the counterpart variant.
func (v Variant) other() Variant { return 1 - v }

func itoa(n int) string { return strconv.Itoa(n) }

// fiscalYear prints a fiscal year in both calendars, as plans do:
// 2024 → 2024（令和6）年度. Fiscal years start in April, so FY2019 is 令和元年度.
func fiscalYear(y int) string {
	era, n := "令和", y-2018
	if y <= 2018 {
		era, n = "平成", y-1988
	}
	num := strconv.Itoa(n)
	if n == 1 {
		num = "元"
	}
	return strconv.Itoa(y) + "（" + era + num + "）年度"
}
