package site

import (
	"testing"

	"github.com/plansite/plansite/internal/chart"
	"github.com/plansite/plansite/internal/plan"
)

// Every figure the plan accepts can be drawn: the plan's bound on figures
// is the chart's.
func TestFigureLimitsAgree(t *testing.T) {
	if plan.MaxValue != chart.MaxValue {
		t.Errorf("plan.MaxValue %g, chart.MaxValue %g", plan.MaxValue, chart.MaxValue)
	}
}
