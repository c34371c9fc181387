package benchsite

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGenerateVaried checks that generated text is varied enough that a
// cache cannot make it free: fewer than 10% of sentences repeat, and the
// vocabulary exceeds 2,000 distinct words.
func TestGenerateVaried(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir, Size{Chapters: 100}); err != nil {
		t.Fatal(err)
	}
	seen, total, repeats := map[string]bool{}, 0, 0
	err := filepath.WalkDir(filepath.Join(dir, "content", "chapters"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".easy.md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range strings.Split(string(data), "。") {
			s = strings.TrimSpace(s)
			if len([]rune(s)) < 8 || strings.Contains(s, "|") {
				continue
			}
			total++
			if seen[s] {
				repeats++
			}
			seen[s] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total < 3000 {
		t.Fatalf("only %d sentences in 100 chapters", total)
	}
	if ratio := float64(repeats) / float64(total); ratio >= 0.10 {
		t.Errorf("%.1f%% of %d sentences repeat, want < 10%%", 100*ratio, total)
	}
	if words := vocabularySize(); words < 2000 {
		t.Errorf("vocabulary of %d words, want ≥ 2000", words)
	}
}

func vocabularySize() int {
	w := map[string]bool{}
	for _, p := range prefixes {
		for _, h := range heads {
			w[p+h] = true
		}
	}
	for _, p := range places {
		for _, s := range placeSuffixes {
			w[p+s] = true
		}
	}
	for _, l := range [][]string{people, departments, verbs, adverbs, adjectives, laws, easyWords, reasons} {
		for _, x := range l {
			w[x] = true
		}
	}
	return len(w)
}

// TestGenerateDeterministic checks that a size always gives the same files.
func TestGenerateDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := Generate(d, Size{Chapters: 10}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"content/chapters/00007-c.md", "content/pillars/2-p.yaml", "content/chapters/00010-c.easy.md"} {
		x, err1 := os.ReadFile(filepath.Join(a, name))
		y, err2 := os.ReadFile(filepath.Join(b, name))
		if err1 != nil || err2 != nil || string(x) != string(y) {
			t.Errorf("%s differs between two runs (%v, %v)", name, err1, err2)
		}
	}
	md, _ := os.ReadFile(filepath.Join(a, "content/chapters/00003-c.md"))
	for _, want := range []string{"\n# 1 ", "\n## ", "\n- ", "表: ", "令和"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("chapter 3 lacks %q", want)
		}
	}
	if n := len([]rune(regexp.MustCompile(`(?s)^---.*?---`).ReplaceAllString(string(md), ""))); n < 2000 || n > 5000 {
		t.Errorf("chapter 3 has %d characters, want about 3,000", n)
	}
}
