package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/benchsite"
)

// generateSite writes a large plan: chapters chapters of about 40
// paragraphs and pillars pillars of 20 measures each, in both variants.
func generateSite(b *testing.B, chapters, pillars int) string {
	b.Helper()
	root := b.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, "content", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("site.yaml", "city: 小平市\ntitle: 大きな計画\nshort_title: 計画\nperiod: {from: 2024, to: 2029}\n"+
		"philosophy: [ともに生きるまち]\ncontact: {department: 障がい者支援課}\nfurigana: grade:6\n"+
		"easy: {philosophy: [いっしょに いきる まち]}\n")
	para := "障がいのある人が地域で安心して暮らせるよう、相談支援の体制を充実させ、関係機関と協働して取り組みを進めます。\n\n"
	easy := "こまったときは そうだんできます。\n\nまちの みんなで ささえます。\n\n"
	for c := 1; c <= chapters; c++ {
		front := fmt.Sprintf("---\ntitle: 第%d章\nweight: %d\n---\n", c, c)
		body := ""
		for s := 1; s <= 8; s++ {
			body += fmt.Sprintf("# 節%d\n\n%s", s, strings.Repeat(para, 5))
		}
		write(fmt.Sprintf("chapters/%02d-c.md", c), front+body)
		write(fmt.Sprintf("chapters/%02d-c.easy.md", c), front+"# はじめに\n\n"+strings.Repeat(easy, 10))
	}
	n := 0
	for p := 1; p <= pillars; p++ {
		var y strings.Builder
		fmt.Fprintf(&y, "number: %d\ntitle: 柱%d\nsummary: %s\neasy: {title: はしら, summary: ささえます。}\nmeasures:\n", p, p, strings.TrimSpace(para))
		for m := 0; m < 20; m++ {
			n++
			fmt.Fprintf(&y, "  - number: %d\n    title: 施策%d\n    description: %s\n    departments: [障がい者支援課, 課%d]\n    status: 継続\n    easy: {title: とりくみ, description: すすめます。}\n",
				n, n, strings.TrimSpace(para), m%7)
		}
		write(fmt.Sprintf("pillars/%d-p.yaml", p), y.String())
	}
	return root
}

// BenchmarkBuildLarge builds a generated site of 40 chapters and 50
// pillars (1000 measures), minified, both variants. `make bench` runs it.
func BenchmarkBuildLarge(b *testing.B) {
	root := generateSite(b, 40, 50)
	dest := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	var st Stats
	for i := 0; i < b.N; i++ {
		var err error
		st, err = Build(Options{Root: root, Dest: dest, Minify: true})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Pages), "pages")
}

// BenchmarkBuildSample builds the sample plan in content/.
func BenchmarkBuildSample(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	for i := 0; i < b.N; i++ {
		if _, err := Build(Options{Root: sampleRoot, Dest: dest, Minify: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreviewEdit measures what `plansite serve` does on each save of
// a chapter of a generated 1,000-chapter site: the session is told which
// file changed, as the watcher tells it, and a build carries over every
// other page, leaves out the search index and downloads, and updates the
// output in place.
func BenchmarkPreviewEdit(b *testing.B) {
	root := b.TempDir()
	if err := benchsite.Generate(root, benchsite.Size{Chapters: 1000}); err != nil {
		b.Fatal(err)
	}
	session := &Session{}
	opts := Options{Root: root, Dest: filepath.Join(b.TempDir(), "public"), Minify: true, NoBundles: true, NoSearch: true, Session: session}
	if _, err := Build(opts); err != nil {
		b.Fatal(err)
	}
	chapter := filepath.Join(root, "content", "chapters", "00001-c.md")
	orig, err := os.ReadFile(chapter)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(chapter, fmt.Appendf(append([]byte(nil), orig...), "\n編集%dの文です。\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		session.Changed([]string{chapter}, false)
		st, err := Build(opts)
		if err != nil {
			b.Fatal(err)
		}
		if st.Pages-st.Carried > 2 {
			b.Fatalf("an edit of one chapter rendered %d pages", st.Pages-st.Carried)
		}
	}
}
