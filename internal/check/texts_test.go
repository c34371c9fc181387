package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/plansite/plansite/internal/plan"
)

const linesSite = `city: 小平市
title: 計画
short_title: 計画
period: {from: 2024, to: 2029}
philosophy:
  - ともに生きるまち
easy:
  philosophy:
    - いっしょに くらす まち。
  policies: [そうだんを 大切にします。]
`

const linesPillar = `number: 1
title: 相談
summary: 相談します。
easy:
  title: そうだん
  summary: |
    こまったら、そうだんします。
measures:
  - number: 1
    title: 窓口
    description: 窓口を置きます。
    departments: [障がい者支援課]
    easy:
      title: まどぐち
      description: >-
        まどぐちを
        おきます。
    progress:
      - fy: 2024
        status: 実施
        evaluation: 窓口を置いた。
        easy: まどぐちを おきました。
`

// TestEasyTextLines checks that each easy text carries the line where its
// text starts, not the line of its file or entry.
func TestEasyTextLines(t *testing.T) {
	s, err := plan.Load(writeSite(t, map[string]string{"site.yaml": linesSite, "pillars/1-soudan.yaml": linesPillar}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"いっしょに くらす まち。":    9,
		"そうだんを 大切にします。":    10,
		"そうだん":             5,
		"こまったら、そうだんします。\n": 7,
		"まどぐち":             14,
		"まどぐちを おきます。":      16,
		"まどぐちを おきました。":     22,
	}
	got := EasyTexts(s)
	if len(got) != len(want) {
		t.Fatalf("got %d texts: %v", len(got), got)
	}
	for _, tx := range got {
		if line, ok := want[tx.Text]; !ok || tx.Line != line {
			t.Errorf("%q at %s:%d, want line %d", tx.Text, tx.File, tx.Line, line)
		}
	}
}

// writeSite writes files (paths relative to content/) into a new site
// root and returns the root.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, plan.ContentDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}
