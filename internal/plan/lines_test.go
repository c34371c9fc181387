package plan

import (
	"strings"
	"testing"
)

// loadErr loads files and returns the error text, failing when there is none.
func loadErr(t *testing.T, files map[string]string) string {
	t.Helper()
	_, err := Load(writeSite(t, files))
	if err == nil {
		t.Fatal("no error")
	}
	return err.Error()
}

func wantIn(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("error\n%s\ndoes not contain %q", got, w)
		}
	}
}

func wantNotIn(t *testing.T, got string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(got, w) {
			t.Errorf("error\n%s\ncontains %q", got, w)
		}
	}
}

func TestDuplicatePillarNumber(t *testing.T) {
	files := good()
	four := strings.Replace(goodPillar, "number: 1\ntitle", "number: 4\ntitle", 1)
	files["pillars/1-soudan.yaml"] = four
	files["pillars/2-other.yaml"] = "# comment\n" + strings.NewReplacer("      - number: 1\n", "      - number: 7\n").Replace(four)
	got := loadErr(t, files)
	wantIn(t, got, "content/pillars/2-other.yaml:2: duplicate pillar number 4 (also content/pillars/1-soudan.yaml:1)")
	if strings.Count(got, "\n") != 0 {
		t.Errorf("want one error, got\n%s", got)
	}
}

func TestPillarNumberPositive(t *testing.T) {
	for _, n := range []string{"0", "-1"} {
		files := good()
		files["pillars/1-soudan.yaml"] = strings.Replace(goodPillar, "number: 1\ntitle", "number: "+n+"\ntitle", 1)
		wantIn(t, loadErr(t, files), "content/pillars/1-soudan.yaml:1: pillar number "+n+" must be 1 or more")
	}
	files := good()
	files["pillars/1-soudan.yaml"] = strings.Replace(goodPillar, "number: 1\ntitle", "title", 1)
	wantIn(t, loadErr(t, files), "content/pillars/1-soudan.yaml:1: missing required field number")
}

func TestDuplicateDirectionNumber(t *testing.T) {
	files := good()
	files["pillars/1-soudan.yaml"] = goodPillar + `  - number: 1
    title: もう一つ
    measures:
      - number: 2
        title: 相談
        description: 相談します。
        departments: [障がい者支援課]
`
	wantIn(t, loadErr(t, files), "content/pillars/1-soudan.yaml:17: duplicate direction number 1 (also content/pillars/1-soudan.yaml:5)")
}

func TestKeyLinesInErrors(t *testing.T) {
	tests := []struct {
		name, file, old, new, want string
	}{
		{"status", "pillars/1-soudan.yaml", "status: 継続", "status: 完了",
			`content/pillars/1-soudan.yaml:12: status "完了" is not allowed`},
		{"status block", "pillars/1-soudan.yaml", "status: 継続", "status: |\n          完了",
			`content/pillars/1-soudan.yaml:13: status "完了\n" is not allowed`},
		{"missing title at mapping", "pillars/1-soudan.yaml", "        title: 相談窓口\n", "",
			"content/pillars/1-soudan.yaml:8: missing required field title"},
		{"empty title at key", "pillars/1-soudan.yaml", "title: 相談窓口", `title: ""`,
			"content/pillars/1-soudan.yaml:9: missing required field title"},
		{"pillar furigana", "pillars/1-soudan.yaml", "summary:", "furigana: grade:9\nsummary:",
			`content/pillars/1-soudan.yaml:3: furigana: "grade:9" is not a mode`},
		{"period", "site.yaml", "period: {from: 2024, to: 2029}", "period:\n  from: 2029\n  to: 2024",
			"content/site.yaml:4: period ends (2024) before it starts (2029)"},
		{"site furigana", "site.yaml", "grade:6", "grade:9", `content/site.yaml:10: furigana: "grade:9"`},
		{"front furigana", "chapters/01-intro.md", "weight: 1\n", "weight: 1\nsummary: x\nfurigana: most\n",
			`content/chapters/01-intro.md:5: furigana: "most" is not a mode`},
		{"front updated", "chapters/01-intro.md", "weight: 1\n", "weight: 1\nupdated: 2024/04/01\n",
			`content/chapters/01-intro.md:4: updated: "2024/04/01" is not a date`},
		{"front title", "chapters/01-intro.md", "title: はじめに\n", "# note\n\nweight: 0\n",
			"content/chapters/01-intro.md:4: missing required field title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := good()
			files[tt.file] = strings.Replace(files[tt.file], tt.old, tt.new, 1)
			wantIn(t, loadErr(t, files), tt.want)
		})
	}
}

func TestTargetIndicatorLine(t *testing.T) {
	files := good()
	files["pillars/1-soudan.yaml"] = strings.Replace(goodPillar, "        status: 継続\n",
		"        status: 継続\n        targets:\n          - unit: か所\n", 1)
	wantIn(t, loadErr(t, files), "content/pillars/1-soudan.yaml:14: missing required field targets.indicator")
}

const linesPillar = `number: 1
title: 相談
summary: |
  一行目。
  二行目。
easy:
  title: そうだん
  summary: >-

    こまったら、そうだんします。
measures:
  - number: 1
    title: 窓口
    description: 窓口を置きます。
    departments: [障がい者支援課]
    easy: {title: まどぐち, description: まどぐちを おきます。}
`

func TestEasyTextLines(t *testing.T) {
	files := good()
	files["pillars/1-soudan.yaml"] = linesPillar
	files["site.yaml"] = goodSite + "easy:\n  philosophy: [いっしょに]\n  policies:\n    - そうだん\n    - |\n      くらし\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	p := s.Pillars[0]
	if got := p.Lines.At("summary", 0); got != 4 {
		t.Errorf("summary line %d, want 4", got)
	}
	if got := p.Easy.Lines.At("title", 0); got != 7 {
		t.Errorf("easy title line %d, want 7", got)
	}
	if got := p.Easy.BodyLine(0); got != 10 {
		t.Errorf("easy summary line %d, want 10 (after > and a blank line)", got)
	}
	m := p.Measures[0].Easy
	if m.Lines.At("title", 0) != 16 || m.BodyLine(0) != 16 {
		t.Errorf("measure easy lines %v", m.Lines)
	}
	if got := s.Easy.PhilosophyLines; len(got) != 1 || got[0] != 12 {
		t.Errorf("easy philosophy lines %v", got)
	}
	if got := s.Easy.PoliciesLines; len(got) != 2 || got[0] != 14 || got[1] != 16 {
		t.Errorf("easy policies lines %v", got)
	}
	if got := s.PhilosophyLines; len(got) != 1 || got[0] != 6 {
		t.Errorf("philosophy lines %v", got)
	}
}

func TestPartialPillarNoCascade(t *testing.T) {
	files := good()
	files["pillars/1-soudan.yaml"] = strings.Replace(goodPillar, "number: 新", "number: 新規", 1)
	got := loadErr(t, files)
	wantIn(t, got, `content/pillars/1-soudan.yaml:13:`, `number "新規" must be a positive integer`)
	wantNotIn(t, got, "empty entry", "no measures", "missing required", "may start")
}

func TestEmptyEntryStillReported(t *testing.T) {
	files := good()
	files["pillars/1-soudan.yaml"] = goodPillar + "      -\n"
	wantIn(t, loadErr(t, files), "content/pillars/1-soudan.yaml:17: empty entry in the list (a lone -)")
}

func TestUnreadableChapterNoOrphanEasy(t *testing.T) {
	files := good()
	files["chapters/01-intro.md"] = "---\ntitle: x\n---\n\xff\n"
	files["chapters/01-intro.easy.md"] = "---\ntitle: やさしい\n---\nほんぶん\n"
	got := loadErr(t, files)
	wantIn(t, got, "content/chapters/01-intro.md:4: invalid UTF-8")
	wantNotIn(t, got, "no standard chapter")
}

func TestWeightOptional(t *testing.T) {
	files := good()
	files["chapters/02-b.md"] = "---\ntitle: B\n---\n本文\n"
	files["chapters/03-a.md"] = "---\ntitle: A\n---\n本文\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range s.Chapters {
		got = append(got, c.Slug)
	}
	if strings.Join(got, " ") != "02-b 03-a 01-intro" {
		t.Errorf("order %v: no weight first, by file name", got)
	}
}

func TestYAMLSyntaxLines(t *testing.T) {
	tests := []struct{ name, text, want string }{
		// yaml.v3 notices at the end of the file; the file's last line is 3.
		{"unclosed at end", "city: 小平市\ntitle: [\n\n",
			"content/site.yaml:3: YAML: did not find expected node content (check indentation, colons and quoting on this line; the problem may start on line 2)"},
		// yaml.v3 prints parser errors one line early; the [ is on line 2.
		{"unclosed before key", "city: 小平市\ntitle: [計画\nshort_title: x\n",
			"content/site.yaml:2: YAML: did not find expected ',' or ']' (check indentation, colons and quoting on this line)"},
		{"missing colon", "city: x\ncontact:\n  department 1\n\n  # c\n  phone: 2\n",
			"content/site.yaml:6: YAML: did not find expected key (check indentation, colons and quoting on this line; the problem may start on line 3)"},
		{"bad indent", "city: x\ncontact:\n  phone: 1\n fax: 2\n", "content/site.yaml:4: YAML: did not find expected key"},
		{"front matter", "---\ntitle: x\nsummary: [\n\n---\n", "content/chapters/01-intro.md:4: YAML: did not find expected node content (check indentation, colons and quoting on this line; the problem may start on line 3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := good()
			file := "site.yaml"
			if strings.HasPrefix(tt.text, "---") {
				file = "chapters/01-intro.md"
			}
			files[file] = tt.text
			wantIn(t, loadErr(t, files), tt.want)
		})
	}
}

// TestSampleLoads loads the sample plan in the repository's content folder.
func TestSampleLoads(t *testing.T) {
	s, err := Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Pillars) == 0 || len(s.Chapters) == 0 {
		t.Fatalf("sample: %d pillars, %d chapters", len(s.Pillars), len(s.Chapters))
	}
}

// TestTextLine: the line of a text is that of its key, in the easy block
// for the easy variant when the block has the text.
func TestTextLine(t *testing.T) {
	files := good()
	files["pillars/1-soudan.yaml"] = goodPillar + "easy:\n  title: そうだん\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	p := s.Pillars[0]
	m := p.Directions[0].Measures[0]
	for _, c := range []struct{ got, want int }{
		{p.TextLine("title", false), 2}, {p.TextLine("title", true), 18},
		{p.TextLine("summary", true), 3}, {m.TextLine("description", false), 10},
		{m.TextLine("title", true), 9}, {p.Directions[0].TextLine("title", false), 6},
	} {
		if c.got != c.want {
			t.Errorf("line %d, want %d", c.got, c.want)
		}
	}
}
