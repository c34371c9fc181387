package plan

import (
	"encoding/json"

	"github.com/plansite/plansite/internal/diag"
)

// A11yResultsFile is where `make a11y` writes its results, relative to the
// content folder; the next build turns it into the test-results page.
const A11yResultsFile = "a11y-results.json"

// A11yResults are the results of the last accessibility test run.
type A11yResults struct {
	Date                  string            `json:"date"`
	Tools                 map[string]string `json:"tools"`
	PagesChecked          int               `json:"pages_checked"`
	Modes                 []string          `json:"modes"`
	Checks                []A11yCheck       `json:"checks"`
	ViolationsByCriterion map[string]int    `json:"violations_by_criterion"`
	TotalViolations       int               `json:"total_violations"`
	HTMLErrors            int               `json:"html_errors"`
}

// A11yCheck is one kind of check and how many times it ran.
type A11yCheck struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// a11yResults reads the results file of the accessibility tests, if any.
func (l *loader) a11yResults() *A11yResults {
	src, name := l.read(A11yResultsFile, true)
	if src == nil {
		return nil
	}
	var r A11yResults
	if err := json.Unmarshal(src, &r); err != nil {
		l.errs.Add(diag.New(name, 0, "results file is not valid JSON: "+err.Error(), "run `make a11y` again to rewrite it"))
		return nil
	}
	return &r
}
