package easyread

import (
	"os"
	"strings"
	"testing"
)

// paragraphs returns the blocks of a calibration file (blank-line
// separated, the leading comment left out) with the line each starts on;
// a block may start with a <!-- want: rule --> comment.
func paragraphs(t *testing.T, path string) (texts []string, lines []int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	line := 1
	for _, block := range strings.Split(string(data), "\n\n") {
		if b := strings.TrimSpace(block); b != "" && !strings.HasPrefix(b, "<!--") || strings.HasPrefix(b, "<!-- want:") {
			texts, lines = append(texts, block), append(lines, line)
		}
		line += strings.Count(block, "\n") + 2
	}
	return texts, lines
}

// TestCalibrationGood checks the default limits against good easy-read
// paragraphs (testdata/calibration/good.md): no errors, and at most one
// paragraph in ten with a warning.
func TestCalibrationGood(t *testing.T) {
	texts, lines := paragraphs(t, "testdata/calibration/good.md")
	warned := 0
	for i, text := range texts {
		rep := Check("good.md", lines[i], text, Config{})
		if rep.Errors() > 0 {
			t.Errorf("errors in a good paragraph:\n%s", rep)
		}
		if rep.Warnings() > 0 {
			warned++
			t.Logf("warning in a good paragraph:\n%s", rep)
		}
	}
	t.Logf("good paragraphs with a warning: %d of %d", warned, len(texts))
	if warned*10 > len(texts) {
		t.Errorf("%d of %d good paragraphs have warnings; want at most one in ten", warned, len(texts))
	}
}

// TestCalibrationBad checks that every bad paragraph
// (testdata/calibration/bad.md) is reported by the rule its comment names
// (<!-- want: rule -->).
func TestCalibrationBad(t *testing.T) {
	texts, lines := paragraphs(t, "testdata/calibration/bad.md")
	for i, text := range texts {
		want, _, _ := strings.Cut(strings.TrimPrefix(text, "<!-- want: "), " -->")
		rep := Check("bad.md", lines[i], text, Config{})
		if Counts([]Report{rep})[want] == 0 {
			t.Errorf("bad.md:%d: no %s finding:\n%s", lines[i], want, rep)
		}
	}
	t.Logf("%d bad paragraphs, each caught", len(texts))
}
