package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/plan"
	"gopkg.in/yaml.v3"
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

// TestReadingNotes checks that check lists place names readings.yaml does
// not cover as ready-to-paste readings.yaml lines, and reports compounds
// read kanji by kanji.
func TestReadingNotes(t *testing.T) {
	pillar := `number: 1
title: 相談
summary: 青葉町と国立市の相談
measures:
  - number: 1
    title: 窓口
    description: 公助を担う窓口を小平市の花小金井駅前に置きます。
    departments: [障がい者支援課]
`
	root := writeSite(t, map[string]string{
		"site.yaml":             linesSite,
		"pillars/1-soudan.yaml": pillar,
		"readings.yaml":         "花小金井: はなこがねい\n",
	})
	var out bytes.Buffer
	if _, err := Run(root, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"\n青葉町: あおばまち  # content/pillars/1-soudan.yaml:3, the analyzer's guess\n",
		"\n国立市: くにたちし  # content/pillars/1-soudan.yaml:3, Japan Post's municipality list\n",
		"\n小平市: こだいらし  # content/pillars/1-soudan.yaml:7, Japan Post's municipality list\n",
		"content/pillars/1-soudan.yaml:7: split-word: ",
		"\"公助\" and reads it kanji by kanji as こうじょ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "花小金井:") {
		t.Errorf("a place readings.yaml lists is listed again:\n%s", got)
	}
	// The listed lines are valid readings.yaml.
	var lines []string
	for _, l := range strings.Split(got, "\n") {
		if strings.Contains(l, "  # content/") {
			lines = append(lines, l)
		}
	}
	var m map[string]string
	if err := yaml.Unmarshal([]byte(strings.Join(lines, "\n")), &m); err != nil || m["青葉町"] != "あおばまち" {
		t.Errorf("pasted lines do not parse as readings.yaml: %v, %v", m, err)
	}
}
