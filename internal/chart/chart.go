// Package chart draws small line charts as inline SVG at build time, for
// pages that must work without JavaScript and for every reader:
//
//   - the SVG is role="img" with a <title> and a <desc> that the caller
//     fills with the trend in words; screen readers announce those, and the
//     caller puts the numbers in a data table beside the chart;
//   - every mark is drawn in currentColor, so the chart follows the page's
//     colour scheme, forced colours (high contrast) and print;
//   - series differ by pattern, not colour: measured values are a solid
//     line with filled circles, the goal a dashed line to a hollow diamond;
//     a legend says so, and every point carries its value as a label.
//
// The package knows only numbers and labels, nothing of plans.
package chart

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Point is one figure: X places it (a year), Label names it on the axis.
type Point struct {
	X     float64
	Label string
	Value float64
}

// Chart is a series of measured points and an optional goal.
type Chart struct {
	ID     string  // prefix of the element ids; unique on the page
	Title  string  // what is measured, the SVG's accessible name
	Desc   string  // the trend in words
	Unit   string  // printed after each value
	Points []Point // measured values, in X order
	Goal   *Point  // the target, drawn dashed from the last point
	// Legend names the two series: measured values and the goal.
	Legend [2]string
}

// Trend is the direction of a series.
type Trend int

// The directions of a series.
const (
	Flat Trend = iota
	Up
	Down
)

// TrendOf compares the last value with the first.
func TrendOf(ps []Point) Trend {
	if len(ps) < 2 {
		return Flat
	}
	switch d := ps[len(ps)-1].Value - ps[0].Value; {
	case d > 0:
		return Up
	case d < 0:
		return Down
	}
	return Flat
}

// Format prints a value without needless decimals: 12, 12.5.
func Format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// geometry of the drawing, in SVG user units.
const (
	width, height      = 640.0, 300.0
	left, right        = 72.0, 28.0
	top, bottom        = 48.0, 44.0
	fontSize           = 15
	pointR             = 5.5
	diamond            = 8.0
	legendY            = 22.0
	gridLines          = 4
	labelGap           = 10.0
	strokeMain         = 3
	strokeGoal         = 2.5
	dashGoal           = "8 6"
	fontFamily         = "sans-serif"
	textAnchorMiddle   = "middle"
	minSpan            = 1.0
	headroom           = 1.15
	plotW, plotH       = width - left - right, height - top - bottom
	legendSwatchLength = 36.0
)

// MaxValue is the largest magnitude of a value or X that is drawn: beyond
// it the scales lose the values to rounding (or overflow), so SVG draws
// nothing and the table beside the chart gives the numbers.
const MaxValue = 1e15

// SVG draws the chart; nothing when it has no point, or a value or X that
// is not a number or beyond ±MaxValue.
func (c Chart) SVG() template.HTML {
	all := append([]Point(nil), c.Points...)
	if c.Goal != nil {
		all = append(all, *c.Goal)
	}
	if len(all) == 0 || !drawable(all) {
		return ""
	}
	sx, sy, lo, hi := scales(all)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 %g %g" width="100%%" aria-labelledby="%s-t %s-d" font-family="%s" font-size="%d" fill="currentColor">`,
		width, height, c.ID, c.ID, fontFamily, fontSize)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(c.Desc))
	c.grid(&b, sy, lo, hi)
	c.axis(&b, all, sx)
	c.series(&b, sx, sy)
	c.legend(&b)
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // #nosec G203 -- every text is escaped
}

// drawable reports whether every value and X is a number within MaxValue.
func drawable(ps []Point) bool {
	for _, p := range ps {
		if !(math.Abs(p.Value) <= MaxValue && math.Abs(p.X) <= MaxValue) { // false for NaN too
			return false
		}
	}
	return true
}

// scales map X and values to user units, and return the values at the
// bottom and the top of the plot. The value axis starts at 0 (or below,
// for negative values) so that bars of growth are not exaggerated.
func scales(ps []Point) (sx, sy func(float64) float64, lo, hi float64) {
	minX, maxX := ps[0].X, ps[0].X
	for _, p := range ps {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	hi = niceCeil(hi * headroom)
	if hi == lo {
		hi = lo + minSpan
	}
	spanX := maxX - minX
	sx = func(x float64) float64 {
		if spanX == 0 {
			return left + plotW/2
		}
		return left + (x-minX)/spanX*plotW
	}
	sy = func(v float64) float64 { return top + (hi-v)/(hi-lo)*plotH }
	return sx, sy, lo, hi
}

// niceCeil rounds up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// grid draws faint horizontal lines with their values, from lo at the
// bottom of the plot to hi at the top.
func (c Chart) grid(b *strings.Builder, sy func(float64) float64, lo, hi float64) {
	b.WriteString(`<g stroke="currentColor" stroke-opacity="0.3" stroke-width="1">`)
	for i := 0; i <= gridLines; i++ {
		v := lo + (hi-lo)*float64(i)/gridLines
		y := sy(v)
		fmt.Fprintf(b, `<line x1="%g" y1="%.1f" x2="%g" y2="%.1f"/>`, left, y, width-right, y)
	}
	b.WriteString(`</g><g text-anchor="end">`)
	for i := 0; i <= gridLines; i++ {
		v := lo + (hi-lo)*float64(i)/gridLines
		fmt.Fprintf(b, `<text x="%g" y="%.1f">%s</text>`, left-6, sy(v)+5, esc(Format(round(v))))
	}
	b.WriteString(`</g>`)
}

func round(v float64) float64 { return math.Round(v*100) / 100 }

// axis writes the X labels under the plot.
func (c Chart) axis(b *strings.Builder, all []Point, sx func(float64) float64) {
	fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="currentColor" stroke-width="1.5"/>`, left, top+plotH, width-right, top+plotH)
	fmt.Fprintf(b, `<g text-anchor="%s">`, textAnchorMiddle)
	seen := map[string]bool{}
	for _, p := range all {
		if seen[p.Label] {
			continue
		}
		seen[p.Label] = true
		fmt.Fprintf(b, `<text x="%.1f" y="%g">%s</text>`, sx(p.X), height-bottom+24, esc(p.Label))
	}
	b.WriteString(`</g>`)
}

// series draws the measured line with circles and the dashed goal line
// with a diamond, each point labelled with its value.
func (c Chart) series(b *strings.Builder, sx, sy func(float64) float64) {
	if c.Goal != nil && len(c.Points) > 0 {
		last := c.Points[len(c.Points)-1]
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="currentColor" stroke-width="%g" stroke-dasharray="%s"/>`,
			sx(last.X), sy(last.Value), sx(c.Goal.X), sy(c.Goal.Value), float64(strokeGoal), dashGoal)
	}
	if len(c.Points) > 1 {
		var pts []string
		for _, p := range c.Points {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", sx(p.X), sy(p.Value)))
		}
		fmt.Fprintf(b, `<polyline points="%s" fill="none" stroke="currentColor" stroke-width="%d" stroke-linejoin="round"/>`, strings.Join(pts, " "), strokeMain)
	}
	fmt.Fprintf(b, `<g text-anchor="%s">`, textAnchorMiddle)
	for _, p := range c.Points {
		x, y := sx(p.X), sy(p.Value)
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%g"/>`, x, y, pointR)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-weight="bold">%s</text>`, x, y-labelGap-2, esc(Format(p.Value)+c.Unit))
	}
	if g := c.Goal; g != nil {
		x, y := sx(g.X), sy(g.Value)
		fmt.Fprintf(b, `<path d="%s" fill="none" stroke="currentColor" stroke-width="%g"/>`, diamondPath(x, y), float64(strokeGoal))
		// Anchored at its end: the goal is usually the right-most point.
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="end">%s</text>`, x+diamond, y-diamond-labelGap, esc(c.Legend[1]+" "+Format(g.Value)+c.Unit))
	}
	b.WriteString(`</g>`)
}

func diamondPath(x, y float64) string {
	return fmt.Sprintf("M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ", x, y-diamond, x+diamond, y, x, y+diamond, x-diamond, y)
}

// legend explains the two patterns above the plot.
func (c Chart) legend(b *strings.Builder) {
	x := left
	fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="currentColor" stroke-width="%d"/><circle cx="%g" cy="%g" r="%g"/><text x="%g" y="%g">%s</text>`,
		x, legendY, x+legendSwatchLength, legendY, strokeMain, x+legendSwatchLength/2, legendY, pointR, x+legendSwatchLength+8, legendY+5, esc(c.Legend[0]))
	if c.Goal == nil {
		return
	}
	x += legendSwatchLength + 8 + float64(len([]rune(c.Legend[0]))*fontSize) + 24
	fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="currentColor" stroke-width="%g" stroke-dasharray="%s"/><path d="%s" fill="none" stroke="currentColor" stroke-width="%g"/><text x="%g" y="%g">%s</text>`,
		x, legendY, x+legendSwatchLength, legendY, float64(strokeGoal), dashGoal, diamondPath(x+legendSwatchLength/2, legendY), float64(strokeGoal), x+legendSwatchLength+8, legendY+5, esc(c.Legend[1]))
}

func esc(s string) string { return template.HTMLEscapeString(s) }
