package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/plan"
)

// TestSampleHasNoErrors runs the checker on the sample plan: the issue
// requires zero easy-read errors there.
func TestSampleHasNoErrors(t *testing.T) {
	var out bytes.Buffer
	res, err := Run("../..", &out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors != 0 {
		t.Errorf("%d errors on the sample:\n%s", res.Errors, out.String())
	}
	if res.Pages < 10 || !strings.Contains(out.String(), "readability") {
		t.Errorf("checked %d files; output:\n%s", res.Pages, out.String())
	}
}

func TestEasyTextsCoverEveryKind(t *testing.T) {
	s, err := plan.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	for _, tx := range EasyTexts(s) {
		files[tx.File] = true
	}
	for _, want := range []string{"content/site.yaml", "content/chapters/01-hajimeni.easy.md", "content/pillars/1-soudan.yaml", "content/glossary.yaml"} {
		if !files[want] {
			t.Errorf("no easy text from %s", want)
		}
	}
}

func TestRubyText(t *testing.T) {
	var out bytes.Buffer
	if err := Ruby("../..", "text", []byte("花小金井の相談\n"), &out); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "花小金井(はなこがねい)の相談(そうだん)\n" {
		t.Errorf("got %q", got)
	}
}
