package chart

import (
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/chars"
)

// FuzzSVG draws charts of any texts and numbers the plan accepts (UTF-8
// without control characters or noncharacters; finite values). The SVG must be well-formed
// XML with no NaN or infinite coordinate.
func FuzzSVG(f *testing.F) {
	f.Add("研修の回数 <推移>", "回", "R4", 4.0, 6.0, 10.0, 2022.0, 2029.0)
	f.Add(`a&b"c]]>`, "%", "\x00", 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Add("x", "", "", -5.0, 1e300, -1e300, 1.0, 1.0)
	f.Add("x", "", "", 1e-300, 5e-324, 0.0, -1e308, 1e308)
	f.Fuzz(func(t *testing.T, title, unit, label string, v1, v2, goal, x1, x2 float64) {
		for _, s := range []string{title, unit, label} {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return chars.IsControl(r) || chars.IsNoncharacter(r) }) {
				return // the plan refuses these texts
			}
		}
		for _, v := range []float64{v1, v2, goal, x1, x2} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return // the plan refuses values that are not numbers
			}
		}
		c := Chart{ID: "c", Title: title, Desc: title, Unit: unit,
			Points: []Point{{x1, label, v1}, {x2, label, v2}}, Goal: &Point{x2 + 1, label, goal}, Legend: [2]string{label, unit}}
		svg := string(c.SVG())
		if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
			t.Fatalf("NaN or Inf in\n%s", svg)
		}
		dec := xml.NewDecoder(strings.NewReader(svg))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%v in\n%s", err, svg)
			}
		}
	})
}
