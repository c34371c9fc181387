package easyread

import (
	"strings"
	"testing"
)

// FuzzCheck checks that Check never panics and that its findings are on
// lines of the text, sorted, and well-formed.
func FuzzCheck(f *testing.F) {
	f.Add(badText, 1, 30)
	f.Add(goodTexts["ruby-and-markdown"], 5, 0)
	f.Add("---\ntitle: x\n---\n{a|b}{~c|d|e}\\{[x](y)![z](w)<b>`c`|**e**", 0, -1)
	f.Add("{|}{a||b}{{}}[[[](((<!--\n-->\n```\n", -3, 1)
	f.Add("\xff\xfe。、ー々ｰ\u3000\r\n# #\n> - 1. [ ] ", 1, 2)
	f.Add(strings.Repeat("漢", 200)+strings.Repeat("カ", 50), 1, 3)
	f.Fuzz(func(t *testing.T, text string, start, limit int) {
		cfg := Config{MaxSentence: limit, MaxCommas: limit, KanjiRunMin: limit, Grade: limit,
			MaxKatakana: limit, MaxKanjiRatio: float64(limit) / 10,
			HardWords: map[string]string{text[:min(len(text), 3)]: "x"}}
		rep := Check("f.md", start, text, cfg)
		first := max(start, 1)
		last := first + strings.Count(text, "\n")
		for i, fd := range rep.Findings {
			if fd.Rule == "internal" {
				t.Fatalf("checker recovered from a panic: %s", fd.Message)
			}
			if fd.Line < first || fd.Line > last {
				t.Errorf("line %d outside %d..%d: %s", fd.Line, first, last, fd)
			}
			if i > 0 {
				p := rep.Findings[i-1]
				if p.Line > fd.Line || p.Line == fd.Line && p.Rule > fd.Rule {
					t.Errorf("not sorted: %s before %s", p, fd)
				}
			}
			if fd.File != "f.md" || fd.Message == "" {
				t.Errorf("malformed: %#v", fd)
			}
		}
		_ = rep.String()
	})
}
