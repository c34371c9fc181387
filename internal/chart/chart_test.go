package chart

import (
	"encoding/xml"
	"strings"
	"testing"
)

func sample() Chart {
	return Chart{
		ID: "c1", Title: "研修の回数 <推移>", Desc: "4回から6回へ増えました。", Unit: "回",
		Points: []Point{{2022, "R4", 4}, {2024, "R6", 6}, {2025, "R7", 5.5}},
		Goal:   &Point{2029, "R11", 10},
		Legend: [2]string{"実績", "目標"},
	}
}

// TestSVGAccessible checks the parts readers rely on: role, name and
// description, every value as text, patterns for the two series, no
// colour but currentColor.
func TestSVGAccessible(t *testing.T) {
	svg := string(sample().SVG())
	for _, want := range []string{
		`role="img"`, `aria-labelledby="c1-t c1-d"`,
		`<title id="c1-t">研修の回数 &lt;推移&gt;</title>`, `<desc id="c1-d">4回から6回へ増えました。</desc>`,
		`>4回</text>`, `>6回</text>`, `>5.5回</text>`, `text-anchor="end">目標 10回</text>`,
		`>R4</text>`, `>R11</text>`, `>実績</text>`,
		`stroke-dasharray="8 6"`, `<polyline`, `<circle`, `<path d="M`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if strings.Contains(svg, "#") || strings.Contains(svg, "rgb") || strings.Contains(svg, "class=") {
		t.Error("SVG uses a fixed colour or a class; it must draw in currentColor only")
	}
	if err := xml.Unmarshal([]byte(svg), new(any)); err != nil {
		t.Errorf("SVG is not well-formed: %v", err)
	}
	if svg != string(sample().SVG()) {
		t.Error("SVG is not deterministic")
	}
}

// TestScale puts higher values higher and starts the axis at zero.
func TestScale(t *testing.T) {
	sx, sy, _, _ := scales([]Point{{2022, "", 4}, {2029, "", 10}})
	if sx(2022) != left || sx(2029) != width-right {
		t.Errorf("x scale %g..%g", sx(2022), sx(2029))
	}
	if !(sy(10) < sy(4) && sy(0) == top+plotH) {
		t.Errorf("y scale: sy(10)=%g sy(4)=%g sy(0)=%g", sy(10), sy(4), sy(0))
	}
	_, sy, _, _ = scales([]Point{{1, "", -5}, {2, "", 5}})
	if sy(-5) != top+plotH {
		t.Errorf("negative values fall off the plot: %g", sy(-5))
	}
}

func TestEdgeCases(t *testing.T) {
	if (Chart{}).SVG() != "" {
		t.Error("an empty chart draws something")
	}
	one := Chart{ID: "x", Points: []Point{{2024, "R6", 0}}}
	if svg := string(one.SVG()); !strings.Contains(svg, `<circle`) || strings.Contains(svg, "NaN") {
		t.Errorf("one zero point: %s", svg)
	}
	for _, tt := range []struct {
		ps   []Point
		want Trend
	}{
		{[]Point{{1, "", 1}, {2, "", 3}}, Up},
		{[]Point{{1, "", 3}, {2, "", 1}}, Down},
		{[]Point{{1, "", 3}, {2, "", 3}}, Flat},
		{nil, Flat},
	} {
		if got := TrendOf(tt.ps); got != tt.want {
			t.Errorf("TrendOf(%v) = %v", tt.ps, got)
		}
	}
	if niceCeil(11.5) != 20 || niceCeil(4.6) != 5 || niceCeil(0) != 0 {
		t.Error("niceCeil")
	}
}
