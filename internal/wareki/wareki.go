// Package wareki prints years, fiscal years and dates in the Japanese era
// calendar (和暦) as city plans write them: 令和8（2026）年度, 令和元年5月1日.
//
// The era table starts with 明治. An era begins on the day in its Start;
// the day before belongs to the previous era, and the first year of an era
// is written 元年. Dates before 1873 (明治6年), when Japan adopted the
// Gregorian calendar, are taken as Gregorian dates.
//
// A fiscal year (年度) runs from April 1 to March 31. A fiscal year in
// which an era begins (FY2019 began on 平成31年4月1日; 令和 began on May 1)
// is named by the site's Rule: NewEra (the default, as most city
// documents after 2019 write it: 令和元年度) or StartEra (the era on
// April 1: 平成31年度).
package wareki

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Era is one era of the table.
type Era struct {
	Name    string // 令和
	Reading string // れいわ
	Start   time.Time
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Eras is the era table, oldest first. 明治 begins on 1868-01-25, the
// Gregorian day of 明治元年1月1日 (the era was applied from the start of
// that year).
var Eras = []Era{
	{"明治", "めいじ", day(1868, time.January, 25)},
	{"大正", "たいしょう", day(1912, time.July, 30)},
	{"昭和", "しょうわ", day(1926, time.December, 25)},
	{"平成", "へいせい", day(1989, time.January, 8)},
	{"令和", "れいわ", day(2019, time.May, 1)},
}

// Rule names a fiscal year in which an era begins.
type Rule int

const (
	// NewEra names it by the era in force at the end of its calendar year
	// (FY2019 → 令和元年度, FY1988 → 昭和63年度).
	NewEra Rule = iota
	// StartEra names it by the era in force on its first day, April 1
	// (FY2019 → 平成31年度).
	StartEra
)

// ParseRule reads a rule as site.yaml writes it: "new" (or "") or "start".
func ParseRule(s string) (Rule, error) {
	switch s {
	case "", "new":
		return NewEra, nil
	case "start":
		return StartEra, nil
	}
	return NewEra, fmt.Errorf("%q is not a fiscal year era rule (use new or start)", s)
}

// Year is a year counted in an era.
type Year struct {
	Era Era
	N   int // 1 for 元年
}

// Number prints the year number, 元 for the first year.
func (y Year) Number() string {
	if y.N == 1 {
		return "元"
	}
	return strconv.Itoa(y.N)
}

// String prints the era and the year: 令和元, 平成31.
func (y Year) String() string { return y.Era.Name + y.Number() }

// ErrRange is returned for a date before 明治.
var ErrRange = fmt.Errorf("before %s (%s)", Eras[0].Name, Eras[0].Start.Format("2006-01-02"))

// At returns the era year of a day.
func At(t time.Time) (Year, error) {
	for i := len(Eras) - 1; i >= 0; i-- {
		if e := Eras[i]; !t.Before(e.Start) {
			return Year{Era: e, N: t.Year() - e.Start.Year() + 1}, nil
		}
	}
	return Year{}, ErrRange
}

// FiscalYear returns the era year of fiscal year fy (April fy to March
// fy+1) under rule r.
func FiscalYear(fy int, r Rule) (Year, error) {
	if r == StartEra {
		return At(day(fy, time.April, 1))
	}
	return At(day(fy, time.December, 31))
}

// Piece is a part of a printed date: Text, with its Reading when it is
// written in kanji (the era name and 年度), for furigana.
type Piece struct {
	Text    string
	Reading string
}

// FormatFiscalYear prints fiscal year fy as 令和8（2026）年度.
func FormatFiscalYear(fy int, r Rule) (string, error) {
	return join(FiscalYearPieces(fy, r))
}

// FiscalYearPieces is FormatFiscalYear in pieces, with readings:
// 令和(れいわ) 8（2026） 年度(ねんど).
func FiscalYearPieces(fy int, r Rule) ([]Piece, error) {
	y, err := FiscalYear(fy, r)
	if err != nil {
		return nil, fmt.Errorf("fiscal year %d: %w", fy, err)
	}
	return []Piece{
		{y.Era.Name, y.Era.Reading},
		{y.Number(), yearReading(y)},
		{"（" + strconv.Itoa(fy) + "）", ""},
		{"年度", "ねんど"},
	}, nil
}

// FormatDate prints a day as 令和元年5月1日.
func FormatDate(t time.Time) (string, error) {
	return join(DatePieces(t))
}

// DatePieces is FormatDate in pieces, with readings.
func DatePieces(t time.Time) ([]Piece, error) {
	y, err := At(t)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.Format("2006-01-02"), err)
	}
	return []Piece{
		{y.Era.Name, y.Era.Reading},
		{y.Number(), yearReading(y)},
		{"年", "ねん"},
		{strconv.Itoa(int(t.Month())), ""},
		{"月", "がつ"},
		{strconv.Itoa(t.Day()), ""},
		{"日", "にち"},
	}, nil
}

// yearReading reads 元 as がん; digits need no reading.
func yearReading(y Year) string {
	if y.N == 1 {
		return "がん"
	}
	return ""
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date (write it as 2019-05-01)", s)
	}
	return t, nil
}

func join(ps []Piece, err error) (string, error) {
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
	}
	return b.String(), nil
}

// eraLetters are the one-letter abbreviations of the eras: R6, H30.
var eraLetters = map[string]string{"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}

// ParseYear reads a (fiscal) year as tables write it and returns it in the
// western calendar: 2024, 2024年度, 令和6年度, 令和元年度, 令和6（2024）年度,
// R6, H30年度. A year past the era's last year (平成32) is an error.
func ParseYear(s string) (int, error) {
	t := strings.TrimSpace(width.Fold.String(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "度"), "年")
	if i := strings.IndexAny(t, "(（"); i > 0 { // 令和6(2024): the western year decides
		if y, err := strconv.Atoi(strings.Trim(t[i:], "()（）")); err == nil {
			return y, nil
		}
		t = t[:i]
	}
	if y, err := strconv.Atoi(t); err == nil && y >= 1000 {
		return y, nil
	}
	for i, e := range Eras {
		name := e.Name
		for letter, full := range eraLetters {
			if full == e.Name && strings.HasPrefix(strings.ToUpper(t), letter) {
				name = t[:1]
			}
		}
		rest, ok := strings.CutPrefix(t, name)
		if !ok {
			continue
		}
		n := 1
		if rest != "元" {
			var err error
			if n, err = strconv.Atoi(strings.TrimSpace(rest)); err != nil || n < 1 {
				break
			}
		}
		y := e.Start.Year() + n - 1
		if i+1 < len(Eras) && y > Eras[i+1].Start.Year() {
			return 0, fmt.Errorf("%q: %s has no year %d", s, e.Name, n)
		}
		return y, nil
	}
	return 0, fmt.Errorf("%q is not a year (write 2024, 令和6年度 or R6)", s)
}
