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
	f.Fuzz(func(t *testing.T, raw string) {
		checkDiag(t, checkText("f.md", []byte(raw)), strings.Count(raw, "\n")+1)
		src := string(normalizeNewlines([]byte(raw))) // as the loader reads it
		lines := strings.Count(src, "\n") + 2
		checkDiag(t, decodeStrict("f.yaml", []byte(src), &Site{}), lines)
		checkDiag(t, decodeStrict("f.yaml", []byte(src), &Pillar{}), lines)
		checkDiag(t, decodeStrict("f.yaml", []byte(src), &[]*Term{}), lines)
		var errs diag.List
		if root, err := parseYAML("f.yaml", []byte(src)); err == nil {
			readingsOf("f.yaml", root.Content[0], &errs)
		}
		checkDiag(t, errs.Err(), lines)
		_, err := parseFront("f.md", []byte("---\n"+src+"\n---\n"), &Front{})
		checkDiag(t, err, lines+2)
	})
}

// checkDiag fails unless every error in err is a *diag.Error at a line of
// the file, in valid UTF-8, without Go type names.
func checkDiag(t *testing.T, err error, lines int) {
	t.Helper()
	var list diag.List
	list.Add(err)
	for _, e := range list {
		var d *diag.Error
		if !errors.As(e, &d) {
			t.Fatalf("not a diag.Error: %v", e)
		}
		if d.Line < 1 || d.Line > lines {
			t.Fatalf("line %d outside the file (%d lines): %v", d.Line, lines, d)
		}
		if !utf8.ValidString(d.Error()) || strings.Contains(d.Msg, "plan.") || strings.Contains(d.Msg, "unmarshal") {
			t.Fatalf("bad message %q", d.Error())
		}
	}
}
