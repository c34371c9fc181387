package plan

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/safefs"
)

const goodSite = `city: 小平市
title: 第四次小平市障がい者福祉計画
short_title: 障がい者福祉計画
period: {from: 2024, to: 2029}
philosophy:
  - ともに生きるまち
policies:
  - 相談できる
contact: {department: 障がい者支援課, phone: 042-000-0000}
furigana: grade:6
`

const goodPillar = `number: 1
title: 相談支援の充実
summary: 相談の体制をつくります。
directions:
  - number: 1
    title: 相談の場
    measures:
      - number: 1
        title: 相談窓口
        description: 窓口を置きます。
        departments: [障がい者支援課]
        status: 継続
      - number: 新
        title: 新しい相談
        description: 始めます。
        departments: [障がい者支援課, 健康推進課]
`

const goodChapter = `---
title: はじめに
weight: 1
---
# 計画の背景

本文です。
`

// writeSite writes files (path relative to content/ → text) into a new site root.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func good() map[string]string {
	return map[string]string{
		"site.yaml":             goodSite,
		"pillars/1-soudan.yaml": goodPillar,
		"chapters/01-intro.md":  goodChapter,
	}
}

func TestLoadGood(t *testing.T) {
	s, err := Load(writeSite(t, good()))
	if err != nil {
		t.Fatal(err)
	}
	ms := s.AllMeasures()
	if len(ms) != 2 || ms[0].ID != "measure-1" || ms[1].ID != "measure-new-1-1" || !ms[1].Number.New {
		t.Fatalf("measures = %+v", ms)
	}
	if ms[0].Line != 8 || ms[0].Direction == nil || ms[0].Pillar != s.Pillars[0] {
		t.Errorf("measure 1: line %d direction %v", ms[0].Line, ms[0].Direction)
	}
	c := s.Chapters[0]
	if c.Front.Title != "はじめに" || c.BodyLine != 5 || c.Slug != "01-intro" {
		t.Errorf("chapter = %+v", c.Front)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		text  string
		wants []string
	}{
		{"unknown key", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "        status: 継続", "        stauts: 継続", 1),
			[]string{`content/pillars/1-soudan.yaml:12: unknown key "stauts"`, "known keys here:"}},
		{"yaml syntax", "site.yaml", goodSite + "contact: [\n", []string{"content/site.yaml:", "YAML:"}},
		{"missing title", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "        title: 相談窓口\n", "", 1),
			[]string{"content/pillars/1-soudan.yaml:8: missing required field title"}},
		{"missing departments", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "        departments: [障がい者支援課]\n", "", 1),
			[]string{"content/pillars/1-soudan.yaml:8: missing required field departments"}},
		{"bad number", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "number: 新", "number: new", 1),
			[]string{"content/pillars/1-soudan.yaml:13:", `number "new" must be a positive integer or 新`}},
		{"bad status", "pillars/1-soudan.yaml", strings.Replace(goodPillar, "status: 継続", "status: 完了", 1),
			[]string{`status "完了" is not allowed`}},
		{"invalid utf-8", "chapters/01-intro.md", "---\ntitle: x\nweight: 1\n---\n\xff\xfe\n", []string{"content/chapters/01-intro.md:5: invalid UTF-8"}},
		{"front matter unknown", "chapters/01-intro.md", "---\ntitle: x\nwieght: 1\n---\n", []string{`content/chapters/01-intro.md:3: unknown key "wieght"`}},
		{"front matter unclosed", "chapters/01-intro.md", "---\ntitle: x\n", []string{"content/chapters/01-intro.md:1: front matter is not closed"}},
		{"unquoted ruby", "site.yaml", strings.Replace(goodSite, "title: 第四次", "title: {第四次|だいよじ}", 1),
			[]string{"content/site.yaml:", "a value that starts with ruby must be quoted"}},
		{"bad mode", "site.yaml", strings.Replace(goodSite, "grade:6", "grade:9", 1), []string{`furigana: "grade:9" is not a mode`}},
		{"bad edition", "site.yaml", goodSite + "editions: [vertical, tategaki]\n", []string{`content/site.yaml:` + strconv.Itoa(strings.Count(goodSite, "\n")+1) + `: editions: "tategaki" is not an edition`, "vertical"}},
		{"orphan easy", "chapters/09-x.easy.md", "---\ntitle: x\nweight: 1\n---\n", []string{"content/chapters/09-x.easy.md:1: easy-read text has no standard chapter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := good()
			files[tt.file] = tt.text
			_, err := Load(writeSite(t, files))
			if err == nil {
				t.Fatal("no error")
			}
			for _, want := range tt.wants {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error\n%v\ndoes not contain %q", err, want)
				}
			}
		})
	}
}

func TestDuplicateNumber(t *testing.T) {
	files := good()
	files["pillars/2-other.yaml"] = strings.Replace(goodPillar, "number: 1\ntitle", "number: 2\ntitle", 1)
	_, err := Load(writeSite(t, files))
	want := "content/pillars/2-other.yaml:8: duplicate measure number 1 (also content/pillars/1-soudan.yaml:8)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want %q", err, want)
	}
}

func TestAllErrorsReported(t *testing.T) {
	files := good()
	files["pillars/1-soudan.yaml"] = strings.NewReplacer("status: 継続", "stauts: 継続", "        title: 新しい相談\n", "        titel: x\n").Replace(goodPillar)
	_, err := Load(writeSite(t, files))
	// two unknown keys, and the title that the typo left missing
	if err == nil || strings.Count(err.Error(), "\n") != 2 {
		t.Fatalf("want 3 errors, got %v", err)
	}
}

func TestEasyGaps(t *testing.T) {
	s, err := Load(writeSite(t, good()))
	if err != nil {
		t.Fatal(err)
	}
	gaps := EasyGaps(s)
	// philosophy, chapter, pillar, direction, 2 measures
	if len(gaps) != 6 {
		t.Fatalf("gaps = %v", gaps)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(goodPillar)
	f.Add("number: 1\nmeasures:\n  - number: [1]\n")
	f.Add("- a\n- b: {c: d}\n")
	f.Add("number: 1\neasy: &e {title: a, summary: |\n  b\n}\ndirections:\n  - number: 1\n    easy: *e\n    measures: [{number: 新規}]\n")
	f.Add("number: 1\ntitle: [\n\n")
	f.Add(aliasBomb(4))
	f.Add(goodPillar + "---\nnumber: 2\n")
	f.Add("number: 1\ntitle: \x1b\n")
	f.Add("number: 1.5\nmeasures:\n  -\n")
	f.Fuzz(func(t *testing.T, pillar string) {
		files := good()
		files["pillars/1-soudan.yaml"] = pillar
		files["chapters/01-intro.md"] = "---\n" + pillar + "\n---\n"
		Load(writeSite(t, files)) // must not panic
	})
}

// Loading again through a file system that remembers files (a preview
// session) gives what the files say now: the remembered text checks,
// front matter and YAML trees are those of the files' current bytes, and
// a broken file is reported until it is fixed.
func TestLoadAgainAfterEdits(t *testing.T) {
	root := writeSite(t, good())
	fsys := safefs.New(root, safefs.SourceLimit)
	fsys.Memo = safefs.NewMemo()
	load := func() (*Site, error) { return LoadFS(fsys, root) }
	if _, err := load(); err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(root, "content", filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s lacks %q", name, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("pillars/1-soudan.yaml", "title: 相談支援の充実", "title: 相談の充実")
	edit("chapters/01-intro.md", "title: はじめに", "title: さいしょに")
	s, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if s.Pillars[0].Title != "相談の充実" || s.Chapters[0].Front.Title != "さいしょに" {
		t.Errorf("after edits: pillar %q, chapter %q", s.Pillars[0].Title, s.Chapters[0].Front.Title)
	}
	edit("pillars/1-soudan.yaml", "title: 相談の充実", "title: [相談の充実")
	for i := 0; i < 2; i++ {
		if _, err := load(); err == nil || !strings.Contains(err.Error(), "content/pillars/1-soudan.yaml:") {
			t.Fatalf("load %d of a broken pillar: %v", i+1, err)
		}
	}
	edit("pillars/1-soudan.yaml", "title: [相談の充実", "title: 相談支援の充実")
	if s, err = load(); err != nil || s.Pillars[0].Title != "相談支援の充実" {
		t.Fatalf("after the fix: %v", err)
	}
}

// A fileMemo gives back a result only for the same name and bytes, and
// keeps one result per name: an edited file's old result is dropped.
func TestFileMemo(t *testing.T) {
	var m fileMemo[string]
	calls := 0
	get := func(name, text string) string {
		return m.get(name, sha256.Sum256([]byte(text)), func() string { calls++; return text })
	}
	get("a.md", "one")
	if got := get("a.md", "one"); got != "one" || calls != 1 {
		t.Errorf("same bytes: %q after %d calls, want one call", got, calls)
	}
	if got := get("a.md", "two"); got != "two" || calls != 2 {
		t.Errorf("edited: %q after %d calls", got, calls)
	}
	if got := get("b.md", "two"); got != "two" || calls != 3 {
		t.Errorf("another file with the same bytes: %q after %d calls", got, calls)
	}
	if len(m.m) != 2 {
		t.Errorf("%d results kept for 2 files", len(m.m))
	}
}
