package markdown

import (
	"strings"
	"testing"
)

// BenchmarkConvert converts about 100 KB of chapter Markdown with author
// ruby, a captioned table and links, without automatic furigana.
func BenchmarkConvert(b *testing.B) {
	section := "# 計画の背景\n\n{小平|こだいら}市では、障がいのある人が地域で暮らせるよう[相談](02-plan.md)の体制を整えます。\n\n" +
		"表: 手帳所持者数\n\n| 年度 | 人数 |\n|---|---|\n| 2022 | 3,210 |\n| 2023 | 3,305 |\n\n"
	src := []byte(strings.Repeat(section, 100_000/len(section)+1))
	c := New(Options{})
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		p := &Page{File: "bench.md", Line: 1, Resolve: func(d string) (string, error) { return strings.TrimSuffix(d, ".md") + ".html", nil }}
		if _, err := c.Convert(src, p); err != nil {
			b.Fatal(err)
		}
	}
}
