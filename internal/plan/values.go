package plan

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"github.com/plansite/plansite/internal/diag"
)

// Fiscal years a plan may name: from 1989 (平成元年度), the first year the
// site prints an era for, to 2100.
const (
	MinFiscalYear = 1989
	MaxFiscalYear = 2100
)

func validYear(y int) bool { return y >= MinFiscalYear && y <= MaxFiscalYear }

func validatePeriod(s *Site, errs *diag.List) {
	p, line := s.Period, s.Lines.At("period", 1)
	hint := fmt.Sprintf("write period: {from: 2024, to: 2029}, with fiscal years from %d to %d", MinFiscalYear, MaxFiscalYear)
	switch {
	case p.From == 0 || p.To == 0:
		errs.Add(diag.New(siteFile, line, "period must have from and to fiscal years", hint))
	case !validYear(p.From) || !validYear(p.To):
		errs.Add(diag.New(siteFile, line, fmt.Sprintf("period {from: %d, to: %d} is not a span of fiscal years", p.From, p.To), hint))
	case p.To < p.From:
		errs.Add(diag.New(siteFile, line, fmt.Sprintf("period ends (%d) before it starts (%d)", p.To, p.From), "swap from and to"))
	}
}

// validateValue checks a target's figure: a fiscal year in range and a
// value that is a number (checkFigure).
func validateValue(file string, line int, key string, v Value, errs *diag.List) {
	if v.FY != 0 && !validYear(v.FY) {
		errs.Add(diag.New(file, line, fmt.Sprintf("%s.fy: %d is not a fiscal year", key, v.FY),
			fmt.Sprintf("write the year as 2024 (from %d to %d)", MinFiscalYear, MaxFiscalYear)))
	}
	checkFigure(file, line, key+".value", v.Value, errs)
}

// MaxValue bounds the figures of targets and progress, as chart.MaxValue
// bounds what a chart can draw. A city's budget in yen stays far below it;
// a larger figure is a slip (1e300).
const MaxValue = 1e15

// checkFigure reports a figure that is not a number (.nan, .inf) or lies
// beyond ±MaxValue.
func checkFigure(file string, line int, what string, v float64, errs *diag.List) {
	const hint = "write a figure such as 12 or 3.5; for large amounts, a larger unit such as 億円"
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		errs.Add(diag.New(file, line, what+" is not a number", hint))
	case math.Abs(v) > MaxValue:
		errs.Add(diag.New(file, line, fmt.Sprintf("%s %s is larger than a plan's figures can be (at most 10^15)", what, strconv.FormatFloat(v, 'g', -1, 64)), hint))
	}
}

// validateBaseURL checks that base_url is an absolute http(s) address of
// a folder, and normalises it: it is printed into sitemap.xml and
// canonical links.
func validateBaseURL(s *Site, errs *diag.List) {
	if s.BaseURL == "" {
		return
	}
	u, err := url.Parse(s.BaseURL)
	if err == nil && u.Host != "" {
		err = asciiHost(u)
	}
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil ||
		strings.ContainsAny(s.BaseURL, " \t\"'<>\\?#") {
		errs.Add(diag.New(siteFile, s.Lines.At("base_url", 1), fmt.Sprintf("base_url %q is not the address of a folder on the web", s.BaseURL),
			"write it as https://www.city.example.jp/plan/ (https or http, no ? or #, no spaces)"))
		return
	}
	// A folder address, with its path percent-encoded (計画 → %E8%A8%88%E7%94%BB)
	// as sitemap.xml and canonical links need it.
	s.BaseURL = strings.TrimSuffix(u.String(), "/") + "/"
}

// asciiHost writes a Japanese domain name (小平.jp) in the ASCII form that
// addresses need (xn--…): url.URL would percent-encode it, which no
// browser resolves.
func asciiHost(u *url.URL) error {
	host, port := u.Hostname(), u.Port()
	if !strings.ContainsFunc(host, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return nil
	}
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil {
		return err
	}
	u.Host = ascii
	if port != "" {
		u.Host += ":" + port
	}
	return nil
}

// validateTheme checks that theme: names a folder directly under themes/.
func validateTheme(s *Site, errs *diag.List) {
	if s.Theme != "" && !nameRe.MatchString(s.Theme) {
		errs.Add(diag.New(siteFile, s.Lines.At("theme", 1), fmt.Sprintf("theme %q is not the name of a folder in themes/", s.Theme),
			"write the folder's name only, such as theme: kodaira (letters, digits, - and _)"))
	}
}

// nameRe is the safe set of content file names that become page
// addresses: letters, digits, '-', '_' and '.', starting with a letter or
// digit. Other characters (#, ?, %, &, quotes, spaces, backslashes, kana)
// break links, sitemap.xml and the EPUB.
var nameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// checkName reports a chapter or pillar file whose name is not in the
// safe set; the file is then not loaded.
func checkName(dir, name string, errs *diag.List) bool {
	if nameRe.MatchString(name) {
		return true
	}
	errs.Add(diag.New(ContentDir+"/"+dir+"/"+name, 0, "file name is not safe for a web address",
		"rename it with letters a–z, digits, - and _ only, such as 03-soudan"+pathExt(name)))
	return false
}

func pathExt(name string) string {
	if strings.HasSuffix(name, ".easy.md") {
		return ".easy.md"
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}
