package plan

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/diag"
)

// FuzzDecode feeds one text to every YAML reader of the plan (site,
// pillar, glossary, readings, front matter) in memory. None may panic;
// every error is a *diag.Error in valid UTF-8, at a line of the file, and
// no Go type name leaks into it.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		goodSite, goodPillar, goodChapter,
		aliasBomb(3),
		goodPillar + "---\nnumber: 2\n",
		"number: 相談支援の充実\n",
		"number: 1.5\nmeasures:\n  -\n  - number: [1]\n",
		"- term: a\n  description: b\n-\n",
		"小平: kodaira\n小平: こだいら\n国分寺:\n",
		"period: {from: -5, to: 3}\nbase_url: 'https://a/\"<'\n",
		"x: \x1b[31m\n",
		"number: !custom 1\ntitle: [\n\n",
		"? [a]\n: b\n",
		"number: 1\n\ttitle: a\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 2
		check := func(err error) {
			var list diag.List
			if err == nil {
				return
			}
			list.Add(err)
			for _, e := range list {
				var d *diag.Error
				if !errors.As(e, &d) {
					t.Fatalf("not a diag.Error: %v", e)
				}
				if d.Line < 0 || d.Line > lines {
					t.Fatalf("line %d outside the file (%d lines): %v", d.Line, lines, d)
				}
				if !utf8.ValidString(d.Error()) || strings.Contains(d.Msg, "plan.") || strings.Contains(d.Msg, "unmarshal") {
					t.Fatalf("bad message %q", d.Error())
				}
			}
		}
		check(decodeStrict("f.yaml", []byte(src), &Site{}))
		check(decodeStrict("f.yaml", []byte(src), &Pillar{}))
		check(decodeStrict("f.yaml", []byte(src), &[]*Term{}))
		var errs diag.List
		if root, err := parseYAML("f.yaml", []byte(src)); err == nil {
			readingsOf("f.yaml", root.Content[0], &errs)
		}
		check(errs.Err())
		_, err := parseFront("f.md", []byte("---\n"+src+"\n---\n"), &Front{})
		lines += 2
		check(err)
		check(checkText("f.md", []byte(src)))
	})
}
