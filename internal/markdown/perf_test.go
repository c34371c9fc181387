package markdown

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputsAreLinear guards against quadratic behaviour in the
// extensions on large or odd inputs.
func TestLargeInputsAreLinear(t *testing.T) {
	inputs := map[string]string{
		"lines":      strings.Repeat("漢字\n", 20000),
		"braces":     strings.Repeat("{", 100000),
		"openruby":   strings.Repeat("{a ", 30000),
		"terms":      strings.Repeat("相談後見成年後見制度", 10000),
		"rubies":     strings.Repeat("{漢字|かんじ}\n", 20000),
		"emptylines": strings.Repeat("`x`\n", 20000),
		"headings":   strings.Repeat("# a\n", 20000),
		"wareki":     strings.Repeat("[[fy:", 20000),
	}
	c := New(Options{})
	for name, s := range inputs {
		start := time.Now()
		_, _ = c.Convert([]byte(s), &Page{Annotator: fakeAnn{}, Terms: goldenTerms, Resolve: fakeResolve})
		t.Logf("%s: %v", name, time.Since(start))
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s took %v", name, d)
		}
	}
}
