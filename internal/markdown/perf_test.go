package markdown

import (
	"strings"
	"testing"
)

// TestLargeInputsAreLinear converts inputs that once made parsers slow
// (long runs of one construct) at two sizes: the work, counted as heap
// allocations (deterministic, unlike a clock on a shared machine), must
// grow about as the input does, not as its square.
func TestLargeInputsAreLinear(t *testing.T) {
	units := map[string]string{
		"lines":      "漢字\n",
		"braces":     "{",
		"openruby":   "{a ",
		"terms":      "相談後見成年後見制度",
		"rubies":     "{漢字|かんじ}\n",
		"emptylines": "`x`\n",
		"headings":   "# a\n",
		"wareki":     "[[fy:",
	}
	c := New(Options{})
	allocs := func(s string) float64 {
		return testing.AllocsPerRun(1, func() {
			_, _ = c.Convert([]byte(s), &Page{Annotator: fakeAnn{}, Terms: goldenTerms, Resolve: fakeResolve})
		})
	}
	for name, u := range units {
		small, large := allocs(strings.Repeat(u, 5000)), allocs(strings.Repeat(u, 20000))
		t.Logf("%s: %.0f allocations at 5,000 repeats, %.0f at 20,000", name, small, large)
		if large > 6*small+1000 {
			t.Errorf("%s: 4× the input took %.1f× the allocations (%.0f → %.0f): not linear", name, large/small, small, large)
		}
	}
}
