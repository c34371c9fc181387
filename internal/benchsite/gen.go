// Package benchsite generates large plan sites of varied Japanese prose and
// measures how plansite builds them, against two floors measured in the
// same run: a bare goldmark + html/template loop over the same Markdown,
// and the furigana analyzer alone over every distinct text. `make bench`
// drives it through cmd/plansite-bench.
//
// The generated text is deterministic (a fixed seed) and varied: words
// combine from a vocabulary of over 2,000 words and sentences from dozens
// of patterns with numbers, places and 和暦 dates, so that fewer than one
// sentence in ten repeats and no cache can make the corpus free.
package benchsite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Size says how large a generated site is.
type Size struct {
	Chapters int // chapters, each about 3,000 characters
	Pillars  int // pillars, each with 3 directions of 6 measures; 0 means Chapters/50, at least 2
}

func (s Size) pillars() int {
	if s.Pillars > 0 {
		return s.Pillars
	}
	return max(2, s.Chapters/50)
}

// Generate writes a site of the given size into dir (content/ under it).
// The same size always gives the same files.
func Generate(dir string, size Size) error {
	g := &gen{r: rand.New(rand.NewPCG(uint64(size.Chapters), 2026))}
	files := map[string]string{"site.yaml": siteYAML}
	for c := 1; c <= size.Chapters; c++ {
		name := "chapters/" + chapterFile(c)
		files[name] = g.chapter(c)
		if c%5 == 0 {
			files[strings.TrimSuffix(name, ".md")+".easy.md"] = g.easyChapter(c)
		}
	}
	n := 0
	for p := 1; p <= size.pillars(); p++ {
		files[fmt.Sprintf("pillars/%d-p.yaml", p)] = g.pillar(p, &n)
	}
	for name, text := range files {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

const siteYAML = `city: 小平市
title: 第四次小平市障がい者福祉計画（生成版）
short_title: 障がい者福祉計画
period: {from: 2024, to: 2029}
philosophy: [ともに生き、ともに支えあうまち]
policies: [地域で安心して暮らせる支援, 自分らしく生きるための社会参加]
contact: {department: 健康福祉部 障がい者支援課, phone: 042-000-0000}
furigana: grade:6
easy:
  title: しょうがいの ある 人の ための けいかく
  philosophy: [みんなで いっしょに いきる まち]
  policies: [あんしんして くらせる まち, じぶんらしく いきる まち]
`

// gen draws words and sentences from one random source.
type gen struct{ r *rand.Rand }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) noun() string { return g.pick(prefixes) + g.pick(heads) }

func (g *gen) place() string { return g.pick(places) + g.pick(placeSuffixes) }

// year is a 和暦 year: 平成25年 to 令和11年.
func (g *gen) year() string {
	y := 2013 + g.r.IntN(17)
	if y < 2019 {
		return fmt.Sprintf("平成%d年度", y-1988)
	}
	if y == 2019 {
		return "令和元年度"
	}
	return fmt.Sprintf("令和%d年", y-2018)
}

// sentence fills a pattern's slots.
func (g *gen) sentence(pattern string) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != '{' {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		end := strings.IndexByte(pattern[i:], '}')
		b.WriteString(g.slot(pattern[i+1 : i+end]))
		i += end + 1
	}
	return b.String()
}

func (g *gen) slot(name string) string {
	switch name {
	case "N":
		return g.noun()
	case "P":
		return g.pick(people)
	case "V":
		return g.pick(verbs)
	case "A":
		return g.pick(adverbs)
	case "C":
		if g.r.IntN(2) == 0 {
			return ""
		}
		return g.pick(connectors)
	case "R":
		return g.pick(reasons)
	case "J":
		return g.pick(adjectives)
	case "D":
		return g.pick(departments)
	case "L":
		return g.place()
	case "Y":
		return g.year()
	case "M":
		return fmt.Sprintf("%d月", 1+g.r.IntN(12))
	case "X":
		return fmt.Sprintf("%d", 2+g.r.IntN(3000))
	case "Q":
		return fmt.Sprintf("%d.%d%%", g.r.IntN(90)+1, g.r.IntN(10))
	case "W":
		return g.pick(laws)
	case "E":
		return g.pick(easyWords)
	}
	return name
}

// paragraph is 3 to 6 sentences.
func (g *gen) paragraph() string {
	n := 3 + g.r.IntN(4)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(g.sentence(g.pick(patterns)))
	}
	return b.String()
}

// chapter is about 3,000 characters: sections with ## headings, some ###
// subsections, a list, and a captioned table on every third chapter.
func (g *gen) chapter(c int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %sの%s\nweight: %d\nsummary: %s\n---\n\n", g.noun(), g.pick(heads), c, g.sentence(g.pick(patterns)))
	for s := 1; s <= 5; s++ {
		fmt.Fprintf(&b, "# %d %s\n\n%s\n\n%s\n\n%s\n\n", s, g.noun(), g.paragraph(), g.paragraph(), g.paragraph())
		if s == 2 {
			fmt.Fprintf(&b, "## %sについて\n\n%s\n\n", g.noun(), g.paragraph())
			for i := 0; i < 3+g.r.IntN(3); i++ {
				fmt.Fprintf(&b, "- %s\n", g.sentence(g.pick(patterns)))
			}
			b.WriteString("\n")
		}
	}
	if c%3 == 0 {
		g.table(&b)
	}
	return b.String()
}

func (g *gen) table(b *strings.Builder) {
	fmt.Fprintf(b, "# 数値で見る%s\n\n表: %sの推移\n\n| 年度 | 利用者数 | 相談件数 |\n|---|---:|---:|\n", g.noun(), g.noun())
	for y := 2019; y <= 2023; y++ {
		fmt.Fprintf(b, "| 令和%d年度 | %d人 | %d件 |\n", y-2018, 100+g.r.IntN(5000), 10+g.r.IntN(900))
	}
	b.WriteString("\n")
}

// easyChapter is the わかりやすい版 of chapter c: short sentences written
// with spaces between phrases.
func (g *gen) easyChapter(c int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %sの はなし\nweight: %d\n---\n\n", g.pick(easyWords), c)
	for s := 1; s <= 3; s++ {
		fmt.Fprintf(&b, "# %sの こと\n\n", g.pick(easyWords))
		for i := 0; i < 4; i++ {
			b.WriteString(g.sentence(g.pick(easyPatterns)) + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// pillar is pillar p with 3 directions of 6 measures; *n numbers the
// measures across the site.
func (g *gen) pillar(p int, n *int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "number: %d\ntitle: %sの%s\nsummary: %s\neasy: {title: %sを ささえる, summary: %s}\ndirections:\n",
		p, g.noun(), g.pick(heads), g.paragraph(), g.pick(easyWords), g.sentence(g.pick(easyPatterns)))
	for d := 1; d <= 3; d++ {
		fmt.Fprintf(&b, "  - number: %d\n    title: %sの%s\n    measures:\n", d, g.noun(), g.pick(heads))
		for m := 0; m < 6; m++ {
			*n++
			g.measure(&b, *n)
		}
	}
	return b.String()
}

var statuses = []string{"新規", "拡充", "継続"}

func (g *gen) measure(b *strings.Builder, n int) {
	fmt.Fprintf(b, "      - number: %d\n        title: %s\n        description: %s\n        departments: [%s, %s]\n        status: %s\n",
		n, g.noun(), g.paragraph(), g.pick(departments), g.pick(departments), g.pick(statuses))
	if n%4 == 0 {
		fmt.Fprintf(b, "        targets:\n          - indicator: %sの利用者数\n            unit: 人\n            baseline: {fy: 2023, value: %d}\n            goal: {fy: 2029, value: %d}\n",
			g.noun(), 10+g.r.IntN(100), 120+g.r.IntN(200))
	}
	if n%5 == 0 {
		fmt.Fprintf(b, "        easy: {title: %sの てつだい, description: %s}\n", g.pick(easyWords), g.sentence(g.pick(easyPatterns)))
	}
}

// chapterFile is the file name of chapter c (from 1) of a generated site.
func chapterFile(c int) string { return fmt.Sprintf("%05d-c.md", c) }
